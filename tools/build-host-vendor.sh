#!/usr/bin/env bash
# Copies the resize scripts newsrooms' host pages run (npm devDependencies: pym.js and
# @newswire/frames) into www/examples/vendor/, so the browser tests embed the map under them
# from our own server (tests/hosts.test.mjs). Not part of the map.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p www/examples/vendor
cp node_modules/pym.js/dist/pym.v1.min.js www/examples/vendor/pym.v1.min.js
cp node_modules/pym.js/LICENSE www/examples/vendor/pym.LICENSE
cp node_modules/@newswire/frames/dist/frames.module.js www/examples/vendor/frames.module.js
cp node_modules/@newswire/frames/LICENSE www/examples/vendor/frames.LICENSE
