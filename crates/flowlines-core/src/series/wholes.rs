//! A whole never shows less than its parts: each whole's curve raised, day by day, to at
//! least the sum of its parts' curves.

use super::{Estimate, Kind, Point, Series, When};
use crate::model::Story;

impl Series {
    /// This whole stream raised, at every day, to at least the sum of `parts` (its central
    /// figure and its floor); see the module's rules. A whole with no number is left as it is.
    pub(super) fn at_least_sum_of(&self, parts: &[&Series]) -> Series {
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
        crate::order::sort_by_key(&mut days, |d| crate::order::f64_key(d.0));
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
}

/// Every stream's series with each whole raised to at least the sum of its parts at every day.
/// Parts are settled before their wholes (deepest first), so each stream is visited once
/// however long a chain of parts is; a `part_of` that loops back, or leads to another unit or
/// to no stream, is ignored here (validation reports it).
pub(super) fn wholes_at_least_their_parts(
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
    crate::order::sort_by_key(&mut order, |&i| u64::MAX - depth[i] as u64);
    for whole in order {
        let raised = {
            let parts: Vec<&Series> = children[whole].iter().map(|&c| &series[c]).collect();
            series[whole].at_least_sum_of(&parts)
        };
        series[whole] = raised;
    }
    series
}
