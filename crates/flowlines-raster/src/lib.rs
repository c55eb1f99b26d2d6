//! flowlines-raster: the per-frame hot path of the live map, in pure Rust.
//!
//! Each frame places every moving particle along its route ([`particles::place_all`], walking
//! each stream's [`tracks::Track`] from one particle to the next) and rasterises them as
//! anti-aliased discs into an RGBA buffer ([`raster::Raster`], from precomputed coverage
//! stamps, [`disc_stamp`], blended in integers 4 pixels at a time, only where a disc covers); a
//! dense map's static layer is stroked into coverage masks ([`stroke_mask`]). It is a crate of
//! its own so that the workspace compiles it alone at opt-level 3
//! (`[profile.release.package.flowlines-raster]`): the page's WebAssembly is otherwise compiled
//! for size, and this is where speed pays. `flowlines-core` re-exports each module under its
//! own name.

/// A frame's discs in the order of the raster's bands of rows, so that drawing them walks the
/// pixels a band at a time.
pub mod bands;
/// One colour laid over pixels through a coverage mask, four pixels at a time (SIMD).
mod blend;
/// How much of a pixel a stroke or a triangle covers, eight cells at a time (SIMD).
mod cover;
/// Anti-aliased disc coverage at every sub-pixel position, so a particle is a table lookup.
pub mod disc_stamp;
/// Dotted lines of round dots into a coverage mask: the outlines of assumed routes.
pub mod dotted_line;
/// One flow's line stroked as a canvas strokes it, solid or dashed, and laid on its own.
pub mod flow_line;
/// Each frame's particles along their routes, and their discs drawn into a raster.
pub mod particles;
/// A rectangle of a raster's pixels: where a frame's particles fall, what is cleared and put.
pub mod pixel_rect;
/// A projected path in pixels with its running length, to place things along it.
pub mod polyline;
/// Particles rasterised straight into an RGBA pixel buffer shown with one `putImageData`.
pub mod raster;
/// Anti-aliased strokes and fills into a coverage mask, laid over a buffer in one colour.
pub mod stroke_mask;
/// Every stream's route in one flat `f32` buffer, for placing particles each frame.
pub mod tracks;
/// A number held between bounds worked out at run time, without `f64::clamp`'s check.
pub mod within;
