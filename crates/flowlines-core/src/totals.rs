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
    /// Significant figures of the readings behind the figure (see [`crate::figure`]).
    pub digits: u8,
    /// Whether the figure is a count a source gives exactly.
    pub exact: bool,
    /// For an estimate between readings: the dates of the figures it lies between.
    pub between: Option<[crate::series::When; 2]>,
    /// Whether the destination is our inference, not reported.
    pub inferred_destination: bool,
}

impl StreamTotal {
    /// The series estimate this row was made from.
    pub fn estimate(&self) -> Estimate {
        Estimate {
            value: self.value,
            low: self.low,
            high: self.high,
            rate: self.rate,
            phase: self.phase,
            digits: self.digits,
            exact: self.exact,
            between: self.between,
        }
    }
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
    /// Whether a stream in it sets no floor ("as many as"): then `low` is no floor either.
    pub open_low: bool,
    /// The most significant figures any reading behind it has.
    pub digits: u8,
    /// Whether every figure in it is a count a source gives exactly.
    pub exact: bool,
    /// Whether any figure in it is an estimate between readings.
    pub estimated: bool,
    /// Whether any stream in it has an inferred destination.
    pub inferred_destination: bool,
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
            for o in story.observations.iter().filter(|o| *o.stream == *s.id) {
                if !sources.iter().any(|x| *x == *o.source) {
                    sources.push(o.source.to_string());
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
                digits: e.digits,
                exact: e.exact,
                between: e.between,
                inferred_destination: s.destination == crate::model::Destination::Inferred,
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
    open_low: bool,
    digits: u8,
    inexact: bool,
    estimated: bool,
    inferred: bool,
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
    /// For each stream, whether its destination is inferred.
    inferred: Vec<bool>,
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
        let inferred = story
            .streams
            .iter()
            .map(|s| s.destination == crate::model::Destination::Inferred)
            .collect();
        TotalsIndex {
            groups,
            slots,
            inferred,
        }
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
            let inferred = self.inferred.get(i).copied().unwrap_or(false);
            for (k, &slot) in slots.iter().enumerate() {
                let entry = &mut sums[slot];
                entry.streams += 1;
                entry.digits = entry.digits.max(e.digits);
                entry.inexact |= !e.exact || b.is_some();
                entry.estimated |= e.between.is_some() || b.is_some_and(|b| b.between.is_some());
                entry.open_low |= value.is_some() && low.is_none();
                // Slot 1 is the destination's "into" sum.
                entry.inferred |= k == 1 && inferred;
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
                open_low: s.open_low,
                digits: s.digits,
                exact: !s.inexact,
                estimated: s.estimated,
                inferred_destination: s.inferred,
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
/// figures are for; `lang` the language of the `figure`, `estimate` and `sources` columns.
///
/// Numbers stay numbers (`value`, `low`, `high`), rounded as the figure is written (see
/// [`crate::figure`]): an estimate between readings never carries more significant figures
/// than its readings. `qualifier` says how to read them ("at least", "as many as", "about",
/// "exact", "range", "up to about", "about, or more"), `estimate` what an estimate lies between
/// and `destination` whether the destination is reported or inferred. Sources are cited by
/// outlet, what the document is and date. The text starts with a byte-order mark, and every
/// text cell goes through [`spreadsheet_text`].
pub fn to_csv(
    story: &Story,
    rows: &[StreamTotal],
    keep: &[bool],
    day: f64,
    lang: &str,
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
        "qualifier",
        "figure",
        "estimate",
        "state",
        "confidence",
        "disputed",
        "destination",
        "part_of",
        "sources",
        "quotes",
        "sanctions",
    ];
    w.write_record(header).map_err(|e| e.to_string())?;
    let date = crate::date::format_day(day.floor() as i32);
    for (r, _) in rows.iter().zip(keep).filter(|(_, &k)| k) {
        let Some(s) = story.streams.iter().find(|s| s.id == r.stream) else {
            continue;
        };
        let unit = story.units.iter().find(|u| u.id == r.unit);
        let estimate = r.estimate();
        let told = match r.phase {
            Phase::Unknown | Phase::Uncounted => None,
            _ => crate::figure::tell_estimate(&estimate, unit, lang),
        };
        let basis = crate::figure::Basis::of_estimate(&estimate);
        let num = |v: Option<f64>| match (v, basis) {
            (Some(v), Some(b)) => format!("{}", b.round(v)),
            _ => String::new(),
        };
        let citations: Vec<String> = r
            .sources
            .iter()
            .map(|id| {
                story
                    .sources
                    .iter()
                    .find(|x| &x.id == id)
                    .map_or(id.clone(), |x| crate::details::citation(x, lang))
            })
            .collect();
        // The documents' own words behind the row, oldest claim first.
        let mut claims: Vec<&crate::model::Observation> = story
            .observations
            .iter()
            .filter(|o| *o.stream == *r.stream)
            .collect();
        crate::order::sort_by_key(&mut claims, |o| crate::order::i32_key(o.period.first()));
        let quotes: Vec<String> = claims
            .iter()
            .filter_map(|o| o.quote.as_ref())
            .map(|q| crate::details::quote_text(q, crate::i18n::Lang::from_code(lang)))
            .collect();
        let state = match r.phase {
            Phase::NotStarted => "not started".to_string(),
            Phase::Moving => "between readings".to_string(),
            Phase::Held { since } => format!("held since {}", crate::date::format_day(since)),
            Phase::Unknown => "amount unknown".to_string(),
            Phase::Uncounted => "not counted (proposed or denied)".to_string(),
        };
        let text = [
            r.stream.as_str(),
            s.label.get(lang),
            r.category.as_str(),
            r.unit.as_str(),
            r.from.as_str(),
            r.to.as_str(),
            date.as_str(),
        ];
        let numbers = [num(r.value), num(r.low), num(r.high)];
        let more = [
            told.as_ref().map_or("", |t| t.shape.name()),
            told.as_ref().map_or("", |t| t.figure.as_str()),
            told.as_ref()
                .and_then(|t| t.estimate.as_deref())
                .unwrap_or(""),
            state.as_str(),
            r.confidence.map_or("", Confidence::as_str),
            if r.disputed { "yes" } else { "no" },
            if r.inferred_destination {
                "inferred"
            } else {
                "reported"
            },
            r.part_of.as_deref().unwrap_or(""),
            &citations.join("; "),
            &quotes.join(" | "),
            &s.sanctions.join("; "),
        ];
        let record: Vec<std::borrow::Cow<'_, str>> = text
            .iter()
            .map(|c| spreadsheet_text(c))
            .chain(
                numbers
                    .iter()
                    .map(|n| std::borrow::Cow::Borrowed(n.as_str())),
            )
            .chain(more.iter().map(|c| spreadsheet_text(c)))
            .collect();
        w.write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(format!("{BYTE_ORDER_MARK}{text}"))
}

/// Written first in a downloaded CSV: Excel, which many newsrooms open it with, reads a file
/// without it in the machine's old code page and shows Korean and Cyrillic as mojibake.
pub const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// A text cell as a spreadsheet will not run it: a cell starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return is a formula to Excel, LibreOffice and Google Sheets (so a story's label
/// could fetch a URL or run a command when a reader opens the download); a leading `'` makes it
/// text again. Only text cells go through here: numbers stay numbers.
pub fn spreadsheet_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}
