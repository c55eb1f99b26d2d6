//! The reader's first view of the default story on a phone, a tablet and a desktop: the flows
//! fill the map, the front line gets a detail inset, every dot has a label, and neither the
//! inset nor the zoom controls cover a flow.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::date::parse_day;
use flowlines_core::frame::CLEAR_PX;
use flowlines_core::labels::Rect;
use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;

/// The map's size in CSS pixels on a 360, a 768 and a 1280 px screen, and the zoom controls'
/// size there (a row of three 44 px buttons on a phone, a column on wider screens).
const SCREENS: [(f64, f64, (f64, f64)); 3] = [
    (336.0, 448.0, (176.0, 44.0)),
    (744.0, 446.0, (58.0, 118.0)),
    (1014.0, 600.0, (58.0, 118.0)),
];

/// The places of the western theatre, which crowd on the whole map.
const WEST: [&str; 5] = ["kyiv", "kursk", "bryansk", "kharkiv", "donbas"];

fn scene(width: f64, height: f64, controls: (f64, f64)) -> Scene {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    let mut s = Scene::new(story);
    s.set_controls_size(controls.0, controls.1);
    s.resize(width, height);
    s.set_day(f64::from(parse_day("2024-10-13").unwrap()));
    s
}

fn place(s: &Scene, id: &str) -> usize {
    s.story().places.iter().position(|p| p.id == id).unwrap()
}

fn inside(r: &Rect, x: f32, y: f32) -> bool {
    let (x, y) = (f64::from(x), f64::from(y));
    x >= r.x && x <= r.right() && y >= r.y && y <= r.bottom()
}

#[test]
fn the_fitted_view_contains_every_place_with_flows_and_every_route() {
    for (w, h, controls) in SCREENS {
        let s = scene(w, h, controls);
        let viewport = Rect::new(0.0, 0.0, w, h);
        for stream in &s.story().streams {
            for id in [&stream.from, &stream.to] {
                let i = place(&s, id);
                let (x, y) = (s.place_xy()[2 * i], s.place_xy()[2 * i + 1]);
                assert!(inside(&viewport, x, y), "{id} at {x},{y} in {w}x{h}");
            }
        }
        for p in s.route_xy().chunks_exact(2) {
            assert!(
                inside(&viewport, p[0], p[1]),
                "a route point at {p:?} in {w}x{h}"
            );
        }
    }
}

#[test]
fn the_flows_fill_the_map_more_than_the_plain_fit_leaves_them() {
    // Without an inset or controls the flows' box is centred with 40 px to spare; with them the
    // map keeps most of that scale.
    for (w, h, controls) in SCREENS {
        let framed = scene(w, h, controls);
        let plain = scene(w, h, (0.0, 0.0));
        let ratio = framed.projection().scale() / plain.projection().scale();
        assert!(
            ratio >= flowlines_core::frame::MIN_SCALE_SHARE,
            "{w}x{h}: {ratio}"
        );
    }
}

#[test]
fn the_inset_contains_the_western_theatre() {
    for (w, h, controls) in SCREENS {
        let s = scene(w, h, controls);
        let inset = s.inset().unwrap_or_else(|| panic!("an inset at {w}x{h}"));
        let detail = s.inset_scene().unwrap();
        let own = Rect::new(0.0, 0.0, inset.rect.width, inset.rect.height);
        for id in WEST {
            let i = place(&s, id);
            assert!(inset.places.contains(&i), "{id} in the inset at {w}x{h}");
            let (x, y) = (detail.place_xy()[2 * i], detail.place_xy()[2 * i + 1]);
            assert!(
                inside(&own, x, y),
                "{id} at {x},{y} inside the {w}x{h} inset"
            );
        }
        // The inset shows them larger than the map does.
        assert!(inset.projection.scale() > 2.0 * s.projection().scale());
    }
}

#[test]
fn neither_the_inset_nor_the_controls_cover_a_flow_or_a_place() {
    for (w, h, controls) in SCREENS {
        let s = scene(w, h, controls);
        let mut covers = vec![s.controls_corner().rect(controls.0, controls.1, w, h)];
        covers.extend(s.inset().map(|i| i.rect));
        for r in &covers {
            let grown = Rect::new(
                r.x - CLEAR_PX / 2.0,
                r.y - CLEAR_PX / 2.0,
                r.width + CLEAR_PX,
                r.height + CLEAR_PX,
            );
            for p in s
                .place_xy()
                .chunks_exact(2)
                .chain(s.route_xy().chunks_exact(2))
            {
                assert!(!inside(&grown, p[0], p[1]), "{p:?} under {r:?} at {w}x{h}");
            }
        }
    }
}

#[test]
fn every_dot_has_a_label_on_the_map_or_in_the_inset() {
    for (w, h, controls) in SCREENS {
        let s = scene(w, h, controls);
        let detail = s.inset_scene();
        // Labels as the page sets them: 11 px type on a view under 480 px wide, else 13 px,
        // about 0.55 em a letter.
        let labels = |view_width: f64| {
            let font = if view_width < 480.0 { 11.0 } else { 13.0 };
            let widths: Vec<f64> = s
                .story()
                .places
                .iter()
                .map(|p| p.map_label("en").chars().count() as f64 * font * 0.55)
                .collect();
            (widths, font + 3.0)
        };
        let (widths, height) = labels(w);
        let on_map = s.place_labels(&widths, height);
        let in_inset = detail.as_ref().map(|d| {
            let (widths, height) = labels(d.size().0);
            d.place_labels(&widths, height)
        });
        for (i, p) in s.story().places.iter().enumerate() {
            let labelled_here = !on_map[2 * i].is_nan();
            let labelled_there = in_inset.as_ref().is_some_and(|l| !l[2 * i].is_nan());
            assert!(
                labelled_here || labelled_there,
                "{} has no label at {w}x{h}",
                p.id
            );
        }
    }
}

#[test]
fn zooming_in_hides_the_inset_and_gives_the_labels_back_to_the_map() {
    let (w, h, controls) = SCREENS[2];
    let mut s = scene(w, h, controls);
    assert!(s.inset_shown());
    assert!(
        !s.inset_outline().is_empty(),
        "the map outlines what the inset details"
    );
    s.zoom_at(w / 2.0, h / 2.0, 2.0);
    assert!(!s.inset_shown());
    assert!(s.inset_outline().is_empty());
    s.reset_view();
    assert!(s.inset_shown());
}

#[test]
fn the_inset_outline_surrounds_the_detailed_places_on_the_map() {
    let (w, h, controls) = SCREENS[2];
    let s = scene(w, h, controls);
    let outline = s.inset_outline();
    let xs: Vec<f32> = outline.iter().step_by(2).copied().collect();
    let ys: Vec<f32> = outline.iter().skip(1).step_by(2).copied().collect();
    let (x0, x1) = (
        xs.iter().copied().fold(f32::MAX, f32::min),
        xs.iter().copied().fold(f32::MIN, f32::max),
    );
    let (y0, y1) = (
        ys.iter().copied().fold(f32::MAX, f32::min),
        ys.iter().copied().fold(f32::MIN, f32::max),
    );
    for id in WEST {
        let i = place(&s, id);
        let (x, y) = (s.place_xy()[2 * i], s.place_xy()[2 * i + 1]);
        assert!(
            x > x0 && x < x1 && y > y0 && y < y1,
            "{id} inside the outline"
        );
    }
}
