#!/usr/bin/env bash
# Copies d3-geo and the d3-array it needs (npm devDependencies) into www/bench/vendor/, so the
# plain-JavaScript reference page of the map benchmark loads only files of our own origin.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p www/bench/vendor
for pkg in d3-array d3-geo; do
  cp "node_modules/$pkg/dist/$pkg.min.js" "www/bench/vendor/$pkg.min.js"
  cp "node_modules/$pkg/LICENSE" "www/bench/vendor/$pkg.LICENSE"
done
