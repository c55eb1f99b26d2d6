//! The story's guided tour for the page: each step with its day and its text in the reader's
//! language, ready for the step player (www/js/steps.js) to hand to the element's API.

use crate::{to_js, FlowMap};
use flowlines_core::date::DatePrecision;
use flowlines_core::i18n::{format_date, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One step as the page plays it.
#[derive(Serialize)]
struct StepEntry {
    /// The step's id in the story.
    id: String,
    /// The day the map shows (days since 1970-01-01): the first day of the step's date.
    day: f64,
    /// That day written `YYYY-MM-DD`, as `setDate` takes it.
    iso: String,
    /// The date as the reader's language writes it (a month or a year as the story gives it).
    date: String,
    /// The category ids shown; `null` for every category.
    categories: Option<Vec<String>>,
    /// The stream picked out, if any.
    stream: Option<String>,
    /// The place picked out, if any.
    place: Option<String>,
    /// Place ids the view fits around (empty: see `extent`, else the whole map).
    fit: Vec<String>,
    /// `[west, south, east, north]` in degrees to fit instead of places, if given.
    extent: Option<[f64; 4]>,
    /// What the reader is told, in the reader's language (English where the story lacks it).
    text: String,
}

#[wasm_bindgen]
impl FlowMap {
    /// The story's guided tour in `lang`: `[{id, day, iso, date, categories, stream, place,
    /// fit, extent, text}]` in the story's order; empty when the story has no steps.
    pub fn steps(&self, lang: &str) -> Result<JsValue, JsError> {
        let l = Lang::from_code(lang);
        let list: Vec<StepEntry> = self
            .scene
            .story()
            .steps
            .iter()
            .map(|s| StepEntry {
                id: s.id.clone(),
                day: f64::from(s.date.first()),
                iso: flowlines_core::date::format_day(s.date.first()),
                date: if s.date.precision() == DatePrecision::Day {
                    format_date(s.date.first(), l)
                } else {
                    s.date.to_string()
                },
                categories: s.categories.clone(),
                stream: s.stream.clone(),
                place: s.place.clone(),
                fit: s.fit.clone(),
                extent: s.extent,
                text: s.text.get(l.code()).to_string(),
            })
            .collect();
        to_js(&list)
    }

    /// The index of the place with id `id` in the story's order (as `place_xy` and
    /// `place_details` count), or `undefined` when the story has none: a step picks out a place.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.scene.story().places.iter().position(|p| p.id == id)
    }

    /// Zooms and pans so that `[west, south, east, north]` (degrees) fills the map: a step's
    /// `extent` (the core's `Scene::fit_extent`); throws, changing nothing, for an empty box.
    pub fn fit_extent(
        &mut self,
        west: f64,
        south: f64,
        east: f64,
        north: f64,
    ) -> Result<(), JsError> {
        self.focus_inset(false);
        self.scene
            .fit_extent([west, south, east, north])
            .map_err(|e| JsError::new(&e))
    }
}
