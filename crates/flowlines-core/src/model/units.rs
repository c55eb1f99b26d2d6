//! What flows are counted in: units with their names and plural forms after a number.

use super::Names;
use serde::{Deserialize, Serialize};

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
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub counted: Option<CountedNames>,
}

/// A unit's counted forms in the four languages; a language left out uses the unit's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CountedNames {
    /// English.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub en: Option<CountedForm>,
    /// Korean.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub ko: Option<CountedForm>,
    /// Ukrainian.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub uk: Option<CountedForm>,
    /// Russian.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub ru: Option<CountedForm>,
}

/// How one language writes a unit with a number: in JSON a string or an object of plural
/// forms (see `model::two_forms`).
#[derive(Debug, Clone, PartialEq)]
pub enum CountedForm {
    /// The same form after every number.
    Same(String),
    /// A form per CLDR plural category; a category left out uses `other`.
    ByPlural(PluralForms),
}

super::two_forms::two_forms!(CountedForm, "CountedForm", { 0 Same(String), 1 ByPlural(PluralForms) });

/// A unit's form for each CLDR plural category of the number before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PluralForms {
    /// After 1 (English), 1, 21, 31 ... (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub one: Option<String>,
    /// After 2 to 4, 22 to 24 ... (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub few: Option<String>,
    /// After 0, 5 to 20, 25 ... and every number written with "млн" (Ukrainian, Russian).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
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
        if crate::text::contains(form, "{}") {
            self.names.get(lang)
        } else {
            form
        }
    }
}
