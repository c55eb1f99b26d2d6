// www/bench.html, our side of the map benchmark: what it asks for before its script runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preloadedModules, staticImports } from './module-graph.mjs';

test('bench.html preloads its script, every module that imports in turn and the map module', () => {
  // A module found only once its importer has arrived holds the first frame back by a round
  // trip: style-table.js, imported by static-layer.js, was asked for 62 ms after navigation
  // start and arrived at 85, and bench.js waited for it (1,000 flows, Chromium's trace).
  const wanted = staticImports(['/js/bench.js']);
  wanted.add('/pkg/flowlines_wasm.js'); // the first thing bench.js asks for, with `import()`
  assert.deepEqual(preloadedModules('bench.html').sort(), [...wanted].sort());
});
