//! `flowlines basemap` as a user runs it: it builds a basemap of a story's extent the core
//! reads, with Crimea in Ukraine wherever the extent holds it, and the committed
//! `data/basemap.json` (the default story's) is exactly what it builds today.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::basemap::Basemap;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const INPUT: &str = "node_modules/world-atlas/countries-50m.json";

/// Runs `flowlines basemap --story data/nk-russia.json` (as `data/basemap.json` was built)
/// into a temporary file and returns that file's path.
fn build_basemap(name: &str) -> PathBuf {
    build_with(name, &["--story", "data/nk-russia.json"])
}

/// Runs `flowlines basemap` with `args` into a temporary file and returns that file's path.
fn build_with(name: &str, args: &[&str]) -> PathBuf {
    let input = Path::new(ROOT).join(INPUT);
    assert!(
        input.is_file(),
        "{} is missing: the basemap is built from the npm package world-atlas; \
         run `make test` (or `npm ci`) to install it",
        input.display()
    );
    let out = std::env::temp_dir().join(format!(
        "flowlines-basemap-{name}-{}.json",
        std::process::id()
    ));
    let bin = out.with_extension("bin");
    let run = Command::new(env!("CARGO_BIN_EXE_flowlines"))
        .current_dir(ROOT)
        .arg("basemap")
        .args(args)
        .arg("--out")
        .arg(&out)
        .arg("--bin")
        .arg(&bin)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "flowlines basemap failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("countries") && stdout.contains("bytes"),
        "{stdout}"
    );
    out
}

#[test]
fn the_built_basemap_puts_simferopol_in_ukraine() {
    let out = build_basemap("crimea");
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let map = Basemap::from_json(&text).unwrap();
    assert_eq!(map.country_at(34.10, 44.95).unwrap().name, "Ukraine");
    assert_eq!(map.country_at(36.19, 51.73).unwrap().name, "Russia");
    assert!(map.attribution.contains("Natural Earth"));
    assert!(map.attribution.contains("Crimea shown in Ukraine"));
    assert!(text.len() < 200_000, "{} bytes", text.len());
}

#[test]
fn the_committed_basemap_is_what_the_tool_builds() {
    let out = build_basemap("drift");
    let fresh = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let committed = std::fs::read_to_string(Path::new(ROOT).join("data/basemap.json")).unwrap();
    assert!(
        fresh == committed,
        "data/basemap.json differs from a fresh build; rebuild it with \
         `cargo run -p flowlines-cli -- basemap --story data/nk-russia.json` (see docs/basemap.md)"
    );
}

#[test]
fn a_bad_bbox_is_refused_with_exit_code_2() {
    let run = Command::new(env!("CARGO_BIN_EXE_flowlines"))
        .current_dir(ROOT)
        .args(["basemap", "--bbox", "150,25,15,72", "--out", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--bbox"));
}

#[test]
fn a_missing_input_is_reported_with_its_path() {
    let run = Command::new(env!("CARGO_BIN_EXE_flowlines"))
        .current_dir(ROOT)
        .args([
            "basemap",
            "--input",
            "no/such/atlas.json",
            "--out",
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no/such/atlas.json"));
}

/// Reads and removes a built basemap.
fn read(out: &Path) -> Basemap {
    let text = std::fs::read_to_string(out).unwrap();
    std::fs::remove_file(out).unwrap();
    let _ = std::fs::remove_file(out.with_extension("bin"));
    Basemap::from_json(&text).unwrap()
}

#[test]
fn a_story_across_the_pacific_gets_both_shores_at_1_110m() {
    let map = read(&build_with(
        "pacific",
        &["--story", "data/fixtures/pacific.json"],
    ));
    assert_eq!(
        map.country_at(-123.12, 49.28).unwrap().name,
        "Canada",
        "Vancouver"
    );
    assert_eq!(
        map.country_at(129.04, 35.15).unwrap().name,
        "South Korea",
        "Busan"
    );
    assert!(
        map.bbox[2] > 180.0,
        "east of the antimeridian: {:?}",
        map.bbox
    );
    assert!(map.attribution.contains("1:110m"), "{}", map.attribution);
}

#[test]
fn an_extent_holding_crimea_draws_it_inside_ukraine() {
    let map = read(&build_with("crimea-in", &["--bbox", "30,40,40,50"]));
    assert_eq!(
        map.country_at(34.10, 44.95).unwrap().name,
        "Ukraine",
        "Simferopol"
    );
    assert_eq!(
        map.country_at(33.52, 44.60).unwrap().name,
        "Ukraine",
        "Sevastopol"
    );
    assert_eq!(
        map.country_at(36.19, 49.99).unwrap().name,
        "Ukraine",
        "Kharkiv"
    );
    assert!(map.attribution.contains("Crimea shown in Ukraine"));
    let ukraine = map.countries.iter().find(|c| c.id == "804").unwrap();
    let russia = map.countries.iter().find(|c| c.id == "643").unwrap();
    let near_crimea = |rings: &Vec<Vec<f64>>| {
        rings[0]
            .chunks_exact(2)
            .any(|p| (33.0..=36.5).contains(&p[0]) && (44.4..=45.6).contains(&p[1]))
    };
    assert!(ukraine.polygons.iter().any(near_crimea));
    assert!(
        !russia.polygons.iter().any(near_crimea),
        "no Russian polygon in Crimea"
    );
}

#[test]
fn an_extent_without_crimea_leaves_it_and_its_note_out() {
    let map = read(&build_with("crimea-out", &["--bbox", "100,20,150,50"]));
    assert!(map.countries.iter().all(|c| c.id != "804"), "no Ukraine");
    assert!(map.country_at(34.10, 44.95).is_none());
    assert!(!map.attribution.contains("Crimea"), "{}", map.attribution);
    assert_eq!(
        map.country_at(126.98, 37.57).unwrap().name,
        "South Korea",
        "Seoul"
    );
}

#[test]
fn every_extent_holding_crimea_draws_it_inside_ukraine_and_no_russian_polygon_there() {
    // Tight round the peninsula, Europe, Eurasia to the Pacific, and round the whole globe.
    for bbox in [
        "32,44,37,46.5",
        "0,30,60,60",
        "20,40,180,80",
        "-170,-60,190,85",
    ] {
        let map = read(&build_with("crimea-any", &["--bbox", bbox]));
        for (name, lon, lat) in [
            ("Simferopol", 34.10, 44.95),
            ("Sevastopol", 33.52, 44.60),
            ("Kerch", 36.45, 45.35),
        ] {
            let c = map.country_at(lon, lat).map(|c| c.id.as_str());
            assert_eq!(c, Some("804"), "{name} in Ukraine with --bbox {bbox}");
        }
        assert!(
            map.attribution.contains("Crimea shown in Ukraine"),
            "{bbox}"
        );
    }
}
