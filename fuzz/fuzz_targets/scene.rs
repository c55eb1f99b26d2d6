//! The scene and the static map of whatever story parses: laid out, moved in time, zoomed,
//! animated and drawn as SVG, which must be well-formed XML.
#![no_main]

use flowlines_chart::map::{map_area, render_map, MapOptions};
use flowlines_core::scene::Scene;
use libfuzzer_sys::fuzz_target;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(story) = flowlines_core::parse::load_json("fuzz.json", text) else {
        return;
    };
    let day = f64::from(story.story.as_of.last());
    let mut scene = Scene::new(story.clone());
    scene.resize(800.0, 500.0);
    scene.set_day(day);
    scene.zoom_at(400.0, 250.0, 4.0);
    scene.frame(1.5);
    let _ = scene.place_labels(&vec![40.0; story.places.len()], 12.0);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, 600)).into_drawing_area();
        let mut scene = Scene::new(story);
        scene.set_day(day);
        let options = MapOptions::default();
        let Ok(area) = map_area(&root, &scene, &options) else {
            return;
        };
        scene.resize(area.width, area.height);
        if render_map(&root, &scene, &options).is_err() {
            return;
        }
        let _ = root.present();
    }
    if let Err(e) = roxmltree::Document::parse(&svg) {
        panic!("the static map is not well-formed XML: {e}");
    }
});
