//! Fitting the view to a set of places (a story step's "show me these"), and the part of the
//! globe a view shows: the core's answers to the element's `fitTo` and `view.extent`.
#![allow(clippy::unwrap_used)]

use flowlines_core::parse::load_json;
use flowlines_core::scene::{Scene, PADDING_PX};
use flowlines_core::view::MAX_FIT_ZOOM;

fn scene() -> Scene {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    let mut s = Scene::new(story);
    s.resize(1000.0, 600.0);
    s
}

/// Where place `id` is shown, in CSS pixels.
fn at(s: &Scene, id: &str) -> (f32, f32) {
    let i = s.story().places.iter().position(|p| p.id == id).unwrap();
    (s.place_xy()[2 * i], s.place_xy()[2 * i + 1])
}

#[test]
fn fitting_to_places_zooms_until_they_fill_the_map_within_its_padding() {
    let mut s = scene();
    let ids = ["pyongyang", "rajin", "vladivostok"].map(String::from);
    s.fit_places(&ids).unwrap();
    assert!(s.view().k > 2.0, "zoomed in: {:?}", s.view());
    let pad = PADDING_PX as f32 - 0.01;
    let points: Vec<(f32, f32)> = ids.iter().map(|id| at(&s, id)).collect();
    for &(x, y) in &points {
        assert!(
            x >= pad && x <= 1000.0 - pad && y >= pad && y <= 600.0 - pad,
            "{x}, {y}"
        );
    }
    // One side of the box touches the padding: as far in as it can go.
    let (x0, x1) = points
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = points
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let snug = (x0 - PADDING_PX as f32).abs() < 0.5 || (y0 - PADDING_PX as f32).abs() < 0.5;
    assert!(snug || s.view().k == MAX_FIT_ZOOM, "{x0} {x1} {y0} {y1}");
}

#[test]
fn one_place_is_shown_with_the_region_around_it() {
    let mut s = scene();
    s.fit_places(&["kursk".to_string()]).unwrap();
    assert_eq!(s.view().k, MAX_FIT_ZOOM);
    let (x, y) = at(&s, "kursk");
    assert!(
        (x - 500.0).abs() < 1.0 && (y - 300.0).abs() < 1.0,
        "centred: {x}, {y}"
    );
}

#[test]
fn an_unknown_place_or_none_changes_nothing_and_says_why() {
    let mut s = scene();
    let before = s.view();
    let e = s
        .fit_places(&["kursk".to_string(), "atlantis".to_string()])
        .unwrap_err();
    assert_eq!(e, "no place 'atlantis' in the story");
    assert_eq!(s.fit_places(&[]).unwrap_err(), "no place to fit");
    assert_eq!(s.view(), before);
}

#[test]
fn the_extent_shrinks_to_the_places_fitted() {
    let mut s = scene();
    let [w, south, e, n] = s.extent();
    assert!(
        w < 30.0 && e > 135.0,
        "the whole map spans Kyiv to Vladivostok: {w} {e}"
    );
    assert!(south < 39.0 && n > 52.0);
    s.fit_places(&["pyongyang", "vladivostok"].map(String::from))
        .unwrap();
    let [w, south, e, n] = s.extent();
    assert!(
        w < 125.75 && e > 131.9 && south < 39.0 && n > 43.1,
        "{w} {south} {e} {n}"
    );
    assert!(e - w < 30.0, "{w} {e}");
}
