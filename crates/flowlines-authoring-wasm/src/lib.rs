//! The WebAssembly module of the authoring page (`www/new.html`) alone: a reporter's files read
//! and validated in the browser, and the story written as our JSON to publish.
//!
//! Its readers (FlowmapBlue's sheets, GeoJSON places, our CSV tables) and the JSON writer are
//! the core's, as `flowlines validate DIR` and `flowlines convert DIR` use them, so the page
//! and the command line find the same problems at the same places. The embed never loads this
//! module: the map module it loads reads only our JSON, and stays as small as it was. Nothing
//! here panics on any input; errors cross as plain data (`problems`) or a JS `Error`.

use flowlines_core::i18n::Lang;
use flowlines_core::parse::{is_story_file, load_files, story_json, FileForm, SheetSettings};
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use words::authoring_catalog;

/// The words of the authoring page in English, Korean, Ukrainian and Russian.
mod words;

/// Converts a value to a plain JS object (maps as objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// What reading a reporter's files gave, for the page.
#[derive(Serialize, Debug, Default, PartialEq)]
pub struct Reading {
    /// The form the files were read as (`flow_sheets`, `json`, `csv_tables`), or none.
    pub form: Option<FileForm>,
    /// Every problem as `file:line:column: message`, in file order; empty when the story reads.
    pub problems: Vec<String>,
    /// The files set aside unread (hidden files, files of no story form).
    pub ignored: Vec<String>,
    /// The story in our JSON, as `flowlines convert` writes it; none when it does not read.
    pub json: Option<String>,
    /// The story's id, which names the downloaded file (`ID.json`).
    pub id: Option<String>,
    /// The story's title in `lang` (English where it has none in that language).
    pub title: Option<String>,
    /// How many places, streams (flows) and observations (figures) the story has.
    pub places: usize,
    /// See [`Reading::places`].
    pub streams: usize,
    /// See [`Reading::places`].
    pub figures: usize,
}

/// Reads files `names` (paths inside the dropped folder, or bare names) with their `texts`, in
/// the same order, with `settings` (`{key: value}`, the columns of a sheet folder's
/// `story.csv`: `title`, `category`, `unit`, `confidence`, `period`...) winning over what the
/// files say, as the command line's `--set` does. A setting that is not valid is a problem
/// named `setting KEY`. `lang` is the language of the title returned.
pub fn read(
    names: Vec<String>,
    texts: Vec<String>,
    settings: &BTreeMap<String, String>,
    lang: &str,
) -> Reading {
    let mut given = SheetSettings::default();
    let bad: Vec<String> = settings
        .iter()
        .filter_map(|(k, v)| given.set(k, v).err().map(|e| format!("setting {k}: {e}")))
        .collect();
    if !bad.is_empty() {
        return Reading {
            problems: bad,
            ..Reading::default()
        };
    }
    let files = names.into_iter().zip(texts).collect();
    let out = load_files(files, &given);
    let mut reading = Reading {
        form: out.form,
        ignored: out.ignored,
        ..Reading::default()
    };
    match out.story {
        Err(problems) => reading.problems = problems.0.iter().map(ToString::to_string).collect(),
        Ok(story) => match story_json(&story) {
            Err(e) => reading.problems = vec![e],
            Ok(json) => {
                reading.id = Some(story.story.id.clone());
                reading.title = Some(story.story.title.get(lang).to_string());
                reading.places = story.places.len();
                reading.streams = story.streams.len();
                reading.figures = story.observations.len();
                reading.json = Some(json);
            }
        },
    }
    reading
}

/// [`read`] for the page: `settings` is a plain object of strings. Throws only when `names`
/// and `texts` differ in length or `settings` is not such an object.
#[wasm_bindgen]
pub fn read_files(
    names: Vec<String>,
    texts: Vec<String>,
    settings: JsValue,
    lang: &str,
) -> Result<JsValue, JsError> {
    if names.len() != texts.len() {
        return Err(JsError::new(&format!(
            "{} names for {} files",
            names.len(),
            texts.len()
        )));
    }
    let settings: BTreeMap<String, String> = if settings.is_undefined() || settings.is_null() {
        BTreeMap::new()
    } else {
        serde_wasm_bindgen::from_value(settings).map_err(|e| JsError::new(&e.to_string()))?
    };
    to_js(&read(names, texts, &settings, lang))
}

/// Whether the page should read the text of file `name` (a path inside the folder): a
/// `.csv`, `.geojson` or `.json` file that is not hidden. Others are handed over with no text
/// and named as not read.
#[wasm_bindgen]
pub fn is_read(name: &str) -> bool {
    is_story_file(name)
}

/// The authoring page's words in the language of `code` (`en`, `ko`, `uk`, `ru`; English for
/// any other), as an object of key to text (`words`).
#[wasm_bindgen]
pub fn ui_text(code: &str) -> Result<JsValue, JsError> {
    let table: BTreeMap<&str, &str> = authoring_catalog(Lang::from_code(code))
        .into_iter()
        .collect();
    to_js(&table)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use flowlines_core::parse::load_json;

    fn sheets() -> (Vec<String>, Vec<String>) {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/fixtures/flowmap-blue"
        );
        let names = ["flows.csv", "locations.csv", "story.csv"];
        let texts = names
            .iter()
            .map(|n| std::fs::read_to_string(format!("{dir}/{n}")).unwrap())
            .collect();
        (
            names.iter().map(|n| format!("flowmap-blue/{n}")).collect(),
            texts,
        )
    }

    #[test]
    fn flow_sheets_read_into_a_story_whose_json_validates_with_the_same_figures() {
        let (names, texts) = sheets();
        let r = read(names, texts, &BTreeMap::new(), "en");
        assert_eq!(r.problems, Vec::<String>::new());
        assert_eq!(r.form, Some(FileForm::FlowSheets));
        assert_eq!(
            r.title.as_deref(),
            Some("Invented cargoes between four ports")
        );
        let story = load_json("story.json", r.json.as_deref().unwrap()).unwrap();
        assert_eq!(
            (
                story.places.len(),
                story.streams.len(),
                story.observations.len()
            ),
            (r.places, r.streams, r.figures)
        );
        assert_eq!(r.places, 4);
    }

    #[test]
    fn the_settings_win_over_the_folders_story_sheet() {
        let (names, texts) = sheets();
        let settings = BTreeMap::from([("unit".to_string(), "tonnes".to_string())]);
        let r = read(names, texts, &settings, "en");
        let story = load_json("story.json", r.json.as_deref().unwrap()).unwrap();
        assert_eq!(story.units[0].id, "tonnes");
    }

    #[test]
    fn a_setting_that_is_not_valid_is_a_problem_that_names_it() {
        let (names, texts) = sheets();
        let settings = BTreeMap::from([("confidence".to_string(), "sure".to_string())]);
        let r = read(names, texts, &settings, "en");
        assert_eq!(r.json, None);
        assert_eq!(r.problems.len(), 1);
        assert!(
            r.problems[0].starts_with("setting confidence: "),
            "{:?}",
            r.problems
        );
    }
}
