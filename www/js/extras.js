// The page's second wasm module (crates/flowlines-extras-wasm): the charts, the SVG and CSV
// downloads, and the reader that locates every problem of a broken story. Every reader loads
// the map module; this one is fetched only the first time something needs it (the charts
// nearing the viewport, a download, a story that does not read).
import { versioned } from './versioned.js';

const GLUE = '../pkg/flowlines_extras_wasm.js';
const WASM = new URL('../pkg/flowlines_extras_wasm_bg.wasm', import.meta.url);
let module;

/** The module's exports (`Extras`), loaded once per page. */
function load() {
  module ??= Promise.all([import(GLUE), versioned(WASM)])
    .then(async ([glue, url]) => { await glue.default({ module_or_path: url }); return glue; });
  return module;
}

/** The second module's wasm URL, versioned: the story worker loads the module from it. */
export function extrasWasm() {
  return versioned(WASM);
}

/**
 * Every problem of the story `text` (named `file`) as `file:line:column: message` lines, from
 * the located reader; empty when it reads.
 */
export async function problems(file, text) {
  const { Extras } = await load();
  return Extras.problems(file, text);
}

/**
 * The extras of one map: `get()` resolves to an `Extras` handle over the same story (`text()`
 * gives its text; named `file`) and basemap `basemap` (its file's bytes, or null), made on
 * first call;
 * `synced()` to the same handle after it was given what `map` shows now (day, size, zoom,
 * filters), which is what a chart's cursor and a download must show.
 */
export function extrasOf(map, { file, text, basemap }) {
  let handle;
  const get = () => {
    handle ??= load().then(({ Extras }) => {
      const extras = new Extras(file, text());
      if (basemap) extras.set_basemap(basemap);
      return extras;
    });
    return handle;
  };
  return {
    get,
    sync(extras) { extras.set_state(map.state()); return extras; },
    async synced() { return this.sync(await get()); },
  };
}
