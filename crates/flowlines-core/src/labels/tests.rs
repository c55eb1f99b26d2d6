//! Label placement tested: labels avoid each other, the dots and the obstacles, stay on
//! screen, follow priority, and stay fast on many labels.

use super::*;
use crate::synthetic::SplitMix;

const VIEWPORT: Rect = Rect::new(0.0, 0.0, 800.0, 500.0);

fn request(x: f64, y: f64, priority: f64) -> LabelRequest {
    LabelRequest {
        x,
        y,
        width: 60.0,
        height: 14.0,
        radius: 3.0,
        priority,
    }
}

/// 200 places at pseudo-random points of an 800x500 viewport with labels of about 60x14
/// pixels, and 40 arrowhead-sized obstacles.
fn dense_places() -> (Vec<LabelRequest>, Vec<Rect>) {
    let mut rng = SplitMix::new(0x9E37_79B9_7F4A_7C15);
    let requests = (0..200)
        .map(|_| LabelRequest {
            x: rng.next_f64() * 800.0,
            y: rng.next_f64() * 500.0,
            width: 40.0 + rng.next_f64() * 40.0,
            height: 14.0,
            radius: 2.0 + rng.next_f64() * 4.0,
            priority: (rng.next_f64() * 10.0).floor(),
        })
        .collect();
    let obstacles = (0..40)
        .map(|_| Rect::new(rng.next_f64() * 800.0, rng.next_f64() * 500.0, 8.0, 8.0))
        .collect();
    (requests, obstacles)
}

/// The same greedy placement, testing every candidate against everything: a reference
/// for the grid.
fn place_by_brute_force(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    viewport: Rect,
) -> Vec<Option<Placement>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| requests[b].priority.total_cmp(&requests[a].priority));
    let mut out = vec![None; requests.len()];
    let mut placed: Vec<Rect> = Vec::new();
    for i in order {
        let req = &requests[i];
        out[i] = candidates(*req, viewport).find_map(|(anchor, rect)| {
            let free = viewport.contains_rect(&rect)
                && !placed.iter().any(|p| p.intersects(&rect))
                && !obstacles.iter().any(|o| o.intersects(&rect))
                && !requests
                    .iter()
                    .any(|d| rect.overlaps_disc(d.x, d.y, d.radius));
            free.then_some(Placement { rect, anchor })
        });
        if let Some(p) = out[i] {
            placed.push(p.rect);
        }
    }
    out
}

#[test]
fn dense_labels_never_overlap_labels_dots_or_obstacles_and_stay_inside() {
    let (requests, obstacles) = dense_places();
    let out = place_labels(&requests, &obstacles, VIEWPORT);
    assert_eq!(out.len(), requests.len());
    let placed: Vec<Rect> = out.iter().flatten().map(|p| p.rect).collect();
    for (i, a) in placed.iter().enumerate() {
        assert!(VIEWPORT.contains_rect(a), "{a:?} leaves the viewport");
        for b in &placed[i + 1..] {
            assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
        }
        for d in &requests {
            assert!(!a.overlaps_disc(d.x, d.y, d.radius), "{a:?} covers {d:?}");
        }
        for o in &obstacles {
            assert!(!a.intersects(o), "{a:?} overlaps obstacle {o:?}");
        }
    }
    assert!(
        placed.len() * 10 >= requests.len() * 4,
        "only {} of {} placed",
        placed.len(),
        requests.len()
    );
}

#[test]
fn the_grid_places_exactly_what_testing_every_pair_would() {
    let (requests, obstacles) = dense_places();
    assert_eq!(
        place_labels(&requests, &obstacles, VIEWPORT),
        place_by_brute_force(&requests, &obstacles, VIEWPORT)
    );
}

#[test]
fn each_label_keeps_the_gap_from_its_own_dot() {
    let r = request(400.0, 250.0, 1.0);
    for anchor in Anchor::CANDIDATES {
        let rect = r.rect_at(anchor);
        assert!(!rect.overlaps_disc(r.x, r.y, r.radius + LABEL_GAP_PX - 1e-9));
        assert!(rect.overlaps_disc(r.x, r.y, r.radius + LABEL_GAP_PX + 1e-6));
    }
    assert_eq!(r.rect_at(Anchor::East), Rect::new(405.0, 243.0, 60.0, 14.0));
}

#[test]
fn the_highest_priority_label_is_placed_even_when_it_comes_last() {
    // Two points side by side: whichever goes first takes the east slot of the pair and
    // blocks the other's east and west.
    let low = request(100.0, 100.0, 1.0);
    let high = request(140.0, 100.0, 5.0);
    let out = place_labels(&[low, high], &[], VIEWPORT);
    assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::East));
    assert_ne!(out[0].map(|p| p.anchor), Some(Anchor::East));

    let (mut requests, obstacles) = dense_places();
    requests.push(request(400.0, 250.0, 100.0));
    let out = place_labels(&requests, &obstacles, VIEWPORT);
    assert!(
        out[200].is_some(),
        "the top label must be placed when it fits"
    );
}

#[test]
fn a_label_blocked_to_the_east_goes_west() {
    let r = request(200.0, 200.0, 1.0);
    let east = Rect::new(210.0, 195.0, 10.0, 10.0);
    let out = place_labels(&[r], &[east], VIEWPORT);
    let p = out[0].map(|p| p.anchor);
    assert_eq!(p, Some(Anchor::West));

    // With the west blocked too, the next free anchor is north.
    let west = Rect::new(180.0, 195.0, 10.0, 10.0);
    let out = place_labels(&[r], &[east, west], VIEWPORT);
    assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::North));
}

#[test]
fn a_label_near_the_right_edge_does_not_leave_the_viewport() {
    let r = request(790.0, 250.0, 1.0);
    let out = place_labels(&[r], &[], VIEWPORT);
    assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::West));
}

#[test]
fn a_long_label_above_a_dot_near_the_edge_slides_in_and_still_spans_its_dot() {
    // Blocked east and west by neighbours' dots, too long to centre above its dot.
    let long = LabelRequest {
        width: 300.0,
        ..request(700.0, 250.0, 2.0)
    };
    let west = request(640.0, 250.0, 1.0);
    let east = request(760.0, 250.0, 1.0);
    let out = place_labels(&[long, west, east], &[], VIEWPORT);
    let p = out[0].unwrap();
    assert_eq!(p.anchor, Anchor::North);
    assert!(VIEWPORT.contains_rect(&p.rect));
    assert!(p.rect.x <= 700.0 && p.rect.right() >= 700.0, "{:?}", p.rect);
}

#[test]
fn a_label_that_fits_nowhere_is_hidden() {
    let too_wide = LabelRequest {
        width: 900.0,
        ..request(400.0, 250.0, 1.0)
    };
    let boxed_in = request(100.0, 100.0, 1.0);
    let cover = Rect::new(0.0, 0.0, 300.0, 300.0);
    // The boxed-in point's dot lies under the cover, but so does every candidate position.
    let out = place_labels(&[too_wide, boxed_in], &[cover], VIEWPORT);
    assert_eq!(out, vec![None, None]);

    let nan = LabelRequest {
        x: f64::NAN,
        ..request(400.0, 250.0, 1.0)
    };
    assert_eq!(place_labels(&[nan], &[], VIEWPORT), vec![None]);
    let empty = Rect::new(0.0, 0.0, 0.0, 500.0);
    assert_eq!(
        place_labels(&[request(0.0, 0.0, 1.0)], &[], empty),
        vec![None]
    );
}

#[test]
fn the_same_input_gives_the_same_output() {
    let (requests, obstacles) = dense_places();
    let a = place_labels(&requests, &obstacles, VIEWPORT);
    let b = place_labels(&requests, &obstacles, VIEWPORT);
    assert_eq!(a, b);
}

#[test]
fn equal_priorities_keep_input_order() {
    // Two labels of one point compete for its east side: the first listed wins it.
    let long = request(300.0, 100.0, 2.0);
    let short = LabelRequest {
        width: 30.0,
        ..long
    };
    let out = place_labels(&[long, short], &[], VIEWPORT);
    assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::East));
    assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::West));
    let out = place_labels(&[short, long], &[], VIEWPORT);
    assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::East));
    assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::West));
}

#[test]
fn obstacles_reaching_in_from_outside_the_viewport_still_block() {
    let r = request(20.0, 20.0, 1.0);
    // A legend hanging over the top-left corner from outside covers every position above
    // the point and east of it; west would leave the viewport, and south slides in.
    let legend = Rect::new(-1_000.0, -1_000.0, 1_090.0, 1_020.0);
    let out = place_labels(&[r], &[legend], VIEWPORT);
    assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::South));
    assert!(out[0].is_some_and(|p| !p.rect.intersects(&legend)));
}
