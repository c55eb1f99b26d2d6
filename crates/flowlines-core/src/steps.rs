//! Guided steps: a story's tour, told one moment at a time (a "scrollytelling" article, or the
//! map's own Next and Previous buttons).
//!
//! Each [`Step`] says what the map shows at one stop: a date, which categories are shown, one
//! stream or one place picked out, what the view fits (a set of places, or a box of longitude
//! and latitude), and a short text in every language the story is written in. The step holds
//! only ids and dates; [`check_steps`] says whether they all resolve, each problem at the
//! field it is about, so that a reader's source map locates it in the file.
//!
//! [`Step`]: crate::steps::Step
//! [`check_steps`]: crate::steps::check_steps

use crate::date::DateSpec;
use crate::model::{Names, Story, Text};
use crate::validate::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One stop of a story's guided tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Identifier (for a link or an article's block to name the step).
    pub id: String,
    /// The day the map shows, between the story's `start` and `end`. A date less precise than a
    /// day ("2024-10") opens on its first day.
    pub date: DateSpec,
    /// The category ids shown; none given means every category.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub categories: Option<Vec<String>>,
    /// The stream picked out (its details shown), if any. At most one of `stream` and `place`.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub stream: Option<String>,
    /// The place picked out, if any.
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub place: Option<String>,
    /// Place ids the view fits around; none given (and no `extent`) means the whole map.
    #[serde(default, skip_serializing_if = "crate::model::omit::empty")]
    pub fit: Vec<String>,
    /// The box the view fits around instead of places: `[west, south, east, north]` in degrees
    /// (longitude −180 to 180, latitude −90 to 90, west below east, south below north).
    #[serde(default, skip_serializing_if = "crate::model::omit::none")]
    pub extent: Option<[f64; 4]>,
    /// What the reader is told at this step: one or two sentences, in every language the
    /// story's title is written in.
    pub text: Text,
}

/// The languages a story is written in: those its title has (English alone for a title that
/// is a plain string).
pub fn story_languages(story: &Story) -> Vec<&'static str> {
    match &story.story.title {
        Text::Plain(_) => vec!["en"],
        Text::Localised(names) => ["en", "ko", "uk", "ru"]
            .into_iter()
            .filter(|l| names.exact(l).is_some())
            .collect(),
    }
}

/// The languages of `names` that are given and not blank.
fn given(names: &Names, lang: &str) -> bool {
    names.exact(lang).is_some_and(|s| !s.trim().is_empty())
}

/// Every problem of the story's steps, each at its JSON-pointer path (`/steps/2/stream`):
/// an id that names no stream, place or category; a date outside the story's timeline; both a
/// stream and a place picked out, or both places and an extent to fit; an impossible extent;
/// a text missing a language the story has.
pub fn check_steps(story: &Story) -> Vec<Problem> {
    if story.steps.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |path: String, message: String, unknown: Option<&str>| {
        out.push(Problem {
            path,
            message,
            unknown_id: unknown.map(str::to_string),
        });
    };
    // The ids a step may name, borrowed from the story.
    let streams: HashSet<&str> = story.streams.iter().map(|s| s.id.as_str()).collect();
    let places: HashSet<&str> = story.places.iter().map(|p| p.id.as_str()).collect();
    let categories: HashSet<&str> = story.categories.iter().map(|c| c.id.as_str()).collect();
    let languages = story_languages(story);
    let meta = &story.story;
    let mut seen = HashSet::new();
    for (i, step) in story.steps.iter().enumerate() {
        let at = |field: &str| format!("/steps/{i}/{field}");
        if step.id.trim().is_empty() {
            push(at("id"), "empty id".into(), None);
        } else if !seen.insert(step.id.as_str()) {
            push(
                at("id"),
                format!("duplicate id '{}' in steps", step.id),
                None,
            );
        }
        if step.date.first() < meta.start.first() || step.date.first() > meta.end.last() {
            push(
                at("date"),
                format!(
                    "step on {}, outside the timeline ({} to {})",
                    step.date, meta.start, meta.end
                ),
                None,
            );
        }
        for (k, id) in step.categories.iter().flatten().enumerate() {
            if !categories.contains(id.as_str()) {
                push(
                    format!("/steps/{i}/categories/{k}"),
                    format!("unknown category '{id}'"),
                    Some(id),
                );
            }
        }
        if let Some(id) = &step.stream {
            if !streams.contains(id.as_str()) {
                push(at("stream"), format!("unknown stream '{id}'"), Some(id));
            }
        }
        if let Some(id) = &step.place {
            if !places.contains(id.as_str()) {
                push(at("place"), format!("unknown place '{id}'"), Some(id));
            }
            if step.stream.is_some() {
                push(
                    at("place"),
                    "a step picks out one stream or one place, not both".into(),
                    None,
                );
            }
        }
        for (k, id) in step.fit.iter().enumerate() {
            if !places.contains(id.as_str()) {
                push(
                    format!("/steps/{i}/fit/{k}"),
                    format!("unknown place '{id}'"),
                    Some(id),
                );
            }
        }
        if let Some(e) = step.extent {
            if !step.fit.is_empty() {
                push(
                    at("extent"),
                    "a step's view fits places or an extent, not both".into(),
                    None,
                );
            }
            if let Some(why) = extent_problem(e) {
                push(at("extent"), why, None);
            }
        }
        for lang in &languages {
            let missing = match &step.text {
                Text::Plain(s) => *lang != "en" || s.trim().is_empty(),
                Text::Localised(n) => !given(n, lang),
            };
            if missing {
                push(
                    format!("/steps/{i}/text/{lang}"),
                    format!(
                        "the step's text lacks '{lang}': the story is written in {}",
                        languages.join(", ")
                    ),
                    None,
                );
            }
        }
    }
    out
}

/// What is wrong with an extent `[west, south, east, north]`, if anything.
fn extent_problem([west, south, east, north]: [f64; 4]) -> Option<String> {
    let lon = |v: f64| v.is_finite() && (-180.0..=180.0).contains(&v);
    let lat = |v: f64| v.is_finite() && (-90.0..=90.0).contains(&v);
    if !(lon(west) && lon(east) && lat(south) && lat(north)) {
        Some("an extent is [west, south, east, north]: longitudes within -180 to 180, latitudes within -90 to 90".into())
    } else if west >= east || south >= north {
        let [west, south, east, north] = [west, south, east, north].map(crate::decimal::short);
        Some(format!(
            "an empty extent: west ({west}) must be below east ({east}) and south ({south}) below north ({north})"
        ))
    } else {
        None
    }
}
