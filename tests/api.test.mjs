// The API a story page drives the map with (docs/api.md): each method of <flowlines-map>, each
// attribute it follows, each event it fires; the iframe embed's messages from its parent
// window (and none from another window, and never one that changes what loads); and the
// display switches and category colours of docs/styling.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { start, open } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core');

let env; // the map's origin
let hosts; // a host page on another origin, for the iframe
let hostOrigin;
before(async () => {
  env = await start();
  hosts = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path !== '/host.html') { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
      <iframe id="map" title="Map" src="${env.origin}/embed.html?at=2024-10-20&paused&clock=1" data-flowlines
        style="width: 1000px; border: 0"></iframe>
      <iframe id="other" title="Another frame" srcdoc="<p>an advertisement</p>"></iframe>
      <script src="${env.origin}/embed-host.js"></script>
      <script>
        window.messages = [];
        window.domEvents = [];
        const frame = document.getElementById('map');
        window.addEventListener('message', (e) => {
          if (e.source === frame.contentWindow && e.data && /^flowlines:(ready|change|error)$/.test(e.data.type)) window.messages.push(e.data);
        });
        for (const type of ['flowlines-ready', 'flowlines-change', 'flowlines-error']) {
          frame.addEventListener(type, (e) => window.domEvents.push({ type, detail: e.detail }));
        }
      </script>`);
  });
  await new Promise((ok) => hosts.listen(0, '127.0.0.1', ok));
  hostOrigin = `http://127.0.0.1:${hosts.address().port}`;
});
after(async () => {
  await env.close();
  await new Promise((ok) => hosts.close(ok));
});

/**
 * Opens `path` with every map event recorded in `window.events` and every console warning and
 * error kept; resolves once the map has fired `flowlines-ready`.
 */
async function page(path, { width = 1280, height = 900, bypassCSP = false } = {}) {
  const opened = await open(env, path, {
    width,
    height,
    bypassCSP,
    initScript: () => {
      window.events = [];
      for (const type of ['flowlines-ready', 'flowlines-change', 'flowlines-error']) {
        document.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
      }
    },
  });
  const p = opened.page;
  await p.waitForFunction(() => window.events.some((e) => e.type === 'flowlines-ready'), null, { timeout: 20000 });
  return { ...opened, page: p };
}

/** Calls method `name` of the first map with `args`; resolves to what it resolved to. */
const call = (p, name, ...args) => p.evaluate(([name, args]) => document.querySelector('flowlines-map')[name](...args), [name, args]);
const view = (p) => p.evaluate(() => document.querySelector('flowlines-map').view);
const events = (p, type) => p.evaluate((type) => window.events.filter((e) => e.type === type), type);
const inMap = (p, fn, arg) => p.evaluate(([src, arg]) => {
  const root = document.querySelector('flowlines-map').shadowRoot;
  return new Function('root', 'arg', `return (${src})(root, arg);`)(root, arg);
}, [fn.toString(), arg]);
const dateShown = (p) => inMap(p, (root) => root.getElementById('fl-date').dataset.date);
const ticked = (p) => inMap(p, (root) => [...root.querySelectorAll('#fl-legend [data-category]')]
  .filter((r) => r.querySelector('input').checked).map((r) => r.dataset.category));
/** Waits until the last `flowlines-change` says `field` is `value`. */
const changedTo = (p, field, value) => p.waitForFunction(([field, value]) => {
  const last = window.events.filter((e) => e.type === 'flowlines-change').pop();
  return last && JSON.stringify(last.detail[field]) === JSON.stringify(value);
}, [field, value], { timeout: 5000 });

const ELEMENT = '/examples/element.html'; // <flowlines-map data=… lang="en" at="2024-10-13">

test('flowlines-ready tells the first view and the story\'s categories, once', async () => {
  const { page: p, errors } = await page(ELEMENT);
  const [ready] = await events(p, 'flowlines-ready');
  assert.equal(ready.detail.date, '2024-10-13');
  assert.deepEqual(ready.detail.categories, ['munitions', 'troops', 'petroleum', 'air_defence', 'other_goods']);
  assert.equal(ready.detail.stream, null);
  assert.equal(ready.detail.zoom, 1);
  assert.equal(ready.detail.extent.length, 4);
  assert.deepEqual(ready.detail.story.categories.map((c) => c.id), ready.detail.categories);
  assert.match(ready.detail.story.categories[0].color, /^#[0-9a-f]{6}$/);
  assert.deepEqual([ready.detail.story.start, ready.detail.story.end], ['2022-01-01', '2025-06-30']);
  const resolved = await p.evaluate(() => document.querySelector('flowlines-map').ready);
  assert.deepEqual(resolved.categories, ready.detail.categories, 'the ready property resolves to the view');
  await p.waitForTimeout(300);
  assert.equal((await events(p, 'flowlines-ready')).length, 1);
  assert.deepEqual(errors, []);
});

test('pause, play and setDate move the timeline, each telling flowlines-change', async () => {
  const { page: p, warnings, errors } = await page(ELEMENT);
  assert.equal(await call(p, 'pause'), true);
  await changedTo(p, 'playing', false);
  assert.equal(await call(p, 'setDate', '2024-10-20'), true);
  assert.equal(await dateShown(p), '2024-10-20');
  await changedTo(p, 'date', '2024-10-20');
  assert.equal(await call(p, 'play'), true);
  await changedTo(p, 'playing', true);
  await p.waitForFunction(() => document.querySelector('flowlines-map').view.date > '2024-10-25');
  assert.equal(await call(p, 'pause'), true);
  const stopped = await dateShown(p);
  await p.waitForTimeout(300);
  assert.equal(await dateShown(p), stopped, 'paused');
  // Bad dates: ignored with a warning naming them, the day stays.
  for (const bad of ['20 October 2024', '2024-02-30', 20241020]) {
    assert.equal(await call(p, 'setDate', bad), false, `${bad} is refused`);
    assert.ok(warnings.some((w) => w.includes(`ignored setDate="${bad}"`)), `a warning names ${bad}: ${warnings.join(' / ')}`);
  }
  assert.equal(await dateShown(p), stopped);
  assert.deepEqual(errors, []);
});

test('showCategories ticks the legend as a reader would; unknown ids are ignored with a warning', async () => {
  const { page: p, warnings } = await page(ELEMENT);
  assert.equal(await call(p, 'showCategories', ['troops', 'petroleum']), true);
  assert.deepEqual(await ticked(p), ['troops', 'petroleum']);
  await changedTo(p, 'categories', ['troops', 'petroleum']);
  assert.equal(await call(p, 'showCategories', ['troops', 'unicorns']), true, 'the known one is shown');
  assert.deepEqual(await ticked(p), ['troops']);
  assert.ok(warnings.some((w) => w.includes('ignored categories="unicorns"')));
  assert.equal(await call(p, 'showCategories', ['unicorns']), false, 'none known: nothing changes');
  assert.deepEqual(await ticked(p), ['troops']);
  assert.equal(await call(p, 'showCategories', 'troops'), false, 'a string is not a list');
  assert.equal(await call(p, 'showCategories', null), true);
  assert.equal((await ticked(p)).length, 5);
});

test('focusStream highlights a stream with its details; null lets go; an unknown one is refused', async () => {
  const { page: p, warnings } = await page(ELEMENT);
  await call(p, 'pause');
  await call(p, 'setDate', '2024-12-01');
  assert.equal(await call(p, 'focusStream', 'troops-deployed'), true);
  const tip = await inMap(p, (root) => ({ hidden: root.getElementById('fl-tooltip').hidden, text: root.getElementById('fl-tooltip').textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /Who says so/);
  await changedTo(p, 'stream', 'troops-deployed');
  assert.equal(await call(p, 'focusStream', 'no-such-stream'), false);
  assert.ok(warnings.some((w) => w.includes('ignored focusStream="no-such-stream": no such stream')));
  assert.equal((await view(p)).stream, 'troops-deployed', 'the focus stays');
  assert.equal(await call(p, 'focusStream', null), true);
  assert.equal(await inMap(p, (root) => root.getElementById('fl-tooltip').hidden), true);
  await changedTo(p, 'stream', null);
});

test('fitTo zooms to the places asked for, the core choosing the frame; reset goes back to the first view', async () => {
  const { page: p, warnings } = await page(ELEMENT);
  await call(p, 'pause');
  const whole = await view(p);
  assert.equal(await call(p, 'fitTo', ['pyongyang', 'rajin', 'vladivostok']), true);
  await changedTo(p, 'zoom', (await view(p)).zoom);
  const fitted = await view(p);
  assert.ok(fitted.zoom > 2, `zoomed in (${fitted.zoom})`);
  const [w, s, e, n] = fitted.extent;
  for (const [lon, lat, name] of [[125.75, 39.03, 'Pyongyang'], [131.89, 43.12, 'Vladivostok']]) {
    assert.ok(lon > w && lon < e && lat > s && lat < n, `${name} is in view: ${fitted.extent}`);
  }
  assert.ok(e - w < (whole.extent[2] - whole.extent[0]) / 2, 'a far smaller part of the globe');
  assert.equal(await call(p, 'fitTo', ['atlantis']), false);
  assert.ok(warnings.some((w) => w.includes("no place 'atlantis' in the story")), warnings.join(' / '));
  assert.equal(await call(p, 'fitTo', 'pyongyang'), false, 'a string is not a list');
  assert.equal((await view(p)).zoom, fitted.zoom, 'a refused fit changes nothing');

  await call(p, 'setDate', '2023-05-01');
  await call(p, 'showCategories', ['troops']);
  assert.equal(await call(p, 'reset'), true);
  const back = await view(p);
  assert.equal(back.date, '2024-10-13');
  assert.equal(back.zoom, 1);
  assert.equal(back.categories.length, 5);
  assert.equal(back.stream, null);
});

test('the element follows its attributes: at, categories, theme, lang, and data with a new ready', async () => {
  const { page: p, errors } = await page(ELEMENT);
  const set = (name, value) => p.evaluate(([n, v]) => document.querySelector('flowlines-map').setAttribute(n, v), [name, value]);
  await call(p, 'pause');
  await set('at', '2024-06-19');
  await p.waitForFunction(() => document.querySelector('flowlines-map').view.date === '2024-06-19');
  await set('categories', 'munitions,troops');
  await p.waitForFunction(() => document.querySelector('flowlines-map').view.categories.join() === 'munitions,troops');
  await p.evaluate(() => document.querySelector('flowlines-map').removeAttribute('categories'));
  await p.waitForFunction(() => document.querySelector('flowlines-map').view.categories.length === 5);
  const sea = () => inMap(p, (root) => getComputedStyle(root.getElementById('fl-map')).backgroundColor);
  assert.equal(await sea(), 'rgb(221, 230, 236)');
  await set('theme', 'dark');
  assert.equal(await p.evaluate(() => document.querySelector('flowlines-map').dataset.scheme), 'dark');
  assert.equal(await sea(), 'rgb(20, 32, 43)');
  await set('lang', 'ko');
  await p.waitForFunction(() => window.events.filter((e) => e.type === 'flowlines-ready').length === 2, null, { timeout: 20000 });
  assert.equal(await inMap(p, (root) => root.querySelector('.fl-app').lang), 'ko');
  assert.match(await inMap(p, (root) => root.getElementById('fl-title').textContent), /[가-힣]/);
  await set('data', '../data/fixtures/five-places.json');
  await p.waitForFunction(() => window.events.filter((e) => e.type === 'flowlines-ready').length === 3, null, { timeout: 20000 });
  const [, , third] = await events(p, 'flowlines-ready');
  assert.deepEqual(third.detail.categories, ['munitions']);
  assert.equal(await p.locator('flowlines-map').evaluate((el) => el.shadowRoot.querySelectorAll('.fl-app').length), 1, 'one map, not two');
  assert.deepEqual(errors, []);
});

test('flowlines-error tells why a story cannot be shown, each problem on its own line', async () => {
  const { page: p } = await page(ELEMENT);
  await p.evaluate(() => document.querySelector('flowlines-map').setAttribute('data', '../data/fixtures/bad-story.json'));
  await p.waitForFunction(() => window.events.some((e) => e.type === 'flowlines-error'), null, { timeout: 20000 });
  const [error] = await events(p, 'flowlines-error');
  assert.ok(error.detail.messages.length > 1, 'several problems');
  assert.match(error.detail.messages[0], /^bad-story\.json:\d+:\d+: /);
  assert.equal(error.detail.message, error.detail.messages.join('\n'));
  assert.equal(await call(p, 'play'), false, 'a command on a map that does not run is refused');
  // A refused file too: the allow-list rule stands.
  await p.evaluate(() => document.querySelector('flowlines-map').setAttribute('data', 'https://anywhere.example/x.json'));
  await p.waitForFunction(() => window.events.filter((e) => e.type === 'flowlines-error').length === 2, null, { timeout: 20000 });
  assert.match((await events(p, 'flowlines-error'))[1].detail.message, /refused to load 'https:\/\/anywhere\.example\/x\.json'/);
});

/** Whether `part` of the map is rendered (takes room on the page). */
const shown = (p, id) => inMap(p, (root, id) => root.getElementById(id).getClientRects().length > 0, id);

test('hide and transparent take away the title, summary, legend, charts and downloads, and nothing else', async () => {
  const { page: p, errors } = await page('/index.html?at=2024-10-20&paused&clock=1&hide=title,legend,charts,downloads&transparent', { bypassCSP: true });
  for (const id of ['fl-title', 'fl-summary', 'fl-legend', 'fl-charts', 'fl-export']) assert.equal(await shown(p, id), false, `${id} is hidden`);
  for (const id of ['fl-map', 'fl-play', 'fl-time', 'fl-caveat', 'fl-table']) assert.equal(await shown(p, id), true, `${id} stays`);
  assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector('flowlines-map')).backgroundColor), 'rgba(0, 0, 0, 0)');
  const widths = await inMap(p, (root) => [root.getElementById('fl-map').getBoundingClientRect().width, root.querySelector('.fl-app').getBoundingClientRect().width]);
  assert.ok(widths[0] > widths[1] - 2, `the map takes the legend's room (${widths})`);
  // Still works: the timeline moves, the map draws.
  await call(p, 'setDate', '2024-02-27');
  assert.equal(await dateShown(p), '2024-02-27');
  // And stays accessible.
  await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`));
  assert.deepEqual(violations, []);
  // Changed later, as an attribute: the title comes back, the legend too.
  // (index.html's map reads its URL too, where the URL wins: that map now reads attributes only.)
  await p.evaluate(() => { const m = document.querySelector('flowlines-map'); m.removeAttribute('url-params'); m.setAttribute('hide', 'downloads nonsense'); });
  assert.equal(await shown(p, 'fl-title'), true);
  assert.equal(await shown(p, 'fl-legend'), true);
  assert.equal(await shown(p, 'fl-export'), false);
  assert.deepEqual(errors, []);
});

test('each switch alone hides its part and only that, set and taken back as an attribute', async () => {
  const { page: p, errors } = await page(ELEMENT);
  const parts = { title: ['fl-title', 'fl-summary'], summary: ['fl-summary'], legend: ['fl-legend'], charts: ['fl-charts'], downloads: ['fl-export'] };
  const all = [...new Set(Object.values(parts).flat()), 'fl-map', 'fl-play', 'fl-time', 'fl-caveat', 'fl-table'];
  for (const [name, ids] of Object.entries(parts)) {
    await p.evaluate((v) => document.querySelector('flowlines-map').setAttribute('hide', v), name);
    for (const id of all) assert.equal(await shown(p, id), !ids.includes(id), `hide="${name}": ${id} ${ids.includes(id) ? 'hidden' : 'shown'}`);
  }
  await p.evaluate(() => document.querySelector('flowlines-map').removeAttribute('hide'));
  for (const id of all) assert.equal(await shown(p, id), true, `${id} is back`);
  const paper = () => p.evaluate(() => getComputedStyle(document.querySelector('flowlines-map')).backgroundColor);
  assert.equal(await paper(), 'rgb(247, 245, 240)');
  await p.evaluate(() => document.querySelector('flowlines-map').setAttribute('transparent', ''));
  assert.equal(await paper(), 'rgba(0, 0, 0, 0)');
  assert.equal(await shown(p, 'fl-map'), true);
  assert.deepEqual(errors, []);
});

test('a story whose category colour is below 3:1 is refused, the page saying where', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/data/fixtures/five-places.json*', async (route) => {
    const story = await (await route.fetch()).json();
    story.categories[0].color = '#ffee00';
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(story, null, 2) });
  });
  await context.addInitScript(() => {
    window.errors = [];
    document.addEventListener('flowlines-error', (e) => window.errors.push(e.detail));
  });
  const p = await context.newPage();
  await p.goto(`${env.origin}/index.html?data=data/fixtures/five-places.json`);
  await p.waitForFunction(() => window.errors.length > 0, null, { timeout: 20000 });
  const [detail] = await p.evaluate(() => window.errors);
  assert.match(detail.message, /^five-places\.json:\d+:\d+: colour #ffee00 has a contrast of 1\.\d+:1 against the light theme's #f4f1ea, below 3:1$/);
  await context.close();
});

test('the embed page takes the switches from its URL and its document goes transparent', async () => {
  const { page: p } = await page('/embed.html?at=2024-10-20&paused&clock=1&hide=title&transparent');
  assert.equal(await shown(p, 'fl-title'), false);
  assert.equal(await shown(p, 'fl-legend'), true);
  assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
});

test('category colours by attribute: one of 3:1 or more is drawn, a paler one is refused with a warning', async () => {
  const { page: p, warnings } = await page('/index.html?at=2024-10-20&paused&clock=1&colors=munitions:%23b30000,troops:%23ffff00');
  const swatch = (id) => inMap(p, (root, id) => root.querySelector(`[data-category="${id}"] svg line`).getAttribute('stroke'), id);
  assert.equal(await swatch('munitions'), '#b30000');
  assert.equal(await swatch('troops'), '#0072b2', 'troops keeps its palette colour');
  assert.ok(warnings.some((w) => /ignored colors="troops": colour #ffff00 has a contrast of 1\.\d+:1 against the light theme's #f4f1ea, below 3:1/.test(w)), warnings.join(' / '));
  const ready = (await events(p, 'flowlines-ready'))[0].detail.story.categories;
  assert.equal(ready.find((c) => c.id === 'munitions').color, '#b30000');
  // The dark theme: #b30000 is below 3:1 on dark land, so munitions goes back to the palette.
  await p.evaluate(() => document.querySelector('flowlines-map').setAttribute('theme', 'dark'));
  await p.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('[data-category="munitions"] svg line').getAttribute('stroke') === '#d55e00');
  assert.ok(warnings.some((w) => /ignored colors="munitions": colour #b30000 has a contrast of .* against the dark theme's/.test(w)));
});

// The iframe: a host page on another origin drives the embed with messages.

async function host() {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  const p = await context.newPage();
  const warnings = [];
  const errors = [];
  const requests = [];
  p.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(`${hostOrigin}/host.html`);
  await p.waitForFunction(() => window.messages.some((m) => m.type === 'flowlines:ready'), null, { timeout: 20000 });
  const post = (message) => p.evaluate((m) => document.getElementById('map').contentWindow.postMessage(m, '*'), message);
  const frameView = () => p.frame({ url: /embed\.html/ }).evaluate(() => document.querySelector('flowlines-map').view);
  return { page: p, warnings, errors, requests, post, frameView };
}

test('the embed takes commands from its cross-origin parent and reports its events to it', async () => {
  const { page: p, post, frameView, errors } = await host();
  const [ready] = await p.evaluate(() => window.messages.filter((m) => m.type === 'flowlines:ready'));
  assert.equal(ready.detail.date, '2024-10-20');
  assert.equal(ready.detail.story.categories.length, 5);
  await post({ type: 'flowlines:command', command: 'setDate', args: ['2024-12-01'] });
  await p.waitForFunction(() => window.messages.some((m) => m.type === 'flowlines:change' && m.detail.date === '2024-12-01'));
  await post({ type: 'flowlines:command', command: 'showCategories', args: [['troops']] });
  await post({ type: 'flowlines:command', command: 'fitTo', args: [['kursk', 'bryansk']] });
  await post({ type: 'flowlines:command', command: 'focusStream', args: ['troops-deployed'] });
  await p.waitForFunction(() => window.messages.some((m) => m.type === 'flowlines:change' && m.detail.stream === 'troops-deployed' && m.detail.zoom > 1));
  assert.deepEqual((await frameView()).categories, ['troops']);
  await post({ type: 'flowlines:command', command: 'reset' });
  await p.waitForFunction(() => window.messages.some((m) => m.type === 'flowlines:change' && m.detail.zoom === 1 && m.detail.date === '2024-10-20'));
  // embed-host.js: the same events as DOM events on the iframe, and `send`.
  assert.ok(await p.evaluate(() => window.domEvents.some((e) => e.type === 'flowlines-ready')));
  await p.evaluate(() => window.flowlinesEmbedHost.send(document.getElementById('map'), 'setDate', '2023-03-03'));
  await p.waitForFunction(() => window.domEvents.some((e) => e.type === 'flowlines-change' && e.detail.date === '2023-03-03'));
  // The height messages still work.
  const height = await p.evaluate(() => document.getElementById('map').getBoundingClientRect().height);
  assert.ok(height > 1000, `embed-host.js still sets the height (${height})`);
  assert.deepEqual(errors, []);
});

test('the embed ignores a message from another window, a bad command, and any that would change its data', async () => {
  const { page: p, post, frameView, warnings, requests } = await host();
  const before = await frameView();
  // From a sibling frame (an advertisement on the host page), not the parent.
  await p.evaluate(() => {
    const other = document.getElementById('other').contentWindow;
    other.eval("parent.document.getElementById('map').contentWindow.postMessage({ type: 'flowlines:command', command: 'setDate', args: ['2023-01-01'] }, '*')");
  });
  await p.waitForTimeout(300);
  assert.equal((await frameView()).date, before.date, 'a sibling cannot move the map');
  assert.ok(warnings.some((w) => w.includes('not from the parent window')), warnings.join(' / '));
  // Never what loads.
  const loaded = requests.length;
  for (const command of ['data', 'basemap', 'allowed-data']) {
    await post({ type: 'flowlines:command', command, args: ['https://anywhere.example/x.json'] });
  }
  await p.waitForTimeout(300);
  assert.ok(warnings.filter((w) => w.includes('no message may change what the map loads')).length === 3, warnings.join(' / '));
  // The charts' module may load at any moment, as the charts come into the frame's view once
  // the host has sized it (a fresh clone on a loaded machine fetched its wasm in this window);
  // nothing else may.
  const charts = (url) => /\/pkg\/flowlines_extras_wasm|\/js\/charts\.js/.test(url);
  assert.deepEqual(requests.slice(loaded).filter((url) => !charts(url)), [], 'nothing was requested');
  // Unknown commands and bad arguments: warned, ignored, nothing thrown.
  await post({ type: 'flowlines:command', command: 'explode' });
  await post({ type: 'flowlines:command', command: 'setDate', args: [20241020] });
  await post({ type: 'flowlines:command', command: 'setDate', args: ['2024-02-30'] });
  await post({ type: 'flowlines:command', command: 'fitTo', args: 'kursk' });
  await post({ type: 'flowlines:command', command: 'toString' });
  await p.waitForTimeout(300);
  assert.ok(warnings.some((w) => w.includes('no such command') && w.includes('explode')));
  assert.ok(warnings.some((w) => w.includes('not the arguments setDate takes')));
  assert.ok(warnings.some((w) => w.includes('ignored setDate="2024-02-30"')));
  assert.ok(warnings.some((w) => w.includes('not the arguments fitTo takes')));
  assert.ok(warnings.some((w) => w.includes('no such command') && w.includes('toString')));
  assert.deepEqual(await frameView(), before, 'the map is where it was');
});
