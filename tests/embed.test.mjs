// Embedding the map in a news article: the script-tag element and the iframe, each on an example
// host page in www/examples/; a good guest (its own origin only, a strict Content-Security-
// Policy, styles that neither leak out nor in, two maps on one page); a light one (nothing
// loaded before the map nears the viewport and the wasm asked for without waiting for the
// scripts, no frames while it is off screen or the tab hidden, content-hashed data URLs);
// and the record line with its corrections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { start } from './browser.mjs';
import { preloadedModules, staticImports } from './module-graph.mjs';
import { CSP, serve } from '../tools/serve.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const WWW = new URL('../www/', import.meta.url);

/**
 * Opens `path` in a new page that records console errors, every request, and, in every frame,
 * Content-Security-Policy violations (`__violations`) and calls of requestAnimationFrame
 * (`__frames`): the map itself exposes nothing global.
 */
async function guest(path, { width = 1000, height = 700, route } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
    let frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (fn) => { frames++; return raf(fn); };
    Object.defineProperty(window, '__violations', { get: () => violations.slice() });
    Object.defineProperty(window, '__frames', { get: () => frames });
  });
  if (route) await route(context);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(env.origin + path);
  return { page, context, errors, requests, response };
}

/** Waits until the map `selector` in `frame` (a page or a frame) has drawn its first frame. */
async function drawn(frame, selector = 'flowlines-map') {
  await frame.waitForFunction((s) => document.querySelector(s)?.dataset.ready === 'true', selector, { timeout: 20000 });
}

/** `fn(el, arg)` on the element `id` in the shadow root of map `selector` (locators pierce it). */
function inMap(frame, selector, id, fn, arg) {
  return frame.locator(`${selector} #${id}`).evaluate(fn, arg);
}

const pathOf = (url) => new URL(url).pathname;

function onlyOwnOrigin(requests) {
  for (const url of requests) {
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    assert.ok(url.startsWith(env.origin + '/'), `a request left the origin: ${url}`);
  }
}

async function noViolations(frames, errors) {
  for (const f of frames) assert.deepEqual(await f.evaluate(() => window.__violations), [], `no CSP violation in ${f.url()}`);
  assert.deepEqual(errors, [], 'no console error');
}

/** Whether the static layer of map `selector` has drawn something (routes, land). */
async function hasDrawn(frame, selector) {
  return frame.evaluate((s) => {
    const c = document.querySelector(s).shadowRoot.getElementById('fl-static');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) opaque++;
    return opaque;
  }, selector);
}

test('the script-tag embed draws on a host page under a strict CSP, from its own origin only', async () => {
  const { page, context, errors, requests, response } = await guest('/examples/element.html');
  assert.equal(response.headers()['content-security-policy'], CSP, 'the example is served with the strict CSP');
  await drawn(page);
  assert.ok(await hasDrawn(page, 'flowlines-map') > 1000, 'the map drew its static layer');
  await page.waitForTimeout(300);
  await noViolations([page], errors);
  onlyOwnOrigin(requests);
  const paths = requests.map(pathOf);
  // data="../data/nk-russia.json" against the host page, one of our own stories, so its compact
  // form in the reader's language; the default basemap (compact) next to the module.
  assert.ok(paths.includes('/compact/nk-russia.en.bin'), paths.join(' '));
  assert.ok(paths.includes('/data/basemap.bin'), paths.join(' '));
  assert.ok(paths.includes('/css/flowlines.css') && paths.includes('/js/app.js'));
  await context.close();
});

test('relative data resolves against the host page; the default basemap against the module', async () => {
  const fixture = await readFile(new URL('../data/fixtures/five-places.json', import.meta.url), 'utf8');
  const { page, context, requests } = await guest('/examples/element.html', {
    route: (c) => c.route('**/local-story.json*', (r) => r.fulfill({ body: fixture, contentType: 'application/json' })),
  });
  await drawn(page);
  await page.evaluate(() => {
    const el = document.createElement('flowlines-map');
    el.id = 'local';
    el.setAttribute('data', 'local-story.json');
    el.setAttribute('at', '2024-04-15');
    document.querySelector('article').prepend(el);
  });
  await drawn(page, '#local');
  const paths = requests.map(pathOf);
  assert.ok(paths.includes('/examples/local-story.json'), 'fetched next to the host page');
  assert.ok(!paths.some((p) => p.startsWith('/js/local-story')), 'not next to the module');
  assert.ok(!paths.includes('/examples/data/basemap.bin'), 'the default basemap is not looked for next to the page');
  const title = await inMap(page, '#local', 'fl-title', (el) => el.textContent);
  assert.ok(title.length > 0);
  await context.close();
});

test('the host page\'s clashing styles leave the map unchanged, and the map\'s styles stay inside', async () => {
  const props = ['fontSize', 'fontFamily', 'color', 'fontWeight', 'letterSpacing', 'textTransform'];
  const looks = (page) => page.evaluate((props) => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const out = {};
    for (const id of ['fl-title', 'fl-play', 'fl-reset', 'fl-export-png', 'fl-summary']) {
      const s = getComputedStyle(root.getElementById(id));
      out[id] = Object.fromEntries(props.map((p) => [p, s[p]]));
    }
    return out;
  }, props);
  const plain = await guest('/?paused');
  await drawn(plain.page);
  const alone = await looks(plain.page);
  await plain.context.close();

  const { page, context } = await guest('/examples/element.html');
  await drawn(page);
  const hosted = await looks(page);
  assert.deepEqual(hosted, alone, 'title and buttons look as on a page of their own');
  assert.notEqual(hosted['fl-title'].color, 'rgb(255, 0, 0)');
  assert.notEqual(hosted['fl-play'].fontSize, '30px');
  // The host's own `h1, p, button` rule does style the host, and the map's `.fl-title` rule
  // does not style the host's paragraph of that class.
  const host = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('article > p.fl-title'));
    const b = getComputedStyle(document.querySelector('article > button'));
    return { size: s.fontSize, color: s.color, margin: s.marginTop, spacing: s.letterSpacing, button: b.fontSize };
  });
  assert.deepEqual(host, { size: '30px', color: 'rgb(255, 0, 0)', margin: '30px', spacing: '4px', button: '30px' });
  await context.close();
});

test('the iframe embed grows to its height on the host page, under a strict CSP, own origin only', async () => {
  const { page, context, errors, requests } = await guest('/examples/iframe.html', { width: 1000, height: 900 });
  const iframe = page.locator('iframe.embed');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await drawn(frame);
  const response = await page.request.get(env.origin + '/embed.html');
  assert.equal(response.headers()['content-security-policy'], CSP);
  // The host's embed-host.js set the iframe's height to the embedded document's height.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.embed');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.style.height && Math.abs(parseFloat(f.style.height) - Math.ceil(inner)) <= 1;
  }, null, { timeout: 10000 });
  const { outer, inner, scroll } = await iframe.evaluate((f) => ({
    outer: f.getBoundingClientRect().height,
    inner: f.contentDocument.documentElement.scrollHeight,
    scroll: f.contentDocument.documentElement.scrollHeight > f.contentWindow.innerHeight,
  }));
  assert.ok(outer > 650, `the iframe grew from 150 px to ${outer}`);
  assert.ok(Math.abs(outer - inner) <= 1, `${outer} vs ${inner}`);
  assert.equal(scroll, false, 'the embed does not scroll inside its iframe');
  // It follows a change of the embedded document's height: the charts load (with their wasm
  // module) when the reader scrolls to them, and the iframe grows; hidden, it shrinks.
  await frame.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
  await page.waitForFunction((o) => parseFloat(document.querySelector('iframe.embed').style.height) > o + 100, outer);
  const before = parseFloat(await iframe.evaluate((f) => f.style.height));
  await frame.evaluate(() => {
    document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').hidden = true;
  });
  await page.waitForFunction((b) => parseFloat(document.querySelector('iframe.embed').style.height) < b - 100, before);
  await page.waitForTimeout(300);
  await noViolations([page, frame], errors);
  onlyOwnOrigin(requests);
  await context.close();
});

test('embed.html reads its URL: language and date', async () => {
  const { page, context, errors } = await guest('/embed.html?lang=ko&at=2024-06-30&paused');
  await drawn(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  const title = await inMap(page, 'flowlines-map', 'fl-title', (el) => el.textContent);
  assert.match(title, /[\uac00-\ud7a3]/, `a Korean title: ${title}`);
  const value = await inMap(page, 'flowlines-map', 'fl-time', (el) => Number(el.value));
  assert.equal(value, Date.UTC(2024, 5, 30) / 86400000);
  const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
  assert.equal(margin, '0px', 'full bleed');
  await noViolations([page], errors);
  await context.close();
});

test('the embed works in an iframe sandboxed to allow-scripts allow-same-origin', async () => {
  const { page, context, errors } = await guest('/examples/iframe.html', { width: 1000, height: 900 });
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.className = 'embed';
    f.id = 'sandboxed';
    f.title = 'Sandboxed map';
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    f.dataset.flowlines = '';
    f.src = '../embed.html?at=2024-06-30&paused&clock=1';
    document.querySelector('article').prepend(f);
  });
  const frame = await (await page.locator('#sandboxed').elementHandle()).contentFrame();
  await drawn(frame);
  await page.waitForFunction(() => parseFloat(document.getElementById('sandboxed').style.height) > 650);
  // The host has resized the frame to its content; the map draws its layers again before the
  // browser paints a resize (tests/resize.test.mjs), so one read finds them drawn.
  assert.ok(await hasDrawn(frame, 'flowlines-map') > 1000);
  await noViolations([page, frame], errors);
  await context.close();
});

test('another iframe on the host page cannot resize itself; a marked one only from its own origin', async () => {
  const second = await serve(0); // the same files on another port: another origin
  const other = `http://127.0.0.1:${second.address().port}`;
  // A host page without a CSP (the demo page, so it may frame `other`) gets embed-host.js and
  // three iframes, each with the real embed, which posts its height: one not marked as a
  // flowlines embed (an advertisement would be that), one marked whose src is on `other`, and
  // one marked whose src is on our origin but whose document then moves itself to `other`, so
  // its messages come from an origin its src does not name.
  const { page, context } = await guest('/?paused', { width: 1000, height: 8000 }); // tall: every frame stays in view
  await page.evaluate((o) => {
    const script = document.createElement('script');
    script.src = '/embed-host.js';
    document.head.append(script);
    const frame = (id, src, marked) => {
      const f = document.createElement('iframe');
      f.id = id;
      f.src = src;
      if (marked) f.dataset.flowlines = '';
      document.body.prepend(f);
    };
    frame('ad', '/embed.html?paused&clock=1', false);
    frame('cross', `${o}/embed.html?paused&clock=1`, true);
    frame('moved', '/embed.html?paused&clock=1', true);
  }, other);
  const frameOf = async (id) => (await page.locator('#' + id).elementHandle()).contentFrame();
  const moving = await frameOf('moved');
  await drawn(moving);
  await moving.evaluate((o) => { location.href = `${o}/embed.html?paused&clock=1`; }, other);
  const [ad, cross, moved] = [await frameOf('ad'), await frameOf('cross'), await frameOf('moved')];
  for (const [name, f] of [['ad', ad], ['cross', cross], ['moved', moved]]) {
    await f.waitForURL(/embed\.html/);
    await drawn(f).catch((e) => { throw new Error(`${name} (${f.url()}): ${e.message}`); });
  }
  assert.equal(new URL(moved.url()).origin, other, 'the moved iframe ended on the other origin');
  // The marked embed on its src's origin is resized: the script works on this page.
  await page.waitForFunction(() => parseFloat(document.getElementById('cross').style.height) > 650, null, { timeout: 10000 });
  const heights = () => page.evaluate(() => ['ad', 'moved'].map((id) => document.getElementById(id).style.height));
  const before = await heights(); // the moved one was resized while it was on its src's origin
  assert.equal(before[0], '', 'the unmarked iframe was never resized');
  for (const f of [ad, moved]) await f.evaluate(() => window.parent.postMessage({ type: 'flowlines:height', height: 20000 }, '*'));
  await page.waitForTimeout(500);
  assert.deepEqual(await heights(), before, 'neither the unmarked iframe nor the one whose origin moved can resize itself');
  await context.close();
  second.closeAllConnections();
  await new Promise((ok) => second.close(ok));
});

test('two maps on one page draw and keep their own timelines', async () => {
  const { page, context, errors } = await guest('/examples/two-maps.html', { width: 1000, height: 4000 });
  await drawn(page, '#map-2023');
  await drawn(page, '#map-2024');
  assert.ok(await hasDrawn(page, '#map-2023') > 1000, 'the first map draws');
  assert.ok(await hasDrawn(page, '#map-2024') > 1000, 'the second map draws');
  const korean = await inMap(page, '#map-2024', 'fl-title', (el) => el.textContent);
  assert.match(korean, /[\uac00-\ud7a3]/, 'the second map is in Korean');
  const english = await inMap(page, '#map-2023', 'fl-title', (el) => el.textContent);
  assert.doesNotMatch(english, /[\uac00-\ud7a3]/, 'the first stays in English');

  const date = (s) => inMap(page, s, 'fl-date', (el) => el.textContent);
  const day = (s) => inMap(page, s, 'fl-time', (el) => Number(el.value));
  // Pausing the first leaves the second playing.
  await page.locator('#map-2023 #fl-play').click();
  const paused = await day('#map-2023');
  const playing = await day('#map-2024');
  await page.waitForTimeout(500);
  assert.equal(await day('#map-2023'), paused, 'the paused map stays');
  assert.notEqual(await day('#map-2024'), playing, 'the other plays on');
  // Pause the second too, then move the first's timeline: the second's date does not move.
  await page.locator('#map-2024 #fl-play').click();
  const second = await date('#map-2024');
  const secondDay = await day('#map-2024');
  await inMap(page, '#map-2023', 'fl-time', (el) => {
    el.value = String(Date.UTC(2022, 6, 1) / 86400000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  assert.equal(await day('#map-2023'), Date.UTC(2022, 6, 1) / 86400000, 'the first moved');
  assert.equal(await date('#map-2024'), second, 'the second shows the same date');
  assert.equal(await day('#map-2024'), secondDay);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a map far down a long page loads its wasm and data only when scrolled near', async () => {
  const { page, context, requests } = await guest('/examples/long-article.html', { width: 1000, height: 700 });
  const heavy = () => requests.map(pathOf).filter((p) => /\.wasm$|nk-russia(\.\w+)?\.(json|bin)$|basemap\.(json|bin)$|\/js\/app\.js$/.test(p));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  assert.deepEqual(heavy(), [], 'nothing heavy loads while the map is far below');
  const top = await page.evaluate(() => document.getElementById('far-map').getBoundingClientRect().top + scrollY);
  // 600 px below the viewport: still nothing.
  await page.evaluate((y) => window.scrollTo(0, y), top - 700 - 600);
  await page.waitForTimeout(500);
  assert.deepEqual(heavy(), [], 'nothing loads 600 px away');
  // 150 px below the viewport (within the 300 px margin): the wasm and the data load.
  await page.evaluate((y) => window.scrollTo(0, y), top - 700 - 150);
  // The data follows the module, which says whether it may load (www/js/sources.js).
  const both = () => heavy().some((p) => p.endsWith('.wasm')) && heavy().some((p) => p.endsWith('nk-russia.en.bin'));
  for (let i = 0; i < 100 && !both(); i++) await page.waitForTimeout(100);
  assert.ok(heavy().some((p) => p.endsWith('.wasm')), 'the wasm loads when the map nears');
  assert.ok(heavy().some((p) => p.endsWith('nk-russia.en.bin')), 'the data loads when the map nears');
  await context.close();
});

test('the map asks for its wasm, story and basemap while its scripts are still loading, not after them', async () => {
  // One of app.js's imports held back 1.5 s: the wasm and the files it allows must not wait for it.
  const { page, context, errors, whileHeld } = await holding('/embed.html', '**/js/steps.js*', 1500);
  const asked = await whileHeld;
  assert.ok(asked.some((p) => p.endsWith('/flowlines_wasm_bg.wasm')), 'the wasm was asked for while an import of app.js was held back');
  assert.ok(asked.includes('/compact/nk-russia.en.bin') && asked.includes('/data/basemap.bin'), `the story and basemap too: ${asked.join(' ')}`);
  await drawn(page);
  assert.deepEqual(errors, [], 'no console error');
  await context.close();
});

test('the map asks for its own story and basemap with its wasm, not once the module has started', async () => {
  // The module's glue held back 1.5 s: the story and basemap, files of the map's own folder,
  // must not wait for it (a file from elsewhere does, for the core's rule: sources.test.mjs).
  const { page, context, requests, errors, whileHeld } = await holding('/embed.html', '**/pkg/flowlines_wasm.js*', 1500);
  const asked = await whileHeld;
  assert.ok(asked.includes('/compact/nk-russia.en.bin') && asked.includes('/data/basemap.bin'), `the story and basemap were asked for while the glue was held back: ${asked.join(' ')}`);
  await drawn(page);
  const count = (path) => requests.map(pathOf).filter((p) => p === path).length;
  for (const path of ['/compact/nk-russia.en.bin', '/data/basemap.bin']) assert.equal(count(path), 1, `${path} fetched once`);
  assert.deepEqual(errors, [], 'no console error');
  await context.close();
});

test('embed.html asks for the manifest with the page, once, and the preloaded modules are used', async () => {
  // The element's module held back 1 s: the manifest must not wait for it.
  const { page, context, requests, errors, warnings, whileHeld } = await holding('/embed.html', '**/js/flowlines-map.js*', 1000);
  assert.ok((await whileHeld).includes('/manifest.json'), 'the manifest was asked for while flowlines-map.js was held back');
  await drawn(page);
  await page.waitForTimeout(3500); // Chromium warns of a preload left unused a few seconds after load
  const count = (path) => requests.map(pathOf).filter((p) => p === path).length;
  assert.equal(count('/manifest.json'), 1, 'the preloaded manifest is the one the map reads: not fetched again');
  for (const path of preloadedModules('embed.html')) assert.equal(count(path), 1, `${path} fetched once`);
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'no preload left unused');
  assert.deepEqual(errors, [], 'no console error');
  await context.close();
});

/**
 * The modules the map's first frame runs, by path: flowlines-map.js, the two it imports when the
 * map nears the viewport (inputs.js and app.js, `import()`), and every module they import in
 * turn.
 */
function firstFrameModules() {
  return staticImports(['/js/flowlines-map.js', '/js/inputs.js', '/js/app.js']);
}

test('embed.html preloads exactly the modules of the map\'s first frame but the one it loads', () => {
  const preloaded = new Set(preloadedModules('embed.html'));
  const wanted = firstFrameModules();
  wanted.delete('/js/flowlines-map.js'); // the page's own <script type="module">
  assert.deepEqual([...preloaded].sort(), [...wanted].sort());
});

/**
 * `path` opened as `guest` does, with the responses to requests matching `pattern` held back
 * `ms` milliseconds; `whileHeld` resolves to the paths asked for until the first is let go.
 */
async function holding(path, pattern, ms) {
  const asked = [];
  let held;
  const whileHeld = new Promise((ok) => { held = ok; });
  const opened = await guest(path, {
    route: async (c) => {
      c.on('request', (r) => asked.push(pathOf(r.url())));
      await c.route(pattern, async (r) => {
        await new Promise((ok) => setTimeout(ok, ms));
        held([...asked]);
        await r.continue();
      });
    },
  });
  const warnings = [];
  opened.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  return { ...opened, warnings, whileHeld };
}

test('no frames are drawn while the map is off screen or its tab hidden; they resume after', async () => {
  const { page, context, errors } = await guest('/examples/long-article.html', { width: 1000, height: 700 });
  await page.locator('#far-map').scrollIntoViewIfNeeded();
  await drawn(page, '#far-map');
  const frames = () => page.evaluate(() => window.__frames);
  const particles = () => page.evaluate(() => {
    const c = document.getElementById('far-map').shadowRoot.getElementById('fl-particles');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i] + data[i + 3]) >>> 0;
    return h;
  });
  const running = async () => {
    const a = await frames();
    await page.waitForTimeout(800);
    return (await frames()) - a;
  };
  assert.ok(await running() >= 2, 'frames while on screen');

  // Scrolled away: no frame is requested, the particles stand still.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const still = await particles();
  assert.equal(await running(), 0, 'no frame while off screen');
  assert.equal(await particles(), still, 'the particle layer does not change');

  // Back on screen: frames again.
  await page.locator('#far-map').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.ok(await running() >= 2, 'frames resume on screen');

  // The tab hidden (as the browser says it when the reader switches tabs): no frame.
  const visibility = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await visibility(true);
  await page.waitForTimeout(100);
  assert.equal(await running(), 0, 'no frame while the tab is hidden');
  await visibility(false);
  await page.waitForTimeout(100);
  assert.ok(await running() >= 2, 'frames resume when the tab shows again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the data, basemap and wasm are fetched with their content hash from the manifest', async () => {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', WWW), 'utf8'));
  for (const file of ['data/nk-russia.json', 'compact/nk-russia.en.bin', 'data/basemap.bin', 'pkg/flowlines_wasm_bg.wasm', 'pkg/flowlines_extras_wasm_bg.wasm']) {
    const body = await readFile(new URL(file, WWW));
    assert.equal(manifest[file], createHash('sha256').update(body).digest('hex').slice(0, manifest[file].length), file);
    assert.ok(manifest[file].length >= 8);
  }
  const { page, context, requests } = await guest('/examples/element.html');
  await drawn(page);
  const urls = requests.map((u) => { const x = new URL(u); return x.pathname + x.search; });
  assert.ok(urls.includes(`/compact/nk-russia.en.bin?v=${manifest['compact/nk-russia.en.bin']}`), urls.join(' '));
  assert.ok(urls.includes(`/data/basemap.bin?v=${manifest['data/basemap.bin']}`), urls.join(' '));
  assert.ok(urls.includes(`/pkg/flowlines_wasm_bg.wasm?v=${manifest['pkg/flowlines_wasm_bg.wasm']}`), urls.join(' '));
  await context.close();

  // Without a manifest the map still loads, its files without a hash.
  const bare = await guest('/examples/element.html', {
    route: (c) => c.route('**/manifest.json', (r) => r.fulfill({ status: 404, body: 'not found' })),
  });
  await drawn(bare.page);
  assert.ok(bare.requests.some((u) => u.endsWith('/data/nk-russia.json')), bare.requests.join(' '));
  await bare.context.close();
});

test('our own compact story is read without the second module; one that does not match the manifest is validated by it', async () => {
  const extras = (requests) => requests.some((u) => pathOf(u).endsWith('/flowlines_extras_wasm_bg.wasm'));
  const own = await guest('/examples/element.html');
  await drawn(own.page);
  assert.ok(!extras(own.requests), own.requests.join(' '));
  await own.context.close();

  // Another story of ours at its URL (valid, but not what the manifest lists): the second module
  // validates it first, then the map shows it.
  const pacific = await readFile(new URL('compact/pacific.en.bin', WWW));
  const other = await guest('/examples/element.html', {
    route: (c) => c.route('**/compact/nk-russia.en.bin*', (r) => r.fulfill({ body: pacific, contentType: 'application/octet-stream' })),
  });
  await drawn(other.page);
  assert.ok(extras(other.requests), other.requests.join(' '));
  await other.context.close();

  // The file cut short: refused by the second module, with the reason on the page, and no map.
  const ours = await readFile(new URL('compact/nk-russia.en.bin', WWW));
  const cut = await guest('/examples/element.html', {
    route: (c) => c.route('**/compact/nk-russia.en.bin*', (r) => r.fulfill({ body: ours.subarray(0, ours.length >> 1), contentType: 'application/octet-stream' })),
  });
  await cut.page.locator('flowlines-map #fl-errors').waitFor({ state: 'visible', timeout: 20000 });
  const shown = await inMap(cut.page, 'flowlines-map', 'fl-errors', (el) => el.textContent);
  assert.match(shown, /not a compact story file: it ends before the story does/);
  assert.ok(extras(cut.requests));
  await cut.context.close();
});

test('the map says its data\'s date, version and corrections', async () => {
  const { page, context } = await guest('/examples/element.html');
  await drawn(page);
  const record = page.locator('flowlines-map .fl-record');
  const line = (await record.innerText()).replace(/\s+/g, ' ').trim();
  assert.equal(line, 'Data as of 30 May 2025 · version 1.0.0 · Corrections');
  await page.locator('flowlines-map .fl-record summary').click();
  assert.match(await record.innerText(), /No corrections so far\./);
  await context.close();

  // A story with a correction lists it, with its date, in the map's language.
  const story = JSON.parse(await readFile(new URL('../data/nk-russia.json', import.meta.url), 'utf8'));
  story.story.version = '1.0.1';
  story.story.corrections = [{
    date: '2025-05-20',
    text: { en: 'The troop figure of October 2024 is credited to its source.', ko: '2024년 10월 병력 수치의 출처를 밝혔습니다.' },
  }];
  const body = JSON.stringify(story);
  const corrected = await guest('/examples/two-maps.html', {
    width: 1000,
    height: 4000,
    // The story's compact form as well: served this JSON, the map module refuses it and the
    // second module turns it into that form, as for a host's own story.
    route: (c) => c.route('**/nk-russia*.{json,bin}*', (r) => r.fulfill({ body, contentType: 'application/json' })),
  });
  await drawn(corrected.page, '#map-2023');
  await drawn(corrected.page, '#map-2024');
  await corrected.page.locator('#map-2023 .fl-record summary').click();
  await corrected.page.locator('#map-2024 .fl-record summary').click();
  const en = await corrected.page.locator('#map-2023 .fl-record').innerText();
  assert.match(en, /version 1\.0\.1/);
  assert.match(en, /20 May 2025: The troop figure of October 2024 is credited to its source\./);
  const ko = await corrected.page.locator('#map-2024 .fl-record').innerText();
  assert.match(ko, /2025년 5월 30일/);
  assert.match(ko, /2025년 5월 20일: 2024년 10월 병력 수치의 출처를 밝혔습니다\./);
  await corrected.context.close();
});
