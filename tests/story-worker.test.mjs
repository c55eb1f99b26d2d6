// A large story is read off the main thread: the page hands a story of 512 KiB or more to its
// story worker (www/js/story-worker.js), which reads and validates it with the second wasm
// module (the map module's plain reader and validator), and draws the map from what the worker
// hands back; a small story is read on the main thread as before, and its page fetches none of
// the worker's files. A broken story shows every located problem either way, and the
// worker runs under the embed's strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, ready } from './browser.mjs';
import { CSP } from '../tools/serve.mjs';
import { story } from '../tools/big-story.mjs';
import { readTiming, readPhaseTasks } from '../tools/read-timing.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const BIG = story(2 * 1024 * 1024); // four parts of the packed story
const fixture = (name) => readFile(new URL(`../data/fixtures/${name}`, import.meta.url), 'utf8');

/**
 * Opens `path` with story `body` served at `/data/<name>`, recording console errors, the
 * workers the page starts (their paths), every request and, in the page, CSP violations
 * (`__violations`).
 */
async function visit(path, name, body) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    Object.defineProperty(window, '__violations', { get: () => violations.slice() });
  });
  if (body !== undefined) {
    await context.route(`**/data/${name}*`, (r) => r.fulfill({ body, contentType: 'application/json' }));
  }
  const page = await context.newPage();
  const errors = [];
  const workers = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  const response = await page.goto(env.origin + path);
  return { page, context, errors, workers, requests, response };
}

/** The problems the map shows, one a line, once it shows them. */
async function shownProblems(page) {
  await page.waitForSelector('flowlines-map #fl-errors:not([hidden])', { timeout: 30000 });
  const text = await page.locator('flowlines-map #fl-errors').textContent();
  return text.split('\n');
}

test('a large story is read in the story worker and the map draws it', async () => {
  const { page, context, errors, workers } = await visit('/?data=data/big-story.json', 'big-story.json', BIG);
  await ready(page);
  assert.deepEqual(workers, ['/js/story-worker.js']);
  assert.equal(await page.locator('#fl-title').textContent(), JSON.parse(BIG).story.title);
  const streams = await page.evaluate(() => document.querySelector('flowlines-map').view.categories);
  assert.deepEqual(streams, ['c'], 'the map runs with the story\'s category');
  assert.equal(await page.locator('#fl-errors').isHidden(), true);
  assert.deepEqual(errors.filter((e) => !e.includes('status of 404')), []);
  await context.close();
});

test('the small default story is read on the main thread: no worker starts, none of its files loads', async () => {
  const { page, context, workers, requests } = await visit('/');
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(workers, []);
  assert.deepEqual(requests.filter((u) => /read-in-worker|story-worker|flowlines_extras_wasm/.test(u)), []);
  await context.close();
});

test('a large broken story shows every located problem, the same as when it is small', async () => {
  const broken = await fixture('errors.json');
  // Spaces after the JSON change no line or column, and make the file large enough for the worker.
  const large = broken + ' '.repeat(600 * 1024);
  const small = await visit('/?data=data/errors.json', 'errors.json', broken);
  const expected = await shownProblems(small.page);
  assert.deepEqual(small.workers, []);
  await small.context.close();
  const big = await visit('/?data=data/errors.json', 'errors.json', large);
  const shown = await shownProblems(big.page);
  assert.deepEqual(big.workers, ['/js/story-worker.js']);
  assert.deepEqual(shown, expected);
  const cli = (await fixture('errors.expected')).trim().split('\n').map((l) => l.replace('data/fixtures/', ''));
  assert.deepEqual(shown, cli, 'every problem the command line finds, at its line and column');
  await big.context.close();
});

test('under the embed\'s strict CSP the story worker reads a large story with no violation', async () => {
  assert.match(CSP, /worker-src 'self'/);
  const { page, context, errors, workers, response } = await visit('/embed.html?data=data/big-story.json', 'big-story.json', BIG);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the embed is served with the strict CSP');
  await ready(page);
  assert.deepEqual(workers, ['/js/story-worker.js']);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors.filter((e) => !e.includes('status of 404')), []);
  await context.close();
});

test('the page stays responsive while it reads the largest story it accepts: no task over 200 ms', async () => {
  // The parse benchmark's story (make parse-bench): just under the page's 10 MiB.
  const largest = story(10 * 1024 * 1024 - 1024);
  const timing = await readTiming(env, '/?data=data/largest.json', '/data/largest.json', largest);
  assert.deepEqual(timing.errors, []);
  assert.deepEqual(timing.workers, ['/js/story-worker.js']);
  const parts = timing.steps.filter((s) => s.what === 'part');
  assert.ok(parts.length >= 20, `${parts.length} parts read one per task`);
  assert.ok(timing.phase.start < parts[0].start, 'the read phase starts when the story has arrived');
  const slow = readPhaseTasks(timing).filter((t) => t.ms > 200);
  const ms = (t) => `${t.ms.toFixed(0)} ms at ${t.start.toFixed(0)} ms`;
  assert.deepEqual(slow.map(ms), [], `read phase ${timing.phase.start.toFixed(0)}-${timing.phase.end.toFixed(0)} ms; parts: ${parts.map((p) => p.ms.toFixed(0)).join(', ')} ms`);
});

test('a host policy that forbids workers does not break the map: the page reads the story itself', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const strict = CSP.replace("worker-src 'self'", "worker-src 'none'");
  await context.route((url) => url.pathname === '/embed.html', async (r) => {
    const response = await r.fetch();
    await r.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': strict } });
  });
  await context.route('**/data/big-story.json*', (r) => r.fulfill({ body: BIG, contentType: 'application/json' }));
  const page = await context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error' && !/status of 404|Content Security Policy/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.origin}/embed.html?data=data/big-story.json`);
  await ready(page);
  assert.equal(await page.locator('flowlines-map #fl-title').textContent(), JSON.parse(BIG).story.title);
  assert.ok(warnings.some((w) => w.includes('the story is read on the main thread')), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});
