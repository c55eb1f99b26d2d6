//! The detail inset and the zoom controls' corner, as the core frames the map (see
//! `flowlines_core::frame`): the page places the controls and a second canvas where the core
//! says, and draws the inset with the same drawing code as the map.

use crate::FlowMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// Keeps a `width` by `height` CSS-pixel box for the zoom controls clear of the flows from
    /// the next `resize` on.
    pub fn set_controls_size(&mut self, width: f64, height: f64) {
        self.focus_inset(false);
        self.scene.set_controls_size(width, height);
    }

    /// The corner the zoom controls go to: `top-left`, `top-right`, `bottom-left` or
    /// `bottom-right`.
    pub fn controls_corner(&self) -> String {
        self.main().controls_corner().as_str().to_string()
    }

    /// Where the detail inset sits in the map, `[x, y, width, height]` in CSS pixels; empty
    /// when the map has none or is zoomed in (then the map shows the detail itself).
    pub fn inset_box(&self) -> Vec<f64> {
        let main = self.main();
        match main.inset().filter(|_| main.inset_shown()) {
            Some(i) => vec![i.rect.x, i.rect.y, i.rect.width, i.rect.height],
            None => Vec::new(),
        }
    }

    /// The outline on the map of the region the inset details, x, y pairs in CSS pixels (a
    /// closed ring); empty when the inset is not shown.
    pub fn inset_outline(&self) -> Vec<f32> {
        self.main().inset_outline()
    }

    /// Points the drawing columns (`place_xy`, `frame_columns`, `basemap_columns`,
    /// `place_labels`...) and `hit` at the inset (`true`) or back at the map (`false`), in the
    /// inset's own pixels; returns whether the inset is shown. Everything that changes the map
    /// (day, filters, view, size) points back at the map first and changes both.
    pub fn focus_inset(&mut self, on: bool) -> bool {
        let shown = self.main().inset_shown() && self.inset.is_some();
        let on = on && shown;
        if on != self.inset_focused {
            if let Some(inset) = self.inset.as_mut() {
                std::mem::swap(&mut self.scene, inset);
                self.inset_focused = on;
            }
        }
        shown
    }
}

impl FlowMap {
    /// The main map's scene, whichever scene the drawing columns point at.
    pub(crate) fn main(&self) -> &flowlines_core::scene::Scene {
        match (&self.inset, self.inset_focused) {
            (Some(inset), true) => inset,
            _ => &self.scene,
        }
    }

    /// Makes the inset again after the map was framed anew (a resize).
    pub(crate) fn remake_inset(&mut self) {
        self.focus_inset(false);
        self.inset = self.scene.inset_scene();
    }

    /// Applies `change` to the map and to its inset; returns whether either says it changed.
    pub(crate) fn on_both(
        &mut self,
        mut change: impl FnMut(&mut flowlines_core::scene::Scene) -> bool,
    ) -> bool {
        self.focus_inset(false);
        let a = change(&mut self.scene);
        let b = self.inset.as_mut().is_some_and(&mut change);
        a || b
    }
}
