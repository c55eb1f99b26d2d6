// The first slice end to end: the page as `make serve` serves it draws the places where the
// projection puts them, moves particles along the route, logs no error and stays on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const FIXTURE = '/?data=data/fixtures/five-places.json&at=2024-04-15&paused';

/** In the page: the places and route the core computes for the map's own size. */
async function geometry(page) {
  return page.evaluate(async () => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { default: initExtras, Extras } = await import('/pkg/flowlines_extras_wasm.js');
    await Promise.all([init(), initExtras()]);
    // A fixture has no compact form of its own: the second module makes it, as the page does.
    const bytes = new Uint8Array(await (await fetch('data/fixtures/five-places.json')).arrayBuffer());
    const map = FlowMap.from_validated_bytes('five-places.json', Extras.binary('five-places.json', bytes));
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = root.getElementById('fl-map').getBoundingClientRect();
    const zoom = root.getElementById('fl-zoom').getBoundingClientRect();
    map.set_controls_size(zoom.width, zoom.height); // as the page frames its map
    map.resize(box.width, box.height, 1);
    return { places: Array.from(map.place_xy()), route: Array.from(map.frame_columns().route_xy) };
  });
}

/** In the page: centres of the blobs of opaque pixels on the particle layer. */
async function particleBlobs(page) {
  return page.evaluate(() => {
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-particles');
    const { data, width, height } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Uint8Array(width * height);
    const blobs = [];
    for (let i = 0; i < width * height; i++) {
      if (seen[i] || data[4 * i + 3] < 128) continue;
      let sx = 0, sy = 0, n = 0;
      const stack = [i];
      seen[i] = 1;
      while (stack.length) {
        const j = stack.pop();
        const x = j % width, y = (j - x) / width;
        sx += x; sy += y; n++;
        for (const k of [j - 1, j + 1, j - width, j + width]) {
          if (k >= 0 && k < width * height && !seen[k] && data[4 * k + 3] >= 128) { seen[k] = 1; stack.push(k); }
        }
      }
      blobs.push([sx / n + 0.5, sy / n + 0.5]);
    }
    return blobs;
  });
}

/** Distance along `route` (flat x, y list) of the route point nearest to `p`, and how far off it is. */
function along(route, [px, py]) {
  let best = Infinity, at = 0, s = 0;
  for (let i = 0; i < route.length; i += 2) {
    if (i > 0) s += Math.hypot(route[i] - route[i - 2], route[i + 1] - route[i - 1]);
    const d = Math.hypot(route[i] - px, route[i + 1] - py);
    if (d < best) { best = d; at = s; }
  }
  return { at, off: best };
}

test('the map draws a dot where the projection puts each of the five places', async () => {
  const { page, errors } = await open(env, FIXTURE);
  await ready(page);
  const { places } = await geometry(page);
  assert.equal(places.length, 10);
  const pixels = await page.evaluate((places) => {
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-static');
    const ctx = c.getContext('2d');
    const out = [];
    for (let i = 0; i < places.length; i += 2) {
      out.push(Array.from(ctx.getImageData(Math.round(places[i]), Math.round(places[i + 1]), 1, 1).data));
    }
    // A point well away from every place and route stays empty (sea, or land: no flow).
    out.push(Array.from(ctx.getImageData(5, 5, 1, 1).data));
    return out;
  }, places);
  const empty = pixels.pop();
  const land = [0xf4, 0xf1, 0xea];
  assert.ok(empty[3] === 0 || land.every((v, i) => Math.abs(empty[i] - v) < 8), `the corner shows no flow: ${empty}`);
  for (const [r, g, b, a] of pixels) {
    assert.ok(a > 200 && r < 80 && g < 80 && b < 80, `a dark place dot is drawn, saw ${[r, g, b, a]}`);
  }
  assert.deepEqual(errors, []);
});

test('a particle moves along the route in its direction', async () => {
  // Two still images of the same map 0.15 s of animation apart (`clock=`), so that how far the
  // particles move does not depend on how quickly a loaded machine takes two screenshots.
  const shots = [];
  for (const clock of [1, 1.15]) {
    const { page, errors, requests, context } = await open(env, `${FIXTURE}&clock=${clock}`);
    await ready(page);
    shots.push({ route: (await geometry(page)).route, blobs: await particleBlobs(page) });
    assert.deepEqual(errors, []);
    for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), `request stays on 127.0.0.1: ${url}`);
    await context.close();
  }
  const [{ route, blobs: first }, { blobs: second }] = shots;
  assert.ok(first.length >= 2 && second.length >= 2, `particles are drawn: ${first.length}, ${second.length}`);
  const a = first.map((p) => along(route, p));
  const b = second.map((p) => along(route, p));
  for (const p of [...a, ...b]) assert.ok(p.off < 4, `every particle lies on the route (off by ${p.off.toFixed(1)} px)`);
  // Particles are evenly spaced; each one of the first instant has a successor a little further on.
  const length = along(route, [route[route.length - 2], route[route.length - 1]]).at;
  const spacing = length / first.length;
  const steps = a.map(({ at }) => Math.min(...b.map((q) => {
    const d = q.at - at;
    return d > 0.5 ? d : Infinity;
  }))).filter(Number.isFinite).sort((x, y) => x - y);
  const median = steps[Math.floor(steps.length / 2)];
  assert.ok(median > 1 && median < spacing / 2, `particles advanced ${median?.toFixed(1)} px towards Kursk (spacing ${spacing.toFixed(0)} px)`);
});

test('the default story loads with no error and no request off 127.0.0.1', async () => {
  const { page, errors, requests } = await open(env, '/');
  await ready(page);
  assert.equal(await page.locator('#fl-errors').isHidden(), true);
  assert.deepEqual(errors, []);
  assert.ok(requests.length >= 4);
  for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), `request stays on 127.0.0.1: ${url}`);
});

test('a malformed data file shows every problem on the page as text', async () => {
  const { page } = await open(env, '/?data=data/fixtures/bad-story.json');
  await page.waitForSelector('#fl-errors:not([hidden])');
  const text = await page.locator('#fl-errors').textContent();
  const lines = text.split('\n');
  assert.ok(lines.length >= 2, text);
  for (const line of lines) assert.match(line, /^bad-story\.json:\d+:\d+: /);
  assert.equal(await page.locator('#fl-errors img, #fl-errors script').count(), 0, 'data is never inserted as HTML');
});
