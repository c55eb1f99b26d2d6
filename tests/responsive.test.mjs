// The map from 320 to 1400 px wide: no horizontal scrolling, the legend under the map on
// narrow screens, the map's height in proportion to its width, smaller labels on phones,
// snapshots at 360, 768 and 1280; and on a touch screen, a tap shows a flow's tooltip, a pinch
// zooms and every control is at least 44 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';
import { matchSnapshot, diffShare, MAX_DIFF_SHARE } from './snapshot.mjs';
import { openWith, pointOn } from './pages.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STILL = '/?at=2024-10-20&paused&clock=1';

/** In the page: the boxes of the map's parts and what sticks out to the right. */
async function layout(page) {
  return page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = (id) => {
      const r = root.getElementById(id).getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    // Past the right edge, unless a box within the page clips it and scrolls (the data table).
    const past = (e) => e.getBoundingClientRect().right > innerWidth + 0.5;
    const clipped = (e) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return !past(a);
      }
      return false;
    };
    const outside = [...root.querySelectorAll('*'), ...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length && past(e) && !clipped(e))
      .map((e) => e.id || e.className || e.tagName);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      map: box('fl-map'),
      legend: box('fl-legend'),
      controls: box('fl-time'),
      charts: [...root.querySelectorAll('.fl-chart canvas')].map((c) => c.getBoundingClientRect().width),
      chartErrors: [...root.querySelectorAll('.fl-chart canvas')].map((c) => c.dataset.error).filter(Boolean),
      outside,
    };
  });
}

for (const width of [320, 360, 768, 1280, 1400]) {
  test(`at ${width} px wide nothing scrolls sideways and the layout fits`, async () => {
    const { page, errors, context } = await open(env, STILL, { width, height: 900 });
    await ready(page);
    // The charts load (with their wasm module) when the reader scrolls to them.
    await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-chart canvas')?.width > 1, null, { timeout: 20000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const l = await layout(page);
    assert.ok(l.scrollWidth <= l.innerWidth, `scrollWidth ${l.scrollWidth} > innerWidth ${l.innerWidth}`);
    assert.deepEqual(l.outside, [], 'no element reaches past the right edge');
    // The map's height follows its width, within limits.
    const ratio = l.map.width / l.map.height;
    assert.ok(l.map.height >= 240 && l.map.height <= 600, `map height ${l.map.height}`);
    // A phone's map is taller than wide: the whole map over the detail inset of the front line.
    if (width < 500) assert.ok(Math.abs(ratio - 3 / 4) < 0.05 || l.map.height === 560, `phone map ${ratio}`);
    else if (l.map.height < 600) assert.ok(Math.abs(ratio - 5 / 3) < 0.05, `map ratio ${ratio}`);
    if (width < 900) {
      assert.ok(l.legend.top >= l.map.bottom, 'the legend is under the map');
      assert.ok(Math.abs(l.map.width - l.legend.width) < 1, 'both take the full width');
    } else {
      assert.ok(l.legend.left >= l.map.right, 'the legend is beside the map');
    }
    // Charts take the full width and draw without error.
    assert.ok(l.charts.length > 0);
    for (const w of l.charts) assert.ok(Math.abs(w - l.map.width) < 40 || w >= l.map.width, `chart ${w} wide`);
    assert.deepEqual(l.chartErrors, []);
    // Labels: 11 px under 480 px of map, 13 above.
    const scale = await page.evaluate(async (w) => (await import('/js/static-layer.js')).scaleFor(w), l.map.width);
    assert.equal(scale.font, l.map.width < 480 ? 11 : 13);
    // Opened disclosures (corrections, the data table) do not widen the page either.
    await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelectorAll('#fl-table tbody tr').length > 0);
    await page.waitForTimeout(100);
    const opened = await layout(page);
    assert.ok(opened.scrollWidth <= opened.innerWidth, `with details open: scrollWidth ${opened.scrollWidth}`);
    assert.deepEqual(opened.outside, []);
    // The table keeps columns a reader can read, scrolling sideways in its own box if need be.
    const columns = await page.evaluate(() => {
      const root = document.querySelector('flowlines-map').shadowRoot;
      const wrap = root.querySelector('.fl-table-wrap');
      return { narrowest: Math.min(...[...root.querySelectorAll('#fl-table thead th')].map((th) => th.getBoundingClientRect().width)),
        scrolls: wrap.scrollWidth > wrap.clientWidth, focusable: wrap.tabIndex === 0 };
    });
    assert.ok(columns.narrowest >= 80, `the narrowest column is ${columns.narrowest} px`);
    assert.equal(columns.scrolls, width < 760, 'it scrolls sideways only where the page is narrower than it');
    assert.ok(columns.focusable);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** The part of the page from the top of the map to the download buttons. */
async function stageClip(page) {
  return page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const top = root.querySelector('.fl-stage').getBoundingClientRect();
    const bottom = root.getElementById('fl-export').getBoundingClientRect();
    return { x: 0, y: Math.floor(top.top + scrollY), width: innerWidth, height: Math.ceil(bottom.bottom - top.top) + 1 };
  });
}

for (const [width, height] of [[360, 740], [768, 1024], [1280, 900]]) {
  test(`the map, legend and controls at ${width} px match their snapshot`, async () => {
    const { page, context } = await open(env, STILL, { width, height });
    await ready(page);
    await page.waitForTimeout(200);
    const png = await page.screenshot({ clip: await stageClip(page), fullPage: true });
    const { share, ok } = matchSnapshot(png, `responsive-${width}`);
    assert.ok(ok, `${(share * 100).toFixed(2)} % of pixels differ (tolerance ${MAX_DIFF_SHARE * 100} %)`);
    await context.close();
  });
}

const PHONE = { width: 360, height: 740, hasTouch: true, isMobile: true };

test('on a phone a tap on a flow shows its tooltip, a tap on nothing hides it', async () => {
  const { page, errors, context } = await openWith(env, STILL, PHONE);
  await ready(page);
  await page.waitForTimeout(150);
  const p = await pointOn(page, { margin: 4 });
  assert.ok(p, 'a tappable point on a flow');
  await page.touchscreen.tap(p.x, p.y);
  const tip = page.locator('#fl-tooltip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.ok(text.includes(p.title), text);
  assert.match(text, /Source: /);
  // The tooltip stays inside the map.
  const [t, m] = [await tip.boundingBox(), await page.locator('#fl-map').boundingBox()];
  assert.ok(t.x >= m.x && t.x + t.width <= m.x + m.width + 0.5, 'inside the map, side to side');
  // A tap on the sea, away from the tooltip and the zoom buttons, hides it.
  const inside = (b, [x, y]) => x >= b.x - 4 && x <= b.x + b.width + 4 && y >= b.y - 4 && y <= b.y + b.height + 4;
  // Clear of the detail inset too, whose routes reach its edges, and well clear of the zoom
  // buttons, which a touch snaps to from a few pixels away.
  const inset = await page.locator('#fl-inset').boundingBox();
  const zoom = await page.locator('#fl-zoom').boundingBox();
  const near = (b, [x, y], margin) => x >= b.x - margin && x <= b.x + b.width + margin && y >= b.y - margin && y <= b.y + b.height + margin;
  const free = [[m.x + m.width - 6, m.y + 6], [m.x + 6, m.y + 6], [m.x + m.width - 6, m.y + m.height - 6], [m.x + 6, m.y + m.height - 6]]
    .find((q) => !inside(t, q) && !(inset && inside(inset, q)) && !near(zoom, q, 24));
  await page.touchscreen.tap(...free);
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone two fingers pinch to zoom, and controls are 44 px touch targets', async () => {
  const { page, context } = await openWith(env, STILL, PHONE);
  await ready(page);
  await page.waitForTimeout(150);
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a coarse pointer');
  const small = await page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    return [...root.querySelectorAll('button, .fl-legend label, input[type=range]')]
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.id || e.textContent.trim().slice(0, 20), e.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  assert.deepEqual(small, []);

  const shot = () => page.locator('#fl-map').screenshot();
  const before = await shot();
  const box = await page.locator('#fl-map').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
  });
  await touch('touchStart', 20);
  for (let d = 25; d <= 80; d += 5) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await page.waitForTimeout(200);
  assert.ok(diffShare(await shot(), before) > 0.05, 'the pinch zoomed the map');
  assert.equal(await page.locator('#fl-tooltip').isVisible(), false, 'a pinch is no tap');
  const zoom = new URL(await page.evaluate(() => new Promise((ok) => setTimeout(() => ok(location.href), 600))))
    .searchParams.get('zoom');
  assert.ok(zoom && Number(zoom.split(',')[0]) > 2, `zoomed about 4 times: ${zoom}`);
  await context.close();
});
