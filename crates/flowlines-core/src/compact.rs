//! The compact form of a validated story that the page reads: its texts in one language and
//! English (the fallback of every text), written without whitespace.
//!
//! A story carries every text in up to four languages, which makes up most of its weight; a
//! reader sees one. The build writes one compact form per language (`flowlines compact`) once
//! the story has passed `flowlines validate`, and the page reads the one in its reader's language
//! with [`crate::parse::read_plain`]: for the default story, 23 KB gzipped becomes 6 KB in English.
//!
//! A text in several languages is a JSON object whose keys are language codes
//! ([`crate::model::Names`]); every such object loses the languages other than English and the
//! one asked for. Everything else stays as it is, so the compact form reads back to the same
//! story in that language.

use crate::i18n::Lang;
use crate::model::Story;
use serde_json::Value;

/// The language codes a text in several languages is keyed by.
const CODES: [&str; 4] = ["en", "ko", "uk", "ru"];

/// `story` as compact JSON with its texts in `lang` and English only.
pub fn compact_story(story: &Story, lang: Lang) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(story)?;
    keep_language(&mut value, lang.code());
    serde_json::to_string(&value)
}

/// Drops, from every text in several languages under `value`, the languages other than
/// English and `code`.
fn keep_language(value: &mut Value, code: &str) {
    match value {
        Value::Object(map) if is_localised(map) => {
            map.retain(|k, _| k == "en" || k == code);
        }
        Value::Object(map) => map.values_mut().for_each(|v| keep_language(v, code)),
        Value::Array(items) => items.iter_mut().for_each(|v| keep_language(v, code)),
        _ => {}
    }
}

/// The plural categories a counted text may be split into in one language (CLDR's).
const PLURALS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Whether `map` is a text in several languages: an English entry, and only language codes,
/// each a string or a text split by plural category (`{"one": …, "other": …}`).
fn is_localised(map: &serde_json::Map<String, Value>) -> bool {
    map.contains_key("en")
        && map
            .iter()
            .all(|(k, v)| CODES.contains(&k.as_str()) && is_text(v))
}

/// Whether `v` is one language's text: a string, or strings by plural category.
fn is_text(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Object(forms) => forms
            .iter()
            .all(|(k, v)| PLURALS.contains(&k.as_str()) && v.is_string()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{load_json, read_plain};

    fn default_story() -> Story {
        load_json(
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
        )
        .unwrap_or_default()
    }

    #[test]
    fn the_compact_form_reads_back_with_the_plain_reader_and_says_the_same_in_its_language() {
        let story = default_story();
        for lang in [Lang::En, Lang::Ko, Lang::Uk, Lang::Ru] {
            let text = compact_story(&story, lang).unwrap_or_default();
            let back = read_plain(&text);
            assert!(back.is_ok(), "{lang:?}: {back:?}");
            let back = back.unwrap_or_default();
            let code = lang.code();
            assert_eq!(back.streams.len(), story.streams.len());
            for (a, b) in back.observations.iter().zip(&story.observations) {
                assert_eq!(
                    (&a.id, &a.quantity, &a.period),
                    (&b.id, &b.quantity, &b.period)
                );
            }
            assert_eq!(back.story.title.get(code), story.story.title.get(code));
            for (a, b) in back.places.iter().zip(&story.places) {
                assert_eq!(a.names.get(code), b.names.get(code));
                assert_eq!(a.names.get("en"), b.names.get("en"));
            }
            for (a, b) in back.streams.iter().zip(&story.streams) {
                assert_eq!(a.label.get(code), b.label.get(code));
            }
        }
    }

    #[test]
    fn the_compact_form_keeps_no_other_language_and_is_much_smaller() {
        let story = default_story();
        let full = serde_json::to_string(&story).unwrap_or_default();
        let en = compact_story(&story, Lang::En).unwrap_or_default();
        let ko = compact_story(&story, Lang::Ko).unwrap_or_default();
        assert!(!en.contains("\"ko\":") && !en.contains("\"ru\":"));
        assert!(ko.contains("\"ko\":") && !ko.contains("\"uk\":"));
        assert!(en.len() * 2 < full.len(), "{} of {}", en.len(), full.len());
    }
}
