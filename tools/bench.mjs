// Runs the map benchmark (www/bench.html) headless in Debian's Chromium and prints a table.
//   node tools/bench.mjs [FLOWS ...] [--seconds=5] [--places=300] [--day=2024-01-01]
// Flows default to 1000 10000 100000. Before the runs it measures requestAnimationFrame on an
// empty page, so the figures can be read against the rate the browser itself allows (headless
// Chromium here runs rAF at 60 Hz with the test suite's flags; nothing unthrottles it).
import { loadavg, cpus } from 'node:os';
import { start, open } from '../tests/browser.mjs';

const opts = { seconds: 5, places: 300, day: '2024-01-01' };
const flows = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--(seconds|places|day)=(.+)$/.exec(arg);
  if (m) opts[m[1]] = m[2];
  else if (/^\d+$/.test(arg)) flows.push(Number(arg));
  else {
    console.error(`usage: node tools/bench.mjs [FLOWS ...] [--seconds=S] [--places=N] [--day=YYYY-MM-DD]`);
    process.exit(2);
  }
}
if (flows.length === 0) flows.push(1000, 10000, 100000);

const VIEWPORT = { width: 1280, height: 1000 }; // the 1200 x 700 map box and the figures below
const BOOT_BUDGET_MS = 120000; // building a 100,000-flow story and its static layer included

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

async function run(env, n) {
  const q = new URLSearchParams({ flows: n, places: opts.places, seconds: opts.seconds, day: opts.day });
  const { page, context, errors, requests } = await open(env, `/bench.html?${q}`, VIEWPORT);
  try {
    const timeout = BOOT_BUDGET_MS + Number(opts.seconds) * 1000;
    await page.waitForFunction(() => window.__bench, null, { timeout, polling: 250 });
    const result = await page.evaluate(() => window.__bench);
    const outside = requests.filter((u) => !u.startsWith(env.origin + '/'));
    if (outside.length) throw new Error(`requests left the origin: ${outside.join(', ')}`);
    if (result.error) throw new Error(result.error);
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await context.close();
  }
}

const COLUMNS = [
  ['flows', 'flows'], ['particles', 'particles'], ['median ms', 'intervalMedianMs'],
  ['p95 ms', 'intervalP95Ms'], ['fps', 'fps'], ['core median ms', 'coreMedianMs'],
  ['core share', 'coreShare'], ['static layer ms', 'staticLayerMs'], ['first frame ms', 'firstFrameMs'],
];

function table(rows) {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, k]) => String(r[k] ?? '-')))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells.map((c) => c.map((s, i) => s.padStart(widths[i])).join('  ')).join('\n');
}

const env = await start();
let failed = false;
try {
  const empty = await emptyPageInterval(env);
  console.log(`rAF on an empty page: median ${empty.median.toFixed(2)} ms, p95 ${empty.p95.toFixed(2)} ms`);
  console.log(`map 1200 x 700 CSS px, dpr 1, ${opts.places} places, day ${opts.day}, ${opts.seconds} s per run`);
  // Other work on the machine slows every figure down: say how busy it was.
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs\n`);
  const rows = [];
  for (const n of flows) {
    try {
      rows.push(await run(env, n));
    } catch (e) {
      failed = true;
      console.error(`flows=${n}: ${e.message ?? e}`);
      rows.push({ flows: n });
    }
  }
  console.log(table(rows));
} finally {
  await env.close();
}
process.exit(failed ? 1 : 0);
