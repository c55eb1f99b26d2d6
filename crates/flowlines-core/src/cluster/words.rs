//! What a reader is told about clusters, in the map's languages: what a cluster holds ("37
//! places: Lyon, Paris, Nantes and 34 more"), a flow between clusters, and the flows summed
//! rather than drawn ("and 1,204 smaller flows totalling about 52,000 containers").
//! Counted texts take the form of their number's CLDR plural category ([`crate::plural`]).

use crate::figure::{phrase, round_to_digits, write_number, Shape};
use crate::i18n::{fill, Lang};
use crate::model::Unit;

use super::flows::Rest;

/// Every text of this module with its English, Korean, Ukrainian and Russian, as
/// [`crate::i18n::MESSAGES`] keeps the map's: apart, so that a map module that does not
/// cluster does not carry them. Counted texts have a key per CLDR plural category.
pub const WORDS: &[(&str, [&str; 4])] = &[
    (
        "cluster_places_one",
        [
            "{} place: {}",
            "장소 {}곳: {}",
            "{} місце: {}",
            "{} место: {}",
        ],
    ),
    (
        "cluster_places_few",
        [
            "{} places: {}",
            "장소 {}곳: {}",
            "{} місця: {}",
            "{} места: {}",
        ],
    ),
    (
        "cluster_places_many",
        [
            "{} places: {}",
            "장소 {}곳: {}",
            "{} місць: {}",
            "{} мест: {}",
        ],
    ),
    (
        "cluster_places_other",
        [
            "{} places: {}",
            "장소 {}곳: {}",
            "{} місця: {}",
            "{} места: {}",
        ],
    ),
    (
        "and_more",
        ["{} and {} more", "{} 외 {}곳", "{} та ще {}", "{} и ещё {}"],
    ),
    (
        "flows_count_one",
        ["{} flow", "흐름 {}개", "{} потік", "{} поток"],
    ),
    (
        "flows_count_few",
        ["{} flows", "흐름 {}개", "{} потоки", "{} потока"],
    ),
    (
        "flows_count_many",
        ["{} flows", "흐름 {}개", "{} потоків", "{} потоков"],
    ),
    (
        "flows_count_other",
        ["{} flows", "흐름 {}개", "{} потоку", "{} потока"],
    ),
    (
        "without_figure",
        [
            "{} without a figure",
            "수치 없음 {}개",
            "без даних: {}",
            "без данных: {}",
        ],
    ),
    (
        "rest_flows_one",
        [
            "and {} smaller flow totalling {}",
            "작은 흐름 {}개 더, 합계 {}",
            "і ще {} менший потік, разом {}",
            "и ещё {} меньший поток, всего {}",
        ],
    ),
    (
        "rest_flows_few",
        [
            "and {} smaller flows totalling {}",
            "작은 흐름 {}개 더, 합계 {}",
            "і ще {} менші потоки, разом {}",
            "и ещё {} меньших потока, всего {}",
        ],
    ),
    (
        "rest_flows_many",
        [
            "and {} smaller flows totalling {}",
            "작은 흐름 {}개 더, 합계 {}",
            "і ще {} менших потоків, разом {}",
            "и ещё {} меньших потоков, всего {}",
        ],
    ),
    (
        "rest_flows_other",
        [
            "and {} smaller flows totalling {}",
            "작은 흐름 {}개 더, 합계 {}",
            "і ще {} меншого потоку, разом {}",
            "и ещё {} меньшего потока, всего {}",
        ],
    ),
];

/// The text of `key` in `lang` with its `{}` filled in order by `values` ([`fill`]).
fn tf(lang: Lang, key: &str, values: &[&str]) -> String {
    let i = match lang {
        Lang::En => 0,
        Lang::Ko => 1,
        Lang::Uk => 2,
        Lang::Ru => 3,
    };
    let template = WORDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, texts)| texts[i]);
    fill(template, values)
}

/// How many member names a cluster's description lists before "and N more".
pub const NAMES_LISTED: usize = 3;

/// Significant figures a summed figure is rounded to: sums of estimates are not exact counts.
pub const SUM_DIGITS: u8 = 3;

/// The catalogue key `base` with the plural category of `n` in `lang` ("cluster_places_few").
fn counted(lang: Lang, base: &str, n: usize) -> String {
    let written = write_number(n as f64, lang);
    let form = match written.plural {
        crate::plural::Plural::One => "one",
        crate::plural::Plural::Few => "few",
        crate::plural::Plural::Many => "many",
        crate::plural::Plural::Other => "other",
    };
    format!("{base}_{form}")
}

/// `n` written as `lang` writes numbers ("1,204", "1 204").
fn number(n: usize, lang: Lang) -> String {
    write_number(n as f64, lang).text
}

/// What a cluster of the places named `names` (its largest first) holds: the name alone for a
/// single place, else "37 places: Lyon, Paris, Nantes and 34 more".
pub fn cluster_description(names: &[&str], lang: Lang) -> String {
    if let [only] = names {
        return (*only).to_string();
    }
    let listed = names.len().min(NAMES_LISTED);
    let mut list = names[..listed].join(", ");
    if names.len() > listed {
        list = tf(
            lang,
            "and_more",
            &[&list, &number(names.len() - listed, lang)],
        );
    }
    tf(
        lang,
        &counted(lang, "cluster_places", names.len()),
        &[&number(names.len(), lang), &list],
    )
}

/// A cluster's short name, for a flow's title: the name alone for a single place, else its
/// largest place's and how many more ("Lyon and 36 more").
pub fn cluster_short(names: &[&str], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_string(),
        [first, more @ ..] => tf(lang, "and_more", &[first, &number(more.len(), lang)]),
    }
}

/// A summed figure in its unit ("about 52,000 containers", "컨테이너 약 5만 2,000개").
pub fn sum_phrase(total: f64, unit: Option<&Unit>, lang: Lang) -> String {
    phrase(
        Shape::About(round_to_digits(total, SUM_DIGITS)),
        unit,
        lang.code(),
    )
}

/// "12 flows" (with "3 without a figure" after it when some have none).
pub fn flow_count(flows: usize, unknown: usize, lang: Lang) -> String {
    let text = tf(
        lang,
        &counted(lang, "flows_count", flows),
        &[&number(flows, lang)],
    );
    if unknown == 0 {
        return text;
    }
    format!(
        "{text} · {}",
        tf(lang, "without_figure", &[&number(unknown, lang)])
    )
}

/// The flows not drawn, summed per unit ("and 1,204 smaller flows totalling about 52,000
/// containers, about 3,100 troops"); `None` when every flow is drawn. `unit_of` gives a
/// [`Rest`]'s unit.
pub fn rest_line<'a>(
    rest: &[Rest],
    unit_of: impl Fn(u32) -> Option<&'a Unit>,
    lang: Lang,
) -> Option<String> {
    let streams: usize = rest.iter().map(|r| r.streams as usize).sum();
    if streams == 0 {
        return None;
    }
    let sums: Vec<String> = rest
        .iter()
        .filter(|r| r.streams > 0)
        .map(|r| sum_phrase(r.total, unit_of(r.unit), lang))
        .collect();
    let list = sums.join(", ");
    Some(tf(
        lang,
        &counted(lang, "rest_flows", streams),
        &[&number(streams, lang), &list],
    ))
}
