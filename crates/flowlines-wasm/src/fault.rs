//! Fault injection for the browser test of a panic (tests/panic.test.mjs), compiled only with
//! the cargo feature `fault`: tools/build-wasm-fault.sh builds that module into
//! `target/pkg-fault/`, outside `www/`, and the test serves it in place of the page's. The
//! shipped module (tools/build-wasm.sh, no such feature) has no way to panic on demand.
//!
//! A map whose story's id is [`PANIC_IN_FRAME`] panics in its animation loop, once the
//! animation clock passes [`AFTER_S`]: a real Rust panic in a real wasm call of one map, so the
//! test sees what a reader would, the panic hook's message and one map failing while the other
//! keeps running on the same module.

use flowlines_core::scene::Scene;

/// The story id that makes a map panic in `frame`.
pub(crate) const PANIC_IN_FRAME: &str = "fault-panic-in-frame";

/// Seconds of animation before the panic: the map has drawn and is running by then.
const AFTER_S: f64 = 0.5;

/// Panics when `scene`'s story asks for it and the clock has passed [`AFTER_S`].
#[allow(clippy::panic)] // the one purpose of this test-only module
pub(crate) fn maybe_panic(scene: &Scene, clock_s: f64) {
    if clock_s > AFTER_S && scene.story().story.id == PANIC_IN_FRAME {
        panic!("fault injected by the `fault` feature: story {PANIC_IN_FRAME} panics in frame");
    }
}
