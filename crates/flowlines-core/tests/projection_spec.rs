//! A story may name its projection in its `story` block; a bad value is reported at its file,
//! line and column, and a good one survives every form of the story (plain reader, compact
//! form, CSV tables).
#![allow(clippy::unwrap_used)]

use flowlines_core::compact::compact_story;
use flowlines_core::i18n::Lang;
use flowlines_core::model::{ProjectionKind, ProjectionSpec};
use flowlines_core::parse::{load_csv, load_json, read_plain, write_csv};

const PACIFIC: &str = include_str!("../../../data/fixtures/pacific.json");

/// The Pacific fixture with `projection` (JSON text) in its story block, on line 9.
fn with_projection(projection: &str) -> String {
    PACIFIC.replacen(
        "    \"end\": \"2025-06-30\",\n",
        &format!("    \"end\": \"2025-06-30\",\n    \"projection\": {projection},\n"),
        1,
    )
}

fn problems(projection: &str) -> String {
    load_json("pacific.json", &with_projection(projection))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_named_projection_is_read_with_its_kind_centre_and_parallels() {
    let story = load_json(
        "pacific.json",
        &with_projection(r#"{"kind": "conic", "center": [-170, 45], "parallels": [35, 55]}"#),
    )
    .unwrap();
    assert_eq!(
        story.story.projection,
        Some(ProjectionSpec {
            kind: ProjectionKind::Conic,
            center: Some([-170.0, 45.0]),
            parallels: Some([35.0, 55.0]),
        })
    );
}

#[test]
fn an_unknown_kind_is_located_and_the_kinds_are_named() {
    assert_eq!(
        problems(r#"{"kind": "mercator"}"#),
        "pacific.json:9:28: unknown projection kind 'mercator': expected conic or azimuthal"
    );
}

#[test]
fn a_centre_off_the_globe_is_located_at_its_longitude_and_latitude() {
    assert_eq!(
        problems(r#"{"kind": "azimuthal", "center": [200, 95]}"#),
        "pacific.json:9:52: longitude 200 is outside -180 to 180\n\
         pacific.json:9:57: latitude 95 is outside -90 to 90"
    );
}

#[test]
fn parallels_across_the_equator_or_off_the_globe_are_refused() {
    assert_eq!(
        problems(r#"{"kind": "conic", "parallels": [-10, 20]}"#),
        "pacific.json:9:50: parallels -10 and 20 must both be north or both south of the equator"
    );
    assert_eq!(
        problems(r#"{"kind": "conic", "parallels": [30, 95]}"#),
        "pacific.json:9:55: parallel 95 is outside -89 to 89"
    );
}

#[test]
fn an_azimuthal_projection_with_parallels_is_refused() {
    assert_eq!(
        problems(r#"{"kind": "azimuthal", "parallels": [10, 20]}"#),
        "pacific.json:9:54: an azimuthal projection has no parallels: only a conic has"
    );
}

#[test]
fn a_named_projection_survives_the_plain_reader_the_compact_form_and_csv() {
    let text = with_projection(r#"{"kind": "azimuthal", "center": [-170, 50]}"#);
    let story = load_json("pacific.json", &text).unwrap();
    assert_eq!(read_plain(&text).unwrap(), story);
    let compact = compact_story(&story, Lang::En).unwrap();
    assert_eq!(
        read_plain(&compact).unwrap().story.projection,
        story.story.projection
    );
    let csv = write_csv(&story).unwrap();
    assert_eq!(
        load_csv(&csv).unwrap().story.projection,
        story.story.projection
    );
}
