//! What the page asks of a map, shared by `tests/unvalidated_scene.rs` and the fuzz target
//! `unvalidated` (fuzz/), which include this file.

use flowlines_core::details::{place_details, stream_details};
use flowlines_core::hit::hit;
use flowlines_core::keyboard::{flow_anchor, keyboard_flows};
use flowlines_core::raster::Raster;
use flowlines_core::scene::Scene;
use flowlines_core::stroke_mask::StrokeMask;
use flowlines_core::summary::summary;
use flowlines_core::table::table_rows;
use flowlines_core::Story;

/// What the page asks of a map, on a small canvas.
pub fn use_as_the_page_does(story: Story) {
    let (start, as_of, end) = (
        f64::from(story.story.start.first()),
        f64::from(story.story.as_of.last()),
        f64::from(story.story.end.last()),
    );
    let (streams, places) = (story.streams.len(), story.places.len());
    let mut scene = Scene::new(story);
    scene.resize(320.0, 200.0);
    let (mut raster, mut mask) = (Raster::new(320, 200), StrokeMask::new(320, 200));
    for day in [start, as_of, end] {
        scene.set_day(day);
        scene.frame(1.5);
        scene.paint_particles(&mut raster, 1.0, 2.5);
        scene.paint_flows(&mut raster, &mut mask, 1.0);
        scene.paint_routes(&mut raster, &mut mask, 1.0);
        scene.paint_outlines(&mut raster, &mut mask, 1.0);
        for (x, y) in [(10.0, 10.0), (160.0, 100.0), (300.0, 190.0), (-5.0, 400.0)] {
            let _ = hit(&scene, x, y);
        }
        for i in 0..streams + 1 {
            let _ = stream_details(&scene, i, "en");
            let _ = flow_anchor(&scene, i);
        }
        for i in 0..places + 1 {
            let _ = place_details(&scene, i, "ko");
        }
        let _ = keyboard_flows(&scene);
        let _ = scene.place_labels(&vec![40.0; places], 12.0);
        let _ = summary(&scene, "en");
        let _ = table_rows(&scene, "uk");
    }
    scene.zoom_at(160.0, 100.0, 4.0);
    scene.frame(2.5);
    scene.resize(0.0, 0.0);
    scene.frame(3.5);
}
