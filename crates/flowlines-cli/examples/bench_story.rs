//! Writes the map benchmark's synthetic story as plain arrays, for the plain-JavaScript
//! reference page (`www/bench/reference.html`), which draws the same story without our core.
//!
//! ```text
//! cargo run -q -p flowlines-cli --example bench_story -- PLACES FLOWS SEED YYYY-MM-DD OUT.json
//! ```
//!
//! The story is the one `FlowMap.synthetic(PLACES, FLOWS, SEED)` gives the benchmark page
//! (`synthetic_story(PLACES, FLOWS, 5, SEED)`), at the same day. What the core decides is
//! written as it decided it, so that both pages draw the same thing: each flow's colour, line
//! style, width and visibility, and how many particles it carries on that day. Geometry is
//! left out on purpose: the reference page computes its own routes with d3-geo.
//!
//! Output: `{places, flows, seed, day, lonlat: [lon, lat, ...], from: [place index, ...],
//! to, color: [0xRRGGBB, ...], style: [0 solid .. 3 faint, ...], width: [CSS px, ...],
//! visible: [0 | 1, ...], particles: [count, ...]}`, one entry per flow in story order.

use flowlines_core::date::parse_day;
use flowlines_core::scene::Scene;
use flowlines_core::synthetic::synthetic_story;
use std::collections::HashMap;
use std::process::ExitCode;

/// Readings per synthetic stream, as the wasm boundary's `FlowMap.synthetic` uses.
const OBSERVATIONS: usize = 5;
/// The benchmark's map size in CSS pixels (the particle counts do not depend on it).
const SIZE: (f64, f64) = (1200.0, 700.0);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [places, flows, seed, day, out] = args.as_slice() else {
        eprintln!("usage: bench_story PLACES FLOWS SEED YYYY-MM-DD OUT.json");
        return ExitCode::from(2);
    };
    match write(places, flows, seed, day, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_story: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(places: &str, flows: &str, seed: &str, day: &str, out: &str) -> Result<(), String> {
    let number = |s: &str| s.parse::<u64>().map_err(|e| format!("{s}: {e}"));
    let (places, flows, seed) = (number(places)?, number(flows)?, number(seed)?);
    let places = usize::try_from(places.max(2)).map_err(|e| e.to_string())?;
    let flows = usize::try_from(flows).map_err(|e| e.to_string())?;
    let day_number = parse_day(day).map_err(|e| format!("{day}: {e}"))?;

    let story = synthetic_story(places, flows, OBSERVATIONS, seed);
    let mut scene = Scene::new(story);
    scene.resize(SIZE.0, SIZE.1);
    scene.set_day(f64::from(day_number));
    scene.frame(0.0);

    let story = scene.story();
    let index: HashMap<&str, usize> = story
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let place_of = |id: &str| index.get(id).copied().ok_or(format!("no place {id}"));
    let mut from = Vec::with_capacity(flows);
    let mut to = Vec::with_capacity(flows);
    for s in &story.streams {
        from.push(place_of(&s.from)?);
        to.push(place_of(&s.to)?);
    }
    let mut particles = vec![0u32; story.streams.len()];
    for &s in scene.particle_stream() {
        if let Some(n) = particles.get_mut(s as usize) {
            *n += 1;
        }
    }
    let styles = scene.styles();
    let json = serde_json::json!({
        "places": places,
        "flows": flows,
        "seed": seed,
        "day": day,
        "lonlat": story.places.iter().flat_map(|p| [p.lon, p.lat]).collect::<Vec<_>>(),
        "from": from,
        "to": to,
        "color": scene.stream_color(),
        "style": styles.iter().map(|s| s.style.code()).collect::<Vec<_>>(),
        "width": styles.iter().map(|s| (s.width * 100.0).round() / 100.0).collect::<Vec<_>>(),
        "visible": styles.iter().map(|s| u8::from(s.visible)).collect::<Vec<_>>(),
        "particles": particles,
    });
    let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))
}
