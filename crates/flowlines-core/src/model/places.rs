//! Where flows run: places with their precision, and routes with their mode and how sure
//! their path is.

use super::{Names, Text};
use serde::{Deserialize, Serialize};

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
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
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
    #[serde(default, skip_serializing_if = "crate::model::omit::blank")]
    pub country: String,
    /// Context for the reader (for example who controls the territory).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
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
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub waypoints: Vec<[f64; 2]>,
    /// The countries whose land an overland route crosses, as ISO 3166-1 alpha-2 codes
    /// (`["KP", "RU"]`): every point of its path lies on (or within a few km of) their land.
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub countries: Vec<String>,
    /// Why the path is drawn this way.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub note: Option<Text>,
}
