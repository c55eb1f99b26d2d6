// What an embed weighs: loads www/embed.html in headless Chromium (Debian's, as the browser tests
// do), waits for the first frame and the network to go quiet, and prints every file it fetched
// (HTML, JS, CSS, wasm, data, basemap, images, fonts) with its size raw and gzipped (node:zlib,
// level 9, what a server's gzip would send at best), and the totals. The reader does nothing:
// the charts below the map, and the second wasm module that draws them and the downloads, are
// not fetched until the reader scrolls to them or asks for a download.
//
//   node tools/weight.mjs [PATH]        (default /embed.html; `make weight`)
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { start, open, ready } from '../tests/browser.mjs';

function kind(pathname) {
  if (pathname.endsWith('.wasm')) return 'wasm';
  if (/\/basemap[^/]*\.(json|bin)$/.test(pathname)) return 'basemap';
  if (pathname.endsWith('manifest.json')) return 'manifest';
  if (pathname.startsWith('/data/') || pathname.startsWith('/compact/')) return 'story';
  if (pathname.endsWith('.html') || pathname.endsWith('/')) return 'html';
  const ext = pathname.split('.').pop();
  return { js: 'js', mjs: 'js', css: 'css', png: 'image', svg: 'image', webp: 'image', woff2: 'font', woff: 'font' }[ext] ?? ext;
}

/**
 * Every file page `path` of `env` (tests/browser.mjs `start()`) fetches until its first frame
 * is drawn and the network is quiet, in a `width` by `height` viewport: `[{file, kind, raw,
 * gzip}]`, sizes in bytes.
 */
export async function weigh(env, path, { width = 1000, height = 700 } = {}) {
  const { page, requests, context } = await open(env, path, { width, height });
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // a frame or two more: nothing else may load
  await context.close();
  const urls = [...new Set(requests)].filter((u) => u.startsWith('http'));
  const rows = [];
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const u = new URL(url);
    rows.push({ file: u.pathname + u.search, kind: kind(u.pathname), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);

async function main() {
  const path = process.argv[2] ?? '/embed.html';
  const env = await start();
  try {
    const rows = await weigh(env, path);
    const width = Math.max(...rows.map((r) => r.file.length), 4);
    console.log(`What ${path} fetches (headless Chromium, 1000 x 700, first frame drawn, no action by the reader):\n`);
    console.log(`${pad('file', width)}  ${pad('kind', 8)}  ${pad('raw', 10, true)}  ${pad('gzipped', 10, true)}`);
    for (const r of rows) {
      console.log(`${pad(r.file, width)}  ${pad(r.kind, 8)}  ${pad(kb(r.raw), 10, true)}  ${pad(kb(r.gzip), 10, true)}`);
    }
    console.log(`${pad('total', width)}  ${pad(`${rows.length} files`, 8)}  ${pad(kb(sum(rows, 'raw')), 10, true)}  ${pad(kb(sum(rows, 'gzip')), 10, true)}`);
    const kinds = [...new Set(rows.map((r) => r.kind))];
    console.log('\nby kind (gzipped): ' + kinds.map((k) => `${k} ${kb(sum(rows.filter((r) => r.kind === k), 'gzip'))}`).join(', '));
    if (!kinds.includes('font')) console.log('fonts: none fetched (the map uses the reader\'s system fonts)');
    const rest = rows.filter((r) => r.kind !== 'wasm');
    console.log(`without the wasm: ${kb(sum(rest, 'raw'))} raw, ${kb(sum(rest, 'gzip'))} gzipped`);
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
