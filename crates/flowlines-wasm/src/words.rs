//! The page's words: the catalog of every fixed text (controls, legend, tooltip headings) in the
//! reader's language, dates written the way that language writes them, the summary of what the
//! map shows now, and the rows of the data table. All of it comes from `flowlines_core::i18n`,
//! so a language cannot lack a word the page asks for.

use crate::{to_js, FlowMap};
use flowlines_core::date::format_day;
use flowlines_core::details::{sanction_text, stream_details};
use flowlines_core::i18n::{self, t, Lang};
use flowlines_core::summary::summary;
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// One row of the data table: what the map shows of one flow at the current day.
#[derive(Serialize)]
struct TableRow {
    /// The stream's index in the story.
    index: usize,
    flow: String,
    category: String,
    from_to: String,
    figure: String,
    /// For an estimate between readings: between which dated figures.
    estimate: Option<String>,
    /// Said when the destination is our inference.
    destination: Option<String>,
    /// The day the figure is for (and whether it is held from an older reading).
    as_of: String,
    confidence: String,
    disputed: bool,
    /// Every source document any claim cites, once each.
    sources: Vec<String>,
    /// The words of the documents each claim rests on, with their lines, oldest claim first.
    quotes: Vec<String>,
    /// The UN sanctions it runs into, short ("UNSC 1718 (2006), para. 8").
    sanctions: Vec<String>,
}

#[wasm_bindgen]
impl FlowMap {
    /// Every fixed text of the page in `lang` ("en", "ko", "uk", "ru", or a code such as
    /// "uk-UA"; others fall back to English), as an object from key to text. Templates mark
    /// where values go with `{}`.
    pub fn ui_text(lang: &str) -> Result<JsValue, JsError> {
        let words: BTreeMap<&str, &str> =
            i18n::catalog(Lang::from_code(lang)).into_iter().collect();
        to_js(&words)
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

    /// A whole number with the digit grouping of `lang` ("11,000", "11 000").
    pub fn format_number(value: f64, lang: &str) -> String {
        i18n::format_number(value, Lang::from_code(lang))
    }

    /// What the map shows at its current day with its filters, in one short text in `lang`:
    /// the day, each visible flow with its figure, those with no figure and those only
    /// proposed. For the page's live region.
    pub fn summary_now(&self, lang: &str) -> String {
        summary(&self.scene, lang)
    }

    /// The data table at the current day with the current filters, in `lang`: one row per
    /// visible flow, `[{index, flow, category, from_to, figure, estimate, destination, as_of,
    /// confidence, disputed, sources, quotes, sanctions}]`, in the story's order.
    pub fn table_rows(&self, lang: &str) -> Result<JsValue, JsError> {
        let scene = &self.scene;
        let story = scene.story();
        let l = Lang::from_code(lang);
        let rows: Vec<TableRow> = scene
            .styles()
            .iter()
            .enumerate()
            .filter(|(_, st)| st.visible)
            .filter_map(|(i, _)| {
                let d = stream_details(scene, i, lang)?;
                let s = &story.streams[i];
                let quotes = d.claims.iter().filter_map(|c| c.quote.clone()).collect();
                let mut sources: Vec<String> = Vec::new();
                for c in &d.claims {
                    if !sources.contains(&c.source) {
                        sources.push(c.source.clone());
                    }
                }
                let sanctions = story
                    .sanctions_of(s)
                    .map(|x| sanction_text(x, lang, true))
                    .collect();
                let confidence = if d.disputed {
                    format!("{}; {}", d.confidence, t(l, "disputed_short"))
                } else {
                    d.confidence.clone()
                };
                Some(TableRow {
                    index: i,
                    flow: d.title,
                    category: d.category,
                    from_to: d.route,
                    figure: d.figure,
                    estimate: d.estimate,
                    destination: d.destination,
                    as_of: d.as_of,
                    confidence,
                    disputed: d.disputed,
                    sources,
                    quotes,
                    sanctions,
                })
            })
            .collect();
        to_js(&rows)
    }
}
