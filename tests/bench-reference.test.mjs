// The map benchmark's plain-JavaScript reference page loads from our origin only (d3-geo
// included), draws its static layer, and draws particles that move from frame to frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './browser.mjs';
import { ensureStory } from '../tools/bench-story.mjs';

let env;
before(async () => {
  ensureStory({ flows: 200, places: 50, seed: 42, day: '2024-01-01' });
  env = await start();
});
after(async () => { await env.close(); });

/** In the page: how many pixels of canvas `id` are drawn, and a checksum of all of them. */
function look(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let drawn = 0;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 0) drawn++;
      sum = (sum * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2] + 11 * d[i + 3]) % 2147483647;
    }
    return { share: drawn / (d.length / 4), sum };
  }, id);
}

test('the reference page loads only our own files and draws particles that move', async () => {
  const { page, context, errors, requests } = await open(
    env, '/bench/reference.html?flows=200&places=50&seconds=3', { width: 1280, height: 1000 });
  try {
    await page.waitForFunction(() => (window.__benchFrames ?? 0) >= 3, null, { timeout: 20000 });
    const first = await look(page, 'fl-particles');
    await page.waitForTimeout(250);
    const second = await look(page, 'fl-particles');
    assert.ok(first.share > 0.001, `particles cover ${(first.share * 100).toFixed(2)} % of the map`);
    assert.notEqual(first.sum, second.sum, 'the particles moved');
    const still = await look(page, 'fl-static');
    assert.ok(still.share > 0.2, `the static layer covers ${(still.share * 100).toFixed(0)} % of the map`);

    await page.waitForFunction(() => window.__bench, null, { timeout: 20000 });
    const result = await page.evaluate(() => window.__bench);
    assert.equal(result.error, undefined);
    assert.equal(result.page, 'reference');
    assert.ok(result.particles >= 400, `${result.particles} particles for 200 flows`);
    assert.ok(result.scriptMedianMs > 0 && result.firstFrameMs > 0 && result.staticLayerMs > 0);
    const outside = requests.filter((u) => !u.startsWith(env.origin + '/'));
    assert.deepEqual(outside, []);
    assert.ok(requests.some((u) => u.endsWith('/bench/vendor/d3-geo.min.js')), 'd3-geo came from our origin');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
