//! Flows between clusters: each stream's figure added to the flow from its origin's cluster to
//! its destination's, one flow per unit (figures in different units are never added), the
//! largest kept whole to be drawn and the rest summed, per unit, for one line of text.

use super::heaviest_first;
use crate::model::{positions, Story};
use std::collections::HashMap;

/// One stream as clustering sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    /// The stream's index in the story.
    pub stream: u32,
    /// Its origin's place index.
    pub from: u32,
    /// Its destination's place index.
    pub to: u32,
    /// Its unit's index in the story.
    pub unit: u32,
    /// Its figure at the day shown, in its unit; `None` when no number is known.
    pub value: Option<f64>,
}

/// Each stream of `story` as clustering sees it, in story order, with no figure yet
/// (`value: None`): its ends' place indices and its unit's index (`u32::MAX` for an unknown
/// unit). A stream whose ends are not both known places is left out.
pub fn members(story: &Story) -> Vec<Member> {
    let place = positions(&story.places, |p| &p.id);
    let unit = positions(&story.units, |u| &u.id);
    let mut members = Vec::with_capacity(story.streams.len());
    for (i, s) in story.streams.iter().enumerate() {
        let (Some(&from), Some(&to)) = (place.get(s.from.as_str()), place.get(s.to.as_str()))
        else {
            continue;
        };
        let unit = unit.get(s.unit.as_str()).copied().unwrap_or(u32::MAX);
        members.push(Member {
            stream: i as u32,
            from,
            to,
            unit,
            value: None,
        });
    }
    members
}

/// A flow from one cluster to another, in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterFlow {
    /// The origin's cluster.
    pub from: u32,
    /// The destination's cluster.
    pub to: u32,
    /// The unit's index in the story.
    pub unit: u32,
    /// The sum of the member streams' known figures, in the unit.
    pub total: f64,
    /// The member streams: the lead (the largest figure, the first met among equals) first,
    /// then the others in the order met.
    pub streams: Vec<u32>,
    /// How many member streams have no known figure (they add nothing to `total`).
    pub unknown: u32,
}

/// What is left out of the drawn flows in one unit: flows beyond the kept ones and flows whose
/// ends fall in one cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rest {
    /// The unit's index in the story.
    pub unit: u32,
    /// How many streams.
    pub streams: u32,
    /// The sum of their known figures, in the unit.
    pub total: f64,
}

/// The flows to draw and the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aggregate {
    /// At most the number asked for, the largest first (see [`aggregate`]).
    pub kept: Vec<ClusterFlow>,
    /// One entry per unit that has anything left out, in unit order.
    pub rest: Vec<Rest>,
}

/// Adds `members` into flows between the clusters `cluster_of` gives their places, one flow per
/// (origin cluster, destination cluster, unit), and keeps at most `keep` of them: those with the
/// largest share of their unit's largest flow (a unit-free measure, so that no unit crowds out
/// another for its larger numbers), equal shares in the order their first stream comes in
/// `members`, so that the same input always keeps the same flows. Flows inside one cluster and the
/// flows not kept are summed per unit into [`Aggregate::rest`].
pub fn aggregate(members: &[Member], cluster_of: &[u32], keep: usize) -> Aggregate {
    let units = members
        .iter()
        .map(|m| m.unit as usize + 1)
        .max()
        .unwrap_or(0);
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut flows: Vec<ClusterFlow> = Vec::new();
    // Each flow's largest member figure, for its lead stream.
    let mut largest: Vec<f64> = Vec::new();
    let mut rest: Vec<Rest> = (0..units as u32)
        .map(|unit| Rest {
            unit,
            streams: 0,
            total: 0.0,
        })
        .collect();
    for m in members {
        let (Some(&a), Some(&b)) = (
            cluster_of.get(m.from as usize),
            cluster_of.get(m.to as usize),
        ) else {
            continue;
        };
        let value = m.value.filter(|v| v.is_finite()).map(|v| v.max(0.0));
        if a == b {
            rest[m.unit as usize].streams += 1;
            rest[m.unit as usize].total += value.unwrap_or(0.0);
            continue;
        }
        // Up to 2^24 clusters and 2^16 units: more than any story the page reads.
        let key = (u64::from(a) << 40) ^ (u64::from(b) << 16) ^ u64::from(m.unit);
        let k = *index.entry(key).or_insert_with(|| {
            flows.push(ClusterFlow {
                from: a,
                to: b,
                unit: m.unit,
                total: 0.0,
                streams: Vec::new(),
                unknown: 0,
            });
            largest.push(f64::NEG_INFINITY);
            (flows.len() - 1) as u32
        }) as usize;
        let f = &mut flows[k];
        f.total += value.unwrap_or(0.0);
        f.unknown += u32::from(value.is_none());
        // The lead stream first: the largest figure, the first in story order among equals.
        let v = value.unwrap_or(f64::NEG_INFINITY);
        if f.streams.is_empty() || v > largest[k] {
            f.streams.insert(0, m.stream);
            largest[k] = largest[k].max(v);
        } else {
            f.streams.push(m.stream);
        }
    }
    let mut top = vec![0.0_f64; units];
    for f in &flows {
        top[f.unit as usize] = top[f.unit as usize].max(f.total);
    }
    let share: Vec<f64> = flows
        .iter()
        .map(|f| {
            let t = top[f.unit as usize];
            if t > 0.0 {
                f.total / t
            } else {
                0.0
            }
        })
        .collect();
    // Largest share first; equal shares in the order the flows were first met (story order).
    let mut kept = Vec::with_capacity(keep.min(flows.len()));
    let mut slots: Vec<Option<ClusterFlow>> = flows.into_iter().map(Some).collect();
    for (n, i) in heaviest_first(&share).into_iter().enumerate() {
        let Some(f) = slots[i as usize].take() else {
            continue;
        };
        if n < keep {
            kept.push(f);
        } else {
            rest[f.unit as usize].streams += f.streams.len() as u32;
            rest[f.unit as usize].total += f.total;
        }
    }
    rest.retain(|r| r.streams > 0);
    Aggregate { kept, rest }
}
