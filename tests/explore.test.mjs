// Exploring the default story in the browser: hover a flow for its sources, toggle a category,
// move the timeline, zoom with the keyboard, and fixed states against committed snapshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, ready } from './browser.mjs';
import { matchSnapshot, alter, diffShare, SNAPSHOTS, MAX_DIFF_SHARE } from './snapshot.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STILL = '/?at=2024-10-20&paused&clock=1';

/** In the page: a point on stream `id` away from other flows and places, with the same layout as the map. */
async function pointOn(page, id) {
  return page.evaluate(async (id) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    const box = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-map').getBoundingClientRect();
    map.resize(box.width, box.height, 1);
    map.set_day(FlowMap.day_of('2024-10-20'));
    // Copies of the views: the loop calls the map again.
    const columns = map.frame_columns();
    const [xy, offsets] = [columns.route_xy.slice(), columns.route_offsets.slice()];
    for (let s = 0; s + 1 < offsets.length; s++) {
      const details = map.stream_details(s, 'en');
      if (!details || !details.claims.length) continue;
      for (let i = offsets[s] + 2; i < offsets[s + 1] - 2; i++) {
        const [x, y] = [xy[2 * i], xy[2 * i + 1]];
        const hit = map.hit(x, y);
        if (hit && hit.kind === 'stream' && hit.index === s && map.stream_details(s, 'en').title === id) {
          // Away from other streams: the hit must not change within 6 px around.
          const steady = [[6, 0], [-6, 0], [0, 6], [0, -6]].every(([dx, dy]) => {
            const h = map.hit(x + dx, y + dy);
            return !h || (h.kind === 'stream' && h.index === s);
          });
          if (steady) return { x: box.left + x, y: box.top + y };
        }
      }
    }
    return null;
  }, id);
}

async function labelOf(page, id) {
  return page.evaluate(async (id) => {
    const d = JSON.parse(await (await fetch('data/nk-russia.json')).text());
    const s = d.streams.find((x) => x.id === id);
    return typeof s.label === 'string' ? s.label : s.label.en;
  }, id);
}

test('hovering a flow shows its figure and the source it comes from', async () => {
  const { page, errors } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const title = await labelOf(page, 'troops-deployed');
  const p = await pointOn(page, title);
  assert.ok(p, 'a hoverable point on the troops flow');
  await page.mouse.move(p.x, p.y);
  const tip = page.locator('#fl-tooltip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.ok(text.includes(title), text);
  assert.match(text, /11,000/);
  assert.match(text, /Source: Irish Examiner: News article on the first report/);
  assert.match(text, /UN Security Council resolution/);
  assert.match(text, /destination inferred/);
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
});

/** In the page: how many particle pixels have the colour `hex`. */
async function particlesOfColour(page, hex) {
  return page.evaluate((hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-particles');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8) n++;
    }
    return n;
  }, hex);
}

test('unticking a category removes its flows and particles, ticking brings them back', async () => {
  const { page } = await open(env, '/?at=2024-04-15&paused', { width: 1280, height: 900 });
  await ready(page);
  const munitions = '#d55e00';
  await page.waitForTimeout(100);
  assert.ok(await particlesOfColour(page, munitions) > 20, 'munitions particles move in April 2024');
  const box = page.locator('[data-category="munitions"] input');
  await box.uncheck();
  await page.waitForTimeout(100);
  assert.equal(await particlesOfColour(page, munitions), 0);
  await box.check();
  await page.waitForTimeout(100);
  assert.ok(await particlesOfColour(page, munitions) > 20);
});

async function setDate(page, date) {
  await page.evaluate((date) => {
    const input = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-time');
    const [y, m, d] = date.split('-').map(Number);
    input.value = String(Math.round(Date.UTC(y, m - 1, d) / 86400000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, date);
}

test('moving the timeline changes the figures the tooltip shows', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const title = await labelOf(page, 'munitions-containers');
  const figureAt = async (date) => {
    await setDate(page, date);
    assert.equal(await page.locator('#fl-date').getAttribute('data-date'), date);
    await page.mouse.move(5, 5);
    const p = await pointOn(page, title);
    assert.ok(p, `a point on the containers flow (${date})`);
    await page.mouse.move(p.x, p.y);
    await page.locator('#fl-tooltip').waitFor({ state: 'visible' });
    return page.locator('#fl-tooltip .fl-figure').textContent();
  };
  const feb = await figureAt('2024-02-27');
  const jun = await figureAt('2024-06-30');
  // Each figure with its source's qualifier: "about 6,700", "at least 11,000".
  assert.match(feb, /^about 6,700 containers/);
  assert.match(jun, /^at least 11,000 containers/);
});

test('the keyboard zooms the map and Reset brings it back', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const shot = () => page.locator('#fl-map').screenshot();
  const before = await shot();
  await page.focus('#fl-map');
  await page.keyboard.press('+');
  await page.waitForTimeout(100);
  assert.ok(diffShare(await shot(), before) > 0.05, 'zooming in changes the picture');
  await page.click('#fl-reset');
  await page.waitForTimeout(100);
  assert.ok(diffShare(await shot(), before) < MAX_DIFF_SHARE, 'reset restores the fitted map');
});

for (const [name, path] of [
  ['map-2024-10-20', STILL],
  ['map-2024-04-15-no-troops', '/?at=2024-04-15&paused&clock=2'],
]) {
  test(`the map at a fixed state matches its snapshot: ${name}`, async () => {
    const { page } = await open(env, path, { width: 1280, height: 900 });
    await ready(page);
    if (name.endsWith('no-troops')) await page.locator('[data-category="troops"] input').uncheck();
    await page.waitForTimeout(150);
    const png = await page.locator('#fl-map').screenshot();
    const { share, ok } = matchSnapshot(png, name);
    assert.ok(ok, `${(share * 100).toFixed(2)} % of pixels differ (tolerance ${MAX_DIFF_SHARE * 100} %)`);
  });
}

test('a deliberately altered snapshot fails the comparison', () => {
  const snapshot = readFileSync(join(SNAPSHOTS, 'map-2024-10-20.png'));
  assert.equal(diffShare(snapshot, snapshot), 0);
  const altered = alter(snapshot, { x: 300, y: 200, width: 120, height: 80 });
  assert.ok(diffShare(altered, snapshot) > MAX_DIFF_SHARE, 'a 120 x 80 patch is caught');
});

test('the mouse wheel zooms about the pointer and dragging pans', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const box = await page.locator('#fl-map').boundingBox();
  const shot = () => page.locator('#fl-map').screenshot();
  const fitted = await shot();
  // Over the flows, which the frame puts in the map's upper half beside the inset.
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(150);
  const zoomed = await shot();
  assert.ok(diffShare(zoomed, fitted) > 0.05, 'the wheel zooms in');
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(150);
  assert.ok(diffShare(await shot(), zoomed) > 0.05, 'dragging pans the zoomed map');
});
