//! The binary compact story read back as postcard wrote it: every field and variant of the
//! model, what readings share, and every way a file can be cut short or crafted.

use super::*;
use crate::compact::{binary_story, MAGIC};

fn date(text: &str) -> DateSpec {
    text.parse().unwrap_or_default()
}

fn names(en: &str) -> Names {
    Names {
        en: en.into(),
        ko: format!("{en} ko"),
        uk: format!("{en} uk"),
        ru: format!("{en} ru"),
    }
}

fn localised(en: &str) -> Text {
    Text::Localised(Box::new(names(en)))
}

fn claimant(name: &str) -> Claimant {
    Claimant {
        name: name.into(),
        role: Some(localised("role")),
        party: localised("party"),
    }
}

/// A story with every field of the model given (no `..Default::default()`: a field the
/// model gains must be added here) and every variant of every enum used.
fn every_field_and_variant() -> Story {
    let quote = Some(Quote {
        text: "said so".into(),
        line: 70_000,
    });
    let place = |id: &str, precision| Place {
        id: id.into(),
        names: names(id),
        label: Some(names("label")),
        lon: -179.999_999_999,
        lat: f64::MIN_POSITIVE,
        precision,
        country: "KP".into(),
        note: Some("note".into()),
    };
    let route = |id: &str, mode, path| Route {
        id: id.into(),
        from: "a".into(),
        to: "b".into(),
        mode,
        path,
        waypoints: vec![[1.5, -2.25], [3.0, 4.0]],
        countries: vec!["RU".into(), "KP".into()],
        note: None,
    };
    let stream = |id: &str, destination| Stream {
        id: id.into(),
        label: localised(id),
        category: "c".into(),
        unit: "u".into(),
        from: "a".into(),
        to: "b".into(),
        route: Some("r0".into()),
        destination,
        part_of: Some("s0".into()),
        sanctions: vec!["x".into()],
        note: Some(localised("stream note")),
    };
    let quantities = [
        Quantity::Exact(1.0),
        Quantity::About(2.5),
        Quantity::AtLeast(3e9),
        Quantity::AtMost(-0.0),
        Quantity::Range {
            low: 1.0,
            high: 2.0,
        },
        Quantity::Unknown,
    ];
    let observations = quantities
        .iter()
        .zip(Confidence::ALL.iter().cycle())
        .enumerate()
        .map(|(i, (&quantity, &confidence))| Observation {
            id: format!("o{i}"),
            stream: Arc::from(if i < 3 { "s0" } else { "s1" }),
            quantity,
            unit: Arc::from("u"),
            measure: [Measure::Cumulative, Measure::InPeriod][i % 2],
            period: "2024-01/2024-Q2".parse().unwrap_or_else(|_| Period {
                start: date("2024"),
                end: date("2024"),
            }),
            reported: date("2024-summer"),
            claimant: Arc::new(claimant(if i < 4 { "a" } else { "b" })),
            source: Arc::from("doc"),
            confidence,
            denials: vec![Denial {
                by: claimant("denier"),
                date: date("2024-H2"),
                source: "doc".into(),
                note: Some("denied".into()),
                quote: quote.clone(),
            }],
            note: Some(localised("reading note")),
            quote: quote.clone(),
        })
        .collect();
    let plural = PluralForms {
        one: Some("one".into()),
        few: Some("few".into()),
        many: None,
        other: "other".into(),
    };
    Story {
        story: StoryMeta {
            id: "every".into(),
            title: localised("title"),
            summary: Some("summary".into()),
            as_of: date("2025-05-30"),
            version: "1.2.3".into(),
            start: date("2022"),
            end: date("2025-12"),
            open_at: Some(date("2024-10-03")),
            credit: Some("credit".into()),
            caveat: Some(localised("caveat")),
            corrections: vec![Correction {
                date: date("2025-01"),
                text: "fixed".into(),
            }],
            projection: Some(ProjectionSpec {
                kind: ProjectionKind::Azimuthal,
                center: Some([100.0, 50.0]),
                parallels: Some([40.0, 60.0]),
            }),
        },
        sources: vec![Source {
            id: "doc".into(),
            file: "doc.md".into(),
            outlet: Some("outlet".into()),
            title: localised("doc"),
            published: date("2024-Q3"),
            published_inferred: Some("inferred".into()),
        }],
        places: vec![
            place("a", Precision::Facility),
            place("b", Precision::City),
            place("c", Precision::Region),
            place("d", Precision::Country),
        ],
        categories: vec![Category {
            id: "c".into(),
            names: names("category"),
            color: Some("#123456".into()),
        }],
        units: vec![Unit {
            id: "u".into(),
            names: names("unit"),
            counted: Some(CountedNames {
                en: Some(CountedForm::Same("{} units".into())),
                ko: None,
                uk: Some(CountedForm::ByPlural(plural.clone())),
                ru: Some(CountedForm::ByPlural(plural)),
            }),
        }],
        routes: vec![
            route("r0", Mode::Sea, PathCertainty::Known),
            route("r1", Mode::Rail, PathCertainty::Assumed),
            route("r2", Mode::Air, PathCertainty::Endpoints),
            route("r3", Mode::Road, PathCertainty::Known),
            route("r4", Mode::Unknown, PathCertainty::Known),
        ],
        streams: vec![
            stream("s0", Destination::Reported),
            stream("s1", Destination::Inferred),
        ],
        observations,
        sanctions: vec![Sanction {
            id: "x".into(),
            resolution: "2397".into(),
            year: -2017,
            paragraph: "4, 5".into(),
            text: localised("ban"),
            source: "doc".into(),
        }],
        events: vec![Event {
            id: "e".into(),
            date: date("2024-06-19"),
            place: Some("a".into()),
            label: localised("event"),
            source: "doc".into(),
        }],
        steps: vec![crate::steps::Step {
            id: "step".into(),
            date: date("2024-10"),
            categories: Some(vec!["c".into()]),
            stream: Some("s0".into()),
            place: None,
            fit: vec!["a".into(), "b".into()],
            extent: Some([30.0, 40.0, 140.0, 60.0]),
            text: localised("step"),
        }],
    }
}

/// The binary form of `story` without its magic line, as [`story_of`] reads it.
fn body(story: &Story) -> Vec<u8> {
    let bytes = binary_story(story).unwrap_or_default();
    bytes[MAGIC.len()..].to_vec()
}

#[test]
fn a_story_with_every_field_and_variant_reads_back_as_postcard_wrote_it() {
    let story = every_field_and_variant();
    assert_eq!(story_of(&body(&story)), Ok(story));
}

#[test]
fn readings_citing_what_the_reading_before_cited_share_it() {
    let read = story_of(&body(&every_field_and_variant())).unwrap_or_default();
    let o = &read.observations;
    assert!(Arc::ptr_eq(&o[0].stream, &o[2].stream) && !Arc::ptr_eq(&o[2].stream, &o[3].stream));
    assert!(Arc::ptr_eq(&o[0].unit, &o[5].unit) && Arc::ptr_eq(&o[1].source, &o[4].source));
    assert!(Arc::ptr_eq(&o[0].claimant, &o[3].claimant));
    assert!(!Arc::ptr_eq(&o[3].claimant, &o[4].claimant));
}

#[test]
fn a_story_cut_short_anywhere_is_refused_and_one_byte_more_too() {
    let bytes = body(&every_field_and_variant());
    for end in 0..bytes.len() {
        let read = story_of(&bytes[..end]);
        assert!(read.is_err(), "cut at {end} of {}", bytes.len());
    }
    let longer = [&bytes[..], &[0]].concat();
    assert_eq!(story_of(&longer), Err("1 bytes after its end".into()));
}

#[test]
fn a_count_larger_than_the_bytes_left_is_refused_before_anything_is_reserved() {
    // The story's id claims 2^63 bytes; then the sources claim 2^40 items.
    let huge_text = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
    assert_eq!(
        story_of(&huge_text),
        Err("it ends before the story does".into())
    );
    let mut bytes = body(&Story::default());
    // The story's record, then ten lists' counts (sources to steps), each 0 here.
    let at = bytes.len() - 10;
    assert_eq!(bytes[at..], [0; 10]);
    bytes.splice(at..at + 1, [0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    assert_eq!(
        story_of(&bytes),
        Err("it ends before the story does".into())
    );
}

#[test]
fn a_variant_past_the_last_and_an_option_marked_two_are_refused_by_name() {
    let story = every_field_and_variant();
    let good = body(&story);
    // The title's variant (0 plain, 1 in several languages) follows the story's id.
    let at = 1 + story.story.id.len();
    let mut bad = good.clone();
    bad[at] = 2;
    assert_eq!(story_of(&bad), Err("a variant 2 of 2".into()));
    let mut bad = good;
    let summary = at + body_len_of_title(&story);
    bad[summary] = 2;
    assert_eq!(
        story_of(&bad),
        Err("an optional value marked neither absent nor present".into())
    );
}

/// The bytes of the story's title as written (its variant, then its four names).
fn body_len_of_title(story: &Story) -> usize {
    let Text::Localised(n) = &story.story.title else {
        return 0;
    };
    1 + [&n.en, &n.ko, &n.uk, &n.ru]
        .iter()
        .map(|s| 1 + s.len())
        .sum::<usize>()
}
