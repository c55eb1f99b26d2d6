// What a reader meets when the page opens the largest story it accepts: a valid story of just
// under MAX_PAGE_FILE_BYTES (10 MiB), served to a fresh page (index.html?data=...) in headless
// Chromium. The page reads a story this large in its story worker (www/js/story-worker.js) and
// reads the packed parts back into the map module one part per task (www/js/read-in-worker.js).
//   node tools/parse-bench.mjs [--mib=10] [--runs=5]      (make parse-bench)
// Prints, for the fresh page (tools/read-timing.mjs): whether the story was read in a worker;
// each task of the read on the main thread (copying the packed story into the map module, then
// each part) and the longest task of the read phase (from the story's arrival to its last part
// read: PerformanceObserver 'longtask', tasks over 50 ms); then what follows the read, which is
// not parsing: making the map from the story (the scene) and the longest task until the map is
// drawn (the `flowlines-ready` event). Beside it, the old figures: reading the same story on the
// main thread with `FlowMap.from_validated_bytes`, in its binary compact form (what the page did before the
// worker: that whole read was one task; since 6 December without validating it, which the map
// module no longer does, so the old figure is now a lower bound), cold (first run in a fresh page) and the median of `runs`. The aim (issue 12,
// item 5): no main-thread task over 200 ms while the story reads.
import { loadavg } from 'node:os';
import { start, open } from '../tests/browser.mjs';
import { story } from './big-story.mjs';
import { readTiming, readPhaseTasks } from './read-timing.mjs';

const opts = { mib: 10, runs: 5 };
for (const arg of process.argv.slice(2)) {
  const m = /^--(mib|runs)=(\d+(\.\d+)?)$/.exec(arg);
  if (!m) {
    console.error('usage: node tools/parse-bench.mjs [--mib=M] [--runs=N]');
    process.exit(2);
  }
  opts[m[1]] = Number(m[2]);
}

const text = story(opts.mib * 1024 * 1024 - 1024);
const STORY = '/data/parse-bench-story.json';
const env = await start();
try {
  // The page as a reader opens it: a fresh context, the story served at a same-origin path.
  const fresh = await readTiming(env, `/?data=${STORY.slice(1)}`, STORY, text);
  if (fresh.errors.length) throw new Error(fresh.errors.join('\n'));

  // Before: the same bytes read by FlowMap.from_validated_bytes on the main thread, in a fresh page.
  const { page: old, context: oldContext } = await open(env, '/data/basemap.json');
  const times = await old.evaluate(async ({ text, runs }) => {
    const glue = await import('/pkg/flowlines_wasm.js');
    const extras = await import('/pkg/flowlines_extras_wasm.js');
    await Promise.all([glue.default(), extras.default()]);
    // The map module reads the binary compact form; the second module makes it, untimed.
    const bytes = extras.Extras.binary('parse-bench.json', new TextEncoder().encode(text));
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      glue.FlowMap.from_validated_bytes('parse-bench.json', bytes).free();
      out.push(performance.now() - t0);
    }
    return out;
  }, { text, runs: opts.runs });
  await oldContext.close();

  const ms = (t) => `${t.toFixed(0)} ms`;
  const sorted = (list) => [...list].sort((a, b) => a - b);
  const median = (list) => sorted(list)[list.length >> 1];
  const parsed = JSON.parse(text);
  const of = (what) => fresh.steps.filter((s) => s.what === what);
  const parts = of('part').map((s) => s.ms);
  const [copy] = of('copy');
  const [made] = of('map');
  const during = readPhaseTasks(fresh);
  const after = fresh.tasks.filter((t) => t.start >= fresh.phase.end && t.start <= fresh.drawn).sort((a, b) => b.ms - a.ms);
  console.log(`story: ${(text.length / 2 ** 20).toFixed(2)} MiB, ${parsed.streams.length} streams, ${parsed.observations.length} observations, ${parsed.places.length} places`);
  console.log(`read in a worker: ${fresh.workers.some((w) => w.endsWith('/story-worker.js')) ? 'yes' : 'no'} (${fresh.workers.join(', ') || 'no worker'})`);
  console.log(`story arrived at ${ms(fresh.arrived)}; read phase ${ms(fresh.phase.start)} to ${ms(fresh.phase.end)}`);
  console.log(`main-thread tasks of the read: copy into the map module ${copy ? ms(copy.ms) : '-'}; ${parts.length} parts, one per task: ${parts.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  parts: longest ${ms(Math.max(...parts))}, median ${ms(median(parts))}`);
  console.log(`longest main-thread task of the read phase (over 50 ms): ${during.length ? during.slice(0, 3).map((t) => `${ms(t.ms)} at ${ms(t.start)}`).join('; ') : 'none'}`);
  console.log('');
  console.log(`after the read (not parsing): the map made from the story (scene) ${made ? ms(made.ms) : '-'}; longest tasks until drawn: ${after.slice(0, 3).map((t) => `${ms(t.ms)} at ${ms(t.start)}`).join('; ') || 'none'}`);
  console.log(`time until the map is drawn: ${ms(fresh.drawn)}`);
  console.log(`before (main thread, FlowMap.from_validated_bytes, one task): ${ms(times[0])} cold, ${ms(median(times))} median (${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`load average (1 min): ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`);
} finally {
  await env.close();
}
