// The live map clusters a story with more flows or places than a map can show (issue 14 item 6):
// when the core says the story read needs clustering, <flowlines-map> loads the map module built
// with clustering, reads the same text again with it and draws clusters with their counts, the
// kept flows and the summed line (www/js/cluster-layer.js), with no particles and no detail
// inset; a hover names what a cluster holds and zooming in splits clusters. The default story
// is never clustered and its page never fetches that module. The stories are generated here,
// deterministically, and served at a same-origin path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/**
 * A valid story of `flows` streams among `places` places over Eurasia, in two units, each
 * stream with one reading: the places on a scattered grid (a fixed sequence, no randomness).
 */
function story(places, flows) {
  const s = {
    story: { id: 'many', title: 'Many flows among many places', as_of: '2025-06-30', version: '1.0.0', start: '2024-01-01', end: '2024-12-31' },
    sources: [{ id: 's', document: 'generated', title: 'Generated', published: '2025-06-30' }],
    places: [],
    categories: [{ id: 'c', names: { en: 'Cargo' } }],
    units: [{ id: 't', names: { en: 'tonnes' } }, { id: 'p', names: { en: 'people' } }],
    streams: [],
    observations: [],
  };
  for (let i = 0; i < places; i += 1) {
    s.places.push({ id: `p${i}`, names: { en: `Place ${i}` }, lon: 30 + (i * 7.31) % 100, lat: 36 + (i * 3.17) % 24, precision: 'city', country: 'RU' });
  }
  for (let i = 0; i < flows; i += 1) {
    const from = (i * 7) % places;
    const to = (from + 1 + (i * 13) % (places - 1)) % places;
    const unit = i % 5 === 0 ? 'p' : 't';
    s.streams.push({ id: `f${i}`, label: `Flow ${i}`, category: 'c', unit, from: `p${from}`, to: `p${to}` });
    s.observations.push({ id: `f${i}-o`, stream: `f${i}`, quantity: { about: 10 + (i * 37) % 990 }, unit, measure: 'cumulative',
      period: '2024-01-01/2024-06-30', reported: '2024-07-01', claimant: { name: 'generator', party: 'none' }, source: 's', confidence: 'reported' });
  }
  return JSON.stringify(s);
}

/** Opens `path` with `body` served at /data/many.json; records requests, workers and errors. */
async function visit(path, body) {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 700 }, deviceScaleFactor: 1 });
  if (body) await context.route('**/data/many.json*', (r) => r.fulfill({ body, contentType: 'application/json' }));
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  const workers = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('status of 404')) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(env.origin + path);
  await ready(page);
  return { page, context, errors, requests, workers };
}

/** What the clustered map drew last (the map box's record) and whether its inset shows. */
function drawn(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const d = root.getElementById('fl-map').dataset;
    ok({
      routes: Number(d.routes), clusters: Number(d.clusters), bubbles: Number(d.bubbles),
      counted: Number(d.counted), places: Number(d.places), inset: !root.getElementById('fl-inset').hidden,
    });
  }))));
}

/** Moves a mouse pointer over the map on a 10-pixel grid until the tooltip tells of a cluster. */
function hoverACluster(page) {
  return page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = root.getElementById('fl-map');
    const tooltip = root.getElementById('fl-tooltip');
    const r = box.getBoundingClientRect();
    for (let y = 5; y < r.height; y += 10) {
      for (let x = 5; x < r.width; x += 10) {
        box.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, pointerType: 'mouse', bubbles: true }));
        if (!tooltip.hidden && tooltip.dataset.kind === 'cluster') {
          const style = getComputedStyle(tooltip);
          const told = { text: tooltip.textContent, background: style.backgroundColor, font: style.fontFamily };
          box.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
          return { ...told, hiddenOnLeave: tooltip.hidden };
        }
      }
    }
    return null;
  });
}

test('a story of 3,000 flows among 600 places opens clustered: every cluster counted, at most 500 routes, a hover names a cluster\'s places, zooming in splits clusters', { timeout: 120000 }, async () => {
  const { page, context, errors, requests, workers } = await visit('/?data=data/many.json', story(600, 3000));
  try {
    assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').dataset.clustered), 'true');
    assert.ok(requests.includes('/pkg/flowlines_wasm_clusters_bg.wasm'), 'the clustering build is loaded');
    assert.deepEqual(workers, ['/js/story-worker.js'], 'a story this large is read in the worker, then again from its packed parts');
    const first = await drawn(page);
    assert.ok(first.routes > 0 && first.routes <= 500, `${first.routes} routes drawn`);
    assert.ok(first.bubbles > 0 && first.clusters < 600, `${first.bubbles} clusters of several places among ${first.clusters} drawn`);
    assert.equal(first.counted, first.bubbles, 'every cluster of several places carries its count');
    assert.equal(first.inset, false, 'a clustered map has no detail inset');

    const hovered = await hoverACluster(page);
    assert.ok(hovered, 'some cluster answers the pointer');
    assert.match(hovered.text, /^[\d,]+ places: Place \d+, Place \d+.*/);
    assert.match(hovered.font, /system-ui/, 'the tooltip is in the map\'s font');
    assert.equal(hovered.background, 'rgb(255, 255, 255)', 'the tooltip is opaque');
    assert.equal(hovered.hiddenOnLeave, true, 'the tooltip closes when the pointer leaves the map');

    // Zoom in about the centre: the clusters drawn hold fewer places each.
    const zoomIn = page.locator('flowlines-map #fl-zoom-in');
    for (let i = 0; i < 4; i += 1) await zoomIn.click();
    const zoomed = await drawn(page);
    assert.ok(zoomed.places / zoomed.clusters < first.places / first.clusters,
      `${(first.places / first.clusters).toFixed(1)} places a cluster, then ${(zoomed.places / zoomed.clusters).toFixed(1)}`);
    assert.ok(zoomed.routes <= 500);
    assert.equal(zoomed.counted, zoomed.bubbles);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a smaller story of 600 places, read on the main thread, is clustered too', async () => {
  const { page, context, errors, workers } = await visit('/embed.html?data=data/many.json', story(600, 300));
  try {
    assert.deepEqual(workers, []);
    assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').dataset.clustered), 'true');
    const d = await drawn(page);
    assert.ok(d.bubbles > 0 && d.counted === d.bubbles, JSON.stringify(d));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the default story is not clustered and its page never fetches the clustering build', async () => {
  const { page, context, requests } = await visit('/');
  try {
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').dataset.clustered), undefined);
    assert.deepEqual(requests.filter((u) => /clusters|cluster-layer/.test(u)), []);
  } finally {
    await context.close();
  }
});
