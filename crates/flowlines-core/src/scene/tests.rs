//! The live map's scene, tested on the default story: widths, marks, lanes, arrowheads,
//! labels, particles, the basemap and zoom.

use super::*;
use crate::date::parse_day;
use crate::encoding::{marks, LineStyle};
use crate::labels::Rect;
use crate::parse::load_json;
use crate::particles::particle_count;
use crate::raster::Raster;
use crate::stroke_mask::StrokeMask;

fn story() -> Story {
    load_json(
        "nk-russia.json",
        include_str!("../../../../data/nk-russia.json"),
    )
    .unwrap()
}

fn scene_at(date: &str) -> Scene {
    let mut s = Scene::new(story());
    s.resize(1000.0, 600.0);
    s.set_day(f64::from(parse_day(date).unwrap()));
    s
}

fn index(s: &Scene, id: &str) -> usize {
    s.story().streams.iter().position(|x| x.id == id).unwrap()
}

#[test]
fn a_higher_rate_makes_particles_faster_and_denser() {
    assert!(particle_count(1.0) > particle_count(0.1));
    // Two moments of one stream with different rates: count particles on it.
    let mut slow = Scene::new(crate::synthetic::synthetic_story(2, 1, 2, 3));
    slow.resize(800.0, 500.0);
    let sr = slow.series().series(0).unwrap().clone();
    let r: Vec<(f64, f64)> = sr.readings().collect();
    let rates: Vec<(f64, f64)> = r
        .windows(2)
        .map(|w| {
            (
                (w[0].0 + w[1].0) / 2.0,
                (w[1].1 - w[0].1) / (w[1].0 - w[0].0),
            )
        })
        .collect();
    let fast_day = rates.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap().0;
    let slow_day = rates.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap().0;
    assert!(rates.iter().any(|r| r.1 > 0.0));
    let mut count_at = |day: f64| {
        slow.set_day(day);
        slow.frame(0.0);
        let first = slow.particle_xy()[..2].to_vec();
        // A twentieth of a second on, the particle nearest the first one's place is the first
        // one (each moves a few pixels, far less than the gap between two).
        slow.frame(0.05);
        let moved = slow
            .particle_xy()
            .chunks_exact(2)
            .map(|p| (p[0] - first[0]).hypot(p[1] - first[1]))
            .fold(f32::INFINITY, f32::min);
        (slow.particle_stream().len(), moved)
    };
    let (n_fast, d_fast) = count_at(fast_day);
    let (n_slow, d_slow) = count_at(slow_day);
    assert!(n_fast >= n_slow, "denser: {n_fast} vs {n_slow}");
    assert!(
        d_fast > d_slow,
        "faster: {d_fast} px vs {d_slow} px in a twentieth of a second"
    );
}

#[test]
fn widths_grow_with_the_figure_on_each_units_own_scale() {
    let early = scene_at("2024-03-01");
    let late = scene_at("2024-06-30");
    let c = index(&early, "munitions-containers");
    assert!(late.styles()[c].width > early.styles()[c].width);
    // The 9 million rounds do not make the containers thin: each unit has its own scale.
    let r = index(&late, "munitions-rounds");
    assert!(late.styles()[r].width > MIN_WIDTH);
    assert!(late.styles()[c].width > MIN_WIDTH);
}

const MIN_WIDTH: f64 = crate::encoding::MIN_WIDTH_PX + 1.0;

#[test]
fn an_unknown_quantity_is_thin_and_marked_never_given_a_width() {
    let s = scene_at("2025-01-15");
    let p = index(&s, "petroleum");
    let st = s.styles()[p];
    assert!(st.visible);
    assert_eq!(st.width, crate::encoding::UNKNOWN_WIDTH_PX);
    assert!(s.has_mark(p, marks::UNKNOWN));
}

#[test]
fn an_open_ended_figure_and_an_inferred_destination_are_marked() {
    let s = scene_at("2025-05-01");
    let t = index(&s, "troops-deployed");
    assert!(s.has_mark(t, marks::OPEN_HIGH));
    assert!(s.has_mark(t, marks::INFERRED_DESTINATION));
}

#[test]
fn a_denied_stream_is_marked_disputed_and_a_proposal_is_faint() {
    let s = scene_at("2024-10-20");
    assert!(s.has_mark(index(&s, "troops-vladivostok"), marks::DISPUTED));
    let w = index(&s, "workers-donbas");
    assert_eq!(s.styles()[w].style, LineStyle::Faint);
}

#[test]
fn streams_between_the_same_places_are_drawn_side_by_side() {
    let s = scene_at("2024-10-20");
    let a = index(&s, "munitions-containers");
    let b = index(&s, "munitions-missiles");
    let (ra, rb) = (s.route(a).unwrap(), s.route(b).unwrap());
    let ((xa, ya), _) = ra.at(ra.length() / 2.0);
    let d = rb.distance_to(xa, ya);
    assert!(d > PARALLEL_GAP_PX * 0.5, "parallel streams are apart: {d}");
    assert!(d < PARALLEL_GAP_PX * 4.0, "and close together: {d}");
}

#[test]
fn hiding_a_category_hides_its_streams_and_their_particles() {
    let mut s = scene_at("2024-04-15");
    s.frame(0.5);
    assert!(!s.particle_xy().is_empty());
    s.set_category_visible("munitions", false);
    let c = index(&s, "munitions-containers");
    assert!(!s.styles()[c].visible);
    s.frame(0.5);
    assert!(s
        .particle_stream()
        .iter()
        .all(|&i| s.story().streams[i as usize].category != "munitions"));
}

#[test]
fn each_arrowhead_points_at_its_destination() {
    let s = scene_at("2024-10-20");
    let i = index(&s, "troops-deployed");
    let a = &s.arrow_xy()[i * 6..i * 6 + 6];
    let to = s
        .story()
        .places
        .iter()
        .position(|p| p.id == "kursk")
        .unwrap();
    let (px, py) = (s.place_xy()[to * 2], s.place_xy()[to * 2 + 1]);
    let tip = (a[0] - px).hypot(a[1] - py);
    let base = (((a[2] + a[4]) / 2.0) - px).hypot(((a[3] + a[5]) / 2.0) - py);
    assert!(tip < base, "the tip is nearer Kursk than the base");
    assert!(tip < 12.0, "the tip stops at the dot: {tip}");
}

#[test]
fn labels_avoid_each_other_the_dots_and_the_arrowheads() {
    let s = scene_at("2024-10-20");
    let n = s.story().places.len();
    let widths = vec![70.0; n];
    let xy = s.place_labels(&widths, 16.0);
    let rects: Vec<Rect> = xy
        .chunks_exact(2)
        .filter(|p| !p[0].is_nan())
        .map(|p| Rect::new(f64::from(p[0]), f64::from(p[1]), 70.0, 16.0))
        .collect();
    let in_inset = s.inset_scene().map_or(0, |d| {
        let xy = d.place_labels(&widths, 16.0);
        s.inset().map_or(0, |i| {
            i.places.iter().filter(|&&p| !xy[2 * p].is_nan()).count()
        })
    });
    assert!(
        rects.len() + in_inset >= n / 2,
        "most of the story's places are labelled, on the map or in its inset"
    );
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
        }
    }
    for a in s
        .arrow_xy()
        .chunks_exact(6)
        .zip(s.styles())
        .filter(|(_, st)| st.visible)
    {
        let tip = (f64::from(a.0[0]), f64::from(a.0[1]));
        for r in &rects {
            let inside =
                tip.0 > r.x && tip.0 < r.x + r.width && tip.1 > r.y && tip.1 < r.y + r.height;
            assert!(!inside, "a label covers an arrowhead's tip");
        }
    }
}

#[test]
fn a_day_set_before_the_first_resize_draws_what_a_day_set_after_it_draws() {
    let mut after = scene_at("2024-10-20");
    let mut before = Scene::new(story());
    before.set_day(f64::from(parse_day("2024-10-20").unwrap()));
    before.resize(1000.0, 600.0);
    assert_eq!(before.styles(), after.styles());
    assert_eq!(before.arrow_xy(), after.arrow_xy());
    before.frame(2.0);
    after.frame(2.0);
    assert_eq!(before.particle_xy(), after.particle_xy());
    assert!(!after.particle_xy().is_empty());
}

#[test]
fn a_zoom_keeps_the_day_s_styles_and_lays_the_arrowheads_on_the_new_routes() {
    let mut s = scene_at("2024-10-20");
    let styles = s.styles().to_vec();
    s.zoom_at(500.0, 300.0, 2.0);
    assert_eq!(s.styles(), &styles[..]);
    // Each arrowhead's tip is its route's end, in the zoomed view.
    for k in 0..s.styles().len() {
        let route = s.route_points(k).unwrap();
        let end = &route[route.len() - 2..];
        let tip = &s.arrow_xy()[6 * k..6 * k + 2];
        assert!(
            (tip[0] - end[0]).abs() < 1e-3 && (tip[1] - end[1]).abs() < 1e-3,
            "stream {k}"
        );
    }
}

#[test]
fn the_basemap_follows_zoom_and_pan() {
    let mut s = scene_at("2024-10-20");
    let b =
        crate::basemap::Basemap::from_json(include_str!("../../../../data/basemap.json")).unwrap();
    s.set_basemap(b);
    let before = s.basemap().land_xy[..2].to_vec();
    assert!(!before.is_empty());
    s.zoom_at(0.0, 0.0, 2.0);
    let after = &s.basemap().land_xy[..2];
    assert!((after[0] - 2.0 * before[0]).abs() < 0.01 && (after[1] - 2.0 * before[1]).abs() < 0.01);
}

#[test]
fn a_dense_maps_routes_are_painted_where_they_run_and_nowhere_else() {
    let mut s = Scene::new(crate::synthetic::synthetic_story(50, 300, 5, 7));
    s.resize(400.0, 300.0);
    let mut r = Raster::new(400, 300);
    let mut m = StrokeMask::new(400, 300);
    s.paint_routes(&mut r, &mut m, 1.0);
    let i = s.styles().iter().position(|st| st.visible).unwrap();
    let route = s.route(i).unwrap();
    let ((x, y), _) = route.at(route.length() / 2.0);
    let px = r.pixel(x as usize, y as usize).unwrap();
    assert!(px[3] > 0, "the middle of a route is painted: {px:?}");
    let painted = r.rgba().chunks_exact(4).filter(|p| p[3] > 0).count();
    assert!(
        painted > 1_000 && painted < 400 * 300,
        "{painted} pixels painted"
    );
}

#[test]
fn zooming_in_spreads_the_places_apart() {
    let mut s = scene_at("2024-10-20");
    let d =
        |s: &Scene| (s.place_xy()[0] - s.place_xy()[2]).hypot(s.place_xy()[1] - s.place_xy()[3]);
    let before = d(&s);
    s.zoom_at(500.0, 300.0, 2.0);
    assert!((d(&s) - 2.0 * before).abs() < 0.01);
    s.reset_view();
    assert!((d(&s) - before).abs() < 0.01);
}

#[test]
fn assumed_routes_are_outlined_in_grey_dots_and_no_other_route_is() {
    let mut s = scene_at("2024-10-20");
    let assumed: Vec<usize> = (0..s.styles().len())
        .filter(|&i| s.styles()[i].visible && s.has_mark(i, marks::ASSUMED_ROUTE))
        .collect();
    assert!(!assumed.is_empty(), "the story has an assumed route shown");
    let (w, h) = (1000, 600);
    let (mut r, mut m) = (Raster::new(w, h), StrokeMask::new(w, h));
    assert!(s.paint_outlines(&mut r, &mut m, 1.0));
    // Grey dots lie on every assumed route: somewhere within its first dots' reach (to within
    // the level a premultiplied layer rounds a channel to).
    let grey = crate::style::OUTLINE_GREY;
    let grey = [(grey >> 16) as u8, (grey >> 8) as u8, grey as u8];
    for &i in &assumed {
        let route = s.route(i).unwrap();
        let dotted = (0..12).any(|k| {
            let ((x, y), _) = route.at(f64::from(k));
            r.pixel(x as usize, y as usize).is_some_and(|p| {
                p[3] > 0 && p[..3].iter().zip(grey).all(|(&c, g)| c.abs_diff(g) <= 1)
            })
        });
        assert!(dotted, "stream {i} is outlined");
    }
    let painted = r.rgba().chunks_exact(4).filter(|p| p[3] > 0).count();
    assert!(painted > 100 && painted < w * h / 4, "{painted} pixels");
    // With those streams hidden there is nothing to outline, and the raster is left alone.
    for &i in &assumed {
        let category = s.story().streams[i].category.clone();
        s.set_category_visible(&category, false);
    }
    let before = r.rgba().to_vec();
    assert!(!s.paint_outlines(&mut r, &mut m, 1.0));
    assert_eq!(r.rgba(), &before[..]);
}

#[test]
fn the_inset_shares_the_story_with_its_map_and_lays_out_as_a_whole_copy_of_the_map_would() {
    let s = scene_at("2024-10-20");
    let inset = s
        .inset_scene()
        .expect("the default story has an inset at 1000 x 600");
    assert!(Arc::ptr_eq(&s.story, &inset.story));
    assert!(Arc::ptr_eq(&s.series, &inset.series));
    assert!(Arc::ptr_eq(&s.paths_lonlat, &inset.paths_lonlat));
    // The inset as it was made before: the whole scene copied, then fitted to the inset.
    let mut copy = s.clone();
    let box_ = s
        .inset()
        .map(|i| (i.rect.width, i.rect.height, i.projection));
    let (width, height, projection) = box_.expect("an inset");
    copy.inset = None;
    copy.controls_size = (0.0, 0.0);
    copy.show_projection(width, height, projection);
    assert_eq!(inset.styles, copy.styles);
    assert!(
        inset.laid == copy.laid,
        "the same places, routes, arrowheads, marks and tracks"
    );
}

#[test]
fn each_shown_flow_is_painted_on_its_route_and_a_hidden_one_is_not() {
    let mut s = scene_at("2025-06-01");
    let (w, h) = (1000, 600);
    let (mut r, mut m) = (Raster::new(w, h), StrokeMask::new(w, h));
    s.paint_flows(&mut r, &mut m, 1.0);
    let shown: Vec<usize> = (0..s.styles().len())
        .filter(|&i| s.styles()[i].visible)
        .collect();
    assert!(shown.len() > 5, "{} flows shown", shown.len());
    // Each shown flow's route is painted near its middle (a dashed one within a period).
    for &i in &shown {
        let route = s.route(i).unwrap();
        let painted = (0..24).any(|k| {
            let ((x, y), _) = route.at(route.length() / 2.0 + f64::from(k));
            r.pixel(x as usize, y as usize).is_some_and(|p| p[3] > 0)
        });
        assert!(painted, "stream {i} is painted");
    }
    // Hidden, nothing is painted, and the mask is left clear for the next layer.
    for &i in &shown {
        let category = s.story().streams[i].category.clone();
        s.set_category_visible(&category, false);
    }
    s.paint_flows(&mut r, &mut m, 1.0);
    assert!(r.rgba().chunks_exact(4).all(|p| p[3] == 0));
    assert!((0..h).all(|y| (0..w).all(|x| m.at(x, y) == 0)));
}
