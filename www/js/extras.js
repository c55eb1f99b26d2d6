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

/**
 * Every problem of the story `text` (named `file`) as `file:line:column: message` lines, from
 * the located reader; empty when it reads.
 */
export async function problems(file, text) {
  const { Extras } = await load();
  return Extras.problems(file, text);
}

/**
 * The story file `bytes` (named `file`, JSON or the binary compact form) read and validated, in
 * the binary compact form the map module reads; rejects with the first problem when it does
 * not read or is not valid.
 */
export async function binaryOf(file, bytes) {
  const { Extras } = await load();
  return Extras.binary(file, bytes);
}

/**
 * The basemap file `bytes` (JSON or compact) in the compact form the map module reads; rejects
 * when it is neither.
 */
export async function compactBasemapOf(bytes) {
  const { Extras } = await load();
  return Extras.compact_basemap(bytes);
}

/**
 * The extras of one map: `get()` resolves to an `Extras` handle over the same story (`bytes`,
 * its file's bytes, in the binary compact form or JSON; named `file`) and basemap `basemap`
 * (its file's bytes, or null), made on first call;
 * `synced()` to the same handle after it was given what `map` shows now (day, size, zoom,
 * filters), which is what a chart's cursor and a download must show.
 */
export function extrasOf(map, { file, bytes, basemap }) {
  let handle;
  const get = () => {
    handle ??= load().then(({ Extras }) => {
      const extras = new Extras(file, bytes);
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
