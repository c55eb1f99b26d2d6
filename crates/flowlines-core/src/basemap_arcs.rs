//! Lines made of shared pieces, each piece kept once: a basemap's rings, borders and coasts as
//! arcs (TopoJSON's idea), so that the compact basemap stores a border once and not three
//! times (in each of the two countries' rings and in the border itself).
//!
//! Points are whole numbers on the compact basemap's grid. A line is cut wherever it passes a
//! junction: a point with other than two neighbours among all the lines, or an end of an open
//! line. Each piece between two cuts is an arc; a piece that another line already made, in
//! either direction, is that arc again. A closed ring is cut starting at its first junction and
//! remembers where it started, so every line reads back exactly as it was given: same points,
//! same first point, same direction.

use std::collections::{HashMap, HashSet};

/// A point on the grid: longitude and latitude in grid steps.
pub(crate) type Point = (i64, i64);

/// One line as arcs: `start`, for a closed ring, is where the ring began among the points the
/// arcs give (0 for an open line); `arcs` are indices into the arc list, `!i` for arc `i`
/// walked backwards.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ArcLine {
    pub start: usize,
    pub arcs: Vec<i64>,
}

/// `lines` (closed ones with their first point repeated last) as arcs shared among them, and
/// each line as a list of arcs.
pub(crate) fn to_arcs(lines: &[Vec<Point>]) -> (Vec<Vec<Point>>, Vec<ArcLine>) {
    let mut neighbours: HashMap<Point, Vec<Point>> = HashMap::new();
    for line in lines {
        for pair in line.windows(2) {
            for (a, b) in [(pair[0], pair[1]), (pair[1], pair[0])] {
                let list = neighbours.entry(a).or_default();
                if !list.contains(&b) {
                    list.push(b);
                }
            }
        }
    }
    let ends: HashSet<Point> = lines
        .iter()
        .filter(|l| l.first() != l.last())
        .flat_map(|l| l.first().into_iter().chain(l.last()).copied())
        .collect();
    let junction = |p: &Point| ends.contains(p) || neighbours.get(p).is_none_or(|n| n.len() != 2);
    // Each arc once, with its number (in the order first met); the list is made from it at the
    // end.
    let mut known: HashMap<Vec<Point>, i64> = HashMap::new();
    let mut arc_of = |piece: Vec<Point>| -> i64 {
        if let Some(&i) = known.get(&piece) {
            return i;
        }
        let backwards: Vec<Point> = piece.iter().rev().copied().collect();
        if let Some(&i) = known.get(&backwards) {
            return !i;
        }
        let i = known.len() as i64;
        known.insert(piece, i);
        i
    };
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let closed = line.len() > 2 && line.first() == line.last();
        // The points to walk, and where the walk began in the line.
        let (walk, start): (Vec<Point>, usize) = if closed {
            let n = line.len() - 1;
            match (0..n).find(|&i| junction(&line[i])) {
                Some(j) => ((0..=n).map(|k| line[(j + k) % n]).collect(), j),
                None => (line.clone(), 0),
            }
        } else {
            (line.clone(), 0)
        };
        let last = walk.len().saturating_sub(1);
        let mut refs = Vec::new();
        let mut from = 0;
        for i in 1..=last {
            if i == last || junction(&walk[i]) {
                refs.push(arc_of(walk[from..=i].to_vec()));
                from = i;
            }
        }
        if walk.len() == 1 {
            refs.push(arc_of(walk.clone()));
        }
        out.push(ArcLine { start, arcs: refs });
    }
    let mut arcs = vec![Vec::new(); known.len()];
    for (piece, i) in known {
        arcs[i as usize] = piece;
    }
    (arcs, out)
}

/// The line that `refs` (arcs as [`to_arcs`] numbers them) and `start` make of `arcs`, each a
/// flat `x, y, ...` line, as [`to_arcs`] was given it; `None` when it names an arc there is
/// not, or starts past its end. Plain loops: it is the page's module that reads basemaps.
pub(crate) fn from_arcs(arcs: &[Vec<f64>], start: usize, refs: &[i64]) -> Option<Vec<f64>> {
    let mut walk: Vec<f64> = Vec::new();
    for &r in refs {
        let backwards = r < 0;
        let arc = arcs.get(usize::try_from(if backwards { !r } else { r }).ok()?)?;
        let n = arc.len() / 2;
        // Each arc after the first begins where the last one ended.
        for k in usize::from(!walk.is_empty())..n {
            let j = if backwards { n - 1 - k } else { k };
            walk.extend_from_slice(&arc[2 * j..2 * j + 2]);
        }
    }
    if start == 0 {
        return Some(walk);
    }
    // A closed ring walked from its first junction: turned back to where it began.
    let n = (walk.len() / 2).checked_sub(1).filter(|&n| start < n)?;
    let mut line = Vec::with_capacity(walk.len());
    for i in 0..=n {
        let j = (n - start + i) % n;
        line.extend_from_slice(&walk[2 * j..2 * j + 2]);
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat_line(line: &[Point]) -> Vec<f64> {
        line.iter()
            .flat_map(|&(x, y)| [x as f64, y as f64])
            .collect()
    }

    fn flat_arcs(arcs: &[Vec<Point>]) -> Vec<Vec<f64>> {
        arcs.iter().map(|a| flat_line(a)).collect()
    }

    #[test]
    fn two_squares_sharing_a_side_keep_it_once_and_read_back_as_given() {
        let left = vec![(1, 1), (0, 1), (0, 0), (1, 0), (1, 1)];
        let right = vec![(1, 0), (2, 0), (2, 1), (1, 1), (1, 0)];
        let border = vec![(1, 0), (1, 1)];
        let lines = vec![left, right, border];
        let (arcs, as_arcs) = to_arcs(&lines);
        assert_eq!(arcs.len(), 3, "{arcs:?}");
        let flat = flat_arcs(&arcs);
        for (line, a) in lines.iter().zip(&as_arcs) {
            assert_eq!(from_arcs(&flat, a.start, &a.arcs), Some(flat_line(line)));
        }
    }

    #[test]
    fn an_island_with_no_junction_is_one_arc_and_a_bad_reference_reads_as_nothing() {
        let island = vec![(0, 0), (1, 0), (1, 1), (0, 0)];
        let (arcs, as_arcs) = to_arcs(std::slice::from_ref(&island));
        assert_eq!(arcs.len(), 1);
        let flat = flat_arcs(&arcs);
        assert_eq!(
            from_arcs(&flat, as_arcs[0].start, &as_arcs[0].arcs),
            Some(flat_line(&island))
        );
        assert_eq!(from_arcs(&flat, 0, &[5]), None);
        assert_eq!(from_arcs(&flat, 9, &[0]), None);
    }
}
