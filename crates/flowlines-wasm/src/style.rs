//! The core's table of line styles, mark bits, colours and radii, handed to the page once.

use crate::FlowMap;
use wasm_bindgen::prelude::*;

/// The core's table (`flowlines_core::line_style::table`) as JSON, written once from it and
/// checked against it by `cargo test` (`line_style::tests`, which rewrites it with
/// `UPDATE_GOLDEN=1`): the page parses the text, where building the object in the module took
/// its Serialize code and serde-wasm-bindgen's writer for it, 1.0 KB of every reader's download
/// (gzipped, 6 December 2026).
const TABLE_JSON: &str = include_str!("style_table.json");

#[wasm_bindgen]
impl FlowMap {
    /// The look of the map's lines and dots as a plain object (`flowlines_core::line_style::table`):
    /// `styles` by line style code, each `{dash: {on, off} | null, round, alpha, arrowAlpha,
    /// width}` where a length is `{min, perWidth, plusWidth, plus}`; `marks` (the bits of
    /// `stream_marks` by name); `colors` (CSS hex); the outline's, band's and border's looks; the
    /// place dot's and badge's radii. The same for every map: read it once.
    pub fn style_table(&self) -> Result<JsValue, JsError> {
        js_sys::JSON::parse(TABLE_JSON).map_err(|_| JsError::new("the style table does not parse"))
    }
}
