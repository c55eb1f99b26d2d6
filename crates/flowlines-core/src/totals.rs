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

#[derive(Default, Clone)]
struct Sum {
    value: f64,
    low: f64,
    high: Option<f64>,
    unknown: bool,
    streams: usize,
}

/// Which sums each stream adds into, worked out once so that totals at any moment are plain
/// arithmetic over the streams.
#[derive(Debug, Clone)]
pub struct TotalsIndex {
    /// Every (group, unit) pair, in order.
    groups: Vec<(Group, String)>,
    /// For each stream, the three sums it adds into (out of, into, category); `None` for a
    /// stream that is part of another.
    slots: Vec<Option<[usize; 3]>>,
}

impl TotalsIndex {
    /// The index of `story`'s streams.
    pub fn new(story: &Story) -> Self {
        let mut keys: BTreeMap<(Group, String), usize> = BTreeMap::new();
        let mut pending: Vec<Option<[(Group, String); 3]>> =
            Vec::with_capacity(story.streams.len());
        for s in &story.streams {
            if s.part_of.is_some() {
                pending.push(None);
                continue;
            }
            let three = [
                (Group::OutOf(s.from.clone()), s.unit.clone()),
                (Group::Into(s.to.clone()), s.unit.clone()),
                (Group::Category(s.category.clone()), s.unit.clone()),
            ];
            for k in &three {
                let next = keys.len();
                keys.entry(k.clone()).or_insert(next);
            }
            pending.push(Some(three));
        }
        // Number the groups in sorted order, so totals come out sorted.
        for (i, slot) in keys.values_mut().enumerate() {
            *slot = i;
        }
        let slot = |k: &(Group, String)| keys.get(k).copied().unwrap_or(0);
        let slots = pending
            .iter()
            .map(|p| p.as_ref().map(|three| three.each_ref().map(slot)))
            .collect();
        let groups: Vec<(Group, String)> = keys.into_keys().collect();
        TotalsIndex { groups, slots }
    }

    /// Adds each counted stream's change between two estimates into per-place and per-category
    /// sums, unit by unit.
    pub fn sum(&self, before: Option<&[Estimate]>, after: &[Estimate]) -> Vec<Total> {
        let mut sums = vec![
            Sum {
                high: Some(0.0),
                ..Sum::default()
            };
            self.groups.len()
        ];
        for (i, (slots, e)) in self.slots.iter().zip(after).enumerate() {
            let Some(slots) = slots else { continue };
            if e.phase == Phase::Uncounted {
                continue;
            }
            let b = before.and_then(|b| b.get(i));
            let minus = |now: Option<f64>, then: Option<f64>| match b {
                None => now,
                Some(_) => Some(now? - then.unwrap_or(0.0)),
            };
            let value = minus(e.value, b.and_then(|t| t.value));
            let low = minus(e.low, b.and_then(|t| t.low));
            let high = minus(e.high, b.and_then(|t| t.high));
            for &slot in slots {
                let entry = &mut sums[slot];
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
        self.groups
            .iter()
            .zip(sums)
            .filter(|(_, s)| s.streams > 0)
            .map(|((group, unit), s)| Total {
                group: group.clone(),
                unit: unit.clone(),
                value: s.value,
                low: s.low,
                high: s.high,
                includes_unknown: s.unknown,
                streams: s.streams,
            })
            .collect()
    }
}

fn sum(story: &Story, before: Option<&[Estimate]>, after: &[Estimate]) -> Vec<Total> {
    TotalsIndex::new(story).sum(before, after)
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

/// The figures behind a view as CSV, one row per stream in `rows` (as [`stream_totals`] gives
/// them) whose `keep` flag is set: what a reader downloads as "the data". `day` is the date the
/// figures are for; sources are listed by document name.
pub fn to_csv(
    story: &Story,
    rows: &[StreamTotal],
    keep: &[bool],
    day: f64,
) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "stream",
        "label",
        "category",
        "unit",
        "from",
        "to",
        "date",
        "value",
        "low",
        "high",
        "state",
        "confidence",
        "disputed",
        "part_of",
        "sources",
        "quotes",
        "sanctions",
    ];
    w.write_record(header).map_err(|e| e.to_string())?;
    let date = crate::date::format_day(day.floor() as i32);
    let num = |v: Option<f64>| v.map(|v| format!("{}", v.round())).unwrap_or_default();
    for (r, _) in rows.iter().zip(keep).filter(|(_, &k)| k) {
        let Some(s) = story.streams.iter().find(|s| s.id == r.stream) else {
            continue;
        };
        let documents: Vec<&str> = r
            .sources
            .iter()
            .map(|id| {
                story
                    .sources
                    .iter()
                    .find(|x| &x.id == id)
                    .map_or(id.as_str(), |x| x.file.as_str())
            })
            .collect();
        // The documents' own words behind the row, oldest claim first.
        let mut claims: Vec<&crate::model::Observation> = story
            .observations
            .iter()
            .filter(|o| o.stream == r.stream)
            .collect();
        claims.sort_by_key(|o| o.period.first());
        let quotes: Vec<String> = claims
            .iter()
            .filter_map(|o| o.quote.as_ref())
            .map(|q| crate::details::quote_text(q, crate::i18n::Lang::En))
            .collect();
        let state = match r.phase {
            Phase::NotStarted => "not started".to_string(),
            Phase::Moving => "between readings".to_string(),
            Phase::Held { since } => format!("held since {}", crate::date::format_day(since)),
            Phase::Unknown => "amount unknown".to_string(),
            Phase::Uncounted => "not counted (proposed or denied)".to_string(),
        };
        w.write_record([
            r.stream.as_str(),
            s.label.get("en"),
            r.category.as_str(),
            r.unit.as_str(),
            r.from.as_str(),
            r.to.as_str(),
            date.as_str(),
            num(r.value).as_str(),
            num(r.low).as_str(),
            num(r.high).as_str(),
            state.as_str(),
            r.confidence.map_or("", Confidence::as_str),
            if r.disputed { "yes" } else { "no" },
            r.part_of.as_deref().unwrap_or(""),
            documents.join("; ").as_str(),
            quotes.join(" | ").as_str(),
            s.sanctions.join("; ").as_str(),
        ])
        .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
