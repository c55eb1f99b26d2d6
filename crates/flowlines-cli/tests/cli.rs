//! The command line as a user runs it: exit codes, located errors, totals.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::flowlines;

fn totals_json(date: &str) -> serde_json::Value {
    let out = flowlines(&["totals", "data/nk-russia.json", "--at", date, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn containers(date: &str) -> f64 {
    let rows = totals_json(date);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["stream"] == "munitions-containers")
        .unwrap()
        .clone();
    assert_eq!(row["unit"], "containers");
    assert_eq!(row["category"], "munitions");
    assert!(!row["sources"].as_array().unwrap().is_empty());
    row["value"].as_f64().unwrap()
}

#[test]
fn validate_accepts_the_default_story() {
    let out = flowlines(&["validate", "data/nk-russia.json"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn compact_writes_each_language_in_the_binary_form_the_page_reads_back_whole() {
    use flowlines_core::compact::read_binary;
    let dir = common::temp_dir("cli", "compact-binary");
    let out = flowlines(&[
        "compact",
        "data/nk-russia.json",
        "--out",
        &dir.display().to_string(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/nk-russia.json");
    let whole = flowlines_core::parse::read_plain(&std::fs::read_to_string(root).unwrap()).unwrap();
    for lang in ["en", "ko", "uk", "ru"] {
        let bytes = std::fs::read(dir.join(format!("nk-russia.{lang}.bin"))).unwrap();
        let story = read_binary(&bytes).unwrap();
        let figures = |s: &flowlines_core::model::Story| {
            s.observations
                .iter()
                .map(|o| (o.id.clone(), o.quantity, o.period.clone()))
                .collect::<Vec<_>>()
        };
        assert!(
            figures(&story) == figures(&whole),
            "{lang}: the same figures"
        );
        for (place, full) in story.places.iter().zip(&whole.places) {
            assert_eq!(place.names.get(lang), full.names.get(lang));
            let other = if lang == "ko" { "ru" } else { "ko" };
            assert_eq!(
                place.names.exact(other),
                None,
                "{lang}: only its language and English"
            );
        }
    }
}

#[test]
fn words_writes_each_language_but_english_as_a_file_the_map_module_reads() {
    use flowlines_core::i18n::{read_words, t, words_file, Lang};
    let dir = common::temp_dir("cli", "words");
    let out = flowlines(&["words", "--out", &dir.display().to_string()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("en.bin").exists(), "English is built in");
    for lang in [Lang::Ko, Lang::Uk, Lang::Ru] {
        let bytes = std::fs::read(dir.join(format!("{}.bin", lang.code()))).unwrap();
        assert_eq!(bytes, words_file(lang).unwrap());
        read_words(lang, &bytes).unwrap();
    }
    assert_eq!(t(Lang::Uk, "pause"), "Пауза");
}

#[test]
fn compact_json_writes_each_language_as_a_json_story_that_reads_as_its_binary_form_does() {
    let dir = common::temp_dir("cli", "compact-json");
    let path = dir.display().to_string();
    for extra in [&["--json"][..], &[]] {
        let args = [
            &["compact", "data/nk-russia.json", "--out", &path][..],
            extra,
        ]
        .concat();
        let out = flowlines(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for lang in ["en", "ko", "uk", "ru"] {
        let json = std::fs::read_to_string(dir.join(format!("nk-russia.{lang}.json"))).unwrap();
        let bin = std::fs::read(dir.join(format!("nk-russia.{lang}.bin"))).unwrap();
        assert!(!json.contains("\n  "), "{lang}: no whitespace");
        let from_json = flowlines_core::parse::read_plain(&json).unwrap();
        let from_bin = flowlines_core::compact::read_binary(&bin).unwrap();
        assert!(from_json == from_bin, "{lang}: the same story either way");
    }
    let both = flowlines(&[
        "compact",
        "data/nk-russia.json",
        "--out",
        &path,
        "--json",
        "--binary",
    ]);
    assert_eq!(both.status.code(), Some(2), "one form at a time");
}

#[test]
fn validate_lists_every_problem_located_and_exits_1() {
    let out = flowlines(&["validate", "data/fixtures/errors.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/fixtures/errors.expected"
    ))
    .unwrap();
    assert_eq!(stderr.trim_end(), expected.trim_end());
}

#[test]
fn validate_refuses_a_category_colour_below_3_to_1_where_it_is_written() {
    let story = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/fixtures/five-places.json"
    ))
    .unwrap();
    let at = story.find("\"id\": \"munitions\",").unwrap() + "\"id\": \"munitions\",".len();
    let pale = format!(
        "{}\n      \"color\": \"#ffee00\",{}",
        &story[..at],
        &story[at..]
    );
    let line = pale.lines().position(|l| l.contains("#ffee00")).unwrap() + 1;
    let dir = common::temp_dir("cli", "pale-colour");
    let file = dir.join("pale.json");
    std::fs::write(&file, &pale).unwrap();
    let out = flowlines(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "{}:{line}:16: colour #ffee00 has a contrast of 1.",
        file.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(
        stderr.contains("against the light theme's #f4f1ea, below 3:1"),
        "{stderr}"
    );
    std::fs::write(&file, pale.replace("#ffee00", "#b30000")).unwrap();
    assert_eq!(
        flowlines(&["validate", file.to_str().unwrap()])
            .status
            .code(),
        Some(0),
        "a dark red passes"
    );
}

#[test]
fn validate_of_a_missing_file_is_a_located_error_not_a_panic() {
    let out = flowlines(&["validate", "data/no-such-file.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("data/no-such-file.json:1:1: cannot read"),
        "{stderr}"
    );
}

#[test]
fn totals_read_the_containers_as_one_total() {
    assert_eq!(containers("2024-02-27"), 6700.0);
    assert_eq!(containers("2024-06-30"), 11000.0);
    let mid = containers("2024-04-29");
    assert!(mid > 6700.0 && mid < 11000.0);
}

#[test]
fn a_story_round_trips_through_a_folder_of_csv_tables() {
    let dir = std::env::temp_dir().join(format!("flowlines-cli-{}", std::process::id()));
    let dir = dir.display().to_string();
    let out = flowlines(&["csv", "data/nk-russia.json", "--out", &dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = flowlines(&["totals", &dir, "--at", "2024-06-30", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_csv: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_csv, totals_json("2024-06-30"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_date_is_refused_with_a_message() {
    let out = flowlines(&["totals", "data/nk-russia.json", "--at", "2024-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no such day"));
}
