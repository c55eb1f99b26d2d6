//! Folders of FlowmapBlue's sheets on the command line: every command that reads a story reads
//! them, flags fill what the sheets lack, and `convert` writes our JSON, which validates.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::{flowlines, temp_dir};

const SHEETS: &str = "data/fixtures/flowmap-blue";
const GEOJSON: &str = "data/fixtures/geojson-places";

fn stdout(args: &[&str]) -> String {
    let out = flowlines(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn totals(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

#[test]
fn validate_accepts_a_folder_of_flowmap_blue_sheets() {
    assert_eq!(
        stdout(&["validate", SHEETS]).trim(),
        format!("{SHEETS}: ok")
    );
}

#[test]
fn validate_lists_the_sheets_problems_located_and_exits_1() {
    let out = flowlines(&["validate", "data/fixtures/flowmap-blue-errors"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("data/fixtures/flowmap-blue-errors/flows.csv:3:1: unknown origin 'QAT': no location has this id"),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/fixtures/flowmap-blue-errors/locations.csv:3:11: latitude 135.68 is outside -90 to 90"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 6, "{stderr}");
}

#[test]
fn totals_sum_a_sheets_monthly_counts_up_to_the_date() {
    let rows = totals(&["totals", SHEETS, "--at", "2024-02-29", "--json"]);
    let tokyo = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["stream"] == "DOH->TYO")
        .unwrap();
    assert_eq!(tokyo["value"], 27.0);
    assert_eq!(tokyo["unit"], "cargoes");
    assert_eq!(tokyo["category"], "LNG");
}

#[test]
fn flags_give_what_a_geojson_folder_lacks_and_a_bad_flag_exits_2() {
    let rows = totals(&[
        "totals",
        GEOJSON,
        "--at",
        "2024-12-31",
        "--json",
        "--period",
        "2024",
        "--unit",
        "TEU",
    ]);
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert!(rows.as_array().unwrap().iter().all(|r| r["unit"] == "TEU"));
    let out = flowlines(&["validate", GEOJSON]);
    assert_eq!(out.status.code(), Some(1), "no period: refused");
    let out = flowlines(&["validate", GEOJSON, "--set", "period"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("--set period: expected KEY=VALUE"),
        "{stderr}"
    );
}

#[test]
fn render_draws_a_sheets_folder_with_its_caveat() {
    let dir = temp_dir("sheets", "render");
    let svg = dir.join("map.svg");
    stdout(&[
        "render",
        SHEETS,
        "--at",
        "2024-02-29",
        "--out",
        svg.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Invented cargoes between four ports"));
    assert!(text.contains("Invented figures, for tests only."));
    assert!(text.contains("Doha"));
}

#[test]
fn convert_writes_our_json_which_validates_and_gives_the_same_totals() {
    let dir = temp_dir("sheets", "convert");
    let json = dir.join("story.json");
    let json = json.to_str().unwrap();
    let said = stdout(&["convert", SHEETS, "--out", json]);
    assert_eq!(
        said.trim(),
        format!("{json}: 4 places, 3 streams, 4 figures")
    );
    assert_eq!(stdout(&["validate", json]).trim(), format!("{json}: ok"));
    let from_json = totals(&["totals", json, "--at", "2024-02-10", "--json"]);
    let from_sheets = totals(&["totals", SHEETS, "--at", "2024-02-10", "--json"]);
    assert_eq!(from_json, from_sheets);
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(story["observations"][0]["confidence"], "claimed");
    assert_eq!(story["sources"][0]["file"], "flows.csv");
}

#[test]
fn convert_writes_nothing_when_the_sheets_have_problems() {
    let dir = temp_dir("sheets", "convert-bad");
    let json = dir.join("story.json");
    let out = flowlines(&[
        "convert",
        "data/fixtures/flowmap-blue-errors",
        "--out",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!json.exists());
}

#[test]
fn a_sheets_folder_written_as_csv_tables_reads_back() {
    let dir = temp_dir("sheets", "csv");
    let out = dir.join("tables");
    stdout(&[
        "csv",
        GEOJSON,
        "--period",
        "2024",
        "--out",
        out.to_str().unwrap(),
    ]);
    let said = stdout(&["validate", out.to_str().unwrap()]);
    assert!(said.trim().ends_with(": ok"), "{said}");
}

#[test]
fn scene_lays_out_a_geojson_folder_with_every_place_in_view() {
    let out = stdout(&[
        "scene",
        GEOJSON,
        "--at",
        "2024-12-31",
        "--period",
        "2024",
        "--width",
        "960",
        "--height",
        "600",
        "--json",
    ]);
    let scene: serde_json::Value = serde_json::from_str(&out).unwrap();
    let places = scene["places"].as_array().unwrap();
    let ids: Vec<&str> = places.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["BSN", "VAN", "3"]);
    for p in places {
        let (x, y) = (p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap());
        assert!(
            (0.0..=960.0).contains(&x) && (0.0..=600.0).contains(&y),
            "{p}"
        );
    }
    let streams: Vec<&str> = scene["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["stream"].as_str().unwrap())
        .collect();
    assert_eq!(streams, ["BSN->VAN", "BSN->3", "VAN->BSN"]);
}
