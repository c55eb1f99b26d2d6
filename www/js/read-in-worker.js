// The main thread's side of the story worker (story-worker.js), loaded only for a story large
// enough to be read there (app.js asks the core's rule, `reads_in_worker`): hands a copy of
// the file's bytes to the worker, which reads, validates and packs the story with the second
// wasm module, then reads the packed story back into the map module one part per task, so
// that no task of the read freezes the page.
import { StoryParts } from '../pkg/flowlines_wasm.js';
import { versioned } from './versioned.js';

const EXTRAS = new URL('../pkg/flowlines_extras_wasm_bg.wasm', import.meta.url);

/** Resolves once the browser has had a turn: the next part is read in a task of its own. */
function nextTask() {
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); ok(); };
    channel.port2.postMessage(null);
  });
}

/**
 * `f()`, its time recorded as a User Timing measure `flowlines-read-${what}` (`copy`: the packed
 * story into the map module; `part`: one part read; `map`: the map made), which
 * `make parse-bench` and the tests read.
 */
function timed(what, f) {
  const start = performance.now();
  const result = f();
  performance.measure(`flowlines-read-${what}`, { start });
  return result;
}

/** Sends `message` to `worker` and resolves to its answer; rejects when the worker fails. */
function ask(worker, message, transfer = []) {
  return new Promise((ok, fail) => {
    worker.onmessage = ({ data }) => (data.kind === 'failed' ? fail(new Error(data.message)) : ok(data));
    worker.onerror = (e) => { e.preventDefault(); fail(new Error(e.message || 'the worker did not start')); };
    worker.postMessage(message, transfer);
  });
}

/**
 * The map read from story `packed` by a map module's `StoryParts`, one part per task, or by
 * the build `other(parts)` resolves to.
 */
async function unpack(StoryParts, packed, other) {
  const parts = timed('copy', () => new StoryParts(packed));
  await nextTask();
  while (!timed('part', () => parts.step())) await nextTask();
  await nextTask();
  const module = await other(parts);
  if (module) return unpack(module.StoryParts, packed, async () => null);
  const map = timed('map', () => parts.map());
  await nextTask(); // what the page does next with the map starts in a task of its own
  return map;
}

/**
 * The map of story `data` (its file's bytes, named `file`), read in a new story worker; `data`
 * stays usable here (the worker gets a copy). A story that does not read throws every problem
 * the worker's located reader finds in `await original()`, the file as written, as
 * `file:line:column: message` lines. Resolves to null when the worker cannot run (a host's
 * Content-Security-Policy that forbids it, or the page's scripts served from another origin):
 * the page then reads the story itself. `other(parts)`, once every part is read, may resolve
 * to another build of the map module (the one with clustering, when the core says the story
 * needs it): the same packed story is then read into that build, one part per task, and no
 * map is made of it here.
 */
export async function readInWorker(file, data, original, other = async () => null) {
  let worker;
  try {
    let answer;
    try {
      // Throws at once for a script of another origin (a map loaded from a CDN, say).
      worker = new Worker(new URL('./story-worker.js', import.meta.url), { type: 'module' });
      answer = await ask(worker, { kind: 'read', extras: await versioned(EXTRAS), file, bytes: data });
    } catch (e) {
      console.warn(`flowlines: the story worker failed (${e.message}); the story is read on the main thread`);
      return null;
    }
    if (answer.kind === 'refused') {
      const { lines } = await ask(worker, { kind: 'problems', file, text: await original() }).catch(() => ({ lines: [] }));
      throw new Error(lines.length ? lines.join('\n') : answer.message);
    }
    worker.terminate();
    return await unpack(StoryParts, answer.packed, other);
  } finally {
    worker?.terminate();
  }
}
