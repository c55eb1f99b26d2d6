//! The data model of a flow story: places, routes, streams between them, observations of those
//! streams with their sources and confidence, the sanctions they run into and the events around them.
//!
//! The model is what a data file says, nothing computed: series, totals and drawing live elsewhere.
//! Every entity carries a string `id` that other entities refer to; [`crate::validate`] checks
//! that those references resolve. Coordinates are WGS 84 degrees, longitude first.

use crate::date::{DateSpec, Period};
use serde::{Deserialize, Serialize};

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_at: Option<DateSpec>,
    /// Who made the dataset; printed on every static image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    /// The caveat printed on every static image and shown under the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Text>,
    /// What changed since the first version, oldest first.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The map projection, if the story names one; otherwise it is chosen from the places
    /// and routes ([`crate::projection_choice`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<[f64; 2]>,
    /// A conic's two standard parallels in degrees, both north or both south of the equator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// A text either in one language (English) or in several, keyed by language code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// English only.
    Plain(String),
    /// The same text in several languages.
    Localised(Names),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl Story {
    /// The UN provisions `stream` runs into, in the order the stream lists them (an id with no
    /// provision is left out; validation reports it).
    pub fn sanctions_of<'a>(&'a self, stream: &'a Stream) -> impl Iterator<Item = &'a Sanction> {
        stream
            .sanctions
            .iter()
            .filter_map(|id| self.sanctions.iter().find(|x| &x.id == id))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl Text {
    /// The text in `lang` ("en", "ko", "uk", "ru"), falling back to English.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localised(n) => n.get(lang),
        }
    }
}

/// A name in the four languages the map is published in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// English.
    pub en: String,
    /// Korean.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ko: String,
    /// Ukrainian.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uk: String,
    /// Russian.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ru: String,
}

impl Names {
    /// The name in `lang` ("en", "ko", "uk", "ru"), or `None` when it is not given.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        let s = match lang {
            "ko" => &self.ko,
            "uk" => &self.uk,
            "ru" => &self.ru,
            _ => &self.en,
        };
        (!s.is_empty()).then_some(s.as_str())
    }

    /// The name in `lang`, falling back to English when that language is missing.
    pub fn get(&self, lang: &str) -> &str {
        self.exact(lang).unwrap_or(&self.en)
    }
}

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// What the document is, in our own words (a news article, a commentary...).
    pub title: Text,
    /// When it was published (as precisely as known).
    pub published: DateSpec,
    /// Set when the document states no date of its own: how [`Source::published`] was
    /// inferred (from the events it reports as recent), so that it is shown as inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_inferred: Option<Text>,
}

/// How precisely a place's coordinates locate what happened there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single site: a port, a depot, an arsenal.
    Facility,
    /// A city; the point is its centre.
    City,
    /// A region such as Donbas; the point is a representative city.
    Region,
    /// A whole country; the point is its capital or centre.
    Country,
}

/// A place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Identifier other entities refer to.
    pub id: String,
    /// The place's name in the map's languages, as texts name it ("from Pyongyang to Russia").
    pub names: Names,
    /// The name printed beside the dot where it differs from `names`: a country marked at its
    /// capital is labelled with the capital ("Moscow"), while texts keep the country's name,
    /// as the sources do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Names>,
    /// Longitude, degrees east (−180 to 180).
    pub lon: f64,
    /// Latitude, degrees north (−90 to 90).
    pub lat: f64,
    /// What the point stands for.
    pub precision: Precision,
    /// ISO 3166-1 alpha-2 code of the internationally recognised country it lies in; empty
    /// where the data does not say (a place of a flow sheet without a `country` column), and
    /// then left out when written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// Context for the reader (for example who controls the territory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Place {
    /// The name beside the place's dot on a map in `lang`: its `label` where the data gives
    /// one, else its name.
    pub fn map_label(&self, lang: &str) -> &str {
        self.label
            .as_ref()
            .map_or_else(|| self.names.get(lang), |l| l.get(lang))
    }
}

/// How a route travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// By ship.
    Sea,
    /// By train.
    Rail,
    /// By aircraft.
    Air,
    /// By lorry or on foot.
    Road,
    /// The documents do not say.
    Unknown,
}

/// How much of a route's path is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathCertainty {
    /// The path is reported (its waypoints come from a source).
    Known,
    /// The path is geography, not reporting (for example the only railway between two cities).
    Assumed,
    /// Only the endpoints are known; the line between them is a great circle.
    Endpoints,
}

/// A path between two places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Identifier streams refer to.
    pub id: String,
    /// Place id the route starts at.
    pub from: String,
    /// Place id the route ends at.
    pub to: String,
    /// How things travel along it.
    pub mode: Mode,
    /// Whether the path between the endpoints is reported, assumed, or unknown.
    pub path: PathCertainty,
    /// Intermediate points, `[longitude, latitude]` in degrees, from `from` towards `to`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waypoints: Vec<[f64; 2]>,
    /// The countries whose land an overland route crosses, as ISO 3166-1 alpha-2 codes
    /// (`["KP", "RU"]`): every point of its path lies on (or within a few km of) their land.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Why the path is drawn this way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A unit quantities are counted in. Quantities of different units are never added together
/// or drawn on one width scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Identifier streams refer to.
    pub id: String,
    /// The unit's plural name ("containers"), as a chart's panel is titled.
    pub names: Names,
    /// The unit as written with a number, per language, where it differs from its name: one
    /// form for every number (a Korean counter such as `"{}발"`), or a form per CLDR plural
    /// category (`{"one": "контейнер", "few": "контейнера", "many": "контейнеров", "other":
    /// "контейнера"}`; see [`crate::plural`]). A form with `{}` says where the number goes
    /// (`"컨테이너 {}개"`); one without is written after the number and a space.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<CountedNames>,
}

/// A unit's counted forms in the four languages; a language left out uses the unit's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CountedNames {
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<CountedForm>,
    /// Korean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ko: Option<CountedForm>,
    /// Ukrainian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uk: Option<CountedForm>,
    /// Russian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<CountedForm>,
}

/// How one language writes a unit with a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CountedForm {
    /// The same form after every number.
    Same(String),
    /// A form per CLDR plural category; a category left out uses `other`.
    ByPlural(PluralForms),
}

/// A unit's form for each CLDR plural category of the number before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PluralForms {
    /// After 1 (English), 1, 21, 31 ... (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<String>,
    /// After 2 to 4, 22 to 24 ... (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub few: Option<String>,
    /// After 0, 5 to 20, 25 ... and every number written with "млн" (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub many: Option<String>,
    /// After any other number: fractions, and all but 1 in English.
    pub other: String,
}

impl Unit {
    /// The unit as written with a number of plural category `plural` in `lang`: its counted
    /// form in that language if the data gives one, else its name. May hold `{}` where the
    /// number goes.
    pub fn counted_form(&self, lang: &str, plural: crate::plural::Plural) -> &str {
        use crate::plural::Plural;
        let form = self.counted.as_ref().and_then(|c| match lang {
            "ko" => c.ko.as_ref(),
            "uk" => c.uk.as_ref(),
            "ru" => c.ru.as_ref(),
            _ => c.en.as_ref(),
        });
        match form {
            Some(CountedForm::Same(s)) if !s.is_empty() => s,
            Some(CountedForm::ByPlural(f)) => match plural {
                Plural::One => f.one.as_deref(),
                Plural::Few => f.few.as_deref(),
                Plural::Many => f.many.as_deref(),
                Plural::Other => None,
            }
            .unwrap_or(&f.other),
            _ => self.names.get(lang),
        }
    }

    /// The unit after a number, where the number is not known (a column heading, "… of
    /// unknown size"): the form for many things.
    pub fn after_number(&self, lang: &str) -> &str {
        let form = self.counted_form(lang, crate::plural::Plural::Many);
        if form.contains("{}") {
            self.names.get(lang)
        } else {
            form
        }
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Whether the destination is reported or inferred.
    #[serde(default)]
    pub destination: Destination,
    /// Id of a stream this one is part of: its quantity is already inside that stream's,
    /// so totals never count it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Sanction ids the stream runs into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<String>,
    /// Context for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// Who makes a claim: a person or a body, and the party they speak for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claimant {
    /// The person or body ("Shin Won-sik", "Multilateral Sanctions Monitoring Team").
    pub name: Text,
    /// Their role ("South Korean defence minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The sentence of the source that reports the denial, word for word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// Stream id the figure is about.
    pub stream: String,
    /// The figure, in the stream's unit.
    pub quantity: Quantity,
    /// The unit the source counts in; must be the stream's unit.
    pub unit: String,
    /// Whether the figure is a running total or an amount within the period.
    pub measure: Measure,
    /// When it happened, as precisely as the source says: for a running total, from when it
    /// is counted to the moment of the reading.
    pub period: Period,
    /// When it was reported.
    pub reported: DateSpec,
    /// Who claims it.
    pub claimant: Claimant,
    /// Source id.
    pub source: String,
    /// How sure anyone is of it.
    pub confidence: Confidence,
    /// Parties that deny it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denials: Vec<Denial>,
    /// What the source says, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The sentence of the source the figure comes from, word for word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// What happened.
    pub label: Text,
    /// Source id.
    pub source: String,
}
