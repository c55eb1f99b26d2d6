//! The map's words in Korean, Ukrainian and Russian as the page's map module gets them: read at
//! run time from a words file the build writes (`flowlines words`), one file per language, so
//! that the module carries English alone (the fallback of every text) and a reader downloads
//! only the words of their own language (issue 10, item 3: the four languages were 7.7 KB of
//! the map module gzipped).
//!
//! Native builds (the command line, the tests, the benchmarks) read the whole catalogue
//! ([`MESSAGES`]) as before. A WebAssembly module reads it only after it has called
//! [`use_built_in_words`] (the extras module does, at start): the catalogue is reached through a
//! function pointer set then, so that a module that never calls it does not carry it.
//!
//! A words file is [`WORDS_MAGIC`], then the language's code and its (key, text) pairs, by
//! postcard. Keys travel with their texts, so a file written by another build still gives each
//! key its own text; a key the file lacks falls back to English, never to another key's text.

use super::{Lang, MESSAGES};
use std::sync::OnceLock;

/// The first bytes of a words file, with the form's version.
pub const WORDS_MAGIC: &[u8] = b"flowlines words 1\n";

/// The largest words file read, in bytes: the catalogue of one language is about 12 KB.
const MAX_WORDS_BYTES: usize = 256 * 1024;

/// The words read from a file, for Korean, Ukrainian and Russian in that order (the
/// languages after English in [`Lang`]); each is set once, by the first file read for it.
static READ: [OnceLock<Vec<(String, String)>>; 3] = [const { OnceLock::new() }; 3];

/// The built-in catalogue's lookup, once a WebAssembly module has asked for it.
#[cfg(target_family = "wasm")]
static BUILT_IN: OnceLock<fn(Lang, &str) -> Option<&'static str>> = OnceLock::new();

/// The text of `key` in `lang` in the built-in catalogue.
fn built_in(lang: Lang, key: &str) -> Option<&'static str> {
    MESSAGES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, texts)| texts[lang.index()])
}

/// Lets this WebAssembly module read every language from the built-in catalogue (a native
/// build always does): for a module that shows texts in any language without words files,
/// such as the extras module's charts and downloads.
pub fn use_built_in_words() {
    #[cfg(target_family = "wasm")]
    let _ = BUILT_IN.set(built_in);
}

/// The text of `key` in `lang`, other than English, from a words file read for `lang`, else
/// from the built-in catalogue where this build has it; `None` for English and for a key
/// neither has (the caller falls back to English).
pub(super) fn text(lang: Lang, key: &str) -> Option<&'static str> {
    let slot = lang.index().checked_sub(1)?;
    let read = READ.get(slot).and_then(OnceLock::get);
    if let Some(text) = read.and_then(|words| words.iter().find(|(k, _)| k == key)) {
        return Some(text.1.as_str());
    }
    built_in_here(lang, key)
}

/// [`built_in`] where this module has asked for the catalogue ([`use_built_in_words`]).
#[cfg(target_family = "wasm")]
fn built_in_here(lang: Lang, key: &str) -> Option<&'static str> {
    BUILT_IN.get().and_then(|lookup| lookup(lang, key))
}

/// [`built_in`]: a native build always has the catalogue.
#[cfg(not(target_family = "wasm"))]
fn built_in_here(lang: Lang, key: &str) -> Option<&'static str> {
    built_in(lang, key)
}

/// The words file of `lang`: [`WORDS_MAGIC`], then `lang`'s code and every key of the
/// catalogue with its text in `lang`.
pub fn words_file(lang: Lang) -> Result<Vec<u8>, postcard::Error> {
    let pairs: Vec<(&str, &str)> = MESSAGES
        .iter()
        .map(|(key, texts)| (*key, texts[lang.index()]))
        .collect();
    postcard::to_extend(&(lang.code(), pairs), WORDS_MAGIC.to_vec())
}

/// Why a words file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WordsError {
    /// English is built into every module; it is never read from a file.
    #[error("English words are built in; no file is read for them")]
    English,
    /// The bytes are not a words file of this version, or are cut short.
    #[error("not a words file (flowlines words 1)")]
    NotWords,
    /// The file is larger than any words file the build writes.
    #[error("a words file is at most {MAX_WORDS_BYTES} bytes")]
    TooLarge,
    /// The file holds the words of another language.
    #[error("these are the words of `{0}`")]
    OtherLanguage(String),
    /// A template of the file takes another number of values than its English one.
    #[error("`{0}` takes another number of values than in English")]
    Holes(String),
}

/// Reads `bytes`, a words file of `lang`, so that [`super::t`] finds `lang`'s texts in it. A
/// language already read keeps the words first read for it (every file of one build is the
/// same). Keys the catalogue does not have are left out.
pub fn read_words(lang: Lang, bytes: &[u8]) -> Result<(), WordsError> {
    let slot = lang.index().checked_sub(1).ok_or(WordsError::English)?;
    if bytes.len() > MAX_WORDS_BYTES {
        return Err(WordsError::TooLarge);
    }
    let body = bytes
        .strip_prefix(WORDS_MAGIC)
        .ok_or(WordsError::NotWords)?;
    let (code, pairs): (String, Vec<(String, String)>) =
        postcard::from_bytes(body).map_err(|_| WordsError::NotWords)?;
    if code != lang.code() {
        return Err(WordsError::OtherLanguage(code));
    }
    let holes = |s: &str| crate::text::count(s, "{}");
    let mut words = Vec::with_capacity(pairs.len());
    for (key, text) in pairs {
        let Some(english) = super::english(&key) else {
            continue;
        };
        if holes(&text) != holes(english) {
            return Err(WordsError::Holes(key));
        }
        words.push((key, text));
    }
    let _ = READ[slot].set(words);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{catalog, t};

    #[test]
    fn a_words_file_gives_every_key_the_text_the_catalogue_has() {
        for lang in [Lang::Ko, Lang::Uk, Lang::Ru] {
            let file = words_file(lang).expect("written");
            assert!(file.starts_with(WORDS_MAGIC));
            read_words(lang, &file).expect("read");
            let read = READ[lang.index() - 1].get().expect("set");
            assert_eq!(read.len(), MESSAGES.len());
            for ((key, text), (k, texts)) in read.iter().zip(MESSAGES) {
                assert_eq!((key.as_str(), text.as_str()), (*k, texts[lang.index()]));
            }
            assert_eq!(catalog(lang).len(), MESSAGES.len());
        }
        assert_eq!(t(Lang::Ko, "play"), "재생");
    }

    #[test]
    fn a_file_that_is_not_the_words_asked_for_is_refused_whole() {
        let korean = words_file(Lang::Ko).expect("written");
        assert_eq!(read_words(Lang::En, &korean), Err(WordsError::English));
        assert_eq!(
            read_words(Lang::Ru, &korean),
            Err(WordsError::OtherLanguage("ko".into()))
        );
        assert_eq!(read_words(Lang::Ko, b"{}"), Err(WordsError::NotWords));
        let cut = &korean[..korean.len() - 3];
        assert_eq!(read_words(Lang::Ko, cut), Err(WordsError::NotWords));
        let huge = vec![0; MAX_WORDS_BYTES + 1];
        assert_eq!(read_words(Lang::Ko, &huge), Err(WordsError::TooLarge));
    }

    #[test]
    fn a_template_that_would_drop_or_invent_a_value_is_refused() {
        let pairs = vec![("range_to", "{} — {} — {}")];
        let file = postcard::to_extend(&("uk", pairs), WORDS_MAGIC.to_vec()).expect("written");
        assert_eq!(
            read_words(Lang::Uk, &file),
            Err(WordsError::Holes("range_to".into()))
        );
    }
}
