//! Whether two sets of points on either side of a line come within a distance of each other,
//! in O((m + n) log n) steps where comparing every pair takes m·n: how
//! [`crowded_groups`](crate::crowded::crowded_groups) joins two neighbouring cells of places.
//!
//! Points are `(u, v)` in pixels, and every point of the first set has a smaller `u` than every
//! point of the second (a line of constant `u` runs between them). A point `b` of the second
//! set is then within `reach` of a point `a` of the first exactly when `b.u` is short of how
//! far right `a`'s disk reaches at height `b.v`: `a.u + √(reach² − (b.v − a.v)²)`. With the
//! first set sorted by `v`, the point whose disk reaches farthest moves only forwards as `v`
//! grows: two right half-disks of the same radius cross once, and past the crossing the one
//! centred higher (at a larger `v`) reaches farther. So the farthest-reaching point for the
//! middle `b` (by `v`) splits the rest into two searches, each with the points of the first
//! set on its side of it (divide and conquer over a monotone maximum). Each level of the
//! search reads the first set about once, and there are log₂ n levels.

use crate::order::f64_key;
use crate::polyline::length;

/// Where the second set of points lies from the first, across the line between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Every second point has a larger x than every first point: `u` is x, `v` is y.
    Right,
    /// Every second point has a larger y than every first point: `u` is y, `v` is x.
    Below,
}

/// A pair of places, one of `first` and one of `second`, closer than `reach` pixels to each
/// other, if there is one. Both list places as `(key, index into places)`, the key unread
/// (as [`crowded_groups`](crate::crowded::crowded_groups) keeps them, by cell); `places` are
/// pixel points, and the second set lies on `side` of the first. Two places are close as
/// [`length`] of their difference says, the test of comparing every pair: the disks' reach only
/// chooses which pair to test.
pub fn near_pair(
    first: &[(u64, usize)],
    second: &[(u64, usize)],
    places: &[(f64, f64)],
    side: Side,
    reach: f64,
) -> Option<(usize, usize)> {
    let uv = Uv { places, side };
    // (key of v, index), sorted by v: the core's one compiled sort (crate::order).
    let by_v = |set: &[(u64, usize)]| {
        let mut keyed = Vec::with_capacity(set.len());
        for &(_, i) in set {
            keyed.push((f64_key(uv.at(i).1), i));
        }
        keyed.sort_unstable();
        keyed
    };
    search(&by_v(first), &by_v(second), uv, reach)
}

/// Places as `(u, v)`: across the line between the two sets, and along it.
#[derive(Clone, Copy)]
struct Uv<'a> {
    places: &'a [(f64, f64)],
    side: Side,
}

impl Uv<'_> {
    fn at(self, i: usize) -> (f64, f64) {
        let (x, y) = self.places[i];
        match self.side {
            Side::Right => (x, y),
            Side::Below => (y, x),
        }
    }
}

/// [`near_pair`] of `first` and `second`, both sorted by `v`.
fn search(
    first: &[(u64, usize)],
    second: &[(u64, usize)],
    uv: Uv<'_>,
    reach: f64,
) -> Option<(usize, usize)> {
    if first.is_empty() || second.is_empty() {
        return None;
    }
    let middle = second.len() / 2;
    let b = second[middle].1;
    let (bu, v) = uv.at(b);
    // The point of `first` whose disk reaches farthest at `v` (the last of equals), and how
    // many lie below `v`.
    let mut farthest: Option<(f64, usize)> = None;
    let mut lower = 0;
    for (k, &(_, a)) in first.iter().enumerate() {
        let (au, av) = uv.at(a);
        lower += usize::from(av < v);
        let dv = v - av;
        if dv.abs() < reach {
            let u = au + (reach * reach - dv * dv).sqrt();
            if farthest.is_none_or(|(f, _)| u >= f) {
                farthest = Some((u, k));
            }
        }
    }
    let (below, above) = match farthest {
        Some((_, k)) => {
            let a = first[k].1;
            let (au, av) = uv.at(a);
            if length(bu - au, v - av) < reach {
                return Some((a, b));
            }
            // Lower points of `second` are reached farthest by this point or one before it;
            // higher ones by this point or one after it.
            (&first[..=k], &first[k..])
        }
        // No disk reaches height `v`: the points below it reach only lower points of
        // `second`, those above it only higher ones.
        None => first.split_at(lower),
    };
    search(below, &second[..middle], uv, reach)
        .or_else(|| search(above, &second[middle + 1..], uv, reach))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::SplitMix;

    const REACH: f64 = 60.0;

    fn close(points: &[(f64, f64)], (a, b): (usize, usize)) -> bool {
        let (p, q) = (points[a], points[b]);
        length(p.0 - q.0, p.1 - q.1) < REACH
    }

    /// `near_pair` of the places of `left` and then `right`, numbered in that order.
    fn near_pair_of(left: &[(f64, f64)], right: &[(f64, f64)]) -> Option<(usize, usize)> {
        let points: Vec<(f64, f64)> = left.iter().chain(right).copied().collect();
        let keyed = |range: std::ops::Range<usize>| range.map(|i| (0, i)).collect::<Vec<_>>();
        let (first, second) = (keyed(0..left.len()), keyed(left.len()..points.len()));
        let pair = near_pair(&first, &second, &points, Side::Right, REACH);
        if let Some(pair) = pair {
            assert!(pair.0 < left.len() && pair.1 >= left.len() && close(&points, pair));
        }
        pair
    }

    fn any_pair_close(left: &[(f64, f64)], right: &[(f64, f64)]) -> bool {
        left.iter()
            .any(|p| right.iter().any(|q| length(p.0 - q.0, p.1 - q.1) < REACH))
    }

    #[test]
    fn near_pair_finds_a_close_pair_exactly_when_comparing_every_pair_does() {
        let mut rng = SplitMix::new(11);
        for round in 0..2_000 {
            let (m, n) = (1 + round % 13, 1 + round % 7 * 3);
            // Left of x = 0 and right of it, by up to twice the reach, at heights over three.
            let mut left: Vec<(f64, f64)> = (0..m)
                .map(|_| (-rng.next_f64() * 2.0 * REACH, rng.next_f64() * 3.0 * REACH))
                .collect();
            let mut right: Vec<(f64, f64)> = (0..n)
                .map(|_| (rng.next_f64() * 2.0 * REACH, rng.next_f64() * 3.0 * REACH))
                .collect();
            if round % 5 == 0 {
                // One pair exactly the reach apart, which is not closer than it.
                right[0].0 /= 2.0;
                left[0] = (right[0].0 - REACH, right[0].1);
            }
            let found = near_pair_of(&left, &right);
            assert_eq!(
                found.is_some(),
                any_pair_close(&left, &right),
                "{left:?} {right:?}"
            );
        }
    }

    #[test]
    fn two_crowds_just_out_of_reach_of_each_other_have_no_near_pair_until_a_place_moves_closer() {
        // 50,000 places on a slanting line, all just beyond the reach of the 50,000 on the
        // line facing it: 2.5·10⁹ pairs, none close.
        let n = 50_000;
        let at = |i: usize| i as f64 / n as f64 * 10.0;
        let left: Vec<(f64, f64)> = (0..n).map(|i| (-at(i) * 0.01, at(i))).collect();
        let right: Vec<(f64, f64)> = (0..n)
            .map(|i| (REACH + 1e-3 + at(i) * 0.01, at(i)))
            .collect();
        assert_eq!(near_pair_of(&left, &right), None);
        let mut moved = right.clone();
        moved[n / 3].0 -= 0.1; // 59.9 and a little more from its neighbour at the same height
        assert!(near_pair_of(&left, &moved).is_some());
    }
}
