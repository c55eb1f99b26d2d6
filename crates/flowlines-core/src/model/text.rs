//! Text in several languages: a text given once or per language, and a place's names.

use serde::{Deserialize, Serialize};

/// A text either in one language (English) or in several, keyed by language code: in JSON a
/// string or an object of languages (see `model::two_forms`).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// English only.
    Plain(String),
    /// The same text in several languages, boxed: most texts are plain, and a text sits in
    /// every reading (a claimant's name and party, a note), so a `Text` is kept as small as a
    /// `String` (12 bytes in wasm32, not 48): 100,000 streams' readings took 184 MB.
    Localised(Box<Names>),
}

super::two_forms::two_forms!(Text, "Text", { 0 Plain(String), 1 Localised(Box<Names>) });

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
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
    #[serde(default, skip_serializing_if = "crate::model::omit::blank")]
    pub ko: String,
    /// Ukrainian.
    #[serde(default, skip_serializing_if = "crate::model::omit::blank")]
    pub uk: String,
    /// Russian.
    #[serde(default, skip_serializing_if = "crate::model::omit::blank")]
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
