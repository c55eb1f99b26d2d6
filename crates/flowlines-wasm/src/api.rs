//! What the `<flowlines-map>` element's API asks the core (www/js/commands.js): a stream's id
//! and index, a view fitted to a set of places, the part of the globe shown, and the
//! categories' colours for a theme with the host page's own. The shell does no arithmetic on
//! the view or on colours: each answer is the core's.

use crate::FlowMap;
use flowlines_core::style::{parse_color_list, Theme};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The index of the stream with id `id`, or `undefined` when the story has none.
    pub fn stream_index(&self, id: &str) -> Option<usize> {
        self.scene.story().streams.iter().position(|s| s.id == id)
    }

    /// The id of stream `i`, or `undefined` for no such stream.
    pub fn stream_id(&self, i: usize) -> Option<String> {
        self.scene.story().streams.get(i).map(|s| s.id.clone())
    }

    /// Zooms and pans so that the places `ids` fill the map, centred (the core's
    /// `Scene::fit_places`); throws, changing nothing, when the list is empty or names a place
    /// the story does not have.
    pub fn fit_places(&mut self, ids: Vec<String>) -> Result<(), JsError> {
        self.focus_inset(false);
        self.scene.fit_places(&ids).map_err(|e| JsError::new(&e))
    }

    /// The part of the globe the map shows, `[west, south, east, north]` in degrees.
    pub fn extent(&self) -> Vec<f64> {
        let mut scene = &self.scene;
        if self.inset_focused {
            if let Some(main) = self.inset.as_ref() {
                scene = main; // the scenes are swapped while the inset is focused
            }
        }
        scene.extent().to_vec()
    }

    /// Colours the categories for `theme` ("light" or "dark") with the host page's `colors`
    /// (`"munitions:#b30000 troops:#005a9c"`): each pair, and each colour of the story's own,
    /// reaching 3:1 against the theme's land and sea is used, every other one is refused and
    /// its category keeps its default colour. Returns a sentence for each refusal.
    pub fn set_colors(&mut self, theme: &str, colors: &str) -> Vec<String> {
        let theme = Theme::of_name(theme);
        let (kept, mut refused) = parse_color_list(colors, theme);
        let known: Vec<String> = self
            .scene
            .story()
            .categories
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let (kept, unknown): (Vec<_>, Vec<_>) =
            kept.into_iter().partition(|(id, _)| known.contains(id));
        for (id, _) in unknown {
            refused.push(format!("{id}: no such category in the story"));
        }
        let mut story_refused = Vec::new();
        self.on_both(|s| {
            story_refused = s.set_colors(theme, &kept);
            false
        });
        refused.extend(story_refused);
        refused
    }
}
