//! The example stories of docs/new-story.md (`data/examples/`): each is a folder of FlowmapBlue's
//! sheets and the JSON `flowlines convert` writes from it, and each validates, converts to
//! exactly the committed JSON, draws every place inside the view at a phone's and a desktop's
//! size, renders with every place named, and either cites a public source or says it is invented.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::{flowlines, temp_dir};
use std::path::{Path, PathBuf};

/// The repository's root, where the tests run `flowlines`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every example: its name (the folder `data/examples/<name>/` and `data/examples/<name>.json`).
fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("data/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn run(args: &[&str]) -> String {
    let out = flowlines(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn story(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(format!("data/examples/{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn there_are_two_examples_each_as_sheets_and_as_json() {
    let names = examples();
    assert!(names.len() >= 2, "examples: {names:?}");
    for name in &names {
        for file in ["locations.csv", "flows.csv", "story.csv"] {
            assert!(
                root()
                    .join(format!("data/examples/{name}/{file}"))
                    .is_file(),
                "{name}/{file}"
            );
        }
        assert!(root().join(format!("data/examples/{name}.json")).is_file());
    }
}

#[test]
fn each_examples_sheets_and_json_validate() {
    for name in examples() {
        let folder = format!("data/examples/{name}");
        assert_eq!(run(&["validate", &folder]).trim(), format!("{folder}: ok"));
        let json = format!("data/examples/{name}.json");
        assert_eq!(run(&["validate", &json]).trim(), format!("{json}: ok"));
    }
}

#[test]
fn each_examples_json_is_what_convert_writes_from_its_sheets() {
    let dir = temp_dir("examples", "convert");
    for name in examples() {
        let out = dir.join(format!("{name}.json"));
        run(&[
            "convert",
            &format!("data/examples/{name}"),
            "--out",
            out.to_str().unwrap(),
        ]);
        let fresh = std::fs::read_to_string(&out).unwrap();
        let committed =
            std::fs::read_to_string(root().join(format!("data/examples/{name}.json"))).unwrap();
        assert!(
            fresh == committed,
            "data/examples/{name}.json differs from `flowlines convert data/examples/{name}`: reconvert it"
        );
    }
}

#[test]
fn every_place_of_each_example_lands_inside_the_view_on_a_phone_and_a_desktop() {
    for name in examples() {
        let file = format!("data/examples/{name}.json");
        let at = story(&name)["story"]["as_of"].as_str().unwrap().to_owned();
        let count = story(&name)["places"].as_array().unwrap().len();
        for (w, h) in [(360.0, 640.0), (1280.0, 720.0)] {
            let scene: serde_json::Value = serde_json::from_str(&run(&[
                "scene",
                &file,
                "--at",
                &at,
                "--width",
                &w.to_string(),
                "--height",
                &h.to_string(),
                "--json",
            ]))
            .unwrap();
            let places = scene["places"].as_array().unwrap();
            assert_eq!(places.len(), count, "{name} at {w}x{h}");
            for p in places {
                let (x, y) = (p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap());
                assert!(
                    (0.0..=w).contains(&x) && (0.0..=h).contains(&y),
                    "{name} at {w}x{h}: {p}"
                );
            }
            assert!(
                !scene["routes"].as_array().unwrap().is_empty(),
                "{name} draws its routes at {w}x{h}"
            );
        }
    }
}

#[test]
fn each_example_renders_with_its_title_and_every_place_named() {
    let dir = temp_dir("examples", "render");
    for name in examples() {
        let story = story(&name);
        let out = dir.join(format!("{name}.svg"));
        run(&[
            "render",
            &format!("data/examples/{name}.json"),
            "--at",
            story["story"]["as_of"].as_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let svg = std::fs::read_to_string(&out).unwrap();
        let escape = |s: &str| s.replace('&', "&amp;").replace('\'', "&#39;");
        let title = story["story"]["title"].as_str().unwrap();
        assert!(svg.contains(&escape(title)), "{name}: title {title}");
        for place in story["places"].as_array().unwrap() {
            let label = place["names"]["en"].as_str().unwrap();
            assert!(svg.contains(&escape(label)), "{name}: place {label}");
        }
    }
}

#[test]
fn each_example_cites_a_public_source_or_says_it_is_invented() {
    for name in examples() {
        let story = story(&name);
        let title = story["story"]["title"].as_str().unwrap().to_lowercase();
        let caveat = story["story"]["caveat"].as_str().unwrap().to_lowercase();
        let invented = title.contains("invented demonstration") && caveat.contains("invented");
        for source in story["sources"].as_array().unwrap() {
            let cited = source["file"].as_str().unwrap().starts_with("https://")
                && source["outlet"].as_str().is_some_and(|o| !o.is_empty());
            assert!(
                cited || invented,
                "{name}: source {source} is neither a public document (https URL, outlet) nor marked invented in the title and caveat"
            );
        }
        for obs in story["observations"].as_array().unwrap() {
            assert!(
                obs["quantity"].is_object(),
                "{name}: every figure has a number and its qualifier: {obs}"
            );
        }
    }
}
