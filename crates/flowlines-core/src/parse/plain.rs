//! The plain reader: a story read straight into the model by `serde_json` and checked by
//! [`crate::validate`], without the syntax tree and paths that locate each problem.
//!
//! It is what the page's map module reads with: it needs neither `jsonc-parser` nor
//! `serde_path_to_error`, which are most of the located reader's weight in WebAssembly. For a
//! valid story it gives the same [`Story`] as [`super::load_json`], and it never accepts a
//! story that [`super::load_json`] rejects (the model's derive refuses unknown and duplicate
//! fields, and the same [`validate`] runs). On a problem it says only the first one, without
//! a line and column: the caller then runs [`super::load_json`] for every problem, located (the
//! page does so in its second module, loaded only then).

use crate::model::Story;
use crate::validate::validate;

/// Reads and validates a JSON story; the error is the first problem, unlocated.
pub fn read_plain(text: &str) -> Result<Story, String> {
    let story: Story = serde_json::from_str(text).map_err(|e| e.to_string())?;
    match validate(&story).into_iter().next() {
        None => Ok(story),
        Some(p) => Err(format!("{}: {}", p.path, p.message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load_json;

    const DEFAULT: &str = include_str!("../../../../data/nk-russia.json");
    const FIVE: &str = include_str!("../../../../data/fixtures/five-places.json");

    #[test]
    fn a_valid_story_reads_the_same_as_with_the_located_reader() {
        for text in [DEFAULT, FIVE] {
            assert_eq!(
                read_plain(text),
                load_json("x.json", text).map_err(|_| String::new())
            );
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
    fn a_duplicate_key_an_unknown_field_or_a_dangling_reference_is_refused() {
        let duplicate = DEFAULT.replacen("\"id\":", "\"id\": \"x\", \"id\":", 1);
        let unknown = DEFAULT.replacen("\"id\":", "\"colour\": 1, \"id\":", 1);
        let dangling = FIVE.replacen("\"from\": \"", "\"from\": \"nowhere-", 1);
        for text in [duplicate, unknown, dangling] {
            assert_ne!(text.len(), 0);
            assert!(load_json("x.json", &text).is_err());
            assert!(read_plain(&text).is_err());
        }
        assert!(read_plain("").is_err());
        assert!(read_plain("[]").is_err());
        assert!(read_plain("{\"story\": 1,}").is_err());
    }
}
