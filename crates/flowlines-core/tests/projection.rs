//! The map's projection is chosen from the story's places and routes: the default story keeps
//! the conic it has always been drawn on, a story across the Pacific is drawn the short way,
//! and a story anywhere on Earth has every place in view and no route torn across the map.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::azimuthal::angle_deg;
use flowlines_core::model::Story;
use flowlines_core::parse::load_json;
use flowlines_core::projection::{eurasia, Raw};
use flowlines_core::route::distance_m;
use flowlines_core::scene::Scene;
use proptest::prelude::*;
use serde_json::json;

/// The longest step a projected route may take between consecutive points, as a share of the
/// view's width: anything longer is a route torn across the map.
const MAX_STEP_SHARE: f64 = 0.1;

fn scene_of(story: Story, width: f64, height: f64) -> Scene {
    let mut s = Scene::new(story);
    s.resize(width, height);
    s
}

/// The longest step, in CSS pixels, between consecutive points of any drawn route.
fn longest_step(s: &Scene) -> f64 {
    (0..s.story().streams.len())
        .filter_map(|i| s.route(i))
        .flat_map(|r| {
            r.points()
                .windows(2)
                .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
                .collect::<Vec<_>>()
        })
        .fold(0.0, f64::max)
}

fn places_inside(s: &Scene, width: f64, height: f64) -> Result<(), String> {
    for (i, p) in s.place_xy().chunks_exact(2).enumerate() {
        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
        if !(0.0..=width).contains(&x) || !(0.0..=height).contains(&y) {
            return Err(format!(
                "place {i} at ({x}, {y}) is outside {width} x {height}"
            ));
        }
    }
    Ok(())
}

#[test]
fn the_default_story_is_drawn_on_the_conic_it_always_was() {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    assert!(story.story.projection.is_none(), "chosen, not named");
    let s = scene_of(story, 1014.0, 600.0);
    assert_eq!(s.projection().raw(), Raw::Conic(eurasia()));
}

#[test]
fn busan_to_vancouver_is_drawn_the_short_way_over_the_pacific() {
    let story = load_json(
        "pacific.json",
        include_str!("../../../data/fixtures/pacific.json"),
    )
    .unwrap();
    let (w, h) = (800.0, 500.0);
    let s = scene_of(story, w, h);
    places_inside(&s, w, h).unwrap();
    let xy = s.place_xy();
    let (busan_x, vancouver_x) = (xy[0], xy[2]);
    assert!(
        busan_x < vancouver_x,
        "Busan ({busan_x}) is west of Vancouver ({vancouver_x}) across the Pacific"
    );
    let route = s.route(0).unwrap();
    assert!(route.length() < 1.5 * f64::from(vancouver_x - busan_x).hypot(h));
    assert!(
        longest_step(&s) < MAX_STEP_SHARE * w,
        "{}",
        longest_step(&s)
    );
    let (lon, _) = s.projection().raw().center();
    assert!(
        lon.abs() > 150.0,
        "the map is centred on the Pacific: {lon}"
    );
}

#[test]
fn a_named_projection_is_drawn_as_named() {
    let mut story = load_json(
        "pacific.json",
        include_str!("../../../data/fixtures/pacific.json"),
    )
    .unwrap();
    story.story.projection = serde_json::from_value(json!({
        "kind": "azimuthal", "center": [-170, 50]
    }))
    .unwrap();
    let s = scene_of(story, 800.0, 500.0);
    let raw = s.projection().raw();
    assert_eq!(raw.kind(), "azimuthal");
    assert_eq!(raw.center(), (-170.0, 50.0));
}

/// A story of `places` (`(lon, lat)` degrees) with a stream from each place to the next and
/// from the last back to the first.
fn story_of(places: &[(f64, f64)]) -> Story {
    let n = places.len();
    let places_json: Vec<_> = places
        .iter()
        .enumerate()
        .map(|(i, &(lon, lat))| {
            json!({"id": format!("p{i}"), "names": {"en": format!("Place {i}")},
                   "lon": lon, "lat": lat, "precision": "city", "country": "XX"})
        })
        .collect();
    let streams: Vec<_> = (0..n)
        .map(|i| {
            json!({"id": format!("s{i}"), "label": format!("Flow {i}"), "category": "c",
                   "unit": "u", "from": format!("p{i}"), "to": format!("p{}", (i + 1) % n)})
        })
        .collect();
    serde_json::from_value(json!({
        "story": {"id": "random", "title": "Random", "as_of": "2025-01-01", "version": "1.0.0",
                  "start": "2024-01-01", "end": "2025-01-01"},
        "places": places_json,
        "categories": [{"id": "c", "names": {"en": "C"}}],
        "units": [{"id": "u", "names": {"en": "u"}}],
        "streams": streams,
    }))
    .unwrap()
}

/// A place anywhere on Earth, poles and the antimeridian included.
fn place() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        (-180.0..=180.0f64, -90.0..=90.0f64),
        (
            prop_oneof![170.0..=180.0f64, -180.0..=-170.0f64],
            -60.0..=60.0f64
        ),
        (
            -180.0..=180.0f64,
            prop_oneof![75.0..=90.0f64, -90.0..=-75.0f64]
        ),
    ]
}

/// Two to six places at least 1,000 km apart (so that a route is many 50 km steps long), and
/// none nearly opposite another (where the great circle between them is undefined).
fn places() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec(place(), 2..=6).prop_filter("places apart", |ps| {
        ps.iter().enumerate().all(|(i, &a)| {
            ps[i + 1..]
                .iter()
                .all(|&b| distance_m(a, b) > 1_000_000.0 && angle_deg(a, b) < 178.0)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_story_anywhere_on_earth_has_every_place_in_view_and_no_torn_route(
        ps in places(),
        width in 320.0..1400.0f64,
        height in 320.0..900.0f64,
    ) {
        let s = scene_of(story_of(&ps), width, height);
        prop_assert!(places_inside(&s, width, height).is_ok(), "{:?}", places_inside(&s, width, height));
        let step = longest_step(&s);
        prop_assert!(
            step <= MAX_STEP_SHARE * width,
            "a route jumps {step} px in a {width} px view on {:?}", s.projection().raw()
        );
    }

    #[test]
    fn a_region_far_from_eurasia_is_fitted_as_well_as_eurasia_is(
        lon in -180.0..180.0f64,
        lat in 15.0..60.0f64,
    ) {
        // A mid-latitude region 20° wide and 10° high, wherever it is, is drawn on a conic.
        let ps = [(lon, lat), (lon + 20.0, lat + 10.0), (lon + 10.0, lat + 2.0)];
        let ps: Vec<(f64, f64)> = ps.iter().map(|&(x, y)| ((x + 180.0).rem_euclid(360.0) - 180.0, y)).collect();
        let s = scene_of(story_of(&ps), 800.0, 500.0);
        prop_assert_eq!(s.projection().raw().kind(), "conic");
        prop_assert!(places_inside(&s, 800.0, 500.0).is_ok());
        prop_assert!(longest_step(&s) <= MAX_STEP_SHARE * 800.0);
    }
}
