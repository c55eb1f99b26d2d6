//! flowlines-chart: the charts of a story over time and its static map, drawn through plotters'
//! `DrawingBackend`, so one drawing code writes SVG natively and Canvas in the page.

pub mod recording;
