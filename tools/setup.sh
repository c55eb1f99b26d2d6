#!/usr/bin/env bash
# Installs whatever flowlines needs that is missing, from crates.io, npm and Debian's packages
# only; does nothing (quickly) when everything is there. Run by `make serve` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Browsers, their drivers and the fonts the pages and static images need, from Debian.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
# WebKitGTK (Safari's engine) for tests/webkit.test.mjs: its WebDriver and MiniBrowser, which
# has no headless mode and so draws on a virtual X display.
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Rust target and components.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# wasm-bindgen-cli at exactly the version in Cargo.lock (plain --version: --locked fails for
# 0.2.130 because a locked dependency is missing from the registry), wasm-pack and geckodriver.
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  echo "setup: installing wasm-bindgen-cli $wbg from crates.io"
  cargo install -q wasm-bindgen-cli --version "$wbg" --force
fi
command -v wasm-pack >/dev/null || { echo "setup: installing wasm-pack from crates.io"; cargo install -q wasm-pack; }
command -v geckodriver >/dev/null || { echo "setup: installing geckodriver from crates.io"; cargo install -q geckodriver; }

# npm packages (playwright-core for the browser tests, binaryen for wasm-opt, world-atlas for
# the basemap tool, terser and csso for the published package) from the lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/world-atlas ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
