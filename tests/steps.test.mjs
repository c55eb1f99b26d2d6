// The guided tour: the story's steps played by the map's Previous and Next buttons (by mouse,
// by keyboard, announced in a live region), opened by `step=` in a URL or the `step`
// attribute (a step the story lacks ignored with a warning), and driven by the reader's
// scrolling on the example article (www/examples/scrolly.html). Screenshots of the tour at
// 360 and 1280 px go to tests/artifacts/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, open, ready } from './browser.mjs';
import { openHtml } from './pages.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(HERE, 'artifacts');
const STORY = JSON.parse(await readFile(join(HERE, '..', 'data', 'nk-russia.json'), 'utf8'));
const STEPS = STORY.steps;

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Opens `path` at 1000 by 800 (or `size`), recording console warnings and errors. */
function visit(path, { width = 1000, height = 800 } = {}) {
  return open(env, path, { width, height });
}

/** In the page: the tour's state and the day the map shows. */
async function tour(page) {
  return page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const $ = (id) => root.getElementById(id);
    return {
      shown: !!$('fl-steps') && getComputedStyle($('fl-steps')).display !== 'none',
      count: $('fl-step-count')?.textContent,
      text: $('fl-step-text')?.textContent,
      live: $('fl-step-text')?.getAttribute('aria-live'),
      prev: $('fl-step-prev')?.textContent,
      next: $('fl-step-next')?.textContent,
      prevDisabled: $('fl-step-prev')?.getAttribute('aria-disabled') === 'true',
      nextDisabled: $('fl-step-next')?.getAttribute('aria-disabled') === 'true',
      date: $('fl-date').dataset.date,
      focused: root.activeElement?.id ?? null,
    };
  });
}

/** Waits until the tour shows step `n`. */
async function atStep(page, n) {
  await page.waitForFunction((n) => document.querySelector('flowlines-map').shadowRoot
    .getElementById('fl-steps')?.dataset.step === String(n), n, { timeout: 10000 });
}

test('the tour opens the story\'s steps one by one with Next and goes back with Previous, announcing each', async () => {
  const { page, errors, context } = await visit('/?paused');
  await ready(page);
  let t = await tour(page);
  assert.equal(t.shown, true);
  assert.equal(t.count, 'Guided tour');
  assert.equal(t.prevDisabled, true);
  assert.equal(t.live, 'polite', 'the step text is a polite live region');
  const next = page.locator('flowlines-map #fl-step-next');
  await next.click();
  await atStep(page, 1);
  t = await tour(page);
  assert.equal(t.count, `Step 1 of ${STEPS.length}`);
  assert.equal(t.date, STORY.story.open_at, 'step 1 opens on the story\'s open_at day');
  assert.ok(t.text.includes(STEPS[0].text.en), t.text);
  await next.click();
  await atStep(page, 2);
  t = await tour(page);
  assert.equal(t.count, `Step 2 of ${STEPS.length}`);
  assert.equal(t.date, STEPS[1].date);
  assert.equal(t.text, `Step 2 of ${STEPS.length}. ${STEPS[1].text.en}`, 'said: where in the tour, then the text');
  await page.locator('flowlines-map #fl-step-prev').click();
  await atStep(page, 1);
  assert.equal((await tour(page)).date, STEPS[0].date);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step picks out its stream (its details open) and shows only its categories', async () => {
  const { page, context } = await visit('/?paused&step=3');
  await ready(page);
  await atStep(page, 3);
  const state = await page.evaluate(() => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    const tip = root.getElementById('fl-tooltip');
    return {
      tip: tip.hidden ? null : tip.textContent,
      checked: [...root.querySelectorAll('#fl-legend [data-category]')]
        .filter((row) => row.querySelector('input').checked).map((row) => row.dataset.category),
    };
  });
  assert.deepEqual(state.checked, STEPS[2].categories);
  const label = STORY.streams.find((s) => s.id === STEPS[2].stream).label.en;
  assert.ok(state.tip?.includes(label), `the tooltip of ${label}: ${state.tip}`);
  await context.close();
});

test('every step of the default story opens cleanly: its stream is drawn on its day, its places exist', async () => {
  const { page, warnings, errors, context } = await visit('/?paused');
  await ready(page);
  for (let n = 1; n <= STEPS.length; n += 1) {
    const applied = await page.evaluate((n) => document.querySelector('flowlines-map').showStep(n), n);
    assert.equal(applied, true, `step ${n}`);
    const view = await page.evaluate(() => document.querySelector('flowlines-map').view);
    assert.equal(view.date, STEPS[n - 1].date, `step ${n}'s day`);
    assert.equal(view.stream, STEPS[n - 1].stream ?? null, `step ${n}'s stream`);
    // Step 1 fits Rajin and Vladivostok, a few hundred kilometres apart: the map zooms in.
    if (n === 1) assert.ok(view.zoom > 2, `step 1 zooms to its places: ${view.zoom}`);
  }
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tour works from the keyboard: Tab reaches its buttons, Enter presses them, arrow keys step', async () => {
  const { page, context } = await visit('/?paused');
  await ready(page);
  await page.locator('flowlines-map #fl-step-next').focus();
  await page.keyboard.press('Enter');
  await atStep(page, 1);
  await page.keyboard.press('Enter');
  await atStep(page, 2);
  // Previous is enabled now: Shift+Tab goes back to it from Next (the counter takes no focus).
  await page.keyboard.press('Shift+Tab');
  assert.equal((await tour(page)).focused, 'fl-step-prev');
  await page.keyboard.press('Tab');
  assert.equal((await tour(page)).focused, 'fl-step-next');
  await page.keyboard.press('ArrowRight');
  await atStep(page, 3);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 1);
  assert.equal((await tour(page)).date, STEPS[0].date);
  await context.close();
});

test('step= in the URL opens that step; the buttons are labelled in the reader\'s language', async () => {
  const { page, warnings, context } = await visit('/?paused&step=4&lang=uk');
  await ready(page);
  await atStep(page, 4);
  const t = await tour(page);
  assert.equal(t.date, STEPS[3].date);
  assert.equal(t.count, `Крок 4 з ${STEPS.length}`);
  assert.equal(t.prev, 'Попередній крок');
  assert.equal(t.next, 'Наступний крок');
  assert.ok(t.text.includes(STEPS[3].text.uk), t.text);
  assert.deepEqual(warnings.filter((w) => w.includes('step')), []);
  await context.close();
});

test('a step that does not exist, or is not a number, is ignored with a warning', async () => {
  for (const [value, why] of [[String(STEPS.length + 1), `the story has ${STEPS.length} steps`], ['two', 'not a step number']]) {
    const { page, warnings, errors, context } = await visit(`/?paused&step=${value}`);
    await ready(page);
    await page.waitForTimeout(200);
    const t = await tour(page);
    assert.equal(t.count, 'Guided tour', 'no step opened');
    assert.equal(t.date, STORY.story.open_at, 'the map opens where the story opens');
    assert.ok(warnings.some((w) => w.includes(`step="${value}"`) && w.includes(why)), warnings.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the step attribute opens a step, and showStep() moves to another', async () => {
  const { page, errors, context } = await openHtml(env,
    '<flowlines-map data="/data/nk-russia.json" step="2" autoplay="false"></flowlines-map>');
  await ready(page);
  await atStep(page, 2);
  assert.equal((await tour(page)).date, STEPS[1].date);
  const detail = await page.evaluate(() => new Promise((done) => {
    const map = document.querySelector('flowlines-map');
    map.addEventListener('flowlines-step', (e) => done(e.detail), { once: true });
    map.showStep(5);
  }));
  assert.deepEqual([detail.step, detail.of, detail.id, detail.date], [5, STEPS.length, STEPS[4].id, STEPS[4].date]);
  assert.equal((await tour(page)).date, STEPS[4].date);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on the scrolling article the map follows the block the reader scrolls to', async () => {
  const { page, errors, context } = await visit('/examples/scrolly.html', { width: 1280, height: 800 });
  await ready(page);
  const t = await tour(page);
  assert.equal(t.shown, false, 'the article tells the steps itself: the map\'s own tour is hidden');
  for (const n of [3, 6, 2]) {
    // The block's top a little below the middle of the screen, where a reader reads it.
    await page.locator(`.scrolly-step[data-step="${n}"]`).evaluate((b) => window.scrollBy(0, b.getBoundingClientRect().top - innerHeight * 0.6));
    await page.waitForFunction((date) => document.querySelector('flowlines-map').shadowRoot
      .getElementById('fl-date').dataset.date === date, STEPS[n - 1].date, { timeout: 10000 });
    assert.equal(await page.locator('.scrolly-step.is-active').getAttribute('data-step'), String(n));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tour at 360 and 1280 px: nothing wider than the page (screenshots in tests/artifacts)', async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    const { page, context } = await visit('/?paused&step=1', { width, height: 900 });
    await ready(page);
    await atStep(page, 1);
    await page.waitForTimeout(300);
    const box = await page.evaluate(() => {
      const panel = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-steps');
      const r = panel.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, page: document.documentElement.scrollWidth };
    });
    assert.ok(box.left >= 0 && box.right <= width, `the panel fits: ${JSON.stringify(box)}`);
    assert.ok(box.page <= width, `no sideways scrolling: ${box.page}`);
    await page.evaluate((top) => window.scrollTo(0, Math.max(0, top - 16)), box.top);
    await page.screenshot({ path: join(ARTIFACTS, `steps-${width}.png`) });
    await context.close();
  }
});
