//! How a figure is written for readers, on every surface (tooltip, place totals, summary, data
//! table, charts, downloads): its qualifier, its number at the precision of the readings behind
//! it, and its unit in the form the number's plural category asks for.
//!
//! # The rules
//! - **Qualifiers go with the figure**: a one-sided figure keeps its side ("at least 11,000
//!   troops", "as many as 9 million rounds"), a range its two ends, an estimate its "about".
//! - **No false precision**: a figure a source gives is written as given. A figure between two
//!   readings (interpolated, or a sum that includes one) is an estimate: rounded to whole
//!   things, then to the significant figures of the readings it comes from, never finer than
//!   two (a round reading such as "9 million" is read as given to two figures, the coarsest at
//!   which a figure growing day by day still moves: "about 8.6 million", not "8,605,479" nor a
//!   jump from "about 8 million" to "about 9 million"); it is marked as an estimate between
//!   the two dated figures it lies between.
//! - **Big numbers** are written with the scale word a newsroom uses: "9 million", "9 млн",
//!   "900만"; after such a number the unit takes the form the scale word asks for (the
//!   genitive plural in Ukrainian and Russian: "9 млн снарядів").
//! - **Counted forms** come from the data ([`crate::model::Unit::counted_form`]) by the CLDR
//!   plural category of the number as written ([`crate::plural`]).

use crate::i18n::{self, t, tf, Lang};
use crate::model::{Quantity, Unit};
use crate::plural::{plural, Plural};
use crate::series::{Estimate, When};

/// The least significant figures an estimate is written with (see the module's rules).
pub const ESTIMATE_MIN_DIGITS: u8 = 2;

/// Numbers from this size on are written with a scale word ("9 million").
const SCALED_FROM: f64 = 1_000_000.0;

/// A number as written in one language, with the plural category its unit follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The number as the reader sees it ("8.6 million", "11 000", "860만").
    pub text: String,
    /// The CLDR category the unit after it takes.
    pub plural: Plural,
}

/// `v` rounded to `digits` significant figures (`v` itself when `digits` is 0).
pub fn round_to_digits(v: f64, digits: u8) -> f64 {
    if digits == 0 || v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let step = 10f64.powi(magnitude + 1 - i32::from(digits));
    (v / step).round() * step
}

/// `v` with at most `decimals` decimals, trailing zeros dropped, `.` as decimal point.
fn plain(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// `v` (as rounded already) written the way `lang` writes numbers: digit groups below a
/// million ("11,000", "11 000"), a scale word from a million on ("8.6 million", "8,6 млн",
/// "860만"), up to two decimals for a fraction a source gives ("2.5").
pub fn write_number(v: f64, lang: Lang) -> Written {
    if !v.is_finite() {
        return Written {
            text: "?".into(),
            plural: Plural::Other,
        };
    }
    let comma = matches!(lang, Lang::Uk | Lang::Ru);
    let decimal = |s: String| if comma { s.replace('.', ",") } else { s };
    if v.abs() >= SCALED_FROM {
        let (text, plural) = match lang {
            Lang::Ko => (
                format!("{}만", group(plain(v / 10_000.0, 2), lang)),
                Plural::Other,
            ),
            Lang::En => (format!("{} million", plain(v / 1e6, 3)), Plural::Other),
            Lang::Uk | Lang::Ru => (
                format!("{}\u{a0}млн", decimal(plain(v / 1e6, 3))),
                Plural::Many,
            ),
        };
        return Written { text, plural };
    }
    let ascii = plain(v, 2);
    Written {
        plural: plural(lang, ascii.trim_start_matches('-')),
        text: decimal(group(ascii, lang)),
    }
}

/// Digit groups in the integer part of `ascii` ("11000.5" → "11,000.5"; a narrow no-break
/// space in Ukrainian and Russian).
fn group(ascii: String, lang: Lang) -> String {
    let (sign, rest) = match ascii.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", ascii.as_str()),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let sep = match lang {
        Lang::En | Lang::Ko => ",",
        Lang::Uk | Lang::Ru => "\u{202f}",
    };
    let mut out = String::from(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The number and its unit as `lang` writes them together, split where a qualifier goes:
/// `(before, body)` so that the phrase is `before + qualifier(body)` ("컨테이너 " + "약 6,700개").
fn with_unit(number: &Written, unit: Option<&Unit>, lang: &str) -> (String, String) {
    let Some(unit) = unit else {
        return (String::new(), number.text.clone());
    };
    let form = unit.counted_form(lang, number.plural);
    match form.split_once("{}") {
        Some((before, after)) => {
            // "900만" and a counter: a space, as Korean writes a counter after a unit word.
            let space = if number.text.ends_with(|c: char| !c.is_ascii_digit())
                && after.starts_with(|c: char| c.is_alphabetic())
            {
                " "
            } else {
                ""
            };
            (before.to_string(), format!("{}{space}{after}", number.text))
        }
        None => (String::new(), format!("{} {form}", number.text)),
    }
}

/// A figure's qualifier, as it is written around its number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A count a source gives exactly.
    Exact(f64),
    /// An approximate figure.
    About(f64),
    /// A floor.
    AtLeast(f64),
    /// A ceiling.
    AtMost(f64),
    /// Two ends.
    Range(f64, f64),
    /// An estimate with no ceiling: "about 3,900 or more".
    AboutOrMore(f64),
    /// An estimate with no floor: "up to about 8.6 million".
    UpToAbout(f64),
}

impl Shape {
    /// The figure as a source gives it.
    pub fn of_quantity(q: &Quantity) -> Option<Shape> {
        Some(match *q {
            Quantity::Exact(v) => Shape::Exact(v),
            Quantity::About(v) => Shape::About(v),
            Quantity::AtLeast(v) => Shape::AtLeast(v),
            Quantity::AtMost(v) => Shape::AtMost(v),
            Quantity::Range { low, high } => Shape::Range(low, high),
            Quantity::Unknown => return None,
        })
    }

    /// A machine-readable name of the qualifier, for downloads.
    pub fn name(&self) -> &'static str {
        match self {
            Shape::Exact(_) => "exact",
            Shape::About(_) => "about",
            Shape::AtLeast(_) => "at least",
            Shape::AtMost(_) => "as many as",
            Shape::Range(..) => "range",
            Shape::AboutOrMore(_) => "about, or more",
            Shape::UpToAbout(_) => "up to about",
        }
    }

    /// The numbers it writes: one, or a range's two ends.
    pub fn numbers(&self) -> (f64, Option<f64>) {
        match *self {
            Shape::Range(l, h) => (l, Some(h)),
            Shape::Exact(v)
            | Shape::About(v)
            | Shape::AtLeast(v)
            | Shape::AtMost(v)
            | Shape::AboutOrMore(v)
            | Shape::UpToAbout(v) => (v, None),
        }
    }

    /// The same shape with its numbers passed through `f`.
    fn map(self, f: impl Fn(f64) -> f64) -> Shape {
        match self {
            Shape::Exact(v) => Shape::Exact(f(v)),
            Shape::About(v) => Shape::About(f(v)),
            Shape::AtLeast(v) => Shape::AtLeast(f(v)),
            Shape::AtMost(v) => Shape::AtMost(f(v)),
            Shape::Range(l, h) => Shape::Range(f(l), f(h)),
            Shape::AboutOrMore(v) => Shape::AboutOrMore(f(v)),
            Shape::UpToAbout(v) => Shape::UpToAbout(f(v)),
        }
    }
}

/// `shape` with its number(s) and `unit` in `lang` ("at least 11,000 troops", "컨테이너 약
/// 6,700개", "щонайменше 21 контейнер"); without a unit, the numbers and qualifier alone.
pub fn phrase(shape: Shape, unit: Option<&Unit>, lang: &str) -> String {
    let l = Lang::from_code(lang);
    let (a, b) = shape.numbers();
    let first = write_number(a, l);
    if let Some(b) = b {
        let (before, body) = with_unit(&write_number(b, l), unit, lang);
        return format!("{before}{}", tf(l, "range_to", &[&first.text, &body]));
    }
    let (before, body) = with_unit(&first, unit, lang);
    let key = match shape {
        Shape::Exact(_) => return format!("{before}{body}"),
        Shape::About(_) => "about",
        Shape::AtLeast(_) => "at_least",
        Shape::AtMost(_) => "as_many_as",
        Shape::AboutOrMore(_) => "about_or_more",
        Shape::UpToAbout(_) => "up_to_about",
        Shape::Range(..) => "range_to",
    };
    format!("{before}{}", tf(l, key, &[&body]))
}

/// A quantity as its source gives it, with its unit ("as many as 9 million rounds"); "no figure
/// given" for none.
pub fn quantity_phrase(q: &Quantity, unit: Option<&Unit>, lang: &str) -> String {
    match Shape::of_quantity(q) {
        Some(shape) => phrase(shape, unit, lang),
        None => t(Lang::from_code(lang), "no_figure").to_string(),
    }
}

/// What a figure shown at a moment rests on, whatever it sums: enough to write it honestly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Basis {
    /// The central figure.
    pub value: f64,
    /// The floor; `None` where no figure sets one.
    pub low: Option<f64>,
    /// The ceiling; `None` where no figure sets one.
    pub high: Option<f64>,
    /// Significant figures of the readings behind it.
    pub digits: u8,
    /// Whether it is a count sources give exactly.
    pub exact: bool,
    /// Whether it is an estimate between readings rather than a figure a source gives.
    pub estimated: bool,
}

impl Basis {
    /// What an estimate of a series rests on; `None` when it has no number.
    pub fn of_estimate(e: &Estimate) -> Option<Basis> {
        Some(Basis {
            value: e.value?,
            low: e.low,
            high: e.high,
            digits: e.digits,
            exact: e.exact,
            estimated: e.between.is_some(),
        })
    }

    /// What a sum of streams at a moment rests on.
    pub fn of_total(t: &crate::totals::Total) -> Basis {
        Basis {
            value: t.value,
            low: (!t.open_low).then_some(t.low),
            high: t.high,
            digits: t.digits,
            exact: t.exact,
            estimated: t.estimated,
        }
    }

    /// The significant figures it may be written with: as many as its readings have, at
    /// least [`ESTIMATE_MIN_DIGITS`] for an estimate; `None` for exact counts, written whole.
    pub fn allowed_digits(&self) -> Option<u8> {
        (!self.exact).then_some(self.digits.max(ESTIMATE_MIN_DIGITS))
    }

    /// `v` rounded as this figure's numbers are written: whole and to the allowed significant
    /// figures for an estimate, to the allowed figures for readings, whole for exact counts.
    pub fn round(&self, v: f64) -> f64 {
        match self.allowed_digits() {
            Some(d) if self.estimated => round_to_digits(v.round(), d),
            Some(d) => round_to_digits(v, d),
            None => v.round(),
        }
    }

    /// The figure's qualifier and its numbers, rounded as the module's rules say.
    pub fn shape(&self) -> Shape {
        let round = |v: f64| self.round(v);
        let value = self.value;
        let shape = if self.estimated {
            match (self.low, self.high) {
                (Some(_), None) => Shape::AboutOrMore(value),
                (None, Some(_)) => Shape::UpToAbout(value),
                _ => Shape::About(value),
            }
        } else {
            match (self.low, self.high) {
                (Some(l), None) => Shape::AtLeast(l.max(0.0)),
                (None, Some(h)) => Shape::AtMost(h),
                (Some(l), Some(h)) if round(h) > round(l) => Shape::Range(l, h),
                _ if self.exact => Shape::Exact(value),
                _ => Shape::About(value),
            }
        };
        shape.map(round)
    }
}

/// How a figure at a moment is told: the figure with its qualifier and unit, and, for an
/// estimate, what it is an estimate between.
#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    /// "up to about 8.6 million rounds", "at least 11,000 troops".
    pub figure: String,
    /// For an estimate: "estimate for the day, spread evenly between the figures for …".
    pub estimate: Option<String>,
    /// The qualifier with its rounded numbers.
    pub shape: Shape,
}

/// An estimate of a series at a moment as readers are told it, with `unit` in `lang`; `None`
/// when it has no number.
pub fn tell_estimate(e: &Estimate, unit: Option<&Unit>, lang: &str) -> Option<Told> {
    let basis = Basis::of_estimate(e)?;
    let shape = basis.shape();
    let l = Lang::from_code(lang);
    let estimate = e.between.map(|[a, b]| {
        let date = |w: When| i18n::format_when(w.first, w.precision, l);
        let (from, to) = (date(a), date(b));
        if a.start && from == to {
            // "the figure for 2024", counted from the start of 2024.
            tf(l, "estimate_within", &[&to])
        } else if a.start {
            tf(l, "estimate_from_start", &[&from, &to])
        } else {
            tf(l, "estimate_between", &[&from, &to])
        }
    });
    let mut figure = phrase(shape, unit, lang);
    if let (true, Some(lo), Some(hi)) = (basis.estimated, e.low, e.high) {
        let (lo, hi) = (basis.round(lo), basis.round(hi));
        if hi > lo {
            let n = |v: f64| write_number(v, l).text;
            figure.push_str(&format!(" ({})", tf(l, "range_of", &[&n(lo), &n(hi)])));
        }
    }
    Some(Told {
        figure,
        estimate,
        shape,
    })
}

/// The number of significant figures in the numbers of `text` as a reader sees it ("about 8.6
/// million rounds": 2; "11 000": 2; "1,500 to 3,000": 2): the most in any one number. Digits
/// inside words are not counted; a digit group's separators and a decimal mark are part of
/// its number.
pub fn shown_digits(text: &str) -> u8 {
    let mut most = 0u8;
    let mut digits = String::new();
    let mut flush = |digits: &mut String| {
        let all = digits.trim_start_matches('0');
        let whole = all.trim_end_matches('0');
        most = most.max(whole.len() as u8);
        digits.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if matches!(c, ',' | '.' | '\u{202f}')
            && !digits.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            // A group separator or decimal mark within a number.
        } else if !digits.is_empty() {
            flush(&mut digits);
        }
    }
    if !digits.is_empty() {
        flush(&mut digits);
    }
    most
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Story;

    fn story() -> Story {
        crate::parse::load_json(
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
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
                                .all(|f| f.contains(|c: char| c.is_ascii_digit())
                                    && !f.contains("1 ")),
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
}
