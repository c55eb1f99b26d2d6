//! Browser tests of the charts: drawn on a real canvas through our own canvas backend and read
//! back pixel by pixel. Run with `wasm-pack test --headless --chrome` (or `--firefox`).
#![allow(clippy::unwrap_used)]

use flowlines_core::date::{format_day, parse_day};
use flowlines_core::map_state::MapState;
use flowlines_extras_wasm::Extras;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = include_str!("../../../data/nk-russia.json");

#[path = "../../flowlines-wasm/tests/common/canvas.rs"]
mod common;
use common::canvas;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The day number of `date` (YYYY-MM-DD).
fn day_of(date: &str) -> f64 {
    f64::from(parse_day(date).unwrap())
}

/// The extras of the default story, told by the map that it shows `date`.
fn extras_at(date: &str) -> Extras {
    let mut map = Extras::new("nk-russia.json", STORY.as_bytes()).unwrap();
    let state = MapState {
        day: day_of(date),
        size: (1000.0, 600.0),
        view: [1.0, 0.0, 0.0],
        hidden_categories: vec![],
        hidden_confidences: vec![],
        category_colors: vec![], // the theme's own (a list of another length is ignored)
    };
    map.set_state(serde_wasm_bindgen::to_value(&state).unwrap())
        .unwrap();
    map
}

/// The munitions chart's planned height, from the handle's list of categories.
fn munitions_height(map: &Extras) -> f64 {
    let list: js_sys::Array = map.chart_categories("en").unwrap().dyn_into().unwrap();
    let entry = list
        .iter()
        .find(|c| get(c, "id").as_string().as_deref() == Some("munitions"))
        .unwrap();
    assert_eq!(get(&entry, "has_figures").as_bool(), Some(true));
    get(&entry, "height").as_f64().unwrap()
}

/// How many pixels are within `tolerance` of `rgb` in each channel, and opaque.
fn pixels_like(data: &[u8], rgb: [u8; 3], tolerance: u8) -> usize {
    data.chunks(4)
        .filter(|p| p[3] > 200 && (0..3).all(|i| p[i].abs_diff(rgb[i]) <= tolerance))
        .count()
}

#[wasm_bindgen_test]
fn the_munitions_chart_draws_its_lines_and_band_on_a_real_canvas() {
    let mut map = extras_at("2024-10-20");
    let (width, height) = (800.0, munitions_height(&map));
    let dpr = 2.0;
    let (_canvas, ctx) = canvas((width * dpr) as u32, (height * dpr) as u32);
    map.draw_chart(&ctx, width, height, dpr, "munitions", "en")
        .unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, width * dpr, height * dpr)
        .unwrap()
        .data();
    // Munitions are vermillion, #d55e00; the rounds' band is vermillion at a fifth on white.
    let line = pixels_like(&data, [0xd5, 0x5e, 0x00], 12);
    assert!(line > 300, "the munitions lines and marks: {line} pixels");
    let band = [0xd5, 0x5e, 0x00].map(|c| (255.0 + (f64::from(c) - 255.0) * 0.2).round() as u8);
    let pale = pixels_like(&data, band, 6);
    assert!(pale > 2000, "the rounds' band: {pale} pixels of {band:?}");
    let white = pixels_like(&data, [255, 255, 255], 0);
    assert!(white * 2 > data.len() / 4, "the chart stands on white");
}

#[wasm_bindgen_test]
fn in_the_dark_theme_the_chart_stands_on_the_dark_surface_with_light_ink() {
    let mut map = extras_at("2024-10-20");
    let (width, height) = (800.0, munitions_height(&map));
    let (_canvas, ctx) = canvas(width as u32, height as u32);
    map.set_theme("dark");
    map.draw_chart(&ctx, width, height, 1.0, "munitions", "en")
        .unwrap();
    let data = ctx.get_image_data(0.0, 0.0, width, height).unwrap().data();
    let surface = pixels_like(&data, [0x23, 0x26, 0x2b], 0);
    assert!(
        surface * 2 > data.len() / 4,
        "the chart stands on the dark surface"
    );
    assert_eq!(pixels_like(&data, [255, 255, 255], 0), 0, "no white at all");
    let ink = pixels_like(&data, [0xec, 0xeb, 0xe7], 40);
    assert!(ink > 100, "titles and labels in light ink: {ink} pixels");
    let line = pixels_like(&data, [0xd5, 0x5e, 0x00], 12);
    assert!(
        line > 150,
        "the munitions lines keep their colour: {line} pixels"
    );
}

#[wasm_bindgen_test]
fn the_chart_turns_the_pointer_into_a_day_and_an_observation_with_its_source() {
    let mut map = extras_at("2024-10-20");
    let (width, height) = (800.0, munitions_height(&map));
    assert_eq!(
        map.chart_day_at("munitions", 100.0),
        None,
        "nothing drawn yet"
    );
    let (_canvas, ctx) = canvas(width as u32, height as u32);
    map.draw_chart(&ctx, width, height, 1.0, "munitions", "en")
        .unwrap();

    let marks: js_sys::Array = map.chart_marks("munitions").unwrap().dyn_into().unwrap();
    assert_eq!(marks.length(), 6);
    let shin = marks
        .iter()
        .find(|m| get(m, "id").as_string().as_deref() == Some("containers-shin-2024-02"))
        .unwrap();
    let (x, y) = (
        get(&shin, "x").as_f64().unwrap(),
        get(&shin, "y").as_f64().unwrap(),
    );
    let hit = map.chart_mark_at("munitions", x + 2.0, y, "en").unwrap();
    let source = get(&hit, "source").as_string().unwrap();
    assert!(
        source.starts_with("Outlet not named: Explainer"),
        "{source}"
    );
    assert!(get(&hit, "figure")
        .as_string()
        .unwrap()
        .starts_with("about 6,700 containers"));
    assert!(map
        .chart_mark_at("munitions", x + 40.0, y + 40.0, "en")
        .unwrap()
        .is_null());

    // The day at the mark's x is the day its period ends: 27 February 2024.
    let at = map.chart_day_at("munitions", x).unwrap();
    let feb27 = day_of("2024-02-27");
    assert!((at - feb27).abs() < 3.0, "{}", format_day(at as i32));
}

#[wasm_bindgen_test]
fn chart_errors_cross_with_their_reason() {
    let mut map = Extras::new("nk-russia.json", STORY.as_bytes()).unwrap();
    let (_canvas, ctx) = canvas(400, 300);
    let unknown = map.draw_chart(&ctx, 400.0, 300.0, 1.0, "nonsense", "en");
    let message = JsValue::from(unknown.unwrap_err());
    let text = get(&message, "message").as_string().unwrap();
    assert!(text.contains("no category 'nonsense'"), "{text}");
    let bad = map.draw_chart(&ctx, f64::NAN, 300.0, 1.0, "munitions", "en");
    let text = get(&JsValue::from(bad.unwrap_err()), "message")
        .as_string()
        .unwrap();
    assert!(text.contains("positive size"), "{text}");
    // A category with no figures draws its sentence, not a chart, and has nothing to point at.
    map.draw_chart(&ctx, 400.0, 300.0, 1.0, "petroleum", "en")
        .unwrap();
    assert_eq!(map.chart_day_at("petroleum", 100.0), None);
}
