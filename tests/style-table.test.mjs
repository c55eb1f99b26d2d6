// One style table: the live static layer and the legend draw each line style, the mark bits and
// the ink as the core's table says (FlowMap.style_table). The static map and the charts are held
// to the same table natively (flowlines-chart: the_static_map_draws_each_line_style_as_the_core_s_table_says,
// the_charts_draw_each_line_style_as_the_core_s_table_says), so the four agree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** A length of the table at a line `width` pixels wide, as line_style::Length::at documents it. */
const at = (l, width) => Math.max(l.min, l.perWidth * width) + l.plusWidth * width + l.plus;
/** The dash array the table gives line style `code` at `width`. */
const expected = (table, code, width) => {
  const d = table.styles[code].dash;
  return d ? [at(d.on, width), at(d.off, width)] : [];
};
const close = (a, b) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-3);

test('the handle reports the table: a dotted line keeps a clear gap of max(4, 1.6 w), the mark bits by name and the badges', async () => {
  const { page } = await open(env, '/?at=2024-10-20&paused');
  const table = await page.evaluate(async () => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    return map.style_table();
  });
  assert.deepEqual(expected(table, 0, 3), [], 'confirmed is solid');
  assert.equal(table.styles[2].round, true, 'claimed has round caps');
  for (const w of [1.5, 3, 8]) {
    const [on, off] = expected(table, 2, w);
    assert.ok(Math.abs(on + off - w - Math.max(4, 1.6 * w)) < 1e-9, `dots at width ${w}`);
  }
  assert.deepEqual(table.marks, { unknown: 1, disputed: 2, inferredDestination: 4, assumedRoute: 8, openHigh: 16, held: 32 });
  // In the order of each flow's badge positions (FlowMap.frame_columns' mark_xy).
  assert.deepEqual(table.badges, [{ mark: 1, glyph: '?' }, { mark: 2, glyph: '!' }]);
});

test('the live static layer leaves every flow\'s line to the core, which dashes it from the table', async () => {
  // The core's dashes against a canvas stroking each flow with the table's dash array:
  // tests/static-layer.test.mjs ("drawn by the core look as a canvas strokes them").
  const { page } = await open(env, '/?at=2024-10-20&paused');
  const { table, strokes, painted, styles } = await page.evaluate(async () => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { drawStaticLayer } = await import('/js/static-layer.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    map.resize(1200, 700, 1);
    // Every confidence at once: the default story over its whole span.
    map.set_day(FlowMap.day_of('2025-06-01'));
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [1200, 700];
    const ctx = canvas.getContext('2d');
    const strokes = [];
    const stroke = ctx.stroke.bind(ctx);
    ctx.stroke = () => {
      strokes.push({ dash: ctx.getLineDash(), color: ctx.strokeStyle });
      stroke();
    };
    let painted = 0;
    const paint = map.paint_flows.bind(map);
    map.paint_flows = (layer) => { painted += 1; return paint(layer); };
    drawStaticLayer(ctx, map, { width: 1200, height: 700, dpr: 1, lang: 'en' });
    const { visible, styles } = map.frame_columns();
    return { table: map.style_table(), strokes, painted, styles: [...styles].filter((_, s) => visible[s]) };
  });
  assert.equal(painted, 1, 'the core drew the flows once');
  const dashed = strokes.filter((s) => s.dash.length && s.color !== table.colors.outline && s.color !== table.colors.border);
  assert.deepEqual(dashed, [], 'the page dashes no flow itself');
  assert.ok(new Set(styles.filter((c) => c > 0)).size >= 2, 'the story shows several dashed styles');
});

test('the legend\'s samples use the table\'s dash arrays and ink, and the page\'s ink is the core\'s', async () => {
  const { page } = await open(env, '/?at=2024-10-20&paused');
  await ready(page);
  const { table, samples, ink } = await page.evaluate(async () => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    const root = document.querySelector('flowlines-map').shadowRoot;
    const samples = Object.fromEntries([...root.querySelectorAll('[data-confidence]')].map((row) => {
      const l = row.querySelector('svg line');
      return [row.dataset.confidence, {
        dash: (l.getAttribute('stroke-dasharray') || '').split(' ').filter(Boolean).map(Number),
        width: Number(l.getAttribute('stroke-width')),
        cap: l.getAttribute('stroke-linecap'),
        stroke: l.getAttribute('stroke'),
      }];
    }));
    const ink = getComputedStyle(root.getElementById('fl-legend')).getPropertyValue('--fl-ink').trim();
    return { table: map.style_table(), samples, ink };
  });
  const codes = { confirmed: 0, reported: 1, claimed: 2, proposed: 3 };
  for (const [id, code] of Object.entries(codes)) {
    const s = samples[id];
    assert.ok(s, `a sample for ${id}`);
    assert.ok(close(s.dash, expected(table, code, s.width)), `${id}: ${s.dash} vs ${expected(table, code, s.width)}`);
    assert.equal(s.cap === 'round', table.styles[code].round, `${id}'s caps`);
    assert.equal(s.stroke, table.colors.ink);
  }
  assert.equal(ink.toLowerCase(), table.colors.ink, 'flowlines.css --fl-ink is the core\'s ink');
});
