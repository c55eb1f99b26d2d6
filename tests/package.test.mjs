// The npm package a newsroom installs: `tools/build-package.sh` (what `make package` runs after
// the build) assembles it from npm/package.json, `npm pack` packs it, the tarball installs into
// a fresh folder with no network, and a page served from that folder imports the element from
// node_modules and draws the map. Its custom-elements.json names every attribute the element
// observes, every method it has and every event it fires, and nothing it lacks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.mjs';
import { pixelsOfColour } from './pages.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'target', 'npm', 'flowlines');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

let dir;
let server;
let origin;
let browser;
let packed;

before(async () => {
  // The package, as `make package` builds it (the page's build is already done by `make build`).
  const out = execFileSync('bash', ['tools/build-package.sh'], { cwd: ROOT, encoding: 'utf8' });
  packed = { log: out };
  dir = await mkdtemp(join(tmpdir(), 'flowlines-npm-'));
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: BUILT, encoding: 'utf8' }));
  packed.info = info;
  packed.tarball = join(dir, info.filename);
  // A newsroom's project: a fresh folder that installs the tarball (no dependencies, no network).
  const site = join(dir, 'site');
  execFileSync('mkdir', ['-p', site]);
  await writeFile(join(site, 'package.json'), JSON.stringify({ name: 'newsroom-site', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', packed.tarball], { cwd: site, stdio: 'pipe' });
  await writeFile(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module" src="/node_modules/flowlines/js/flowlines-map.js"></script></head>
<body><flowlines-map lang="en" at="2024-10-20" autoplay="false"></flowlines-map></body></html>`);
  // A plain static server over that folder, as a newsroom's would be.
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(site, path);
    if (!file.startsWith(site) || !(await stat(file).catch(() => null))?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the package is built from npm/package.json, public, with its exports, files and types', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'npm', 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(root.private, true, 'the dev tooling\'s package.json stays private');
  assert.equal(pkg.private, undefined);
  assert.equal(pkg.name, 'flowlines');
  assert.equal(pkg.version, '0.1.0');
  assert.equal(pkg.repository, undefined, 'no repository field until there is a real one');
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.deepEqual(pkg.dependencies, undefined, 'nothing to install besides the package');
  const installed = join(dir, 'site', 'node_modules', 'flowlines');
  // Every file an export names is in the installed package.
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets.filter((t) => !t.includes('*'))) {
    assert.ok(existsSync(join(installed, target)), `${target} is installed`);
  }
  for (const f of ['pkg/flowlines_wasm.d.ts', 'js/flowlines-map.d.ts', 'custom-elements.json', 'CHANGELOG.md', 'README.md']) {
    assert.ok(existsSync(join(installed, f)), `${f} is installed`);
  }
  assert.match(readFileSync(join(installed, 'js', 'flowlines-map.d.ts'), 'utf8'), /interface HTMLElementTagNameMap\s*{\s*['"]flowlines-map['"]: FlowlinesMap/);
  assert.ok(!existsSync(join(installed, 'js', 'bench.js')), 'the benchmark page is not part of the package');
  // make package prints the sha384 of each file, for subresource integrity.
  const wasm = readFileSync(join(installed, 'pkg', 'flowlines_wasm_bg.wasm'));
  const sri = `sha384-${execFileSync('openssl', ['dgst', '-sha384', '-binary'], { input: wasm }).toString('base64')}`;
  assert.match(packed.log, new RegExp(`pkg/flowlines_wasm_bg\\.wasm\\s+${sri.replace(/[+/]/g, '\\$&')}`));
  console.log(`# ${packed.info.filename}: ${packed.info.entryCount} files, ${(packed.info.size / 1024).toFixed(0)} KB packed, ${(packed.info.unpackedSize / 1024).toFixed(0)} KB unpacked`);
});

test('a page served from the installed folder imports the element from node_modules and the map draws', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.ready === 'true', null, { timeout: 20000 });
  assert.ok(await pixelsOfColour(page, 'fl-static', '#d55e00') > 50, 'the munitions flows are drawn');
  const title = await page.evaluate(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-title').textContent);
  assert.equal(title, 'Russia and North Korea: the military exchange');
  for (const url of requests.slice(1)) {
    assert.ok(url.startsWith(`${origin}/node_modules/flowlines/`), `every file from the package: ${url}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the package\'s embed.html asks for the map module\'s wasm with the page, by its hashed URL, once', async () => {
  const hash = JSON.parse(readFileSync(join(BUILT, 'manifest.json'), 'utf8'))['pkg/flowlines_wasm_bg.wasm'];
  const html = readFileSync(join(BUILT, 'embed.html'), 'utf8');
  assert.ok(html.includes(`<link rel="preload" href="pkg/flowlines_wasm_bg.wasm?v=${hash}" as="fetch" type="application/wasm" crossorigin>`), 'the preload names the wasm with its hash');
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const warnings = [];
  const wasm = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('request', (r) => { if (r.url().includes('.wasm')) wasm.push(new URL(r.url()).pathname + new URL(r.url()).search); });
  await page.goto(`${origin}/node_modules/flowlines/embed.html`);
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.ready === 'true', null, { timeout: 20000 });
  await page.waitForTimeout(3500); // Chromium warns of a preload left unused a few seconds after load
  assert.deepEqual(wasm, [`/node_modules/flowlines/pkg/flowlines_wasm_bg.wasm?v=${hash}`], 'the preloaded response is the one the map reads');
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'no preload left unused');
  await context.close();
});

test('the package\'s scripts and styles are minified, each with a source map holding its source', () => {
  const installed = join(dir, 'site', 'node_modules', 'flowlines');
  const files = [
    'js/flowlines-map.js', 'js/app.js', 'pkg/flowlines_wasm.js', 'pkg/flowlines_extras_wasm.js',
    'embed-host.js', 'css/flowlines.css',
  ];
  for (const f of files) {
    const source = readFileSync(join(ROOT, 'www', f), 'utf8');
    const shipped = readFileSync(join(installed, f), 'utf8');
    assert.ok(shipped.length < source.length * 0.75, `${f}: ${shipped.length} bytes shipped of ${source.length}`);
    assert.ok(!/^\s*\/\/ /m.test(shipped) && !shipped.includes('/**'), `${f} has no comments left`);
    const name = f.split('/').pop();
    assert.ok(shipped.trimEnd().endsWith(`sourceMappingURL=${name}.map${f.endsWith('.css') ? ' */' : ''}`), `${f} names its map`);
    const map = JSON.parse(readFileSync(join(installed, `${f}.map`), 'utf8'));
    assert.deepEqual(map.sourcesContent, [source], `${f}.map holds the source as www/ has it`);
  }
  // Every language's words reach the installed package (a Korean page fetches words/ko.bin).
  assert.ok(readdirSync(join(installed, 'words')).some((f) => f.endsWith('.bin')), 'words/ is packed');
  // The manifest lists what the package holds and nothing else (the page would ask for it).
  const listed = Object.keys(JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8')));
  assert.ok(listed.includes('pkg/flowlines_wasm_bg.wasm') && listed.includes('compact/nk-russia.en.bin'));
  assert.deepEqual(listed.filter((f) => !existsSync(join(installed, f))), [], 'every file the manifest lists is in the package');
  // The page without its comments, its alt text in other languages in files of their own.
  const page = readFileSync(join(installed, 'embed.html'), 'utf8');
  assert.ok(!page.includes('<!--'), 'embed.html has no comments left');
  for (const lang of ['ko', 'uk', 'ru']) assert.ok(existsSync(join(installed, 'static', `map-${lang}.txt`)), `static/map-${lang}.txt`);
});

test('custom-elements.json names exactly the attributes, methods and events the element has', async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'npm', 'custom-elements.json'), 'utf8'));
  assert.equal(manifest.schemaVersion, '2.1.0');
  const module = manifest.modules.find((m) => m.path === 'js/flowlines-map.js');
  const element = module.declarations.find((d) => d.customElement && d.tagName === 'flowlines-map');
  assert.deepEqual(module.exports.find((e) => e.kind === 'custom-element-definition')?.name, 'flowlines-map');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  const real = await page.evaluate(async () => {
    await customElements.whenDefined('flowlines-map');
    const Element = customElements.get('flowlines-map');
    const proto = Element.prototype;
    const lifecycle = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback'];
    return {
      attributes: [...(Element.observedAttributes ?? [])].sort(),
      methods: Object.getOwnPropertyNames(proto)
        .filter((n) => !lifecycle.includes(n) && !n.startsWith('_'))
        .filter((n) => typeof Object.getOwnPropertyDescriptor(proto, n).value === 'function').sort(),
    };
  });
  await context.close();
  const named = (kind) => element.members.filter((m) => m.kind === kind && m.privacy !== 'private').map((m) => m.name).sort();
  const attributes = element.attributes.map((a) => a.name);
  assert.ok(real.attributes.length >= 5, `observed: ${real.attributes}`);
  for (const a of real.attributes) assert.ok(attributes.includes(a), `the observed attribute ${a} is named`);
  // Every attribute named is one settings.js reads (or url-params, which the element reads).
  const settings = readFileSync(join(ROOT, 'www', 'js', 'settings.js'), 'utf8') + readFileSync(join(ROOT, 'www', 'js', 'flowlines-map.js'), 'utf8');
  for (const a of attributes) assert.ok(settings.includes(`'${a}'`), `${a} is read by the element`);
  assert.deepEqual(named('method'), real.methods, 'the methods, no more and no less');
  // The events: every `new CustomEvent('flowlines-…'` the element's modules dispatch.
  const js = join(ROOT, 'www', 'js');
  const fired = new Set();
  for (const f of readdirSync(js).filter((f) => f.endsWith('.js'))) {
    for (const m of readFileSync(join(js, f), 'utf8').matchAll(/new CustomEvent\(\s*'(flowlines-[a-z-]+)'/g)) fired.add(m[1]);
  }
  assert.deepEqual(element.events.map((e) => e.name).sort(), [...fired].sort());
});
