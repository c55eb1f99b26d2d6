// The story worker: reads and validates a large story off the main thread, so that a reader's
// page never freezes while a story of up to 10 MiB reads (see story-read.js, which starts it).
// It runs the map module's own plain reader and validator (`pack_story`) on the module the page
// has already compiled (sent here, never fetched or compiled twice), and answers with the
// story packed in parts (flowlines_core::handover) for the main thread to read back one part
// per task. For a story that does not read, it runs the second module's located reader and
// answers with every problem as `file:line:column: message`.
//
// Messages in:  {kind: 'read', module, file, bytes}
//               {kind: 'problems', extras, file, text}   extras: the second module's wasm URL
// Messages out: {kind: 'read', packed, bytes} | {kind: 'refused', message, bytes}
//               {kind: 'problems', lines}
// `bytes` (the file) and `packed` are transferred, never copied.
import { initSync, pack_story as packStory } from '../pkg/flowlines_wasm.js';

let ready = false;

self.onmessage = async ({ data: message }) => {
  if (message.kind === 'read') {
    const { module, file, bytes } = message;
    if (!ready) { initSync({ module }); ready = true; }
    let packed;
    try {
      packed = packStory(file, bytes);
    } catch (e) {
      self.postMessage({ kind: 'refused', message: e.message ?? String(e), bytes }, [bytes.buffer]);
      return;
    }
    self.postMessage({ kind: 'read', packed, bytes }, [packed.buffer, bytes.buffer]);
  } else if (message.kind === 'problems') {
    const { extras, file, text } = message;
    let lines = [];
    try {
      const glue = await import('../pkg/flowlines_extras_wasm.js');
      await glue.default({ module_or_path: extras });
      lines = glue.Extras.problems(file, text);
    } catch (e) {
      lines = []; // the page then shows the plain reader's first problem
    }
    self.postMessage({ kind: 'problems', lines });
  }
};
