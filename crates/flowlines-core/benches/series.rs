//! How long the series and totals of a large story take at one moment.
//! Run: `cargo bench -p flowlines-core --bench series`.
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use flowlines_core::series::StorySeries;
use flowlines_core::synthetic::synthetic_story;
use flowlines_core::totals::{totals_at, TotalsIndex};
use std::hint::black_box;

fn series(c: &mut Criterion) {
    let story = synthetic_story(300, 100_000, 5, 42);
    let series = StorySeries::new(&story);
    let day = 19_900.5; // mid-2024
    let mut out = Vec::new();
    c.bench_function(
        "series_at: 100,000 streams x 5 observations, one moment",
        |b| {
            b.iter(|| {
                series.at_into(black_box(day), &mut out);
                black_box(out.len())
            })
        },
    );
    let index = TotalsIndex::new(&story);
    c.bench_function(
        "series and totals at one moment: 100,000 streams, per place and category",
        |b| {
            b.iter(|| {
                series.at_into(black_box(day), &mut out);
                black_box(index.sum(None, &out).len())
            })
        },
    );
    c.bench_function(
        "totals_at from scratch (index built each call): 100,000 streams",
        |b| b.iter(|| black_box(totals_at(&story, &series, black_box(day)).len())),
    );
    c.bench_function("StorySeries::new: 100,000 streams x 5 observations", |b| {
        b.iter(|| black_box(StorySeries::new(&story).len()))
    });
}

criterion_group!(benches, series);
criterion_main!(benches);
