//! Totals per stream, per place (in and out) and per category, at a moment or over a window.
//!
//! Totals are kept per unit: containers are never added to rounds. A stream that is part of
//! another ([`crate::model::Stream::part_of`]) is left out of place and category totals, since
//! its quantity is already inside its parent's; streams with only proposals or denials add
//! nothing (see [`crate::series`]). A total whose streams include an open-ended figure has an
//! open high; a total over a stream with no known number says so in `includes_unknown`.

use crate::model::{Confidence, Story};
use crate::series::{Estimate, Phase, StorySeries};
use serde::Serialize;
use std::collections::BTreeMap;

/// One stream's figure at a moment, with what a reader needs to trust it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamTotal {
    /// Stream id.
    pub stream: String,
    /// Category id.
    pub category: String,
    /// Unit id.
    pub unit: String,
    /// Place id it leaves from.
    pub from: String,
    /// Place id it arrives at.
    pub to: String,
    /// Central figure, in `unit`; `null` when unknown.
    pub value: Option<f64>,
    /// Lowest figure any claimant allows.
    pub low: Option<f64>,
    /// Highest figure any claimant allows; `null` when open-ended.
    pub high: Option<f64>,
    /// Units per day at the moment.
    pub rate: f64,
    /// Where the moment falls in the stream's history.
    #[serde(flatten)]
    pub phase: Phase,
    /// The strongest confidence any of its observations has.
    pub confidence: Option<Confidence>,
    /// Whether a party denies something about it.
    pub disputed: bool,
    /// The stream this one is part of, if any.
    pub part_of: Option<String>,
    /// Source ids of its observations, in the order they appear, without repeats.
    pub sources: Vec<String>,
}

/// What a total adds up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "group", content = "id")]
pub enum Group {
    /// Everything arriving at a place.
    Into(String),
    /// Everything leaving a place.
    OutOf(String),
    /// Everything of a category.
    Category(String),
}

/// A sum of streams in one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    /// What is added up.
    #[serde(flatten)]
    pub group: Group,
    /// The unit of every stream in it.
    pub unit: String,
    /// Sum of the central figures.
    pub value: f64,
    /// Sum of the lows (a stream with no floor adds zero).
    pub low: f64,
    /// Sum of the highs; `None` when any stream is open-ended.
    pub high: Option<f64>,
    /// Whether a stream in it moved but has no known number.
    pub includes_unknown: bool,
    /// How many streams were added.
    pub streams: usize,
}

/// Every stream's figure at `day`, in stream order.
pub fn stream_totals(story: &Story, series: &StorySeries, day: f64) -> Vec<StreamTotal> {
    let estimates = series.at(day);
    story
        .streams
        .iter()
        .zip(estimates)
        .enumerate()
        .map(|(i, (s, e))| {
            let mut sources: Vec<String> = Vec::new();
            for o in story.observations.iter().filter(|o| o.stream == s.id) {
                if !sources.contains(&o.source) {
                    sources.push(o.source.clone());
                }
            }
            StreamTotal {
                stream: s.id.clone(),
                category: s.category.clone(),
                unit: s.unit.clone(),
                from: s.from.clone(),
                to: s.to.clone(),
                value: e.value,
                low: e.low,
                high: e.high,
                rate: e.rate,
                phase: e.phase,
                confidence: series.strongest(i),
                disputed: series.disputed(i),
                part_of: s.part_of.clone(),
                sources,
            }
        })
        .collect()
}

#[derive(Default)]
struct Sum {
    value: f64,
    low: f64,
    high: Option<f64>,
    unknown: bool,
    streams: usize,
}

/// Adds each counted stream's change between two estimates into per-place and per-category
/// sums, unit by unit.
fn sum(story: &Story, before: Option<&[Estimate]>, after: &[Estimate]) -> Vec<Total> {
    let mut sums: BTreeMap<(Group, String), Sum> = BTreeMap::new();
    for (i, (s, e)) in story.streams.iter().zip(after).enumerate() {
        if s.part_of.is_some() || e.phase == Phase::Uncounted {
            continue;
        }
        let b = before.and_then(|b| b.get(i));
        let minus =
            |now: Option<f64>, then: Option<&Estimate>, f: fn(&Estimate) -> Option<f64>| match then
            {
                None => now,
                Some(t) => Some(now? - f(t).unwrap_or(0.0)),
            };
        let value = minus(e.value, b, |t| t.value);
        let low = minus(e.low, b, |t| t.low);
        let high = minus(e.high, b, |t| t.high);
        for group in [
            Group::OutOf(s.from.clone()),
            Group::Into(s.to.clone()),
            Group::Category(s.category.clone()),
        ] {
            let entry = sums.entry((group, s.unit.clone())).or_insert_with(|| Sum {
                high: Some(0.0),
                ..Sum::default()
            });
            entry.streams += 1;
            match value {
                Some(v) => entry.value += v,
                None => entry.unknown = true,
            }
            entry.low += low.unwrap_or(0.0).max(0.0);
            entry.high = match (entry.high, high) {
                (Some(a), Some(h)) if value.is_some() => Some(a + h),
                (Some(a), None) if value.is_none() => Some(a),
                _ => None,
            };
        }
    }
    sums.into_iter()
        .map(|((group, unit), s)| Total {
            group,
            unit,
            value: s.value,
            low: s.low,
            high: s.high,
            includes_unknown: s.unknown,
            streams: s.streams,
        })
        .collect()
}

/// Totals per place (into and out of) and per category at `day`: what had moved by then.
pub fn totals_at(story: &Story, series: &StorySeries, day: f64) -> Vec<Total> {
    sum(story, None, &series.at(day))
}

/// Totals per place and per category over the window from `from_day` to `to_day`: what moved
/// in between.
pub fn totals_over(story: &Story, series: &StorySeries, from_day: f64, to_day: f64) -> Vec<Total> {
    let before = series.at(from_day);
    sum(story, Some(&before), &series.at(to_day))
}
