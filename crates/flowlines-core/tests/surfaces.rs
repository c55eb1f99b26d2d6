//! Every surface the core writes for readers (the tooltip, a place's totals, the summary of the
//! moment, the data table's figure, the CSV download) tells a figure with its qualifier, in
//! every language, and never with more significant figures than the readings behind it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use flowlines_core::date::parse_day;
use flowlines_core::details::{place_details, stream_details};
use flowlines_core::figure::{shown_digits, ESTIMATE_MIN_DIGITS};
use flowlines_core::model::{Quantity, Story};
use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;
use flowlines_core::series::significant_digits;
use flowlines_core::summary::summary;
use flowlines_core::totals::{stream_totals, to_csv};

const LANGS: [&str; 4] = ["en", "ko", "uk", "ru"];

fn story() -> Story {
    load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap()
}

fn scene_at(date: &str) -> Scene {
    let mut scene = Scene::new(story());
    scene.resize(1000.0, 600.0);
    scene.set_day(f64::from(parse_day(date).unwrap()));
    scene
}

fn index(scene: &Scene, id: &str) -> usize {
    scene
        .story()
        .streams
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

/// The CSV download of `scene` in `lang`, as rows of cells, without its byte-order mark.
fn csv_rows(scene: &Scene, lang: &str) -> Vec<Vec<String>> {
    let rows = stream_totals(scene.story(), scene.series(), scene.day());
    let keep = vec![true; rows.len()];
    let text = to_csv(scene.story(), &rows, &keep, scene.day(), lang).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The figure column of the CSV row of stream `id` (columns as the header names them).
fn csv_figure(scene: &Scene, lang: &str, id: &str) -> String {
    let rows = stream_totals(scene.story(), scene.series(), scene.day());
    let keep = vec![true; rows.len()];
    let text = to_csv(scene.story(), &rows, &keep, scene.day(), lang).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let col = header.iter().position(|h| h == "figure").unwrap();
    csv_rows(scene, lang)
        .into_iter()
        .find(|r| r[0] == id)
        .map(|r| r[col].clone())
        .unwrap()
}

#[test]
fn a_one_sided_figure_keeps_its_qualifier_on_every_surface_in_every_language() {
    // 30 June 2024: the containers are held at "at least 11,000" (the Washington Post's).
    let scene = scene_at("2024-06-30");
    let i = index(&scene, "munitions-containers");
    let expected = [
        ("en", "at least 11,000 containers"),
        ("ko", "컨테이너 최소 11,000개"),
        ("uk", "щонайменше 11\u{202f}000 контейнерів"),
        ("ru", "как минимум 11\u{202f}000 контейнеров"),
    ];
    let russia = scene
        .story()
        .places
        .iter()
        .position(|p| p.id == "russia")
        .unwrap();
    for (lang, figure) in expected {
        let tooltip = stream_details(&scene, i, lang).unwrap();
        assert_eq!(tooltip.figure, figure, "tooltip and data table ({lang})");
        let totals = place_details(&scene, russia, lang).unwrap().totals;
        assert!(
            totals.iter().any(|t| t.contains(figure)),
            "place totals ({lang}): {totals:?}"
        );
        let said = summary(&scene, lang);
        assert!(said.contains(figure), "summary ({lang}): {said}");
        assert_eq!(
            csv_figure(&scene, lang, "munitions-containers"),
            figure,
            "CSV ({lang})"
        );
    }
}

#[test]
fn an_estimate_between_readings_is_rounded_marked_and_keeps_its_side_on_every_surface() {
    // 15 December 2024: the rounds lie between the start of 2024 and "as many as 9 million"
    // for the year; the summary used to read "8,605,479 rounds" and "3,910 troops".
    let scene = scene_at("2024-12-15");
    let i = index(&scene, "munitions-rounds");
    let expected = [
        ("en", "up to about 8.6 million rounds", "estimate"),
        ("ko", "최대 약 860만 발", "추정"),
        (
            "uk",
            "щонайбільше приблизно 8,6\u{a0}млн снарядів",
            "оцінка",
        ),
        ("ru", "максимум примерно 8,6\u{a0}млн снарядов", "оценка"),
    ];
    let vladivostok = scene
        .story()
        .places
        .iter()
        .position(|p| p.id == "vladivostok")
        .unwrap();
    for (lang, figure, estimate) in expected {
        let tooltip = stream_details(&scene, i, lang).unwrap();
        assert_eq!(tooltip.figure, figure, "tooltip ({lang})");
        let note = tooltip.estimate.unwrap();
        assert!(note.contains(estimate) && note.contains("2024"), "{note}");
        let totals = place_details(&scene, vladivostok, lang).unwrap().totals;
        assert!(
            totals
                .iter()
                .any(|t| t.contains(figure) && t.contains(estimate)),
            "place totals ({lang}): {totals:?}"
        );
        let said = summary(&scene, lang);
        assert!(
            said.contains(&format!("{figure} ({note}")),
            "summary ({lang}): {said}"
        );
        assert_eq!(
            csv_figure(&scene, lang, "munitions-rounds"),
            figure,
            "CSV ({lang})"
        );
        for wrong in [
            "8,605,479",
            "8\u{202f}605\u{202f}479",
            "3,910",
            "3\u{202f}910",
        ] {
            assert!(!said.contains(wrong), "{wrong} in {said}");
        }
    }
    let troops = stream_details(&scene, index(&scene, "troops-deployed"), "en").unwrap();
    assert!(
        troops.figure.starts_with("about ") && troops.figure.ends_with(" troops or more"),
        "'at least 11,000' by April 2025 keeps its open top: {}",
        troops.figure
    );
}

/// The most significant figures any counted reading of stream `i`, or of a part of it, has.
fn reading_digits(story: &Story, i: usize) -> u8 {
    let id = &story.streams[i].id;
    let related: Vec<&str> = story
        .streams
        .iter()
        .filter(|s| &s.id == id || s.part_of.as_ref() == Some(id))
        .map(|s| s.id.as_str())
        .collect();
    story
        .observations
        .iter()
        .filter(|o| related.contains(&&*o.stream) && o.confidence.counts_as_moved())
        .map(|o| match o.quantity {
            Quantity::Range { low, high } => significant_digits(low).max(significant_digits(high)),
            q => q.central().map_or(0, significant_digits),
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn no_surface_shows_more_significant_figures_than_the_readings_behind_it() {
    let base = story();
    let start = base.story.start.first();
    let end = base.story.end.last();
    let most_of_story = (0..base.streams.len())
        .map(|i| reading_digits(&base, i))
        .max()
        .unwrap()
        .max(ESTIMATE_MIN_DIGITS);
    let mut scene = scene_at("2022-01-01");
    let mut checked = 0;
    for day in (start..=end).step_by(5) {
        scene.set_day(f64::from(day));
        for lang in LANGS {
            for i in 0..base.streams.len() {
                let allowed = reading_digits(&base, i).max(ESTIMATE_MIN_DIGITS);
                let d = stream_details(&scene, i, lang).unwrap();
                assert!(
                    shown_digits(&d.figure) <= allowed,
                    "{} on day {day} ({lang}): {} has more than {allowed} figures",
                    base.streams[i].id,
                    d.figure
                );
                checked += 1;
            }
            for p in 0..base.places.len() {
                for line in place_details(&scene, p, lang).unwrap().totals {
                    let figure = line.split(" (").next().unwrap_or(&line);
                    assert!(
                        shown_digits(figure) <= most_of_story,
                        "day {day} ({lang}): {line}"
                    );
                }
            }
            let header_and_rows = csv_rows(&scene, lang);
            for row in header_and_rows {
                for cell in &row[7..10] {
                    assert!(
                        shown_digits(cell) <= most_of_story,
                        "CSV on day {day} ({lang}): {cell} in {row:?}"
                    );
                }
                assert!(
                    shown_digits(&row[11]) <= most_of_story,
                    "CSV figure: {row:?}"
                );
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn the_csv_download_starts_with_a_byte_order_mark_and_reads_as_utf8() {
    let scene = scene_at("2024-10-20");
    let rows = stream_totals(scene.story(), scene.series(), scene.day());
    let keep = vec![true; rows.len()];
    let text = to_csv(scene.story(), &rows, &keep, scene.day(), "ko").unwrap();
    let bytes = text.as_bytes();
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF]);
    let decoded = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(decoded.starts_with("stream,label,"));
    assert!(
        decoded.contains("컨테이너 단위 탄약"),
        "Korean survives: {decoded}"
    );
}

#[test]
fn a_text_cell_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_numbers_stay_numbers() {
    let mut story = story();
    let hostile = [
        "=HYPERLINK(\"http://x.example\",\"click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tTab",
        "\rReturn",
    ];
    for (s, label) in story.streams.iter_mut().zip(hostile) {
        s.label = label.into();
    }
    let mut scene = Scene::new(story);
    scene.resize(1000.0, 600.0);
    scene.set_day(f64::from(parse_day("2024-12-31").unwrap()));
    let rows = stream_totals(scene.story(), scene.series(), scene.day());
    let keep = vec![true; rows.len()];
    let text = to_csv(scene.story(), &rows, &keep, scene.day(), "en").unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (record, label) in records.iter().zip(hostile) {
        assert_eq!(
            &record[1],
            format!("'{label}"),
            "the label is text, not a formula"
        );
    }
    // The figures stay numbers: no quote mark in front of them.
    let rounds = records
        .iter()
        .find(|r| &r[0] == "munitions-rounds")
        .unwrap();
    assert_eq!(&rounds[7], "9000000");
    assert!(records
        .iter()
        .all(|r| r[7].is_empty() || r[7].parse::<f64>().is_ok()));
}
