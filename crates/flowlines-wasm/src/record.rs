//! The story's own record for the page: the date its figures were checked up to, its version
//! and the corrections made since it was first published, so that a map embedded in an article
//! says how fresh it is and what changed.

use crate::{to_js, FlowMap};
use flowlines_core::i18n::{format_date, t, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One correction as the page lists it.
#[derive(Serialize)]
struct CorrectionEntry {
    /// When it was made, written the way `lang` writes dates.
    date: String,
    /// What changed and why, in `lang`.
    text: String,
}

/// The words around the record, in one language.
#[derive(Serialize)]
struct RecordLabels {
    /// "Data as of {}".
    as_of: &'static str,
    /// "version {}".
    version: &'static str,
    /// "Corrections".
    corrections: &'static str,
    /// "No corrections so far."
    no_corrections: &'static str,
}

#[wasm_bindgen]
impl FlowMap {
    /// The date up to which the story's figures were checked, written the way `lang` writes
    /// dates ("30 May 2025", "2025년 5월 30일").
    pub fn as_of(&self, lang: &str) -> String {
        let day = self.scene.story().story.as_of.last();
        format_date(day, Lang::from_code(lang))
    }

    /// The data's version ("1.0.0").
    pub fn version(&self) -> String {
        self.scene.story().story.version.clone()
    }

    /// The story's corrections, oldest first: `[{date, text}]`, dates and texts in `lang`.
    pub fn corrections(&self, lang: &str) -> Result<JsValue, JsError> {
        let l = Lang::from_code(lang);
        let list: Vec<CorrectionEntry> = self
            .scene
            .story()
            .story
            .corrections
            .iter()
            .map(|c| CorrectionEntry {
                date: format_date(c.date.last(), l),
                text: c.text.get(l.code()).to_string(),
            })
            .collect();
        to_js(&list)
    }

    /// The words around the record in `lang`, each with `{}` where its value goes:
    /// `{as_of, version, corrections, no_corrections}`.
    pub fn record_labels(&self, lang: &str) -> Result<JsValue, JsError> {
        let l = Lang::from_code(lang);
        to_js(&RecordLabels {
            as_of: t(l, "as_of_label"),
            version: t(l, "version"),
            corrections: t(l, "corrections"),
            no_corrections: t(l, "no_corrections"),
        })
    }
}
