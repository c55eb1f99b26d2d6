//! Which places crowd each other on a map: groups of places closer than
//! [`CROWDED_PX`](crate::frame::CROWDED_PX) to one another (single linkage), from which the
//! frame picks the cluster a detail inset shows ([`crate::frame`]).

use crate::frame::CROWDED_PX;
use crate::near_pair::{near_pair, Side};
use crate::order::{i32_key, pair_key};
use crate::polyline::length;

/// Places joined into groups (union-find): each place's parent, a group's root its own.
struct Groups(Vec<usize>);

impl Groups {
    /// `n` places, each a group of its own.
    fn new(n: usize) -> Self {
        Groups((0..n).collect())
    }

    /// The root of the group of place `i`, each place passed on the way pointed higher.
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Joins the groups of places `a` and `b`.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.0[ra.max(rb)] = ra.min(rb);
    }

    /// The groups of more than one place, each in the places' order, largest first (equal
    /// sizes in the order of their first places).
    fn crowded(mut self) -> Vec<Vec<usize>> {
        let n = self.0.len();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index_of = vec![usize::MAX; n];
        for i in 0..n {
            let r = self.root(i);
            if index_of[r] == usize::MAX {
                index_of[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[index_of[r]].push(i);
        }
        groups.retain(|g| g.len() > 1);
        crate::order::sort_by_key(&mut groups, |g| u64::MAX - g.len() as u64);
        groups
    }
}

/// The places of `places` (pixels) that crowd each other, as groups of indices (single
/// linkage at [`CROWDED_PX`]), largest first; a place that is not a number crowds none.
/// Places are sorted into square cells half [`CROWDED_PX`] a side: the places of one cell are
/// all closer than that to each other, so they are one group at once, and a place closer than
/// that to another lies in one of the 24 cells round it, so two cells' places are compared only
/// until one pair is found, by [`near_pair`], whose steps grow as (m + n) log n where comparing
/// every pair takes m·n. Comparing every pair took a story of 100,000 places (the most a story
/// may have) 5·10⁹ comparisons, 10.5 s natively on a map's worth of space; comparing two
/// crowded cells' places pair by pair, when none was close enough, took as long.
pub fn crowded_groups(places: &[(f64, f64)]) -> Vec<Vec<usize>> {
    /// A cell's side, pixels: its diagonal is shorter than [`CROWDED_PX`].
    const CELL: f64 = CROWDED_PX / 2.0;
    /// The cells after a cell (by column, then row) that may hold a place closer than
    /// [`CROWDED_PX`] to one of its own: two columns or rows on at most.
    const NEAR_CELLS: [(i32, i32); 12] = [
        (0, 1),
        (0, 2),
        (1, -2),
        (1, -1),
        (1, 0),
        (1, 1),
        (1, 2),
        (2, -2),
        (2, -1),
        (2, 0),
        (2, 1),
        (2, 2),
    ];
    let n = places.len();
    let mut groups = Groups::new(n);
    // The places that are numbers, as (cell, index), by cell: a cell's places side by side.
    let key = |cx: i32, cy: i32| pair_key(i32_key(cx), i32_key(cy));
    let cell_of = |(x, y): (f64, f64)| ((x / CELL).floor() as i32, (y / CELL).floor() as i32);
    let mut sorted: Vec<(u64, usize)> = (0..n)
        .filter(|&i| places[i].0.is_finite() && places[i].1.is_finite())
        .map(|i| {
            let (cx, cy) = cell_of(places[i]);
            (key(cx, cy), i)
        })
        .collect();
    sorted.sort_unstable();
    let run = |k: u64| {
        let from = sorted.partition_point(|&(c, _)| c < k);
        let to = from + sorted[from..].partition_point(|&(c, _)| c == k);
        (from, to)
    };
    let mut from = 0;
    while from < sorted.len() {
        // The cell's own run starts here: its end is found from here on.
        let own = sorted[from].0;
        let to = from + sorted[from..].partition_point(|&(c, _)| c == own);
        let (first, (cx, cy)) = (sorted[from].1, cell_of(places[sorted[from].1]));
        let close = |a: usize, b: usize| {
            let (pa, pb) = (places[a], places[b]);
            length(pa.0 - pb.0, pa.1 - pb.1) < CROWDED_PX
        };
        let edge = |c: i32| c == i32::MIN || c == i32::MAX;
        if edge(cx) || edge(cy) {
            // Billions of pixels out, the last cell holds every place beyond it: pair by pair.
            for (k, &(_, a)) in sorted[from..to].iter().enumerate() {
                for &(_, b) in &sorted[from + k + 1..to] {
                    if close(a, b) {
                        groups.join(a, b);
                    }
                }
            }
        } else {
            // A cell's places are all closer than CROWDED_PX to each other.
            for &(_, a) in &sorted[from + 1..to] {
                groups.join(first, a);
            }
        }
        // Then against each cell after it that a place of it may be close to, until the two
        // are one group.
        for (dx, dy) in NEAR_CELLS {
            let (Some(x), Some(y)) = (cx.checked_add(dx), cy.checked_add(dy)) else {
                continue;
            };
            let (b0, b1) = run(key(x, y));
            if b0 == b1 || groups.root(first) == groups.root(sorted[b0].1) {
                continue;
            }
            // Two cells side by side mostly have a close pair among their first places: four
            // times as many pairs as the cells have places are compared first, and the search
            // runs only when those were not all of them (100,000 random places on a map took
            // 67 ms natively by the search alone, 11 this way, as pair by pair). The cell
            // after this one is to its right (dx > 0) or below it.
            let (mine, near) = (&sorted[from..to], &sorted[b0..b1]);
            let budget = 4 * (mine.len() + near.len());
            let first_pairs = mine
                .iter()
                .flat_map(|&(_, a)| near.iter().map(move |&(_, b)| (a, b)))
                .take(budget)
                .find(|&(a, b)| close(a, b));
            let pair = if first_pairs.is_some() || mine.len() * near.len() <= budget {
                first_pairs
            } else {
                let side = if dx > 0 { Side::Right } else { Side::Below };
                near_pair(mine, near, places, side, CROWDED_PX)
            };
            if let Some((a, b)) = pair {
                groups.join(a, b);
            }
        }
        from = to;
    }
    groups.crowded()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair compared, as `crowded_groups` did before it sorted places into cells.
    fn crowded_groups_by_every_pair(places: &[(f64, f64)]) -> Vec<Vec<usize>> {
        let n = places.len();
        let mut groups = Groups::new(n);
        for a in 0..n {
            for b in a + 1..n {
                let (pa, pb) = (places[a], places[b]);
                if length(pa.0 - pb.0, pa.1 - pb.1) < CROWDED_PX {
                    groups.join(a, b);
                }
            }
        }
        groups.crowded()
    }

    #[test]
    fn crowded_groups_by_cells_are_the_groups_of_comparing_every_pair() {
        let mut rng = crate::synthetic::SplitMix::new(7);
        for (n, side) in [
            (0, 100.0),
            (1, 100.0),
            (2, 50.0),
            (40, 300.0),
            (300, 1200.0),
            (300, 200.0),
        ] {
            for _ in 0..20 {
                let mut places: Vec<(f64, f64)> = (0..n)
                    .map(|_| {
                        (
                            rng.next_f64() * side - side / 3.0,
                            rng.next_f64() * side - side / 2.0,
                        )
                    })
                    .collect();
                if n > 2 {
                    // Places on cell edges, exactly CROWDED_PX apart, repeated, and not numbers.
                    places[0] = (CROWDED_PX, 0.0);
                    places[1] = (2.0 * CROWDED_PX, 0.0);
                    places[2] = places[1];
                }
                places.extend([
                    (f64::NAN, 1.0),
                    (f64::INFINITY, 0.0),
                    (1.0, f64::NEG_INFINITY),
                ]);
                assert_eq!(
                    crowded_groups(&places),
                    crowded_groups_by_every_pair(&places),
                    "{places:?}"
                );
            }
        }
        let far = [
            (1e300, 0.0),
            (1e300, 1.0),
            (2e300, 0.0),
            (2e300, 30.0),
            (-1e300, 0.0),
            (f64::MAX, f64::MAX),
        ];
        assert_eq!(crowded_groups(&far), crowded_groups_by_every_pair(&far));
    }

    #[test]
    fn two_crowds_in_cells_side_by_side_just_out_of_reach_stay_two_groups() {
        // 50,000 places in a cell and 50,000 two cells to its right, each crowd a tenth of a
        // pixel wide and 60.1 px from the other: 2.5·10⁹ pairs, none close, which the cells
        // used to compare one by one.
        let n = 50_000;
        let at = |i: usize| (i % 100) as f64 / 1_000.0;
        let places: Vec<(f64, f64)> = (0..2 * n)
            .map(|i| {
                let y = (i / 100 % 500) as f64 * 0.05;
                if i < n {
                    (at(i), y)
                } else {
                    (CROWDED_PX + 0.2 + at(i), y)
                }
            })
            .collect();
        let groups = crowded_groups(&places);
        assert_eq!(
            groups,
            vec![(0..n).collect::<Vec<_>>(), (n..2 * n).collect()]
        );
    }
}
