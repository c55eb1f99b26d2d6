#!/usr/bin/env bash
# Builds the optimised wasm module into www/pkg/ and prints its weight, raw and gzipped.
# wasm-opt comes from the npm package binaryen (Debian's is too old for wasm-bindgen 0.2.130).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Optimised for size: measured here, "z" makes the module 7 % smaller gzipped than the
# workspace's "s" (318 KB against 342 KB) with the same frame times in `make bench-map`; native
# builds and benchmarks keep "s".
# The core alone is compiled with opt-level 3 (Cargo.toml's [profile.release.package]); the page's
# module uses WebAssembly SIMD (simd128: Chrome 91+, Firefox 89+, Safari 16.4+), which the
# particle rasteriser's 8-pixel blends compile to.
# wasm-bindgen's TypeScript declarations (flowlines_wasm.d.ts) are kept for the npm package
# (tools/build-package.sh); the page never fetches them and the manifest leaves them out.
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128" \
CARGO_PROFILE_RELEASE_OPT_LEVEL=z wasm-pack --quiet build crates/flowlines-wasm --release --target web --out-dir ../../www/pkg --no-pack
wasm=www/pkg/flowlines_wasm_bg.wasm
before=$(stat -c %s "$wasm")
wasm-opt -Oz "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js=$(gzip -9 -c www/pkg/flowlines_wasm.js | wc -c)
printf 'wasm: %s bytes raw (%s before wasm-opt), %s bytes gzipped; glue JS %s bytes gzipped\n' "$raw" "$before" "$gz" "$js"
