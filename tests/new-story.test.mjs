// The authoring page (issue 14, item 4): a reporter's own files read in the browser. Choosing
// or dropping FlowmapBlue's sheets draws the map with their places; broken sheets list every
// problem located as file:line:column; "Download story" gives the JSON `flowlines convert`
// writes of the same folder, which `flowlines validate` accepts; the page asks only its own
// server for anything, and the embed never loads the authoring module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { start, open, ready } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'data', 'fixtures');
const CLI = join(ROOT, 'target', 'debug', 'flowlines');
const AUTHORING = /flowlines_authoring_wasm|\/js\/authoring\//;
const AXE = createRequire(import.meta.url).resolve('axe-core');
const LOCATED = /^[^:\n]+:\d+:\d+: \S/;

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Waits until the page has read what it was given: `story` (the map runs it) or `problems`. */
async function settled(page, state) {
  await page.waitForFunction((s) => document.body.dataset.state === s, state, { timeout: 30000 });
}

/** Opens the authoring page once it listens for files. */
async function openPage(path, size, options = {}) {
  const opened = await open(env, path, { ...size, ...options });
  await opened.page.waitForFunction(() => document.body.dataset.state === 'waiting');
  return opened;
}

/** Drops the files of fixture folder `dir` on the drop zone, as a reporter drags them there. */
async function dropFixture(page, dir) {
  const files = readdirSync(join(FIXTURES, dir)).map((name) => [name, readFileSync(join(FIXTURES, dir, name), 'utf8')]);
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const [name, text] of list) transfer.items.add(new File([text], name, { type: 'text/plain' }));
    document.getElementById('new-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** What the map shows: its title, and whether it knows each of `places` (fitTo is refused for a place it lacks). */
function mapShows(page, places) {
  return page.evaluate(async (ids) => {
    const map = document.querySelector('flowlines-map');
    await map.ready;
    const title = map.shadowRoot.getElementById('fl-title').textContent;
    const known = [];
    for (const id of ids) known.push(await map.fitTo([id]));
    return { title, known };
  }, places);
}

test('choosing the folder of FlowmapBlue sheets draws the map with its places, and only our own files are fetched', async () => {
  const { page, requests, errors, context } = await openPage('/new.html', { width: 1280, height: 900 });
  await page.setInputFiles('#new-folder', join(FIXTURES, 'flowmap-blue'));
  await settled(page, 'story');
  await ready(page);
  assert.match(await page.locator('#new-status').textContent(), /flow sheets: Invented cargoes between four ports · places: 4, flows: 3, figures: /);
  assert.equal(await page.locator('#new-problems').isHidden(), true);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'new-story-1280.png'), fullPage: true }).catch(() => {});
  const shown = await mapShows(page, ['DOH', 'TYO', 'LON', 'BSN']);
  assert.equal(shown.title, 'Invented cargoes between four ports');
  assert.deepEqual(shown.known, [true, true, true, true], 'every place of locations.csv is on the map');
  assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').fitTo(['pyongyang'])), false, 'the default story is gone');
  assert.ok(requests.some((u) => /flowlines_authoring_wasm_bg\.wasm/.test(u)), 'the authoring module');
  const foreign = requests.filter((u) => !u.startsWith(env.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves our server');
  assert.ok(!requests.some((u) => /fixtures\/flowmap-blue/.test(u)), 'the chosen files are read in the page, never fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a data attribute set after showStory shows that file again, and showStory refuses a story the map cannot read', async () => {
  const { page, context } = await openPage('/new.html', { width: 1000, height: 800 });
  await page.setInputFiles('#new-folder', join(FIXTURES, 'flowmap-blue'));
  await settled(page, 'story');
  const back = await page.evaluate(async () => {
    const map = document.querySelector('flowlines-map');
    map.setAttribute('data', 'data/fixtures/five-places.json');
    await map.ready;
    return map.shadowRoot.getElementById('fl-title').textContent;
  });
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'five-places.json'), 'utf8'));
  assert.equal(back, fixture.story.title);
  assert.equal(await page.evaluate(() => document.querySelector('flowlines-map').showStory('x.json', '{"story": 1}')), false);
  await context.close();
});

test('dropping broken sheets lists every problem located as file:line:column, and no download', async () => {
  const { page, errors, context } = await openPage('/new.html', { width: 360, height: 800 });
  await dropFixture(page, 'flowmap-blue-errors');
  await settled(page, 'problems');
  const problems = await page.locator('#new-problems li').allTextContents();
  assert.ok(problems.length >= 5, problems.join('\n'));
  for (const line of problems) assert.match(line, LOCATED);
  assert.ok(problems.some((l) => l.startsWith('flows.csv:3:') && l.includes('QAT')), 'an origin that is no location, at its row');
  assert.ok(problems.some((l) => l.startsWith('locations.csv:3:')), 'a latitude off the globe, at its row');
  assert.match(await page.locator('#new-status').textContent(), new RegExp(`Problems: ${problems.length}$`));
  assert.equal(await page.locator('#new-download').isDisabled(), true);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'new-story-errors-360.png'), fullPage: true }).catch(() => {});
  assert.deepEqual(errors, []);
  await context.close();
});

test('a problem\'s text is shown as text, never as HTML', async () => {
  const { page, context } = await openPage('/new.html', { width: 1000, height: 800 });
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['id,name,lat,lon\n<img src=x onerror=alert(1)>,x,1,2\n'], 'locations.csv'));
    transfer.items.add(new File(['origin,dest,count,time\n<b>bold</b>,x,1,2024\n'], 'flows.csv'));
    document.getElementById('new-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await settled(page, 'problems');
  assert.equal(await page.locator('#new-problems img, #new-problems b').count(), 0);
  assert.match((await page.locator('#new-problems').textContent()), /<b>bold<\/b>/);
  await context.close();
});

test('the downloaded story is the JSON flowlines convert writes of the same folder, and validates', async () => {
  assert.ok(existsSync(CLI), `no ${CLI}: build it with cargo build -p flowlines-cli`);
  const { page, errors, context } = await openPage('/new.html', { width: 1000, height: 800 });
  await page.setInputFiles('#new-folder', join(FIXTURES, 'flowmap-blue'));
  await settled(page, 'story');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#new-download')]);
  assert.equal(download.suggestedFilename(), 'sheets-test.json');
  const fromPage = readFileSync(await download.path(), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'new-story-'));
  const saved = join(dir, 'from-page.json');
  writeFileSync(saved, fromPage);
  execFileSync(CLI, ['validate', saved]); // throws on a non-zero exit
  const converted = join(dir, 'from-cli.json');
  execFileSync(CLI, ['convert', join(FIXTURES, 'flowmap-blue'), '--out', converted]);
  assert.deepEqual(JSON.parse(fromPage), JSON.parse(readFileSync(converted, 'utf8')), 'the same story, figure for figure');
  const totals = (file) => execFileSync(CLI, ['totals', file, '--at', '2024-02-29'], { encoding: 'utf8' });
  assert.equal(totals(saved), totals(converted));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the settings fill what the sheets do not say, and a GeoJSON of places reads', async () => {
  const { page, context } = await openPage('/new.html', { width: 1000, height: 800 });
  await page.setInputFiles('#new-folder', join(FIXTURES, 'geojson-places'));
  await settled(page, 'problems');
  assert.match(await page.locator('#new-problems').textContent(), /no time column/);
  await page.locator('#new-settings summary').click();
  await page.fill('#new-set-period', '2024');
  await page.fill('#new-set-unit', 'cargoes');
  await page.locator('#new-set-unit').dispatchEvent('change');
  await page.locator('#new-set-period').dispatchEvent('change');
  await settled(page, 'story');
  assert.match(await page.locator('#new-status').textContent(), /geojson-places · places: \d+/);
  await context.close();
});

test('the page\'s words exist in every language, and follow ?lang=', async () => {
  const { page, context } = await openPage('/new.html?lang=uk', { width: 1000, height: 800 });
  const catalogs = await page.evaluate(async () => {
    const m = await import('/pkg/flowlines_authoring_wasm.js');
    return Object.fromEntries(['en', 'ko', 'uk', 'ru'].map((l) => [l, m.ui_text(l)]));
  });
  const asked = new Set();
  for (const file of readdirSync(join(ROOT, 'www', 'js', 'authoring'))) {
    for (const m of readFileSync(join(ROOT, 'www', 'js', 'authoring', file), 'utf8').matchAll(/\bt\(\s*['"`]([a-z0-9_]+)['"`]/g)) asked.add(m[1]);
  }
  assert.ok(asked.size >= 15, `the scan finds the page's keys (${asked.size})`);
  for (const [lang, catalog] of Object.entries(catalogs)) {
    for (const key of asked) assert.ok(catalog[key]?.trim(), `${lang} has '${key}'`);
  }
  assert.equal(await page.locator('#new-folder-label').textContent(), catalogs.uk.choose_folder);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  await context.close();
});

test('the embed never fetches the authoring module, even for its charts and downloads', async () => {
  const { page, requests, context } = await open(env, '/embed.html', { width: 1000, height: 700 });
  await ready(page);
  await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts canvas')?.width > 1, null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => /flowlines_extras_wasm_bg\.wasm/.test(u)), 'the charts did load the extras module');
  assert.deepEqual(requests.filter((u) => AUTHORING.test(u)), []);
  await context.close();
});

test('axe-core finds no serious or critical violation on the page, with problems listed and with a story drawn', async () => {
  // The page's Content-Security-Policy would block axe's own script, not the page's.
  const { page, context } = await openPage('/new.html', { width: 1280, height: 900 }, { bypassCSP: true });
  await page.addScriptTag({ path: AXE });
  const violations = () => page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  await dropFixture(page, 'flowmap-blue-errors');
  await settled(page, 'problems');
  assert.deepEqual(await violations(), []);
  await page.setInputFiles('#new-folder', join(FIXTURES, 'flowmap-blue'));
  await settled(page, 'story');
  await ready(page);
  assert.deepEqual(await violations(), []);
  await context.close();
});
