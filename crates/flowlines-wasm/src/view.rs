//! The view (zoom and pan) as numbers, so the page can keep it across a resize and in the
//! page's URL, and open a shared link at the same view.

use crate::FlowMap;
use flowlines_core::view::View;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The current view as shares of the map's viewport: `[k, cx, cy]`, the zoom factor and the
    /// fitted point at the centre as shares of the width and height (`View::to_shares`). The
    /// page keeps it across a resize and writes it into a shared link.
    pub fn view_shares(&self) -> Vec<f64> {
        let main = self.main();
        let (width, height) = main.size();
        main.view().to_shares(width, height).to_vec()
    }

    /// Sets the view from shares `[k, cx, cy]` of the map's viewport, as `view_shares` gave
    /// them (perhaps in a viewport of another size), within the zoom limits and keeping the map
    /// in the viewport; non-finite numbers are ignored.
    pub fn set_view_shares(&mut self, k: f64, cx: f64, cy: f64) {
        self.focus_inset(false);
        let (width, height) = self.scene.size();
        self.scene
            .set_view(View::from_shares([k, cx, cy], width, height));
    }
}
