//! Numbers as a newsroom writes them: rounded to significant figures, grouped in each
//! language's way, big ones with a scale word ("9 million", "9 млн", "900만").

use crate::decimal::{at_most, magnitude};
use crate::i18n::Lang;
use crate::plural::{plural, Plural};

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
    let step = 10f64.powi(magnitude(v) + 1 - i32::from(digits));
    (v / step).round() * step
}

/// `v` (as rounded already) written the way `lang` writes numbers: digit groups below a
/// million ("11,000", "11 000"), a scale word from a million on ("8.6 million", "8,6 млн",
/// "860만"), up to two decimals for a fraction a source gives ("2.5").
///
/// ```
/// use flowlines_core::figure::write_number;
/// use flowlines_core::i18n::Lang;
/// use flowlines_core::plural::Plural;
///
/// assert_eq!(write_number(11000.0, Lang::En).text, "11,000");
/// assert_eq!(write_number(11000.0, Lang::Ru).text, "11\u{202f}000");
/// let shells = write_number(8_600_000.0, Lang::Uk); // "8,6 млн снарядів"
/// assert_eq!((shells.text.as_str(), shells.plural), ("8,6\u{a0}млн", Plural::Many));
/// assert_eq!(write_number(8_600_000.0, Lang::Ko).text, "860만");
/// ```
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
                format!("{}만", group(at_most(v / 10_000.0, 2), lang)),
                Plural::Other,
            ),
            Lang::En => (format!("{} million", at_most(v / 1e6, 3)), Plural::Other),
            Lang::Uk | Lang::Ru => (
                format!("{}\u{a0}млн", decimal(at_most(v / 1e6, 3))),
                Plural::Many,
            ),
        };
        return Written { text, plural };
    }
    let ascii = at_most(v, 2);
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
