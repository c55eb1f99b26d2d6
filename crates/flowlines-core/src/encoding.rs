//! How a stream looks at a moment: its width on its unit's own scale, its line style from
//! its confidence, and the marks for ranges, unknown quantities, disputes and inferences.
//!
//! - **Width** grows linearly with the quantity, from [`MIN_WIDTH_PX`] to [`MAX_WIDTH_PX`] at the
//!   largest figure any stream of the same unit reaches over the whole story; units never share
//!   a scale, so 11,000 containers and 9 million rounds are each measured against their own kind.
//! - **A range** keeps both ends: `width_low` and `width_high` are the widths of the low and high
//!   figures, drawn as a band; an open-ended figure ("over 11,000") has `open_high`.
//! - **An unknown quantity** is drawn at the fixed [`UNKNOWN_WIDTH_PX`] with a mark, never given
//!   an invented width.
//! - **Confidence** is drawn by line style (solid confirmed, dashed reported, dotted claimed,
//!   faint proposed), so it reads without colour; the strongest claim made by the moment wins,
//!   and a stream some party denies is marked disputed.
//!
//! [`MIN_WIDTH_PX`]: crate::encoding::MIN_WIDTH_PX
//! [`MAX_WIDTH_PX`]: crate::encoding::MAX_WIDTH_PX
//! [`UNKNOWN_WIDTH_PX`]: crate::encoding::UNKNOWN_WIDTH_PX

use crate::model::{Confidence, Destination, PathCertainty, Story};
use crate::series::{Estimate, Phase, StorySeries, StreamReadings};
use std::collections::HashMap;

/// The thinnest width of a stream with a known quantity, in CSS pixels.
pub const MIN_WIDTH_PX: f64 = 1.5;
/// The width of the largest figure of a unit, in CSS pixels.
pub const MAX_WIDTH_PX: f64 = 10.0;
/// The width of a stream whose quantity nobody gives, in CSS pixels.
pub const UNKNOWN_WIDTH_PX: f64 = 1.5;

/// A line style for a confidence, so that it reads without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStyle {
    /// Confirmed: a continuous line.
    Solid,
    /// Reported: long dashes.
    Dashed,
    /// Claimed: dots.
    Dotted,
    /// Proposed, offered or only denied: a faint thin line.
    Faint,
}

impl LineStyle {
    /// The style of a confidence.
    pub fn of(confidence: Confidence) -> LineStyle {
        match confidence {
            Confidence::Confirmed => LineStyle::Solid,
            Confidence::Reported => LineStyle::Dashed,
            Confidence::Claimed => LineStyle::Dotted,
            Confidence::Proposed | Confidence::Denied => LineStyle::Faint,
        }
    }

    /// A small number for the page: 0 solid, 1 dashed, 2 dotted, 3 faint.
    pub fn code(self) -> u8 {
        match self {
            LineStyle::Solid => 0,
            LineStyle::Dashed => 1,
            LineStyle::Dotted => 2,
            LineStyle::Faint => 3,
        }
    }
}

/// Bit flags of marks a stream carries, for the page to draw.
pub mod marks {
    /// No figure is known: draw the unknown mark.
    pub const UNKNOWN: u8 = 1;
    /// A party denies it, or claimants disagree: draw the dispute mark.
    pub const DISPUTED: u8 = 2;
    /// The destination is our inference, not a source's.
    pub const INFERRED_DESTINATION: u8 = 4;
    /// The path is assumed from geography, or only the endpoints are known.
    pub const ASSUMED_ROUTE: u8 = 8;
    /// The figure has no ceiling ("over 11,000").
    pub const OPEN_HIGH: u8 = 16;
    /// The figure is held from its last reading, not newer.
    pub const HELD: u8 = 32;
}

/// How one stream looks at one moment.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct FlowStyle {
    /// Whether it is drawn at all at this moment (it has started, and filters let it through).
    pub visible: bool,
    /// Width of the central figure, in CSS pixels.
    pub width: f64,
    /// Width of the low figure, in CSS pixels.
    pub width_low: f64,
    /// Width of the high figure, in CSS pixels (equal to `width` when open-ended).
    pub width_high: f64,
    /// Line style from the strongest confidence so far.
    pub style: LineStyle,
    /// The strongest confidence so far, if any.
    pub confidence: Option<Confidence>,
    /// Bit flags from [`marks`].
    pub marks: u8,
}

impl FlowStyle {
    /// The width its line is drawn at, in CSS pixels: its style's fixed width where it has
    /// one (a faint line), else the central figure's, held within the range's band, or the
    /// unknown-figure width as it is when no source gives a number.
    pub fn line_width(&self) -> f64 {
        crate::line_style::look(self.style)
            .width
            .unwrap_or(if self.marks & marks::UNKNOWN != 0 {
                self.width
            } else {
                self.width.min(self.width_high).max(self.width_low)
            })
    }
}

/// Per-unit width scales and per-stream facts that do not change with time.
#[derive(Debug, Clone)]
pub struct Encoder {
    /// For each stream, the largest figure any stream of its unit reaches.
    unit_max: Vec<f64>,
    /// For each stream, the static marks (inferred destination, assumed route).
    fixed_marks: Vec<u8>,
    /// Every stream's observations' (first day, confidence, denied?), stream after stream,
    /// for the strongest claim by a moment: one column, not a vector per stream.
    claims: Vec<(i32, Confidence, bool)>,
    /// Where stream `i`'s claims start in `claims`; one more entry than there are streams.
    claim_start: Vec<usize>,
}

impl Encoder {
    /// The scales and facts of `story`, whose readings grouped by stream are `readings`.
    pub fn new(story: &Story, series: &StorySeries, readings: &StreamReadings<'_>) -> Self {
        let mut top: HashMap<&str, f64> = HashMap::new();
        for (i, s) in story.streams.iter().enumerate() {
            let peak = series.series(i).map(|sr| sr.peak()).unwrap_or(0.0);
            let e = top.entry(s.unit.as_str()).or_insert(0.0);
            *e = e.max(peak);
        }
        let unit_max = story
            .streams
            .iter()
            .map(|s| top.get(s.unit.as_str()).copied().unwrap_or(0.0))
            .collect();
        let routes: HashMap<&str, PathCertainty> = story
            .routes
            .iter()
            .map(|r| (r.id.as_str(), r.path))
            .collect();
        let fixed_marks = story
            .streams
            .iter()
            .map(|s| {
                let mut m = 0;
                if s.destination == Destination::Inferred {
                    m |= marks::INFERRED_DESTINATION;
                }
                let path = s
                    .route
                    .as_deref()
                    .and_then(|r| routes.get(r).copied())
                    .unwrap_or(PathCertainty::Endpoints);
                if path != PathCertainty::Known {
                    m |= marks::ASSUMED_ROUTE;
                }
                m
            })
            .collect();
        let mut claims = Vec::with_capacity(story.observations.len());
        let mut claim_start = Vec::with_capacity(story.streams.len() + 1);
        for i in 0..story.streams.len() {
            claim_start.push(claims.len());
            claims.extend(readings.of(i).map(|o| {
                (
                    o.period.first(),
                    o.confidence,
                    !o.denials.is_empty() || o.confidence == Confidence::Denied,
                )
            }));
        }
        claim_start.push(claims.len());
        Encoder {
            unit_max,
            fixed_marks,
            claims,
            claim_start,
        }
    }

    /// The width in CSS pixels of `value` on stream `i`'s unit scale.
    pub fn width(&self, i: usize, value: f64) -> f64 {
        let max = self.unit_max.get(i).copied().unwrap_or(0.0);
        if max <= 0.0 {
            return MIN_WIDTH_PX;
        }
        MIN_WIDTH_PX + (MAX_WIDTH_PX - MIN_WIDTH_PX) * (value / max).clamp(0.0, 1.0)
    }

    /// How stream `i` looks at `day`, given its estimate there. A stream is visible once the first
    /// day of any of its observations has come, proposals included.
    pub fn style(&self, i: usize, day: f64, e: &Estimate) -> FlowStyle {
        let claims = match (self.claim_start.get(i), self.claim_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.claims[a..b],
            _ => &[],
        };
        let mut confidence: Option<Confidence> = None;
        let mut m = self.fixed_marks.get(i).copied().unwrap_or(0);
        let mut counted = 0;
        let mut started = false;
        for &(first, c, denied) in claims {
            if f64::from(first) > day {
                continue;
            }
            started = true;
            confidence = confidence.max(Some(c));
            if denied {
                m |= marks::DISPUTED;
            }
            if c.counts_as_moved() {
                counted += 1;
            }
        }
        let style = confidence.map_or(LineStyle::Faint, LineStyle::of);
        let visible = started;
        let (width, width_low, width_high) = match (e.phase, e.value) {
            (Phase::Unknown | Phase::Uncounted, _) | (_, None) => {
                if counted > 0 || e.phase == Phase::Unknown {
                    m |= marks::UNKNOWN;
                }
                (UNKNOWN_WIDTH_PX, UNKNOWN_WIDTH_PX, UNKNOWN_WIDTH_PX)
            }
            (_, Some(v)) => {
                if e.high.is_none() {
                    m |= marks::OPEN_HIGH;
                }
                if matches!(e.phase, Phase::Held { .. }) {
                    m |= marks::HELD;
                }
                let w = self.width(i, v);
                (
                    w,
                    self.width(i, e.low.unwrap_or(0.0)),
                    e.high.map_or(w, |h| self.width(i, h)),
                )
            }
        };
        FlowStyle {
            visible,
            width,
            width_low,
            width_high,
            style,
            confidence,
            marks: m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_confidence_has_its_own_line_style() {
        assert_eq!(LineStyle::of(Confidence::Confirmed), LineStyle::Solid);
        assert_eq!(LineStyle::of(Confidence::Reported), LineStyle::Dashed);
        assert_eq!(LineStyle::of(Confidence::Claimed), LineStyle::Dotted);
        assert_eq!(LineStyle::of(Confidence::Proposed), LineStyle::Faint);
        assert_eq!(LineStyle::of(Confidence::Denied), LineStyle::Faint);
    }
}
