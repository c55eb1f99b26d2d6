//! flowlines-raster: the per-frame hot path of the live map, in pure Rust.
//!
//! Each frame places every moving particle along its route ([`particles::place_all`], walking
//! each [`polyline::Polyline`] from one particle to the next) and rasterises them as
//! anti-aliased discs into an RGBA buffer ([`raster::Raster`], from precomputed coverage
//! stamps, [`disc_stamp`], blended in integers 4 pixels at a time, only where a disc covers); a
//! dense map's static layer is stroked into coverage masks ([`stroke_mask`]). It is a crate of
//! its own so that the workspace compiles it alone at opt-level 3
//! (`[profile.release.package.flowlines-raster]`): the page's WebAssembly is otherwise compiled
//! for size, and this is where speed pays. `flowlines-core` re-exports each module under its
//! own name.

pub mod disc_stamp;
pub mod particles;
pub mod polyline;
pub mod raster;
pub mod stroke_mask;
