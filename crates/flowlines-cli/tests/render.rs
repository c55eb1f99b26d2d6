//! `flowlines render` as a user runs it: SVG and PNG at the card and column sizes, Korean,
//! and located errors.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
use common::flowlines;

use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("render", name)
}

/// Renders the default story at 2024-10-20 into `out` with `extra` arguments; returns stdout.
fn render(out: &Path, extra: &[&str]) -> String {
    let out_s = out.to_str().unwrap();
    let mut args = vec![
        "render",
        "data/nk-russia.json",
        "--at",
        "2024-10-20",
        "--out",
        out_s,
    ];
    args.extend_from_slice(extra);
    let o = flowlines(&args);
    assert!(
        o.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// The width and height a PNG's header gives (IHDR, bytes 16 to 24).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// The SVG's text content, lines joined with spaces, with XML escapes undone.
fn svg_text(svg: &str) -> String {
    let mut out = Vec::new();
    for part in svg.split("<text").skip(1) {
        let Some(start) = part.find('>') else {
            continue;
        };
        let Some(end) = part.find("</text>") else {
            continue;
        };
        out.push(
            part[start + 1..end]
                .trim()
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        );
    }
    out.join(" ")
}

fn story() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/nk-russia.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn an_svg_carries_the_caveat_and_the_date_shown() {
    let dir = temp_dir("svg");
    let out = dir.join("map.svg");
    let stdout = render(&out, &[]);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(stdout.contains("map.svg") && stdout.contains(&format!("{} bytes", svg.len())));
    assert!(svg.contains(r#"width="1200" height="630""#));
    let text = svg_text(&svg);
    let caveat = story()["story"]["caveat"]["en"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains(&caveat), "the caveat is in the image: {text}");
    assert!(text.contains("As of 20 October 2024"));
    assert!(text.contains("Sources: "));
    assert!(
        svg.contains("Noto Sans CJK KR"),
        "asks for a font with Hangul"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_png_is_the_card_size_by_default_and_a_column_with_width_720() {
    let dir = temp_dir("png");
    let card = dir.join("map.png");
    render(&card, &[]);
    assert_eq!(png_size(&std::fs::read(&card).unwrap()), (1200, 630));
    let column = dir.join("map-720.png");
    render(&column, &["--width", "720"]);
    assert_eq!(png_size(&std::fs::read(&column).unwrap()), (720, 800));
    let svg = dir.join("map-720.svg");
    render(&svg, &["--width", "720"]);
    assert!(std::fs::read_to_string(&svg)
        .unwrap()
        .contains(r#"width="720" height="800""#));
    let sized = dir.join("map-600x900.png");
    render(&sized, &["--width", "600", "--height", "900"]);
    assert_eq!(png_size(&std::fs::read(&sized).unwrap()), (600, 900));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lang_ko_draws_korean_place_names_and_notes() {
    let dir = temp_dir("ko");
    let out = dir.join("map-ko.svg");
    render(&out, &["--lang", "ko"]);
    let text = svg_text(&std::fs::read_to_string(&out).unwrap());
    for name in ["평양", "블라디보스토크"] {
        assert!(text.contains(name), "{name} in {text}");
    }
    assert!(text.contains("2024년 10월 20일 기준"));
    let caveat = story()["story"]["caveat"]["ko"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains(&caveat));
    let png = dir.join("map-ko.png");
    render(&png, &["--lang", "ko"]);
    assert_eq!(png_size(&std::fs::read(&png).unwrap()), (1200, 630));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_basemap_a_bad_date_or_a_bad_format_is_a_located_error() {
    let dir = temp_dir("errors");
    let out = dir.join("map.svg");
    let out = out.to_str().unwrap();
    let o = flowlines(&[
        "render",
        "data/nk-russia.json",
        "--at",
        "2024-10-20",
        "--out",
        out,
        "--basemap",
        "data/no-such-basemap.json",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("data/no-such-basemap.json") && err.contains("basemap"),
        "{err}"
    );
    let o = flowlines(&[
        "render",
        "data/nk-russia.json",
        "--at",
        "2024-13-40",
        "--out",
        out,
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("--at"));
    let o = flowlines(&[
        "render",
        "data/nk-russia.json",
        "--at",
        "2024-10-20",
        "--out",
        "map.gif",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains(".svg or .png"));
    let o = flowlines(&[
        "render",
        "data/nk-russia.json",
        "--at",
        "2024-10-20",
        "--out",
        out,
        "--width",
        "200",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("too small"));
    assert!(
        !std::path::Path::new(out).exists(),
        "nothing is written on error"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
