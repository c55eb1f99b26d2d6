// The static layer of many flows: drawn in layers of a few hundred routes per path, it looks
// like the one-path-per-colour layer it replaced (pixelmatch, as the snapshots compare) and
// takes a fraction of its time. `STATIC_LAYER_FLOWS=100000` measures a larger story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { start, open } from './browser.mjs';
import { PIXEL_THRESHOLD, MAX_DIFF_SHARE } from './snapshot.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const FLOWS = Number(process.env.STATIC_LAYER_FLOWS || 10000);

/** In the page: the batched flows of a synthetic story drawn both ways, pixels and times. */
async function drawBothWays(page, flows) {
  return page.evaluate(async (flows) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { drawFlowsBatched } = await import('/js/static-layer.js');
    await init();
    const map = FlowMap.synthetic(300, flows, 42n);
    map.resize(1200, 700, 1);
    map.set_day(FlowMap.day_of('2024-01-01'));
    // The batched layer as it was drawn before: one stroke and one fill per colour and style.
    function before(ctx) {
      const columns = map.frame_columns();
      const [xy, offsets, arrows] = [columns.route_xy, columns.route_offsets, columns.arrow_xy].map((c) => c.slice());
      const { colors, widths, styles, visible } = columns;
      const groups = new Map();
      for (let s = 0; s + 1 < offsets.length; s++) {
        if (!visible[s] || offsets[s + 1] - offsets[s] < 2) continue;
        const key = `${colors[s]}|${styles[s]}`;
        if (!groups.has(key)) groups.set(key, { color: colors[s], style: styles[s], streams: [], width: 0 });
        const g = groups.get(key);
        g.streams.push(s);
        g.width = Math.max(g.width, Math.min(2, widths[3 * s]));
      }
      ctx.lineJoin = 'round';
      for (const g of groups.values()) {
        ctx.globalAlpha = g.style === 3 ? 0.3 : 0.5;
        ctx.strokeStyle = g.color;
        ctx.lineWidth = g.width;
        ctx.beginPath();
        for (const s of g.streams) {
          const [a, b] = [offsets[s], offsets[s + 1]];
          ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
          for (let i = a + 1; i < b; i++) ctx.lineTo(xy[2 * i], xy[2 * i + 1]);
        }
        ctx.stroke();
        ctx.fillStyle = g.color;
        ctx.beginPath();
        for (const s of g.streams) {
          ctx.moveTo(arrows[6 * s], arrows[6 * s + 1]);
          ctx.lineTo(arrows[6 * s + 2], arrows[6 * s + 3]);
          ctx.lineTo(arrows[6 * s + 4], arrows[6 * s + 5]);
          ctx.closePath();
        }
        ctx.fill();
      }
      ctx.globalAlpha = 1;
    }
    const draw = (fn) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 700;
      document.body.append(canvas);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#f4f1ea'; // the land colour: alpha shows as it does on the map
      ctx.fillRect(0, 0, 1200, 700);
      const t0 = performance.now();
      fn(ctx, map);
      ctx.getImageData(0, 0, 1, 1); // Chromium rasterises when pixels are read
      const ms = performance.now() - t0;
      return { ms, pixels: Array.from(ctx.getImageData(0, 0, 1200, 700).data) };
    };
    const now = draw(drawFlowsBatched);
    const then = draw(before);
    return { now, then };
  }, flows);
}

test(`the batched static layer of ${FLOWS} flows looks as before, in a fraction of the time`, { timeout: 600000 }, async () => {
  const { page, context } = await open(env, '/data/basemap.json', { width: 1280, height: 800 });
  try {
    const { now, then } = await drawBothWays(page, FLOWS);
    const [a, b] = [Uint8Array.from(now.pixels), Uint8Array.from(then.pixels)];
    const differing = pixelmatch(a, b, null, 1200, 700, { threshold: PIXEL_THRESHOLD });
    const share = differing / (1200 * 700);
    console.log(`${FLOWS} flows: ${now.ms.toFixed(0)} ms now, ${then.ms.toFixed(0)} ms before; ${(share * 100).toFixed(3)} % of pixels differ`);
    if (process.env.STATIC_LAYER_PNG) {
      for (const [name, px] of [['now', a], ['then', b]]) {
        const png = new PNG({ width: 1200, height: 700 });
        png.data = Buffer.from(px);
        (await import('node:fs')).writeFileSync(`${process.env.STATIC_LAYER_PNG}-${name}.png`, PNG.sync.write(png));
      }
    }
    assert.ok(share <= MAX_DIFF_SHARE, `${(share * 100).toFixed(3)} % of pixels differ`);
    assert.ok(now.ms < then.ms, `${now.ms} ms now against ${then.ms} ms before`);
  } finally {
    await context.close();
  }
});
