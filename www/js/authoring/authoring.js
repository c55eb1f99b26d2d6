// The authoring module (crates/flowlines-authoring-wasm): a reporter's files read and validated
// in the browser, and the story written as our JSON. Only new.html loads it, so the readers of
// flow sheets, GeoJSON places and CSV tables never weigh on the embed (tests/weight.test.mjs).
import { versioned } from '../versioned.js';

const GLUE = '../../pkg/flowlines_authoring_wasm.js';
const WASM = new URL('../../pkg/flowlines_authoring_wasm_bg.wasm', import.meta.url);
let module;

/** The module's exports (`read_files`, `is_read`, `ui_text`), loaded once per page. */
export function loadAuthoring() {
  module ??= Promise.all([import(GLUE), versioned(WASM)])
    .then(async ([glue, url]) => { await glue.default({ module_or_path: url }); return glue; });
  return module;
}
