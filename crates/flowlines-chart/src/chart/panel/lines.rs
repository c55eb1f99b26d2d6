//! Each stream's running total as a line: known stretches in its confidence's stroke, held
//! stretches (after the last reading) faint.

use super::PanelChart;
use crate::chart::{ChartError, Frame, PanelPlan, HELD_ALPHA};
use flowlines_core::model::Confidence;
use flowlines_core::series::Run;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// How a stream's line is stroked: dash and gap lengths in pixels, or solid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Stroke {
    /// One unbroken line.
    Solid,
    /// Dashes this long with gaps this long, in pixels.
    Dashed(i32, i32),
}

/// The map's line style for a confidence: solid confirmed, dashed reported, dotted claimed.
pub(super) fn stroke_of(c: Option<Confidence>) -> Stroke {
    match c {
        Some(Confidence::Confirmed) => Stroke::Solid,
        Some(Confidence::Reported) => Stroke::Dashed(7, 4),
        _ => Stroke::Dashed(2, 3),
    }
}

/// Draws the runs of each stream of `panel` in its colour; whether any run was held.
pub(super) fn draw_lines<DB: DrawingBackend>(
    chart: &mut PanelChart<'_, DB>,
    frame: &Frame<'_>,
    panel: &PanelPlan,
    stream_runs: &[Vec<Run>],
    colors: &[RGBColor],
) -> Result<bool, ChartError> {
    let mut any_held = false;
    for (k, (&i, rs)) in panel.streams.iter().zip(stream_runs).enumerate() {
        let stroke = stroke_of(frame.series.strongest(i));
        for r in rs {
            any_held |= r.held;
            let style = if r.held {
                colors[k].mix(HELD_ALPHA).stroke_width(2)
            } else {
                colors[k].stroke_width(2)
            };
            let points: Vec<(f64, f64)> = r.samples.iter().map(|s| (s.day, s.value)).collect();
            match stroke {
                Stroke::Solid => {
                    chart.draw_series(std::iter::once(PathElement::new(points, style)))?;
                }
                Stroke::Dashed(dash, gap) => {
                    chart.draw_series(std::iter::once(DashedPathElement::new(
                        points, dash, gap, style,
                    )))?;
                }
            }
        }
    }
    Ok(any_held)
}
