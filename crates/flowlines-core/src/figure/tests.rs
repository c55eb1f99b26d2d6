//! Figures tested in every language: scale words, counted forms, qualifiers and rounding
//! of estimates.

use super::*;
use crate::model::Story;

fn story() -> Story {
    crate::parse::load_json(
        "nk-russia.json",
        include_str!("../../../../data/nk-russia.json"),
    )
    .unwrap_or_default()
}

fn unit<'a>(story: &'a Story, id: &str) -> &'a Unit {
    story
        .units
        .iter()
        .find(|u| u.id == id)
        .unwrap_or(&story.units[0])
}

#[test]
fn big_numbers_are_written_with_the_scale_word_a_newsroom_uses() {
    assert_eq!(write_number(9_000_000.0, Lang::En).text, "9 million");
    assert_eq!(write_number(8_600_000.0, Lang::Ru).text, "8,6\u{a0}млн");
    assert_eq!(write_number(9_000_000.0, Lang::Ko).text, "900만");
    assert_eq!(write_number(11_000.0, Lang::Uk).text, "11\u{202f}000");
    assert_eq!(write_number(1_500.0, Lang::En).text, "1,500");
    assert_eq!(write_number(2.5, Lang::Ru).text, "2,5");
}

#[test]
fn every_unit_is_counted_in_every_language_by_the_plural_category_of_its_number() {
    let story = story();
    let numbers = [1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 25.0, 1.5];
    // Containers, written out in full in each language.
    let containers = unit(&story, "containers");
    let said = |lang: &str| -> Vec<String> {
        numbers
            .iter()
            .map(|&v| phrase(Shape::Exact(v), Some(containers), lang))
            .collect()
    };
    assert_eq!(
        said("en"),
        [
            "1 container",
            "2 containers",
            "5 containers",
            "11 containers",
            "21 containers",
            "22 containers",
            "25 containers",
            "1.5 containers"
        ]
    );
    assert_eq!(
        said("ru"),
        [
            "1 контейнер",
            "2 контейнера",
            "5 контейнеров",
            "11 контейнеров",
            "21 контейнер",
            "22 контейнера",
            "25 контейнеров",
            "1,5 контейнера"
        ]
    );
    assert_eq!(
        said("uk"),
        [
            "1 контейнер",
            "2 контейнери",
            "5 контейнерів",
            "11 контейнерів",
            "21 контейнер",
            "22 контейнери",
            "25 контейнерів",
            "1,5 контейнера"
        ]
    );
    assert_eq!(
        said("ko"),
        [
            "컨테이너 1개",
            "컨테이너 2개",
            "컨테이너 5개",
            "컨테이너 11개",
            "컨테이너 21개",
            "컨테이너 22개",
            "컨테이너 25개",
            "컨테이너 1.5개"
        ]
    );
    // Every unit: one form per category where the language has them, a counter in Korean,
    // never "1 containers".
    for u in &story.units {
        for lang in ["en", "ko", "uk", "ru"] {
            let forms: Vec<String> = numbers
                .iter()
                .map(|&v| phrase(Shape::Exact(v), Some(u), lang))
                .collect();
            for f in &forms {
                assert!(
                    !f.contains("{}") && f.chars().any(char::is_alphabetic),
                    "{} {lang}: {f}",
                    u.id
                );
            }
            let word = |i: usize| {
                forms[i]
                    .split_once(' ')
                    .map_or(forms[i].clone(), |x| x.1.to_string())
            };
            match lang {
                "en" => {
                    assert_ne!(word(0), word(1), "{}: {:?}", u.id, forms);
                    assert_eq!(word(1), word(7), "{}: 1.5 takes the plural", u.id);
                }
                "uk" | "ru" => {
                    // one (1, 21), few (2, 22), many (5, 11, 25), other (1.5).
                    assert_eq!(word(0), word(4), "{} {lang}: {forms:?}", u.id);
                    assert_eq!(word(1), word(5), "{} {lang}: {forms:?}", u.id);
                    assert_eq!(word(2), word(3), "{} {lang}: {forms:?}", u.id);
                    assert_eq!(word(2), word(6), "{} {lang}: {forms:?}", u.id);
                    assert_ne!(word(0), word(2), "{} {lang}: {forms:?}", u.id);
                    // (few and many may share a form: "2 военнослужащих", "5 военнослужащих")
                    assert_ne!(word(7), word(2), "{} {lang}: 1.5 is not 'many'", u.id);
                }
                _ => {
                    // A counter attached to the number: "1개", "1명", "1발".
                    assert!(
                        forms
                            .iter()
                            .all(|f| f.contains(|c: char| c.is_ascii_digit()) && !f.contains("1 ")),
                        "{}: {forms:?}",
                        u.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_figure_keeps_its_qualifier_in_every_language() {
    let story = story();
    let rounds = unit(&story, "rounds");
    let nine = Quantity::AtMost(9_000_000.0);
    assert_eq!(
        quantity_phrase(&nine, Some(rounds), "en"),
        "as many as 9 million rounds"
    );
    assert_eq!(quantity_phrase(&nine, Some(rounds), "ko"), "최대 900만 발");
    assert_eq!(
        quantity_phrase(&nine, Some(rounds), "uk"),
        "щонайбільше 9\u{a0}млн снарядів"
    );
    assert_eq!(
        quantity_phrase(&nine, Some(rounds), "ru"),
        "максимум 9\u{a0}млн снарядов"
    );
    let troops = unit(&story, "troops");
    let floor = Quantity::AtLeast(21.0);
    assert_eq!(
        quantity_phrase(&floor, Some(troops), "ru"),
        "как минимум 21 военнослужащий"
    );
    assert_eq!(quantity_phrase(&floor, Some(troops), "ko"), "최소 21명");
}

#[test]
fn an_estimate_is_rounded_to_its_readings_and_keeps_its_open_side() {
    let between = Basis {
        value: 8_605_479.0,
        low: None,
        high: Some(8_605_479.0),
        digits: 1,
        exact: false,
        estimated: true,
    };
    let story = story();
    let rounds = unit(&story, "rounds");
    assert_eq!(
        phrase(between.shape(), Some(rounds), "en"),
        "up to about 8.6 million rounds"
    );
    let troops = Basis {
        value: 3_910.0,
        low: Some(3_910.0),
        high: None,
        digits: 2,
        exact: false,
        estimated: true,
    };
    assert_eq!(
        phrase(troops.shape(), Some(unit(&story, "troops")), "en"),
        "about 3,900 troops or more"
    );
    assert_eq!(shown_digits("up to about 8.6 million rounds"), 2);
    assert_eq!(shown_digits("about 3,900 troops or more"), 2);
    assert_eq!(shown_digits("8,605,479 rounds"), 7);
    assert_eq!(shown_digits("11\u{202f}000 and 1,500"), 2);
}
