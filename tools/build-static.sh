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
# The SVGs, which the embed fetches as its fallback image, rewritten to draw the same pixels in
# fewer bytes (styles shared by groups, relative path data): 37.9 -> 23.0 KB gzipped in English.
node tools/compact-svg.mjs www/static/map.svg www/static/map-ko.svg www/static/map-uk.svg www/static/map-ru.svg
# The fallback image's alt text in each language but English (which the pages write, for a
# reader without JavaScript): static/map-<lang>.txt, read by the element through the image's
# data-lang-alt in that language only (data/fallback-alt.json, the one source).
node -e '
const { readFileSync, writeFileSync } = require("node:fs");
const alt = JSON.parse(readFileSync("data/fallback-alt.json", "utf8"));
for (const lang of ["ko", "uk", "ru"]) writeFileSync(`www/static/map-${lang}.txt`, alt[lang] + "\n");'
# The story as the page loads it: validated, then one binary compact form per language (texts in that
# language and English only), in www/compact/ (see versioned.js).
rm -rf www/compact
./target/debug/flowlines compact "$story" --out www/compact
# The map module's words in each language but English, which the module carries itself: the page
# hands it the reader's (words/<lang>.bin, see versioned.js's wordsUrl).
rm -rf www/words
./target/debug/flowlines words --out www/words >/dev/null
# Each other story the site serves gets the basemap of its own extent (docs/basemap.md), in
# www/basemaps/<name>.bin, which the page loads for it (versioned.js, basemapUrl); the default
# story's is the committed data/basemap.bin (`flowlines basemap --story data/nk-russia.json`).
# The other stories: the Pacific fixture, the examples of docs/new-story.md (data/examples/) and
# a newsroom's own (data/stories/, which may not exist); <name> is the file's, so keep names unique.
shopt -s nullglob
stories=(data/examples/*.json data/stories/*.json)
mkdir -p www/basemaps target/basemaps
for other in data/fixtures/pacific.json "${stories[@]}"; do
  name=$(basename "$other" .json)
  ./target/debug/flowlines basemap --story "$other" --out "target/basemaps/$name.json" --bin "www/basemaps/$name.bin"
  # and its binary compact forms, which the map module reads (a JSON story would load the
  # second module to be turned into that form).
  ./target/debug/flowlines compact "$other" --out www/compact >/dev/null
done
# Those stories' static fallback (docs/new-story.md), www/static/<name>.png, drawn on their own
# basemap at their 'as of' date; each example's page (www/examples/<name>.html) shows its own.
for example in "${stories[@]}"; do
  name=$(basename "$example" .json)
  # `render --at` takes a day: a story's 'as of' given as a year or a month (as `convert` writes
  # it from a sheet counted by year or month) is drawn at that period's last day.
  at=$(node -e "const a = JSON.parse(require('fs').readFileSync('$example', 'utf8')).story.as_of;
    const [y, m] = a.split('-').map(Number);
    process.stdout.write(/^\d{4}(-\d{2})?$/.test(a) ? new Date(Date.UTC(y, m || 12, 0)).toISOString().slice(0, 10) : a)")
  ./target/debug/flowlines render "$example" --at "$at" --basemap "target/basemaps/$name.json" --out "www/static/$name.png" --width 1200 --height 630
done
node tools/build-manifest.mjs
