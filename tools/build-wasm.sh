#!/usr/bin/env bash
# Builds the pages' three optimised wasm modules into www/pkg/ and prints the weight of each, raw
# and gzipped: the map module (crates/flowlines-wasm), which every reader loads; the extras
# module (crates/flowlines-extras-wasm: charts, SVG and CSV downloads, the located reader), which
# the page loads only when first needed; and the authoring module
# (crates/flowlines-authoring-wasm: flow sheets, GeoJSON places and CSV tables read in the
# browser, the JSON writer), which only the authoring page www/new.html loads.
# wasm-opt comes from the npm package binaryen (Debian's is too old for wasm-bindgen 0.2.130).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Optimised for size: measured here, "z" makes the module 7 % smaller gzipped than the
# workspace's "s" (318 KB against 342 KB) with the same frame times in `make bench-map`; native
# builds and benchmarks keep "s".
# The per-frame hot path alone (crates/flowlines-raster) is compiled with opt-level 3 (Cargo.toml's
# [profile.release.package]); everything else with "z". Both
# modules use WebAssembly SIMD (simd128: Chrome 91+, Firefox 89+, Safari 16.4+), which the
# particle rasteriser's 8-pixel blends compile to (the same flags for both, so that they share
# the compiled core).
# wasm-bindgen's TypeScript declarations (NAME.d.ts) are kept for the npm package
# (tools/build-package.sh); the page never fetches them and the manifest leaves them out.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128"

# build_module CRATE NAME: wasm-pack builds crates/CRATE into www/pkg/NAME.js and NAME_bg.wasm,
# then wasm-opt shrinks the wasm (wasm-pack's own wasm-opt is off in each crate's Cargo.toml).
# wasm-pack empties its out-dir, so each module is built in a folder of its own under target/
# and then copied into www/pkg/, next to the others.
build_module() {
  local crate=$1 name=$2
  shift 2 # any further arguments go to cargo (`--features ...`)
  local out="$PWD/target/wasm-pkg/$name"
  wasm-pack --quiet build "crates/$crate" --release --target web --out-dir "$out" --out-name "$name" --no-pack -- "$@"
  mkdir -p www/pkg
  cp "$out/$name"* www/pkg/
  # The glue without the Rust doc comments wasm-bindgen copies into it (NAME.d.ts keeps them).
  node tools/strip-glue-docs.mjs "www/pkg/$name.js"
  local wasm="www/pkg/${name}_bg.wasm"
  local before raw gz js
  before=$(stat -c %s "$wasm")
  # -Oz until it stops shrinking; the module's own memory starts zeroed (so zero data need not
  # be stored); the producers section names only the compilers. Together 1.4 KB gzipped off
  # the map module, measured on 2 December 2026. Rust puts the stack below the data (the stack
  # pointer starts at 1 MiB and the data there), so the first 1,024 bytes of memory are reached
  # only by a stack 1 MiB deep: `--low-memory-unused` lets the optimiser fold the address
  # arithmetic that assumes it (-1.8 KB gzipped off the map module, 5 December 2026).
  # Binaryen inlines every function with one caller whatever its size (`-ocimfs` -1 by
  # default): the set-up's passes became one 27.6 KB function (`FlowMap::of_story`) and each
  # export's shim held its body. Only those up to 10 bytes now (the first set-up and static
  # layer at 1,000 flows about 60 ms quicker, the map module 183,139 -> 166,195 bytes gzipped; README, Benchmarks, "Early
  # afternoon of 5 December"): V8 runs a function's first calls in baseline code and
  # compiles it again with its optimising compiler, on the machine's other core, once it has run
  # a while; it did so for those giant functions, which run once, and held up the compiling of
  # the hot ones (273 against 76 ms of optimising compiles before the first frame at 1,000
  # flows). The frame's disc stamp is inlined in Rust (`Raster::stamp`), where Binaryen used to
  # inline it.
  # Functions last put in the order of their names, so that a generic function's copies and a
  # module's functions sit side by side, where gzip's 32 KB window finds what they repeat:
  # 166,195 -> 164,409 bytes of the map module gzipped (the same code; by call count instead,
  # `--reorder-functions`, 168,958).
  # FRAME_PASSES (set for the two map modules below, split into flags on purpose) leaves
  # passes out for the frame's sake.
  wasm-opt -Oz --converge --zero-filled-memory --low-memory-unused --strip-producers --one-caller-inline-max-function-size=10 --reorder-functions-by-name ${FRAME_PASSES:-} "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  js=$(gzip -9 -c "www/pkg/$name.js" | wc -c)
  printf '%s: %s bytes raw (%s before wasm-opt), %s bytes gzipped; glue JS %s bytes gzipped\n' "$wasm" "$raw" "$before" "$gz" "$js"
}

# The map modules, whose code runs every frame, without wasm-opt's pass remove-unused-brs:
# with it, V8's code for the frame runs 5 % slower (6 December 2026, `node
# tools/frame-time.mjs --browser --paced`: 3.76 -> 3.56 ms at 10,000 flows, 34.9 -> 32.6 at
# 100,000), at 510 bytes more of the map module gzipped (the sRGB power in the core without
# libm's pow paid for them: 782 bytes less). README, Benchmarks, "6 December, evening".
FRAME_PASSES=--skip-pass=remove-unused-brs
build_module flowlines-wasm flowlines_wasm
# The map module with clustering (issue 14 item 6; crates/flowlines-core/src/cluster), for a
# page showing a story with more flows or places than a map can show (www/bench.html with
# cluster=on): kept apart, since it would add 12.5 KB gzipped to every reader's map module.
build_module flowlines-wasm flowlines_wasm_clusters --features clusters
FRAME_PASSES=
build_module flowlines-extras-wasm flowlines_extras_wasm
build_module flowlines-authoring-wasm flowlines_authoring_wasm
