//! The page's words: the catalog of every fixed text (controls, legend, tooltip headings) in the
//! reader's language, dates written the way that language writes them, the summary of what the
//! map shows now, and the rows of the data table. All of it comes from `flowlines_core::i18n`,
//! so a language cannot lack a word the page asks for. Only English is built in: the page
//! hands the module the words of any other language first (`FlowMap.set_words`).

use crate::{to_js, FlowMap};
use flowlines_core::date::format_day;
use flowlines_core::i18n::{self, Lang};
use flowlines_core::summary::summary;
use flowlines_core::table::table_rows;
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;

/// The catalog of one language, written as an object from key to text. Its keys are unique (a
/// core test holds it), so it is written straight from the catalog's list: collected into a
/// `BTreeMap` first, it brought a sorted map's code and a sort into the map module for this
/// one call.
struct Catalog(Vec<(&'static str, &'static str)>);

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

#[wasm_bindgen]
impl FlowMap {
    /// Reads `bytes`, the words file of `lang` ("ko", "uk", "ru"; `words/LANG.bin`, written by
    /// `flowlines words`), so that every text this module writes in `lang` is in that
    /// language: the module carries English alone, and writes English for a language whose
    /// file it has not read. Throws when the bytes are not that language's words file.
    pub fn set_words(lang: &str, bytes: &[u8]) -> Result<(), JsError> {
        i18n::read_words(Lang::from_code(lang), bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Every fixed text of the page in `lang` ("en", "ko", "uk", "ru", or a code such as
    /// "uk-UA"; others fall back to English), as an object from key to text. Templates mark
    /// where values go with `{}`.
    pub fn ui_text(lang: &str) -> Result<JsValue, JsError> {
        to_js(&Catalog(i18n::catalog(Lang::from_code(lang))))
    }

    /// A day (days since 1970-01-01) as `lang` writes a date: "20 October 2024",
    /// "2024년 10월 20일", "20 жовтня 2024", "20 октября 2024".
    pub fn format_date(day: f64, lang: &str) -> String {
        if day.is_finite() {
            let day = day.floor().clamp(-1.0e6, 1.0e6) as i32;
            let text = i18n::format_date(day, Lang::from_code(lang));
            if text.is_empty() {
                format_day(day)
            } else {
                text
            }
        } else {
            String::new()
        }
    }

    /// What the map shows at its current day with its filters, in one short text in `lang`:
    /// the day, each visible flow with its figure, those with no figure and those only
    /// proposed. For the page's live region.
    pub fn summary_now(&self, lang: &str) -> String {
        summary(&self.scene, lang)
    }

    /// The data table at the current day with the current filters, in `lang`: one row per
    /// visible flow, `[{index, flow, category, from_to, figure, estimate, destination, as_of,
    /// confidence, disputed, sources, quotes, sanctions}]`, in the story's order (the rule:
    /// `flowlines_core::table`).
    pub fn table_rows(&self, lang: &str) -> Result<JsValue, JsError> {
        to_js(&table_rows(&self.scene, lang))
    }
}
