// Soak: the default story playing in a loop for MINUTES minutes while a script moves the
// pointer over the map (tooltips) and drags the timeline, then the 10,000-flow benchmark
// (www/bench.html) for MINUTES minutes; at 1 minute and at the end of each it prints the
// JavaScript heap after a garbage collection, the wasm memory and the frame rate over 5 s.
//   node tools/soak.mjs [--minutes=10] [--flows=10000]      (make soak)
// Not part of CI: it takes twice MINUTES of wall time.
import { loadavg } from 'node:os';
import { start, open, ready } from '../tests/browser.mjs';

const opts = { minutes: 10, flows: 10000 };
for (const arg of process.argv.slice(2)) {
  const m = /^--(minutes|flows)=(\d+(\.\d+)?)$/.exec(arg);
  if (!m) {
    console.error('usage: node tools/soak.mjs [--minutes=M] [--flows=N]');
    process.exit(2);
  }
  opts[m[1]] = Number(m[2]);
}
const VIEWPORT = { width: 1280, height: 1000 };
const SAMPLES_AT_MIN = [Math.min(1, opts.minutes), opts.minutes];

/** JS heap after a full collection, and the wasm module's linear memory, in MB. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasmBytes = await page.evaluate(async () => {
    const glue = await import('/pkg/flowlines_wasm.js');
    const exports = await glue.default();
    return exports.memory.buffer.byteLength;
  });
  return { heapMB: usedSize / 2 ** 20, wasmMB: wasmBytes / 2 ** 20 };
}

/** Frames per second over `seconds` of requestAnimationFrame. */
function fps(page, seconds = 5) {
  return page.evaluate((s) => new Promise((ok) => {
    let n = 0;
    const t0 = performance.now();
    const f = (now) => {
      n += 1;
      if (now - t0 < s * 1000) requestAnimationFrame(f);
      else ok((n - 1) / ((now - t0) / 1000));
    };
    requestAnimationFrame(f);
  }), seconds);
}

/** Runs `step` over and over for the soak's minutes, sampling at each of SAMPLES_AT_MIN. */
async function soak(label, page, errors, step) {
  const t0 = Date.now();
  const rows = [];
  for (const at of SAMPLES_AT_MIN) {
    while (Date.now() - t0 < at * 60000) await step();
    const m = await memory(page);
    const f = await fps(page);
    const row = { label, minute: at, heapMB: m.heapMB.toFixed(1), wasmMB: m.wasmMB.toFixed(1), fps: f.toFixed(1), load: loadavg()[0].toFixed(1) };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  if (errors.length) throw new Error(`${label}: ${errors.join('\n')}`);
  return rows;
}

const env = await start();
const rows = [];
try {
  // 1. The default story, playing, with the pointer and the timeline moved by the script.
  {
    const { page, context, errors } = await open(env, '/', VIEWPORT);
    await ready(page);
    const box = await page.evaluate(() => {
      const r = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-particles').getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
    let k = 0;
    rows.push(...await soak('default story', page, errors, async () => {
      k += 1;
      // Sweep the pointer across the map on a slow Lissajous path: tooltips come and go.
      for (let i = 0; i < 20; i += 1) {
        const t = (k * 20 + i) / 50;
        await page.mouse.move(box.x + box.w * (0.5 + 0.45 * Math.sin(t)), box.y + box.h * (0.5 + 0.45 * Math.sin(1.7 * t)));
        await page.waitForTimeout(50);
      }
      // Every few seconds drag the timeline somewhere else; it keeps playing from there.
      await page.evaluate((j) => {
        const input = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-time');
        const lo = Number(input.min);
        const hi = Number(input.max);
        input.value = String(Math.round(lo + ((j * 0.137) % 1) * (hi - lo)));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, k);
    }));
    await context.close();
  }
  // 2. The benchmark page's synthetic story, animating for the whole soak.
  {
    const q = new URLSearchParams({ flows: opts.flows, places: 300, seconds: opts.minutes * 60 + 60 });
    const { page, context, errors } = await open(env, `/bench.html?${q}`, VIEWPORT);
    rows.push(...await soak(`bench ${opts.flows} flows`, page, errors, () => page.waitForTimeout(1000)));
    await context.close();
  }
} finally {
  await env.close();
}
console.log(`\n${new Date().toISOString()}\n| run | minute | JS heap MB | wasm memory MB | frames/s | load average (1 min) |\n|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.label} | ${r.minute} | ${r.heapMB} | ${r.wasmMB} | ${r.fps} | ${r.load} |`);
