// Reading the story into a map. A small story is read on the main thread, where it takes a
// few milliseconds; a large one in the story worker (story-worker.js, driven by
// read-in-worker.js, which only a large story loads), so that no long task freezes the page
// while it reads. Which is which is one rule in the core
// (flowlines_core::handover::reads_in_worker: files of 512 KiB or more), asked here through
// the map module. Either way the same plain reader and validator run, and a story that does not
// read shows every problem, located by the second module's reader, as `file:line:column: message`.
import { FlowMap, reads_in_worker as readsInWorker } from '../pkg/flowlines_wasm.js';
import { problems } from './extras.js';

/** The map module, compiled once: the page instantiates it, and the story worker gets it too. */
export async function compileMap(url) {
  const response = await fetch(url); // served as application/wasm (docs/security.md)
  return WebAssembly.compileStreaming(response);
}

/**
 * The map of story `data` (its file's bytes, named `file`), and the bytes again (a story read in
 * the worker is handed there and back, not copied): `{map, bytes}`. A story that does not read
 * throws an Error listing every problem, located in the file as written, whose text
 * `original(bytes)` gives (the compact form's problems would point into the wrong file).
 * `module` is the compiled map module (compileMap).
 */
export async function readStory(file, data, original, module) {
  if (!readsInWorker(data.length)) {
    try {
      return { map: FlowMap.from_bytes(file, data), bytes: data };
    } catch (e) {
      const located = await problems(file, await original(data)).catch(() => []);
      throw located.length ? new Error(located.join('\n')) : e;
    }
  }
  const { readInWorker } = await import('./read-in-worker.js');
  return readInWorker(file, data, original, module);
}
