//! Lanes: streams between the same two places side by side, each direction on its own side.

use super::ends::Ends;
use crate::model::Story;
use std::collections::HashMap;

/// The farthest lane from a route's centre line, in lanes of [`PARALLEL_GAP_PX`](super::PARALLEL_GAP_PX).
const MAX_LANE: f64 = 8.0;

/// Each stream's lane: streams between the same two places on the same route are spread side
/// by side around the centre line, in story order; a stream running the other way counts its
/// lane from the other side, so each direction keeps to its own. Lanes go at most
/// [`MAX_LANE`] from the centre: past that, streams share the outermost lanes, so a route
/// shared by thousands of streams stays a band, not paths offset thousands of pixels away
/// (whose loops made layout grow faster than the number of streams).
///
/// `ends` holds each stream's places and route ([`super::ends::stream_ends`]); which way a
/// stream runs is told by its place ids' order, as the lanes were always laid. A stream whose
/// places are unknown (it has no path) gets lane 0.
pub(super) fn lanes(story: &Story, ends: &[Option<Ends>]) -> Vec<f64> {
    // The pair's places in the ids' order (so both directions share a key), and its route.
    let key = |s: &crate::model::Stream, e: &Ends| {
        let forward = s.from <= s.to;
        let (a, b) = if forward {
            (e.from, e.to)
        } else {
            (e.to, e.from)
        };
        ((a, b, e.route), forward)
    };
    // Each pair of places and route: how many streams it has, and how many are laid so far.
    let mut groups: HashMap<(u32, u32, u32), (usize, usize)> = HashMap::new();
    for (s, e) in story.streams.iter().zip(ends) {
        if let Some(e) = e {
            groups.entry(key(s, e).0).or_insert((0, 0)).0 += 1;
        }
    }
    story
        .streams
        .iter()
        .zip(ends)
        .map(|(s, e)| {
            let Some(e) = e else {
                return 0.0;
            };
            let (k, forward) = key(s, e);
            let (n, slot) = groups.get_mut(&k).map_or((1, 0), |g| {
                g.1 += 1;
                (g.0, g.1 - 1)
            });
            let lane = (slot as f64 - (n as f64 - 1.0) / 2.0).clamp(-MAX_LANE, MAX_LANE);
            if forward {
                lane
            } else {
                -lane
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::synthetic_story;

    /// The lanes as they were counted until 3 December 2026: three hash-map lookups a stream.
    fn lanes_by_lookups(story: &Story) -> Vec<f64> {
        let key = |s: &crate::model::Stream| {
            let (a, b) = if s.from <= s.to {
                (s.from.clone(), s.to.clone())
            } else {
                (s.to.clone(), s.from.clone())
            };
            (a, b, s.route.clone().unwrap_or_default())
        };
        let mut count: HashMap<_, usize> = HashMap::new();
        for s in &story.streams {
            *count.entry(key(s)).or_insert(0) += 1;
        }
        let mut seen: HashMap<_, usize> = HashMap::new();
        story
            .streams
            .iter()
            .map(|s| {
                let k = key(s);
                let n = count.get(&k).copied().unwrap_or(1);
                let slot = seen.entry(k).or_insert(0);
                let lane = (*slot as f64 - (n as f64 - 1.0) / 2.0).clamp(-MAX_LANE, MAX_LANE);
                *slot += 1;
                if s.from <= s.to {
                    lane
                } else {
                    -lane
                }
            })
            .collect()
    }

    #[test]
    fn streams_sharing_ends_and_route_are_spread_as_they_were_and_capped() {
        // 8 places and 3,000 streams: every pair shared both ways, by more streams than
        // there are lanes.
        let story = synthetic_story(8, 3_000, 2, 7);
        let lanes = lanes(&story, &super::super::ends::stream_ends(&story));
        assert_eq!(lanes, lanes_by_lookups(&story));
        assert!(lanes.iter().any(|l| l.abs() == MAX_LANE));
        assert!(lanes.iter().any(|&l| l != 0.0 && l.abs() < MAX_LANE));
    }
}
