// The main thread's side of the story worker (story-worker.js), loaded only for a story large
// enough to be read there (story-read.js): hands the file's bytes to the worker with the map
// module the page compiled, reads back the packed story one part per task, and makes the map.
import { FlowMap, StoryParts } from '../pkg/flowlines_wasm.js';
import { extrasWasm } from './extras.js';

/** Resolves once the browser has had a turn: the next part is read in a task of its own. */
function nextTask() {
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); ok(); };
    channel.port2.postMessage(null);
  });
}

/** Sends `message` to `worker` (transferring `transfer`) and resolves to its answer. */
function ask(worker, message, transfer) {
  return new Promise((ok, fail) => {
    worker.onmessage = ({ data }) => ok(data);
    worker.onerror = (e) => fail(new Error(`flowlines: the story worker failed: ${e.message ?? 'no message'}`));
    worker.postMessage(message, transfer);
  });
}

/**
 * `{map, bytes}` for story `data` (its file's bytes, named `file`), read in a new story worker
 * given the compiled map `module`; the bytes go there and back, transferred, never copied. A
 * story that does not read throws every problem the worker's located reader finds in
 * `await original(bytes)`, the file as written, as `file:line:column: message` lines.
 */
export async function readInWorker(file, data, original, module) {
  const worker = new Worker(new URL('./story-worker.js', import.meta.url), { type: 'module' });
  try {
    const answer = await ask(worker, { kind: 'read', module, file, bytes: data }, [data.buffer]);
    const { bytes } = answer;
    if (answer.kind === 'refused') {
      const text = await original(bytes);
      const { lines } = await ask(worker, { kind: 'problems', extras: await extrasWasm(), file, text }, []);
      throw new Error(lines.length ? lines.join('\n') : answer.message);
    }
    const parts = new StoryParts(answer.packed);
    while (!parts.step()) await nextTask();
    await nextTask();
    const map = FlowMap.from_parts(parts);
    await nextTask(); // what the page does next with the map starts in a task of its own
    return { map, bytes };
  } finally {
    worker.terminate();
  }
}
