// A panic in one map's WebAssembly call stops that map alone: the panic hook logs the Rust
// message, the map shows its static image and a line of text, and the other map on the page,
// which shares the module, keeps animating.
//
// The panic is real: tools/build-wasm-fault.sh builds the module with the cargo feature `fault`
// (crates/flowlines-wasm/src/fault.rs), in which a story with the id "fault-panic-in-frame"
// panics in `frame`, its animation loop; this test serves that build in place of www/pkg/. The
// shipped module is built without the feature, so nothing deployed can panic on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { start } from './browser.mjs';

const FAULT = new URL('../target/pkg-fault/', import.meta.url);

let env;
before(async () => {
  await stat(new URL('flowlines_wasm_bg.wasm', FAULT)).catch(() => {
    throw new Error('no target/pkg-fault/: run tools/build-wasm-fault.sh (make test-e2e does)');
  });
  env = await start();
});
after(async () => { await env?.close(); });

const MAP = (id, data, at) => `<flowlines-map id="${id}" data="${data}" at="${at}">
  <img slot="fallback" src="../static/map.svg" width="1200" height="630" alt="Static map of the flows">
</flowlines-map>`;

test('a panic in one map\'s animation loop leaves its static image and a line of text; the other map keeps moving', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 2400 }, deviceScaleFactor: 1 });
  await context.route('**/pkg/**', async (r) => {
    const name = new URL(r.request().url()).pathname.split('/').pop();
    if (name.startsWith('flowlines_extras_wasm')) return r.continue(); // the second module has no fault build
    const type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
    r.fulfill({ contentType: type, body: await readFile(new URL(name, FAULT)) });
  });
  const story = JSON.parse(await readFile(new URL('../data/nk-russia.json', import.meta.url), 'utf8'));
  story.story.id = 'fault-panic-in-frame';
  await context.route(env.origin + '/data/poisoned.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(story) }));
  await context.route(env.origin + '/examples/panic.html', (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><title>two maps</title>
      <script type="module" src="../js/flowlines-map.js"></script>
      ${MAP('poisoned', '../data/poisoned.json', '2024-10-13')}
      ${MAP('healthy', '../data/nk-russia.json', '2024-10-13')}`,
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.origin + '/examples/panic.html');

  await page.waitForFunction(() => document.getElementById('poisoned').dataset.failed === 'true', null, { timeout: 30000 });
  assert.ok(errors.some((e) => /panicked at .*fault\.rs.*\n?.*fault injected/s.test(e)), `the hook logged the Rust message:\n${errors.join('\n')}`);
  const failed = await page.evaluate(() => {
    const host = document.getElementById('poisoned');
    const root = host.shadowRoot;
    const img = host.querySelector('img[slot="fallback"]');
    return {
      text: root.getElementById('fl-errors').textContent,
      shown: !root.getElementById('fl-errors').hidden,
      image: img.getBoundingClientRect().height,
      canvases: root.querySelectorAll('.fl-map canvas').length,
      controls: getComputedStyle(root.querySelector('.fl-controls')).display,
      charts: getComputedStyle(root.querySelector('.fl-charts')).display,
    };
  });
  assert.deepEqual(failed, {
    text: 'The live map stopped after an internal error; this is its still image.',
    shown: true, image: failed.image, canvases: 0, controls: 'none', charts: 'none',
  });
  assert.ok(failed.image > 100, `the static image shows (${failed.image} px tall)`);

  // The other map draws frame after frame: its particles move and its timeline plays on.
  const state = () => page.evaluate(() => {
    const root = document.getElementById('healthy').shadowRoot;
    const c = root.getElementById('fl-particles');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let sum = 0;
    for (let i = 3; i < data.length; i += 4) sum = (sum * 31 + data[i] * (i % 9973)) % 1000000007;
    return { pixels: sum, day: root.getElementById('fl-time').value };
  });
  const first = await state();
  await page.waitForTimeout(700);
  const second = await state();
  assert.equal(await page.evaluate(() => document.getElementById('healthy').dataset.ready), 'true');
  assert.notEqual(second.pixels, first.pixels, 'the healthy map\'s particles moved');
  assert.notEqual(second.day, first.day, 'the healthy map\'s timeline plays on');
  await context.close();
});
