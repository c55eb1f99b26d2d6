//! What the unit tests of several modules share: the default story as the page shows it.
#![allow(clippy::unwrap_used)]

use crate::date::parse_day;
use crate::parse::load_json;
use crate::scene::Scene;

/// The default story (data/nk-russia.json) on a 1000 x 600 map at `date` (YYYY-MM-DD).
pub(crate) fn default_scene_at(date: &str) -> Scene {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    let mut scene = Scene::new(story);
    scene.resize(1000.0, 600.0);
    scene.set_day(f64::from(parse_day(date).unwrap()));
    scene
}
