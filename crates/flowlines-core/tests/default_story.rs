//! The default story: it validates, and its figures follow the rules of the series.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::date::parse_day;
use flowlines_core::parse::{load_csv, load_json, write_csv};
use flowlines_core::series::StorySeries;
use flowlines_core::totals::{stream_totals, totals_at, Group};
use flowlines_core::Story;

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");

fn story() -> Story {
    load_json("nk-russia.json", NK_RUSSIA).unwrap_or_else(|d| panic!("{d}"))
}

fn day(s: &str) -> f64 {
    f64::from(parse_day(s).unwrap())
}

fn containers_at(story: &Story, date: &str) -> f64 {
    let series = StorySeries::new(story);
    stream_totals(story, &series, day(date))
        .into_iter()
        .find(|t| t.stream == "munitions-containers")
        .and_then(|t| t.value)
        .unwrap()
}

#[test]
fn the_default_story_is_valid() {
    story();
}

#[test]
fn munitions_containers_are_one_total_read_twice_never_summed() {
    let s = story();
    assert_eq!(containers_at(&s, "2024-02-27"), 6700.0);
    assert_eq!(containers_at(&s, "2024-06-30"), 11000.0, "not 17,700");
    let (a, b, t) = (day("2024-02-27"), day("2024-06-30"), day("2024-05-01"));
    let expected = 6700.0 + (11000.0 - 6700.0) * (t - a) / (b - a);
    let between = containers_at(&s, "2024-05-01");
    assert!((between - expected).abs() < 1e-9);
    assert!(between > 6700.0 && between < 11000.0);
}

#[test]
fn troops_deployed_never_include_the_offer_or_the_1500_twice() {
    let s = story();
    let series = StorySeries::new(&s);
    let troops = totals_at(&s, &series, day("2025-05-29"))
        .into_iter()
        .find(|t| t.group == Group::Category("troops".into()) && t.unit == "troops")
        .unwrap();
    assert_eq!(
        troops.value, 11000.0,
        "neither 112,500 nor 12,500: {troops:?}"
    );
    assert_eq!(troops.high, None, "'more than 11,000' is open above");
}

#[test]
fn every_figure_cites_a_source_document_of_the_story() {
    let s = story();
    for o in &s.observations {
        let src = s.sources.iter().find(|x| *x.id == *o.source).unwrap();
        assert!(src.file.ends_with(".txt"), "{} cites {}", o.id, src.file);
    }
}

#[test]
fn petroleum_and_air_defence_have_no_invented_figure() {
    let s = story();
    for stream in ["petroleum", "air-defence"] {
        for o in s.observations.iter().filter(|o| &*o.stream == stream) {
            assert_eq!(
                o.quantity,
                flowlines_core::model::Quantity::Unknown,
                "{}",
                o.id
            );
        }
    }
}

#[test]
fn the_default_story_written_as_csv_reads_back_to_the_same_model() {
    let s = story();
    let files = write_csv(&s).unwrap();
    assert!(files.iter().any(|(n, _)| n == "observations.csv"));
    let back = load_csv(&files).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(back, s);
}

#[test]
fn a_bad_csv_cell_is_located_at_its_file_line_and_column() {
    let mut files = write_csv(&story()).unwrap();
    let places = files.iter_mut().find(|(n, _)| n == "places.csv").unwrap();
    let header = places.1.lines().next().unwrap().to_string();
    let lat_col = header.split(',').position(|c| c == "lat").unwrap();
    // Break the latitude of the second place (line 3 of the file).
    let mut lines: Vec<String> = places.1.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(String::from).collect();
    let column = cells[..lat_col]
        .iter()
        .map(|c| c.chars().count() + 1)
        .sum::<usize>()
        + 1;
    cells[lat_col] = "north".into();
    lines[2] = cells.join(",");
    places.1 = lines.join("\n") + "\n";
    let errors = load_csv(&files).unwrap_err();
    assert_eq!(
        errors.to_string(),
        format!("places.csv:3:{column}: 'north' is not a number")
    );
}

#[test]
fn two_bad_cells_of_one_csv_row_are_each_located_at_their_own_column() {
    let mut files = write_csv(&story()).unwrap();
    let places = files.iter_mut().find(|(n, _)| n == "places.csv").unwrap();
    let header: Vec<String> = places
        .1
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    let mut lines: Vec<String> = places.1.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(String::from).collect();
    let column_of = |cells: &[String], name: &str| {
        let k = header.iter().position(|c| c == name).unwrap();
        cells[..k]
            .iter()
            .map(|c| c.chars().count() + 1)
            .sum::<usize>()
            + 1
    };
    let k = header.iter().position(|c| c == "lon").unwrap();
    cells[k] = "east".into();
    let k = header.iter().position(|c| c == "lat").unwrap();
    cells[k] = "west".into();
    let (lon, lat) = (column_of(&cells, "lon"), column_of(&cells, "lat"));
    lines[2] = cells.join(",");
    places.1 = lines.join("\n") + "\n";
    let errors = load_csv(&files).unwrap_err();
    let mut found: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    found.sort();
    let mut expected = vec![
        format!("places.csv:3:{lon}: 'east' is not a number"),
        format!("places.csv:3:{lat}: 'west' is not a number"),
    ];
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn totals_over_a_window_are_what_moved_in_between_and_units_are_never_mixed() {
    let s = story();
    let series = StorySeries::new(&s);
    let window =
        flowlines_core::totals::totals_over(&s, &series, day("2024-02-27"), day("2024-06-30"));
    let containers = window
        .iter()
        .find(|t| t.group == Group::Category("munitions".into()) && t.unit == "containers")
        .unwrap();
    assert_eq!(containers.value, 11000.0 - 6700.0);
    // Containers leave Pyongyang by rail; rounds leave by sea from the port we assume, Rajin.
    let out_of = |place: &str| -> Vec<&str> {
        window
            .iter()
            .filter(|t| t.group == Group::OutOf(place.into()))
            .map(|t| t.unit.as_str())
            .collect()
    };
    let out_of_pyongyang = out_of("pyongyang");
    let mut units = out_of_pyongyang.clone();
    units.dedup();
    assert_eq!(
        units.len(),
        out_of_pyongyang.len(),
        "one total per unit, never one across units"
    );
    assert!(out_of_pyongyang.contains(&"containers") && out_of("rajin").contains(&"rounds"));
}

#[test]
fn the_data_behind_a_view_downloads_as_csv_with_its_sources() {
    let s = story();
    let series = StorySeries::new(&s);
    let rows = stream_totals(&s, &series, day("2024-06-30"));
    let mut keep = vec![true; rows.len()];
    keep[1] = false;
    let csv = flowlines_core::totals::to_csv(&s, &rows, &keep, day("2024-06-30"), "en").unwrap();
    // A byte-order mark first, so that Excel reads the file as UTF-8.
    let csv = csv.strip_prefix('\u{FEFF}').unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), rows.len(), "a header and every kept stream");
    assert!(lines[0].starts_with("stream,label,category,unit"));
    let containers = lines
        .iter()
        .find(|l| l.starts_with("munitions-containers,"))
        .unwrap();
    // "at least 11,000" keeps its qualifier, as a column and in the figure as written.
    assert!(
        containers.contains(",2024-06-30,11000,11000,,at least,\"at least 11,000 containers\","),
        "{containers}"
    );
    // Sources are cited by outlet, what the document is and date, never by our file's name
    // (it was "003_dba21fc1fcb94cef.txt; 002_e71841c75fbd54cb.txt").
    assert!(containers.contains("Outlet not named: Explainer on whether North Korean soldiers"));
    assert!(!csv.contains(".txt"), "{csv}");
    // The documents' own words, each with its line, oldest claim first.
    assert!(
        containers.contains("“North Korea had sent about 6,700 containers containing millions of munitions to Russia since September 2023” (line 74) | “Since last fall,"),
        "{containers}"
    );
    assert!(
        !csv.contains(&format!("\n{},", rows[1].stream)),
        "a hidden stream is left out"
    );
}
