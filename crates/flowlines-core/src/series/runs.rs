//! A series' running total sampled for drawing as a line with its band: cut into runs where no
//! number is known, and where after the last reading the value is only held.

use super::{Phase, Series};

/// Days between two samples of a running total (readings are always sampled too).
pub const SAMPLE_DAYS: f64 = 7.0;

/// One point of a running total ready to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// The day, in days since 1970-01-01.
    pub day: f64,
    /// The low end of the range, in the series' unit (zero where no floor is known).
    pub low: f64,
    /// The central value.
    pub value: f64,
    /// The high end of the range (the central value where no ceiling is known).
    pub high: f64,
}

/// A stretch of a running total with a value at every sample: before the last reading
/// (`held` false) or after it, where the last value is only held.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The samples, in time order.
    pub samples: Vec<Sample>,
    /// Whether this stretch comes after the last reading, where the value is only held.
    pub held: bool,
}

/// The running total of `series` from `start` to `end`, sampled every week and at each reading
/// (so the polyline is exact), from the first day counted, cut where no number is known and
/// where the value is only held.
pub fn runs(series: &Series, start: f64, end: f64) -> Vec<Run> {
    let mut days: Vec<f64> = (0..)
        .map(|k| start + f64::from(k) * SAMPLE_DAYS)
        .take_while(|d| *d < end)
        .collect();
    days.push(end);
    days.extend(series.readings().map(|(d, _)| d));
    days.extend(series.start().map(f64::from));
    days.retain(|d| (start..=end).contains(d));
    crate::order::sort_by_key(&mut days, |&d| crate::order::f64_key(d));
    days.dedup();
    let mut out: Vec<Run> = Vec::new();
    let mut current = Run {
        samples: Vec::new(),
        held: false,
    };
    for day in days {
        let e = series.at(day);
        // Before the first day counted nothing is drawn: the line starts where the count does.
        let value = match (e.phase, e.value) {
            (Phase::NotStarted, _) => None,
            (_, v) => v,
        };
        let Some(value) = value else {
            if !current.samples.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Run {
                        samples: Vec::new(),
                        held: false,
                    },
                ));
            }
            continue;
        };
        let s = Sample {
            day,
            low: e.low.unwrap_or(0.0).min(value),
            value,
            high: e.high.unwrap_or(value).max(value),
        };
        let held = matches!(e.phase, Phase::Held { .. });
        if held && !current.held {
            // The last reading ends the known stretch and starts the held one.
            current.samples.push(s);
            let known = std::mem::replace(
                &mut current,
                Run {
                    samples: Vec::new(),
                    held: true,
                },
            );
            if known.samples.len() > 1 {
                out.push(known);
            }
        }
        current.samples.push(s);
    }
    if current.samples.len() > 1 {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;
    use crate::model::{Confidence, Measure, Observation, Quantity};

    fn day(s: &str) -> f64 {
        f64::from(parse_day(s).unwrap())
    }

    /// A reported running total of containers over `period`.
    fn reading(quantity: Quantity, period: &str) -> Observation {
        crate::test_support::reading(quantity, Measure::Cumulative, period, Confidence::Reported)
    }

    /// About 6,700 by 27 February 2024, over 11,000 by June 2024, counted from September 2023.
    fn containers() -> Series {
        let a = reading(Quantity::About(6700.0), "2023-09/2024-02-27");
        let b = reading(Quantity::AtLeast(11000.0), "2023-fall/2024-06");
        Series::new([&a, &b])
    }

    #[test]
    fn a_running_total_is_a_known_run_from_its_first_day_then_a_held_run_to_the_end() {
        let (start, end) = (day("2023-06-01"), day("2025-01-01"));
        let r = runs(&containers(), start, end);
        assert_eq!(r.len(), 2);
        assert!(!r[0].held && r[1].held);
        assert_eq!(r[0].samples[0].day, day("2023-09-01"));
        assert_eq!(r[0].samples.last().unwrap().day, day("2024-06-30"));
        assert_eq!(r[1].samples[0], *r[0].samples.last().unwrap());
        assert_eq!(r[1].samples.last().unwrap().day, end);
    }

    #[test]
    fn every_reading_is_sampled_so_the_line_passes_through_the_figures() {
        let r = runs(&containers(), day("2023-06-01"), day("2025-01-01"));
        let at = |d: f64| r[0].samples.iter().find(|s| s.day == d).map(|s| s.value);
        assert_eq!(at(day("2024-02-27")), Some(6700.0));
        assert_eq!(at(day("2024-06-30")), Some(11000.0));
        let mut gaps = r[0].samples.windows(2).map(|w| w[1].day - w[0].day);
        assert!(gaps.all(|g| g > 0.0 && g <= SAMPLE_DAYS));
    }

    #[test]
    fn the_band_holds_the_central_value_and_an_open_figure_has_no_band_above_it() {
        let r = runs(&containers(), day("2023-06-01"), day("2025-01-01"));
        let mut all = r.iter().flat_map(|r| &r.samples);
        assert!(all.all(|s| s.low <= s.value && s.value <= s.high));
        assert!(r[1].samples.iter().all(|s| s.high == s.value));
    }

    #[test]
    fn nothing_is_drawn_before_the_count_starts() {
        assert!(runs(&containers(), day("2023-01-01"), day("2023-08-01")).is_empty());
    }
}
