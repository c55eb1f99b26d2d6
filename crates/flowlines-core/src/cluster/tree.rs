//! Places grouped by zoom level, as supercluster (and so FlowmapBlue and flowmap.gl) groups
//! them: in the fitted map's pixel space, each level merges the clusters of the level below it
//! that lie within a radius, so that a cluster at one level is always the union of clusters of
//! the next level in, and zooming in splits clusters and never mixes them.
//!
//! Level `z` is shown at zoom `2^z` (zoom 1 is the fitted map); its radius is
//! `radius_px / 2^z` fitted pixels, which is `radius_px` on screen at that zoom.

use std::collections::HashMap;

/// How many levels are built: zoom 1 to 16 ([`crate::view::MAX_ZOOM`]) is levels 0 to 4; the
/// last level holds each place alone.
pub const LEVELS: usize = 6;

/// The clusters of one zoom level.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// For each place, in the story's order, the index of its cluster at this level.
    pub of_place: Vec<u32>,
    /// Each cluster's centre: the mean of its places' positions, in fitted CSS pixels (zoom 1).
    pub centre: Vec<(f64, f64)>,
    /// Each cluster's places, in the story's order of places.
    pub members: Vec<Vec<u32>>,
}

/// The clusters of every zoom level, built once for a fitted projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterTree {
    levels: Vec<Level>,
}

impl ClusterTree {
    /// Groups `points` (each place's position in fitted CSS pixels at zoom 1) level by level,
    /// merging clusters closer than `radius_px` screen pixels at each level's zoom. Clusters are
    /// seeded in order of `weight` (higher first; equal weights keep place order), so the same
    /// input always gives the same clusters. A point that is not finite stays alone.
    pub fn new(points: &[(f64, f64)], weight: &[f64], radius_px: f64) -> Self {
        let n = points.len();
        let leaves = Level {
            of_place: (0..n as u32).collect(),
            centre: points.to_vec(),
            members: (0..n as u32).map(|i| vec![i]).collect(),
        };
        let mut levels = vec![leaves];
        for z in (0..LEVELS - 1).rev() {
            let below = levels.last().map_or_else(Vec::new, |l: &Level| {
                l.members
                    .iter()
                    .map(|m| {
                        m.iter()
                            .map(|&p| weight.get(p as usize).copied().unwrap_or(0.0))
                            .sum()
                    })
                    .collect()
            });
            let level = levels
                .last()
                .map(|l| merge(l, &below, radius_px / f64::from(1u32 << z)));
            if let Some(level) = level {
                levels.push(level);
            }
        }
        levels.reverse();
        ClusterTree { levels }
    }

    /// The level shown at zoom `k` (1 is the fitted map): `floor(log2 k)`, within the levels.
    pub fn level_for_zoom(&self, k: f64) -> usize {
        let z = if k.is_finite() && k > 1.0 {
            k.log2().floor() as usize
        } else {
            0
        };
        z.min(self.levels.len().saturating_sub(2))
    }

    /// Level `z` (0 is the fitted map, the most merged).
    pub fn level(&self, z: usize) -> Option<&Level> {
        self.levels.get(z)
    }
}

/// The clusters of `below` merged within `radius` fitted pixels: each cluster not yet taken,
/// heaviest first, takes every cluster not yet taken whose centre is within `radius` of its own.
fn merge(below: &Level, weight: &[f64], radius: f64) -> Level {
    let cell = |(x, y): (f64, f64)| ((x / radius).floor() as i64, (y / radius).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &c) in below.centre.iter().enumerate() {
        if c.0.is_finite() && c.1.is_finite() {
            grid.entry(cell(c)).or_default().push(i);
        }
    }
    let mut order: Vec<usize> = (0..below.centre.len()).collect();
    order.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
    let mut taken: Vec<Option<u32>> = vec![None; below.centre.len()];
    let mut level = Level {
        of_place: vec![0; below.of_place.len()],
        centre: Vec::new(),
        members: Vec::new(),
    };
    for seed in order {
        if taken[seed].is_some() {
            continue;
        }
        let id = level.members.len() as u32;
        let (sx, sy) = below.centre[seed];
        let mut group = vec![seed];
        if sx.is_finite() && sy.is_finite() {
            let (cx, cy) = cell((sx, sy));
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], |v| v.as_slice()) {
                        let (x, y) = below.centre[j];
                        if j != seed && taken[j].is_none() && (x - sx).hypot(y - sy) <= radius {
                            group.push(j);
                        }
                    }
                }
            }
        }
        let mut members: Vec<u32> = Vec::new();
        for &g in &group {
            taken[g] = Some(id);
            members.extend(&below.members[g]);
        }
        members.sort_unstable();
        let n = members.len() as f64;
        let (mut x, mut y) = (0.0, 0.0);
        for &g in &group {
            let share = below.members[g].len() as f64 / n;
            x += below.centre[g].0 * share;
            y += below.centre[g].1 * share;
        }
        level.centre.push((x, y));
        level.members.push(members);
    }
    for (p, &c) in below.of_place.iter().enumerate() {
        level.of_place[p] = taken[c as usize].unwrap_or(0);
    }
    level
}
