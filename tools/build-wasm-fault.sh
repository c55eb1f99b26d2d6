#!/usr/bin/env bash
# Builds the test-only wasm module with the cargo feature `fault` (crates/flowlines-wasm/src/fault.rs:
# a story with the id "fault-panic-in-frame" panics in its animation loop) into target/pkg-fault/,
# outside www/, so that nothing deployed can panic on demand. tests/panic.test.mjs serves it in
# place of www/pkg/. A debug build: only the wasm crate compiles again (wasm-pack test built
# its dependencies), and a test needs no speed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
wasm-pack --quiet build crates/flowlines-wasm --dev --target web --out-dir ../../target/pkg-fault --no-typescript --no-pack -- --features fault
