//! What a live map shows at a moment, as plain data: the day, the size, the zoom and pan, the
//! filters and the categories' colours. The page's second module (charts, downloads) keeps its own [`Scene`] of the
//! same story; before it draws, it is given the map's state, so that a chart's cursor and a
//! download show what the reader sees.
//!
//! [`Scene`]: crate::scene::Scene

use crate::model::Confidence;
use crate::scene::Scene;
use crate::view::View;
use serde::{Deserialize, Serialize};

/// A map's day, size, view and filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapState {
    /// The story day shown (days since 1970-01-01, fractions allowed).
    pub day: f64,
    /// The map's width and height in CSS pixels.
    pub size: (f64, f64),
    /// Zoom factor and shift in CSS pixels: `[k, tx, ty]` (see [`View`]).
    pub view: [f64; 3],
    /// Hidden category ids.
    pub hidden_categories: Vec<String>,
    /// Hidden confidences.
    pub hidden_confidences: Vec<Confidence>,
    /// Each category's colour (`0xRRGGBB`, in the story's order) as the map draws it: the
    /// theme's, with the story's and the host page's colours that passed the contrast rule.
    pub category_colors: Vec<u32>,
}

impl MapState {
    /// What `scene` shows now.
    pub fn of(scene: &Scene) -> MapState {
        let v = scene.view();
        let filters = scene.filters();
        MapState {
            day: scene.day(),
            size: scene.size(),
            view: [v.k, v.tx, v.ty],
            hidden_categories: filters.hidden_categories.clone(),
            hidden_confidences: filters.hidden_confidences.clone(),
            category_colors: scene.category_color().to_vec(),
        }
    }

    /// Makes `scene` (of the same story) show the same, changing only what differs.
    pub fn apply(&self, scene: &mut Scene) {
        if scene.size() != self.size {
            scene.resize(self.size.0, self.size.1);
        }
        let [k, tx, ty] = self.view;
        let view = View { k, tx, ty };
        if scene.view() != view {
            scene.set_view(view);
        }
        let ids: Vec<String> = scene
            .story()
            .categories
            .iter()
            .map(|c| c.id.clone())
            .collect();
        for id in ids {
            let hidden = self.hidden_categories.contains(&id);
            if scene.filters().hidden_categories.contains(&id) != hidden {
                scene.set_category_visible(&id, !hidden);
            }
        }
        for c in Confidence::ALL {
            let hidden = self.hidden_confidences.contains(&c);
            if scene.filters().hidden_confidences.contains(&c) != hidden {
                scene.set_confidence_visible(c, !hidden);
            }
        }
        if scene.category_color() != self.category_colors.as_slice() {
            scene.set_category_colors(&self.category_colors);
        }
        scene.set_day(self.day);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Theme;
    use crate::test_support::default_scene_at;

    #[test]
    fn a_second_scene_given_the_state_shows_what_the_first_shows() {
        let mut a = default_scene_at("2024-10-20");
        a.resize(900.0, 500.0);
        a.zoom_at(400.0, 200.0, 3.0);
        a.set_category_visible("troops", false);
        a.set_confidence_visible(Confidence::Claimed, false);
        a.set_colors(Theme::Light, &[("munitions".to_string(), 0x7a0019)]);
        let mut b = Scene::new(a.story().clone());
        MapState::of(&a).apply(&mut b);
        assert_eq!(MapState::of(&b), MapState::of(&a));
        assert_eq!(b.styles(), a.styles());
        assert_eq!(b.route_xy(), a.route_xy());
        assert_eq!(b.category_color(), a.category_color());
    }

    #[test]
    fn the_state_crosses_as_json_and_back() {
        let mut a = default_scene_at("2024-10-20");
        a.resize(640.0, 400.0);
        a.set_category_visible("munitions", false);
        let state = MapState::of(&a);
        let text = serde_json::to_string(&state).unwrap_or_default();
        assert_eq!(serde_json::from_str::<MapState>(&text).ok(), Some(state));
    }
}
