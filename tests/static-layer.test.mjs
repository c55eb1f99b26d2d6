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

/**
 * Defines `window.drawOnLand(fn, map, runs)` in the page: draws `fn(ctx, map)` `runs` times on
 * a fresh 1200 x 700 canvas filled with the land colour (alpha shows as it does on the map),
 * each time from the land up, and gives the quickest draw's milliseconds (Chromium rasterises
 * when pixels are read, so each is read back) and the last draw's pixels as base64 (3.4 million
 * numbers as JSON take the protocol seconds).
 */
async function defineDrawOnLand(page) {
  await page.evaluate(() => {
    window.drawOnLand = (fn, map, runs) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 700;
      document.body.append(canvas);
      const ctx = canvas.getContext('2d');
      const times = [];
      for (let i = 0; i < runs; i++) {
        ctx.fillStyle = '#f4f1ea';
        ctx.fillRect(0, 0, 1200, 700);
        const t0 = performance.now();
        fn(ctx, map);
        ctx.getImageData(0, 0, 1, 1);
        times.push(performance.now() - t0);
      }
      const data = ctx.getImageData(0, 0, 1200, 700).data;
      let text = '';
      for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { ms: Math.min(...times), pixels: btoa(text) };
    };
  });
}

/** With STATIC_LAYER_PNG set, writes each of `images` ([name, RGBA bytes]) as a PNG named after it. */
async function savePngs(prefix, images) {
  if (!process.env.STATIC_LAYER_PNG) return;
  const { writeFileSync } = await import('node:fs');
  for (const [name, px] of images) {
    const png = new PNG({ width: 1200, height: 700 });
    png.data = Buffer.from(px);
    writeFileSync(`${process.env.STATIC_LAYER_PNG}-${prefix}${name}.png`, PNG.sync.write(png));
  }
}

/** In the page: the batched flows of a synthetic story drawn both ways, pixels and times. */
async function drawBothWays(page, flows) {
  await defineDrawOnLand(page);
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
      const colorOf = (s) => colors.slice(7 * s, 7 * s + 7); // seven characters a flow
      const groups = new Map();
      for (let s = 0; s + 1 < offsets.length; s++) {
        if (!visible[s] || offsets[s + 1] - offsets[s] < 2) continue;
        const key = `${colorOf(s)}|${styles[s]}`;
        if (!groups.has(key)) groups.set(key, { color: colorOf(s), style: styles[s], streams: [], width: 0 });
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
    const now = window.drawOnLand(drawFlowsBatched, map, 1);
    const then = window.drawOnLand(before, map, 1);
    return { now, then };
  }, flows);
}

test(`the batched static layer of ${FLOWS} flows looks as before, in a fraction of the time`, { timeout: 600000 }, async () => {
  const { page, context } = await open(env, '/data/basemap.json', { width: 1280, height: 800 });
  try {
    const { now, then } = await drawBothWays(page, FLOWS);
    const [a, b] = [now.pixels, then.pixels].map((p) => new Uint8Array(Buffer.from(p, 'base64')));
    const differing = pixelmatch(a, b, null, 1200, 700, { threshold: PIXEL_THRESHOLD });
    const share = differing / (1200 * 700);
    console.log(`${FLOWS} flows: ${now.ms.toFixed(0)} ms now, ${then.ms.toFixed(0)} ms before; ${(share * 100).toFixed(3)} % of pixels differ`);
    await savePngs('', [['now', a], ['then', b]]);
    assert.ok(share <= MAX_DIFF_SHARE, `${(share * 100).toFixed(3)} % of pixels differ`);
    assert.ok(now.ms < then.ms, `${now.ms} ms now against ${then.ms} ms before`);
  } finally {
    await context.close();
  }
});

/**
 * In the page: the flows of `source` (a synthetic story of `flows`, or a compact story's
 * path) drawn by the core as the page draws them, over the assumed routes' outlines, and
 * stroked on a canvas one by one as the page drew them until 5 December 2026, over outlines
 * stroked as round dots; pixels and times.
 */
async function coreAndCanvas(page, { source, flows, day }) {
  await defineDrawOnLand(page);
  return page.evaluate(async ({ source, flows, day }) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { drawFlowsInCore } = await import('/js/static-layer.js');
    const { styleTable, dashOf } = await import('/js/style-table.js');
    await init();
    const map = source === 'synthetic'
      ? FlowMap.synthetic(300, flows, 42n)
      : FlowMap.from_validated_bytes(source, new Uint8Array(await (await fetch(source)).arrayBuffer()));
    map.resize(1200, 700, 1);
    map.set_day(FlowMap.day_of(day));
    const look = styleTable(map);
    const pathOf = (ctx, xy, a, b) => {
      ctx.beginPath();
      ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
      for (let i = a + 1; i < b; i++) ctx.lineTo(xy[2 * i], xy[2 * i + 1]);
    };
    // The assumed routes' grey outlines under every flow (round dots, each outline as wide as
    // its flow's widest width and a margin, stroked at full strength on a canvas of their own
    // and laid at the outlines' opacity, so that overlaps do not add up); then each flow's
    // band, line and arrowhead stroked by the canvas; the badges as the page draws them.
    function onCanvas(ctx) {
      const bit = look.marks;
      const columns = map.frame_columns();
      const [xy, offsets, arrows] = [columns.route_xy, columns.route_offsets, columns.arrow_xy].map((c) => c.slice());
      const { colors, widths, styles, marks, visible } = columns;
      const colorOf = (s) => colors.slice(7 * s, 7 * s + 7); // seven characters a flow
      const outlines = document.createElement('canvas');
      [outlines.width, outlines.height] = [1200, 700];
      const o = outlines.getContext('2d');
      Object.assign(o, { strokeStyle: look.colors.outline, lineCap: 'round', lineJoin: 'round' });
      o.setLineDash(look.outlineDash);
      for (let s = 0; s + 1 < offsets.length; s++) {
        if (!visible[s] || !(marks[s] & bit.assumedRoute) || offsets[s + 1] - offsets[s] < 2) continue;
        o.lineWidth = Math.max(widths[3 * s], widths[3 * s + 2]) + look.outlineExtra;
        pathOf(o, xy, offsets[s], offsets[s + 1]);
        o.stroke();
      }
      ctx.globalAlpha = look.outlineAlpha;
      ctx.drawImage(outlines, 0, 0);
      ctx.globalAlpha = 1;
      ctx.lineJoin = 'round';
      for (let s = 0; s + 1 < offsets.length; s++) {
        if (!visible[s] || offsets[s + 1] - offsets[s] < 2) continue;
        const [a, b] = [offsets[s], offsets[s + 1]];
        const [w, low, high] = [widths[3 * s], widths[3 * s + 1], widths[3 * s + 2]];
        const style = look.styles[styles[s]];
        if (high - low > 1) {
          ctx.globalAlpha = look.bandAlpha;
          ctx.strokeStyle = colorOf(s);
          ctx.setLineDash([]);
          ctx.lineCap = 'butt';
          ctx.lineWidth = high;
          pathOf(ctx, xy, a, b);
          ctx.stroke();
        }
        ctx.globalAlpha = style.alpha;
        ctx.strokeStyle = colorOf(s);
        ctx.lineWidth = style.width ?? ((marks[s] & bit.unknown) ? w : Math.max(low, Math.min(w, high)));
        ctx.lineCap = style.round ? 'round' : 'butt';
        ctx.setLineDash(dashOf(look, styles[s], ctx.lineWidth));
        pathOf(ctx, xy, a, b);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = style.arrowAlpha;
        ctx.beginPath();
        ctx.moveTo(arrows[6 * s], arrows[6 * s + 1]);
        ctx.lineTo(arrows[6 * s + 2], arrows[6 * s + 3]);
        ctx.lineTo(arrows[6 * s + 4], arrows[6 * s + 5]);
        ctx.closePath();
        if (marks[s] & bit.inferredDestination) {
          ctx.fillStyle = look.colors.white;
          ctx.fill();
          ctx.lineWidth = look.hollowArrow;
          ctx.strokeStyle = colorOf(s);
          ctx.stroke();
        } else {
          ctx.fillStyle = colorOf(s);
          ctx.fill();
        }
      }
      ctx.globalAlpha = 1;
      // The badges, drawn by the page over the flows either way: the core's layer laid on
      // nothing leaves only them.
      const blank = { paint_flows: (layer) => layer.clearRect(0, 0, 1200, 700) };
      drawFlowsInCore(ctx, new Proxy(map, { get: (m, k) => (k in blank ? blank[k] : m[k].bind(m)) }));
    }
    const { visible, styles, marks } = map.frame_columns();
    const shown = [...styles].filter((_, s) => visible[s]);
    const shownMarks = [...marks].filter((_, s) => visible[s]).reduce((a, m) => a | m, 0);
    const [core, canvas] = [drawFlowsInCore, onCanvas].map((fn) => window.drawOnLand(fn, map, 3));
    return { core, canvas, count: map.flow_count(), styles: [...new Set(shown)].sort(), marks: shownMarks };
  }, { source, flows, day });
}

// Dashed lines (the synthetic story); solid, dashed and faint lines, bands, hollow arrowheads
// and badges (the default story over its whole span); dotted lines (the LNG example, claims).
const CASES = [
  { what: '1000 synthetic flows', source: 'synthetic', flows: 1000, day: '2024-01-01', styles: [1], marks: 0 },
  { what: 'the default story\'s flows', source: '/compact/nk-russia.en.bin', day: '2025-06-01', styles: [0, 1, 3], marks: 7 },
  { what: 'the LNG example\'s flows', source: '/compact/lng.en.bin', day: '2024-06-15', styles: [2], marks: 0 },
];

for (const { what, ...story } of CASES) {
  test(`${what} drawn by the core look as a canvas strokes them`, { timeout: 300000 }, async () => {
    const { page, context } = await open(env, '/data/basemap.json', { width: 1280, height: 800 });
    try {
      const { core, canvas, count, styles, marks } = await coreAndCanvas(page, story);
      assert.deepEqual(styles, story.styles, 'the line styles shown');
      assert.equal(marks & story.marks, story.marks, 'the marks shown (1 unknown, 2 disputed, 4 inferred destination)');
      const [a, b] = [core.pixels, canvas.pixels].map((p) => new Uint8Array(Buffer.from(p, 'base64')));
      const differing = pixelmatch(a, b, null, 1200, 700, { threshold: PIXEL_THRESHOLD });
      const share = differing / (1200 * 700);
      const drawn = b.reduce((n, v, i) => n + (i % 4 === 0 && (v !== 0xf4 || b[i + 1] !== 0xf1 || b[i + 2] !== 0xea) ? 1 : 0), 0);
      console.log(`${count} flows: core ${core.ms.toFixed(1)} ms, canvas ${canvas.ms.toFixed(1)} ms; ${differing} of ${drawn} drawn pixels differ (${(share * 100).toFixed(3)} % of the map)`);
      await savePngs(`${count}-`, [['core', a], ['canvas', b]]);
      assert.ok(drawn > 1000, `the flows are drawn (${drawn} pixels)`);
      assert.ok(share <= MAX_DIFF_SHARE, `${(share * 100).toFixed(3)} % of pixels differ`);
    } finally {
      await context.close();
    }
  });
}
