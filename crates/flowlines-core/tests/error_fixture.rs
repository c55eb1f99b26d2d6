//! A fixture with one of each mistake: every problem is reported at once, each at its exact
//! line and column (checked by hand once, then kept in `errors.expected`).
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::parse::load_json;

#[test]
fn every_problem_of_the_error_fixture_is_reported_at_its_line_and_column() {
    let text = include_str!("../../../data/fixtures/errors.json");
    let expected = include_str!("../../../data/fixtures/errors.expected");
    let errors = load_json("data/fixtures/errors.json", text).unwrap_err();
    assert_eq!(errors.to_string().trim_end(), expected.trim_end());
    // Each location points at the offending token itself.
    let lines: Vec<&str> = text.lines().collect();
    let token = |line: usize, column: usize| -> String {
        lines[line - 1].chars().skip(column - 1).take(12).collect()
    };
    let at = |needle: &str| {
        errors
            .0
            .iter()
            .find(|d| d.message.contains(needle))
            .map(|d| token(d.line, d.column))
            .unwrap()
    };
    assert!(at("latitude").starts_with("151.73"));
    assert!(at("unknown place").starts_with("\"vladivostok"));
    assert!(at("negative figure").starts_with("-6700"));
    assert!(at("unit mismatch").starts_with("\"containers\""));
    assert!(at("2024-13").starts_with("\"2024-13\""));
    assert!(at("`sure`").starts_with("\"sure\""));
}

#[test]
fn a_syntax_error_is_located_too() {
    let errors = load_json("x.json", "{\n  \"story\": {\n    \"id\": \"a\",,\n  }\n}").unwrap_err();
    assert_eq!(errors.len(), 1);
    let d = &errors.0[0];
    assert_eq!((d.line, d.column), (3, 15), "{d}");
    assert!(d.message.starts_with("invalid JSON"));
}

#[test]
fn a_story_cannot_open_outside_its_timeline() {
    let text = include_str!("../../../data/nk-russia.json");
    let mut story: serde_json::Value = serde_json::from_str(text).unwrap();
    story["story"]["open_at"] = "2021-12-31".into();
    let moved = serde_json::to_string_pretty(&story).unwrap();
    let errors = load_json("nk-russia.json", &moved).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let d = &errors.0[0];
    assert!(d.message.contains("outside the timeline"), "{d}");
    let line = moved.lines().nth(d.line - 1).unwrap();
    assert!(line.contains("\"open_at\""), "located at the field: {line}");
}
