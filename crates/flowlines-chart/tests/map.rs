#![allow(clippy::unwrap_used, clippy::panic)]
//! The static map of the default story: what it draws, counted on a recording backend, and
//! its SVG compared with a committed golden file.

use flowlines_chart::map::{map_area, render_map, MapError, MapOptions, LAND_COLOR, PLACE_COLOR};
use flowlines_chart::recording::{Call, Recording, RecordingBackend};
use flowlines_core::basemap::Basemap;
use flowlines_core::date::parse_day;
use flowlines_core::encoding::marks;
use flowlines_core::labels::Rect;
use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;
use plotters::prelude::*;

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/map-2024-10-20.svg"
);

fn options(lang: &str) -> MapOptions {
    MapOptions {
        lang: lang.into(),
        attribution: Some("Natural Earth (test)".into()),
        ..MapOptions::default()
    }
}

/// The default story with its basemap at `date`, not yet resized.
fn scene_at(date: &str) -> Scene {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    let basemap = Basemap::from_json(include_str!("../../../data/basemap.json")).unwrap();
    let mut scene = Scene::new(story);
    scene.set_basemap(basemap);
    scene.set_day(f64::from(parse_day(date).unwrap()));
    scene
}

/// Draws the map at `date` on a recording backend; returns the recording, the scene as drawn
/// and the map's rectangle.
fn record(date: &str, lang: &str, size: (u32, u32)) -> (Recording, Scene, Rect) {
    let backend = RecordingBackend::new(size.0, size.1);
    let recording = backend.recording();
    let root = backend.into_drawing_area();
    let mut scene = scene_at(date);
    let opts = options(lang);
    let area = map_area(&root, &scene, &opts).unwrap();
    scene.resize(area.width, area.height);
    render_map(&root, &scene, &opts).unwrap();
    (recording, scene, area)
}

fn svg_at(date: &str) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1200, 630)).into_drawing_area();
        let mut scene = scene_at(date);
        let opts = options("en");
        let area = map_area(&root, &scene, &opts).unwrap();
        scene.resize(area.width, area.height);
        render_map(&root, &scene, &opts).unwrap();
        root.present().unwrap();
    }
    svg
}

fn rgb(c: u32) -> [u8; 3] {
    [(c >> 16) as u8, (c >> 8) as u8, c as u8]
}

fn inside(r: &Rect, (x, y): (i32, i32)) -> bool {
    let (x, y) = (f64::from(x), f64::from(y));
    x >= r.x - 1.0 && x <= r.right() + 1.0 && y >= r.y - 1.0 && y <= r.bottom() + 1.0
}

#[test]
fn each_visible_flow_gets_one_arrowhead_inside_the_map() {
    let (rec, scene, area) = record("2024-10-20", "en", (1200, 630));
    let visible = scene
        .styles()
        .iter()
        .enumerate()
        .filter(|(i, st)| st.visible && scene.route(*i).is_some_and(|r| r.points().len() >= 2))
        .count();
    assert!(visible >= 8, "most flows are under way by October 2024");
    let arrowheads = rec
        .calls()
        .into_iter()
        .filter(|(c, (color, _))| match c {
            Call::Polygon(pts) => {
                *color != rgb(LAND_COLOR) && pts.len() == 3 && pts.iter().all(|&p| inside(&area, p))
            }
            _ => false,
        })
        .count();
    assert_eq!(arrowheads, visible);
}

#[test]
fn every_place_gets_a_dot_and_the_labelled_ones_a_name() {
    let (rec, scene, area) = record("2024-10-20", "en", (1200, 630));
    let places = &scene.story().places;
    let dots = rec
        .calls()
        .into_iter()
        .filter(|(c, (color, _))| {
            *color == rgb(PLACE_COLOR) && matches!(c, Call::Circle(p, 4, true) if inside(&area, *p))
        })
        .count();
    assert_eq!(dots, places.len());
    let texts = rec.texts();
    let mut labelled = 0;
    for p in places {
        let n = texts.iter().filter(|t| *t == &p.names.en).count();
        assert!(n <= 1, "{} is labelled once at most", p.names.en);
        labelled += n;
    }
    assert!(
        labelled * 3 >= places.len() * 2,
        "most places are labelled: {labelled} of {}",
        places.len()
    );
}

#[test]
fn the_caveat_sources_credit_title_and_date_are_part_of_the_image() {
    let (rec, scene, _) = record("2024-10-20", "en", (1200, 630));
    let all = rec.texts().join(" ");
    let meta = &scene.story().story;
    let caveat = meta.caveat.as_ref().unwrap().get("en");
    assert!(all.contains(caveat), "the caveat, whole: {all}");
    let credit = meta.credit.as_ref().unwrap().get("en");
    assert!(all.contains(credit), "the credit");
    assert!(all.contains(meta.title.get("en")), "the title");
    assert!(all.contains("As of 20 October 2024"), "the date shown");
    assert!(all.contains("Sources: "), "a sources line");
    // The sources name their outlet where the document names one, and say so where it does
    // not; readers see what each document is and its date, never our copy's file name.
    assert!(all.contains("Irish Examiner") && all.contains("Latin Times"));
    assert!(all.contains("Outlet not named: "), "{all}");
    assert!(all.contains("30 May 2025"), "a source's date");
    assert!(!all.contains(".txt"), "no file name: {all}");
    assert!(
        all.contains("Natural Earth (test)"),
        "the basemap's attribution"
    );
    for c in &scene.story().categories {
        assert!(all.contains(&c.names.en), "the legend names {}", c.names.en);
    }
    for style in ["Confirmed", "Reported", "Claimed", "Proposed or offered"] {
        assert!(all.contains(style), "the legend explains {style}");
    }
}

#[test]
fn unknown_amounts_and_disputes_are_marked() {
    let (rec, scene, _) = record("2024-10-20", "en", (1200, 630));
    let count = |m: u8| {
        scene
            .styles()
            .iter()
            .filter(|st| st.visible && st.marks & m != 0)
            .count()
    };
    let texts = rec.texts();
    // One per marked flow, and one in the legend.
    assert_eq!(
        texts.iter().filter(|t| *t == "?").count(),
        count(marks::UNKNOWN) + 1
    );
    assert_eq!(
        texts.iter().filter(|t| *t == "!").count(),
        count(marks::DISPUTED) + 1
    );
    assert!(count(marks::UNKNOWN) > 0 && count(marks::DISPUTED) > 0);
}

#[test]
fn korean_names_and_notes_are_drawn_in_korean() {
    let (rec, scene, _) = record("2024-10-20", "ko", (1200, 630));
    let all = rec.texts().join(" ");
    assert!(all.contains("평양"), "{all}");
    assert!(all.contains(scene.story().story.title.get("ko")));
    assert!(all.contains("2024년 10월 20일 기준"));
    assert!(all.contains(scene.story().story.caveat.as_ref().unwrap().get("ko")));
}

#[test]
fn an_article_column_puts_the_legend_under_the_map() {
    let (rec, _, area) = record("2024-10-20", "en", (720, 800));
    assert!(area.width > 600.0, "the map spans the column: {area:?}");
    let heading = rec
        .calls()
        .into_iter()
        .find_map(|(c, _)| match c {
            Call::Text(t, p) if t == "What moves" => Some(p),
            _ => None,
        })
        .unwrap();
    assert!(f64::from(heading.1) > area.bottom());
}

#[test]
fn an_image_too_small_or_a_scene_not_laid_out_is_an_error() {
    let root = RecordingBackend::new(300, 200).into_drawing_area();
    let scene = scene_at("2024-10-20");
    assert!(matches!(
        map_area(&root, &scene, &options("en")),
        Err(MapError::TooSmall { .. })
    ));
    let root = RecordingBackend::new(1200, 630).into_drawing_area();
    assert!(matches!(
        render_map(&root, &scene, &options("en")),
        Err(MapError::NotLaidOut)
    ));
}

#[test]
fn a_different_date_draws_a_different_map() {
    let october = svg_at("2024-10-20");
    let march = svg_at("2024-03-01");
    assert_ne!(october, march);
    assert!(march.contains("As of 1 March 2024"));
    assert!(!march.contains("As of 20 October 2024"));
}

#[test]
fn the_svg_matches_the_golden_file() {
    let svg = svg_at("2024-10-20");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(std::path::Path::new(GOLDEN).parent().unwrap()).unwrap();
        std::fs::write(GOLDEN, &svg).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_else(|e| {
        panic!(
            "cannot read {GOLDEN} ({e}); write it with \
             `UPDATE_GOLDEN=1 cargo test -p flowlines-chart --test map`"
        )
    });
    if svg != golden {
        let first = svg
            .lines()
            .zip(golden.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(svg.lines().count().min(golden.lines().count()));
        let out = std::env::temp_dir().join("map-2024-10-20.actual.svg");
        let _ = std::fs::write(&out, &svg);
        panic!(
            "the map's SVG differs from {GOLDEN} from line {} on (this run's SVG is in {}). \
             If the change is intended, look at it, then rewrite the golden file with \
             `UPDATE_GOLDEN=1 cargo test -p flowlines-chart --test map`",
            first + 1,
            out.display()
        );
    }
}
