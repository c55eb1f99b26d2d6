//! Readers from data files to the [`Story`] model, every problem located.
//!
//! Each reader turns its format into a [`Story`] and a [`SourceMap`] that finds JSON-pointer
//! paths (`/streams/3/from`) in the files. Entities are read one at a time, so one bad
//! entity does not hide the problems of the next; then [`crate::validate`] checks the whole
//! story and the source map locates what it finds. [`load_json`] and [`load_csv`] do all of it.
//! Whatever a file holds, this takes time and memory linear in its size, within the caps of
//! [`limits`].
//!
//! [`Story`]: crate::model::Story
//! [`SourceMap`]: crate::parse::SourceMap
//! [`load_json`]: crate::parse::load_json
//! [`load_csv`]: crate::parse::load_csv
//! [`limits`]: crate::parse::limits

mod csv;
mod files;
mod flowmap_blue;
mod geojson;
mod json;
pub mod limits;
mod locations;
mod plain;
mod scan;
mod sheet_settings;
mod sheet_story;
mod sheet_table;
mod sheet_time;
mod source_map;

pub use self::csv::{read_csv, write_csv, CsvFiles, CSV_TABLES};
pub use self::files::{is_story_file, load_files, story_json, FileForm, FilesRead};
pub use self::flowmap_blue::{is_flowmap_blue, read_flowmap_blue};
pub use self::json::read_json;
pub(crate) use self::plain::{checked, counted};
pub use self::plain::{read_plain, read_plain_bytes, PlainError};
pub use self::sheet_settings::{Qualifier, SheetSettings, SETTING_KEYS};
pub use self::sheet_time::sheet_time;
pub use self::source_map::SourceMap;

use crate::diagnostic::Diagnostics;
use crate::model::Story;
use crate::validate::validate;
use std::collections::{HashMap, HashSet};

/// The sections of a story, in the order they are written: the keys of a JSON story and the
/// names of a CSV story's tables.
pub const SECTIONS: [&str; 11] = [
    "story",
    "sources",
    "places",
    "categories",
    "units",
    "routes",
    "streams",
    "observations",
    "sanctions",
    "events",
    "steps",
];

/// What a reader produced: the entities it could read, where everything is, the problems it
/// met, and the ids of entities it could not read (so references to them are not reported twice).
#[derive(Debug, Default)]
pub struct Read {
    /// The story, without the entities that failed to read.
    pub story: Story,
    /// Where each path is in the files.
    pub map: SourceMap,
    /// Problems met while reading.
    pub problems: Diagnostics,
    /// Ids of entities that failed to read.
    pub broken_ids: HashSet<String>,
    /// For each section, the index in the file of each entity that was read: a failed entity
    /// leaves a gap, so the story's index and the file's may differ.
    pub file_index: HashMap<String, Vec<usize>>,
}

impl Read {
    /// Validates what was read and returns the story, or every problem at once.
    pub fn finish(self) -> Result<Story, Diagnostics> {
        let Read {
            story,
            map,
            mut problems,
            broken_ids,
            file_index,
        } = self;
        let mut map = map;
        let room = limits::MAX_PROBLEMS.saturating_sub(problems.len());
        let found: Vec<(String, String)> = validate(&story)
            .into_iter()
            .filter(|p| {
                !p.unknown_id
                    .as_ref()
                    .is_some_and(|id| broken_ids.contains(id))
            })
            .map(|p| (file_path(&p.path, &file_index), p.message))
            .collect();
        if room == 0 && !found.is_empty() {
            problems
                .0
                .push(map.at(0, 0, source_map::more_problems(found.len())));
        } else {
            problems.0.extend(map.locate_all_within(found, room).0);
        }
        if problems.is_empty() {
            Ok(story)
        } else {
            Err(problems.sorted())
        }
    }
}

/// Translates a path into the story (`/streams/3/from`) into a path into the file.
fn file_path(path: &str, file_index: &HashMap<String, Vec<usize>>) -> String {
    let mut parts = path.splitn(4, '/');
    let (Some(""), Some(section), Some(index)) = (parts.next(), parts.next(), parts.next()) else {
        return path.to_string();
    };
    let Some(i) = index
        .parse::<usize>()
        .ok()
        .and_then(|i| file_index.get(section)?.get(i))
    else {
        return path.to_string();
    };
    match parts.next() {
        Some(rest) => format!("/{section}/{i}/{rest}"),
        None => format!("/{section}/{i}"),
    }
}

/// Reads and validates a JSON story. `file` names it in diagnostics.
pub fn load_json(file: &str, text: &str) -> Result<Story, Diagnostics> {
    read_json(file, text).finish()
}

/// Reads and validates a JSON story as the page does: refused past [`limits::MAX_PAGE_FILE_BYTES`],
/// since the page parses on its main thread.
pub fn load_json_in_page(file: &str, text: &str) -> Result<Story, Diagnostics> {
    if text.len() > limits::MAX_PAGE_FILE_BYTES {
        return Err(too_big_for_page(file, text.len()));
    }
    load_json(file, text)
}

/// Reads and validates a JSON story from the bytes of its file, as the page does (see
/// [`load_json_in_page`]). Bytes cross into WebAssembly in one copy, where a JavaScript string
/// is encoded character by character; a byte-order mark is dropped, as a browser's text
/// decoder drops it, and bytes that are not UTF-8 are refused at the first bad one.
pub fn load_json_bytes_in_page(file: &str, bytes: &[u8]) -> Result<Story, Diagnostics> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() > limits::MAX_PAGE_FILE_BYTES {
        return Err(too_big_for_page(file, bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_json(file, text),
        Err(e) => {
            let before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            Err(Diagnostics(vec![crate::Diagnostic {
                file: file.to_string(),
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
                message: "the file is not UTF-8 text: save it as UTF-8".into(),
            }]))
        }
    }
}

/// The problem of a file over the page's cap, of `bytes` bytes.
fn too_big_for_page(file: &str, bytes: usize) -> Diagnostics {
    Diagnostics(vec![crate::Diagnostic {
        file: file.to_string(),
        line: 1,
        column: 1,
        message: format!(
            "the file is {:.1} MiB: the page reads stories of at most {} MiB",
            bytes as f64 / (1024.0 * 1024.0),
            limits::MAX_PAGE_FILE_BYTES / (1024 * 1024)
        ),
    }])
}

/// Reads and validates a story kept as CSV tables.
pub fn load_csv(files: &CsvFiles) -> Result<Story, Diagnostics> {
    read_csv(files).finish()
}

/// Reads and validates a story kept as FlowmapBlue's sheets (`locations.csv` or a `.geojson`
/// of places, `flows.csv`, and optionally `story.csv` and `properties.csv`), with `given`
/// settings winning over the folder's and `fallback` filling only what nothing else gives (see
/// [`SheetSettings`]).
pub fn load_flowmap_blue(
    files: &CsvFiles,
    given: &SheetSettings,
    fallback: &SheetSettings,
) -> Result<Story, Diagnostics> {
    read_flowmap_blue(files, given, fallback).finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const STORY: &str = include_str!("../../../../data/fixtures/five-places.json");

    #[test]
    fn a_story_read_from_bytes_is_the_story_read_from_its_text_with_or_without_a_byte_order_mark() {
        let from_text = load_json_in_page("s.json", STORY).unwrap();
        assert_eq!(
            load_json_bytes_in_page("s.json", STORY.as_bytes()).unwrap(),
            from_text
        );
        let marked = [b"\xEF\xBB\xBF".as_slice(), STORY.as_bytes()].concat();
        assert_eq!(
            load_json_bytes_in_page("s.json", &marked).unwrap(),
            from_text
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_at_the_first_bad_one() {
        let bytes = ["{\n  \"stör\": ".as_bytes(), b"\xFF\xFF}"].concat();
        let problems = load_json_bytes_in_page("s.json", &bytes).unwrap_err();
        assert_eq!(
            problems.to_string(),
            "s.json:2:11: the file is not UTF-8 text: save it as UTF-8"
        );
    }

    #[test]
    fn bytes_past_the_page_cap_are_refused_before_anything_is_read() {
        let bytes = vec![b' '; limits::MAX_PAGE_FILE_BYTES + 1];
        let problems = load_json_bytes_in_page("s.json", &bytes).unwrap_err();
        assert!(problems
            .to_string()
            .starts_with("s.json:1:1: the file is 10.0 MiB"));
    }
}
