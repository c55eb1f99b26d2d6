//! Flows between clusters: each stream's figure added to the flow from its origin's cluster to
//! its destination's, one flow per unit (figures in different units are never added), the
//! largest kept whole to be drawn and the rest summed, per unit, for one line of text.

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
    /// The member streams, the largest figure first (equal figures in story order).
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
/// another for its larger numbers), ties broken by more streams and then by cluster and unit
/// index, so that the same input always keeps the same flows. Flows inside one cluster and the
/// flows not kept are summed per unit into [`Aggregate::rest`].
pub fn aggregate(members: &[Member], cluster_of: &[u32], keep: usize) -> Aggregate {
    let mut index: HashMap<(u32, u32, u32), usize> = HashMap::new();
    let mut flows: Vec<ClusterFlow> = Vec::new();
    let mut rest: Vec<Rest> = Vec::new();
    let add_rest = |rest: &mut Vec<Rest>, unit: u32, streams: u32, total: f64| match rest
        .iter_mut()
        .find(|r| r.unit == unit)
    {
        Some(r) => {
            r.streams += streams;
            r.total += total;
        }
        None => rest.push(Rest {
            unit,
            streams,
            total,
        }),
    };
    for m in members {
        let (Some(&a), Some(&b)) = (
            cluster_of.get(m.from as usize),
            cluster_of.get(m.to as usize),
        ) else {
            continue;
        };
        let value = m.value.filter(|v| v.is_finite()).map(|v| v.max(0.0));
        if a == b {
            add_rest(&mut rest, m.unit, 1, value.unwrap_or(0.0));
            continue;
        }
        let k = *index.entry((a, b, m.unit)).or_insert_with(|| {
            flows.push(ClusterFlow {
                from: a,
                to: b,
                unit: m.unit,
                total: 0.0,
                streams: Vec::new(),
                unknown: 0,
            });
            flows.len() - 1
        });
        let f = &mut flows[k];
        f.total += value.unwrap_or(0.0);
        f.unknown += u32::from(value.is_none());
        f.streams.push(m.stream);
    }
    let value_of: HashMap<u32, f64> = members
        .iter()
        .map(|m| {
            (
                m.stream,
                m.value
                    .filter(|v| v.is_finite())
                    .unwrap_or(f64::NEG_INFINITY),
            )
        })
        .collect();
    for f in &mut flows {
        let v = |s: &u32| value_of.get(s).copied().unwrap_or(f64::NEG_INFINITY);
        f.streams
            .sort_by(|a, b| v(b).total_cmp(&v(a)).then(a.cmp(b)));
    }
    let mut top: HashMap<u32, f64> = HashMap::new();
    for f in &flows {
        let t = top.entry(f.unit).or_insert(0.0);
        *t = t.max(f.total);
    }
    let share = |f: &ClusterFlow| {
        let t = top.get(&f.unit).copied().unwrap_or(0.0);
        if t > 0.0 {
            f.total / t
        } else {
            0.0
        }
    };
    flows.sort_by(|a, b| {
        share(b)
            .total_cmp(&share(a))
            .then(b.streams.len().cmp(&a.streams.len()))
            .then((a.from, a.to, a.unit).cmp(&(b.from, b.to, b.unit)))
    });
    for f in flows.iter().skip(keep) {
        add_rest(&mut rest, f.unit, f.streams.len() as u32, f.total);
    }
    flows.truncate(keep);
    rest.sort_by_key(|r| r.unit);
    Aggregate { kept: flows, rest }
}
