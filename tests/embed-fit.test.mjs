// The embed page on phones and wide columns: from 320 to 1400 px nothing in it (the map, its
// canvases, the charts) is wider than the viewport, so it never scrolls sideways in its iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

for (const width of [320, 360, 375, 390, 414, 1400]) {
  test(`at ${width} px nothing on the embed page is wider than the viewport`, async () => {
    const { page, errors, context } = await open(env, '/embed.html?at=2024-10-20&paused&clock=1', { width, height: 800 });
    await ready(page);
    // The charts load when they reach the viewport (their wasm module is fetched only then).
    await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-chart canvas'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const { client, scroll, wider } = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      const wider = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          const seen = getComputedStyle(el).clipPath === 'none'; // not the visually hidden live region
          if (seen && r.width > 0 && (r.left < -0.5 || r.right > client + 0.5)) wider.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${r.left}–${r.right}`);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return { client, scroll: document.documentElement.scrollWidth, wider };
    });
    assert.equal(client, width);
    assert.deepEqual(wider, [], `wider than ${client} px`);
    assert.ok(scroll <= client, `no sideways scrolling: ${scroll} > ${client}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
