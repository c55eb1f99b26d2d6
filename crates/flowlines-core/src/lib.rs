//! flowlines-core: everything flowlines computes, in pure Rust with no web dependency.
//!
//! Data flows one way: a data file is parsed ([`parse`]) into a [`model::Story`], checked
//! ([`validate`]), evaluated at a moment ([`series`], [`totals`]), laid out along routes
//! ([`route`]) and projected ([`projection`]) into ready-to-draw columns ([`scene`]).

/// The Lambert azimuthal equal-area projection, for extents a conic cannot draw well.
pub mod azimuthal;
/// Land, borders and coasts of the region (Natural Earth), projected for drawing.
pub mod basemap;
/// Lines made of shared pieces, each kept once: the compact basemap's arcs.
mod basemap_arcs;
/// Places grouped by zoom and flows summed between groups, for stories too large to show.
pub mod cluster;
/// The compact form of a story the page reads: its texts in one language and English.
pub mod compact;
/// The basemap's compact binary form (`basemap.bin`), coordinates on the 0.02° grid.
pub mod compact_basemap;
/// The binary compact story read back by hand, for the page's weight.
mod compact_reader;
/// The credit lines every exported image carries: the sources its visible flows cite.
pub mod credits;
/// Which places crowd each other on a map: the groups the detail inset is chosen from.
pub mod crowded;
/// Dates as precise as a source gives them, and periods between two such dates.
pub mod date;
/// A date's text held inside the date, without an allocation.
mod date_text;
/// Numbers written in decimal from a float's bits, without Rust's float formatting.
pub mod decimal;
/// What a reader is told about a flow or a place they point at, as plain text.
pub mod details;
/// Problems found in a data file, each located as `file:line:column: message`.
pub mod diagnostic;
/// Anti-aliased disc coverage at every sub-pixel position (from `flowlines-raster`).
pub use flowlines_raster::disc_stamp;
/// How a stream looks at a moment: width on its unit's scale, line style, marks.
pub mod encoding;
/// The part of the globe a story's map can show, as its basemap is clipped.
pub mod extent;
/// A figure written for readers: qualifier, number at its readings' precision, counted unit.
pub mod figure;
/// The map's frame: flows fitted to the viewport, a detail inset, the controls' corner.
pub mod frame;
/// A validated story handed from the thread that read it to the one that draws it.
pub mod handover;
/// Which place or flow is under a point of the map.
pub mod hit;
/// Generators of hostile or merely large stories, for tests that reading stays linear.
pub mod hostile;
/// The map's words in English, Korean, Ukrainian and Russian, and numbers and dates in each.
pub mod i18n;
/// Keyboard access to the flows: the order they are stepped through, where each is shown.
pub mod keyboard;
/// Place labels placed greedily clear of each other, the dots and obstacles.
pub mod labels;
/// What a click on the legend's confidence rows shows or hides (proposed goes with denied).
pub mod legend_toggle;
/// How each line style and mark looks, in every renderer: dashes, mark bits, radii.
pub mod line_style;
/// What a live map shows at a moment (day, size, view, filters, colours) as plain data.
pub mod map_state;
/// The data model of a flow story: places, routes, streams, observations, sources.
pub mod model;
/// Whether two sets of points either side of a line come within a distance of each other.
pub mod near_pair;
/// Sorting by a number key, with one compiled sort for the whole core.
pub mod order;
/// Readers from data files (JSON, CSV, GeoJSON, sheets, FlowmapBlue), problems located.
pub mod parse;
/// The moving particles: which streams carry them, how many, how fast, and thinning.
pub mod particles;
/// A rectangle of a raster's pixels: what a frame clears and puts (from `flowlines-raster`).
pub use flowlines_raster::pixel_rect;
/// CLDR cardinal plural rules for English, Korean, Ukrainian and Russian.
pub mod plural;
/// Paths in pixels: lengths and positions along a route, clipping, dashes and dots.
pub mod polyline;
/// Map projections (Albers conic, azimuthal) with inverses, fitted to a viewport in CSS px.
pub mod projection;
/// Which projection a story is drawn in, chosen from its places and routes.
pub mod projection_choice;
/// A quote checked word for word against the line of the document it comes from.
pub mod quotes;
/// Particles rasterised straight into an RGBA pixel buffer (from `flowlines-raster`).
pub use flowlines_raster::raster;
/// The editor's sign-off sheet: every figure as the map shows it, with its source.
pub mod review;
/// Great circles through a stream's endpoints and waypoints, densified to stay curved.
pub mod route;
/// Ready-to-draw columns for the live map: places, routes, arrowheads and particles.
pub mod scene;
/// A stream's quantity and rate at any moment, from its observations.
pub mod series;
/// Which URLs a map may load its story and basemap from.
pub mod source;
/// Guided steps: a story's tour, told one moment at a time.
pub mod steps;
/// Anti-aliased strokes and fills into a coverage mask (from `flowlines-raster`).
pub use flowlines_raster::stroke_mask;
/// Colours the map draws with: one per category, from a colour-blind-safe palette.
pub mod style;
/// What the map shows at its current day, in one short text for readers who cannot see it.
pub mod summary;
/// Synthetic stories of any size, reproducible from a seed, for benchmarks.
pub mod synthetic;
/// The data table's rows: each visible flow's figure, sources and sanctions, as text.
pub mod table;
/// What the unit tests of several modules share.
#[cfg(test)]
mod test_support;
/// Texts searched and joined by hand, without the standard library's generic code for it.
pub mod text;
/// The timeline's events: where each falls and how precisely its date is written.
pub mod timeline;
/// Every stream's route in one flat `f32` buffer, for placing particles each frame (from
/// `flowlines-raster`).
pub use flowlines_raster::tracks;
/// Totals per stream, per place and per category, at a moment or over a window.
pub mod totals;
/// Sine and cosine for the map's angles, without libm's reduction of huge arguments (wasm).
pub mod trig;
/// Angles brought within one turn, without `fmod`.
pub mod turn;
/// Checks a whole story and returns every problem at once.
pub mod validate;
/// Zoom and pan over the fitted projection, with the limits a reader expects.
pub mod view;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Story;
