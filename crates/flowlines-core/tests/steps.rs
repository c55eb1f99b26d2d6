//! Guided steps: the default story's tour, and every kind of bad step reported at the field it
//! is about.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::parse::{load_csv, load_json, write_csv};
use flowlines_core::steps::story_languages;
use serde_json::{json, Value};

const STORY: &str = include_str!("../../../data/nk-russia.json");

fn default_story() -> Value {
    serde_json::from_str(STORY).unwrap()
}

/// The problems of the default story with `edit` applied to it, each with the text of the
/// line it is located at.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut story = default_story();
    edit(&mut story);
    let text = serde_json::to_string_pretty(&story).unwrap();
    let errors = load_json("nk-russia.json", &text).unwrap_err();
    errors
        .0
        .iter()
        .map(|d| {
            let line = text.lines().nth(d.line - 1).unwrap().trim().to_string();
            (d.message.clone(), line)
        })
        .collect()
}

fn only_problem(edit: impl FnOnce(&mut Value)) -> (String, String) {
    let mut problems = problems_after(edit);
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems.remove(0)
}

#[test]
fn the_default_story_has_a_tour_of_five_to_eight_steps_opening_on_its_open_at_date() {
    let story = load_json("nk-russia.json", STORY).unwrap();
    assert!(
        (5..=8).contains(&story.steps.len()),
        "{} steps",
        story.steps.len()
    );
    let open = story.story.open_at.as_ref().unwrap();
    assert_eq!(story.steps[0].date.first(), open.first());
    assert_eq!(story_languages(&story), ["en", "ko", "uk", "ru"]);
}

#[test]
fn every_step_of_the_default_story_speaks_every_language_the_story_has() {
    let story = load_json("nk-russia.json", STORY).unwrap();
    for step in &story.steps {
        for lang in story_languages(&story) {
            let flowlines_core::model::Text::Localised(names) = &step.text else {
                panic!("step {} has a plain text", step.id);
            };
            assert!(names.exact(lang).is_some(), "step {} lacks {lang}", step.id);
        }
    }
}

#[test]
fn a_step_naming_an_unknown_stream_is_reported_at_its_stream() {
    let (message, line) = only_problem(|s| s["steps"][1]["stream"] = json!("trains-of-gold"));
    assert_eq!(message, "unknown stream 'trains-of-gold'");
    assert!(line.starts_with("\"stream\": \"trains-of-gold\""), "{line}");
}

#[test]
fn a_step_naming_an_unknown_place_or_category_is_reported_at_that_id() {
    let problems = problems_after(|s| {
        s["steps"][0]["fit"] = json!(["rajin", "atlantis"]);
        s["steps"][2]["categories"] = json!(["munitions", "spices"]);
    });
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        ("unknown place 'atlantis'".into(), "\"atlantis\"".into())
    );
    assert_eq!(
        problems[1],
        ("unknown category 'spices'".into(), "\"spices\"".into())
    );
}

#[test]
fn a_step_dated_outside_the_story_is_reported_at_its_date() {
    let (message, line) = only_problem(|s| s["steps"][3]["date"] = json!("2026-01-05"));
    assert!(
        message.contains("outside the timeline (2022-01-01 to 2025-06-30)"),
        "{message}"
    );
    assert_eq!(line, "\"date\": \"2026-01-05\",");
}

#[test]
fn a_step_missing_a_language_of_the_story_is_reported_at_its_text() {
    let (message, line) = only_problem(|s| {
        s["steps"][4]["text"].as_object_mut().unwrap().remove("uk");
    });
    assert_eq!(
        message,
        "the step's text lacks 'uk': the story is written in en, ko, uk, ru"
    );
    assert_eq!(line, "\"text\": {");
}

#[test]
fn a_step_picks_out_one_stream_or_one_place_and_fits_places_or_an_extent() {
    let problems = problems_after(|s| {
        s["steps"][0]["place"] = json!("vladivostok");
        s["steps"][0]["extent"] = json!([120.0, 35.0, 140.0, 48.0]);
    });
    let mut messages: Vec<&str> = problems.iter().map(|p| p.0.as_str()).collect();
    messages.sort_unstable();
    assert_eq!(
        messages,
        [
            "a step picks out one stream or one place, not both",
            "a step's view fits places or an extent, not both"
        ]
    );
}

#[test]
fn an_extent_that_is_empty_or_off_the_globe_is_refused() {
    let (message, _) = only_problem(|s| {
        s["steps"][0].as_object_mut().unwrap().remove("fit");
        s["steps"][0]["extent"] = json!([140.0, 35.0, 120.0, 48.0]);
    });
    assert!(message.starts_with("an empty extent"), "{message}");
    let (message, _) = only_problem(|s| {
        s["steps"][0].as_object_mut().unwrap().remove("fit");
        s["steps"][0]["extent"] = json!([120.0, 35.0, 140.0, 98.0]);
    });
    assert!(message.contains("latitudes within -90 to 90"), "{message}");
}

#[test]
fn an_unknown_field_of_a_step_is_reported_at_its_name() {
    let (message, line) = only_problem(|s| s["steps"][0]["zoom"] = json!(3));
    assert!(message.starts_with("unknown field `zoom`"), "{message}");
    assert!(line.starts_with("\"zoom\""), "{line}");
}

#[test]
fn steps_go_through_the_csv_form_unchanged() {
    let story = load_json("nk-russia.json", STORY).unwrap();
    let files = write_csv(&story).unwrap();
    let steps_csv = &files
        .iter()
        .find(|(name, _)| name == "steps.csv")
        .unwrap()
        .1;
    let header: Vec<&str> = steps_csv.lines().next().unwrap().split(',').collect();
    for column in [
        "id",
        "date",
        "categories",
        "stream",
        "place",
        "fit",
        "text.en",
        "text.ko",
    ] {
        assert!(header.contains(&column), "{column} in {header:?}");
    }
    let back = load_csv(&files).unwrap();
    assert_eq!(back.steps, story.steps);
}

#[test]
fn a_step_s_extent_fills_the_view_and_an_empty_one_changes_nothing() {
    let story = load_json("nk-russia.json", STORY).unwrap();
    let mut scene = flowlines_core::scene::Scene::new(story);
    scene.resize(1000.0, 600.0);
    let whole = scene.view();
    // Around Rajin and Vladivostok: the view zooms in, and what it shows holds the box.
    let asked = [128.0, 40.0, 134.0, 45.0];
    scene.fit_extent(asked).unwrap();
    assert!(scene.view().k > 2.0, "zoomed in: {:?}", scene.view());
    let [w, s, e, n] = scene.extent();
    assert!(
        w <= asked[0] && s <= asked[1] && e >= asked[2] && n >= asked[3],
        "{:?}",
        scene.extent()
    );
    assert!(e - w < 40.0, "and not much more: {:?}", scene.extent());
    let before = scene.view();
    assert!(scene.fit_extent([134.0, 40.0, 128.0, 45.0]).is_err());
    assert_eq!(scene.view(), before);
    assert_ne!(before, whole);
}
