//! Keyboard access to the flows: which flows the keyboard steps through, and where a flow
//! chosen with the keyboard is shown, so the page can highlight it and open its details next
//! to it without pointing at it.

use crate::scene::Scene;

/// Where along a route its anchor is looked for, as shares of its length, nearest the middle
/// first.
const ALONG: [f64; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];

/// The flows the keyboard steps through: those drawn at the current day with the current
/// filters, in the story's order (indices of streams).
pub fn keyboard_flows(scene: &Scene) -> Vec<usize> {
    scene
        .styles()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.visible)
        .map(|(i, _)| i)
        .collect()
}

/// Where flow `i`'s details appear when it is chosen with the keyboard, (x, y) in CSS pixels:
/// the middle of its route as drawn (where its `?` mark sits) or, when the map is zoomed so
/// that the middle is off screen, the point of the route nearest the middle that is on screen;
/// its unknown mark's place when no such point is on screen; `None` for no such flow.
pub fn flow_anchor(scene: &Scene, i: usize) -> Option<(f32, f32)> {
    let (w, h) = scene.size();
    if let Some(route) = scene.route(i).filter(|r| r.length() > 0.0) {
        let len = route.length();
        for f in ALONG {
            let ((x, y), _) = route.at(len * f);
            if (0.0..=w).contains(&x) && (0.0..=h).contains(&y) {
                return Some((x as f32, y as f32));
            }
        }
    }
    scene
        .mark_xy()
        .get(i * 4..i * 4 + 2)
        .map(|xy| (xy[0], xy[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::default_scene_at;

    fn on_screen((x, y): (f32, f32)) -> bool {
        (0.0..=1000.0).contains(&x) && (0.0..=600.0).contains(&y)
    }

    #[test]
    fn every_visible_flow_has_an_anchor_on_its_route_and_on_screen() {
        let scene = default_scene_at("2024-10-20");
        let flows = keyboard_flows(&scene);
        assert!(flows.len() >= 5, "{flows:?}");
        for &i in &flows {
            let a = flow_anchor(&scene, i);
            assert!(a.is_some_and(on_screen), "{a:?}");
            let distance =
                a.and_then(|(x, y)| scene.route(i).map(|r| r.distance_to(x.into(), y.into())));
            assert!(
                distance.is_some_and(|d| d < 1.0),
                "on the route: {distance:?}"
            );
        }
    }

    #[test]
    fn a_flow_that_does_not_exist_has_no_anchor() {
        let scene = default_scene_at("2024-10-20");
        assert_eq!(flow_anchor(&scene, 10_000), None);
    }

    #[test]
    fn zoomed_in_an_anchor_moves_to_a_part_of_the_route_on_screen() {
        let mut scene = default_scene_at("2024-10-20");
        let i = keyboard_flows(&scene)[0];
        let Some((x, y)) = flow_anchor(&scene, i) else {
            unreachable!("a visible flow has an anchor")
        };
        scene.zoom_at(f64::from(x), f64::from(y), 6.0);
        scene.pan_by(300.0, 0.0);
        let b = flow_anchor(&scene, i);
        let any_point_on_screen = scene.route(i).is_some_and(|r| {
            r.points()
                .iter()
                .any(|&(x, y)| (0.0..=1000.0).contains(&x) && (0.0..=600.0).contains(&y))
        });
        assert!(b.is_some());
        assert!(b.is_some_and(on_screen) || !any_point_on_screen, "{b:?}");
    }

    #[test]
    fn hiding_a_category_takes_its_flows_out_of_the_keyboards_round() {
        let mut scene = default_scene_at("2024-10-20");
        let before = keyboard_flows(&scene).len();
        scene.set_category_visible("munitions", false);
        assert!(keyboard_flows(&scene).len() < before);
    }
}
