//! Keyboard access to the flows: where a flow chosen with the keyboard is shown, so the page can
//! highlight it and open its details next to it without pointing at it (the rules:
//! `flowlines_core::keyboard`).

use crate::FlowMap;
use flowlines_core::keyboard::{flow_anchor, keyboard_flows};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// Where flow `i`'s details should appear when it is chosen with the keyboard: `[x, y]`
    /// in CSS pixels, the middle of its route as drawn (where its `?` mark sits), or the point
    /// of the route nearest the middle that is on screen when the map is zoomed; empty for no
    /// such flow.
    pub fn flow_anchor(&self, i: usize) -> Vec<f32> {
        flow_anchor(&self.scene, i).map_or_else(Vec::new, |(x, y)| vec![x, y])
    }

    /// The flows the keyboard steps through: those drawn at the current day with the current
    /// filters, in the story's order.
    pub fn visible_flows(&self) -> Vec<u32> {
        keyboard_flows(&self.scene)
            .into_iter()
            .map(|i| i as u32)
            .collect()
    }
}
