// What an embed weighs: loads embed.html in headless Chromium (Debian's, as the browser tests
// do), waits for the first frame and the network to go quiet, and prints every file it fetched
// (HTML, JS, CSS, wasm, data, basemap, images, fonts) with its size raw and gzipped (node:zlib,
// level 9, what a server's gzip would send at best), and the totals. The reader does nothing:
// the charts below the map, and the second wasm module that draws them and the downloads, are
// not fetched until the reader scrolls to them or asks for a download.
//
// It weighs what a newsroom serves: the published package (target/npm/flowlines/, built by
// `make package`, its scripts minified), then gives the total of the same page served from
// www/, the sources as `make serve` serves them.
//
//   node tools/weight.mjs [PATH] [--root=DIR]   (default /embed.html of target/npm/flowlines; `make weight`)
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
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

/** The published package's folder, as `make package` builds it. */
export const PACKAGE = 'target/npm/flowlines';

async function main() {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? '/embed.html';
  const root = args.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? PACKAGE;
  if (!existsSync(`${root}/embed.html`)) throw new Error(`${root}/embed.html is missing: run make package first`);
  const env = await start({ root });
  let total;
  try {
    const rows = await weigh(env, path);
    total = sum(rows, 'gzip');
    const width = Math.max(...rows.map((r) => r.file.length), 4);
    console.log(`What ${path} of ${root}/ fetches (headless Chromium, 1000 x 700, first frame drawn, no action by the reader):\n`);
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
  const sources = await start();
  try {
    const rows = await weigh(sources, path);
    console.log(`the same page served from www/ (the sources, scripts not minified): ${kb(sum(rows, 'gzip'))} gzipped, ${kb(sum(rows, 'gzip') - total)} more`);
  } finally {
    await sources.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
