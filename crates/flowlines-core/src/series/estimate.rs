//! What a series says at a moment: the estimate with its range and phase, and the significant
//! figures of a reading.

use crate::date::{DatePrecision, DateSpec, Day};

/// Where a moment falls in a stream's known history.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "phase")]
pub enum Phase {
    /// Before the first day any figure counts from: nothing has moved yet.
    NotStarted,
    /// Between two readings: the figure is interpolated.
    Moving,
    /// After the last reading: its value is held and is not newer than `since`.
    Held {
        /// The day of the last reading.
        since: Day,
    },
    /// Something is reported to move, but no source gives a number.
    Unknown,
    /// Only proposals, offers or denied claims: nothing counts as moved.
    Uncounted,
}

/// A stream's quantity at one moment, in the stream's unit.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Estimate {
    /// The central figure; `None` when no number is known.
    pub value: Option<f64>,
    /// The lowest figure any claimant allows; `None` when none sets a floor.
    pub low: Option<f64>,
    /// The highest figure any claimant allows; `None` when open-ended ("over 11,000").
    pub high: Option<f64>,
    /// Units per day at this moment.
    pub rate: f64,
    /// Where the moment falls in the stream's history.
    #[serde(flatten)]
    pub phase: Phase,
    /// The significant figures of the readings the figure rests on ("9 million": 1,
    /// "6,700": 2, "1,500": 2); zero when it rests on none.
    pub digits: u8,
    /// Whether the figure is a count a source gives exactly (on or held from a reading day
    /// whose figures are all exact), not an estimate.
    pub exact: bool,
    /// For a figure between two readings: the dates of the figures it is interpolated between
    /// (the first may be the start of the count, at zero). `None` on or after a reading day.
    pub between: Option<[When; 2]>,
}

impl Estimate {
    /// An estimate with nothing behind it but the phase: no digits, not exact, not between.
    pub(super) fn plain(
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        phase: Phase,
    ) -> Self {
        Estimate {
            value,
            low,
            high,
            rate: 0.0,
            phase,
            digits: 0,
            exact: false,
            between: None,
        }
    }
}

/// A date as precisely as a source gives it, as far as an estimate needs to tell it: the first
/// day it may mean and how precise it is ("June 2024": 1 June, month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct When {
    /// The first day the date may mean.
    pub first: Day,
    /// How precise it is.
    pub precision: DatePrecision,
    /// Whether it is the start of a count, where the figure is zero, rather than a reading.
    pub start: bool,
}

impl From<&DateSpec> for When {
    fn from(d: &DateSpec) -> Self {
        When {
            first: d.first(),
            precision: d.precision(),
            start: false,
        }
    }
}

/// The significant figures of a figure as a source gives it: its digits without the zeros that
/// only place it ("11,000": 2, "9,000,000": 1, "1,500": 2, "3": 1, "2.5": 2).
pub fn significant_digits(v: f64) -> u8 {
    if !v.is_finite() || v == 0.0 {
        return 0;
    }
    // A whole number of at most 12 digits (most figures): its digits less the trailing zeros,
    // counted without writing it out, which at 100,000 flows took a tenth of the set-up.
    let a = v.abs();
    if a < 1e12 && a.fract() == 0.0 {
        let mut n = a as u64;
        while n % 10 == 0 {
            n /= 10;
        }
        let mut digits = 1;
        while n >= 10 {
            n /= 10;
            digits += 1;
        }
        return digits;
    }
    // Otherwise its first 12 significant figures (written out exactly, with 11 decimals after
    // its first digit for a fraction), stripped of the zeros that place them.
    let decimals = (11 - crate::decimal::magnitude(a)).clamp(0, 17) as usize;
    let text = crate::decimal::fixed(a, decimals);
    let digits: String = text
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&c| c == '0')
        .take(12)
        .collect();
    digits.trim_end_matches('0').len().max(1) as u8
}
