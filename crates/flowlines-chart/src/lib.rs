//! flowlines-chart: the charts of a story over time and its static map, drawn through plotters'
//! `DrawingBackend`, so one drawing code writes SVG natively and Canvas in the page.

/// Charts of a category's running totals over time, one panel per unit.
pub mod chart;
/// The static map of a story at one date, with its legend, caveat, sources and credit.
pub mod map;
/// What the map and the charts draw with: colours, transforms, a painter, text measuring.
mod paint;
/// A backend that draws nothing and records every call, for tests that count what was drawn
/// (only with the feature `testing`, which this crate's own tests turn on).
#[cfg(feature = "testing")]
pub mod recording;
/// For tests that the map and the charts draw each line style as the core's table says.
#[cfg(test)]
mod style_check;
