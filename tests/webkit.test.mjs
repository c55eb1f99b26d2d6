// The map in WebKit, the engine of Safari and of every browser on an iPhone: Debian's WebKitGTK
// (its MiniBrowser, driven by WebKitWebDriver under a virtual X display, xvfb-run) through
// selenium-webdriver. The tests that depend on the engine: the map draws, its particles move, a
// clicked flow's tooltip stays open, the script-tag embed runs under the strict CSP, the iframe
// embed grows to its height, and without WebAssembly the static image stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createConnection } from 'node:net';
import { PNG } from 'pngjs';
import { Builder } from 'selenium-webdriver';
import { serve, CSP } from '../tools/serve.mjs';

export const DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER_PORT = 4400 + (process.pid % 500);

let server; // our files
let origin;
let extra; // the page without WebAssembly, on its own port
let xvfb;
let driver;

/** Resolves once something listens on `port` of 127.0.0.1 (the driver, after its start-up). */
async function listening(port, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const up = await new Promise((ok) => {
      const s = createConnection(port, '127.0.0.1', () => { s.end(); ok(true); });
      s.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`nothing listens on ${port}`);
}

before(async () => {
  for (const file of [DRIVER, MINIBROWSER, '/usr/bin/xvfb-run']) {
    assert.ok(existsSync(file), `${file} is missing: make setup installs Debian's webkit2gtk-driver and xvfb`);
  }
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  // MiniBrowser has no headless mode: the driver and the browser it starts draw on a virtual
  // X display, large enough for the windows below.
  xvfb = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', DRIVER, `--port=${DRIVER_PORT}`], {
    stdio: 'ignore', detached: true,
  });
  await listening(DRIVER_PORT);
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${DRIVER_PORT}`)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    .build();
});

after(async () => {
  await driver?.quit().catch(() => {});
  if (xvfb?.pid) { try { process.kill(-xvfb.pid); } catch { /* already gone */ } }
  await new Promise((ok) => server.close(ok));
  if (extra) await new Promise((ok) => extra.close(ok));
});

/** Opens `url` in a window of `width` × `height` CSS pixels. */
async function open(url, { width = 1280, height = 900 } = {}) {
  await driver.manage().window().setRect({ width, height });
  await driver.get(url);
}

/** `fn(...args)` in the page; `fn` may be async. */
async function run(fn, ...args) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
       .then((v) => done({ v }), (e) => done({ e: String(e) }));`,
    ...args,
  ).then((r) => { if (r.e) throw new Error(r.e); return r.v; });
}

/** Waits until `fn(...args)` in the page is truthy; returns it. */
async function until(what, fn, args = [], ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await run(fn, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

const ready = (doc = 'document') => until('the map drew', new Function(
  `return ${doc}.querySelector('flowlines-map')?.dataset.ready === 'true';`));

/**
 * What the reader sees of the map's stage (#fl-map), from a screenshot of the window (WebKitGTK's
 * getImageData reads back nothing from these canvases, so the test looks as a reader does):
 * how many pixels are close to each colour `#rrggbb`, and a checksum of the whole region.
 */
async function look(wanted = []) {
  const box = await run(() => {
    const r = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-map').getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height), dpr: devicePixelRatio };
  });
  const png = PNG.sync.read(Buffer.from(await driver.takeScreenshot(), 'base64'));
  const rgb = wanted.map((h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
  const counts = wanted.map(() => 0);
  let sum = 0;
  for (let y = box.y * box.dpr; y < Math.min(png.height, (box.y + box.h) * box.dpr); y++) {
    for (let x = box.x * box.dpr; x < Math.min(png.width, (box.x + box.w) * box.dpr); x++) {
      const i = (y * png.width + x) * 4;
      sum = (sum * 31 + png.data[i] + 7 * png.data[i + 1] + 13 * png.data[i + 2]) % 1000000007;
      rgb.forEach((c, k) => { if (c.every((v, j) => Math.abs(v - png.data[i + j]) < 24)) counts[k]++; });
    }
  }
  return { counts, sum };
}

test('WebKit: the map draws its basemap and routes', async () => {
  await open(`${origin}/?at=2024-10-20&paused&clock=1`);
  await ready();
  // Munitions vermillion, troops blue: the routes are drawn.
  const { counts } = await look(['#d55e00', '#0072b2']);
  assert.ok(counts[0] > 2000, `munitions in vermillion: ${counts[0]} pixels`);
  assert.ok(counts[1] > 300, `troops in blue: ${counts[1]} pixels`);
  const date = await run(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-date').textContent);
  assert.equal(date.trim(), '20 October 2024');
});

test('WebKit: while it plays, the particles move', async () => {
  await open(`${origin}/?at=2024-10-20`);
  await ready();
  // Only the particles: the still layers hidden, what changes on the stage is their movement.
  await run(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    for (const id of ['fl-static', 'fl-inset']) root.getElementById(id).style.visibility = 'hidden';
  });
  const first = await look();
  await new Promise((ok) => setTimeout(ok, 300));
  const second = await look();
  assert.notEqual(second.sum, first.sum, 'the particles moved');
});

test('WebKit: a clicked flow keeps its tooltip open', async () => {
  await open(`${origin}/?at=2024-10-20&paused&clock=1`);
  await ready();
  // A point on the troops flow, away from other flows, with the map's own layout and hit test.
  const p = await run(async () => {
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
      for (let i = offsets[s] + 2; i < offsets[s + 1] - 2; i++) {
        const [x, y] = [xy[2 * i], xy[2 * i + 1]];
        const steady = [[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6]].every(([dx, dy]) => {
          const h = map.hit(x + dx, y + dy);
          return h && h.kind === 'stream' && h.index === s;
        });
        if (steady) return { x: Math.round(box.left + x), y: Math.round(box.top + y) };
      }
    }
    return null;
  });
  assert.ok(p, 'a point on a flow');
  const tip = () => run(() => {
    const t = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-tooltip');
    return t.hidden ? '' : t.textContent;
  });
  await driver.actions().move({ x: p.x, y: p.y }).pause(200).click().perform();
  await new Promise((ok) => setTimeout(ok, 400));
  const text = await tip();
  assert.match(text, /Source: /, `the tooltip is open after the click: "${text}"`);
  await driver.actions().move({ x: 3, y: 3 }).perform();
  await until('the tooltip closes when the pointer leaves', () =>
    document.querySelector('flowlines-map').shadowRoot.getElementById('fl-tooltip').hidden);
});

test('WebKit: the script-tag embed runs under the strict CSP', async () => {
  const response = await fetch(`${origin}/examples/element.html`);
  assert.equal(response.headers.get('content-security-policy'), CSP);
  await open(`${origin}/examples/element.html`);
  // The wasm (wasm-unsafe-eval), the module scripts and the styles all ran: it drew.
  await ready();
  const { counts } = await look(['#d55e00']);
  assert.ok(counts[0] > 500, `the map drew its routes: ${counts[0]} pixels`);
  const violations = await run(() => new Promise((ok) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    setTimeout(() => ok(seen), 500);
  }));
  assert.deepEqual(violations, [], 'no violation while it runs');
});

test('WebKit: the iframe embed grows to its document\'s height', async () => {
  await open(`${origin}/examples/iframe.html`, { width: 1000, height: 900 });
  await ready("document.querySelector('iframe.embed').contentDocument");
  const { outer, inner } = await until('the iframe has its height', () => {
    const f = document.querySelector('iframe.embed');
    const inner = Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height);
    const outer = f.getBoundingClientRect().height;
    return f.style.height && Math.abs(outer - inner) <= 1 && { outer, inner };
  });
  assert.ok(outer > 650, `the iframe grew from 150 px to ${outer} (its document: ${inner})`);
});

test('WebKit: without WebAssembly the static image stays', async () => {
  // index.html with WebAssembly removed before any module runs, served next to our files.
  const page = (await readFile(new URL('../www/index.html', import.meta.url), 'utf8'))
    .replace('<head>', '<head><script>delete globalThis.WebAssembly;</script>');
  extra = createServer(async (req, res) => {
    if (req.url.startsWith('/no-wasm.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    const r = await fetch(origin + req.url);
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise((ok) => extra.listen(0, '127.0.0.1', ok));
  await open(`http://127.0.0.1:${extra.address().port}/no-wasm.html?at=2024-10-20`);
  const fallback = await until('the static image shows', () => {
    const img = document.getElementById('fl-fallback');
    if (document.querySelector('flowlines-map')?.dataset.static !== 'true' || !img?.complete) return null;
    const r = img.getBoundingClientRect();
    return { width: r.width, natural: img.naturalWidth, visible: getComputedStyle(img).display !== 'none' };
  }, [], 15000);
  assert.ok(fallback.visible && fallback.width > 300 && fallback.natural > 0, JSON.stringify(fallback));
  assert.notEqual(await run(() => document.querySelector('flowlines-map').dataset.ready), 'true');
});
