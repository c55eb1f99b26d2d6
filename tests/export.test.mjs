// Downloads from the page: the view as PNG with its credits burned in, as SVG, and the data as
// CSV; and the static image a reader without JavaScript sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STILL = '/?at=2024-06-30&paused&clock=1';

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
}

test('the view downloads as a PNG with the credits and caveat below the map', async () => {
  const { page, context } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const box = await page.locator('#fl-map').boundingBox();
  const { name, body } = await downloaded(page, '#fl-export-png');
  assert.equal(name, 'flowlines-2024-06-30.png');
  const png = PNG.sync.read(body);
  assert.equal(png.width, Math.round(box.width));
  assert.ok(png.height > Math.round(box.height) + 40, 'a footer of credits under the map');
  // The footer has dark text pixels.
  let dark = 0;
  for (let y = Math.round(box.height) + 4; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 90 && png.data[i + 1] < 90 && png.data[i + 2] < 90) dark++;
    }
  }
  assert.ok(dark > 500, `credits are written in the footer (${dark} dark pixels)`);
  await context.close();
});

test('the data behind the view downloads as CSV, without the hidden category', async () => {
  const { page, context } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await page.locator('[data-category="troops"] input').uncheck();
  const { name, body } = await downloaded(page, '#fl-export-csv');
  assert.equal(name, 'flowlines-2024-06-30.csv');
  // UTF-8 with a byte-order mark, so that Excel does not show Korean and Cyrillic as mojibake.
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(3));
  assert.match(text, /^stream,label,category,unit,from,to,date,value,low,high,qualifier,figure/);
  assert.match(text, /munitions-containers,.*,2024-06-30,11000,11000,,at least,"at least 11,000 containers",/);
  assert.match(text, /Outlet not named: Explainer on whether/);
  assert.doesNotMatch(text, /\.txt/);
  assert.ok(!/\btroops-deployed,/.test(text), 'hidden streams are not in the download');
  await context.close();
});

test('without JavaScript the page shows the static map with its alt text', async () => {
  const { page, requests, context } = await open(env, '/', { width: 1280, height: 900, javaScriptEnabled: false });
  const img = page.locator('#fl-fallback');
  await img.waitFor({ state: 'visible' });
  const alt = await img.getAttribute('alt');
  assert.match(alt, /North Korea/);
  assert.match(alt, /Russia/);
  const loaded = await img.evaluate((el) => el.complete && el.naturalWidth);
  assert.equal(loaded, 1200, 'the rendered 1200 x 630 fallback image loads');
  for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), url);
  await context.close();
});

test('with JavaScript the static map gives way to the live map once it is drawn', async () => {
  const { page, context } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  assert.equal(await page.locator('#fl-fallback').isVisible(), false);
  await context.close();
});

test('the view downloads as an SVG drawn by the same code as flowlines render', async () => {
  const { page, context } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const { name, body } = await downloaded(page, '#fl-export-svg');
  assert.equal(name, 'flowlines-2024-06-30.svg');
  const svg = body.toString('utf8');
  assert.match(svg, /^<svg/);
  assert.match(svg, /30 June 2024/, 'the date shown');
  assert.match(svg, /estimate/, 'the caveat');
  assert.match(svg, /Irish Examiner: News article on the first report/, 'the sources, by outlet, title and date');
  assert.doesNotMatch(svg, /\.txt/, 'never our copy\'s file name');
  assert.match(svg, /Pyongyang/);
  await context.close();
});

test('without WebAssembly the static map stays, with no error and none of the map\'s scripts or wasm fetched', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(env.origin + '/');
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.static === 'true');
  assert.equal(await page.locator('#fl-fallback').isVisible(), true);
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter((p) => /\.wasm$|\/js\/app\.js$|\/pkg\//.test(p)), [], 'nothing the live map needs is fetched');
  assert.deepEqual(errors, []);
  await context.close();
});
