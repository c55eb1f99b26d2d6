//! The core's table of line styles, mark bits, colours and radii, handed to the page once.

use crate::{to_js, FlowMap};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The look of the map's lines and dots as a plain object (`flowlines_core::line_style::table`):
    /// `styles` by line style code, each `{dash: {on, off} | null, round, alpha, arrowAlpha,
    /// width}` where a length is `{min, perWidth, plusWidth, plus}`; `marks` (the bits of
    /// `stream_marks` by name); `colors` (CSS hex); the outline's, band's and border's looks; the
    /// place dot's and badge's radii. The same for every map: read it once.
    pub fn style_table(&self) -> Result<JsValue, JsError> {
        to_js(&flowlines_core::line_style::table())
    }
}
