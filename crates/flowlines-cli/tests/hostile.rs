//! Hostile or merely large stories on the command line: each class of
//! `flowlines_core::hostile`, at a size that once took over a minute or crashed, ends with exit
//! 0 (a story) or 1 (located problems), never a panic or an abort; whatever loads renders to an
//! SVG that is well-formed XML. Times are printed (`--nocapture`); the README records those of
//! the release binary.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::flowlines;

use flowlines_core::hostile::CLASSES;
use std::path::PathBuf;
use std::time::Instant;

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("hostile", name)
}

/// Runs `args`, checks it ended with exit 0 or 1 and no panic; returns whether it succeeded.
fn ends_cleanly(what: &str, args: &[&str]) -> bool {
    let t = Instant::now();
    let o = flowlines(args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    println!("{what}: {} in {:?}", args[0], t.elapsed());
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{what}: {} ended with {:?}: {}",
        args[0],
        o.status,
        stderr.chars().take(2000).collect::<String>()
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    if o.status.code() == Some(1) {
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains(".json:"),
            "{what}: a located problem: {first}"
        );
    }
    o.status.success()
}

#[test]
fn every_hostile_class_at_its_big_size_validates_and_renders_with_exit_0_or_1() {
    let dir = temp_dir("classes");
    for class in CLASSES {
        let path = dir.join(format!("{}.json", class.name.replace(' ', "-")));
        std::fs::write(&path, (class.make)(class.big)).unwrap();
        let file = path.to_str().unwrap();
        let valid = ends_cleanly(class.name, &["validate", file]);
        let svg = dir.join("map.svg");
        let out = svg.to_str().unwrap();
        let rendered = ends_cleanly(
            class.name,
            &["render", file, "--at", "2024-06-01", "--out", out],
        );
        assert_eq!(
            valid, rendered,
            "{}: render agrees with validate",
            class.name
        );
        if rendered {
            let text = std::fs::read_to_string(&svg).unwrap();
            roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{}: the SVG is not XML: {e}", class.name));
        }
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn texts_that_look_like_markup_render_to_well_formed_xml() {
    let dir = temp_dir("markup");
    let story = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/fixtures/five-places.json"
    ))
    .unwrap();
    let tricky =
        r#"A <b>bold</b> & \"quoted\" ]]> <!-- x --> \t tab, \u0085 next line, \u202e reversed"#;
    let story = story.replacen(
        "\"Five places and one flow: the smallest story flowlines draws\"",
        &format!("\"{tricky}\""),
        1,
    );
    let path = dir.join("markup.json");
    std::fs::write(&path, story).unwrap();
    let svg = dir.join("markup.svg");
    let o = flowlines(&[
        "render",
        path.to_str().unwrap(),
        "--at",
        "2024-10-20",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(
        doc.descendants().any(|n| n
            .text()
            .is_some_and(|t| t.contains("<b>bold</b> & \"quoted\""))),
        "the title is kept as text, not markup"
    );
}
