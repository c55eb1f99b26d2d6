//! Amounts in periods built into a running total, each spread evenly over its days.

use super::{
    lerp_opt, merge, significant_digits, Estimate, Kind, Phase, Point, Reading, Series, When,
};
use crate::date::{DatePrecision, Day};
use crate::model::Quantity;

/// Adds amounts in periods to the running total: the same period from several claimants is one
/// amount (merged as a range), different periods add up, each spread evenly over its days.
pub(super) fn add_period_amounts(points: Vec<Point>, readings: &[Reading]) -> Vec<Point> {
    // Group by identical period; merge claimants.
    let mut groups: Vec<(Day, Day, Point, usize)> = Vec::new();
    for r in readings {
        let Some(p) = r.point(0.0) else {
            continue;
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
    crate::order::sort_by_key(&mut days, |&d| crate::order::f64_key(d));
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
pub(super) fn digits_of(q: &Quantity) -> u8 {
    match *q {
        Quantity::Range { low, high } => significant_digits(low).max(significant_digits(high)),
        _ => q.central().map_or(0, significant_digits),
    }
}
