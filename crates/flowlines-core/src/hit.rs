//! Which place or flow is under a point of the map.

use crate::polyline::length;
use crate::scene::{Scene, PLACE_RADIUS_PX};

/// How far from a dot or a line a pointer still hits it, in CSS pixels (fingers are wide).
pub const SLOP_PX: f64 = 5.0;

/// What is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "index")]
pub enum Hit {
    /// The place with this index in the story.
    Place(usize),
    /// The stream with this index in the story.
    Stream(usize),
}

/// The place or visible stream under (`x`, `y`) CSS pixels, if any. Places win over streams
/// (they are small and lie on top); among streams the nearest to its edge wins.
pub fn hit(scene: &Scene, x: f64, y: f64) -> Option<Hit> {
    let places = scene.place_xy();
    let mut best_place: Option<(f64, usize)> = None;
    for (i, p) in places.chunks_exact(2).enumerate() {
        let d = length(f64::from(p[0]) - x, f64::from(p[1]) - y);
        if d <= PLACE_RADIUS_PX + SLOP_PX && best_place.is_none_or(|(b, _)| d < b) {
            best_place = Some((d, i));
        }
    }
    if let Some((_, i)) = best_place {
        return Some(Hit::Place(i));
    }
    let mut best: Option<(f64, usize)> = None;
    for (i, style) in scene.styles().iter().enumerate() {
        if !style.visible {
            continue;
        }
        let Some(route) = scene.route(i) else {
            continue;
        };
        let half = style.width_high.max(style.width) / 2.0;
        let d = route.distance_to(x, y) - half;
        if d <= SLOP_PX && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, i));
        }
    }
    best.map(|(_, i)| Hit::Stream(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::default_scene_at;

    fn scene() -> Scene {
        default_scene_at("2024-10-20")
    }

    #[test]
    fn a_point_on_a_dot_hits_its_place() {
        let s = scene();
        let i = s
            .story()
            .places
            .iter()
            .position(|p| p.id == "vladivostok")
            .unwrap();
        let (x, y) = (
            f64::from(s.place_xy()[2 * i]),
            f64::from(s.place_xy()[2 * i + 1]),
        );
        assert_eq!(hit(&s, x + 2.0, y - 1.0), Some(Hit::Place(i)));
    }

    #[test]
    fn a_point_on_a_route_hits_its_stream_and_empty_sea_hits_nothing() {
        let s = scene();
        // A visible stream and a point of its route well away from every other flow and place.
        let isolated = |i: usize| {
            let route = s.route(i)?;
            (1..20)
                .map(|k| route.at(route.length() * f64::from(k) / 20.0).0)
                .find(|&(x, y)| {
                    (0..s.styles().len())
                        .filter(|&j| j != i)
                        .all(|j| s.route(j).is_none_or(|r| r.distance_to(x, y) > 20.0))
                        && s.place_xy()
                            .chunks_exact(2)
                            .all(|p| length(f64::from(p[0]) - x, f64::from(p[1]) - y) > 20.0)
                })
        };
        let (i, (x, y)) = (0..s.styles().len())
            .filter(|&i| s.styles()[i].visible)
            .find_map(|i| Some((i, isolated(i)?)))
            .unwrap();
        assert_eq!(hit(&s, x, y), Some(Hit::Stream(i)));
        assert_eq!(hit(&s, 2.0, 598.0), None);
    }

    #[test]
    fn a_hidden_stream_is_not_hit() {
        let mut s = scene();
        let i = s
            .story()
            .streams
            .iter()
            .position(|x| x.id == "troops-deployed")
            .unwrap();
        let route = s.route(i).unwrap().clone();
        let ((x, y), _) = route.at(route.length() * 0.4);
        s.set_category_visible("troops", false);
        assert_ne!(hit(&s, x, y), Some(Hit::Stream(i)));
    }
}
