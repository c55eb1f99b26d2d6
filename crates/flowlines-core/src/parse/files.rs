//! A story from the files a reporter hands over at once (dropped on the authoring page, or
//! chosen there as a folder): which form they are in, read with that form's located reader,
//! and written back as our JSON to publish.
//!
//! The forms are told apart as the command line tells them apart (`flowlines validate DIR`):
//! files holding a `flows.csv` are FlowmapBlue's sheets (with `locations.csv` or a `.geojson`
//! of places), one `.json` file is our JSON story, and other `.csv` files are our CSV tables.
//! Of a folder only the files these forms use are read (`.csv`, `.geojson`, `.json`); hidden
//! files (`.DS_Store`) and the rest (`README.md`) are set aside and named, so the reporter sees
//! what was not read. Each file is held to the page's cap ([`limits::MAX_PAGE_FILE_BYTES`]),
//! since the page reads on its main thread.

use super::flowmap_blue::base_name;
use super::{
    is_flowmap_blue, limits, load_csv, load_flowmap_blue, load_json, too_big_for_page, CsvFiles,
    SheetSettings,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Story;

/// The form a set of files is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileForm {
    /// FlowmapBlue's sheets: `flows.csv`, `locations.csv` or a `.geojson`, and optionally
    /// `story.csv` and `properties.csv` (`docs/formats.md`).
    FlowSheets,
    /// Our JSON story (`docs/data-format.md`).
    Json,
    /// Our CSV tables, one per section (`story.csv`, `places.csv`...).
    CsvTables,
}

/// What reading a set of files gave: its form, the story or every problem, and the files set
/// aside unread.
#[derive(Debug)]
pub struct FilesRead {
    /// The form the files were read as; `None` when none of them is a story's file.
    pub form: Option<FileForm>,
    /// The validated story, or every problem located as `file:line:column: message`.
    pub story: Result<Story, Diagnostics>,
    /// The names of the files not read (hidden files, and files of no story form), in the
    /// order given.
    pub ignored: Vec<String>,
}

/// Whether the file `name` (a path inside the folder) is read: not hidden, and a `.csv`,
/// `.geojson` or `.json` file. The page reads the text of these files alone.
pub fn is_story_file(name: &str) -> bool {
    let base = base_name(name);
    let lower = base.to_ascii_lowercase();
    !base.starts_with('.')
        && [".csv", ".geojson", ".json"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// The folder the files share, as the first part of each name (`flows/flows.csv`), which names
/// a sheet story that names itself nowhere else, as the folder's name does on the command
/// line; `None` when they share none.
fn folder_of(files: &CsvFiles) -> Option<&str> {
    let mut folders = files.iter().map(|(name, _)| {
        let parts: Vec<&str> = name.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
        (parts.len() > 1).then(|| parts[parts.len() - 2])
    });
    let first = folders.next()??;
    folders.all(|f| f == Some(first)).then_some(first)
}

/// One problem for the whole set, at the start of file `file`.
fn problem(file: &str, message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        file: file.to_string(),
        line: 1,
        column: 1,
        message,
    }])
}

/// Reads and validates the story in `files` (each a name, a path inside the dropped folder
/// where there is one, and its text); `given` fills what flow sheets do not say, winning over
/// their `story.csv` as the command line's flags do.
pub fn load_files(files: CsvFiles, given: &SheetSettings) -> FilesRead {
    let (files, ignored): (CsvFiles, CsvFiles) =
        files.into_iter().partition(|(n, _)| is_story_file(n));
    let ignored: Vec<String> = ignored.into_iter().map(|(n, _)| n).collect();
    let read = |form, story| FilesRead {
        form: Some(form),
        story,
        ignored: ignored.clone(),
    };
    let big: Vec<Diagnostic> = files
        .iter()
        .filter(|(_, text)| text.len() > limits::MAX_PAGE_FILE_BYTES)
        .flat_map(|(name, text)| too_big_for_page(name, text.len()).0)
        .collect();
    let form = if is_flowmap_blue(files.iter().map(|(n, _)| n.as_str())) {
        FileForm::FlowSheets
    } else if files
        .iter()
        .any(|(n, _)| n.to_ascii_lowercase().ends_with(".json"))
    {
        FileForm::Json
    } else if !files.is_empty() {
        FileForm::CsvTables
    } else {
        let first = ignored.first().map_or("(no file)", String::as_str);
        return FilesRead {
            form: None,
            story: Err(problem(first, "no story among these files: give a story's .json file, or the folder of its flow sheets (flows.csv and locations.csv) or of its CSV tables".into())),
            ignored: ignored.clone(),
        };
    };
    if !big.is_empty() {
        return read(form, Err(Diagnostics(big).sorted()));
    }
    match form {
        FileForm::FlowSheets => {
            // Of flow sheets, only the sheets: a stray .json is named as not read.
            let (sheets, others): (CsvFiles, CsvFiles) = files
                .into_iter()
                .partition(|(n, _)| !n.to_ascii_lowercase().ends_with(".json"));
            let mut fallback = SheetSettings::default();
            let name = folder_of(&sheets).unwrap_or("flows").to_string();
            // The folder's name is any text: as an id and a title it is always accepted.
            let _ = fallback.set("id", &name);
            let _ = fallback.set("title", &name);
            let story = load_flowmap_blue(&sheets, given, &fallback);
            let mut out = read(form, story);
            out.ignored.extend(others.into_iter().map(|(n, _)| n));
            out
        }
        FileForm::Json => {
            let (json, others): (CsvFiles, CsvFiles) = files
                .into_iter()
                .partition(|(n, _)| n.to_ascii_lowercase().ends_with(".json"));
            let story = match json.as_slice() {
                [(name, text)] if others.is_empty() => load_json(name, text),
                [(name, _)] => Err(problem(name, format!("a JSON story and other files at once ({}): give the story's .json file alone, or a folder of sheets or tables", others.iter().map(|(n, _)| base_name(n)).collect::<Vec<_>>().join(", ")))),
                _ => Err(problem(&json[1].0, format!("{} JSON files at once: give one story's .json file", json.len()))),
            };
            read(form, story)
        }
        FileForm::CsvTables => read(form, load_csv(&files)),
    }
}

/// `story` as our JSON, as `flowlines convert` writes it (two-space indents, a final newline),
/// checked to read back as the same story; the error says why it would not.
pub fn story_json(story: &Story) -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(story).map_err(|e| e.to_string())?;
    text.push('\n');
    let back = load_json("story.json", &text)
        .map_err(|d| format!("{d}\nthe story written as JSON does not validate"))?;
    if &back != story {
        return Err("the story written as JSON does not read back as it was".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn fixture(dir: &str, names: &[&str]) -> CsvFiles {
        names
            .iter()
            .map(|n| {
                let path = format!(
                    "{}/../../data/fixtures/{dir}/{n}",
                    env!("CARGO_MANIFEST_DIR")
                );
                (format!("{dir}/{n}"), std::fs::read_to_string(path).unwrap())
            })
            .collect()
    }

    const SHEETS: [&str; 3] = ["flows.csv", "locations.csv", "story.csv"];

    #[test]
    fn a_folder_of_flow_sheets_reads_as_the_command_line_reads_it() {
        let out = load_files(fixture("flowmap-blue", &SHEETS), &SheetSettings::default());
        assert_eq!(out.form, Some(FileForm::FlowSheets));
        let story = out.story.unwrap();
        assert_eq!(story.places.len(), 4);
        assert_eq!(story.story.id, "sheets-test");
        assert!(out.ignored.is_empty());
    }

    #[test]
    fn hidden_files_and_files_of_no_story_form_are_set_aside_and_named() {
        let mut files = fixture("flowmap-blue", &SHEETS);
        files.push(("flowmap-blue/.DS_Store".into(), "\0".into()));
        files.push(("flowmap-blue/README.md".into(), "# notes".into()));
        let out = load_files(files, &SheetSettings::default());
        assert!(out.story.is_ok());
        assert_eq!(
            out.ignored,
            ["flowmap-blue/.DS_Store", "flowmap-blue/README.md"]
        );
    }

    #[test]
    fn a_sheet_story_without_its_own_id_is_named_after_its_folder() {
        let mut given = SheetSettings::default();
        given.set("period", "2024").unwrap();
        let out = load_files(
            fixture("geojson-places", &["flows.csv", "places.geojson"]),
            &given,
        );
        let story = out.story.unwrap();
        assert_eq!(story.story.id, "geojson-places");
    }

    #[test]
    fn broken_sheets_give_every_problem_located_in_its_file() {
        let out = load_files(
            fixture("flowmap-blue-errors", &["flows.csv", "locations.csv"]),
            &SheetSettings::default(),
        );
        let problems = out.story.unwrap_err().to_string();
        assert!(
            problems.contains("flowmap-blue-errors/flows.csv:3:"),
            "{problems}"
        );
        assert!(
            problems.contains("flowmap-blue-errors/locations.csv:3:"),
            "{problems}"
        );
    }

    #[test]
    fn nothing_readable_is_one_problem_that_says_what_to_give() {
        let out = load_files(
            vec![("notes.txt".into(), "hello".into())],
            &SheetSettings::default(),
        );
        assert_eq!(out.form, None);
        let problems = out.story.unwrap_err().to_string();
        assert!(problems.starts_with("notes.txt:1:1: no story among these files"));
    }

    #[test]
    fn two_json_stories_at_once_are_refused() {
        let one = include_str!("../../../../data/fixtures/five-places.json");
        let files = vec![("a.json".into(), one.into()), ("b.json".into(), one.into())];
        let problems = load_files(files, &SheetSettings::default())
            .story
            .unwrap_err()
            .to_string();
        assert_eq!(
            problems,
            "b.json:1:1: 2 JSON files at once: give one story's .json file"
        );
    }

    #[test]
    fn a_file_past_the_page_cap_is_refused_before_it_is_read() {
        let files = vec![(
            "flows.csv".into(),
            " ".repeat(limits::MAX_PAGE_FILE_BYTES + 1),
        )];
        let problems = load_files(files, &SheetSettings::default())
            .story
            .unwrap_err()
            .to_string();
        assert!(problems.starts_with("flows.csv:1:1: the file is 10.0 MiB"));
    }

    #[test]
    fn a_story_written_as_json_reads_back_as_the_same_story() {
        let out = load_files(fixture("flowmap-blue", &SHEETS), &SheetSettings::default());
        let story = out.story.unwrap();
        let text = story_json(&story).unwrap();
        assert_eq!(load_json("story.json", &text).unwrap(), story);
        assert!(text.ends_with("}\n"));
    }
}
