//! The view (zoom and pan) as numbers, so the page can keep it across a resize and in the
//! page's URL, and open a shared link at the same view.

use crate::FlowMap;
use flowlines_core::view::View;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The current view as `[k, tx, ty]`: zoom factor (1 for the fitted map) and shift in CSS
    /// pixels; a fitted point (x, y) is shown at (k·x + tx, k·y + ty).
    pub fn view(&self) -> Vec<f64> {
        let v = self.scene.view();
        vec![v.k, v.tx, v.ty]
    }

    /// Sets the view to zoom `k` and shift (`tx`, `ty`) CSS pixels, within the zoom limits and
    /// keeping the map in the viewport; non-finite numbers are ignored.
    pub fn set_view(&mut self, k: f64, tx: f64, ty: f64) {
        self.focus_inset(false);
        self.scene.set_view(View { k, tx, ty });
    }
}
