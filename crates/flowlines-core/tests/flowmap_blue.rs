//! FlowmapBlue's sheets (and GeoJSON places) read as a story: what each column becomes, what
//! the settings fill, and every problem located at `file:line:column`.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::model::{Confidence, Measure, Precision, Quantity};
use flowlines_core::parse::{load_flowmap_blue, sheet_time, CsvFiles, SheetSettings};
use flowlines_core::series::StorySeries;
use flowlines_core::totals::stream_totals;
use flowlines_core::{Diagnostics, Story};

/// The files of fixture folder `name` (under `data/fixtures/`), as `data/fixtures/name/file`.
fn fixture(name: &str) -> CsvFiles {
    let dir = format!("{}/../../data/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut files: CsvFiles = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            (
                format!("data/fixtures/{name}/{file}"),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Reads the sheets `files` with the settings `given` and no fallback.
fn load(files: &CsvFiles, given: &SheetSettings) -> Result<Story, Diagnostics> {
    load_flowmap_blue(files, given, &SheetSettings::default())
}

fn files(pairs: &[(&str, &str)]) -> CsvFiles {
    pairs
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn settings(pairs: &[(&str, &str)]) -> SheetSettings {
    let mut s = SheetSettings::default();
    for (k, v) in pairs {
        s.set(k, v).unwrap();
    }
    s
}

fn value_at(story: &Story, stream: &str, day: &str) -> f64 {
    let series = StorySeries::new(story);
    let day = flowlines_core::date::parse_day(day).unwrap();
    stream_totals(story, &series, f64::from(day))
        .into_iter()
        .find(|r| r.stream == stream)
        .unwrap()
        .value
        .unwrap()
}

const LOCATIONS: &str = "id,name,lat,lon\nA,Alpha,10,20\nB,Beta,30,40\n";

#[test]
fn a_flowmap_blue_folder_reads_as_a_story_of_one_category_and_unit_from_story_csv() {
    let story = load(&fixture("flowmap-blue"), &SheetSettings::default()).unwrap();
    assert_eq!(story.story.id, "sheets-test");
    assert_eq!(story.places.len(), 4);
    assert_eq!(story.places[0].names.en, "Doha");
    assert_eq!(story.places[0].precision, Precision::City);
    assert_eq!(story.categories.len(), 1);
    assert_eq!(story.categories[0].id, "LNG");
    assert_eq!(story.units[0].names.en, "cargoes");
    let ids: Vec<&str> = story.streams.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["DOH->TYO", "DOH->LON", "BSN->TYO"]);
    assert_eq!(story.streams[0].label.get("en"), "Doha → Tokyo");
    assert!(story
        .streams
        .iter()
        .all(|s| s.unit == "cargoes" && s.category == "LNG"));
}

#[test]
fn a_count_in_a_month_is_that_months_amount_and_the_timeline_spans_the_times() {
    let story = load(&fixture("flowmap-blue"), &SheetSettings::default()).unwrap();
    let jan = story
        .observations
        .iter()
        .find(|o| o.id == "DOH->TYO@2024-01")
        .unwrap();
    assert_eq!(jan.measure, Measure::InPeriod);
    assert_eq!(jan.period.to_string(), "2024-01");
    assert_eq!(jan.quantity, Quantity::Exact(12.0));
    assert_eq!(story.story.start.as_str(), "2024-01");
    assert_eq!(story.story.end.as_str(), "2024-02");
    // Until the end of January, January's 12; by the end of February, 12 + 15.
    assert!((value_at(&story, "DOH->TYO", "2024-01-31") - 12.0).abs() < 1e-6);
    assert!((value_at(&story, "DOH->TYO", "2024-02-29") - 27.0).abs() < 1e-6);
    // A date with a time of day is counted in its day.
    let busan = story
        .observations
        .iter()
        .find(|o| &*o.stream == "BSN->TYO")
        .unwrap();
    assert_eq!(busan.period.to_string(), "2024-02-14");
}

#[test]
fn rows_of_one_pair_and_time_are_summed_and_the_figure_says_which_lines() {
    let story = load(&fixture("flowmap-blue"), &SheetSettings::default()).unwrap();
    let london: Vec<_> = story
        .observations
        .iter()
        .filter(|o| &*o.stream == "DOH->LON")
        .collect();
    assert_eq!(london.len(), 1);
    assert_eq!(london[0].quantity, Quantity::Exact(10.0));
    let note = london[0].note.as_ref().unwrap().get("en");
    assert!(
        note.contains("sum of 2 rows") && note.contains("lines 4, 5"),
        "{note}"
    );
}

#[test]
fn a_sheet_that_says_nothing_of_sources_or_certainty_is_shown_as_claimed_and_the_caveat_says_so() {
    let story = load(&fixture("flowmap-blue"), &SheetSettings::default()).unwrap();
    assert!(story
        .observations
        .iter()
        .all(|o| o.confidence == Confidence::Claimed));
    let source = &story.sources[0];
    assert_eq!(source.title.get("en"), "the sheet flows.csv");
    assert!(
        source.published_inferred.is_some(),
        "the date is marked as inferred"
    );
    assert_eq!(
        story.story.as_of.as_str(),
        "2024-02",
        "the end of the last month counted"
    );
    let claimant = &story.observations[0].claimant;
    assert_eq!(claimant.describe("en"), "the sheet's author (not named)");
    let caveat = story.story.caveat.as_ref().unwrap().get("en");
    assert!(
        caveat.starts_with("Invented figures, for tests only."),
        "{caveat}"
    );
    assert!(caveat.contains("shown as claimed"), "{caveat}");
    assert!(caveat.contains("names no source"), "{caveat}");
    assert!(
        caveat.contains("1 row of flows.csv from a place to itself is not drawn"),
        "{caveat}"
    );
}

#[test]
fn settings_given_as_flags_win_over_story_csv_and_fill_the_source_and_claimant() {
    let given = settings(&[
        ("unit", "ships"),
        ("confidence", "reported"),
        ("quantity", "about"),
        ("source.title", "Port statistics, 2024"),
        ("source.outlet", "Ministry of Ports"),
        ("source.published", "2024-03-01"),
    ]);
    let story = load(&fixture("flowmap-blue"), &given).unwrap();
    assert_eq!(story.units[0].id, "ships");
    let o = &story.observations[0];
    assert_eq!(o.confidence, Confidence::Reported);
    assert_eq!(o.quantity, Quantity::About(12.0));
    assert_eq!(o.reported.as_str(), "2024-03-01");
    assert_eq!(o.claimant.name.get("en"), "Ministry of Ports");
    assert!(story.sources[0].published_inferred.is_none());
    let caveat = story.story.caveat.as_ref().unwrap().get("en");
    assert!(
        !caveat.contains("shown as claimed") && !caveat.contains("names no source"),
        "{caveat}"
    );
}

#[test]
fn geojson_points_are_places_with_their_id_name_precision_and_country() {
    let given = settings(&[("period", "2024")]);
    let story = load(&fixture("geojson-places"), &given).unwrap();
    let ids: Vec<&str> = story.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["BSN", "VAN", "3"]);
    assert_eq!(story.places[1].precision, Precision::Facility);
    assert_eq!(story.places[1].country, "CA");
    assert_eq!((story.places[1].lon, story.places[1].lat), (-123.11, 49.29));
    assert_eq!(
        story.places[2].names.en, "3",
        "a place without a name is named by its id"
    );
    // Without a time column every count covers the period given.
    assert!(story
        .observations
        .iter()
        .all(|o| o.period.to_string() == "2024"));
    assert!((value_at(&story, "BSN->VAN", "2024-12-31") - 120.0).abs() < 1e-6);
}

#[test]
fn a_sheet_without_a_time_column_or_a_period_is_refused_at_its_header() {
    let problems = load(&fixture("geojson-places"), &SheetSettings::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        problems,
        "data/fixtures/geojson-places/flows.csv:1:1: flows.csv has no time column: say what period the counts cover, as a 'period' column of story.csv or --set period=2024"
    );
}

#[test]
fn every_problem_of_the_error_sheets_is_located_at_its_cell() {
    let problems = load(&fixture("flowmap-blue-errors"), &SheetSettings::default())
        .unwrap_err()
        .to_string();
    let d = "data/fixtures/flowmap-blue-errors";
    let expected = [
        format!("{d}/flows.csv:3:1: unknown origin 'QAT': no location has this id"),
        format!("{d}/flows.csv:4:9: negative count -3: a count of what moved is never below zero"),
        format!("{d}/flows.csv:5:11: bad time 'Jan 2024': expected a date (2024-10-13), a month (2024-10), a year (2024), or a date and time (2024-10-13 14:30)"),
        format!("{d}/flows.csv:6:11: bad time '2024-13': expected a date (2024-10-13), a month (2024-10), a year (2024), or a date and time (2024-10-13 14:30)"),
        format!("{d}/locations.csv:3:11: latitude 135.68 is outside -90 to 90"),
        format!("{d}/locations.csv:4:18: longitude 'west' is not a number"),
    ];
    assert_eq!(
        problems,
        expected.join("\n"),
        "the rows naming TYO and LON are not reported again"
    );
}

#[test]
fn a_missing_column_is_reported_at_the_header_of_its_sheet() {
    let problems = load(
        &files(&[
            ("locations.csv", "id,name,lat\nA,Alpha,10\n"),
            ("flows.csv", "origin,dest,count\n"),
        ]),
        &settings(&[("period", "2024")]),
    )
    .unwrap_err()
    .to_string();
    assert!(
        problems.starts_with("locations.csv:1:1: locations.csv has no 'lon' column"),
        "{problems}"
    );
}

#[test]
fn column_names_are_matched_whatever_their_case_and_a_name_defaults_to_the_id() {
    let story = load(
        &files(&[
            ("locations.csv", "\u{feff}ID, Lat ,Lon\nA,10,20\nB,30,40\n"),
            ("flows.csv", "Origin,Dest,Count,Time\nA,B,5,2024\n"),
        ]),
        &SheetSettings::default(),
    )
    .unwrap();
    assert_eq!(story.places[0].names.en, "A");
    assert_eq!(story.observations[0].quantity, Quantity::Exact(5.0));
}

#[test]
fn flowmap_blue_properties_give_the_title_summary_source_and_credit() {
    let story = load(
        &files(&[
            ("locations.csv", LOCATIONS),
            ("flows.csv", "origin,dest,count,time\nA,B,5,2024-05-01\n"),
            (
                "properties.csv",
                "property,value\ntitle,Moves\ndescription,Who moved where\nsource.name,Census office\nsource.url,https://example.org/census\ncreatedBy.name,Data desk\nmapbox.accessToken,pk.x\n",
            ),
        ]),
        &SheetSettings::default(),
    )
    .unwrap();
    assert_eq!(story.story.title.get("en"), "Moves");
    assert_eq!(
        story.story.summary.as_ref().unwrap().get("en"),
        "Who moved where"
    );
    assert_eq!(story.story.credit.as_ref().unwrap().get("en"), "Data desk");
    assert_eq!(story.sources[0].outlet.as_deref(), Some("Census office"));
    assert_eq!(story.sources[0].file, "https://example.org/census");
}

#[test]
fn a_fallback_fills_only_what_neither_the_flags_nor_the_folder_give() {
    let fallback = settings(&[("id", "folder"), ("title", "folder"), ("unit", "boxes")]);
    let story = load_flowmap_blue(
        &fixture("flowmap-blue"),
        &SheetSettings::default(),
        &fallback,
    )
    .unwrap();
    assert_eq!(story.story.id, "sheets-test", "story.csv names it");
    assert_eq!(story.units[0].id, "cargoes", "story.csv names it");
    assert_eq!(
        story.story.title.get("en"),
        "Invented cargoes between four ports"
    );
    let plain = files(&[
        ("locations.csv", LOCATIONS),
        ("flows.csv", "origin,dest,count,time\nA,B,5,2024\n"),
    ]);
    let story = load_flowmap_blue(&plain, &SheetSettings::default(), &fallback).unwrap();
    assert_eq!(
        (story.story.id.as_str(), story.units[0].id.as_str()),
        ("folder", "boxes")
    );
}

#[test]
fn a_bad_setting_in_story_csv_is_reported_at_its_cell() {
    let problems = load(
        &files(&[
            ("story.csv", "title,confidence\nMoves,sure\n"),
            ("locations.csv", LOCATIONS),
            ("flows.csv", "origin,dest,count,time\nA,B,5,2024\n"),
        ]),
        &SheetSettings::default(),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        problems,
        "story.csv:2:7: unknown confidence 'sure': expected confirmed, reported, claimed, proposed or denied"
    );
}

#[test]
fn a_duplicate_location_and_a_bad_geojson_point_are_located() {
    let problems = load(
        &files(&[
            (
                "locations.csv",
                "id,name,lat,lon\nA,Alpha,10,20\nA,Again,30,40\nB,Beta,5,5\n",
            ),
            ("flows.csv", "origin,dest,count,time\nA,B,5,2024\n"),
        ]),
        &SheetSettings::default(),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(problems, "locations.csv:3:1: duplicate id 'A' in places");
    let geojson = "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\", \"id\": \"A\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [20, 95]}},\n  {\"type\": \"Feature\", \"id\": \"B\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": []}}\n]}";
    let problems = load(
        &files(&[
            ("places.geojson", geojson),
            ("flows.csv", "origin,dest,count,time\nA,B,5,2024\n"),
        ]),
        &SheetSettings::default(),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        problems,
        "places.geojson:2:84: latitude 95 is outside -90 to 90\nplaces.geojson:3:55: geometry \"Polygon\": a place is a \"Point\""
    );
}

#[test]
fn times_are_read_as_flowmap_blue_reads_them() {
    for (cell, read) in [
        ("2024", "2024"),
        ("2024-10", "2024-10"),
        ("2024-10-13", "2024-10-13"),
        ("2024-10-13 14:30", "2024-10-13"),
        ("2024-10-13 14:30:59", "2024-10-13"),
        ("2024-10-13T14:30", "2024-10-13"),
    ] {
        assert_eq!(sheet_time(cell).unwrap().as_str(), read, "{cell}");
    }
    for bad in [
        "13/10/2024",
        "2024-10-13 25:00",
        "2024-10 14:30",
        "Oct 2024",
        "2024-02-30",
    ] {
        assert!(sheet_time(bad).is_err(), "{bad}");
    }
}
