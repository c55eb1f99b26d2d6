// The embed's promises checked again in Firefox: Debian's firefox-esr, headless, driven over
// WebDriver BiDi by puppeteer-core (which downloads no browser). playwright-core drives only
// its own patched Firefox, so the Chromium suites stay on playwright and this one repeats, in
// Firefox, what depends most on the engine: drawing, the custom element under a strict CSP, the
// iframe's height messages, two maps on a page, the keyboard and tooltip, the phone layout,
// languages and the static image where WebAssembly is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { serve, CSP } from '../tools/serve.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';

let server;
let origin;
let browser;

before(async () => {
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is missing: make setup installs Debian's firefox-esr`);
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Nothing of Firefox's own reaches for the network: this machine has none but our server.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
});

/**
 * Opens `path` at `width` × `height` in a new page that records console errors, page errors,
 * every request and, in every frame, Content-Security-Policy violations (`__violations`).
 */
async function open(path, { width = 1000, height = 700, before: prepare } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(() => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
    Object.defineProperty(window, '__violations', { get: () => violations.slice() });
  });
  if (prepare) await page.evaluateOnNewDocument(prepare);
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(origin + path, { waitUntil: 'load' });
  return { page, context, errors, requests, response };
}

/** Waits until the map `selector` in `frame` has drawn its first frame. */
async function drawn(frame, selector = 'flowlines-map') {
  await frame.waitForFunction((s) => document.querySelector(s)?.dataset.ready === 'true', { timeout: 30000 }, selector);
}

/** How many pixels of the static layer of map `selector` are close to each colour `#rrggbb`. */
async function colours(frame, selector, wanted) {
  return frame.evaluate((s, wanted) => {
    const c = document.querySelector(s).shadowRoot.getElementById('fl-static');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const rgb = wanted.map((h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
    const counts = wanted.map(() => 0);
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) opaque++;
      if (data[i + 3] < 200) continue;
      rgb.forEach((c, k) => {
        if (c.every((v, j) => Math.abs(v - data[i + j]) < 24)) counts[k]++;
      });
    }
    return { opaque, counts };
  }, selector, wanted);
}

/** The text of element `id` in the shadow root of map `selector`. */
function textOf(frame, selector, id) {
  return frame.evaluate((s, id) => document.querySelector(s).shadowRoot.getElementById(id).textContent, selector, id);
}

function onlyOwnOrigin(requests) {
  for (const url of requests) {
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    assert.ok(url.startsWith(`${origin}/`), `a request left the origin: ${url}`);
  }
}

async function noViolations(frames, errors) {
  for (const f of frames) assert.deepEqual(await f.evaluate(() => window.__violations), [], `no CSP violation in ${f.url()}`);
  assert.deepEqual(errors, [], 'no console error');
}

test('Firefox: the map draws its flows in their colours, from its own origin only', async () => {
  const { page, context, errors, requests } = await open('/?at=2024-10-20&paused&clock=1', { width: 1280, height: 900 });
  await drawn(page);
  await new Promise((ok) => setTimeout(ok, 300));
  // Munitions vermillion, troops blue: the routes are drawn on the static layer.
  const { opaque, counts } = await colours(page, 'flowlines-map', ['#d55e00', '#0072b2']);
  assert.ok(opaque > 100000, `the basemap and routes: ${opaque} pixels`);
  assert.ok(counts[0] > 2000, `munitions in vermillion: ${counts[0]} pixels`);
  assert.ok(counts[1] > 300, `troops in blue: ${counts[1]} pixels`);
  const date = await textOf(page, 'flowlines-map', 'fl-date');
  assert.equal(date.trim(), '20 October 2024');
  assert.deepEqual(errors, []);
  onlyOwnOrigin(requests);
  await context.close();
});

test('Firefox: the script-tag embed draws under a strict CSP with no violation', async () => {
  const { page, context, errors, requests, response } = await open('/examples/element.html');
  assert.equal(response.headers()['content-security-policy'], CSP);
  await drawn(page);
  assert.ok((await colours(page, 'flowlines-map', [])).opaque > 1000, 'the map drew');
  await new Promise((ok) => setTimeout(ok, 300));
  await noViolations([page], errors);
  onlyOwnOrigin(requests);
  await context.close();
});

test('Firefox: the iframe embed tells its host its height and the host follows', async () => {
  const { page, context, errors, requests } = await open('/examples/iframe.html', { width: 1000, height: 900 });
  const handle = await page.waitForSelector('iframe.embed');
  const frame = await handle.contentFrame();
  await drawn(frame);
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.embed');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.style.height && Math.abs(parseFloat(f.style.height) - Math.ceil(inner)) <= 1;
  }, { timeout: 15000 });
  const outer = await page.evaluate(() => document.querySelector('iframe.embed').getBoundingClientRect().height);
  assert.ok(outer > 650, `the iframe grew from 150 px to ${outer}`);
  await noViolations([page, frame], errors);
  onlyOwnOrigin(requests);
  await context.close();
});

test('Firefox: two maps on one page, one in Korean, keep their own timelines', async () => {
  const { page, context, errors } = await open('/examples/two-maps.html', { width: 1000, height: 4000 });
  await drawn(page, '#map-2023');
  await drawn(page, '#map-2024');
  assert.match(await textOf(page, '#map-2024', 'fl-title'), /[\uac00-\ud7a3]/, 'the second map is in Korean');
  assert.doesNotMatch(await textOf(page, '#map-2023', 'fl-title'), /[\uac00-\ud7a3]/);
  const day = (s) => page.evaluate((s) => Number(document.querySelector(s).shadowRoot.getElementById('fl-time').value), s);
  await page.evaluate(() => document.querySelector('#map-2023').shadowRoot.getElementById('fl-play').click());
  const paused = await day('#map-2023');
  const playing = await day('#map-2024');
  await new Promise((ok) => setTimeout(ok, 600));
  assert.equal(await day('#map-2023'), paused, 'the paused map stays');
  assert.notEqual(await day('#map-2024'), playing, 'the other plays on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: the keyboard steps through the flows and the tooltip tells each one', async () => {
  const { page, context, errors } = await open('/?at=2024-10-20&paused&clock=1', { width: 1280, height: 900 });
  await drawn(page);
  await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-map').focus());
  await page.keyboard.press('n');
  await page.waitForFunction(() => {
    const tip = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-tooltip');
    return tip && !tip.hidden && tip.textContent.length > 40;
  }, { timeout: 5000 });
  const text = await textOf(page, 'flowlines-map', 'fl-tooltip');
  assert.match(text, /Source: /, text);
  const focused = await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.activeElement?.id);
  assert.equal(focused, 'fl-map', 'the focus stays on the map');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: on a 360-pixel phone the page does not scroll sideways', async () => {
  const { page, context, errors } = await open('/?at=2024-10-20&paused&clock=1', { width: 360, height: 800 });
  await drawn(page);
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `no horizontal scrolling: ${scroll} > ${client}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: in Ukrainian the controls and the date are Ukrainian', async () => {
  const { page, context, errors } = await open('/?at=2024-10-20&paused&clock=1&lang=uk');
  await drawn(page);
  assert.equal((await textOf(page, 'flowlines-map', 'fl-date')).trim(), '20 жовтня 2024');
  assert.match(await textOf(page, 'flowlines-map', 'fl-play'), /[\u0400-\u04ff]/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: without WebAssembly the static image stays, with no error', async () => {
  const { page, context, errors } = await open('/?at=2024-10-20', {
    before: () => { delete globalThis.WebAssembly; },
  });
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.static === 'true'
    && document.getElementById('fl-fallback')?.complete, { timeout: 10000 });
  const fallback = await page.evaluate(() => {
    const img = document.getElementById('fl-fallback');
    const r = img.getBoundingClientRect();
    return { width: r.width, natural: img.naturalWidth, visible: getComputedStyle(img).display !== 'none' };
  });
  assert.ok(fallback.visible && fallback.width > 300 && fallback.natural > 0, JSON.stringify(fallback));
  assert.notEqual(await page.evaluate(() => document.querySelector('flowlines-map').dataset.ready), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
