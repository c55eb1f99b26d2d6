#!/usr/bin/env bash
# Builds the npm package a newsroom installs (`npm install flowlines`) into target/npm/flowlines/,
# from npm/package.json (the root package.json is the dev tooling's and stays private) and the
# built page (www/, after `make build`): the element's modules, their styles, the two WebAssembly
# modules (the map's, and the extras' loaded on demand) with their wasm-bindgen declarations,
# the default story (and its compact form per language) and basemap (and its compact form), the static fallback
# images, the iframe page and its host script. The folder keeps www/'s layout, so the modules'
# relative URLs (../pkg/, ../css/, ../data/) resolve inside the package as they do on the site.
# Then prints the sha384 of each file, for a host's `integrity="sha384-…"` (docs/npm.md).
# The scripts and style sheets are minified, each with its source map (tools/minify-package.mjs):
# the package is what a newsroom serves, so what readers download.
# `npm pack` in that folder makes the tarball.
#
#   bash tools/build-package.sh [OUT]      (default target/npm/flowlines; `make package`)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/npm/flowlines}
for need in www/pkg/flowlines_wasm_bg.wasm www/pkg/flowlines_wasm.d.ts www/pkg/flowlines_extras_wasm_bg.wasm www/compact www/words www/static/map.svg www/manifest.json www/js/flowlines-map.d.ts; do
  [ -e "$need" ] || { echo "build-package: $need is missing: run make build first" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"/{js,css,pkg,data,static,compact,words}
cp npm/package.json npm/README.md CHANGELOG.md npm/custom-elements.json "$out"/
# The element's modules and declarations; the benchmark page's module is not part of the map.
for f in www/js/*.js www/js/*.d.ts; do
  [ "$(basename "$f")" = bench.js ] || cp "$f" "$out/js/"
done
cp www/css/flowlines.css www/css/embed.css "$out/css/"
# The map's module and the extras'; the authoring page's module (new.html) is not part of the element.
# And the clustering build (flowlines_wasm_clusters*), which the element loads for a story with
# more flows or places than a map can show (www/js/clustering.js).
cp www/pkg/flowlines_wasm.* www/pkg/flowlines_wasm_bg* www/pkg/flowlines_wasm_clusters* www/pkg/flowlines_extras_wasm* "$out/pkg/"
cp data/nk-russia.json data/basemap.json data/basemap.bin "$out/data/"
cp www/compact/nk-russia.*.bin "$out/compact/" # the default story's; the examples' stories are not in the package
cp www/words/*.bin "$out/words/" # the map module's words in each language but English
cp www/static/*.svg www/static/*.txt "$out/static/" # the fallback images and their alt texts (the PNGs are for sharing, not the element)
cp www/embed.html www/embed-host.js www/allowed-data.json www/manifest.json "$out/"
# The manifest lists what the package holds, and nothing else: an entry for a file it lacks (the
# examples' basemaps, the authoring module) would have the page ask for it, and every reader
# downloads the list. Written without spaces.
node -e '
const { readFileSync, writeFileSync, existsSync } = require("node:fs");
const { join } = require("node:path");
const [dir] = process.argv.slice(1);
const all = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const held = Object.fromEntries(Object.entries(all).filter(([file]) => existsSync(join(dir, file))));
writeFileSync(join(dir, "manifest.json"), JSON.stringify(held));' "$out"
node tools/minify-package.mjs "$out"
# embed.html asks for the map module's wasm with the page, by the URL the map asks for it by:
# with the manifest's hash (www/js/versioned.js), so a cache never hides an update.
node -e '
const { readFileSync, writeFileSync } = require("node:fs");
const [page, manifest] = process.argv.slice(1);
const hash = JSON.parse(readFileSync(manifest, "utf8"))["pkg/flowlines_wasm_bg.wasm"];
const anchor = `  <link rel="modulepreload" href="js/inputs.js">\n`;
const html = readFileSync(page, "utf8");
if (!hash || !html.includes(anchor)) throw new Error("build-package: cannot preload the wasm in " + page);
const link = `  <link rel="preload" href="pkg/flowlines_wasm_bg.wasm?v=${hash}" as="fetch" type="application/wasm" crossorigin>\n`;
writeFileSync(page, html.replace(anchor, link + anchor));' "$out/embed.html" "$out/manifest.json"
version=$(node -p "require('./npm/package.json').version")
echo "package: $out (flowlines $version); sha384 of each file, for subresource integrity:"
node -e '
const { createHash } = require("node:crypto");
const { readFileSync, readdirSync, statSync } = require("node:fs");
const { join, relative } = require("node:path");
const root = process.argv[1];
const walk = (d) => readdirSync(d).sort().flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]);
for (const f of walk(root)) {
  const sri = "sha384-" + createHash("sha384").update(readFileSync(f)).digest("base64");
  console.log(`  ${relative(root, f).padEnd(34)} ${sri}`);
}' "$out"
