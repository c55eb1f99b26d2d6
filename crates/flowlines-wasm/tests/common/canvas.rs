//! What the browser tests of both wasm crates share (this file is included by
//! `flowlines-wasm/tests/web.rs` and `flowlines-extras-wasm/tests/charts.rs` with `#[path]`): a
//! real canvas in the test page to draw on and read back.
#![allow(clippy::unwrap_used, dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A `width` by `height` canvas (device pixels) added to the test page, and its 2D context.
pub fn canvas(width: u32, height: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    (canvas, ctx)
}
