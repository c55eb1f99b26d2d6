//! A stream's quantity and rate at any moment, from its observations.
//!
//! # The rules
//! - Only figures that count as moved ([`Confidence::counts_as_moved`]: claimed, reported,
//!   confirmed) enter the quantity; proposals, offers and denials are shown, never added.
//! - **Running totals** ([`Measure::Cumulative`]) of one stream are readings of one total, never
//!   summed: "about 6,700 by 27 Feb 2024" and "over 11,000 by June 2024" are two points on one
//!   curve. The total is zero at the start of the first day any of them counts from, and each
//!   reading sits at the start of the last day of its period (so asking for that day gives it).
//! - **Amounts in a period** ([`Measure::InPeriod`]) build a running total: each period's amount
//!   is spread evenly over its days, and amounts of different periods add up. Several claimants
//!   giving an amount for the same period are readings of one amount.
//! - Readings on the same day from several claimants are merged: the low is the lowest low, the
//!   high the highest high (open if any is open), the central value their mean.
//! - Between readings the quantity is interpolated linearly in time (low, central and high each).
//! - Before the first day counted, the quantity is zero and the stream has not started.
//!   After the last reading the last value is held, and the estimate says it is not newer than
//!   that reading's day ([`Phase::Held`]).
//! - The rate is the slope of the central curve where the moment falls, in units per day;
//!   zero before the start and after the last reading, where nothing is known to move.
//!
//! Times are [`Day`]s as `f64`, so an animation can ask for any fraction of a day.

use crate::date::Day;
use crate::model::{Confidence, Measure, Quantity, Story};

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
}

/// One point of a running total.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    day: f64,
    low: Option<f64>,
    value: f64,
    high: Option<f64>,
}

/// The running total of one stream as a polyline through its readings, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    points: Vec<Point>,
    /// Whether any counted observation has no number.
    unknown: bool,
    /// The first day any counted observation covers.
    start: Option<Day>,
}

struct Reading {
    first: Day,
    last: Day,
    quantity: Quantity,
}

fn merge(into: &mut Point, p: Point, n: &mut usize) {
    into.low = match (into.low, p.low) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    };
    into.high = match (into.high, p.high) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    into.value = (into.value * *n as f64 + p.value) / (*n as f64 + 1.0);
    *n += 1;
}

/// Merges points on the same day (claimants agreeing on a moment) into one.
fn merge_same_day(mut pts: Vec<Point>) -> Vec<Point> {
    pts.sort_by(|a, b| a.day.total_cmp(&b.day));
    let mut out: Vec<Point> = Vec::with_capacity(pts.len());
    let mut count = 1;
    for p in pts {
        match out.last_mut() {
            Some(last) if last.day == p.day => merge(last, p, &mut count),
            _ => {
                out.push(p);
                count = 1;
            }
        }
    }
    out
}

fn lerp_opt(a: Option<f64>, b: Option<f64>, f: f64) -> Option<f64> {
    Some(a? + (b? - a?) * f)
}

impl Series {
    /// Builds the series of the observations given; those that do not count as moved are
    /// skipped. `measure` of the first counted observation decides how figures combine.
    pub fn new<'a>(observations: impl IntoIterator<Item = &'a crate::model::Observation>) -> Self {
        let mut cumulative = Vec::new();
        let mut in_period = Vec::new();
        let mut unknown = false;
        let mut start: Option<Day> = None;
        for o in observations {
            if !o.confidence.counts_as_moved() {
                continue;
            }
            start = Some(start.map_or(o.period.first(), |s| s.min(o.period.first())));
            if o.quantity == Quantity::Unknown {
                unknown = true;
                continue;
            }
            let r = Reading {
                first: o.period.first(),
                last: o.period.last(),
                quantity: o.quantity,
            };
            match o.measure {
                Measure::Cumulative => cumulative.push(r),
                Measure::InPeriod => in_period.push(r),
            }
        }
        let mut points = Vec::new();
        if let Some(origin) = cumulative.iter().map(|r| r.first).min() {
            points.push(Point {
                day: f64::from(origin),
                low: Some(0.0),
                value: 0.0,
                high: Some(0.0),
            });
            points.extend(cumulative.iter().filter_map(|r| {
                Some(Point {
                    day: f64::from(r.last),
                    low: r.quantity.low(),
                    value: r.quantity.central()?,
                    high: r.quantity.high(),
                })
            }));
        }
        points = merge_same_day(points);
        if !in_period.is_empty() {
            points = add_period_amounts(points, &in_period);
        }
        Series {
            points,
            unknown,
            start,
        }
    }

    /// The estimate at `day` (a fractional day number).
    pub fn at(&self, day: f64) -> Estimate {
        let none = |phase| Estimate {
            value: None,
            low: None,
            high: None,
            rate: 0.0,
            phase,
        };
        let Some(start) = self.start else {
            return none(Phase::Uncounted);
        };
        if day < f64::from(start) {
            return Estimate {
                value: Some(0.0),
                low: Some(0.0),
                high: Some(0.0),
                rate: 0.0,
                phase: Phase::NotStarted,
            };
        }
        let pts = &self.points;
        let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
            return none(Phase::Unknown);
        };
        if day < first.day {
            // A figure with no number started before the first one with a number.
            return none(Phase::Unknown);
        }
        if day >= last.day {
            return Estimate {
                value: Some(last.value),
                low: last.low,
                high: last.high,
                rate: 0.0,
                phase: Phase::Held {
                    since: last.day as Day,
                },
            };
        }
        let i = pts.partition_point(|p| p.day <= day);
        let (a, b) = (pts[i - 1], pts[i]);
        let span = b.day - a.day;
        let f = (day - a.day) / span;
        Estimate {
            value: Some(a.value + (b.value - a.value) * f),
            low: lerp_opt(a.low, b.low, f),
            high: lerp_opt(a.high, b.high, f),
            rate: (b.value - a.value) / span,
            phase: Phase::Moving,
        }
    }

    /// The largest figure the stream reaches at any reading (its high where one is set), in
    /// its unit; zero when no figure is known.
    pub fn peak(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.high.unwrap_or(p.value).max(p.value))
            .fold(0.0, f64::max)
    }

    /// Whether any counted figure of the stream gives no number.
    pub fn has_unknown(&self) -> bool {
        self.unknown
    }

    /// The first day any counted figure covers, if there is one.
    pub fn start(&self) -> Option<Day> {
        self.start
    }

    /// The days at which the running total has a reading, with the central value there.
    pub fn readings(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.points.iter().map(|p| (p.day, p.value))
    }
}

/// Adds amounts in periods to the running total: the same period from several claimants is one
/// amount (merged as a range), different periods add up, each spread evenly over its days.
fn add_period_amounts(points: Vec<Point>, readings: &[Reading]) -> Vec<Point> {
    // Group by identical period; merge claimants.
    let mut groups: Vec<(Day, Day, Point, usize)> = Vec::new();
    for r in readings {
        let Some(value) = r.quantity.central() else {
            continue;
        };
        let p = Point {
            day: 0.0,
            low: r.quantity.low(),
            value,
            high: r.quantity.high(),
        };
        match groups.iter_mut().find(|g| g.0 == r.first && g.1 == r.last) {
            Some(g) => merge(&mut g.2, p, &mut g.3),
            None => groups.push((r.first, r.last, p, 1)),
        }
    }
    // Every breakpoint of every group, plus the existing points; the total at each is the sum.
    let mut days: Vec<f64> = points.iter().map(|p| p.day).collect();
    for g in &groups {
        days.push(f64::from(g.0));
        days.push(f64::from(g.1));
    }
    days.sort_by(f64::total_cmp);
    days.dedup();
    let base = Series {
        points,
        unknown: false,
        start: Some(Day::MIN),
    };
    days.into_iter()
        .map(|day| {
            let b = if base.points.is_empty() {
                Estimate {
                    value: Some(0.0),
                    low: Some(0.0),
                    high: Some(0.0),
                    rate: 0.0,
                    phase: Phase::Moving,
                }
            } else {
                base.at(day)
            };
            let mut p = Point {
                day,
                low: b.low,
                value: b.value.unwrap_or(0.0),
                high: b.high,
            };
            for &(first, end, g, _) in &groups {
                let f = if end == first {
                    if day >= f64::from(first) {
                        1.0
                    } else {
                        0.0
                    }
                } else {
                    ((day - f64::from(first)) / f64::from(end - first)).clamp(0.0, 1.0)
                };
                p.value += g.value * f;
                p.low = lerp_opt(Some(0.0), g.low, f).and_then(|l| Some(l + p.low?));
                p.high = lerp_opt(Some(0.0), g.high, f).and_then(|h| Some(h + p.high?));
            }
            p
        })
        .collect()
}

/// The series of every stream of a story, in the story's stream order.
#[derive(Debug, Clone)]
pub struct StorySeries {
    series: Vec<Series>,
    strongest: Vec<Option<Confidence>>,
    disputed: Vec<bool>,
}

impl StorySeries {
    /// Builds the series of every stream once; evaluate them at any moment with [`Self::at`].
    pub fn new(story: &Story) -> Self {
        let index: std::collections::HashMap<&str, usize> = story
            .streams
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut by_stream: Vec<Vec<&crate::model::Observation>> =
            vec![Vec::new(); story.streams.len()];
        for o in &story.observations {
            if let Some(&i) = index.get(o.stream.as_str()) {
                by_stream[i].push(o);
            }
        }
        let strongest = by_stream
            .iter()
            .map(|obs| obs.iter().map(|o| o.confidence).max())
            .collect();
        let disputed = by_stream
            .iter()
            .map(|obs| {
                obs.iter()
                    .any(|o| !o.denials.is_empty() || o.confidence == Confidence::Denied)
            })
            .collect();
        let series = by_stream.into_iter().map(Series::new).collect();
        StorySeries {
            series,
            strongest,
            disputed,
        }
    }

    /// Every stream's estimate at `day`, in stream order.
    pub fn at(&self, day: f64) -> Vec<Estimate> {
        self.series.iter().map(|s| s.at(day)).collect()
    }

    /// Every stream's estimate at `day`, written into `out` (cleared first) to reuse its memory.
    pub fn at_into(&self, day: f64, out: &mut Vec<Estimate>) {
        out.clear();
        out.extend(self.series.iter().map(|s| s.at(day)));
    }

    /// The series of stream `i`.
    pub fn series(&self, i: usize) -> Option<&Series> {
        self.series.get(i)
    }

    /// The strongest confidence any observation of stream `i` has.
    pub fn strongest(&self, i: usize) -> Option<Confidence> {
        self.strongest.get(i).copied().flatten()
    }

    /// Whether any party denies something about stream `i`.
    pub fn disputed(&self, i: usize) -> bool {
        self.disputed.get(i).copied().unwrap_or(false)
    }

    /// How many streams there are.
    pub fn len(&self) -> usize {
        self.series.len()
    }

    /// Whether there are no streams.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;
    use crate::model::{Claimant, Observation};

    fn day(s: &str) -> f64 {
        f64::from(parse_day(s).unwrap())
    }

    fn obs(
        quantity: Quantity,
        measure: Measure,
        period: &str,
        confidence: Confidence,
    ) -> Observation {
        Observation {
            id: format!("o-{period}"),
            stream: "s".into(),
            quantity,
            unit: "containers".into(),
            measure,
            period: period.parse().unwrap(),
            reported: period.rsplit('/').next().unwrap().parse().unwrap(),
            claimant: Claimant {
                name: "someone".into(),
                role: None,
                party: "somewhere".into(),
            },
            source: "doc".into(),
            confidence,
            denials: vec![],
            note: None,
            quote: None,
        }
    }

    fn containers() -> Series {
        let shin = obs(
            Quantity::About(6700.0),
            Measure::Cumulative,
            "2023-09/2024-02-27",
            Confidence::Reported,
        );
        let post = obs(
            Quantity::AtLeast(11000.0),
            Measure::Cumulative,
            "2023-fall/2024-06",
            Confidence::Reported,
        );
        Series::new([&shin, &post])
    }

    #[test]
    fn two_running_totals_of_one_stream_are_two_readings_never_a_sum() {
        let s = containers();
        assert_eq!(s.at(day("2024-02-27")).value, Some(6700.0));
        assert_eq!(s.at(day("2024-06-30")).value, Some(11000.0));
    }

    #[test]
    fn between_two_readings_the_figure_is_interpolated_linearly_in_time() {
        let s = containers();
        let (a, b, t) = (day("2024-02-27"), day("2024-06-30"), day("2024-04-15"));
        let expected = 6700.0 + (11000.0 - 6700.0) * (t - a) / (b - a);
        let e = s.at(t);
        assert!((e.value.unwrap() - expected).abs() < 1e-9);
        assert!(e.value.unwrap() > 6700.0 && e.value.unwrap() < 11000.0);
        assert_eq!(e.phase, Phase::Moving);
        assert!(
            (e.rate - 4300.0 / (b - a)).abs() < 1e-9,
            "rate is units per day"
        );
    }

    #[test]
    fn a_running_total_starts_at_zero_on_the_first_day_it_counts_from() {
        let s = containers();
        assert_eq!(s.at(day("2023-09-01")).value, Some(0.0));
        let before = s.at(day("2023-08-31"));
        assert_eq!(before.phase, Phase::NotStarted);
        assert_eq!(before.value, Some(0.0));
        assert_eq!(before.rate, 0.0);
    }

    #[test]
    fn after_the_last_reading_the_value_is_held_and_says_how_old_it_is() {
        let s = containers();
        let e = s.at(day("2025-01-01"));
        assert_eq!(e.value, Some(11000.0));
        assert_eq!(
            e.rate, 0.0,
            "nothing is known to move after the last reading"
        );
        assert_eq!(
            e.phase,
            Phase::Held {
                since: parse_day("2024-06-30").unwrap()
            }
        );
    }

    #[test]
    fn a_one_sided_figure_keeps_its_open_side_open() {
        let s = containers();
        let e = s.at(day("2024-06-30"));
        assert_eq!(e.low, Some(11000.0));
        assert_eq!(e.high, None, "'over 11,000' sets no ceiling");
        let mid = s.at(day("2024-04-15"));
        assert!(mid.low.is_some() && mid.high.is_none());
    }

    #[test]
    fn claimants_on_the_same_day_become_a_range() {
        let a = obs(
            Quantity::About(100.0),
            Measure::Cumulative,
            "2024/2024-12-31",
            Confidence::Reported,
        );
        let b = obs(
            Quantity::Range {
                low: 80.0,
                high: 160.0,
            },
            Measure::Cumulative,
            "2024/2024-12-31",
            Confidence::Claimed,
        );
        let e = Series::new([&a, &b]).at(day("2024-12-31"));
        assert_eq!(e.low, Some(80.0));
        assert_eq!(e.high, Some(160.0));
        assert_eq!(
            e.value,
            Some(110.0),
            "the mean of 100 and the range's midpoint 120"
        );
    }

    #[test]
    fn proposals_offers_and_denials_are_never_counted_as_moved() {
        let offer = obs(
            Quantity::Exact(100000.0),
            Measure::InPeriod,
            "2022",
            Confidence::Proposed,
        );
        let denied = obs(
            Quantity::Exact(5.0),
            Measure::InPeriod,
            "2022",
            Confidence::Denied,
        );
        let e = Series::new([&offer, &denied]).at(day("2023-01-01"));
        assert_eq!(e.phase, Phase::Uncounted);
        assert_eq!(e.value, None);
    }

    #[test]
    fn an_amount_in_a_period_is_spread_evenly_over_it_and_periods_add_up() {
        let y2024 = obs(
            Quantity::AtMost(9_000_000.0),
            Measure::InPeriod,
            "2024",
            Confidence::Reported,
        );
        let h2025 = obs(
            Quantity::Exact(1_000_000.0),
            Measure::InPeriod,
            "2025-H1",
            Confidence::Reported,
        );
        let s = Series::new([&y2024, &h2025]);
        assert_eq!(s.at(day("2024-01-01")).value, Some(0.0));
        let end_2024 = s.at(day("2024-12-31"));
        assert_eq!(end_2024.value, Some(9_000_000.0));
        assert_eq!(end_2024.low, None, "'as many as' sets no floor");
        assert_eq!(s.at(day("2025-06-30")).value, Some(10_000_000.0));
        let half = s.at(day("2024-07-01")).value.unwrap();
        assert!(
            (half - 4_500_000.0).abs() < 30_000.0,
            "about half the year's amount by July: {half}"
        );
    }

    #[test]
    fn a_stream_with_no_number_is_unknown_not_zero() {
        let oil = obs(
            Quantity::Unknown,
            Measure::InPeriod,
            "2024/2025-04",
            Confidence::Confirmed,
        );
        let s = Series::new([&oil]);
        let e = s.at(day("2024-06-01"));
        assert_eq!(e.phase, Phase::Unknown);
        assert_eq!(e.value, None);
        assert!(s.has_unknown());
        assert_eq!(s.at(day("2023-06-01")).phase, Phase::NotStarted);
    }
}
