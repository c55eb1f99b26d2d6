//! The land's outline for the static image: the countries' rings with every edge two of them
//! share taken out and what is left chained into rings again, so that the image fills the land
//! once, along its coasts (and the map's clip), not every country along its borders as well.
//! The borders are drawn over it as lines, as before; a fill of each country laid its every
//! border twice and left a faint seam between neighbours in the gaps of the dashed border.
//! The default story's fallback image (`static/map.svg`): 15,454 -> 12,409 bytes gzipped, and
//! 10,946 with the coasts stroked along the same rings (`draw_basemap`).
//!
//! The live map fills every country's rings in one even-odd path and needs none of this: the
//! page's cost is the map module's weight, the image's its file's.

use std::collections::HashMap;

/// A point's exact bits, to find the same point in two rings: neighbours share their border
/// point for point (one arc in the basemap), projected alike.
type Key = (u32, u32);

/// One ring of the land's outline, in the units of the points given, closed (its first point
/// repeated last), and whether it is a hole in the land (a sea or lake that countries ring,
/// the Caspian) rather than land (an island in such a lake is land again).
pub(super) struct OutlineRing {
    pub points: Vec<(f32, f32)>,
    pub hole: bool,
}

/// The outline of the land made of the rings `xy` (`x, y` pairs) split at `starts` (the start
/// of each ring in points, then the total), as [`flowlines_core::basemap::BasemapColumns`]
/// holds them: every edge that two rings share (or one ring twice) left out, the rest chained
/// into closed rings, the outermost first, each ring inside an odd number of others a hole.
pub(super) fn land_outline(xy: &[f32], starts: &[u32]) -> Vec<OutlineRing> {
    let point = |i: usize| (xy[2 * i], xy[2 * i + 1]);
    let key = |(x, y): (f32, f32)| (x.to_bits(), y.to_bits());
    // An edge the same whichever way a ring runs along it.
    let undirected = |p, q| (key(p).min(key(q)), key(p).max(key(q)));
    // Every edge once, with how many times the rings draw it either way.
    let mut edges: Vec<((f32, f32), (f32, f32))> = Vec::new();
    let mut count: HashMap<(Key, Key), usize> = HashMap::new();
    for w in starts.windows(2) {
        let (a, z) = (w[0] as usize, (w[1] as usize).min(xy.len() / 2));
        for i in a..z.saturating_sub(1) {
            let (p, q) = (point(i), point(i + 1));
            if key(p) == key(q) {
                continue;
            }
            let n = count.entry(undirected(p, q)).or_insert(0);
            *n += 1;
            if *n == 1 {
                edges.push((p, q));
            }
        }
    }
    edges.retain(|&(p, q)| count[&undirected(p, q)] == 1);
    // Each point's edges, to walk from one to the next.
    let mut at: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, &(p, q)) in edges.iter().enumerate() {
        at.entry(key(p)).or_default().push(i);
        at.entry(key(q)).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut rings = Vec::new();
    for first in 0..edges.len() {
        if used[first] {
            continue;
        }
        used[first] = true;
        let (start, mut here) = edges[first];
        let mut ring = vec![start, here];
        while key(here) != key(start) {
            let next = at[&key(here)].iter().copied().find(|&e| !used[e]);
            let Some(e) = next else { break };
            used[e] = true;
            let (p, q) = edges[e];
            here = if key(p) == key(here) { q } else { p };
            ring.push(here);
        }
        if key(here) != key(start) {
            ring.push(start);
        }
        if ring.len() >= 4 {
            rings.push(ring);
        }
    }
    nested(rings)
}

/// `rings` with how deep each lies among the others (tested at the middle of its first edge,
/// where no other ring passes but by chance), the outermost first.
fn nested(rings: Vec<Vec<(f32, f32)>>) -> Vec<OutlineRing> {
    let probe = |r: &[(f32, f32)]| ((r[0].0 + r[1].0) / 2.0, (r[0].1 + r[1].1) / 2.0);
    let depth: Vec<usize> = rings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = probe(r);
            let others = rings.iter().enumerate().filter(|&(j, _)| j != i);
            others.filter(|(_, o)| contains(o, p)).count()
        })
        .collect();
    let mut order: Vec<usize> = (0..rings.len()).collect();
    order.sort_by_key(|&i| depth[i]);
    let mut rings: Vec<Option<Vec<(f32, f32)>>> = rings.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| {
            let points = rings[i].take()?;
            Some(OutlineRing {
                points,
                hole: depth[i] % 2 == 1,
            })
        })
        .collect()
}

/// Whether closed ring `r` holds point `p` (even-odd rule).
fn contains(r: &[(f32, f32)], (x, y): (f32, f32)) -> bool {
    let mut inside = false;
    for w in r.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Flat columns of `rings`, as the scene's basemap holds them.
    fn columns(rings: &[&[(f32, f32)]]) -> (Vec<f32>, Vec<u32>) {
        let mut xy = Vec::new();
        let mut starts = vec![0];
        for r in rings {
            xy.extend(r.iter().flat_map(|&(x, y)| [x, y]));
            starts.push((xy.len() / 2) as u32);
        }
        (xy, starts)
    }

    #[test]
    fn two_neighbours_make_one_outline_without_their_shared_border() {
        let west: &[(f32, f32)] = &[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        let east: &[(f32, f32)] = &[(1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 0.0)];
        let (xy, starts) = columns(&[west, east]);
        let outline = land_outline(&xy, &starts);
        assert_eq!(outline.len(), 1);
        let ring = &outline[0].points;
        assert_eq!(
            ring.len(),
            7,
            "six edges and the first point again: {ring:?}"
        );
        assert_eq!(ring.first(), ring.last());
        assert!(!outline[0].hole);
        assert!(!ring.windows(2).any(|w| w[0].0 == 1.0 && w[1].0 == 1.0));
    }

    #[test]
    fn a_sea_ringed_by_countries_is_a_hole_and_an_island_in_it_is_land() {
        // Four countries round a square sea from (1, 1) to (3, 3), an island in its middle.
        let north: &[(f32, f32)] = &[(0.0, 0.0), (4.0, 0.0), (3.0, 1.0), (1.0, 1.0), (0.0, 0.0)];
        let east: &[(f32, f32)] = &[(4.0, 0.0), (4.0, 4.0), (3.0, 3.0), (3.0, 1.0), (4.0, 0.0)];
        let south: &[(f32, f32)] = &[(4.0, 4.0), (0.0, 4.0), (1.0, 3.0), (3.0, 3.0), (4.0, 4.0)];
        let west: &[(f32, f32)] = &[(0.0, 4.0), (0.0, 0.0), (1.0, 1.0), (1.0, 3.0), (0.0, 4.0)];
        let island: &[(f32, f32)] = &[(1.8, 1.8), (2.2, 1.8), (2.2, 2.2), (1.8, 2.2), (1.8, 1.8)];
        let (xy, starts) = columns(&[north, east, south, west, island]);
        let outline = land_outline(&xy, &starts);
        let holes: Vec<bool> = outline.iter().map(|r| r.hole).collect();
        assert_eq!(
            holes,
            [false, true, false],
            "land, the sea in it, the island in that"
        );
        assert!(outline[1].points.contains(&(3.0, 3.0)));
        assert!(outline[2].points.contains(&(2.2, 2.2)));
    }
}
