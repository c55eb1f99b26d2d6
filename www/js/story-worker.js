// The story worker: reads and validates a large story off the main thread, so that a reader's
// page never freezes while a story of up to 10 MiB reads (read-in-worker.js starts it). It
// runs the page's readers (the binary compact form, or JSON with the plain reader) and the
// validator, in the second wasm module (`Extras.pack`), and answers with the story packed in parts
// (flowlines_core::handover) for the main thread to read back one part per task. For a story
// that does not read, it runs the same module's located reader and answers with every problem
// as `file:line:column: message`.
//
// Messages in:  {kind: 'read', extras, file, bytes}   extras: the second module's wasm URL
//               {kind: 'problems', file, text}
// Messages out: {kind: 'read', packed} (transferred) | {kind: 'refused', message}
//               {kind: 'problems', lines} | {kind: 'failed', message} (the module did not load)
import init, { Extras } from '../pkg/flowlines_extras_wasm.js';

self.onmessage = async ({ data: message }) => {
  try {
    if (message.kind === 'read') {
      await init({ module_or_path: message.extras });
      let packed;
      try {
        packed = Extras.pack(message.file, message.bytes);
      } catch (e) {
        self.postMessage({ kind: 'refused', message: e.message ?? String(e) });
        return;
      }
      self.postMessage({ kind: 'read', packed }, [packed.buffer]);
    } else if (message.kind === 'problems') {
      self.postMessage({ kind: 'problems', lines: Extras.problems(message.file, message.text) });
    }
  } catch (e) {
    self.postMessage({ kind: 'failed', message: e.message ?? String(e) });
  }
};
