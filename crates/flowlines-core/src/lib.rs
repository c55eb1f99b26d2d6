//! flowlines-core: everything flowlines computes, in pure Rust with no web dependency.
//!
//! Data flows one way: a data file is parsed ([`parse`]) into a [`model::Story`], checked
//! ([`validate`]), evaluated at a moment ([`series`], [`totals`]), laid out along routes
//! ([`route`]) and projected ([`projection`]) into ready-to-draw columns ([`scene`]).

pub mod azimuthal;
pub mod basemap;
pub mod cluster;
pub mod compact;
pub mod compact_basemap;
pub mod date;
pub mod details;
pub mod diagnostic;
pub use flowlines_raster::disc_stamp;
pub mod encoding;
pub mod extent;
pub mod figure;
pub mod frame;
pub mod handover;
pub mod hit;
pub mod hostile;
pub mod i18n;
pub mod keyboard;
pub mod labels;
pub mod legend_toggle;
pub mod map_state;
pub mod model;
pub mod parse;
pub mod particles;
pub mod plural;
pub mod polyline;
pub mod projection;
pub mod projection_choice;
pub mod quotes;
pub use flowlines_raster::raster;
pub mod review;
pub mod route;
pub mod scene;
pub mod series;
pub mod source;
pub mod steps;
pub use flowlines_raster::stroke_mask;
pub mod style;
pub mod summary;
pub mod synthetic;
pub mod table;
#[cfg(test)]
mod test_support;
pub mod timeline;
pub mod totals;
pub mod validate;
pub mod view;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Story;
