//! Generators of hostile or merely large stories, one per class that once hung or crashed the
//! reader, each at a size `n`: the tests run each at `n` and `4n` and check that time grows
//! linearly, and that every one ends with a story or located problems (see
//! `tests/hostile.rs` in this crate and in `flowlines-cli`).

use crate::parse::CSV_TABLES;
use crate::synthetic::synthetic_story;
use serde_json::{json, Value};

/// A class of hostile input and its generator.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    /// A short name for messages.
    pub name: &'static str,
    /// The story at size `n`, as a JSON text.
    pub make: fn(usize) -> String,
    /// The size at which the scaling test runs it (and at 4 times this).
    pub n: usize,
    /// A size at which it once took over a minute or crashed (before the caps and the linear
    /// reader), which the command line's test runs.
    pub big: usize,
}

/// Every JSON class.
pub const CLASSES: [Class; 9] = [
    Class {
        name: "one long line",
        make: one_line,
        n: 500,
        big: 20_000,
    },
    Class {
        name: "unknown fields",
        make: unknown_fields,
        n: 5_000,
        big: 80_000,
    },
    Class {
        name: "overlapping periods",
        make: overlapping_periods,
        n: 2_000,
        big: 20_000,
    },
    Class {
        name: "part_of chain",
        make: part_of_chain,
        n: 2_000,
        big: 50_000,
    },
    Class {
        name: "long route",
        make: long_route,
        n: 5_000,
        big: 100_000,
    },
    Class {
        name: "shared route",
        make: shared_route,
        n: 100,
        big: 2_000,
    },
    Class {
        name: "control characters",
        make: control_characters,
        n: 2_000,
        big: 100_000,
    },
    Class {
        name: "deep nesting in a text",
        make: deep_text,
        n: 20_000,
        big: 1_000_000,
    },
    Class {
        name: "bad entities",
        make: bad_entities,
        n: 1_000,
        big: 20_000,
    },
];

/// The smallest valid story: two places, one category and unit, one source; `extra` sets or
/// adds sections.
fn skeleton(extra: &[(&str, Value)]) -> Value {
    let mut v = json!({
        "story": {"id": "hostile", "title": "Hostile", "as_of": "2025-01-01", "version": "1.0.0",
                  "start": "2023-01-01", "end": "2025-01-01"},
        "sources": [{"id": "s", "document": "d", "title": "t", "published": "2024"}],
        "places": [
            {"id": "a", "names": {"en": "A"}, "lon": 125.0, "lat": 39.0, "precision": "city", "country": "KP"},
            {"id": "b", "names": {"en": "B"}, "lon": 36.0, "lat": 51.0, "precision": "city", "country": "RU"}
        ],
        "categories": [{"id": "c", "names": {"en": "C"}}],
        "units": [{"id": "u", "names": {"en": "U"}}]
    });
    for (k, x) in extra {
        v[*k] = x.clone();
    }
    v
}

fn stream(id: &str, extra: Value) -> Value {
    let mut s =
        json!({"id": id, "label": id, "category": "c", "unit": "u", "from": "a", "to": "b"});
    if let (Value::Object(m), Value::Object(e)) = (&mut s, extra) {
        m.extend(e);
    }
    s
}

fn observation(id: usize, stream: &str, start: &str, end: &str) -> Value {
    json!({"id": format!("o{id}"), "stream": stream, "quantity": {"exact": 1}, "unit": "u",
           "measure": "in_period", "period": format!("{start}/{end}"), "reported": "2025-01-01",
           "claimant": {"name": "x", "party": "y"}, "source": "s", "confidence": "reported"})
}

/// A valid story of `n` streams among `n / 10` places, minified onto one line (a few hundred
/// bytes per stream: `4n` = 20,000 is about 20 MB).
pub fn one_line(n: usize) -> String {
    let story = synthetic_story((n / 10).max(2), n, 5, 7);
    serde_json::to_string(&story).unwrap_or_default()
}

/// One place with `n` unknown fields.
pub fn unknown_fields(n: usize) -> String {
    let mut place = json!({"id": "z", "names": {"en": "Z"}, "lon": 1.0, "lat": 1.0,
                           "precision": "city", "country": "RU"});
    if let Value::Object(m) = &mut place {
        for i in 0..n {
            m.insert(format!("field{i}"), json!(i));
        }
    }
    let mut v = skeleton(&[]);
    if let Some(places) = v["places"].as_array_mut() {
        places.push(place);
    }
    v.to_string()
}

/// One stream with `n` amounts whose periods all overlap one another.
pub fn overlapping_periods(n: usize) -> String {
    let day = |d: usize| {
        format!(
            "{}-{:02}-{:02}",
            2023 + d / 336,
            1 + (d / 28) % 12,
            1 + d % 28
        )
    };
    let observations: Vec<Value> = (0..n)
        .map(|i| observation(i, "s0", &day(i % 300), &day(300 + i % 300)))
        .collect();
    skeleton(&[
        ("streams", json!([stream("s0", json!({}))])),
        ("observations", Value::Array(observations)),
    ])
    .to_string()
}

/// `n` streams, each part of the one before.
pub fn part_of_chain(n: usize) -> String {
    let streams: Vec<Value> = (0..n)
        .map(|i| {
            let extra = if i == 0 {
                json!({})
            } else {
                json!({"part_of": format!("s{}", i - 1)})
            };
            stream(&format!("s{i}"), extra)
        })
        .collect();
    skeleton(&[("streams", Value::Array(streams))]).to_string()
}

/// A route of `n` waypoints zigzagging across Eurasia (each leg thousands of kilometres, so
/// densifying them at 50 km would add a hundred points each), with one stream on it.
pub fn long_route(n: usize) -> String {
    let waypoints: Vec<Value> = (0..n)
        .map(|i| {
            let t = i as f64 / n.max(1) as f64;
            json!([40.0 + 80.0 * t, if i % 2 == 0 { 35.0 } else { 65.0 }])
        })
        .collect();
    skeleton(&[
        (
            "routes",
            json!([{"id": "r", "from": "a", "to": "b", "mode": "rail", "path": "known",
                           "waypoints": waypoints}]),
        ),
        ("streams", json!([stream("s0", json!({"route": "r"}))])),
    ])
    .to_string()
}

/// One route of 1,000 waypoints shared by `n` streams.
pub fn shared_route(n: usize) -> String {
    let waypoints: Vec<Value> = (0..1_000)
        .map(|i| {
            json!([
                120.0 - 0.08 * f64::from(i),
                40.0 + 0.01 * f64::from(i % 100)
            ])
        })
        .collect();
    let streams: Vec<Value> = (0..n)
        .map(|i| stream(&format!("s{i}"), json!({"route": "r"})))
        .collect();
    skeleton(&[
        (
            "routes",
            json!([{"id": "r", "from": "a", "to": "b", "mode": "rail", "path": "known",
                           "waypoints": waypoints}]),
        ),
        ("streams", Value::Array(streams)),
    ])
    .to_string()
}

/// `n` places whose names hold control characters, written as escapes.
pub fn control_characters(n: usize) -> String {
    let places: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("p{i}"), "names": {"en": format!("P\u{1}\u{8}\u{1b}{i}")},
                   "lon": 1.0, "lat": 1.0, "precision": "city", "country": "RU"})
        })
        .collect();
    skeleton(&[("places", Value::Array(places))]).to_string()
}

/// A story whose title is nested `n` arrays deep.
pub fn deep_text(n: usize) -> String {
    let title = format!("{}\"x\"{}", "[".repeat(n), "]".repeat(n));
    let text = skeleton(&[]).to_string();
    text.replacen("\"title\":\"Hostile\"", &format!("\"title\":{title}"), 1)
}

/// `n` streams, each with several wrong fields, an unknown reference and a duplicate id.
pub fn bad_entities(n: usize) -> String {
    let streams: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": "dup", "label": 5, "category": "nope", "unit": [], "from": "a",
                   "to": "a", "route": "ghost", "extra": i})
        })
        .collect();
    skeleton(&[("streams", Value::Array(streams))]).to_string()
}

/// A story as CSV tables whose places table has a column nested `n` dots deep, then `n`
/// more columns.
pub fn csv_nested_header(n: usize) -> Vec<(String, String)> {
    let mut header = vec![vec!["a"; n + 1].join(".")];
    header.extend((0..n).map(|i| format!("c{i}")));
    let row = vec!["1"; n + 1].join(",");
    let story =
        "id,title,as_of,version,start,end\nh,Hostile,2025-01-01,1.0.0,2023-01-01,2025-01-01\n";
    let mut files = vec![("story.csv".to_string(), story.to_string())];
    files.push((
        format!("{}.csv", CSV_TABLES[2]),
        format!("{}\n{row}\n", header.join(",")),
    ));
    files
}
