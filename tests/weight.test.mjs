// What a reader of the default embed downloads (issue 10, item 3): everything embed.html
// fetches until its first animated frame, with the map in view and no action by the reader,
// gzipped; and the second wasm module (charts, SVG and CSV downloads, located reader) fetched
// only when the reader scrolls to the charts or asks for a download. Measured on what a
// newsroom serves, the published package (tools/build-package.sh, its scripts and styles
// minified), built here into a folder of its own, so these tests also show the minified
// package working: the map drawn, the charts and the download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready } from './browser.mjs';
import { diffShare } from './snapshot.mjs';
import { weigh } from '../tools/weight.mjs';
import { serve } from '../tools/serve.mjs';

let env;
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowlines-weight-'));
  const root = join(dir, 'flowlines');
  execFileSync('bash', ['tools/build-package.sh', root], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
  env = await start({ root });
});
after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The weight reached (README, Weight): a build that grows past it fails. */
const BUDGET_KB = 197.8; // 330.2 KB with the split; 344.2 with the element API and colours, 356.1 with the guided tour (issue 13), 361.3 with the projection chosen from the data (issue 14), 357.5 with the basemap clipped to the story's extent (issue 14, basemap 21.3 -> 16.0 KB), 355.6 with the glue's doc comments stripped (issue 12 item 5), 355.8 with the example stories in the manifest (issue 14 item 7), 341.9 with the compact fallback SVG, 341.2 with the downloads' drawing loaded on the first download, 342.5 with the live map clustering a story that needs it (issue 14 item 6: the core's rule asked of a map and of a worker-read story's parts, +0.16 KB of wasm, and app.js's hooks, +0.2 KB; the clustering build itself is never fetched by the default embed), 346.0 with one style table and one credits function (issue 15: +2.6 KB of wasm for FlowMap.style_table's object and the core's credits, +1.0 KB of JS for style-table.js and the modules reading it; to win back), 345.7 with the columns handed over per redraw (issue 15), 348.0 with the assumed routes' outlines drawn by the core (issue 10 item 2: +2.3 KB of wasm for the first frame at 1,000 flows, 0.38 -> 0.22 s of static layer), 348.4 with the frame's flat tracks, weights out of 256 and quads' offsets (issue 10 item 1: +0.6 KB of wasm, the frame at 10,000 flows 6.4 -> 4.1 ms in node), 347.9 with a localised text boxed and the readings grouped once (issue 10 item 2: -0.4 KB of wasm), 322.4 with the story read in its binary compact form and no JSON story reader in the map module (issue 10 item 3: 245.9 -> 220.5 KB of wasm, story 8.8 -> 8.4 KB), 305.3 with the map module reading only the compact basemap, so no serde_json in it (issue 10 item 3: 220.5 -> 203.3 KB of wasm), 302.4 with talc as the map module's allocator (issue 10 item 3: 203.3 -> 200.4 KB of wasm), 304.0 with each path projected once per projection (issue 10 item 2: +1.6 KB of wasm for resizes 30 to 45 % quicker in node), 301.3 with each stream pointing at its distinct path by index (issue 10 item 2: 202.0 -> 199.4 KB of wasm), 293.0 with one compiled sort for the core and the inset sharing its map's story (issue 10 item 3: 199.4 -> 191.0 KB of wasm), 292.1 with the data table fetched when the reader first opens it (issue 10 item 3: data-table.js, 1.3 KB, out of the first frame), 292.2 with the data table readable on a phone (+0.06 KB of CSS), 286.9 with the map module carrying English alone and a reader of another language fetching its words (issue 10 item 3: 191.1 -> 185.2 KB of wasm), 284.0 with the fallback SVG's lines of one opaque stroke joined into one path (issue 10 item 3: image 22.4 -> 19.5 KB), 275.7 with no float printing in the map module (issue 10 item 3: flowlines_core::decimal, 185.2 -> 176.9 KB of wasm), 272.6 with the compact basemap kept as arcs (issue 10 item 3: basemap 15.7 -> 11.5 KB, wasm +1.1 KB for its reader), 249.4 measured on the published package, its scripts and styles minified (issue 10 item 3: JS 49.2 -> 27.3 KB, CSS 4.2 -> 2.9 KB; the same page from www/ stays 272.6), 249.7 with the great circles' constants worked out once and a date's text held inside the date (issue 10 item 2: wasm +0.3 KB), 249.4 with the basemap's arcs decoded in one pass (wasm -0.4 KB), 249.7 with the static layer's strokes and blending in WebAssembly SIMD (issue 10 item 2: wasm +0.6 KB, the static layer of 100,000 routes 0.60 -> 0.44 s), 246.3 with the fallback SVG's dots joined into round-capped paths (issue 10 item 3: image 19.5 -> 16.2 KB), 246.4 with each flow of a smaller map drawn by the core (issue 10 item 2), 247.9 with a reading's stream, unit, source and claimant shared and the series and routes made with fewer allocations (issue 10 item 2: +1.5 KB of wasm for about 100 ms off the first set-up at 100,000 flows and 68 MiB less memory; to win back), 231.7 with wasm-opt inlining only the functions of one caller up to 10 bytes, not all of them (issue 10 items 2 and 3: 180.1 -> 163.9 KB of wasm, and the first set-up and static layer at 1,000 flows about 60 ms quicker), 230.0 with each module's functions in the order of their names (issue 10 item 3: 163.9 -> 162.2 KB of wasm), 228.8 with the fallback SVG's translucent dashes joined where they lie apart (issue 10 item 3: image 16.2 -> 15.1 KB), 229.1 with days and the synthetic story's ids written digit by digit (issue 10 item 2: +0.2 KB of wasm for about 100 ms off the first set-up at 100,000 flows), 228.6 with the guided tour's check borrowing the story's ids (issue 10 item 3: 162.4 -> 161.9 KB of wasm), 228.1 with the validator's maps of routes and streams by position (issue 10 item 3: 161.9 -> 161.4 KB of wasm), 227.8 with its ids per section in a list (161.4 -> 161.2 KB of wasm), 227.0 with its measures grouped by stream position (161.2 -> 160.4 KB of wasm), 226.0 with the PNG's credit lines from the second module, loaded on the first download, and great circles without a sine per point (160.4 -> 159.4 KB of wasm), 222.5 with the page's words written straight from the catalog, not through a sorted map (159.4 -> 155.8 KB of wasm), 222.8 with the wasm asked for as the map nears the viewport and embed.html preloading the manifest and the element's imports (issue 10 item 2: +0.1 KB of JS, +0.1 KB of HTML; embed.html's first frame 1.51 -> 1.08 s at 100 ms a round trip), 223.1 with the story and basemap fetched by inputs.js beside app.js's modules (+0.3 KB of JS, a file more: 1.08 -> 1.01 s), 223.3 with the map's own story, basemap and words asked for with the wasm (+0.2 KB of JS: 1.04-1.05 -> 0.99-1.00 s, and 0.87-0.90 -> 0.84-0.85 s over HTTP/2), 223.6 with embed.html preloading its first frame's modules and, in the package, the wasm (+0.3 KB of HTML: over HTTP/2 0.89-0.95 -> 0.80 s), 216.9 with the binary story read by hand, not by serde's derived readers over postcard (issue 10 item 3: 155.8 -> 149.1 KB of wasm), 208.2 with the validator out of the map module, which reads only stories validated when written: the build's own, found unchanged by their manifest hash, or the second module's (issue 10 item 3: 149.0 -> 140.3 KB of wasm), 204.1 with the basemap on a 0.02° grid (basemap 11.5 -> 10.3 KB) and the fallback image's land filled once (image 15.1 -> 12.1 KB), 202.7 with its coasts stroked along the same rings (image 12.1 -> 10.7 KB), 201.9 with the style table handed over as JSON (140.3 -> 139.4 KB of wasm), 199.3 with the fallback image's alt text in other languages read only by their readers (html 1.7 -> 0.7 KB with the package's page comments), no u128 printing nor fmod in the map module (139.4 -> 138.0 KB of wasm) and the package's manifest listing only what it holds (0.5 -> 0.3 KB), 199.2 with the sRGB power in the core without libm's pow (138.9 KB of wasm by gzip -9) paying for the map modules without wasm-opt's remove-unused-brs (issue 10 item 1: the frame 5 % quicker, wasm 139.4 KB by gzip -9), 199.0 with a number's power of ten found without libm's log10 (issue 10 item 3: wasm 139,437 -> 139,361 bytes by gzip -9), 197.5 with the map module's sine and cosine without libm's reduction of huge angles (issue 10 item 3: wasm 139,346 -> 136,868 bytes by gzip -9) paying for the particle layer cleared and put only round the routes (issue 10 item 1: +675 bytes; script per frame at 10,000 flows 4.5 -> 4.2 ms), 197.2 with the frame's fit keeping only the route points it tests (issue 10 item 2: wasm 137,528 -> 137,283 bytes by gzip -9), 197.6 with a frame's discs drawn band by band (issue 10 item 1: wasm 137,297 -> 138,130 bytes by gzip -9; the frame at 10,000 flows about 11 % quicker), 197.7 with each band cleared just before its discs are drawn (wasm +89 bytes), 197.2 with the outlines drawn into the flows' layer and the labels placed without a vector per candidate or a lookup by id (issue 10 item 2: wasm 138,219 -> 137,418 bytes by gzip -9), 197.5 with the static layer laid premultiplied, a dotted line's stamps looked up once and the framing's loops out of line (issue 10 item 2: wasm 137,478 -> 137,664 bytes by gzip -9), 197.6 with a dotted line's stamps made row by row (issue 10 item 2: wasm 137,664 -> 138,238 bytes by gzip -9), 198.6 with the crowded places found through cells in a time linear in the places, not by comparing every pair (the contract's linear time: 100,000 places 10.5 s -> 24 ms natively; wasm 138,238 -> 138,825 bytes by gzip -9, 136.3 -> 137.2 KB as served; to win back), 199.2 with two crowded cells' places compared in (m + n) log n steps, not pair by pair (the contract's linear time: two crowds of 50,000 places just out of each other's reach 5.19 s -> 0.01 s natively; wasm 138,809 -> 139,349 bytes by gzip -9, 137.2 -> 137.8 KB as served, 199.2 KB rounded down; to win back), 197.8 with the core's short texts found byte by byte, without the standard library's two-way searcher (crate::find: wasm 139,349 -> 138,002 bytes by gzip -9, 137.8 -> 136.4 KB as served; won back), 197.4 with texts joined by hand, not by [S]::join (crate::text::join: wasm 138,002 -> 137,604 bytes by gzip -9, 136.4 -> 136.0 KB as served), 197.7 with two crowded cells' first pairs compared before the search (100,000 random places 67 -> 11 ms natively, as pair by pair: wasm 137,604 -> 137,811 bytes by gzip -9)
/** Issue 10's bound (item 3). */
const GOAL_KB = 200;

const EXTRAS = /flowlines_extras_wasm|\/js\/charts\.js/;
const totalKb = (rows) => rows.reduce((s, r) => s + r.gzip, 0) / 1024;

test('the embed\'s first frame fetches stay within the weight reached, and no extras', async () => {
  const rows = await weigh(env, '/embed.html');
  const total = totalKb(rows);
  assert.ok(total <= BUDGET_KB, `${total.toFixed(1)} KB gzipped: ${rows.map((r) => r.file).join(' ')}`);
  assert.deepEqual(rows.filter((r) => EXTRAS.test(r.file)).map((r) => r.file), [], 'no chart or extras module before it is needed');
  assert.ok(rows.some((r) => r.file.startsWith('/compact/nk-russia.en.bin')), 'the story in the reader\'s language only');
  assert.ok(rows.some((r) => r.file.startsWith('/data/basemap.bin')), 'the compact basemap');
  assert.ok(!rows.some((r) => r.file.startsWith('/data/basemap.json') || r.file.startsWith('/data/nk-russia.json')));
});

test('the embed\'s first frame fetches stay under 200 KB gzipped', async () => {
  const total = totalKb(await weigh(env, '/embed.html'));
  assert.ok(total <= GOAL_KB, `${total.toFixed(1)} KB gzipped`);
});

test('the second module loads when the reader scrolls to the charts', async () => {
  const { page, requests, context, errors } = await open(env, '/embed.html', { width: 1000, height: 700 });
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.equal(requests.filter((u) => EXTRAS.test(u)).length, 0, 'not before');
  await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-charts').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.querySelector('#fl-charts canvas')?.width > 1, null, { timeout: 20000 });
  assert.ok(requests.some((u) => /flowlines_extras_wasm_bg\.wasm/.test(u)), 'the extras wasm, once scrolled to');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the second module loads when the reader asks for a download, and the download is right', async () => {
  const { page, requests, context, errors } = await open(env, '/embed.html?paused&at=2024-10-20', { width: 1000, height: 700 });
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.equal(requests.filter((u) => EXTRAS.test(u)).length, 0, 'not before');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#fl-export-csv').click(),
  ]);
  assert.ok(requests.some((u) => /flowlines_extras_wasm_bg\.wasm/.test(u)), 'the extras wasm, once asked for');
  assert.ok(!requests.some((u) => /\/js\/charts\.js/.test(u)), 'but not the charts');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(path, 'utf8');
  assert.match(csv, /^\uFEFFstream,label,category/, 'with its byte-order mark');
  assert.match(csv, /,2024-10-20,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the published package\'s embed draws the same page as the sources in www/', async () => {
  // The same still map (paused on one day, particles at one clock) from the minified package
  // and from the sources; the two screenshots are compared pixel for pixel.
  const sources = await serve(0);
  const still = '/embed.html?paused&at=2024-10-20&clock=1';
  const shoot = async (origin) => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(origin + still);
    await ready(page);
    await page.waitForTimeout(300);
    const png = await page.screenshot({ fullPage: true });
    await context.close();
    assert.deepEqual(errors, [], origin);
    return png;
  };
  try {
    const packaged = await shoot(env.origin);
    const source = await shoot(`http://127.0.0.1:${sources.address().port}`);
    assert.equal(diffShare(packaged, source), 0, 'not one pixel differs');
  } finally {
    await new Promise((ok) => sources.close(ok));
  }
});
