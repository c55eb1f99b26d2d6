//! Browser tests of the located reader and the downloads of the second module: run with
//! `wasm-pack test --headless --chrome` (or `--firefox`).
#![allow(clippy::unwrap_used)]

use flowlines_extras_wasm::Extras;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIVE_PLACES: &str = include_str!("../../../data/fixtures/five-places.json");
const STORY: &str = include_str!("../../../data/nk-russia.json");
const BASEMAP_BIN: &[u8] = include_bytes!("../../../data/basemap.bin");

#[wasm_bindgen_test]
fn bad_data_lists_every_problem_with_its_line_and_column_and_does_not_panic() {
    let bad = FIVE_PLACES
        .replace("\"lat\": 51.73", "\"lat\": 151.73")
        .replace("\"to\": \"kursk\"", "\"to\": \"kursk-oblast\"");
    let problems = Extras::problems("bad.json", &bad);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.starts_with("bad.json:")));
    assert!(problems
        .iter()
        .any(|p| p.contains("unknown place 'kursk-oblast'")));
    assert!(Extras::new("bad.json", bad.as_bytes()).is_err());
    assert!(Extras::new("x.json", b"{ not json").is_err());
    assert_eq!(Extras::problems("x.json", "{\"story\": 1,}").len(), 1);
}

#[wasm_bindgen_test]
fn the_downloads_show_the_story_with_its_basemap_and_every_visible_flow() {
    let mut extras = Extras::new("nk-russia.json", STORY.as_bytes()).unwrap();
    extras.set_basemap(BASEMAP_BIN).unwrap();
    // What the map shows: a 1000 x 600 view on 20 October 2024.
    let state = flowlines_core::map_state::MapState {
        day: f64::from(flowlines_core::date::parse_day("2024-10-20").unwrap()),
        size: (1000.0, 600.0),
        view: [1.0, 0.0, 0.0],
        hidden_categories: vec![],
        hidden_confidences: vec![],
        category_colors: vec![], // the theme's own (a list of another length is ignored)
    };
    extras
        .set_state(serde_wasm_bindgen::to_value(&state).unwrap())
        .unwrap();
    let svg = extras.export_svg(1000.0, 600.0, "en").unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("Natural Earth"),
        "{}",
        &svg[..80]
    );
    let csv = extras.export_csv("en").unwrap();
    assert!(csv.starts_with("\u{feff}stream,label,category"), "{csv}");
    assert!(csv.contains(",2024-10-20,"), "{csv}");
}
