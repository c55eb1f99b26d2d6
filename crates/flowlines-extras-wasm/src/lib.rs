//! The second WebAssembly module of flowlines' page: what a reader may never use, loaded only
//! when first needed, so that the map module every reader loads stays small.
//!
//! One handle, [`Extras`], holds its own [`Scene`] of the same story the map shows, read again
//! from the same text with the located reader. Before it draws, the page gives it the map's
//! state ([`Extras::set_state`] with `FlowMap.state()`), so that the charts' cursor and every
//! download show what the reader sees. It draws the charts (through `flowlines-chart` on a
//! canvas), writes the SVG and CSV downloads, and lists every problem of a broken story as
//! `file:line:column: message` ([`Extras::problems`]). In the page's story worker it reads a
//! large story off the main thread ([`Extras::pack`]). Errors cross as JS `Error`s with their
//! reason; no function here panics on any input.

/// plotters' `DrawingBackend` over a canvas 2D context.
mod canvas_backend;
/// The charts under the map, drawn on a canvas, and the lookups linking them to the timeline.
mod charts;
/// Downloads: the current view as the static map's SVG, and its data as CSV.
mod export;

use flowlines_chart::chart::{ChartLayout, Palette};
use flowlines_core::basemap::Basemap;
use flowlines_core::compact::{binary_story, is_binary, read_binary};
use flowlines_core::handover::pack;
use flowlines_core::map_state::MapState;
use flowlines_core::parse::{load_json_in_page, read_plain_bytes};
use flowlines_core::scene::Scene;
use serde::Serialize;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated: the charts and downloads write every language from the
/// core's built-in catalogue, where the map module reads the reader's language from a words
/// file (`flowlines_core::i18n::read_words`).
#[wasm_bindgen(start)]
pub fn start() {
    flowlines_core::i18n::use_built_in_words();
}

/// Converts a value to a plain JS object (maps as objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The charts and downloads of one map, over its own scene of the map's story.
#[wasm_bindgen]
pub struct Extras {
    pub(crate) scene: Scene,
    /// The colours charts are drawn in: the page's light or dark theme.
    pub(crate) palette: Palette,
    /// Where everything went on the last chart drawn of each category, by category id.
    pub(crate) layouts: HashMap<String, ChartLayout>,
}

#[wasm_bindgen]
impl Extras {
    /// Reads and validates `bytes` (the file of the story the map shows, at most 10 MiB): the
    /// binary compact form as the map module reads it, or JSON with the located reader; `file`
    /// names it in error messages. Throws an `Error` listing every problem, one
    /// `file:line:column: message` per line (the binary form's first problem, unlocated).
    #[wasm_bindgen(constructor)]
    pub fn new(file: &str, bytes: &[u8]) -> Result<Extras, JsError> {
        let story = if is_binary(bytes) {
            read_binary(bytes).map_err(|e| JsError::new(&format!("{file}: {e}")))?
        } else {
            let text = String::from_utf8_lossy(bytes);
            load_json_in_page(file, &text).map_err(|d| JsError::new(&d.to_string()))?
        };
        Ok(Extras {
            scene: Scene::new(story),
            palette: Palette::LIGHT,
            layouts: HashMap::new(),
        })
    }

    /// Every problem in `text` as `file:line:column: message` strings; empty when valid.
    pub fn problems(file: &str, text: &str) -> Vec<String> {
        match load_json_in_page(file, text) {
            Ok(_) => Vec::new(),
            Err(d) => d.0.iter().map(ToString::to_string).collect(),
        }
    }

    /// Reads and validates a story file's bytes as [`Extras::binary`] does (the same stories
    /// read, the same first problem), then packs the story in parts
    /// (`flowlines_core::handover::pack`) for the map module to read back one part per task
    /// (`StoryParts`). The page's story worker (`www/js/story-worker.js`) calls it, off the main
    /// thread, for a large story. Throws an `Error` saying the first problem, named by `file`.
    pub fn pack(file: &str, bytes: &[u8]) -> Result<Vec<u8>, JsError> {
        let fail = |e: String| JsError::new(&format!("{file}: {e}"));
        let story = if is_binary(bytes) {
            read_binary(bytes)
        } else {
            read_plain_bytes(bytes)
        };
        pack(story.map_err(|e| fail(e.to_string()))?).map_err(fail)
    }

    /// A story file's bytes (JSON, or the binary compact form) read and validated, in the
    /// binary compact form, every language kept, which `FlowMap.from_validated_bytes` reads:
    /// the page asks for it for any story but one of the build's own, found unchanged (a
    /// host's own JSON or compact file). JSON is read with the plain reader. Throws an `Error`
    /// saying the first problem, named by `file` (the page then lists every problem with
    /// [`Extras::problems`]).
    pub fn binary(file: &str, bytes: &[u8]) -> Result<Vec<u8>, JsError> {
        let fail = |e: String| JsError::new(&format!("{file}: {e}"));
        if is_binary(bytes) {
            read_binary(bytes).map_err(|e| fail(e.to_string()))?;
            return Ok(bytes.to_vec());
        }
        let story = read_plain_bytes(bytes).map_err(|e| fail(e.to_string()))?;
        binary_story(&story).map_err(|e| fail(e.to_string()))
    }

    /// The compact form (`basemap.bin`) of a basemap file's bytes in either form, which
    /// `FlowMap.set_basemap_bytes` reads: the page asks for it when a host names a JSON basemap.
    /// Coordinates are kept to 0.02°, as `flowlines basemap --bin` keeps them. Throws when the
    /// bytes are neither form.
    pub fn compact_basemap(bytes: &[u8]) -> Result<Vec<u8>, JsError> {
        let fail =
            |e: flowlines_core::basemap::BasemapError| JsError::new(&format!("basemap: {e}"));
        Basemap::from_bytes(bytes)
            .map_err(fail)?
            .to_compact()
            .map_err(fail)
    }

    /// Loads the basemap the SVG download draws, from the file's bytes (compact or JSON);
    /// throws when it is neither.
    pub fn set_basemap(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        let b = Basemap::from_bytes(bytes).map_err(|e| JsError::new(&format!("basemap: {e}")))?;
        self.scene.set_basemap(b);
        Ok(())
    }

    /// Shows what the map shows: `state` is `FlowMap.state()` (day, size, zoom and pan,
    /// filters). Throws when it is not such an object.
    pub fn set_state(&mut self, state: JsValue) -> Result<(), JsError> {
        let state: MapState =
            serde_wasm_bindgen::from_value(state).map_err(|e| JsError::new(&e.to_string()))?;
        state.apply(&mut self.scene);
        Ok(())
    }
}
