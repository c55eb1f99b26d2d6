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

use crate::date::{DatePrecision, DateSpec, Day};
use crate::model::{Confidence, Measure, Quantity, Story};

/// A series' running total sampled for drawing, in runs (the charts draw them).
mod runs;
pub use runs::{runs, Run, Sample, SAMPLE_DAYS};

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
    fn plain(value: Option<f64>, low: Option<f64>, high: Option<f64>, phase: Phase) -> Self {
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
    // Up to 12 significant figures, written without exponent, then stripped of padding zeros.
    let text = format!("{:.*e}", 11, v.abs());
    let mantissa = text.split('e').next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_end_matches('0').len().max(1) as u8
}

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

struct Reading {
    first: Day,
    last: Day,
    start: When,
    end: When,
    quantity: Quantity,
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
                start: When::from(&o.period.start),
                end: When::from(&o.period.end),
                quantity: o.quantity,
            };
            match o.measure {
                Measure::Cumulative => cumulative.push(r),
                Measure::InPeriod => in_period.push(r),
            }
        }
        let mut points = Vec::new();
        if let Some(origin) = cumulative.iter().min_by_key(|r| r.first) {
            points.push(Point {
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
            });
            points.extend(cumulative.iter().filter_map(|r| {
                Some(Point {
                    day: f64::from(r.last),
                    low: r.quantity.low(),
                    value: r.quantity.central()?,
                    high: r.quantity.high(),
                    kind: Kind::Reading,
                    when: r.end,
                    digits: digits_of(&r.quantity),
                    exact: matches!(r.quantity, Quantity::Exact(_)),
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

    /// This whole stream raised, at every day, to at least the sum of `parts` (its central
    /// figure and its floor); see the module's rules. A whole with no number is left as it is.
    fn at_least_sum_of(&self, parts: &[&Series]) -> Series {
        let start = parts.iter().filter_map(|p| p.start).chain(self.start).min();
        if self.points.is_empty() || parts.iter().all(|p| p.points.is_empty()) {
            return Series {
                start,
                ..self.clone()
            };
        }
        let mut days: Vec<(f64, When, Kind)> = self
            .points
            .iter()
            .chain(parts.iter().flat_map(|p| &p.points))
            .map(|p| (p.day, p.when, p.kind))
            .collect();
        days.sort_by(|a, b| a.0.total_cmp(&b.0));
        days.dedup_by(|b, a| {
            if a.0 == b.0 {
                // The same day from a whole and a part: a reading says more than a start.
                if a.2 != Kind::Reading && b.2 == Kind::Reading {
                    a.1 = b.1;
                    a.2 = b.2;
                }
                true
            } else {
                false
            }
        });
        let own: Vec<f64> = self.points.iter().map(|p| p.day).collect();
        let points = days
            .into_iter()
            .map(|(day, when, kind)| {
                let w = self.at(day);
                let estimates: Vec<Estimate> = parts.iter().map(|p| p.at(day)).collect();
                let value: f64 = estimates.iter().filter_map(|e| e.value).sum();
                let floor: f64 = estimates.iter().filter_map(|e| e.low).sum();
                let digits = estimates.iter().map(|e| e.digits).fold(w.digits, u8::max);
                let whole_value = w.value.unwrap_or(0.0);
                let raised = value > whole_value + 1e-9;
                let on_own = own.contains(&day);
                if raised {
                    let value = value.max(whole_value);
                    let low = w.low.unwrap_or(0.0).max(floor);
                    Point {
                        day,
                        low: Some(low),
                        value,
                        high: w.high.map(|h| h.max(value)),
                        kind: if kind == Kind::Reading {
                            kind
                        } else {
                            Kind::Derived
                        },
                        when,
                        digits,
                        exact: false,
                    }
                } else {
                    Point {
                        day,
                        low: w.low.map(|l| l.max(floor)),
                        value: whole_value,
                        high: w.high,
                        kind: if on_own {
                            self.points
                                .iter()
                                .find(|p| p.day == day)
                                .map_or(Kind::Derived, |p| p.kind)
                        } else if day <= self.points[0].day {
                            Kind::Origin
                        } else {
                            Kind::Derived
                        },
                        when,
                        digits: w.digits,
                        exact: w.exact,
                    }
                }
            })
            .collect();
        Series {
            points,
            unknown: self.unknown,
            start,
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
            kind: Kind::Reading,
            when: r.end,
            digits: digits_of(&r.quantity),
            exact: matches!(r.quantity, Quantity::Exact(_)),
        };
        match groups.iter_mut().find(|g| g.0 == r.first && g.1 == r.last) {
            Some(g) => merge(&mut g.2, p, &mut g.3),
            None => groups.push((r.first, r.last, p, 1)),
        }
    }
    // The date each group's start is written as, for the estimates between its ends.
    let starts: Vec<When> = groups
        .iter()
        .map(|g| {
            let start = readings
                .iter()
                .find(|r| r.first == g.0 && r.last == g.1)
                .map_or(g.2.when, |r| r.start);
            When {
                start: true,
                ..start
            }
        })
        .collect();
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
                    exact: true,
                    ..Estimate::plain(Some(0.0), Some(0.0), Some(0.0), Phase::Moving)
                }
            } else {
                base.at(day)
            };
            let own = base.points.iter().find(|p| p.day == day);
            let mut p = Point {
                day,
                low: b.low,
                value: b.value.unwrap_or(0.0),
                high: b.high,
                kind: own.map_or(Kind::Origin, |o| o.kind),
                when: own.map_or(
                    When {
                        first: day as Day,
                        precision: DatePrecision::Day,
                        start: true,
                    },
                    |o| o.when,
                ),
                digits: b.digits,
                exact: b.exact,
            };
            let mut ends_here = false;
            let mut partial = b.between.is_some();
            for (&(first, end, g, _), start) in groups.iter().zip(&starts) {
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
                if f > 0.0 {
                    p.digits = p.digits.max(g.digits);
                    p.exact &= g.exact;
                }
                if f64::from(end) == day {
                    ends_here = true;
                    p.when = g.when;
                } else if f64::from(first) == day && own.is_none() && !ends_here {
                    p.when = *start;
                }
                partial |= f > 0.0 && f < 1.0;
            }
            p.kind = if partial {
                Kind::Derived
            } else if ends_here || own.is_some_and(|o| o.kind == Kind::Reading) {
                Kind::Reading
            } else {
                Kind::Origin
            };
            p
        })
        .collect()
}

/// The significant figures of a quantity as its source gives it (a range: its more precise end).
fn digits_of(q: &Quantity) -> u8 {
    match *q {
        Quantity::Range { low, high } => significant_digits(low).max(significant_digits(high)),
        _ => q.central().map_or(0, significant_digits),
    }
}

/// Every stream's series with each whole raised to at least the sum of its parts at every day.
/// Parts are settled before their wholes (deepest first), so each stream is visited once
/// however long a chain of parts is; a `part_of` that loops back, or leads to another unit or
/// to no stream, is ignored here (validation reports it).
fn wholes_at_least_their_parts(
    story: &Story,
    index: &std::collections::HashMap<&str, usize>,
    mut series: Vec<Series>,
) -> Vec<Series> {
    let n = story.streams.len();
    let mut parent: Vec<Option<usize>> = story
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = *index.get(s.part_of.as_deref()?)?;
            (p != i && story.streams[p].unit == s.unit).then_some(p)
        })
        .collect();
    // Depth of each stream in its chain, walking each chain once; a loop is cut where found.
    const UNSEEN: usize = usize::MAX;
    const ON_PATH: usize = usize::MAX - 1;
    let mut depth = vec![UNSEEN; n];
    let mut path = Vec::new();
    for i in 0..n {
        let mut at = i;
        while depth[at] == UNSEEN {
            depth[at] = ON_PATH;
            path.push(at);
            match parent[at] {
                Some(p) if depth[p] == ON_PATH => {
                    parent[at] = None;
                    break;
                }
                Some(p) => at = p,
                None => break,
            }
        }
        while let Some(j) = path.pop() {
            depth[j] = match parent[j] {
                Some(p) if depth[p] < ON_PATH => depth[p] + 1,
                _ => 0,
            };
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = *p {
            children[p].push(i);
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&i| !children[i].is_empty()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(depth[i]));
    for whole in order {
        let raised = {
            let parts: Vec<&Series> = children[whole].iter().map(|&c| &series[c]).collect();
            series[whole].at_least_sum_of(&parts)
        };
        series[whole] = raised;
    }
    series
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
        let own: Vec<Series> = by_stream.into_iter().map(Series::new).collect();
        let series = wholes_at_least_their_parts(story, &index, own);
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
    #[test]
    fn a_whole_never_shows_less_than_its_parts_on_any_day_of_the_default_story() {
        let story = crate::parse::load_json(
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
        )
        .unwrap();
        let series = StorySeries::new(&story);
        let id = |i: usize| story.streams[i].id.as_str();
        let mut checked = 0;
        for d in story.story.start.first()..=story.story.end.last() {
            let at = series.at(f64::from(d));
            for (whole, w) in at.iter().enumerate() {
                let parts: Vec<usize> = (0..story.streams.len())
                    .filter(|&i| story.streams[i].part_of.as_deref() == Some(id(whole)))
                    .collect();
                if parts.is_empty() || w.value.is_none() {
                    continue;
                }
                let sum: f64 = parts.iter().filter_map(|&i| at[i].value).sum();
                let floor: f64 = parts.iter().filter_map(|&i| at[i].low).sum();
                let value = w.value.unwrap();
                assert!(
                    value + 1e-6 >= sum,
                    "{} on day {}: {value} < its parts' {sum}",
                    id(whole),
                    crate::date::format_day(d)
                );
                if let Some(low) = w.low {
                    assert!(low + 1e-6 >= floor, "{}: floor {low} < {floor}", id(whole));
                }
                if let Some(high) = w.high {
                    assert!(high + 1e-6 >= value, "{}: high {high} < {value}", id(whole));
                }
                for &i in &parts {
                    assert!(
                        value + 1e-6 >= at[i].value.unwrap_or(0.0),
                        "{} on {}: {value} < part {}",
                        id(whole),
                        crate::date::format_day(d),
                        id(i)
                    );
                    if at[i].phase != Phase::NotStarted && at[i].value.is_some_and(|v| v > 0.0) {
                        assert_ne!(
                            w.phase,
                            Phase::NotStarted,
                            "{} has not started but its part has",
                            id(whole)
                        );
                    }
                }
                checked += 1;
            }
        }
        assert!(
            checked > 1000,
            "the story's wholes were walked day by day: {checked}"
        );
    }

    #[test]
    fn a_whole_bends_up_through_its_parts_and_is_a_floor_there() {
        // 11,000 troops by April 2025, counted from October 2024; 1,500 of them moved by
        // 13 October 2024 (the case that showed a whole of 626 with a part of 1,500).
        let whole = obs(
            Quantity::AtLeast(11000.0),
            Measure::Cumulative,
            "2024-10/2025-04",
            Confidence::Confirmed,
        );
        let part = obs(
            Quantity::Exact(1500.0),
            Measure::InPeriod,
            "2024-10-08/2024-10-13",
            Confidence::Reported,
        );
        let (w, p) = (Series::new([&whole]), Series::new([&part]));
        let raised = w.at_least_sum_of(&[&p]);
        let e = raised.at(day("2024-10-13"));
        assert_eq!(e.value, Some(1500.0));
        assert_eq!(e.low, Some(1500.0), "there the whole is at least its part");
        assert_eq!(e.high, None);
        assert_eq!(raised.at(day("2025-04-30")).value, Some(11000.0));
        let later = raised.at(day("2024-12-15")).value.unwrap();
        assert!(later > 1500.0 && later < 11000.0, "{later}");
        assert!(
            w.at(day("2024-10-13")).value.unwrap() < 1500.0,
            "the unbent curve was lower"
        );
    }

    #[test]
    fn an_estimate_between_readings_says_between_which_and_a_reading_says_it_is_one() {
        let s = containers();
        let on = s.at(day("2024-02-27"));
        assert_eq!(on.between, None);
        assert_eq!(on.digits, 2);
        assert!(!on.exact, "'about 6,700' is not an exact count");
        let mid = s.at(day("2024-04-15"));
        let [a, b] = mid.between.unwrap();
        assert_eq!(a.first, parse_day("2024-02-27").unwrap());
        assert_eq!(b.first, parse_day("2024-06-01").unwrap());
        assert_eq!(b.precision, crate::date::DatePrecision::Month);
        assert_eq!(mid.digits, 2);
        let start = s.at(day("2023-12-01")).between.unwrap();
        assert_eq!(
            start[0].first,
            parse_day("2023-09-01").unwrap(),
            "from the start of the count"
        );
    }

    #[test]
    fn on_a_reading_day_the_figure_is_the_reading_as_its_source_gives_it() {
        // "about 6,700" on 27 Feb 2024, before "at least 11,000": not "at least 6,700".
        let e = containers().at(day("2024-02-27"));
        assert_eq!(
            (e.low, e.value, e.high),
            (Some(6700.0), Some(6700.0), Some(6700.0))
        );
        assert_eq!(e.between, None);
    }

    #[test]
    fn significant_digits_leave_out_the_zeros_that_only_place_a_figure() {
        assert_eq!(significant_digits(9_000_000.0), 1);
        assert_eq!(significant_digits(11_000.0), 2);
        assert_eq!(significant_digits(6_700.0), 2);
        assert_eq!(significant_digits(1_500.0), 2);
        assert_eq!(significant_digits(100.0), 1);
        assert_eq!(significant_digits(3.0), 1);
        assert_eq!(significant_digits(2.5), 2);
        assert_eq!(significant_digits(8_605_479.0), 7);
        assert_eq!(significant_digits(-4_500.0), 2);
        assert_eq!(significant_digits(123_456_789_012.0), 12);
        assert_eq!(significant_digits(1_234_567_890_123.0), 12);
    }
}
