//! The map's state for the page's second module: what it shows now (day, size, zoom and pan,
//! filters), so that a chart or a download drawn there shows the same.

use crate::{to_js, FlowMap};
use flowlines_core::map_state::MapState;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// What the map shows now: `{day, size: [width, height], view: [k, tx, ty],
    /// hidden_categories, hidden_confidences}`, for `Extras.set_state`.
    pub fn state(&self) -> Result<JsValue, JsError> {
        to_js(&MapState::of(&self.scene))
    }
}
