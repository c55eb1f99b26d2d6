//! `flowlines scene --json`: what the page would draw, as JSON a test or a reporter can check.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::flowlines;
use serde_json::Value;

fn scene_json(file: &str, at: &str, width: u32, height: u32) -> Value {
    let (w, h) = (width.to_string(), height.to_string());
    let out = flowlines(&[
        "scene", file, "--at", at, "--width", &w, "--height", &h, "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn xy(v: &Value) -> (f64, f64) {
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

#[test]
fn the_default_story_is_drawn_on_its_conic_with_every_place_and_route_in_view() {
    let s = scene_json("data/nk-russia.json", "2024-10-13", 1014, 600);
    let p = &s["projection"];
    assert_eq!(p["kind"], "conic");
    assert_eq!(p["named"], false);
    assert_eq!(xy(&p["center"]).0, 85.0);
    assert_eq!(xy(&p["parallels"]), (40.0, 60.0));
    assert!(p["scale"].as_f64().unwrap() > 0.0);
    let places = s["places"].as_array().unwrap();
    assert_eq!(places.len(), 10);
    assert!(places.iter().any(|q| q["id"] == "pyongyang"));
    for q in places {
        let (x, y) = (q["x"].as_f64().unwrap(), q["y"].as_f64().unwrap());
        assert!(
            (0.0..=1014.0).contains(&x) && (0.0..=600.0).contains(&y),
            "{q}"
        );
    }
    let routes = s["routes"].as_array().unwrap();
    assert!(
        routes.len() >= 8,
        "{} routes shown on 13 October 2024",
        routes.len()
    );
    for r in routes {
        assert!(r["stream"].is_string());
        for point in r["points"].as_array().unwrap() {
            let (x, y) = xy(point);
            assert!((0.0..=1014.0).contains(&x) && (0.0..=600.0).contains(&y));
        }
    }
}

#[test]
fn a_stream_not_yet_started_is_not_drawn() {
    let early = scene_json("data/nk-russia.json", "2022-01-01", 800, 500);
    let late = scene_json("data/nk-russia.json", "2024-10-13", 800, 500);
    let count = |s: &Value| s["routes"].as_array().unwrap().len();
    assert!(count(&early) < count(&late));
}

#[test]
fn busan_to_vancouver_crosses_the_pacific_from_left_to_right_without_a_jump() {
    let s = scene_json("data/fixtures/pacific.json", "2025-06-30", 800, 500);
    assert!(
        xy(&s["projection"]["center"]).0.abs() > 150.0,
        "{}",
        s["projection"]
    );
    let places = s["places"].as_array().unwrap();
    let x_of = |id: &str| {
        places.iter().find(|q| q["id"] == id).unwrap()["x"]
            .as_f64()
            .unwrap()
    };
    assert!(x_of("busan") < x_of("vancouver"));
    let route = &s["routes"][0];
    assert_eq!(route["stream"], "busan-vancouver");
    let points: Vec<(f64, f64)> = route["points"].as_array().unwrap().iter().map(xy).collect();
    assert!(points.len() > 100, "about 8,000 km in 50 km pieces");
    for w in points.windows(2) {
        let step = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        assert!(step < 80.0, "a step of {step} px");
    }
}

#[test]
fn a_bad_date_or_size_is_refused() {
    let out = flowlines(&[
        "scene",
        "data/nk-russia.json",
        "--at",
        "2024-13-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("--at: "));
    let out = flowlines(&[
        "scene",
        "data/nk-russia.json",
        "--at",
        "2024-10-13",
        "--width",
        "0",
    ]);
    assert_eq!(out.status.code(), Some(1));
}
