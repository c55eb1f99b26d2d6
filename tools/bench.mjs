// Runs the map benchmark headless in Debian's Chromium: for each size, the plain-JavaScript
// reference page (www/bench/reference.html) and our map (www/bench.html), in the same browser
// one after the other, and prints both side by side.
//   node tools/bench.mjs [FLOWS ...] [--seconds=5] [--places=300] [--seed=42] [--day=2024-01-01]
//                        [--pages=reference,flowlines] [--thinning=off|on] [--rounds=1] [--json]
// Flows default to 1000 10000 100000. `--json` prints one JSON object per size and page, one
// per line, instead of the table. `--rounds=N` runs the pages N times over, alternately (each
// page first in every other round), and gives each figure's median over the rounds. The table
// ends with ours over the reference's for script time per frame (issue 10 item 1 asks for at
// most 0.5), static layer and first frame (item 2 asks for at most 1), round by round, so that
// one round disturbed by the machine does not decide it. `--thinning=on` asks our page for the
// core's particle thinning (URL parameter `thinning`), if the core has it; the reference never
// thins. Our page is always asked for `cluster=off`: the engines are compared on every flow,
// unclustered.
// Both pages are measured by www/bench/measure.js (see there how, and why that way); this
// tool adds `taskMsPerFrame`, Chrome's TaskDuration over the measured frames, as a cross-check.
import { loadavg, cpus } from 'node:os';
import { start, open } from '../tests/browser.mjs';
import { ensureStory } from './bench-story.mjs';
import { quantile } from '../www/bench/measure.js';

const PAGES = ['reference', 'flowlines'];
const opts = {
  seconds: 5, places: 300, seed: 42, day: '2024-01-01', pages: PAGES.join(','), thinning: 'off', rounds: 1, json: false,
};
const flows = [];
const USAGE = 'usage: node tools/bench.mjs [FLOWS ...] [--seconds=S] [--places=N] [--seed=N] [--day=YYYY-MM-DD] '
  + '[--pages=reference,flowlines] [--thinning=off|on] [--rounds=N] [--json]';
for (const arg of process.argv.slice(2)) {
  const m = /^--(seconds|places|seed|day|pages|thinning|rounds)=(.+)$/.exec(arg);
  if (m) opts[m[1]] = m[2];
  else if (arg === '--json') opts.json = true;
  else if (/^\d+$/.test(arg)) flows.push(Number(arg));
  else {
    console.error(USAGE);
    process.exit(2);
  }
}
if (flows.length === 0) flows.push(1000, 10000, 100000);
const pages = opts.pages.split(',');
const rounds = Number(opts.rounds);
if (!pages.length || pages.some((p) => !PAGES.includes(p)) || !['on', 'off'].includes(opts.thinning)
  || !Number.isInteger(rounds) || rounds < 1) {
  console.error(USAGE);
  process.exit(2);
}

const VIEWPORT = { width: 1280, height: 1000 }; // room for the 1200 x 700 map box
// A 100,000-flow story, its layout and static layer included: today our static layer alone
// takes minutes on a loaded 2-core machine.
const BOOT_BUDGET_MS = 600000;
const PATHS = { reference: '/bench/reference.html', flowlines: '/bench.html' };

/** rAF intervals on an empty page of our origin: what the browser gives with no work to do. */
async function emptyPageInterval(env) {
  const { page, context } = await open(env, '/data/basemap.json', VIEWPORT);
  try {
    const stamps = await page.evaluate(() => new Promise((ok) => {
      const t = [];
      const f = (now) => { t.push(now); if (t.length < 121) requestAnimationFrame(f); else ok(t); };
      requestAnimationFrame(f);
    }));
    const iv = stamps.slice(1).map((x, i) => x - stamps[i]).sort((a, b) => a - b);
    return { median: iv[iv.length >> 1], p95: iv[Math.ceil(iv.length * 0.95) - 1] };
  } finally {
    await context.close();
  }
}

/** The value of `expression` in the page, read through the DevTools protocol (see `until`). */
async function read(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}

/**
 * Waits until `expression` is true in the page, asking every `pollMs` with one small
 * `Runtime.evaluate`. Not Playwright's `waitForFunction`: its first call loads Playwright's own
 * script into the page as soon as the page's load event has fired, and compiling it took the
 * page's main thread for 9.6-23.5 ms (traces of `bench.html`) in the middle of whatever the
 * page was doing before its first frame: our page's wasm start-up or set-up, the reference's
 * wait for its JSON files (README, Benchmarks, "7 December, midday").
 */
async function until(cdp, expression, { timeout, pollMs }) {
  const end = Date.now() + timeout;
  while (!(await read(cdp, expression))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((ok) => setTimeout(ok, pollMs));
  }
}

/** Chrome's TaskDuration so far, in ms, and how many frames the page has drawn. */
async function sample(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  return { taskMs: task * 1000, frames: await read(cdp, 'window.__benchFrames ?? 0') };
}

async function run(env, name, n) {
  const q = new URLSearchParams({
    flows: n, places: opts.places, seed: opts.seed, seconds: opts.seconds, day: opts.day,
  });
  if (name === 'flowlines') {
    q.set('thinning', opts.thinning);
    q.set('cluster', 'off'); // issue 10 item 1 is judged on every flow, never on clusters
  }
  const load = loadavg()[0];
  const { page, context, errors, requests } = await open(env, `${PATHS[name]}?${q}`, VIEWPORT);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const timeout = BOOT_BUDGET_MS + Number(opts.seconds) * 1000;
    // The measured window starts with the third frame (see measure.js).
    await until(cdp, '(window.__benchFrames ?? 0) >= 3 || Boolean(window.__bench)', { timeout, pollMs: 100 });
    const before = await sample(cdp);
    await until(cdp, 'Boolean(window.__bench)', { timeout, pollMs: 250 });
    const after = await sample(cdp);
    const result = await read(cdp, 'window.__bench');
    const outside = requests.filter((u) => !u.startsWith(env.origin + '/'));
    if (outside.length) throw new Error(`requests left the origin: ${outside.join(', ')}`);
    if (result.error) throw new Error(result.error);
    if (errors.length) throw new Error(errors.join('\n'));
    const frames = after.frames - before.frames;
    const taskMsPerFrame = frames > 0 ? Number(((after.taskMs - before.taskMs) / frames).toFixed(2)) : null;
    return { ...result, page: name, taskMsPerFrame, load1: Number(load.toFixed(2)) };
  } finally {
    await context.close();
  }
}

const ROWS = [
  ['particles', 'particles'],
  ['frame interval, median ms', 'intervalMedianMs'],
  ['frame interval, p95 ms', 'intervalP95Ms'],
  ['frames per second', 'fps'],
  ['all script per frame, median ms', 'scriptMedianMs'],
  ['all script per frame, p95 ms', 'scriptP95Ms'],
  ['core (pixels, no putImageData), median ms', 'coreMedianMs'],
  ['Chrome TaskDuration per frame ms', 'taskMsPerFrame'],
  ['set-up (story to geometry) ms', 'setupMs'],
  ['static layer ms', 'staticLayerMs'],
  ['first frame ms', 'firstFrameMs'],
  ['load average (1 min) at start', 'load1'],
];

/** Metrics as rows; for each size, one column per page. */
function table(results) {
  const head1 = [''];
  const head2 = [''];
  for (const n of flows) for (const p of pages) { head1.push(`${n.toLocaleString('en')} flows`); head2.push(p); }
  const body = ROWS.map(([label, key]) => [label, ...flows.flatMap((n) => pages.map((p) => {
    const v = results.find((r) => r.flows === n && r.page === p)?.[key];
    return v === undefined || v === null ? '-' : String(v);
  }))]);
  if (pages.length === 2) body.push(...RATIOS.map(([label, key]) => ratioRow(results, label, key)));
  const cells = [head1, head2, ...body];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells.map((c) => c.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ')).join('\n');
}

/**
 * The median of `values` (nulls left out) by the nearest rank, as the pages take their
 * per-frame medians (measure.js `quantile`); null when none.
 */
function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? quantile(v, 0.5) : null;
}

/**
 * One size and page over its rounds: each measured figure the median of the rounds' (the
 * rounds' own figures, in order, under `perRound`), `rounds` how many.
 */
function combine(runs) {
  if (runs.length === 1) return runs[0];
  const out = { ...runs[0], rounds: runs.length, perRound: {} };
  for (const [key, value] of Object.entries(runs[0])) {
    if (typeof value !== 'number' || key === 'flows' || key === 'places') continue;
    out[key] = median(runs.map((r) => r[key]));
    out.perRound[key] = runs.map((r) => r[key] ?? null);
  }
  return out;
}

/** The figures the table gives as ours over the reference's, last: label and key. */
const RATIOS = [
  ['script', 'scriptMedianMs'],
  ['static layer', 'staticLayerMs'],
  ['first frame', 'firstFrameMs'],
];

/**
 * Our `key` over the reference's, per size: with several rounds, round by round (each round's
 * two pages ran back to back, so a slow spell of the machine slows both), the median and the
 * lowest and highest.
 */
function ratioRow(results, label, key) {
  const title = rounds > 1 ? `${label}, ours / reference (median, range)` : `${label}, ours / reference`;
  return [title, ...flows.flatMap((n) => {
    const [ref, ours] = ['reference', 'flowlines'].map((p) => results.find((r) => r.flows === n && r.page === p));
    // Round by round when both pages have every round; else their medians alone.
    const paired = ref?.perRound && ours?.perRound && ref.rounds === ours.rounds;
    const each = (r) => (paired ? r.perRound[key] : [r?.[key]]);
    const ratios = ref && ours ? each(ours).map((x, i) => x / each(ref)[i]).filter(Number.isFinite) : [];
    if (ratios.length === 0) return ['-', '-'];
    const text = ratios.length > 1
      ? `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`
      : ratios[0].toFixed(2);
    return ['', text];
  })];
}

const say = opts.json ? (s) => console.error(s) : (s) => console.log(s);
if (pages.includes('reference')) {
  for (const n of flows) ensureStory({ flows: n, places: Number(opts.places), seed: Number(opts.seed), day: opts.day });
}
const env = await start();
let failed = false;
try {
  const empty = await emptyPageInterval(env);
  say(`rAF on an empty page: median ${empty.median.toFixed(2)} ms, p95 ${empty.p95.toFixed(2)} ms`);
  say(`map 1200 x 700 CSS px, dpr 1, ${opts.places} places, seed ${opts.seed}, day ${opts.day}, `
    + `${opts.seconds} s per run, particle thinning ${opts.thinning} on our page`
    + `${rounds > 1 ? `, ${rounds} rounds (medians)` : ''}`);
  // Other work on the machine slows every figure down: say how busy it was.
  say(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs\n`);
  const results = [];
  for (const n of flows) {
    const runs = Object.fromEntries(pages.map((p) => [p, []]));
    for (let round = 0; round < rounds; round++) {
      // Each page first in every other round: neither always meets the browser just after
      // the other's page has closed.
      for (const p of round % 2 ? [...pages].reverse() : pages) {
        try {
          runs[p].push(await run(env, p, n));
        } catch (e) {
          failed = true;
          console.error(`${p}, flows=${n}: ${e.message ?? e}`);
        }
      }
    }
    for (const p of pages) {
      if (runs[p].length === 0) continue;
      const r = combine(runs[p]);
      results.push(r);
      if (opts.json) console.log(JSON.stringify(r));
    }
  }
  if (!opts.json) console.log(table(results));
} finally {
  await env.close();
}
process.exit(failed ? 1 : 0);
