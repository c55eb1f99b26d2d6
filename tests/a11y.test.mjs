// Accessibility in the browser: reduced motion stops the particles and autoplay, every control
// is reached by Tab with a visible focus and works by keyboard, n and p step through the flows,
// the live summary follows the timeline and the filters, the data table has its rows and
// sources, and axe-core finds no serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, open, ready } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core');

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const STILL = '/?at=2024-10-20&paused&clock=1';

const inMap = (page, fn, arg) => page.evaluate(([src, arg]) => {
  const root = document.querySelector('flowlines-map').shadowRoot;
  return new Function('root', 'arg', `return (${src})(root, arg);`)(root, arg);
}, [fn.toString(), arg]);

/** In the page: how many pixels of the particle layer are not transparent. */
const particlePixels = (page) => inMap(page, (root) => {
  const c = root.getElementById('fl-particles');
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
  return n;
});

const dateShown = (page) => inMap(page, (root) => root.getElementById('fl-date').dataset.date);

test('with reduced motion there are no particles and no autoplay, only the static arrows', async () => {
  const { page, errors } = await open(env, '/?at=2024-04-15', { width: 1280, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await ready(page);
  await page.waitForTimeout(600);
  assert.equal(await dateShown(page), '2024-04-15', 'the timeline does not play by itself');
  assert.equal(await inMap(page, (root) => root.getElementById('fl-play').getAttribute('aria-pressed')), 'false');
  assert.equal(await particlePixels(page), 0, 'no particle is drawn');
  const arrows = await inMap(page, (root) => {
    const c = root.getElementById('fl-static');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 180 && data[i + 1] < 120 && data[i + 2] < 40) n++; // the munitions' orange
    return n;
  });
  assert.ok(arrows > 200, `the flows and their arrowheads are drawn (${arrows} px)`);

  // A reader who turns reduced motion on while the map plays: it stops and the particles go.
  const { page: moving } = await open(env, '/?at=2024-04-15', { width: 1280, height: 900 });
  await ready(moving);
  await moving.waitForTimeout(200);
  assert.ok(await particlePixels(moving) > 0, 'particles move without the preference');
  await moving.emulateMedia({ reducedMotion: 'reduce' });
  await moving.waitForTimeout(200);
  assert.equal(await particlePixels(moving), 0);
  const stopped = await dateShown(moving);
  await moving.waitForTimeout(400);
  assert.equal(await dateShown(moving), stopped, 'the timeline stopped');
  assert.deepEqual(errors, []);
});

/** In the page: what has focus inside the map (id, or a description) and whether it shows it. */
const focused = (page) => inMap(page, (root) => {
  const el = root.activeElement;
  if (!el) return null;
  const style = getComputedStyle(el);
  const name = el.id || (el.closest('[data-category]') && `category:${el.closest('[data-category]').dataset.category}`)
    || (el.closest('[data-confidence]') && `confidence:${el.closest('[data-confidence]').dataset.confidence}`)
    || (el.tagName === 'SUMMARY' && `summary:${el.parentElement.id || el.parentElement.className}`)
    || el.tagName.toLowerCase();
  return { name, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
});

test('Tab reaches every control in order, each with a visible focus, and each works by keyboard', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const order = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) break;
    order.push(f);
    if (f.name.startsWith('summary:fl-table')) break;
  }
  const names = order.map((f) => f.name);
  const expected = [
    'fl-map', 'fl-zoom-in', 'fl-zoom-out', 'fl-reset',
    'category:munitions', 'category:troops', 'category:petroleum', 'category:air_defence', 'category:other_goods',
    'confidence:confirmed', 'confidence:reported', 'confidence:claimed', 'confidence:proposed',
    'fl-play', 'fl-time', 'fl-export-png', 'fl-export-svg', 'fl-export-csv', 'summary:fl-table',
  ];
  let at = -1;
  for (const name of expected) {
    const i = names.indexOf(name);
    assert.ok(i > at, `${name} is reached by Tab after the one before it: ${names.join(', ')}`);
    at = i;
  }
  for (const f of order) assert.ok(f.outline, `${f.name} shows where the focus is`);

  // Each works by keyboard: Space unticks a category, arrows move the day, Enter plays.
  await page.locator('[data-category="munitions"] input').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('[data-category="munitions"] input').isChecked(), false);
  await page.keyboard.press('Space');
  await page.locator('#fl-time').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await dateShown(page), '2024-10-22');
  await page.locator('#fl-play').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#fl-play').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#fl-play').getAttribute('aria-pressed'), 'false');
});

test('n and p on the focused map step through the flows and show each one next to it', async () => {
  const { page, errors } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const label = await page.locator('#fl-map').getAttribute('aria-label');
  assert.match(label, /N and P/);
  await page.focus('#fl-map');
  const tip = page.locator('#fl-tooltip');
  const chosen = () => inMap(page, (root) => {
    const t = root.getElementById('fl-tooltip');
    const h = root.querySelector('.fl-highlight');
    return {
      flow: t.dataset.flow, title: t.querySelector('h2')?.textContent, hidden: t.hidden,
      box: t.getBoundingClientRect().toJSON(), map: root.getElementById('fl-map').getBoundingClientRect().toJSON(),
      highlighted: !!h && !h.hasAttribute('hidden') && h.querySelector('path').getAttribute('d').length > 20,
      ring: h && [Number(h.querySelector('circle').getAttribute('cx')), Number(h.querySelector('circle').getAttribute('cy'))],
    };
  });
  await page.keyboard.press('n');
  await tip.waitFor({ state: 'visible' });
  const first = await chosen();
  assert.ok(first.title, 'the first flow is told');
  assert.ok(first.highlighted, 'and highlighted on the map');
  // The details sit next to the flow's anchor.
  const [x, y] = first.ring;
  const near = Math.min(Math.abs(first.box.left - first.map.left - x), Math.abs(first.box.right - first.map.left - x));
  assert.ok(near < 40, `the tooltip is next to the flow (${near} px)`);
  assert.ok(y + first.map.top >= first.box.top - 20 && y + first.map.top <= first.box.bottom + 20, 'at its height');
  assert.match(await tip.textContent(), /Who says so/);
  await page.keyboard.press('n');
  const second = await chosen();
  assert.notEqual(second.flow, first.flow);
  assert.notEqual(second.title, first.title);
  await page.keyboard.press('p');
  assert.equal((await chosen()).flow, first.flow, 'p goes back');
  await page.keyboard.press('p');
  const last = await chosen();
  assert.notEqual(last.flow, first.flow, 'p from the first wraps to the last');
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  assert.equal((await chosen()).highlighted, false);
  assert.deepEqual(errors, []);
});

async function setDate(page, date) {
  await inMap(page, (root, date) => {
    const input = root.getElementById('fl-time');
    const [y, m, d] = date.split('-').map(Number);
    input.value = String(Math.round(Date.UTC(y, m - 1, d) / 86400000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, date);
}

const liveText = (page) => inMap(page, (root) => root.getElementById('fl-now').textContent);

test('the live summary says what the map shows and follows the timeline and the filters', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  assert.equal(await inMap(page, (root) => root.getElementById('fl-now').getAttribute('aria-live')), 'polite');
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-now').textContent.startsWith('On 20 October 2024:'));
  const oct = await liveText(page);
  // The reading is "at least 11,000": its qualifier stays with it.
  assert.match(oct, /Munitions by the container from Pyongyang to Russia: at least 11,000 containers/);
  assert.match(oct, /with no figure: .*Refined petroleum products/);
  await setDate(page, '2024-02-27');
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-now').textContent.startsWith('On 27 February 2024:'));
  assert.match(await liveText(page), /6,700 containers/);
  await page.locator('[data-category="munitions"] input').uncheck();
  await page.waitForFunction(() => !document.querySelector('flowlines-map').shadowRoot.getElementById('fl-now').textContent.includes('Munitions by the container'));
});

test('while playing, the live summary is written at most every two seconds', async () => {
  const { page } = await open(env, '/?at=2023-01-01', { width: 1280, height: 900 });
  await ready(page);
  await inMap(page, (root) => {
    window.liveWrites = 0;
    new MutationObserver(() => { window.liveWrites++; }).observe(root.getElementById('fl-now'), { childList: true, characterData: true, subtree: true });
  });
  await page.waitForTimeout(4200);
  const writes = await page.evaluate(() => window.liveWrites);
  assert.ok(writes >= 1 && writes <= 3, `${writes} writes in 4.2 s of playing`);
});

test('the data table lists each flow shown with its figure, confidence, sources and sanctions', async () => {
  const { page } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  await page.locator('#fl-table summary').click();
  const table = () => inMap(page, (root) => {
    const t = root.querySelector('#fl-table table');
    return {
      caption: t.caption.textContent,
      cols: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent),
      rows: [...t.tBodies[0].rows].map((r) => ({
        flow: r.querySelector('th[scope="row"]')?.textContent,
        cells: [...r.cells].map((c) => c.textContent),
        sources: r.querySelector('.fl-sources')?.textContent,
      })),
    };
  });
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelectorAll('#fl-table tbody tr').length > 0);
  const t = await table();
  assert.equal(t.caption, 'Flows shown on 20 October 2024');
  assert.deepEqual(t.cols, ['Flow', 'What', 'From → to', 'Figure', 'Confidence', 'Sources', "In the source's words", 'UN sanctions']);
  const visible = await page.evaluate(async () => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    map.set_day(FlowMap.day_of('2024-10-20'));
    return map.visible_flows().length;
  });
  assert.equal(t.rows.length, visible, 'one row per flow shown');
  const troops = t.rows.find((r) => r.flow === 'Soldiers deployed');
  assert.ok(troops, t.rows.map((r) => r.flow).join(', '));
  // Sources are cited by outlet, what the document is and date, not by our copy's file name.
  assert.match(troops.sources, /Irish Examiner: News article on the first report/);
  assert.doesNotMatch(troops.sources, /\.txt/);
  assert.match(troops.cells.join(' | '), /Pyongyang → Kursk/);
  // The documents' own words, each with its line.
  assert.match(troops.cells.join(' | '), /“the more than 11,000 troops Pyongyang has deployed to Russia since October 2024 to gain first-hand military experience” \(line 17\)/);
  assert.match(troops.cells.join(' | '), /UNSC \d+ \(\d{4}\), para\./);
  const containers = t.rows.find((r) => r.flow === 'Munitions by the container');
  assert.match(containers.cells.join(' | '), /at least 11,000 containers/);
  // The rows follow the day.
  await setDate(page, '2024-02-27');
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-table caption').textContent.endsWith('27 February 2024'));
  const feb = await table();
  assert.match(feb.rows.find((r) => r.flow === 'Munitions by the container').cells.join(' | '), /6,700 containers/);
});

test('the data table arrives when first opened, and the keyboard that opened it keeps its place', async () => {
  const { page, requests } = await open(env, STILL, { width: 1280, height: 900 });
  await ready(page);
  const tableModule = () => requests.filter((u) => u.endsWith('/js/data-table.js')).length;
  assert.equal(tableModule(), 0, 'the table waits for the reader');
  await inMap(page, (root) => root.querySelector('#fl-table summary').focus());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelectorAll('#fl-table tbody tr').length > 0);
  assert.equal(tableModule(), 1);
  assert.equal(await inMap(page, (root) => root.activeElement?.tagName), 'SUMMARY');
  assert.equal(await inMap(page, (root) => root.querySelectorAll('#fl-table summary').length), 1);
  // Closed and opened again, the same table, not a second one.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await inMap(page, (root) => root.querySelectorAll('#fl-table table').length), 1);
  assert.equal(tableModule(), 1);
});

/** Runs axe-core on the page (the table open, so it is checked too); returns serious and critical violations. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  await inMap(page, (root) => { root.getElementById('fl-table').open = true; });
  await page.waitForTimeout(300);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
}

for (const path of ['/index.html?at=2024-10-20&paused&clock=1', '/embed.html?at=2024-10-20&paused&clock=1', '/index.html?at=2024-10-20&paused&clock=1&lang=ko', '/index.html?at=2024-10-20&paused&clock=1&theme=dark']) {
  test(`axe-core finds no serious or critical violation: ${path}`, async () => {
    // embed.html's Content Security Policy would block axe's own script, not the map's.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(env.origin + path);
    await ready(page);
    const violations = await axe(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await context.close();
  });
}
