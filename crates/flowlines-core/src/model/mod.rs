//! The data model of a flow story: places, routes, streams between them, observations of those
//! streams with their sources and confidence, the sanctions they run into and the events around them.
//!
//! The model is what a data file says, nothing computed: series, totals and drawing live elsewhere.
//! Every entity carries a string `id` that other entities refer to; [`crate::validate`] checks
//! that those references resolve. Coordinates are WGS 84 degrees, longitude first.

use crate::date::DateSpec;
use serde::{Deserialize, Serialize};

/// Which optional fields are left out when a story is written.
pub(crate) mod omit;
/// Places and routes.
mod places;
/// What many readings repeat (ids, claimants), held once while a reader reads.
pub(crate) mod shared;
/// Sources, claimants and the observations they make.
mod sources;
/// Streams, their confidence and their quantities.
mod streams;
/// Text in several languages.
mod text;
/// Serde for an enum untagged in JSON and tagged in a binary form.
mod two_forms;
/// Units and their plural forms.
mod units;

pub use places::{Mode, PathCertainty, Place, Precision, Route};
pub use sources::{Claimant, Denial, Observation, Quote, Source};
pub use streams::{Category, Confidence, Destination, Measure, Quantity, Stream};
pub use text::{Names, Text};
pub use units::{CountedForm, CountedNames, PluralForms, Unit};

/// A whole story: what one data file (or one set of CSV files) describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The story's own record: title, 'as of' date, version, corrections.
    pub story: StoryMeta,
    /// The documents the figures come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Places flows start and end at, and other places the story names.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Open-ended kinds of thing that move (munitions, troops, ...).
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Units quantities are counted in; each has its own width scale.
    #[serde(default)]
    pub units: Vec<Unit>,
    /// Paths between places.
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Movements of one category from one place to another.
    #[serde(default)]
    pub streams: Vec<Stream>,
    /// Figures about streams, each from one claimant and one source.
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// UN Security Council provisions streams run into.
    #[serde(default)]
    pub sanctions: Vec<Sanction>,
    /// Context markers on the timeline; not flows.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The guided tour: the moments the story tells one at a time, in order.
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub steps: Vec<crate::steps::Step>,
}

/// The story's own record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    /// Short machine name of the story.
    pub id: String,
    /// Headline shown above the map.
    pub title: Text,
    /// One or two sentences on what the map shows.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub summary: Option<Text>,
    /// The date up to which the story's figures have been checked.
    pub as_of: DateSpec,
    /// The data's version, bumped on every change (semantic versioning).
    pub version: String,
    /// The earliest date the timeline shows.
    pub start: DateSpec,
    /// The latest date the timeline shows.
    pub end: DateSpec,
    /// The moment the map opens at: the story's most telling day, between `start` and `end`.
    /// Without it the map opens at `start`; a reader's or host's `at=` wins over it.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub open_at: Option<DateSpec>,
    /// Who made the dataset; printed on every static image.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub credit: Option<Text>,
    /// The caveat printed on every static image and shown under the map.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub caveat: Option<Text>,
    /// What changed since the first version, oldest first.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The map projection, if the story names one; otherwise it is chosen from the places
    /// and routes ([`crate::projection_choice`]).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub projection: Option<ProjectionSpec>,
}

/// The map projection a story names: its kind, and optionally its centre and (for a conic)
/// its standard parallels; what it leaves out is chosen from the story's places and routes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionSpec {
    /// A conic (Albers equal-area) or an azimuthal (Lambert equal-area) projection.
    pub kind: ProjectionKind,
    /// `[lon, lat]` in degrees: an azimuthal projection's centre; a conic's central meridian
    /// is its longitude (its latitude is not used).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub center: Option<[f64; 2]>,
    /// A conic's two standard parallels in degrees, both north or both south of the equator.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub parallels: Option<[f64; 2]>,
}

/// The kinds of projection a story may name. Read from a string through [`TryFrom`], which
/// weighs less in the page's WebAssembly than a derived enum reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum ProjectionKind {
    /// Albers equal-area conic: a mid-latitude region.
    Conic,
    /// Lambert azimuthal equal-area: a wide, polar or equatorial extent.
    Azimuthal,
}

impl TryFrom<String> for ProjectionKind {
    type Error = String;

    fn try_from(kind: String) -> Result<Self, String> {
        match kind.as_str() {
            "conic" => Ok(ProjectionKind::Conic),
            "azimuthal" => Ok(ProjectionKind::Azimuthal),
            _ => Err(format!(
                "unknown projection kind '{kind}': expected conic or azimuthal"
            )),
        }
    }
}

/// One correction to the published data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// When the correction was made.
    pub date: DateSpec,
    /// What changed and why.
    pub text: Text,
}

/// Each of `items` by its id (`id` reads it), with its position in `items`: for finding the
/// place, route or unit a stream names by id in constant time.
pub fn positions<'a, T>(
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) -> std::collections::HashMap<&'a str, u32> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item), i as u32))
        .collect()
}

impl Story {
    /// Each stream's position in [`Story::streams`] by its id, for finding the stream an
    /// observation or a `part_of` names in constant time.
    pub fn stream_index(&self) -> std::collections::HashMap<&str, usize> {
        self.streams
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect()
    }

    /// The UN provisions `stream` runs into, in the order the stream lists them (an id with no
    /// provision is left out; validation reports it).
    pub fn sanctions_of<'a>(&'a self, stream: &'a Stream) -> impl Iterator<Item = &'a Sanction> {
        stream
            .sanctions
            .iter()
            .filter_map(|id| self.sanctions.iter().find(|x| &x.id == id))
    }
}

/// A provision of a UN Security Council resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// Identifier streams refer to.
    pub id: String,
    /// Resolution number ("2397").
    pub resolution: String,
    /// Year the resolution was adopted.
    pub year: i32,
    /// Paragraph(s) ("4, 5").
    pub paragraph: String,
    /// What it bans, in our own words.
    pub text: Text,
    /// Source id that cites it.
    pub source: String,
}

/// A context marker on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Identifier.
    pub id: String,
    /// When it happened.
    pub date: DateSpec,
    /// Place id, when it happened somewhere on the map.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub place: Option<String>,
    /// What happened.
    pub label: Text,
    /// Source id.
    pub source: String,
}
