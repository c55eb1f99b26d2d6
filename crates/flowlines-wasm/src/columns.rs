//! The columns the page draws from, handed over in one object per redraw rather than one call
//! per column: the flows' routes, widths, styles, marks and arrowheads
//! ([`FlowMap::frame_columns`]), and the basemap's land, coasts and borders
//! ([`FlowMap::basemap_columns`]).
//!
//! Columns the scene keeps are handed over as views of the module's memory, not copies: a view
//! stays valid only until the next call into the map (a call that grows the memory detaches
//! it), so the page reads them at once, before it calls the map again. Columns computed for the
//! call (widths, styles, marks, whether shown, colours) are copied into the page's own arrays
//! (measured: kept on the map as views instead, the module weighed 110 bytes more gzipped).

use crate::FlowMap;
use flowlines_core::style::css;
use js_sys::{Float32Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Sets `object[key] = value` (which cannot fail on a plain object of our own).
fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// The module's memory as the page sees it (a `WebAssembly.Memory`'s current buffer).
fn buffer() -> JsValue {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
}

/// A view of `column` in the module's memory (`new Float32Array(memory.buffer, at, length)`,
/// as wasm-bindgen's guide shares a Rust column with JavaScript), valid until the next call
/// into the module. Rust keeps the column aligned to 4 bytes, as the view needs.
fn f32_view(column: &[f32]) -> JsValue {
    Float32Array::new_with_byte_offset_and_length(
        &buffer(),
        column.as_ptr() as usize as u32,
        column.len() as u32,
    )
    .into()
}

/// As [`f32_view`], for a column of whole numbers.
fn u32_view(column: &[u32]) -> JsValue {
    Uint32Array::new_with_byte_offset_and_length(
        &buffer(),
        column.as_ptr() as usize as u32,
        column.len() as u32,
    )
    .into()
}

#[wasm_bindgen]
impl FlowMap {
    /// How many flows the story has (drawn or not): the page draws a dense map's routes as
    /// pixels (`paint_routes`) rather than from the columns.
    pub fn flow_count(&self) -> usize {
        self.scene.route_offsets().len().saturating_sub(1)
    }

    /// What the page draws the flows from, in one object, read at once before the next call
    /// into the map (the views are then no longer valid):
    ///
    /// - `route_xy` (view): x, y in CSS pixels of every route point, flow after flow;
    /// - `route_offsets` (view): where each flow's route starts in `route_xy`, in points, plus
    ///   the total at the end (so `route_offsets.length - 1` flows);
    /// - `arrow_xy` (view): each flow's arrowhead, tip and two base corners (six numbers);
    /// - `mark_xy` (view): where each flow's unknown mark then dispute mark go (four numbers);
    /// - `widths` (copy): each flow's widths in CSS pixels, central, low, high (three numbers);
    /// - `styles` (copy): each flow's line style, 0 solid (confirmed), 1 dashed (reported),
    ///   2 dotted (claimed), 3 faint (proposed or denied);
    /// - `marks` (copy): each flow's marks as bit flags, 1 unknown, 2 disputed, 4 inferred
    ///   destination, 8 assumed route, 16 open-ended, 32 held from an older reading;
    /// - `visible` (copy): whether each flow is drawn at the current day with the current
    ///   filters (1 or 0);
    /// - `colors` (copy): each flow's colour as a CSS hex string (`#d55e00`), seven
    ///   characters a flow, one after another in one string: flow `i`'s is
    ///   `colors.slice(7 * i, 7 * i + 7)`.
    pub fn frame_columns(&self) -> Object {
        let styles = self.scene.styles();
        let widths: Vec<f32> = styles
            .iter()
            .flat_map(|s| [s.width as f32, s.width_low as f32, s.width_high as f32])
            .collect();
        let codes: Vec<u8> = styles.iter().map(|s| s.style.code()).collect();
        let marks: Vec<u8> = styles.iter().map(|s| s.marks).collect();
        let visible: Vec<u8> = styles.iter().map(|s| u8::from(s.visible)).collect();
        // One string, not an array of one a flow: two calls across the boundary, not two a
        // flow (5.6 -> 1.9 ms of a 1,000-flow page's first static layer, README, "7 December,
        // evening").
        let colors: String = self.scene.stream_color().iter().map(|&c| css(c)).collect();
        let out = Object::new();
        set(&out, "widths", &Float32Array::from(widths.as_slice()));
        set(&out, "styles", &Uint8Array::from(codes.as_slice()));
        set(&out, "marks", &Uint8Array::from(marks.as_slice()));
        set(&out, "visible", &Uint8Array::from(visible.as_slice()));
        set(&out, "colors", &JsValue::from_str(&colors));
        // The views last, after every allocation of this call.
        set(&out, "route_xy", &f32_view(self.scene.route_xy()));
        set(&out, "route_offsets", &u32_view(self.scene.route_offsets()));
        set(&out, "arrow_xy", &f32_view(self.scene.arrow_xy()));
        set(&out, "mark_xy", &f32_view(self.scene.mark_xy()));
        out
    }

    /// What the page draws the basemap from, in one object of views, read at once before the
    /// next call into the map: `land_xy` and `land_rings` (x, y in CSS pixels of every land
    /// ring's points, and where each ring starts, in points, plus the total), `coast_xy` and
    /// `coast_lines`, `border_xy` and `border_lines` (the same for coasts and borders).
    pub fn basemap_columns(&self) -> Object {
        let out = Object::new();
        let b = self.scene.basemap();
        set(&out, "land_xy", &f32_view(&b.land_xy));
        set(&out, "land_rings", &u32_view(&b.land_rings));
        set(&out, "coast_xy", &f32_view(&b.coast_xy));
        set(&out, "coast_lines", &u32_view(&b.coast_lines));
        set(&out, "border_xy", &f32_view(&b.border_xy));
        set(&out, "border_lines", &u32_view(&b.border_lines));
        out
    }
}
