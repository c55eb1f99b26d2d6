//! Synthetic stories of any size, for benchmarks: places scattered over Eurasia and streams
//! between them with running-total observations, reproducible from a seed.

use crate::date::DateSpec;
use crate::model::{
    Category, Claimant, Confidence, Measure, Names, Observation, Place, Precision, Quantity,
    Source, Story, StoryMeta, Stream, Text, Unit,
};
use std::sync::Arc;

/// A small reproducible pseudo-random generator (SplitMix64): benchmarks need the same story
/// every run, not good randomness.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next number, uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// The next whole number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_f64() * n as f64) as usize).min(n.saturating_sub(1))
    }
}

fn names(en: String) -> Names {
    Names {
        en,
        ..Names::default()
    }
}

/// `prefix` and then `n` in decimal digits: the synthetic story's ids and names. Written digit
/// by digit, not with `format!`: at 100,000 flows the story has 1.3 million of them, and
/// `format!`'s machinery (a call through the formatter for each piece) took about 60 ms of its
/// first making in Chromium (5 December 2026).
fn numbered(prefix: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut text = String::with_capacity(prefix.len() + digits.len() - at);
    text.push_str(prefix);
    // ASCII digits: always UTF-8.
    text.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    text
}

/// A story of `places` places between 30° E and 135° E, 35° N and 62° N, and `streams` streams
/// of four categories (each with its own unit), each with `observations` running-total readings
/// spread over 2022 to mid-2025, every one of them valid.
pub fn synthetic_story(places: usize, streams: usize, observations: usize, seed: u64) -> Story {
    let mut rng = SplitMix::new(seed);
    let day = |d: i32| DateSpec::from_day(d);
    let start = 18_993; // 2022-01-01
    let end = 20_269; // 2025-06-30
    let categories = ["munitions", "troops", "petroleum", "air_defence"];
    let units = ["containers", "troops", "barrels", "systems"];
    let mut story = Story {
        story: StoryMeta {
            id: "synthetic".into(),
            title: Text::Plain(format!("{streams} synthetic flows among {places} places")),
            summary: None,
            as_of: day(end),
            version: "1.0.0".into(),
            start: day(start),
            end: day(end),
            open_at: None,
            credit: None,
            caveat: Some(Text::Plain("Synthetic data for benchmarks.".into())),
            corrections: vec![],
            projection: None,
        },
        sources: vec![Source {
            id: "synthetic".into(),
            file: "generated".into(),
            outlet: None,
            title: Text::Plain("Generated".into()),
            published: day(end),
            published_inferred: None,
        }],
        ..Story::default()
    };
    story.categories = categories
        .iter()
        .map(|c| Category {
            id: (*c).into(),
            names: names((*c).into()),
            color: None,
        })
        .collect();
    story.units = units
        .iter()
        .map(|u| Unit {
            id: (*u).into(),
            names: names((*u).into()),
            counted: None,
        })
        .collect();
    story.places = (0..places)
        .map(|i| Place {
            id: numbered("p", i),
            names: names(numbered("Place ", i)),
            label: None,
            lon: 30.0 + rng.next_f64() * 105.0,
            lat: 35.0 + rng.next_f64() * 27.0,
            precision: Precision::City,
            country: "XX".into(),
            note: None,
        })
        .collect();
    let span = (end - start) as f64;
    // What every reading shares: its unit (one per category), claimant and source, each made
    // once and pointed at, as a reader of a real story may share them.
    let unit_ids: Vec<Arc<str>> = units.iter().map(|&u| u.into()).collect();
    let claimant = Arc::new(Claimant {
        name: "generator".into(),
        role: None,
        party: "none".into(),
    });
    let source: Arc<str> = "synthetic".into();
    // Room for every stream and reading at once: grown one push at a time, the readings'
    // column was copied over and over, a third of the story's making at 100,000 streams.
    story.streams.reserve_exact(streams);
    story.observations.reserve_exact(streams * observations);
    for s in 0..streams {
        let from = rng.below(places);
        let mut to = rng.below(places);
        if to == from {
            to = (to + 1) % places.max(2);
        }
        let k = s % categories.len();
        let id = numbered("s", s);
        let stream_id: Arc<str> = id.as_str().into();
        let reading_prefix = format!("{id}-o");
        story.streams.push(Stream {
            id: id.clone(),
            label: Text::Plain(numbered("Stream ", s)),
            category: categories[k].into(),
            unit: units[k].into(),
            from: numbered("p", from),
            to: numbered("p", to),
            route: None,
            destination: Default::default(),
            part_of: None,
            sanctions: vec![],
            note: None,
        });
        // Every stream counts from the story's first weeks to its last ones, with readings evenly
        // spaced and random amounts between them: on any day in between, every flow moves,
        // at a rate that varies from stream to stream and reading to reading.
        let origin = start + (rng.next_f64() * span * 0.03) as i32;
        // Written out once per stream: every reading's period starts on it.
        let since = day(origin);
        let step = (span * 0.95 / observations.max(1) as f64) as i32;
        let mut total = 0.0;
        let mut last = origin;
        for o in 0..observations {
            last += step.max(1) + (rng.next_f64() * 5.0) as i32;
            total += 1.0 + (rng.next_f64() * 1000.0).round();
            let quantity = if o % 3 == 2 {
                Quantity::AtLeast(total)
            } else {
                Quantity::About(total)
            };
            let reported = day(last.min(end));
            story.observations.push(Observation {
                id: numbered(&reading_prefix, o),
                stream: stream_id.clone(),
                quantity,
                unit: unit_ids[k].clone(),
                measure: Measure::Cumulative,
                period: crate::date::Period {
                    start: since.clone(),
                    end: reported.clone(),
                },
                reported,
                claimant: claimant.clone(),
                source: source.clone(),
                confidence: Confidence::Reported,
                denials: vec![],
                note: None,
                quote: None,
            });
        }
    }
    story
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_synthetic_flow_moves_in_the_middle_of_the_story_with_about_four_particles() {
        let story = synthetic_story(300, 2000, 5, 42);
        let mut scene = crate::scene::Scene::new(story);
        scene.resize(1200.0, 700.0);
        scene.set_day(19_723.0); // 2024-01-01
        scene.frame(0.0);
        let per_flow = scene.particle_stream().len() as f64 / 2000.0;
        assert!(
            (3.0..=5.0).contains(&per_flow),
            "{per_flow} particles per flow"
        );
    }

    #[test]
    fn synthetic_ids_and_names_are_numbered_in_decimal() {
        assert_eq!(numbered("p", 0), "p0");
        assert_eq!(numbered("Stream ", 1_234_567), "Stream 1234567");
        assert_eq!(numbered("s", usize::MAX), format!("s{}", usize::MAX));
        let story = synthetic_story(20, 12, 3, 1);
        assert_eq!(story.places[13].id, "p13");
        assert_eq!(story.streams[11].id, "s11");
        assert_eq!(story.streams[11].label, Text::Plain("Stream 11".into()));
        assert!(story.streams[11].from.starts_with('p'));
        assert_eq!(story.observations[35].id, "s11-o2");
    }

    #[test]
    fn a_synthetic_story_is_valid_and_the_same_for_the_same_seed() {
        let a = synthetic_story(50, 200, 5, 7);
        assert!(crate::validate::validate(&a).is_empty());
        assert_eq!(a.streams.len(), 200);
        assert_eq!(a.observations.len(), 1000);
        assert_eq!(a, synthetic_story(50, 200, 5, 7));
    }
}
