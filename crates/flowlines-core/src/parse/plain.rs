//! The plain reader: a story read straight into the model by `serde_json` and checked by
//! [`crate::validate`], without the syntax tree and paths that locate each problem.
//!
//! It is what the page's map module reads with: it needs neither the source map nor
//! `serde_path_to_error`, which are most of the located reader's weight in WebAssembly. For a
//! valid story it gives the same [`Story`] as [`super::load_json_in_page`], and it never accepts
//! a story that reader rejects: the same caps ([`super::limits`]) are checked, the model's
//! derive refuses unknown and duplicate fields, and the same [`validate`] runs. On a problem it
//! says only the first one, without a line and column: the caller then runs
//! [`super::load_json_in_page`] for every problem, located (the page does so in its second
//! module, loaded only then).

use super::limits::{max_entities, MAX_PAGE_FILE_BYTES};
use crate::model::Story;
use crate::validate::validate;

/// The first problem of a story the plain reader refuses, unlocated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlainError {
    /// The file is over the page's limit, in MiB.
    #[error("the file is over the page's {0} MiB")]
    TooLarge(usize),
    /// The text nests too deep or holds too long a text (the scanner's message).
    #[error("{0}")]
    Caps(String),
    /// The file is not a story in its form: serde_json's message with its line and column, or
    /// for a binary compact story ([`crate::compact::read_binary`]) what is wrong with it.
    #[error("{0}")]
    Unreadable(String),
    /// A section has more entities than a story may have.
    #[error("a story may have at most {cap} {section}")]
    TooMany {
        /// How many it may have.
        cap: usize,
        /// The section ("places", "streams"...).
        section: &'static str,
    },
    /// The story parses but is not valid: its first problem, at its path.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, as `streams[3].from`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The bytes are not UTF-8.
    #[error("the file is not UTF-8 text: save it as UTF-8")]
    NotUtf8,
}

/// Reads and validates a JSON story as the page does (at most
/// [`MAX_PAGE_FILE_BYTES`]); the error is the first problem, unlocated.
pub fn read_plain(text: &str) -> Result<Story, PlainError> {
    if text.len() > MAX_PAGE_FILE_BYTES {
        return Err(PlainError::TooLarge(MAX_PAGE_FILE_BYTES / (1024 * 1024)));
    }
    if let Some((_, message)) = super::scan::json_caps(text) {
        return Err(PlainError::Caps(message));
    }
    let story: Story = crate::model::shared::sharing(|| serde_json::from_str(text))
        .map_err(|e| PlainError::Unreadable(e.to_string()))?;
    checked(story)
}

/// `story`, read by a reader without locations, if no section is over its cap and it is valid;
/// else its first problem.
pub(crate) fn checked(story: Story) -> Result<Story, PlainError> {
    let story = counted(story)?;
    match validate(&story).into_iter().next() {
        None => Ok(story),
        Some(p) => Err(PlainError::Invalid {
            path: p.path,
            message: p.message,
        }),
    }
}

/// `story` if no section is over its cap, else the first that is. Every reader holds a story
/// to the caps; one validated when it was written ([`crate::compact::read_validated`]) is
/// held to nothing more.
pub(crate) fn counted(story: Story) -> Result<Story, PlainError> {
    let counts = [
        ("sources", story.sources.len()),
        ("places", story.places.len()),
        ("categories", story.categories.len()),
        ("units", story.units.len()),
        ("routes", story.routes.len()),
        ("streams", story.streams.len()),
        ("observations", story.observations.len()),
        ("sanctions", story.sanctions.len()),
        ("events", story.events.len()),
    ];
    for (name, n) in counts {
        let cap = max_entities(name).unwrap_or(usize::MAX);
        if n > cap {
            return Err(PlainError::TooMany { cap, section: name });
        }
    }
    Ok(story)
}

/// Reads and validates a JSON story from the bytes of its file, as the page does: bytes cross
/// into WebAssembly in one copy, where a JavaScript string is encoded character by character.
/// A byte-order mark is dropped, as a browser's text decoder drops it; bytes that are not UTF-8
/// are refused (the located reader then says where).
pub fn read_plain_bytes(bytes: &[u8]) -> Result<Story, PlainError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => read_plain(text),
        Err(_) => Err(PlainError::NotUtf8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load_json_in_page as load_json;

    const DEFAULT: &str = include_str!("../../../../data/nk-russia.json");
    const FIVE: &str = include_str!("../../../../data/fixtures/five-places.json");

    #[test]
    fn a_valid_story_reads_the_same_as_with_the_located_reader() {
        for text in [DEFAULT, FIVE] {
            let plain = read_plain(text).ok();
            assert!(plain.is_some());
            assert_eq!(plain, load_json("x.json", text).ok());
        }
    }

    #[test]
    fn every_broken_fixture_is_refused_as_the_located_reader_refuses_it() {
        for text in [
            include_str!("../../../../data/fixtures/bad-story.json"),
            include_str!("../../../../data/fixtures/errors.json"),
        ] {
            assert!(load_json("x.json", text).is_err());
            assert!(read_plain(text).is_err());
        }
    }

    #[test]
    fn an_unknown_field_or_a_dangling_reference_is_refused() {
        let unknown = DEFAULT.replacen("\"id\":", "\"colour\": 1, \"id\":", 1);
        let dangling = FIVE.replacen("\"from\": \"", "\"from\": \"nowhere-", 1);
        for text in [unknown, dangling] {
            assert_ne!(text.len(), 0);
            assert!(load_json("x.json", &text).is_err());
            assert!(read_plain(&text).is_err());
        }
        assert!(read_plain("").is_err());
        assert!(read_plain("[]").is_err());
        assert!(read_plain("{\"story\": 1,}").is_err());
    }

    #[test]
    fn a_duplicate_key_is_refused_with_its_line_and_column() {
        // Stricter than the located reader, which keeps one of the two: the page then shows
        // this message, which serde_json locates.
        let duplicate = DEFAULT.replacen("\"id\":", "\"id\": \"x\", \"id\":", 1);
        let e = read_plain(&duplicate).unwrap_err().to_string();
        assert!(
            e.contains("duplicate field `id`") && e.contains("line 3"),
            "{e}"
        );
    }

    #[test]
    fn the_bytes_of_a_file_read_as_its_text_does_with_or_without_a_byte_order_mark() {
        let with_mark = [b"\xEF\xBB\xBF".as_slice(), FIVE.as_bytes()].concat();
        assert_eq!(
            read_plain_bytes(FIVE.as_bytes()).ok(),
            read_plain(FIVE).ok()
        );
        assert_eq!(read_plain_bytes(&with_mark).ok(), read_plain(FIVE).ok());
        assert!(read_plain_bytes(FIVE.as_bytes()).is_ok());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let mut bytes = FIVE.as_bytes().to_vec();
        bytes[10] = 0xFF;
        assert!(read_plain_bytes(&bytes)
            .err()
            .is_some_and(|e| e == PlainError::NotUtf8));
    }
}
