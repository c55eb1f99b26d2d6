//! Places grouped by zoom level, as supercluster (and so FlowmapBlue and flowmap.gl) groups
//! them: in the fitted map's pixel space, each level merges the clusters of the level below it
//! that lie within a radius, so that a cluster at one level is always the union of clusters of
//! the next level in, and zooming in splits clusters and never mixes them.
//!
//! Level `z` is shown at zoom `2^z` (zoom 1 is the fitted map); its radius is
//! `radius_px / 2^z` fitted pixels, which is `radius_px` on screen at that zoom.

use super::{distance, heaviest_first};
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
    /// Each cluster's places (in the order the clusters below it were merged).
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
        // Halvings rather than `log2`, which the map's WebAssembly would carry only for this.
        let (mut z, mut k) = (0, if k.is_finite() { k } else { 1.0 });
        while k >= 2.0 && z + 2 < self.levels.len() {
            k /= 2.0;
            z += 1;
        }
        z
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
    let key = |(gx, gy): (i64, i64)| ((gx as u64) << 32) ^ (gy as u64 & 0xFFFF_FFFF);
    // Each grid cell's first cluster, and each cluster's next in its cell (u32::MAX ends).
    let mut first: HashMap<u64, u32> = HashMap::new();
    let mut next = vec![u32::MAX; below.centre.len()];
    for (i, &c) in below.centre.iter().enumerate().rev() {
        if c.0.is_finite() && c.1.is_finite() {
            let head = first.entry(key(cell(c))).or_insert(u32::MAX);
            next[i] = *head;
            *head = i as u32;
        }
    }
    let order = heaviest_first(weight);
    let mut taken: Vec<Option<u32>> = vec![None; below.centre.len()];
    let mut level = Level {
        of_place: vec![0; below.of_place.len()],
        centre: Vec::new(),
        members: Vec::new(),
    };
    for seed in order {
        let seed = seed as usize;
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
                    let mut j = first.get(&key((gx, gy))).copied().unwrap_or(u32::MAX);
                    while j != u32::MAX {
                        let k = j as usize;
                        if k != seed
                            && taken[k].is_none()
                            && distance(below.centre[k], (sx, sy)) <= radius
                        {
                            group.push(k);
                        }
                        j = next[k];
                    }
                }
            }
        }
        let mut members: Vec<u32> = Vec::new();
        for &g in &group {
            taken[g] = Some(id);
            members.extend(&below.members[g]);
        }
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
