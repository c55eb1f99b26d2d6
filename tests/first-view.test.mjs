// The reader's first view: the map opens on the story's telling moment (open_at) with Play
// ready to play the story from its start; at 360, 768 and 1280 px, in every language, every dot
// has a label (on the map or in the detail inset of the front line), the zoom controls cover no
// flow and no place, and the inset answers the pointer like the map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const SCREENS = [[360, 740], [768, 1024], [1280, 900]];

/**
 * In the page: the core's frame of the default story in the page's own map box, with the zoom
 * controls' measured size, at `date`: the controls' and the inset's boxes as the page shows
 * them and as the core computed them, every route point and dot, and which places got a label
 * on the map or in the inset, with labels measured in the font the page draws them in.
 */
async function frameOf(page, lang, date) {
  return page.evaluate(async ({ lang, date }) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { scaleFor } = await import('/js/static-layer.js');
    await init();
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = root.getElementById('fl-map').getBoundingClientRect();
    const zoom = root.getElementById('fl-zoom').getBoundingClientRect();
    const insetEl = root.getElementById('fl-inset');
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    map.set_controls_size(zoom.width, zoom.height);
    map.resize(box.width, box.height, 1);
    map.set_day(FlowMap.day_of(date));
    const ctx = document.createElement('canvas').getContext('2d');
    const labelled = (width) => {
      const { font } = scaleFor(width);
      ctx.font = `${font}px system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif`;
      const widths = Float32Array.from(map.place_names(lang), (n) => ctx.measureText(n).width);
      const xy = map.place_labels(widths, font + 3);
      return widths.map((_, i) => !Number.isNaN(xy[2 * i]));
    };
    const onMap = labelled(box.width);
    const insetBox = Array.from(map.inset_box());
    let inInset = onMap.map(() => false);
    let insetPlaces = [];
    if (map.focus_inset(true)) {
      inInset = labelled(insetBox[2]);
      insetPlaces = Array.from(map.place_xy());
      map.focus_inset(false);
    }
    const rel = (r) => [r.left - box.left, r.top - box.top, r.width, r.height];
    return {
      names: map.place_names(lang),
      onMap,
      inInset,
      insetPlaces,
      insetBox,
      shownInset: insetEl.hidden ? [] : rel(insetEl.getBoundingClientRect()),
      zoom: rel(zoom),
      points: [...Array.from(map.frame_columns().route_xy), ...Array.from(map.place_xy())],
      corner: map.controls_corner(),
      shownCorner: root.getElementById('fl-zoom').dataset.corner,
    };
  }, { lang, date });
}

const inside = ([x, y, w, h], px, py, margin = 0) => px >= x - margin && px <= x + w + margin && py >= y - margin && py <= y + h + margin;

for (const lang of ['en', 'ko', 'uk', 'ru']) {
  for (const [width, height] of SCREENS) {
    test(`at ${width} px in ${lang} every dot has a label and the controls cover no flow`, async () => {
      const { page, errors, context } = await open(env, `/?lang=${lang}&clock=1`, { width, height });
      await ready(page);
      const f = await frameOf(page, lang, '2024-10-13');
      const missing = f.names.filter((_, i) => !f.onMap[i] && !f.inInset[i]);
      assert.deepEqual(missing, [], 'places with no label on the map or in the inset');
      // The page shows the inset and the controls where the core put them.
      assert.equal(f.insetBox.length, 4, 'the front line gets a detail inset');
      f.shownInset.forEach((v, i) => assert.ok(Math.abs(v - f.insetBox[i]) < 1.5, `inset ${f.shownInset} vs ${f.insetBox}`));
      assert.equal(f.shownCorner, f.corner);
      // The controls cover no route and no dot, nor the inset.
      for (let i = 0; i + 1 < f.points.length; i += 2) {
        assert.ok(!inside(f.zoom, f.points[i], f.points[i + 1], 4), `the zoom controls ${f.zoom} cover ${f.points[i]},${f.points[i + 1]}`);
      }
      const [ix, iy, iw, ih] = f.insetBox;
      const [zx, zy, zw, zh] = f.zoom;
      assert.ok(zx >= ix + iw || zx + zw <= ix || zy >= iy + ih || zy + zh <= iy, 'the controls and the inset do not overlap');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the map opens on the story\'s telling moment, paused, and Play plays the story from its start', async () => {
  const { page, errors, context } = await open(env, '/', { width: 1280, height: 900 });
  await ready(page);
  const state = () => page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    return { date: root.getElementById('fl-date').dataset.date, playing: root.getElementById('fl-play').getAttribute('aria-pressed') };
  });
  assert.deepEqual(await state(), { date: '2024-10-13', playing: 'false' });
  await page.locator('#fl-play').click();
  const after = await state();
  assert.equal(after.playing, 'true');
  assert.ok(after.date < '2023-01-01', `Play starts at the beginning: ${after.date}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an at= date wins over the story\'s opening moment', async () => {
  const { page, context } = await open(env, '/?at=2023-05-01&paused', { width: 1000, height: 700 });
  await ready(page);
  const date = await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-date').dataset.date);
  assert.equal(date, '2023-05-01');
  await context.close();
});

test('a place in the inset answers the pointer with its tooltip', async () => {
  const { page, errors, context } = await open(env, '/?clock=1', { width: 1280, height: 900 });
  await ready(page);
  const f = await frameOf(page, 'en', '2024-10-13');
  const kursk = f.names.indexOf('Kursk');
  const box = await page.locator('#fl-map').boundingBox();
  await page.mouse.move(box.x + f.insetBox[0] + f.insetPlaces[2 * kursk], box.y + f.insetBox[1] + f.insetPlaces[2 * kursk + 1]);
  const tip = page.locator('#fl-tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /Kursk/);
  assert.deepEqual(errors, []);
  await context.close();
});
