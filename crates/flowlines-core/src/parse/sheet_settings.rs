//! What a flow sheet does not say and a story must: the settings that fill a story's required
//! fields (title, 'as of' date, source, claimant, confidence, period, category, unit) when it is
//! read from FlowmapBlue's sheets (`locations.csv` and `flows.csv`, see [`super::flowmap_blue`]).
//!
//! Each setting is a column of the folder's optional one-row `story.csv` (`unit`, `confidence`,
//! `source.title`...), or a flag of the command line (`--set unit=people`), or a row of
//! FlowmapBlue's own `properties.csv` (`title`, `description`, `source.name`...). A flag wins
//! over `story.csv`, which wins over `properties.csv`, which wins over the defaults that
//! [`super::flowmap_blue`] applies, each chosen so that the map never shows a figure as more
//! certain, better sourced or more precise than the sheet says (`docs/formats.md`).

use crate::date::{DateSpec, Period};
use crate::model::{Confidence, Precision};

/// The columns of a sheet folder's `story.csv`, and the keys of `--set KEY=VALUE`.
pub const SETTING_KEYS: [&str; 24] = [
    "id",
    "title",
    "summary",
    "credit",
    "caveat",
    "version",
    "as_of",
    "start",
    "end",
    "open_at",
    "period",
    "category",
    "unit",
    "confidence",
    "quantity",
    "source.title",
    "source.outlet",
    "source.file",
    "source.published",
    "claimant.name",
    "claimant.role",
    "claimant.party",
    "precision",
    "country",
];

/// How a sheet's counts are qualified: as the sheet gives them (`exact`) or as estimates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// The count is the figure ("42").
    Exact,
    /// The count is an estimate ("about 42").
    About,
    /// The count is a floor ("at least 42").
    AtLeast,
    /// The count is a ceiling ("as many as 42").
    AtMost,
}

/// The settings given for a sheet; `None` is not given (a default applies).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetSettings {
    /// The story's id.
    pub id: Option<String>,
    /// The story's headline.
    pub title: Option<String>,
    /// One or two sentences on what the map shows.
    pub summary: Option<String>,
    /// Who made the dataset; printed on every static image.
    pub credit: Option<String>,
    /// The caveat printed under the map; without one, a caveat says what the sheet lacks.
    pub caveat: Option<String>,
    /// The data's version.
    pub version: Option<String>,
    /// The date up to which the figures were checked.
    pub as_of: Option<DateSpec>,
    /// The timeline's first date.
    pub start: Option<DateSpec>,
    /// The timeline's last date.
    pub end: Option<DateSpec>,
    /// The day the map opens at.
    pub open_at: Option<DateSpec>,
    /// The period every count covers, for a `flows.csv` without a `time` column.
    pub period: Option<Period>,
    /// The name of what moves (one category for the whole sheet).
    pub category: Option<String>,
    /// The name of the unit the counts are in (plural: "people").
    pub unit: Option<String>,
    /// How sure anyone is of the counts.
    pub confidence: Option<Confidence>,
    /// How the counts are qualified.
    pub quantity: Option<Qualifier>,
    /// What the document the counts come from is.
    pub source_title: Option<String>,
    /// Who published it.
    pub source_outlet: Option<String>,
    /// Our copy of it, or where it is.
    pub source_file: Option<String>,
    /// When it was published.
    pub source_published: Option<DateSpec>,
    /// Who gives the counts.
    pub claimant_name: Option<String>,
    /// Their role.
    pub claimant_role: Option<String>,
    /// The government or body they speak for.
    pub claimant_party: Option<String>,
    /// What each location's point stands for, where `locations.csv` has no `precision` column.
    pub precision: Option<Precision>,
    /// The ISO country code of every location, where `locations.csv` has no `country` column.
    pub country: Option<String>,
}

/// Reads an enum the way the JSON form writes it (`"claimed"`, `"city"`).
fn json_enum<T: serde::de::DeserializeOwned>(
    value: &str,
    what: &str,
    expected: &str,
) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(value.to_string()))
        .map_err(|_| format!("unknown {what} '{value}': expected {expected}"))
}

impl SheetSettings {
    /// Sets the setting `key` (one of [`SETTING_KEYS`]) from its text; an empty text leaves it
    /// unset. The error says what is wrong with the key or the value.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(());
        }
        let text = || Some(value.to_string());
        let date = || {
            value
                .parse::<DateSpec>()
                .map(Some)
                .map_err(|e| e.to_string())
        };
        match key {
            "id" => self.id = text(),
            "title" => self.title = text(),
            "summary" => self.summary = text(),
            "credit" => self.credit = text(),
            "caveat" => self.caveat = text(),
            "version" => self.version = text(),
            "as_of" => self.as_of = date()?,
            "start" => self.start = date()?,
            "end" => self.end = date()?,
            "open_at" => self.open_at = date()?,
            "period" => self.period = Some(value.parse::<Period>().map_err(|e| e.to_string())?),
            "category" => self.category = text(),
            "unit" => self.unit = text(),
            "confidence" => {
                self.confidence = Some(json_enum(
                    value,
                    "confidence",
                    "confirmed, reported, claimed, proposed or denied",
                )?)
            }
            "quantity" => {
                self.quantity = Some(match value {
                    "exact" => Qualifier::Exact,
                    "about" => Qualifier::About,
                    "at_least" => Qualifier::AtLeast,
                    "at_most" => Qualifier::AtMost,
                    other => {
                        return Err(format!(
                            "unknown quantity '{other}': expected exact, about, at_least or at_most"
                        ))
                    }
                })
            }
            "source.title" => self.source_title = text(),
            "source.outlet" => self.source_outlet = text(),
            "source.file" => self.source_file = text(),
            "source.published" => self.source_published = date()?,
            "claimant.name" => self.claimant_name = text(),
            "claimant.role" => self.claimant_role = text(),
            "claimant.party" => self.claimant_party = text(),
            "precision" => {
                self.precision = Some(json_enum(
                    value,
                    "precision",
                    "facility, city, region or country",
                )?)
            }
            "country" => self.country = text(),
            other => {
                return Err(format!(
                    "unknown setting '{other}': expected one of {}",
                    SETTING_KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }

    /// Sets a row of FlowmapBlue's `properties.csv` (`property,value`): `title`, `description`
    /// (the summary), `source.name` (the source's title and outlet), `source.url` (where the
    /// source is, kept as its file) and `createdBy.name` (the credit). Other properties
    /// (`map.bbox`, `colors.scheme`, `mapbox.accessToken`...) are about FlowmapBlue's own map
    /// and are left out; `Ok(false)` says a property was left out.
    pub fn set_property(&mut self, property: &str, value: &str) -> Result<bool, String> {
        let key = match property.trim() {
            "title" => "title",
            "description" => "summary",
            "source.name" => {
                self.set("source.outlet", value)?;
                "source.title"
            }
            "source.url" => "source.file",
            "createdBy.name" => "credit",
            _ => return Ok(false),
        };
        self.set(key, value)?;
        Ok(true)
    }

    /// These settings, with each one not given taken from `lower`.
    pub fn over(self, lower: SheetSettings) -> SheetSettings {
        macro_rules! pick {
            ($($f:ident),*) => { SheetSettings { $($f: self.$f.or(lower.$f)),* } };
        }
        pick!(
            id,
            title,
            summary,
            credit,
            caveat,
            version,
            as_of,
            start,
            end,
            open_at,
            period,
            category,
            unit,
            confidence,
            quantity,
            source_title,
            source_outlet,
            source_file,
            source_published,
            claimant_name,
            claimant_role,
            claimant_party,
            precision,
            country
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_key_can_be_set_and_a_bad_value_says_what_is_expected() {
        let mut s = SheetSettings::default();
        for key in SETTING_KEYS {
            let value = match key {
                "as_of" | "start" | "end" | "open_at" | "source.published" | "period" => "2024-10",
                "confidence" => "reported",
                "quantity" => "about",
                "precision" => "region",
                _ => "x",
            };
            s.set(key, value).unwrap();
        }
        assert_eq!(s.confidence, Some(Confidence::Reported));
        assert_eq!(s.precision, Some(Precision::Region));
        assert_eq!(s.quantity, Some(Qualifier::About));
        assert!(s
            .set("confidence", "sure")
            .unwrap_err()
            .contains("expected confirmed, reported, claimed"));
        assert!(s.set("as_of", "Oct 2024").unwrap_err().contains("bad date"));
        assert!(s
            .set("colour", "red")
            .unwrap_err()
            .starts_with("unknown setting 'colour'"));
    }

    #[test]
    fn a_flag_wins_over_the_story_table_which_wins_over_the_properties() {
        let mut flags = SheetSettings::default();
        flags.set("unit", "people").unwrap();
        let mut table = SheetSettings::default();
        table.set("unit", "trips").unwrap();
        table.set("title", "Commuters").unwrap();
        let mut properties = SheetSettings::default();
        assert!(properties.set_property("title", "Untitled").unwrap());
        assert!(properties
            .set_property("source.name", "Statistics office")
            .unwrap());
        assert!(!properties
            .set_property("mapbox.accessToken", "pk.x")
            .unwrap());
        let s = flags.over(table.over(properties));
        assert_eq!(s.unit.as_deref(), Some("people"));
        assert_eq!(s.title.as_deref(), Some("Commuters"));
        assert_eq!(s.source_title.as_deref(), Some("Statistics office"));
        assert_eq!(s.source_outlet.as_deref(), Some("Statistics office"));
    }
}
