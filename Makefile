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

serve: build
	node tools/serve.mjs $(PORT)

lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings

test-rust: setup
	cargo test --workspace

test-wasm: setup
	cd crates/flowlines-wasm && wasm-pack test --headless --chrome -- --features csv
	cd crates/flowlines-wasm && wasm-pack test --headless --firefox -- --features csv
	cd crates/flowlines-extras-wasm && wasm-pack test --headless --chrome
	cd crates/flowlines-extras-wasm && wasm-pack test --headless --firefox

test-e2e: build
	node --test --test-concurrency=1 tests/

test: lint test-rust test-wasm test-e2e

bench: setup
	cargo bench -p flowlines-core

# The map benchmark: www/bench.html headless in Chromium, 1,000 / 10,000 / 100,000 flows.
.PHONY: bench-map
bench-map: build
	node tools/bench.mjs

# What an embed weighs: everything www/embed.html fetches in headless Chromium, raw and gzipped.
.PHONY: weight
weight: build
	node tools/weight.mjs
