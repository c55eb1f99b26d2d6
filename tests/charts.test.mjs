// The charts under the map in the browser: a chart per category, a sentence where no figure is
// given, a mark's source on hover, and a cursor linked to the timeline both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STILL = '/?at=2024-10-20&paused&clock=1';

/** Scrolls to the charts (they load, with their wasm module, when they reach the viewport) and
 * waits until they have been drawn once. */
async function chartsReady(page) {
  await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
  await page.waitForFunction(() => {
    const c = document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts [data-category="munitions"] canvas');
    return c && c.width > 1 && c.dataset.error === '';
  }, null, { timeout: 20000 });
}

/**
 * In the page: the munitions chart drawn again by a handle of our own at the page's size and
 * day, so the core tells where its marks are and which day each x is.
 */
async function munitionsChart(page, xs = [], dates = []) {
  return page.evaluate(async ([xs, wanted]) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    const { default: initExtras, Extras } = await import('/pkg/flowlines_extras_wasm.js');
    await init();
    await initExtras();
    const bytes = new Uint8Array(await (await fetch('data/nk-russia.json')).arrayBuffer());
    const live = FlowMap.from_validated_bytes('nk-russia.json', Extras.binary('nk-russia.json', bytes));
    live.set_day(FlowMap.day_of(document.querySelector('flowlines-map').shadowRoot.getElementById('fl-date').dataset.date));
    const map = new Extras('nk-russia.json', bytes);
    map.set_state(live.state());
    live.free();
    const canvas = document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts [data-category="munitions"] canvas');
    canvas.scrollIntoView({ block: 'start' });
    const box = canvas.getBoundingClientRect();
    const height = map.chart_categories('en').find((c) => c.id === 'munitions').height;
    const offscreen = document.createElement('canvas');
    offscreen.width = box.width;
    offscreen.height = height;
    map.draw_chart(offscreen.getContext('2d'), box.width, height, 1, 'munitions', 'en');
    const marks = map.chart_marks('munitions').map((m) => ({ ...m, px: box.left + m.x, py: box.top + m.y }));
    const dates = xs.map((x) => FlowMap.date_of(map.chart_day_at('munitions', x)));
    // The first x whose day is each wanted date: where the cursor stands on that day.
    const cursorXs = wanted.map((d) => {
      const day = FlowMap.day_of(d);
      for (let x = 0; x < box.width; x++) if (map.chart_day_at('munitions', x) >= day) return x;
      return null;
    });
    map.free();
    return { box: { left: box.left, top: box.top, width: box.width, height: box.height }, marks, dates, cursorXs };
  }, [xs, dates]);
}

/** In the page: keeps the munitions chart's pixels, or counts how many changed since kept. */
async function chartPixels(page, { compare = false } = {}) {
  return page.evaluate((compare) => {
    const c = document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts [data-category="munitions"] canvas');
    const now = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    if (!compare) { window.keptPixels = now; return 0; }
    const kept = window.keptPixels;
    let changed = 0;
    for (let i = 0; i < now.length; i += 4) {
      if (now[i] !== kept[i] || now[i + 1] !== kept[i + 1] || now[i + 2] !== kept[i + 2]) changed++;
    }
    return changed;
  }, compare);
}

test('a chart per category with a heading; where no figure is given it says so in words', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await chartsReady(page);
  const figures = await page.$$eval('#fl-charts .fl-chart', (fs) => fs.map((f) => ({
    id: f.dataset.category,
    heading: f.querySelector('h2')?.textContent,
    canvas: !!f.querySelector('canvas'),
    text: f.querySelector('.fl-chart-empty')?.textContent ?? null,
  })));
  assert.deepEqual(figures.map((f) => f.id), ['munitions', 'troops', 'petroleum', 'air_defence', 'other_goods']);
  const by = Object.fromEntries(figures.map((f) => [f.id, f]));
  assert.equal(by.munitions.heading, 'Munitions and weapons');
  assert.equal(by.petroleum.heading, 'Petroleum products');
  assert.ok(by.munitions.canvas && by.troops.canvas);
  assert.ok(!by.petroleum.canvas, 'no empty chart for petroleum');
  assert.match(by.petroleum.text, /^No figures are given/);
  const label = await page.getAttribute('[data-category="munitions"] canvas', 'aria-label');
  assert.match(label, /containers, rounds, missiles, brigade sets/);
});

test('hovering a munitions mark shows the figure and the document it comes from', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await chartsReady(page);
  const { marks } = await munitionsChart(page);
  assert.equal(marks.length, 6);
  const shin = marks.find((m) => m.id === 'containers-shin-2024-02');
  await page.mouse.move(shin.px + 1, shin.py);
  const tip = page.locator('.fl-chart-tip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.match(text, /about 6,700 containers/);
  assert.match(text, /Source: Outlet not named: Explainer on whether/);
  const rounds = marks.find((m) => m.id === 'rounds-msmt-2024');
  await page.mouse.move(rounds.px, rounds.py + 1);
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-chart-tip').textContent.includes('Irish Examiner: News article on the first report'));
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });
});

test('clicking or dragging on a chart moves the timeline and the map to that day', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await chartsReady(page);
  assert.equal(await page.locator('#fl-date').getAttribute('data-date'), '2024-10-20');
  const { box } = await munitionsChart(page);
  const [x1, x2] = [Math.round(box.width * 0.3), Math.round(box.width * 0.55)];
  const { dates } = await munitionsChart(page, [x1, x2]);
  const y = box.top + 100;
  await page.mouse.click(box.left + x1, y);
  await page.waitForFunction((d) => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-date').dataset.date === d, dates[0]);
  assert.notEqual(dates[0], '2024-10-20');
  assert.equal(await page.inputValue('#fl-time'), String(Math.floor(Date.parse(dates[0]) / 86400000)));
  await page.mouse.move(box.left + x1, y);
  await page.mouse.down();
  await page.mouse.move(box.left + (x1 + x2) / 2, y, { steps: 3 });
  await page.mouse.move(box.left + x2, y, { steps: 3 });
  await page.mouse.up();
  await page.waitForFunction((d) => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-date').dataset.date === d, dates[1]);
});

test('moving the timeline moves the chart cursor', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await chartsReady(page);
  await chartPixels(page);
  await page.evaluate(() => {
    const input = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-time');
    input.value = String(Math.round(Date.UTC(2023, 5, 1) / 86400000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.locator('#fl-date').getAttribute('data-date'), '2023-06-01');
  await page.waitForTimeout(150);
  const changed = await chartPixels(page, { compare: true });
  assert.ok(changed > 200, `the cursor moved: ${changed} pixels changed`);
  // It stands where the core puts 1 June 2023: a dark column of pixels there, all the way down.
  const { cursorXs: [x] } = await munitionsChart(page, [], ['2023-06-01']);
  const dark = await page.evaluate((x) => {
    const c = document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts [data-category="munitions"] canvas');
    const { data } = c.getContext('2d').getImageData(x - 1, 0, 3, c.height);
    let n = 0;
    for (let row = 0; row < c.height; row++) {
      const rowDark = [0, 1, 2].some((k) => {
        const i = (row * 3 + k) * 4;
        return data[i] < 90 && data[i + 1] < 90 && data[i + 2] < 90;
      });
      if (rowDark) n++;
    }
    return n;
  }, x);
  assert.ok(dark > 400, `a cursor line at x ${x}: ${dark} dark rows`);
});
