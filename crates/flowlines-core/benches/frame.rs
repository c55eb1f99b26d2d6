#![allow(missing_docs, clippy::unwrap_used)]
//! How long one frame of the animated map takes in the core: placing every particle of a
//! synthetic story (`Scene::frame`) and rasterising them (`Scene::paint_particles`), at 10,000
//! and 100,000 flows on a 1200 x 700 map, as www/bench.html draws them; and the routes of the
//! static layer (`Scene::paint_routes`); and a 1,000-flow map's static layer, each flow drawn on
//! its own over the assumed routes' outlines (`Scene::paint_flows`), and those outlines alone
//! (`Scene::paint_outlines`, on a cleared raster).
//! Run: `cargo bench -p flowlines-core --bench frame`.

use criterion::{criterion_group, criterion_main, Criterion};
use flowlines_core::date::parse_day;
use flowlines_core::raster::Raster;
use flowlines_core::scene::Scene;
use flowlines_core::stroke_mask::StrokeMask;
use flowlines_core::synthetic::synthetic_story;
use std::hint::black_box;

/// A 1,000-flow map's static layer as the page draws it (up to 1,500 flows): the dotted
/// outlines of assumed routes, then each flow with its band, dashes and arrowhead.
fn flows_one_by_one(c: &mut Criterion) {
    let mut scene = Scene::new(synthetic_story(300, 1000, 5, 42));
    scene.resize(1200.0, 700.0);
    scene.set_day(f64::from(parse_day("2024-01-01").unwrap()));
    let mut raster = Raster::new(1200, 700);
    let mut mask = StrokeMask::new(1200, 700);
    c.bench_function("static layer: 1000 flows' outlines", |b| {
        b.iter(|| {
            raster.clear();
            scene.paint_outlines(&mut raster, &mut mask, 1.0)
        })
    });
    c.bench_function("static layer: 1000 flows one by one", |b| {
        b.iter(|| scene.paint_flows(&mut raster, &mut mask, 1.0))
    });
}

fn frame(c: &mut Criterion) {
    for flows in [10_000, 100_000] {
        let mut scene = Scene::new(synthetic_story(300, flows, 5, 42));
        scene.resize(1200.0, 700.0);
        scene.set_day(f64::from(parse_day("2024-01-01").unwrap()));
        let mut raster = Raster::new(1200, 700);
        let mut clock = 0.0;
        c.bench_function(&format!("place {flows} flows' particles"), |b| {
            b.iter(|| {
                clock += 1.0 / 60.0;
                scene.frame(black_box(clock));
            })
        });
        c.bench_function(&format!("rasterise {flows} flows' particles"), |b| {
            b.iter(|| scene.paint_particles(&mut raster, 1.0, 2.5))
        });
        let mut mask = StrokeMask::new(1200, 700);
        c.bench_function(&format!("static layer: {flows} flows' routes"), |b| {
            b.iter(|| scene.paint_routes(&mut raster, &mut mask, 1.0))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = flows_one_by_one, frame
}
criterion_main!(benches);
