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
//!
//! The compact form can also be written in binary ([`binary_story`](crate::compact::binary_story),
//! read by [`read_binary`](crate::compact::read_binary)): the model's fields in order, by postcard,
//! after [`MAGIC`](crate::compact::MAGIC). It needs no JSON parser and no field names to read, and
//! so no `serde_json` and much less of serde's derived code in the module that reads it (a map
//! module reading only this form was 32 KB gzipped lighter, 249.9 against 218.0 KB, measured on 3
//! December). Every number reads back to the same bits.

use crate::i18n::Lang;
use crate::model::Story;
use crate::parse::limits::MAX_PAGE_FILE_BYTES;
use crate::parse::PlainError;
use serde_json::Value;

/// The first bytes of a binary compact story, with the form's version: a file that does not
/// start so is not one (a JSON story starts with `{`, or a byte-order mark).
pub const MAGIC: &[u8] = b"flowlines compact story 1\n";

/// Whether `bytes` are meant as a binary compact story: they start with [`MAGIC`].
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// `story` with its texts in `lang` and English only.
pub fn in_language(story: &Story, lang: Lang) -> Result<Story, serde_json::Error> {
    let mut value = serde_json::to_value(story)?;
    keep_language(&mut value, lang.code());
    serde_json::from_value(value)
}

/// `story` in the binary compact form: [`MAGIC`], then every field of the model in order.
pub fn binary_story(story: &Story) -> Result<Vec<u8>, postcard::Error> {
    append_body(story, MAGIC.to_vec())
}

/// `out` with `story`'s binary form written after what it holds, without [`MAGIC`]: a
/// handover part's body ([`crate::handover`]).
pub(crate) fn append_body(story: &Story, out: Vec<u8>) -> Result<Vec<u8>, postcard::Error> {
    crate::model::omit::every_field(|| postcard::to_extend(story, out))
}

/// How many bytes `value` (a story or one of its entities) takes in the binary form, counted
/// without writing them.
pub(crate) fn binary_size<T: serde::Serialize>(value: &T) -> Result<usize, postcard::Error> {
    crate::model::omit::every_field(|| {
        postcard::serialize_with_flavor(value, postcard::ser_flavors::Size::default())
    })
}

/// Reads and checks a binary compact story of unknown origin: at most [`MAX_PAGE_FILE_BYTES`],
/// [`MAGIC`] first, the story, nothing after it, no section over its cap, and valid
/// ([`crate::validate`], as for a JSON story). The error is the first problem, unlocated.
pub fn read_binary(bytes: &[u8]) -> Result<Story, PlainError> {
    crate::parse::checked(read_validated(bytes)?)
}

/// Reads a binary compact story that was validated when it was written, as the page's map
/// module does: one the build wrote (`flowlines compact`, which validates first) and the page
/// found unchanged (its hash the manifest's), or one [`binary_story`] wrote of a story a
/// reader had just validated (the second module's `Extras.binary`). Every check of
/// [`read_binary`] but [`crate::validate`]: the caps on its size, its texts and its sections
/// still hold, so bytes of any other origin are refused or read without a panic, but may
/// read to a story that is not valid. It keeps the validator out of the map module, which
/// every reader downloads (README, Weight).
pub fn read_validated(bytes: &[u8]) -> Result<Story, PlainError> {
    if bytes.len() > MAX_PAGE_FILE_BYTES {
        return Err(PlainError::TooLarge(MAX_PAGE_FILE_BYTES / (1024 * 1024)));
    }
    let unreadable =
        |why: String| PlainError::Unreadable(format!("not a compact story file: {why}"));
    let body = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| unreadable("it does not start as one".into()))?;
    let story = crate::compact_reader::story_of(body).map_err(unreadable)?;
    crate::parse::counted(story)
}

/// The language codes a text in several languages is keyed by.
const CODES: [&str; 4] = ["en", "ko", "uk", "ru"];

/// `story` as compact JSON with its texts in `lang` and English only.
pub fn compact_story(story: &Story, lang: Lang) -> Result<String, serde_json::Error> {
    serde_json::to_string(&in_language(story, lang)?)
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
    fn every_story_in_data_reads_back_from_its_binary_form_exactly() {
        let stories = crate::test_support::valid_stories_in_data();
        assert!(stories.len() >= 4, "{} stories", stories.len());
        for (file, _, story) in stories {
            let bytes = binary_story(&story).unwrap_or_default();
            assert!(read_binary(&bytes) == Ok(story.clone()), "{file}");
        }
    }

    #[test]
    fn the_binary_form_in_a_language_reads_back_as_the_compact_json_in_it() {
        let story = default_story();
        for lang in [Lang::En, Lang::Ko, Lang::Uk, Lang::Ru] {
            let json = read_plain(&compact_story(&story, lang).unwrap_or_default());
            let one = in_language(&story, lang).unwrap_or_default();
            let binary = read_binary(&binary_story(&one).unwrap_or_default());
            assert!(json.is_ok() && binary == json, "{lang:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_one_whole_valid_binary_story_are_refused() {
        let story = default_story();
        let bytes = binary_story(&story).unwrap_or_default();
        let refused = |b: &[u8]| matches!(read_binary(b), Err(PlainError::Unreadable(_)));
        assert!(refused(include_bytes!("../../../data/nk-russia.json")));
        assert!(refused(&bytes[..bytes.len() - 1]));
        assert!(refused(&[&bytes[..], b"!"].concat()));
        assert!(refused(MAGIC));
        let mut broken = story.clone();
        broken.streams[0].from = "nowhere".into();
        let invalid = read_binary(&binary_story(&broken).unwrap_or_default());
        assert!(
            matches!(invalid, Err(PlainError::Invalid { .. })),
            "{invalid:?}"
        );
        let big = vec![0u8; MAX_PAGE_FILE_BYTES + 1];
        assert_eq!(read_binary(&big), Err(PlainError::TooLarge(10)));
    }

    #[test]
    fn a_story_validated_when_written_is_read_without_validating_it_again_but_within_every_cap() {
        let story = default_story();
        let bytes = binary_story(&story).unwrap_or_default();
        assert!(read_validated(&bytes) == Ok(story.clone()));
        let mut broken = story.clone();
        broken.streams[0].from = "nowhere".into();
        let broken = binary_story(&broken).unwrap_or_default();
        assert!(matches!(
            read_binary(&broken),
            Err(PlainError::Invalid { .. })
        ));
        assert!(read_validated(&broken).is_ok_and(|s| s.streams[0].from == "nowhere"));
        let refused = |b: &[u8]| matches!(read_validated(b), Err(PlainError::Unreadable(_)));
        assert!(refused(include_bytes!("../../../data/nk-russia.json")));
        assert!(refused(&bytes[..bytes.len() - 1]));
        let mut long = story;
        long.sources[0].outlet = Some("x".repeat(65 * 1024));
        let long = read_validated(&binary_story(&long).unwrap_or_default());
        assert!(long.is_err_and(|e| e.to_string().contains("a text longer than 64 KiB")));
        let big = vec![0u8; MAX_PAGE_FILE_BYTES + 1];
        assert_eq!(read_validated(&big), Err(PlainError::TooLarge(10)));
    }

    #[test]
    fn a_binary_story_is_held_to_the_page_s_caps_on_texts_as_its_json_is() {
        for (text, message) in [
            ("a\u{202e}\u{1}b".to_string(), "control character U+0001"),
            ("x".repeat(65 * 1024), "a text longer than 64 KiB"),
        ] {
            let mut story = default_story();
            story.sources[0].outlet = Some(text.clone());
            let json = read_plain(&serde_json::to_string(&story).unwrap_or_default());
            let binary = read_binary(&binary_story(&story).unwrap_or_default());
            for read in [json, binary] {
                let refused = read.err().map(|e| e.to_string()).unwrap_or_default();
                assert!(refused.contains(message), "{refused}");
            }
        }
    }

    #[test]
    fn a_binary_story_with_any_byte_changed_reads_or_is_refused_without_a_panic() {
        let bytes = binary_story(&default_story()).unwrap_or_default();
        let mut refused = 0;
        for at in (MAGIC.len()..bytes.len()).step_by(97) {
            for flip in [0x01, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[at] ^= flip;
                refused += usize::from(read_binary(&b).is_err());
            }
        }
        assert!(refused > 0);
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
