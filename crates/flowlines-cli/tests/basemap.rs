//! `flowlines basemap` as a user runs it: it builds a basemap the core reads, with Crimea in
//! Ukraine, and the committed `data/basemap.json` is exactly what it builds today.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::basemap::Basemap;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const INPUT: &str = "node_modules/world-atlas/countries-50m.json";

/// Runs `flowlines basemap` with its defaults (as `data/basemap.json` was built) into a
/// temporary file and returns that file's path.
fn build_basemap(name: &str) -> PathBuf {
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
        .args(["basemap", "--input", INPUT, "--out"])
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
         `cargo run -p flowlines-cli -- basemap` (see docs/basemap.md)"
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
