//! A stream's quantity and rate at any moment, from its observations.
//!
//! # The rules
//! - Only figures that count as moved ([`Confidence::counts_as_moved`](crate::model::Confidence::counts_as_moved): claimed, reported,
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
//! - **A whole never shows less than its parts**: a stream that others are part of
//!   ([`crate::model::Stream::part_of`]) is, at every day, at least the sum of its parts (its
//!   central figure and its floor); where its own readings would put it lower, its curve bends
//!   up through the parts' sum, and there its figure is a floor ("at least"). Parts are settled
//!   before their wholes, so a chain of parts adds up from the bottom.
//! - Each estimate says what it rests on: whether it is a figure as a source gives it (on or
//!   held from a reading day) or an estimate between two dated figures, how many significant
//!   figures the readings behind it have, and whether they are exact counts. How it is then
//!   written is [`crate::figure`]'s business.
//!
//! Times are [`Day`]s as `f64`, so an animation can ask for any fraction of a day.
//!
//! [`Measure::Cumulative`]: crate::model::Measure::Cumulative
//! [`Measure::InPeriod`]: crate::model::Measure::InPeriod
//! [`Phase::Held`]: crate::series::Phase::Held
//! [`Day`]: crate::date::Day

use crate::date::Day;
use crate::model::{Measure, Quantity};

/// What a series says at a moment: the estimate, its phase and its significant figures.
mod estimate;
/// Amounts in periods built into a running total.
mod periods;
/// A story's readings grouped by stream.
mod readings;
/// A series' running total sampled for drawing, in runs (the charts draw them).
mod runs;
/// The series of every stream of a story.
mod story;
/// Wholes raised to at least the sum of their parts.
mod wholes;

pub use estimate::{significant_digits, Estimate, Phase, When};
pub use readings::StreamReadings;
pub use runs::{runs, Run, Sample, SAMPLE_DAYS};
pub use story::StorySeries;

use periods::{add_period_amounts, digits_of};

/// What a point of a running total stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The start of the count, at zero.
    Origin,
    /// A day on which readings give the figure.
    Reading,
    /// A day where only the way figures combine puts a point (another period's end, a part's
    /// reading that does not lift the whole): between two readings, still an estimate.
    Derived,
}

/// One point of a running total.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    day: f64,
    low: Option<f64>,
    value: f64,
    high: Option<f64>,
    kind: Kind,
    /// The date as precisely as the source gives it.
    when: When,
    /// Significant figures of the readings behind it.
    digits: u8,
    /// Whether every reading behind it is an exact count.
    exact: bool,
}

impl Point {
    /// Whether an estimate can be said to lie between this point and another: a reading or
    /// the start of the count.
    fn is_boundary(&self) -> bool {
        self.kind != Kind::Derived
    }
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

#[derive(Clone, Copy)]
struct Reading {
    first: Day,
    last: Day,
    start: When,
    end: When,
    quantity: Quantity,
}

impl Reading {
    /// The reading's figure as a point on `day`, or `None` where it has no central value.
    /// Inlined into its two callers: 108 bytes lighter in the map module, gzipped, than one
    /// shared call.
    #[inline(always)]
    fn point(&self, day: f64) -> Option<Point> {
        let q = &self.quantity;
        Some(Point {
            day,
            low: q.low(),
            value: q.central()?,
            high: q.high(),
            kind: Kind::Reading,
            when: self.end,
            digits: digits_of(q),
            exact: matches!(q, Quantity::Exact(_)),
        })
    }
}

fn merge(into: &mut Point, p: Point, n: &mut usize) {
    into.digits = into.digits.max(p.digits);
    into.exact &= p.exact;
    if p.kind == Kind::Reading {
        into.kind = Kind::Reading;
    }
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

/// Merges points on the same day (claimants agreeing on a moment) into one, in place.
fn merge_same_day(mut pts: Vec<Point>) -> Vec<Point> {
    crate::order::sort_by_key(&mut pts, |p| crate::order::f64_key(p.day));
    let (mut kept, mut count) = (0usize, 1);
    for i in 0..pts.len() {
        let p = pts[i];
        if kept > 0 && pts[kept - 1].day == p.day {
            merge(&mut pts[kept - 1], p, &mut count);
        } else {
            pts[kept] = p;
            kept += 1;
            count = 1;
        }
    }
    pts.truncate(kept);
    pts
}

fn lerp_opt(a: Option<f64>, b: Option<f64>, f: f64) -> Option<f64> {
    Some(a? + (b? - a?) * f)
}

impl Series {
    /// Builds the series of the observations given; those that do not count as moved are
    /// skipped. `measure` of the first counted observation decides how figures combine.
    pub fn new<'a>(observations: impl IntoIterator<Item = &'a crate::model::Observation>) -> Self {
        let observations = observations.into_iter();
        // A stream's readings are few: room for each and the origin at once.
        let mut points = Vec::with_capacity(observations.size_hint().0 + 1);
        // The earliest running total's start (the first of several as early), for the origin.
        let mut origin: Option<Reading> = None;
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
                start: When::from(&o.period.start),
                end: When::from(&o.period.end),
                quantity: o.quantity,
            };
            match o.measure {
                Measure::Cumulative => {
                    if origin.is_none_or(|e| r.first < e.first) {
                        origin = Some(r);
                    }
                    points.extend(r.point(f64::from(r.last)));
                }
                Measure::InPeriod => in_period.push(r),
            }
        }
        if let Some(origin) = origin {
            points.insert(
                0,
                Point {
                    day: f64::from(origin.first),
                    low: Some(0.0),
                    value: 0.0,
                    high: Some(0.0),
                    kind: Kind::Origin,
                    when: When {
                        start: true,
                        ..origin.start
                    },
                    digits: 0,
                    exact: true,
                },
            );
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
        let Some(start) = self.start else {
            return Estimate::plain(None, None, None, Phase::Uncounted);
        };
        if day < f64::from(start) {
            let zero = Some(0.0);
            return Estimate {
                exact: true,
                ..Estimate::plain(zero, zero, zero, Phase::NotStarted)
            };
        }
        let pts = &self.points;
        let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
            return Estimate::plain(None, None, None, Phase::Unknown);
        };
        if day < first.day {
            // A figure with no number started before the first one with a number.
            return Estimate::plain(None, None, None, Phase::Unknown);
        }
        if day >= last.day {
            return Estimate {
                digits: last.digits,
                exact: last.exact && last.kind != Kind::Derived,
                ..Estimate::plain(
                    Some(last.value),
                    last.low,
                    last.high,
                    Phase::Held {
                        since: last.day as Day,
                    },
                )
            };
        }
        let i = pts.partition_point(|p| p.day <= day);
        let (a, b) = (pts[i - 1], pts[i]);
        let span = b.day - a.day;
        let f = (day - a.day) / span;
        let on_reading = f == 0.0 && a.kind == Kind::Reading;
        // The figures the moment lies between: the nearest reading or start on each side.
        let before = pts[..i]
            .iter()
            .rev()
            .find(|p| p.is_boundary())
            .unwrap_or(&a);
        let after = pts[i..].iter().find(|p| p.is_boundary()).unwrap_or(&b);
        // On a point's own day its bounds are its own (an open side of the next reading does
        // not reach back to it).
        let (low, high) = if f == 0.0 {
            (a.low, a.high)
        } else {
            (lerp_opt(a.low, b.low, f), lerp_opt(a.high, b.high, f))
        };
        Estimate {
            value: Some(a.value + (b.value - a.value) * f),
            low,
            high,
            rate: (b.value - a.value) / span,
            phase: Phase::Moving,
            digits: if on_reading {
                a.digits
            } else {
                before.digits.max(after.digits).max(a.digits).max(b.digits)
            },
            exact: on_reading && a.exact,
            between: (!on_reading).then_some([before.when, after.when]),
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

#[cfg(test)]
mod tests;
