//! Streams between places: their category, destination, confidence, quantities and measures.

use super::{Names, Text};
use serde::{Deserialize, Serialize};

/// A kind of thing that moves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier streams refer to.
    pub id: String,
    /// The category's name.
    pub names: Names,
    /// Its own colour, CSS hex `#rrggbb` (or `#rgb`), instead of the palette's: at least 3:1
    /// against the light theme's land and sea (`style::check_color`, checked on load).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub color: Option<String>,
}

/// Whether a stream's destination is reported or inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    /// A source names the destination.
    #[default]
    Reported,
    /// We inferred the destination from context; the map marks it.
    Inferred,
}

/// A movement of one category, in one unit, from one place to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    /// Identifier observations refer to.
    pub id: String,
    /// A short label ("Munitions by container").
    pub label: Text,
    /// Category id.
    pub category: String,
    /// Unit id: every observation of the stream is counted in it.
    pub unit: String,
    /// Place id it leaves from.
    pub from: String,
    /// Place id it arrives at.
    pub to: String,
    /// Route id; none means a great circle between the endpoints.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub route: Option<String>,
    /// Whether the destination is reported or inferred.
    #[serde(default)]
    pub destination: Destination,
    /// Id of a stream this one is part of: its quantity is already inside that stream's,
    /// so totals never count it again.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub part_of: Option<String>,
    /// Sanction ids the stream runs into.
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub sanctions: Vec<String>,
    /// Context for the reader.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub note: Option<Text>,
}

/// How sure anyone is of an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A party denies it; shown, never counted.
    Denied,
    /// Talked about or offered, not done; shown, never counted.
    Proposed,
    /// One party asserts it, unverified.
    Claimed,
    /// A government or major outlet reports it from intelligence or officials.
    Reported,
    /// A government or multilateral monitoring body states it as established, with evidence.
    Confirmed,
}

impl Confidence {
    /// Whether a figure with this confidence counts towards what moved.
    /// Proposals, offers and denied claims are shown but never added.
    pub fn counts_as_moved(self) -> bool {
        matches!(
            self,
            Confidence::Claimed | Confidence::Reported | Confidence::Confirmed
        )
    }

    /// All confidences, weakest first.
    pub const ALL: [Confidence; 5] = [
        Confidence::Denied,
        Confidence::Proposed,
        Confidence::Claimed,
        Confidence::Reported,
        Confidence::Confirmed,
    ];

    /// The lowercase name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Denied => "denied",
            Confidence::Proposed => "proposed",
            Confidence::Claimed => "claimed",
            Confidence::Reported => "reported",
            Confidence::Confirmed => "confirmed",
        }
    }
}

/// A figure as the source gives it, in the stream's unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// An exact count ("1,500 soldiers").
    Exact(f64),
    /// An estimate ("about 6,700 containers").
    About(f64),
    /// A lower bound ("over 11,000", "at least 100", "more than 11,000").
    AtLeast(f64),
    /// An upper bound ("as many as 9 million").
    AtMost(f64),
    /// A range from `low` to `high`.
    Range {
        /// The lowest figure given.
        low: f64,
        /// The highest figure given.
        high: f64,
    },
    /// The source says it happened but gives no number.
    Unknown,
}

impl Quantity {
    /// The figure a single number would quote, if any: the bound for one-sided figures,
    /// the midpoint of a range.
    pub fn central(&self) -> Option<f64> {
        match *self {
            Quantity::Exact(v)
            | Quantity::About(v)
            | Quantity::AtLeast(v)
            | Quantity::AtMost(v) => Some(v),
            Quantity::Range { low, high } => Some((low + high) / 2.0),
            Quantity::Unknown => None,
        }
    }

    /// The lowest value the figure allows, if it sets one ("as many as" sets none).
    pub fn low(&self) -> Option<f64> {
        match *self {
            Quantity::Exact(v) | Quantity::About(v) | Quantity::AtLeast(v) => Some(v),
            Quantity::Range { low, .. } => Some(low),
            Quantity::AtMost(_) | Quantity::Unknown => None,
        }
    }

    /// The highest value the figure allows, if it sets one ("at least" sets none).
    pub fn high(&self) -> Option<f64> {
        match *self {
            Quantity::Exact(v) | Quantity::About(v) | Quantity::AtMost(v) => Some(v),
            Quantity::Range { high, .. } => Some(high),
            Quantity::AtLeast(_) | Quantity::Unknown => None,
        }
    }
}

/// What an observation's figure measures over its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A running total from the period's start to its end ("6,700 containers since September").
    Cumulative,
    /// An amount that moved within the period ("9 million rounds in 2024").
    InPeriod,
}
