//! The panels' axes: days with a tick at each new year, and whole counts in nice steps.

use flowlines_core::date::{format_day, parse_day};
use flowlines_core::decimal::magnitude;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// A step between the value axis's ticks: 1, 2, 2.5 or 5 times a power of ten, never under 1
/// (things are counted whole).
fn nice_step(max: f64, ticks: f64) -> f64 {
    let raw = (max / ticks).max(1.0);
    let power = 10f64.powi(magnitude(raw));
    let f = raw / power;
    let nice = [1.0, 2.0, 2.5, 5.0]
        .into_iter()
        .find(|&n| f <= n)
        .unwrap_or(10.0);
    nice * power
}

/// The top of the value axis and its ticks, for figures up to `peak`.
pub(super) fn value_axis(peak: f64) -> (f64, Vec<f64>) {
    let room = peak * 1.25;
    let step = nice_step(room, 4.0);
    let top = ((room / step).ceil() * step).max(step);
    let ticks = (0..)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= top + step * 1e-9)
        .collect();
    (top, ticks)
}

/// The first day of each year from `start` to `end`.
pub(super) fn year_starts(start: f64, end: f64) -> Vec<f64> {
    let year = |d: f64| -> i32 {
        format_day(d.floor() as i32)
            .chars()
            .take(4)
            .collect::<String>()
            .parse()
            .unwrap_or(1970)
    };
    (year(start)..=year(end))
        .filter_map(|y| parse_day(&format!("{y:04}-01-01")).ok())
        .map(f64::from)
        .filter(|d| (start..=end).contains(d))
        .collect()
}

/// A linear axis of `f64` with its ticks chosen by us (years, whole counts), formatted by the
/// closures given to the mesh.
#[derive(Debug, Clone)]
pub(super) struct Axis {
    pub(super) range: std::ops::Range<f64>,
    pub(super) ticks: Vec<f64>,
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let f = if span > 0.0 {
            (value - self.range.start) / span
        } else {
            0.5
        };
        limit.0 + (f * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_axes_step_in_whole_nice_numbers() {
        assert_eq!(value_axis(3.0), (4.0, vec![0.0, 1.0, 2.0, 3.0, 4.0]));
        let (top, ticks) = value_axis(9_000_000.0);
        assert!(top >= 9_000_000.0 * 1.25);
        assert!(ticks.windows(2).all(|w| w[1] - w[0] == 5_000_000.0));
        assert_eq!(value_axis(0.0).0, 1.0);
    }
}
