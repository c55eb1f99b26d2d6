//! What the unit tests of several modules share: the default story as the page shows it, and
//! a reading of a stream of containers.
#![allow(clippy::unwrap_used)]

use crate::date::parse_day;
use crate::model::{Claimant, Confidence, Measure, Observation, Quantity};
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

/// A reading of stream "s" in containers over `period` (a date or `from/to`), reported at the
/// period's end by one claimant citing source "doc".
pub(crate) fn reading(
    quantity: Quantity,
    measure: Measure,
    period: &str,
    confidence: Confidence,
) -> Observation {
    Observation {
        id: format!("o-{period}"),
        stream: "s".into(),
        quantity,
        unit: "containers".into(),
        measure,
        period: period.parse().unwrap(),
        reported: period.rsplit('/').next().unwrap().parse().unwrap(),
        claimant: std::sync::Arc::new(Claimant {
            name: "someone".into(),
            role: None,
            party: "somewhere".into(),
        }),
        source: "doc".into(),
        confidence,
        denials: vec![],
        note: None,
        quote: None,
    }
}

/// Every valid story under data/ (its fixtures and examples included), as the plain reader
/// reads it: file name, text, story.
pub(crate) fn valid_stories_in_data() -> Vec<(String, String, crate::model::Story)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let mut found = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if let Ok(story) = crate::parse::read_plain(&text) {
                    found.push((path.display().to_string(), text, story));
                }
            }
        }
    }
    found
}
