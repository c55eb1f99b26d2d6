#!/usr/bin/env bash
# Renders the static fallback of the default map into www/static/ with `flowlines render`: the
# page shows it while the wasm loads, and instead of the live map where JavaScript or
# WebAssembly is missing. It shows the story at its 'as of' date.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
story=data/nk-russia.json
as_of=$(node -e "process.stdout.write(JSON.parse(require('fs').readFileSync('$story', 'utf8')).story.as_of)")
mkdir -p www/static
cargo build -q -p flowlines-cli
# English as map.png and map.svg; each other language as map-ko.png, map-uk.svg, ... (the
# element picks the reader's through its fallback image's data-lang-src).
for lang in en ko uk ru; do
  name=map; [ "$lang" = en ] || name="map-$lang"
  for ext in png svg; do
    ./target/debug/flowlines render "$story" --at "$as_of" --lang "$lang" --out "www/static/$name.$ext" --width 1200 --height 630
  done
done
# The story as the page loads it: validated, then one compact form per language (texts in that
# language and English only), in www/compact/ (see versioned.js).
./target/debug/flowlines compact "$story" --out www/compact
# Each other story the site serves gets the basemap of its own extent (docs/basemap.md), in
# www/basemaps/<name>.bin, which the page loads for it (versioned.js, basemapUrl); the default
# story's is the committed data/basemap.bin (`flowlines basemap --story data/nk-russia.json`).
mkdir -p www/basemaps target/basemaps
for other in data/fixtures/pacific.json data/examples/*.json; do
  name=$(basename "$other" .json)
  ./target/debug/flowlines basemap --story "$other" --out "target/basemaps/$name.json" --bin "www/basemaps/$name.bin"
done
# The example stories of docs/new-story.md, each with its own page (www/examples/<name>.html):
# their static fallback, www/static/<name>.png, drawn on their own basemap at their 'as of' date.
for example in data/examples/*.json; do
  name=$(basename "$example" .json)
  at=$(node -e "process.stdout.write(JSON.parse(require('fs').readFileSync('$example', 'utf8')).story.as_of)")
  ./target/debug/flowlines render "$example" --at "$at" --basemap "target/basemaps/$name.json" --out "www/static/$name.png" --width 1200 --height 630
done
node tools/build-manifest.mjs
