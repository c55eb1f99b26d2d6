//! A category's own colour: taken when it reaches 3:1 against the theme's land and sea,
//! refused with its line and column when it does not (the contrast rule in `style.rs`).
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;
use flowlines_core::style::{category_color, Theme};

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");

/// The default story with `"color": <color>` on its first category (munitions), on a line of
/// its own right after the category's id.
fn with_munitions_color(color: &str) -> String {
    let at = NK_RUSSIA.find("\"id\": \"munitions\",").unwrap();
    let end = at + "\"id\": \"munitions\",".len();
    format!(
        "{}\n      \"color\": \"{color}\",{}",
        &NK_RUSSIA[..end],
        &NK_RUSSIA[end..]
    )
}

#[test]
fn a_story_colour_of_3_to_1_or_more_colours_its_category_s_streams() {
    let story = load_json("nk-russia.json", &with_munitions_color("#b30000")).unwrap();
    let munitions = story
        .streams
        .iter()
        .position(|s| s.category == "munitions")
        .unwrap();
    let scene = Scene::new(story);
    assert_eq!(scene.category_color()[0], 0xB30000);
    assert_eq!(scene.stream_color()[munitions], 0xB30000);
    assert_eq!(
        scene.category_color()[1],
        category_color(1),
        "the others keep the palette's"
    );
}

#[test]
fn a_low_contrast_story_colour_is_refused_where_it_is_written() {
    let text = with_munitions_color("#ffff00");
    let errors = load_json("nk-russia.json", &text).unwrap_err();
    let line = text.lines().position(|l| l.contains("#ffff00")).unwrap() + 1;
    let d = errors
        .0
        .iter()
        .find(|d| d.message.contains("contrast"))
        .unwrap_or_else(|| panic!("no contrast error in {errors}"));
    assert_eq!(d.line, line, "{d}");
    assert!(
        d.message.starts_with("colour #ffff00 has a contrast of 1.")
            && d.message
                .ends_with("against the light theme's #f4f1ea, below 3:1"),
        "{d}"
    );
}

#[test]
fn a_colour_that_is_not_hex_is_refused_too() {
    let errors = load_json("nk-russia.json", &with_munitions_color("red")).unwrap_err();
    assert!(
        errors
            .0
            .iter()
            .any(|d| d.message == "colour 'red' is not written #rgb or #rrggbb"),
        "{errors}"
    );
}

#[test]
fn on_the_dark_theme_a_story_colour_too_dark_falls_back_to_the_palette_and_says_why() {
    let story = load_json("nk-russia.json", &with_munitions_color("#b30000")).unwrap();
    let mut scene = Scene::new(story);
    let refused = scene.set_colors(Theme::Dark, &[]);
    assert_eq!(scene.category_color()[0], category_color(0));
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].starts_with("munitions: colour #b30000 has a contrast of"),
        "{}",
        refused[0]
    );
    // A host's own colour comes before the story's.
    let refused = scene.set_colors(Theme::Light, &[("munitions".into(), 0x005A9C)]);
    assert!(refused.is_empty());
    assert_eq!(scene.category_color()[0], 0x005A9C);
}
