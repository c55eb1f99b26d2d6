//! The checks that need more than one entity at a time: measures of a stream that must not
//! overlap, chains of parts that loop, quotes and quantities.

use super::Checker;
use crate::model::{Quantity, Story};
use std::collections::HashMap;

/// A stream's counted figures must combine one way (see [`crate::series`]): all running totals
/// or all amounts in periods, and amounts in different periods must not overlap, or they would
/// be added twice. `index` is [`Story::stream_index`]: the figures are grouped by their
/// stream's position, stream by stream in the story's order (a figure of no stream is reported
/// where its stream is checked).
pub(super) fn check_measures(c: &mut Checker<'_>, story: &Story, index: &HashMap<&str, usize>) {
    use crate::model::Measure;
    let mut first: Vec<Option<(usize, Measure)>> = vec![None; story.streams.len()];
    let mut periods: Vec<Vec<(usize, i32, i32)>> = vec![Vec::new(); story.streams.len()];
    for (i, o) in story.observations.iter().enumerate() {
        if !o.confidence.counts_as_moved() || o.quantity == Quantity::Unknown {
            continue;
        }
        let Some((first, periods)) = index
            .get(&*o.stream)
            .and_then(|&s| Some((first.get_mut(s)?, periods.get_mut(s)?)))
        else {
            continue;
        };
        match *first {
            Some((j, m)) if m != o.measure => c.push(
                format!("/observations/{i}/measure"),
                format!(
                    "stream '{}' mixes running totals and amounts in periods (see observation '{}'): split it into two streams",
                    o.stream, story.observations[j].id
                ),
            ),
            Some(_) => {}
            None => *first = Some((i, o.measure)),
        }
        if o.measure == Measure::InPeriod {
            periods.push((i, o.period.first(), o.period.last()));
        }
    }
    for list in &mut periods {
        for (i, j) in overlapping(list) {
            c.push(
                format!("/observations/{i}/period"),
                format!(
                    "this amount's period overlaps that of observation '{}' on the same stream, so the two would be added: give them the same period (two claims of one amount) or periods that do not overlap",
                    story.observations[j].id
                ),
            );
        }
    }
}

/// For periods `(index, first day, last day)`, each one that overlaps an earlier-starting one
/// with another period, once, with the index of one it overlaps; sorts `list` by first day,
/// then last day (equal periods keep their order: listed by index, they stay so). Two equal
/// periods are two claims of one amount and do not count. O(n log n): sorted by start, a
/// period overlaps an earlier one exactly when it starts before the latest end so far among
/// periods unlike it, so the two latest-ending unlike periods seen are all it needs.
pub(super) fn overlapping(list: &mut Vec<(usize, i32, i32)>) -> Vec<(usize, usize)> {
    use crate::order::{i32_key, pair_key};
    crate::order::sort_by_key(list, |&(_, a, b)| pair_key(i32_key(a), i32_key(b)));
    let mut out = Vec::new();
    // The period seen that ends latest, and the latest-ending one unlike it.
    let mut best: Option<(usize, i32, i32)> = None;
    let mut other: Option<(usize, i32, i32)> = None;
    for &(i, a, b) in list.iter() {
        let hit = [best, other]
            .into_iter()
            .flatten()
            .find(|&(_, pa, pb)| (pa, pb) != (a, b) && a <= pb);
        if let Some((j, _, _)) = hit {
            out.push((i, j));
        }
        match best {
            Some((_, pa, pb)) if (pa, pb) == (a, b) => {}
            Some((j, pa, pb)) if b > pb => {
                other = Some((j, pa, pb));
                best = Some((i, a, b));
            }
            Some(_) => {
                if other.is_none_or(|(_, _, ob)| b > ob) {
                    other = Some((i, a, b));
                }
            }
            None => best = Some((i, a, b)),
        }
    }
    out
}

/// The indices of the streams whose `part_of` chain comes back to them, in linear time: each
/// chain is walked once, marking the streams on it, and a walk that meets its own marks has
/// found a cycle. `index` is [`Story::stream_index`], which the validator also uses.
pub(super) fn part_of_cycles(story: &Story, index: &HashMap<&str, usize>) -> Vec<usize> {
    let parent =
        |i: usize| -> Option<usize> { index.get(story.streams[i].part_of.as_deref()?).copied() };
    // 0: not seen; k + 1: seen on the walk from stream k.
    let mut walk = vec![0usize; story.streams.len()];
    let mut on_cycle = vec![false; story.streams.len()];
    for start in 0..story.streams.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            if walk[i] != 0 {
                if walk[i] == start + 1 {
                    // Back on this walk: mark the cycle from here round to here.
                    let mut k = i;
                    loop {
                        on_cycle[k] = true;
                        match parent(k) {
                            Some(p) if p != i => k = p,
                            _ => break,
                        }
                    }
                }
                break;
            }
            walk[i] = start + 1;
            at = parent(i);
        }
    }
    (0..story.streams.len()).filter(|&i| on_cycle[i]).collect()
}

/// A quote at `path` has words and a line of the document (counted from 1).
pub(super) fn check_quote(c: &mut Checker<'_>, path: &str, quote: Option<&crate::model::Quote>) {
    let Some(q) = quote else { return };
    if q.text.trim().is_empty() {
        c.push(
            format!("{path}/text"),
            "an empty quote: give the document's words".into(),
        );
    }
    if q.line == 0 {
        c.push(format!("{path}/line"), "lines are counted from 1".into());
    }
}

pub(super) fn check_quantity(c: &mut Checker<'_>, i: usize, q: &Quantity) {
    let key = match q {
        Quantity::Exact(_) => "exact",
        Quantity::About(_) => "about",
        Quantity::AtLeast(_) => "at_least",
        Quantity::AtMost(_) => "at_most",
        Quantity::Range { .. } => "range",
        Quantity::Unknown => "",
    };
    let path = format!("/observations/{i}/quantity/{key}");
    let values: Vec<f64> = match *q {
        Quantity::Exact(v) | Quantity::About(v) | Quantity::AtLeast(v) | Quantity::AtMost(v) => {
            vec![v]
        }
        Quantity::Range { low, high } => {
            if low > high {
                c.push(
                    format!("{path}/low"),
                    format!(
                        "low {} is above high {}",
                        crate::decimal::short(low),
                        crate::decimal::short(high)
                    ),
                );
            }
            vec![low, high]
        }
        Quantity::Unknown => vec![],
    };
    for v in values {
        if !v.is_finite() {
            c.push(
                path.clone(),
                format!("figure {} is not a finite number", crate::decimal::short(v)),
            );
        } else if v < 0.0 {
            c.push(
                path.clone(),
                format!(
                    "negative figure {}: quantities that move are never below zero",
                    crate::decimal::short(v)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::SplitMix;
    use std::collections::HashSet;

    /// The periods that overlap an unlike period starting before them (in the sweep's order),
    /// by comparing every pair.
    fn overlapping_by_pairs(list: &[(usize, i32, i32)]) -> HashSet<usize> {
        let mut out = HashSet::new();
        for &(i, a, b) in list {
            for &(j, c, d) in list {
                if (c, d, j) < (a, b, i) && (a, b) != (c, d) && a <= d && c <= b {
                    out.insert(i);
                }
            }
        }
        out
    }

    #[test]
    fn a_stream_mixing_measures_and_two_with_overlapping_amounts_are_reported_in_stream_order() {
        use crate::model::Measure;
        // Three streams of three running totals each: readings 0-2, 3-5 and 6-8.
        let mut story = crate::synthetic::synthetic_story(4, 3, 3, 7);
        story.observations[1].measure = Measure::InPeriod;
        // The second and third streams' amounts, each from its stream's first day to three
        // different ends: each overlaps the one before.
        for o in &mut story.observations[3..9] {
            o.measure = Measure::InPeriod;
        }
        let found: Vec<String> = crate::validate::validate(&story)
            .into_iter()
            .filter(|p| p.message.contains("mixes") || p.message.contains("overlaps"))
            .map(|p| p.path)
            .collect();
        assert_eq!(
            found,
            [
                "/observations/1/measure",
                "/observations/4/period",
                "/observations/5/period",
                "/observations/7/period",
                "/observations/8/period",
            ]
        );
    }

    #[test]
    fn the_sweep_reports_each_period_that_comparing_every_pair_finds_once() {
        let mut rng = SplitMix::new(3);
        for _ in 0..2000 {
            let n = 1 + rng.below(12);
            let mut list: Vec<(usize, i32, i32)> = (0..n)
                .map(|i| {
                    let a = rng.below(20) as i32;
                    (i, a, a + rng.below(6) as i32)
                })
                .collect();
            let expected = overlapping_by_pairs(&list);
            let period: HashMap<usize, (i32, i32)> =
                list.iter().map(|&(i, a, b)| (i, (a, b))).collect();
            let pairs = overlapping(&mut list);
            let reported: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
            assert_eq!(reported, expected, "{list:?}");
            assert_eq!(reported.len(), pairs.len(), "each period reported once");
            for (i, j) in pairs {
                let ((a, b), (c, d)) = (period[&i], period[&j]);
                assert!((a, b) != (c, d) && a <= d && c <= b, "{i} and {j} overlap");
            }
        }
    }
}
