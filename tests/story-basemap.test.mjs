// A map loads the basemap built for its story's extent (issue 14, item 2): the Pacific
// fixture's map loads www/basemaps/pacific.bin (tools/build-static.sh, `flowlines basemap
// --story`), whose land reaches North America, and the default story's map keeps
// data/basemap.bin. No other basemap is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const basemaps = (requests) => requests.map((u) => new URL(u).pathname).filter((p) => /basemap/.test(p));

/** Share of the pixels in the map's eastern quarter (from 3/4 to the right edge) that are not sea. */
async function landEast(page) {
  const png = PNG.sync.read(await page.locator('flowlines-map').evaluateHandle((el) => el.shadowRoot.getElementById('fl-map'))
    .then((h) => h.asElement().screenshot()));
  const sea = [0xdd, 0xe6, 0xec];
  let land = 0;
  let all = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = Math.floor(png.width * 0.75); x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      const d = Math.abs(png.data[i] - sea[0]) + Math.abs(png.data[i + 1] - sea[1]) + Math.abs(png.data[i + 2] - sea[2]);
      all += 1;
      if (d > 30) land += 1;
    }
  }
  return land / all;
}

test('the Pacific story\'s map loads its own basemap and draws North America\'s coast', async () => {
  const { page, context, errors, requests } = await open(env, '/index.html?data=data/fixtures/pacific.json&paused', { width: 1200, height: 800 });
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(basemaps(requests), ['/basemaps/pacific.bin']);
  const share = await landEast(page);
  assert.ok(share > 0.15, `land in the map's eastern quarter: ${(share * 100).toFixed(1)}%`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the default story\'s map keeps the default basemap', async () => {
  const { page, context, requests } = await open(env, '/index.html?paused', { width: 1200, height: 800 });
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(basemaps(requests), ['/data/basemap.bin']);
  await context.close();
});

/** In the page: the map's static layer (basemap and routes) as one string of its pixels' values. */
async function staticLayer(page) {
  return page.evaluate(() => {
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let hash = 0;
    for (let i = 0; i < data.length; i++) hash = (Math.imul(hash, 31) + data[i]) | 0;
    return `${c.width}x${c.height}:${hash}`;
  });
}

test('a basemap given as JSON is made compact by the second module and draws as the compact one', async () => {
  const layers = [];
  for (const basemap of ['data/basemap.bin', 'data/basemap.json']) {
    const { page, context, errors, requests } = await open(env, `/index.html?basemap=${basemap}&at=2024-10-20&paused`, { width: 1200, height: 800 });
    await ready(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(basemaps(requests), [`/${basemap}`]);
    const extras = requests.some((u) => u.includes('flowlines_extras_wasm'));
    assert.equal(extras, basemap.endsWith('.json'), 'only the JSON basemap needs the second module');
    assert.deepEqual(errors, []);
    layers.push(await staticLayer(page));
    await context.close();
  }
  assert.equal(layers[1], layers[0]);
});
