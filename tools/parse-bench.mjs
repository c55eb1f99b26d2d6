// What a reader meets when the page opens the largest story it accepts: a valid story of just
// under MAX_PAGE_FILE_BYTES (10 MiB), served to a fresh page (index.html?data=...) in headless
// Chromium. The page reads a story this large in its story worker (www/js/story-worker.js) and
// builds the map from the packed parts one part per task (www/js/story-read.js).
//   node tools/parse-bench.mjs [--mib=10] [--runs=5]      (make parse-bench)
// Prints, for the fresh page: whether the story was read in a worker, the longest main-thread
// task from navigation until the map is drawn (PerformanceObserver 'longtask': tasks over
// 50 ms) and the three longest with when they started, and the time until the map is drawn
// (the `flowlines-ready` event: first frame with particles and the static layer). Beside it,
// the old figures: reading the same bytes on the main thread with `FlowMap.from_bytes` (what
// the page did before the worker: that whole read was one task), cold (first run in a fresh
// page) and the median of `runs`. The aim (issue 12, item 5): no main-thread task over 200 ms.
import { loadavg } from 'node:os';
import { start, open } from '../tests/browser.mjs';
import { story } from './big-story.mjs';

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
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  await context.route(`**${STORY}*`, (r) => r.fulfill({ body: text, contentType: 'application/json' }));
  await context.addInitScript(() => {
    const tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    let drawnAt = null;
    document.addEventListener('flowlines-ready', () => { drawnAt ??= performance.now(); });
    Object.defineProperty(window, '__bench', { get: () => ({ tasks: tasks.slice(), drawnAt }) });
  });
  const page = await context.newPage();
  const errors = [];
  const workers = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(`${env.origin}/?data=${STORY.slice(1)}`);
  await page.waitForFunction(() => window.__bench.drawnAt !== null, null, { timeout: 120000 });
  await page.waitForTimeout(300); // the long-task entries of the last frames arrive late
  const fresh = await page.evaluate(() => window.__bench);
  const failures = errors.filter((e) => !e.includes('status of 404'));
  if (failures.length) throw new Error(failures.join('\n'));
  await context.close();

  // Before: the same bytes read by FlowMap.from_bytes on the main thread, in a fresh page.
  const { page: old, context: oldContext } = await open(env, '/data/basemap.json');
  const times = await old.evaluate(async ({ text, runs }) => {
    const glue = await import('/pkg/flowlines_wasm.js');
    await glue.default();
    const bytes = new TextEncoder().encode(text); // what fetch's arrayBuffer() hands the page
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const map = glue.FlowMap.from_bytes('big.json', bytes); // throws the first problem
      out.push(performance.now() - t0);
      map.free();
    }
    return out;
  }, { text, runs: opts.runs });
  await oldContext.close();

  const sorted = [...times].sort((a, b) => a - b);
  const tasks = fresh.tasks.filter((t) => t.start <= fresh.drawnAt).sort((a, b) => b.ms - a.ms);
  const longest = tasks[0]?.ms ?? 0;
  const parsed = JSON.parse(text);
  const ms = (t) => `${t.toFixed(0)} ms`;
  console.log(`story: ${(text.length / 2 ** 20).toFixed(2)} MiB, ${parsed.streams.length} streams, ${parsed.observations.length} observations, ${parsed.places.length} places`);
  console.log(`read in a worker: ${workers.some((w) => w.endsWith('/story-worker.js')) ? 'yes' : 'no'} (${workers.join(', ') || 'no worker'})`);
  console.log(`three longest main-thread tasks until drawn: ${tasks.slice(0, 3).map((t) => `${ms(t.ms)} at ${ms(t.start)}`).join('; ') || 'none over 50 ms'}`);
  console.log('');
  console.log('                                        now (worker)    before (main thread, from_bytes)');
  console.log(`longest main-thread task while loading  ${ms(longest).padEnd(16)}${ms(times[0])} cold, ${ms(sorted[sorted.length >> 1])} median (${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`time until the map is drawn             ${ms(fresh.drawnAt)}`);
  console.log(`load average (1 min): ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`);
} finally {
  await env.close();
}
