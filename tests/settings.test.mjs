// Settings by attribute and by URL: data file, language, start date, categories shown,
// autoplay, theme (light, dark, auto), static mode; and the reader's view (day, filters, zoom)
// kept in the page's URL so that a copied link opens the same view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';
import { diffShare, MAX_DIFF_SHARE } from './snapshot.mjs';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { openHtml, openWith, pixelsOfColour, setDate, luminanceAt } from './pages.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const COLOURS = {
  munitions: '#d55e00', troops: '#0072b2', petroleum: '#009e73', air_defence: '#e69f00', other_goods: '#cc79a7',
};

/** In the page: the state of the map's controls. */
async function controls(page) {
  return page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    return {
      title: root.getElementById('fl-title').textContent,
      date: root.getElementById('fl-date').dataset.date,
      playing: root.getElementById('fl-play').getAttribute('aria-pressed') === 'true',
      checked: Object.fromEntries([...root.getElementById('fl-legend').querySelectorAll('[data-category]')]
        .map((row) => [row.dataset.category, row.querySelector('input').checked])),
    };
  });
}

/** Checks language, date, paused and categories munitions and troops only, on the map's pixels too. */
async function expectKoreanPausedTwoCategories(page) {
  const c = await controls(page);
  assert.equal(c.title, '러시아와 북한의 군사 거래');
  assert.equal(c.date, '2024-03-01');
  assert.equal(c.playing, false);
  assert.deepEqual(c.checked, { munitions: true, troops: true, petroleum: false, air_defence: false, other_goods: false });
  await page.waitForTimeout(400);
  assert.equal((await controls(page)).date, '2024-03-01', 'autoplay is off: the day stays');
  assert.ok(await pixelsOfColour(page, 'fl-static', COLOURS.munitions) > 50, 'munitions are drawn');
  for (const id of ['petroleum', 'air_defence', 'other_goods']) {
    assert.equal(await pixelsOfColour(page, 'fl-static', COLOURS[id]), 0, `${id} is hidden`);
  }
}

test('attributes set the language, the day, autoplay and the categories shown', async () => {
  const { page, errors, context } = await openHtml(env,
    '<flowlines-map lang="ko" at="2024-03-01" autoplay="false" categories="munitions,troops"></flowlines-map>');
  await ready(page);
  await expectKoreanPausedTwoCategories(page);
  // Ticking a hidden category shows it: the boxes and the map agree.
  await page.locator('[data-category="petroleum"] input').check();
  await page.waitForTimeout(100);
  assert.ok(await pixelsOfColour(page, 'fl-static', COLOURS.petroleum) > 20, 'petroleum shown once ticked');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page URL sets the same for a map with url-params, over its attributes', async () => {
  const { page, errors, context } = await open(env, '/?lang=ko&at=2024-03-01&paused&categories=munitions,troops');
  await ready(page);
  await expectKoreanPausedTwoCategories(page);
  assert.deepEqual(errors, []);
  await context.close();
  // Without url-params the page's URL is not read.
  const other = await openHtml(env, '<flowlines-map at="2024-06-30" autoplay="false"></flowlines-map>', { path: '/embed-test.html?at=2023-01-05&lang=ko' });
  await ready(other.page);
  const c = await controls(other.page);
  assert.equal(c.date, '2024-06-30');
  assert.match(c.title, /^Russia and North Korea/);
  await other.context.close();
});

test('the data attribute loads another story', async () => {
  const { page, errors, context } = await openHtml(env,
    '<flowlines-map data="/data/fixtures/five-places.json" autoplay="false"></flowlines-map>');
  await ready(page);
  assert.match((await controls(page)).title, /^Five places and one flow/);
  assert.deepEqual(Object.keys((await controls(page)).checked), ['munitions']);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A screenshot of the map and the luminance of its top-right corner (sea or land, no flow). */
async function corner(page) {
  const map = page.locator('#fl-map');
  const box = await map.boundingBox();
  const png = await map.screenshot();
  return { png, luminance: luminanceAt(png, box.width - 6, 6), host: await page.evaluate(() => getComputedStyle(document.querySelector('flowlines-map')).backgroundColor) };
}

test('theme="dark" draws the map in dark colours, light by default', async () => {
  const light = await openHtml(env, '<flowlines-map at="2024-10-20" autoplay="false" clock="1"></flowlines-map>');
  await ready(light.page);
  await light.page.waitForTimeout(100);
  const l = await corner(light.page);
  assert.ok(l.luminance > 180, `light map corner: ${l.luminance}`);
  await light.context.close();

  const dark = await openHtml(env, '<flowlines-map theme="dark" at="2024-10-20" autoplay="false" clock="1"></flowlines-map>');
  await ready(dark.page);
  await dark.page.waitForTimeout(100);
  const d = await corner(dark.page);
  assert.ok(d.luminance < 60, `dark map corner: ${d.luminance}`);
  assert.match(d.host, /^rgb\((\d|[1-5]\d), (\d|[1-5]\d), (\d|[1-5]\d)\)$/, `dark background: ${d.host}`);
  // Land is dark too: the static layer took its colours from the element's properties.
  const land = await dark.page.evaluate(() => {
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let [landish, lightish] = [0, 0];
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 250) continue;
      const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      if (y < 70) landish++; else if (y > 200) lightish++;
    }
    return { landish, lightish };
  });
  assert.ok(land.landish > 10000 && land.lightish < land.landish / 5, JSON.stringify(land));
  // The charts under the map stand on the dark surface too, not on white boxes (they load when
  // the reader scrolls to them).
  await dark.page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
  await dark.page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-chart canvas')?.width > 1);
  const chart = await dark.page.evaluate(() => {
    const c = document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-chart canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let [darkish, white] = [0, 0];
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      if (y < 60) darkish++; else if (y > 250) white++;
    }
    return { darkish, white, all: data.length / 4 };
  });
  assert.ok(chart.darkish > chart.all / 2 && chart.white < chart.all / 100, `chart pixels: ${JSON.stringify(chart)}`);
  // A PNG downloaded in the dark theme is dark under its credits too, with light words.
  const [download] = await Promise.all([dark.page.waitForEvent('download'), dark.page.click('#fl-export-png')]);
  const png = PNG.sync.read(await readFile(await download.path()));
  const lum = (x, y) => { const i = (y * png.width + x) * 4; return 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2]; };
  const mapHeight = await dark.page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static').height);
  const footerY = mapHeight + 2;
  assert.ok(lum(2, footerY) < 60, `the footer is dark: ${lum(2, footerY)}`);
  let bright = 0;
  for (let y = footerY; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) if (lum(x, y) > 180) bright++;
  }
  assert.ok(bright > 300, `the credits are written in light ink (${bright} light pixels)`);
  assert.deepEqual(dark.errors, []);
  await dark.context.close();
});

test('theme="auto" follows prefers-color-scheme, also when it changes', async () => {
  const { page, context } = await openHtml(env, '<flowlines-map theme="auto" at="2024-10-20" autoplay="false" clock="1"></flowlines-map>');
  await page.emulateMedia({ colorScheme: 'dark' });
  await ready(page);
  await page.waitForTimeout(100);
  const dark = await corner(page);
  assert.ok(dark.luminance < 60, `auto in a dark system: ${dark.luminance}`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(200);
  const light = await corner(page);
  assert.ok(light.luminance > 180, `auto in a light system: ${light.luminance}`);
  assert.ok(diffShare(light.png, dark.png) > 0.3, 'the whole map changed colours, land included');
  await context.close();
});

test('mode="static" shows the static image and loads no WebAssembly and no data', async () => {
  for (const [markup, path] of [
    [`<flowlines-map mode="static"><img slot="fallback" id="fl-fallback" src="/static/map.png" width="1200" height="630" alt="Static map of the flows"></flowlines-map>`, undefined],
    [`<flowlines-map url-params><img slot="fallback" id="fl-fallback" src="/static/map.png" width="1200" height="630" alt="Static map of the flows"></flowlines-map>`, '/embed-test.html?mode=static'],
  ]) {
    const { page, requests, errors, context } = await openHtml(env, markup, { width: 800, height: 700, path });
    const img = page.locator('#fl-fallback');
    await img.waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    assert.deepEqual(requests.filter((u) => /\.wasm|flowlines_wasm|nk-russia|basemap|app\.js/.test(u)), []);
    assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').dataset.static), 'true');
    const box = await img.boundingBox();
    assert.ok(box.width > 700 && Math.abs(box.height - box.width * 630 / 1200) < 3, JSON.stringify(box));
    assert.equal(await page.locator('#fl-play').isVisible(), false, 'no controls that would do nothing');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the view (day, filters, zoom) goes into the URL and a copied link opens the same view', async () => {
  const size = { width: 1000, height: 700 };
  const { page, errors, context } = await open(env, '/?at=2024-10-20&paused&clock=1', size);
  await ready(page);
  const entries = await page.evaluate(() => history.length);
  await setDate(page, '2024-06-30');
  await page.locator('[data-category="troops"] input').uncheck();
  await page.focus('#fl-map');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(900); // the URL is written at most every 400 ms
  const href = await page.evaluate(() => location.href);
  const url = new URL(href);
  assert.equal(url.searchParams.get('at'), '2024-06-30');
  assert.ok(url.searchParams.has('paused'), href);
  assert.equal(url.searchParams.get('clock'), '1', 'other parameters stay');
  assert.equal(url.searchParams.get('categories'), 'munitions,petroleum,air_defence,other_goods');
  assert.match(url.searchParams.get('zoom'), /^2\.25,0\.\d+,0\.\d+$/);
  assert.match(href, /categories=munitions,petroleum/, 'commas stay readable');
  await page.waitForTimeout(100);
  const shot = await page.locator('#fl-map').screenshot();
  assert.equal(await page.evaluate(() => history.length), entries, 'replaceState: no history entry per change');

  const shared = await env.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const again = await shared.newPage();
  await again.goto(href);
  await ready(again);
  await again.waitForTimeout(150);
  const c = await controls(again);
  assert.equal(c.date, '2024-06-30');
  assert.equal(c.playing, false);
  assert.equal(c.checked.troops, false);
  assert.equal(c.checked.munitions, true);
  const share = diffShare(await again.locator('#fl-map').screenshot(), shot);
  assert.ok(share < MAX_DIFF_SHARE, `the shared link shows the same map (${(share * 100).toFixed(2)} % differ)`);
  // Reset and all boxes ticked: zoom and categories leave the URL.
  await again.click('#fl-reset');
  await again.locator('[data-category="troops"] input').check();
  await again.waitForTimeout(900);
  const back = new URL(await again.evaluate(() => location.href));
  assert.equal(back.searchParams.get('zoom'), null);
  assert.equal(back.searchParams.get('categories'), null);
  assert.equal(back.searchParams.get('at'), '2024-06-30');
  assert.deepEqual(errors, []);
  await shared.close();
  await context.close();
});

test('a playing map does not rewrite the URL by itself; the zoom survives a resize', async () => {
  const { page, context } = await openWith(env, '/?at=2024-01-01', { width: 1000, height: 700 });
  await ready(page);
  await page.waitForTimeout(1200);
  assert.equal(new URL(await page.evaluate(() => location.href)).search, '?at=2024-01-01');
  await page.click('#fl-play'); // pause
  await page.waitForTimeout(900);
  const paused = new URL(await page.evaluate(() => location.href));
  assert.ok(paused.searchParams.has('paused'));
  assert.notEqual(paused.searchParams.get('at'), '2024-01-01', 'the day it was paused at');
  // A zoomed view stays zoomed about the same place when the map is resized.
  await page.focus('#fl-map');
  await page.keyboard.press('+');
  await page.waitForTimeout(900);
  const zoom = (u) => new URL(u).searchParams.get('zoom').split(',').map(Number);
  const before = zoom(await page.evaluate(() => location.href));
  await page.setViewportSize({ width: 700, height: 700 });
  await page.waitForTimeout(900);
  const after = zoom(await page.evaluate(() => location.href));
  assert.equal(after[0], before[0]);
  assert.ok(Math.abs(after[1] - before[1]) < 0.02 && Math.abs(after[2] - before[2]) < 0.02, `${before} -> ${after}`);
  await context.close();
});
