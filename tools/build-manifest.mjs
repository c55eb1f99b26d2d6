// Writes www/manifest.json: each file under www/data/, www/compact/, www/words/, www/basemaps/ and
// www/pkg/ (the story, its compact forms, the map module's words, the basemaps, the wasm modules
// and their glue) mapped to a short sha256 of its content. The page appends `?v=<hash>` when
// it fetches them, so a cache (the reader's, a CDN's) never hides an update, and a file that did
// not change keeps its URL and stays cached. The manifest itself must not be cached for long.
//
//   node tools/build-manifest.mjs        (run by tools/build-static.sh)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const WWW = resolve(here, '..', 'www');
const DIRS = ['data', 'compact', 'words', 'basemaps', 'pkg'];
/** Hex digits of the sha256 kept: 12 (48 bits) tell versions of one file apart. */
const LENGTH = 12;

/** Every file under `dir` (following www/data's symlink), skipping dotfiles. */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('.') || entry.endsWith('.d.ts')) continue; // declarations: never fetched
    const path = join(dir, entry);
    const info = await stat(path); // stat, not lstat: follows symlinks
    if (info.isDirectory()) out.push(...await files(path));
    else if (info.isFile()) out.push(path);
  }
  return out;
}

const manifest = {};
for (const dir of DIRS) {
  const root = join(WWW, dir);
  let list;
  try { list = await files(root); } catch { continue; } // www/pkg/ not built yet
  for (const path of list.sort()) {
    // The test fixtures under data/ are no reader's story: listing them cost every embed 0.2 KB
    // gzipped of manifest (measured 2 December 2026). A fixture loads without a version.
    if (relative(WWW, path).split(sep).join('/').startsWith('data/fixtures/')) continue;
    // Nor does the page ever load a CSV file: an example's sheets (data/examples/<name>/) are
    // for the people who edit it, and the page loads the JSON converted from them.
    if (path.endsWith('.csv')) continue;
    // Nor the map module built with clustering: only a map that clusters loads it, unversioned
    // (its hash would weigh on every embed's manifest; its glue is unversioned as the map's is).
    if (path.includes('flowlines_wasm_clusters')) continue;
    const hash = createHash('sha256').update(await readFile(path)).digest('hex').slice(0, LENGTH);
    manifest[relative(WWW, path).split(sep).join('/')] = hash;
  }
}
await writeFile(join(WWW, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`manifest: ${Object.keys(manifest).length} files in www/manifest.json`);
