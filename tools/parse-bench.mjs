// How long the page takes to parse and validate the largest story it accepts: a valid story
// of just under MAX_PAGE_FILE_BYTES (10 MiB), read from its bytes as the page reads it
// (`FlowMap.from_bytes`: the map module's plain reader and validator, then the map's scene) in
// headless Chromium: the module loaded once in a fresh page, then the story read `runs` times.
//   node tools/parse-bench.mjs [--mib=10] [--runs=5]      (make parse-bench)
// Prints the size, each run's time, the first (cold) run and the median. The first is what a
// reader meets: the module's code not yet optimised by the browser, its memory not yet grown.
// The page parses on its main thread; the README records whether the first stays under 200 ms
// (see issue 12, item 5).
import { loadavg } from 'node:os';
import { start, open } from '../tests/browser.mjs';

const opts = { mib: 10, runs: 5 };
for (const arg of process.argv.slice(2)) {
  const m = /^--(mib|runs)=(\d+(\.\d+)?)$/.exec(arg);
  if (!m) {
    console.error('usage: node tools/parse-bench.mjs [--mib=M] [--runs=N]');
    process.exit(2);
  }
  opts[m[1]] = Number(m[2]);
}

/** A valid story of about `bytes` bytes: places over Eurasia, streams between them, five
 * running-total readings each, minified as a newsroom's tool would write it. */
function story(bytes) {
  const day = (d) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10);
  const s = {
    story: { id: 'big', title: 'A story as large as the page accepts', as_of: '2025-06-30', version: '1.0.0', start: '2022-01-01', end: '2025-06-30' },
    sources: [{ id: 's', document: 'generated', title: 'Generated', published: '2025-06-30' }],
    places: [],
    categories: [{ id: 'c', names: { en: 'C' } }],
    units: [{ id: 'u', names: { en: 'U' } }],
    streams: [],
    observations: [],
  };
  const places = 1000;
  for (let i = 0; i < places; i += 1) {
    s.places.push({ id: `p${i}`, names: { en: `Place ${i}` }, lon: 30 + (i * 7.3) % 105, lat: 35 + (i * 3.1) % 27, precision: 'city', country: 'RU' });
  }
  let size = JSON.stringify(s).length;
  for (let i = 0; size < bytes; i += 1) {
    const id = `f${i}`;
    const from = i % places;
    const stream = { id, label: `Flow ${i}`, category: 'c', unit: 'u', from: `p${from}`, to: `p${(from + 1 + (i * 13) % (places - 1)) % places}` };
    const obs = [];
    for (let o = 0; o < 5; o += 1) {
      obs.push({ id: `${id}-o${o}`, stream: id, quantity: { about: 100 * (o + 1) }, unit: 'u', measure: 'cumulative',
        period: `2022-01-01/${day(200 * (o + 1))}`, reported: day(200 * (o + 1)),
        claimant: { name: 'generator', party: 'none' }, source: 's', confidence: 'reported' });
    }
    const add = JSON.stringify(stream).length + JSON.stringify(obs).length + 2;
    if (size + add > bytes) break;
    s.streams.push(stream);
    s.observations.push(...obs);
    size += add;
  }
  return JSON.stringify(s);
}

const text = story(opts.mib * 1024 * 1024 - 1024);
const env = await start();
try {
  const { page, context, errors } = await open(env, '/data/basemap.json');
  const times = await page.evaluate(async ({ text, runs }) => {
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
  // The browser's own request for /favicon.ico answers 404: not part of what is measured.
  const failures = errors.filter((e) => !e.includes('status of 404'));
  if (failures.length) throw new Error(failures.join('\n'));
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  const parsed = JSON.parse(text);
  console.log(`story: ${(text.length / 2 ** 20).toFixed(2)} MiB, ${parsed.streams.length} streams, ${parsed.observations.length} observations, ${parsed.places.length} places`);
  console.log(`parse and validate in the page (wasm, Chromium): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`first (cold) parse ${times[0].toFixed(0)} ms; median ${sorted[sorted.length >> 1].toFixed(0)} ms`);
  console.log(`load average (1 min): ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`);
} finally {
  await env.close();
}
