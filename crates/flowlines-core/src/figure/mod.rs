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
use crate::series::{Estimate, When};

/// Numbers rounded, grouped and scaled.
mod number;

pub use number::{round_to_digits, shown_digits, write_number, Written};

/// The least significant figures an estimate is written with (see the module's rules).
pub const ESTIMATE_MIN_DIGITS: u8 = 2;

/// The number and its unit as `lang` writes them together, split where a qualifier goes:
/// `(before, body)` so that the phrase is `before + qualifier(body)` ("컨테이너 " + "약 6,700개").
fn with_unit(number: &Written, unit: Option<&Unit>, lang: &str) -> (String, String) {
    let Some(unit) = unit else {
        return (String::new(), number.text.clone());
    };
    let form = unit.counted_form(lang, number.plural);
    match crate::text::find(form, "{}").map(|i| (&form[..i], &form[i + 2..])) {
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

#[cfg(test)]
mod tests;
