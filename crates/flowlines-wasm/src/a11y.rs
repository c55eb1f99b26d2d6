//! Keyboard access to the flows: where a flow chosen with the keyboard is shown, so the page can
//! highlight it and open its details next to it without pointing at it.

use crate::FlowMap;
use wasm_bindgen::prelude::*;

/// Where along a route its anchor is looked for, nearest the middle first.
const ALONG: [f64; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];

#[wasm_bindgen]
impl FlowMap {
    /// Where stream `i`'s details should appear when it is chosen with the keyboard: `[x, y]`
    /// in CSS pixels, the middle of its route as drawn (where its `?` mark sits), or the point
    /// of the route nearest the middle that is on screen when the map is zoomed; empty for no
    /// such stream.
    pub fn flow_anchor(&self, i: usize) -> Vec<f32> {
        let scene = &self.scene;
        let (w, h) = scene.size();
        if let Some(route) = scene.route(i).filter(|r| r.length() > 0.0) {
            let len = route.length();
            for f in ALONG {
                let ((x, y), _) = route.at(len * f);
                if (0.0..=w).contains(&x) && (0.0..=h).contains(&y) {
                    return vec![x as f32, y as f32];
                }
            }
        }
        scene
            .mark_xy()
            .get(i * 4..i * 4 + 2)
            .map(<[f32]>::to_vec)
            .unwrap_or_default()
    }

    /// The streams the keyboard steps through: those drawn at the current day with the current
    /// filters, in the story's order.
    pub fn visible_flows(&self) -> Vec<u32> {
        self.scene
            .styles()
            .iter()
            .enumerate()
            .filter(|(_, s)| s.visible)
            .map(|(i, _)| i as u32)
            .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::FlowMap;

    #[allow(clippy::panic)]
    fn map_at(date: &str) -> FlowMap {
        let text = include_str!("../../../data/nk-russia.json");
        let Ok(mut map) = FlowMap::new("nk-russia.json", text) else {
            panic!("the default story loads");
        };
        map.resize(1000.0, 600.0, 1.0);
        let Ok(day) = flowlines_core::date::parse_day(date) else {
            panic!("a date");
        };
        map.set_day(f64::from(day));
        map
    }

    #[test]
    fn every_visible_flow_has_an_anchor_on_its_route_and_on_screen() {
        let map = map_at("2024-10-20");
        let flows = map.visible_flows();
        assert!(flows.len() >= 5, "{flows:?}");
        for &i in &flows {
            let a = map.flow_anchor(i as usize);
            assert_eq!(a.len(), 2);
            assert!((0.0..=1000.0).contains(&a[0]) && (0.0..=600.0).contains(&a[1]));
            let route = map
                .scene
                .route(i as usize)
                .map(|r| r.distance_to(a[0].into(), a[1].into()));
            assert!(route.is_some_and(|d| d < 1.0), "on the route: {route:?}");
        }
        assert!(map.flow_anchor(10_000).is_empty());
    }

    #[test]
    fn zoomed_in_an_anchor_moves_to_a_part_of_the_route_on_screen() {
        let mut map = map_at("2024-10-20");
        let i = map.visible_flows()[0] as usize;
        let a = map.flow_anchor(i);
        map.zoom_at(f64::from(a[0]), f64::from(a[1]), 6.0);
        map.pan_by(300.0, 0.0);
        let b = map.flow_anchor(i);
        assert_eq!(b.len(), 2);
        let on_screen = (0.0..=1000.0).contains(&b[0]) && (0.0..=600.0).contains(&b[1]);
        let any_point_on_screen = map.scene.route(i).is_some_and(|r| {
            r.points()
                .iter()
                .any(|&(x, y)| (0.0..=1000.0).contains(&x) && (0.0..=600.0).contains(&y))
        });
        assert!(on_screen || !any_point_on_screen, "{b:?}");
    }

    #[test]
    fn hiding_a_category_takes_its_flows_out_of_the_keyboards_round() {
        let mut map = map_at("2024-10-20");
        let before = map.visible_flows().len();
        map.set_category_visible("munitions", false);
        assert!(map.visible_flows().len() < before);
    }
}
