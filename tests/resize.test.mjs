// A map whose box changes size (a host page resizing its iframe, a phone turned round) draws
// both its layers again before the browser paints: resizing a canvas clears it, and a map
// that waited for its next animation frame to draw again showed a blank frame on every resize.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/**
 * In the page: resizes the map's element to `width` CSS pixels and, in a ResizeObserver made
 * after the map's own (so called after it, before the browser paints), counts the pixels each
 * layer has drawn.
 */
async function drawnWhenResized(page, width) {
  return page.evaluate((width) => new Promise((resolve) => {
    const host = document.querySelector('flowlines-map');
    const root = host.shadowRoot;
    const drawn = (id) => {
      const c = root.getElementById(id);
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return { width: c.width, n };
    };
    const watch = new ResizeObserver(() => {
      watch.disconnect();
      resolve({ static: drawn('fl-static'), particles: drawn('fl-particles') });
    });
    watch.observe(root.getElementById('fl-map'));
    host.style.width = `${width}px`;
  }), width);
}

test('a resized map draws its static layer and its particles again before the browser paints', async () => {
  const { page, errors, context } = await open(env, '/?at=2025-06-01', { width: 1000 });
  await ready(page);
  let before = await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static').width);
  for (const width of [600, 900]) {
    const seen = await drawnWhenResized(page, width);
    assert.notEqual(seen.static.width, before, 'the canvas took a new size');
    before = seen.static.width;
    assert.ok(seen.static.n > 10000, `static layer: ${seen.static.n} pixels drawn at ${width} px`);
    assert.ok(seen.particles.n > 0, `particles: ${seen.particles.n} pixels drawn at ${width} px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
