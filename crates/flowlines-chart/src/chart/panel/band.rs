//! The range the claimants allow, as a pale band from the low to the high under each line.

use super::PanelChart;
use crate::chart::{ChartError, BAND_ALPHA};
use flowlines_core::series::Run;
use plotters::prelude::*;

/// Draws the band of every run of `stream_runs` (one list per stream, coloured by `colors`)
/// whose low and high differ by more than a millionth of `y_top`; whether any was drawn.
pub(super) fn draw_bands<DB: DrawingBackend>(
    chart: &mut PanelChart<'_, DB>,
    stream_runs: &[Vec<Run>],
    colors: &[RGBColor],
    y_top: f64,
) -> Result<bool, ChartError> {
    let mut any_band = false;
    let least = y_top * 1e-6;
    for (k, rs) in stream_runs.iter().enumerate() {
        for r in rs {
            if !r.samples.iter().any(|s| s.high - s.low > least) {
                continue;
            }
            any_band = true;
            let outline: Vec<(f64, f64)> = r
                .samples
                .iter()
                .map(|s| (s.day, s.high))
                .chain(r.samples.iter().rev().map(|s| (s.day, s.low)))
                .collect();
            chart.draw_series(std::iter::once(Polygon::new(
                outline,
                colors[k].mix(BAND_ALPHA).filled(),
            )))?;
        }
    }
    Ok(any_band)
}
