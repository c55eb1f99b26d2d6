//! What a chart drew where, and the day or the observation under the pointer.

use super::HIT_RADIUS;

/// Where one unit's panel was drawn, with its time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    /// The unit's id.
    pub unit: String,
    /// Left edge of the plot (the first day), in the backend's pixels.
    pub left: f64,
    /// Right edge of the plot (the last day).
    pub right: f64,
    /// Top of the plot (the highest value on the axis).
    pub top: f64,
    /// Bottom of the plot (zero).
    pub bottom: f64,
    /// The day at the left edge (days since 1970-01-01).
    pub start_day: f64,
    /// The day at the right edge.
    pub end_day: f64,
}

impl PanelLayout {
    /// The x pixel of `day`.
    pub fn x_of(&self, day: f64) -> f64 {
        let span = (self.end_day - self.start_day).max(1.0);
        self.left + (day - self.start_day) / span * (self.right - self.left)
    }

    /// The day at x pixel `x`, kept within the panel's days: left of the plot is its first
    /// day, right of it its last.
    pub fn day_at(&self, x: f64) -> f64 {
        let width = (self.right - self.left).max(1.0);
        let f = ((x - self.left) / width).clamp(0.0, 1.0);
        self.start_day + f * (self.end_day - self.start_day)
    }

    /// Whether (`x`, `y`) falls inside the plot.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }
}

/// Where one observation's mark was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkLayout {
    /// Centre, x, in the backend's pixels.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// The observation's index in the story's observations.
    pub observation: usize,
    /// The panel it is in, an index into [`ChartLayout::panels`].
    pub panel: usize,
}

/// What a chart drew where: enough to turn a pointer into a day or an observation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartLayout {
    /// Each unit's panel, top to bottom; empty when the category has no figures.
    pub panels: Vec<PanelLayout>,
    /// Every observation's mark.
    pub marks: Vec<MarkLayout>,
}

impl ChartLayout {
    /// The day at x pixel `x` on the chart's time axis (the same in every panel), kept within
    /// the story's days; `None` when no panel was drawn or `x` is not a number.
    pub fn day_at(&self, x: f64) -> Option<f64> {
        if !x.is_finite() {
            return None;
        }
        self.panels.first().map(|p| p.day_at(x))
    }

    /// The observation whose mark is nearest (`x`, `y`), within [`HIT_RADIUS`] pixels.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        self.marks
            .iter()
            .map(|m| (m.observation, (m.x - x).hypot(m.y - y)))
            .filter(|(_, d)| *d <= HIT_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(o, _)| o)
    }
}
