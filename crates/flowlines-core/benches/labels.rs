#![allow(missing_docs, clippy::unwrap_used)]
//! How long placing a map's labels takes among many obstacles.
//! Run: `cargo bench -p flowlines-core --bench labels`.

use criterion::{criterion_group, criterion_main, Criterion};
use flowlines_core::labels::{place_labels, LabelRequest, Rect};
use flowlines_core::synthetic::SplitMix;
use std::hint::black_box;

fn labels(c: &mut Criterion) {
    let (w, h) = (1200.0, 700.0);
    let viewport = Rect::new(0.0, 0.0, w, h);
    let mut rng = SplitMix::new(42);
    let requests: Vec<LabelRequest> = (0..300)
        .map(|_| LabelRequest {
            x: rng.next_f64() * w,
            y: rng.next_f64() * h,
            width: 30.0 + rng.next_f64() * 60.0,
            height: 14.0,
            radius: 2.0 + rng.next_f64() * 6.0,
            priority: rng.next_f64() * 1_000.0,
        })
        .collect();
    // Arrowheads along 80 straight flows, 25 each, and a legend in the bottom-left corner.
    let mut obstacles: Vec<Rect> = Vec::with_capacity(2_000);
    for _ in 0..80 {
        let (x0, y0) = (rng.next_f64() * w, rng.next_f64() * h);
        let (x1, y1) = (rng.next_f64() * w, rng.next_f64() * h);
        for k in 0..25 {
            let f = (k as f64 + 0.5) / 25.0;
            let (x, y) = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
            obstacles.truncate(1_999);
            obstacles.push(Rect::new(x - 4.0, y - 4.0, 8.0, 8.0));
        }
    }
    obstacles.push(Rect::new(10.0, h - 130.0, 220.0, 120.0));
    let placed = place_labels(&requests, &obstacles, viewport)
        .iter()
        .filter(|p| p.is_some())
        .count();
    println!("{placed} of {} labels placed", requests.len());
    c.bench_function("place_labels: 300 labels, 2,000 obstacles, 1200x700", |b| {
        b.iter(|| {
            black_box(place_labels(
                black_box(&requests),
                black_box(&obstacles),
                viewport,
            ))
        })
    });
}

criterion_group!(benches, labels);
criterion_main!(benches);
