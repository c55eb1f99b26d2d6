//! What a reader is told about clusters, in the map's languages: what a cluster holds ("37
//! places: Lyon, Paris, Nantes and 34 more"), a flow between clusters, and the flows summed
//! rather than drawn ("and 1,204 smaller flows totalling about 52,000 containers").
//! Counted texts take the form of their number's CLDR plural category ([`crate::plural`]).

use crate::figure::{phrase, round_to_digits, write_number, Shape};
use crate::i18n::{tf, Lang};
use crate::model::Unit;

use super::flows::Rest;

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
