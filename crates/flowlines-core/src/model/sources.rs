//! Who says what: sources, claimants, denials and quotes, and the observations they make.

use super::{Confidence, Measure, Quantity, Text};
use crate::date::{DateSpec, Period};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A document figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier other entities cite.
    pub id: String,
    /// The name of our copy of the document: a file in the story's folder of source documents
    /// (for the default story, `../shared/seeds/`), where every quote can be found. Editors
    /// see it (`flowlines review`); readers are told the outlet, title and date instead.
    /// Older files call it `document`.
    #[serde(alias = "document")]
    pub file: String,
    /// The outlet that published it, only where the document names itself.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub outlet: Option<String>,
    /// What the document is, in our own words (a news article, a commentary...).
    pub title: Text,
    /// When it was published (as precisely as known).
    pub published: DateSpec,
    /// Set when the document states no date of its own: how [`Source::published`] was
    /// inferred (from the events it reports as recent), so that it is shown as inferred.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub published_inferred: Option<Text>,
}

/// Who makes a claim: a person or a body, and the party they speak for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claimant {
    /// The person or body ("Shin Won-sik", "Multilateral Sanctions Monitoring Team").
    pub name: Text,
    /// Their role ("South Korean defence minister").
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub role: Option<Text>,
    /// The government or body they speak for ("South Korea", "Russia").
    pub party: Text,
}

impl Claimant {
    /// Who says it, in `lang`: "Shin Won-sik, South Korean defence minister (South Korea)".
    pub fn describe(&self, lang: &str) -> String {
        let role = self
            .role
            .as_ref()
            .map(|r| format!(", {}", r.get(lang)))
            .unwrap_or_default();
        format!("{}{role} ({})", self.name.get(lang), self.party.get(lang))
    }
}

/// A party's denial of an observation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Denial {
    /// Who denies it.
    pub by: Claimant,
    /// When they denied it.
    pub date: DateSpec,
    /// Source id where the denial is reported.
    pub source: String,
    /// What they said, in our own words.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub note: Option<Text>,
    /// The sentence of the source that reports the denial, word for word.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub quote: Option<Quote>,
}

/// The words of a source document a figure or a denial rests on: a short quote, in the
/// document's own language, and where it stands, so that an editor or a reader can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words, exactly as the document has them (spaces and quotation marks aside).
    pub text: String,
    /// The line of the document they stand on, counted from 1.
    pub line: u32,
}

/// One figure about a stream, from one claimant and one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Identifier.
    pub id: String,
    /// Stream id the figure is about (shared while a reader reads: `model::shared`).
    #[serde(deserialize_with = "super::shared::stream")]
    pub stream: Arc<str>,
    /// The figure, in the stream's unit.
    pub quantity: Quantity,
    /// The unit the source counts in; must be the stream's unit.
    #[serde(deserialize_with = "super::shared::unit")]
    pub unit: Arc<str>,
    /// Whether the figure is a running total or an amount within the period.
    pub measure: Measure,
    /// When it happened, as precisely as the source says: for a running total, from when it
    /// is counted to the moment of the reading.
    pub period: Period,
    /// When it was reported.
    pub reported: DateSpec,
    /// Who claims it.
    #[serde(deserialize_with = "super::shared::claimant")]
    pub claimant: Arc<Claimant>,
    /// Source id.
    #[serde(deserialize_with = "super::shared::source")]
    pub source: Arc<str>,
    /// How sure anyone is of it.
    pub confidence: Confidence,
    /// Parties that deny it.
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub denials: Vec<Denial>,
    /// What the source says, in our own words.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub note: Option<Text>,
    /// The sentence of the source the figure comes from, word for word.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub quote: Option<Quote>,
}
