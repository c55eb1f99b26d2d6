# flowlines: two commands do everything on a fresh machine.
#   make serve   installs what is missing, builds, serves the default map on http://127.0.0.1:8000/
#   make test    installs what is missing and runs every test
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8000

.PHONY: all setup build serve test test-rust test-wasm test-e2e lint bench

all: build

setup:
	@bash tools/setup.sh

build: setup
	@bash tools/build-wasm.sh
	@bash tools/build-static.sh
	@bash tools/build-bench.sh
	@bash tools/build-host-vendor.sh

serve: build
	node tools/serve.mjs $(PORT)

lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items

test-rust: setup
	cargo test --workspace

# The map module's tests build with simd128, as tools/build-wasm.sh builds the page's modules:
# the SIMD paths they run are the ones that ship.
test-wasm: setup
	cd crates/flowlines-wasm && RUSTFLAGS="-C target-feature=+simd128" wasm-pack test --headless --chrome -- --features csv,testing
	cd crates/flowlines-wasm && RUSTFLAGS="-C target-feature=+simd128" wasm-pack test --headless --firefox -- --features csv,testing
	cd crates/flowlines-extras-wasm && wasm-pack test --headless --chrome
	cd crates/flowlines-extras-wasm && wasm-pack test --headless --firefox

test-e2e: build
	@bash tools/build-wasm-fault.sh
	node --test --test-concurrency=1 tests/

test: lint test-rust test-wasm test-e2e

bench: setup
	cargo bench -p flowlines-core

# The map benchmark, headless in Chromium at 1,000 / 10,000 / 100,000 flows: the plain-JavaScript
# reference (www/bench/reference.html) and our map (www/bench.html), side by side.
# BENCH_ARGS passes options on, e.g. make bench-map BENCH_ARGS="--json --thinning=on".
.PHONY: bench-map
bench-map: build
	node tools/bench.mjs $(BENCH_ARGS)

# What an embed weighs: everything the published package's embed.html (what a newsroom serves,
# scripts minified) fetches in headless Chromium, raw and gzipped; then the same page from www/.
.PHONY: weight
weight: build
	@bash tools/build-package.sh > /dev/null
	node tools/weight.mjs

# The npm package (npm/package.json) in target/npm/flowlines/, with the sha384 of each file for
# subresource integrity; `cd target/npm/flowlines && npm pack` makes the tarball (docs/npm.md).
.PHONY: package
package: build
	bash tools/build-package.sh

# Soak (not CI): the default story playing for 10 minutes with tooltips and the timeline moved
# by a script, then the 10,000-flow benchmark for 10 minutes; prints JS heap, wasm memory and
# frame rate at 1 and 10 minutes.
.PHONY: soak
soak: build
	node tools/soak.mjs

# Fuzzing (not CI, needs `rustup toolchain install nightly` and `cargo install cargo-fuzz`):
# the readers (JSON, CSV, FlowmapBlue's sheets, the binary compact story) 10 million runs each,
# the scene and static map, and the map module's unvalidated reader with the map it makes, 1
# million, seeded from data/. FUZZ_RUNS_READER, FUZZ_RUNS_SCENE,
# FUZZ_MAX_SECONDS (each target) and FUZZ_TARGETS (which of json, csv, sheets, binary, unvalidated, scene)
# override.
FUZZ_RUNS_READER ?= 10000000
FUZZ_RUNS_SCENE ?= 1000000
FUZZ_MAX_SECONDS ?= 7200
FUZZ_TARGETS ?= json csv sheets binary unvalidated scene
.PHONY: fuzz
fuzz:
	bash tools/fuzz.sh $(FUZZ_RUNS_READER) $(FUZZ_RUNS_SCENE) $(FUZZ_MAX_SECONDS) "$(FUZZ_TARGETS)"

# How the page reads the largest story it accepts (10 MiB) in its story worker: each main-thread
# task of the read (one per part), the long tasks around them, and the old one-task read.
.PHONY: parse-bench
parse-bench: build
	node tools/parse-bench.mjs
