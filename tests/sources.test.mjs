// No forged story by link: a map loads its story and basemap only from its own folder or from
// the publisher's allow-list (the host page's `allowed-data` attribute, the deployed
// allowed-data.json), never from a place the page's URL names; data:, blob: and other origins
// are refused with a message shown as text, and nothing is requested from them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STORY = readFile(new URL('../data/nk-russia.json', import.meta.url), 'utf8');
const CDN = 'https://cdn.example/stories/';

/**
 * A forged story: the default one under another title. `cdn.example` does not exist: the
 * context answers for it, with the CORS header a real CDN would send, and counts its requests.
 */
async function context({ deployed } = {}) {
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const asked = [];
  const forged = JSON.parse(await STORY);
  forged.story.title.en = 'A forged story';
  await ctx.route('https://cdn.example/**', (r) => {
    asked.push(r.request().url());
    r.fulfill({ contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(forged) });
  });
  if (deployed) {
    await ctx.route(env.origin + '/allowed-data.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ 'allowed-data': deployed }) }));
  }
  return { ctx, asked };
}

/** Opens `path`; resolves to the page, its console warnings and errors, every request. */
async function visit(ctx, path) {
  const page = await ctx.newPage();
  const warnings = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.origin + path);
  return { page, warnings, requests };
}

/** Waits for the map's error line; returns its text, after checking it holds no markup. */
async function refusal(page) {
  await page.waitForSelector('flowlines-map #fl-errors:not([hidden])', { timeout: 20000 });
  assert.equal(await page.locator('flowlines-map #fl-errors *').count(), 0, 'the message is text, never HTML');
  assert.notEqual(await page.evaluate(() => document.querySelector('flowlines-map').dataset.ready), 'true');
  return page.locator('flowlines-map #fl-errors').textContent();
}

const title = (page) => page.locator('flowlines-map #fl-title').textContent();

test('embed.html refuses a story from another origin named in its URL, and never asks for it', async () => {
  const { ctx, asked } = await context();
  const { page } = await visit(ctx, `/embed.html?data=${encodeURIComponent(CDN + 'x.json')}`);
  assert.match(await refusal(page), /^refused to load 'https:\/\/cdn\.example\/stories\/x\.json': a map loads data only from its own folder/);
  assert.deepEqual(asked, []);
  assert.ok(await page.locator('flowlines-map img[slot="fallback"]').isVisible(), 'the static image stays');
  await ctx.close();
});

test('data: and blob: URLs are refused, for the story and for the basemap', async () => {
  const { ctx } = await context();
  const story = `data:application/json,${encodeURIComponent('{"story":{"id":"forged","title":{"en":"A forged story"}}}')}`;
  for (const [name, value] of [['data', story], ['basemap', 'data:application/json,{}'], ['data', 'blob:' + env.origin + '/0c6f1d52-0000-4000-8000-000000000000']]) {
    const { page, requests } = await visit(ctx, `/embed.html?${name}=${encodeURIComponent(value)}`);
    assert.match(await refusal(page), /^refused to load '(data|blob):.*': only http and https files may load/, `${name}=${value.slice(0, 30)}`);
    assert.ok(!requests.some((u) => u.startsWith('data:application/json') || u.startsWith('blob:')), 'nothing was loaded from it');
    await page.close();
  }
  await ctx.close();
});

test('a basemap from another origin is refused: a link cannot redraw the borders', async () => {
  const { ctx, asked } = await context();
  const { page } = await visit(ctx, `/embed.html?basemap=${encodeURIComponent(CDN + 'borders.json')}`);
  assert.match(await refusal(page), /^refused to load 'https:\/\/cdn\.example\/stories\/borders\.json'/);
  assert.deepEqual(asked, []);
  await ctx.close();
});

test('the page URL cannot add to the allow-list', async () => {
  const { ctx, asked } = await context();
  const { page } = await visit(ctx, `/?data=${encodeURIComponent(CDN + 'x.json')}&allowed-data=${encodeURIComponent(CDN)}`);
  assert.match(await refusal(page), /^refused to load/);
  assert.deepEqual(asked, []);
  await ctx.close();
});

test('a story under the map\'s own folder loads, from the URL too', async () => {
  const { ctx } = await context();
  const { page } = await visit(ctx, '/embed.html?data=data/nk-russia.json&paused');
  await ready(page);
  assert.match(await title(page), /Russia and North Korea/);
  await ctx.close();
});

test('a story on the host page\'s allowed-data list loads', async () => {
  const { ctx, asked } = await context();
  await ctx.route(env.origin + '/examples/allowed.html', (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><script type="module" src="../js/flowlines-map.js"></script>
      <flowlines-map data="${CDN}x.json" allowed-data="https://elsewhere.example/ ${CDN}" autoplay="false"></flowlines-map>`,
  }));
  const { page } = await visit(ctx, '/examples/allowed.html');
  await ready(page);
  assert.equal(await title(page), 'A forged story'); // here the publisher's own, by its own list
  assert.deepEqual(asked, [CDN + 'x.json']);
  await ctx.close();
});

test('a story on the deployed allowed-data.json loads; without the list it is refused', async () => {
  const { ctx, asked } = await context({ deployed: [CDN] });
  const { page } = await visit(ctx, `/?data=${encodeURIComponent(CDN + 'x.json')}&paused`);
  await ready(page);
  assert.equal(await title(page), 'A forged story');
  assert.deepEqual(asked, [CDN + 'x.json']);
  await ctx.close();
  const { ctx: bare } = await context({ deployed: [] });
  const { page: refused } = await visit(bare, `/?data=${encodeURIComponent(CDN + 'x.json')}&paused`);
  assert.match(await refusal(refused), /^refused to load/);
  await bare.close();
});
