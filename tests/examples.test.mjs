// The example stories of docs/new-story.md each have their own page (www/examples/<name>.html):
// on a phone (360 px) and a desktop (1280 px) the page draws a dot where the projection puts
// each of the story's places, loads the basemap the build made for the story
// (www/basemaps/<name>.bin) and no other, and logs no error. Screenshots of each page go to
// tests/artifacts/examples/ for a person to look at. And step 3 of the guide: the authoring
// page (new.html) reads each example's folder of sheets and downloads the committed JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const ARTIFACTS = new URL('artifacts/examples/', import.meta.url);
const NAMES = (await readdir(new URL('../data/examples/', import.meta.url), { withFileTypes: true }))
  .filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** In the page: where the core puts each of the story's places in the map's own size, in CSS px. */
async function placesXY(page, name) {
  return page.evaluate(async (name) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    // The binary compact form the build writes for each of our stories, as the page reads it.
    const bytes = new Uint8Array(await (await fetch(`/compact/${name}.en.bin`)).arrayBuffer());
    const map = FlowMap.from_validated_bytes(`${name}.en.bin`, bytes);
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = root.getElementById('fl-map').getBoundingClientRect();
    const zoom = root.getElementById('fl-zoom').getBoundingClientRect();
    map.set_controls_size(zoom.width, zoom.height); // as the page frames its map
    map.resize(box.width, box.height, 1);
    return { xy: Array.from(map.place_xy()), width: box.width, height: box.height };
  }, name);
}

/** In the page: the colour of the map's static layer at each of `xy` (flat x, y list). */
async function pixels(page, xy) {
  return page.evaluate((xy) => {
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static');
    const ctx = c.getContext('2d');
    const out = [];
    for (let i = 0; i < xy.length; i += 2) {
      out.push(Array.from(ctx.getImageData(Math.round(xy[i]), Math.round(xy[i + 1]), 1, 1).data));
    }
    return out;
  }, xy);
}

test('there are example stories to show', () => {
  assert.ok(NAMES.length >= 2, `data/examples/: ${NAMES}`);
});

for (const name of NAMES) {
  for (const [width, height] of [[360, 740], [1280, 800]]) {
    test(`the ${name} example's page draws each of its places at ${width} px, on its own basemap`, async () => {
      const { page, context, errors, requests } = await open(env, `/examples/${name}.html?paused`, { width, height });
      await ready(page);
      await page.waitForLoadState('networkidle');
      const basemaps = requests.map((u) => new URL(u).pathname).filter((p) => /basemap/.test(p));
      assert.deepEqual(basemaps, [`/basemaps/${name}.bin`]);
      const { xy, width: w, height: h } = await placesXY(page, name);
      assert.ok(xy.length >= 4, `${name}: ${xy.length / 2} places`);
      for (let i = 0; i < xy.length; i += 2) {
        assert.ok(xy[i] >= 0 && xy[i] <= w && xy[i + 1] >= 0 && xy[i + 1] <= h, `place ${i / 2} in the ${w}x${h} map: ${xy[i]}, ${xy[i + 1]}`);
      }
      for (const [r, g, b, a] of await pixels(page, xy)) {
        assert.ok(a > 200 && r < 80 && g < 80 && b < 80, `a dark place dot is drawn, saw ${[r, g, b, a]}`);
      }
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL(`${name}-${width}.png`, ARTIFACTS).pathname, fullPage: true });
      assert.deepEqual(errors, []);
      for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), `request stays on 127.0.0.1: ${url}`);
      await context.close();
    });
  }
}

for (const name of NAMES) {
  test(`the authoring page reads the ${name} example's sheets and downloads its committed JSON`, async () => {
    const { page, context, errors } = await open(env, '/new.html', { width: 1280, height: 900 });
    await page.waitForFunction(() => document.body.dataset.state === 'waiting');
    await page.setInputFiles('#new-folder', fileURLToPath(new URL(`../data/examples/${name}/`, import.meta.url)));
    await page.waitForFunction(() => document.body.dataset.state === 'story', null, { timeout: 30000 });
    await ready(page);
    assert.equal(await page.locator('#new-problems').isHidden(), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#new-download')]);
    const fromPage = JSON.parse(await readFile(await download.path(), 'utf8'));
    const committed = JSON.parse(await readFile(new URL(`../data/examples/${name}.json`, import.meta.url), 'utf8'));
    assert.deepEqual(fromPage, committed);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
