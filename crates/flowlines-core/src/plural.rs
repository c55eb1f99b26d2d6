//! Which counted form a number takes in each of the map's languages: the CLDR cardinal plural
//! rules (Unicode CLDR, `plurals.xml`) for English, Korean, Ukrainian and Russian.
//!
//! The rules are written here once, for these four languages only, rather than taken from a
//! crate such as `intl_pluralrules`, which compiles the rules of every CLDR locale into the
//! page's WebAssembly; the tests check them against CLDR's own samples for each category.
//!
//! A number is given as it is written, with `.` for the decimal point and no grouping ("21",
//! "1.5", "1.0"): CLDR decides on the digits shown, so "1.0" is not "1".

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A CLDR plural category. Korean uses only `Other`; English `One` and `Other`; Ukrainian and
/// Russian all four (`Other` is their form for fractions: "1,5 контейнера").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Plural {
    /// 1 in English; 1, 21, 31, 101 in Ukrainian and Russian.
    One,
    /// 2 to 4, 22 to 24 ... in Ukrainian and Russian.
    Few,
    /// 0, 5 to 20, 25 to 30, 100 ... in Ukrainian and Russian.
    Many,
    /// Everything else: fractions; every number in Korean; all but 1 in English.
    Other,
}

impl Plural {
    /// Every category, in CLDR's order.
    pub const ALL: [Plural; 4] = [Plural::One, Plural::Few, Plural::Many, Plural::Other];
}

/// CLDR's operands of a written number: `i` its integer digits, `v` how many fraction digits
/// are shown. `None` for anything that is not plain digits with at most one `.`.
fn operands(number: &str) -> Option<(u64, usize)> {
    let number = number.trim().trim_start_matches('-');
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Only the last digits matter to these rules: keep the integer within u64.
    let tail = &int[int.len().saturating_sub(18)..];
    Some((tail.parse().ok()?, frac.len()))
}

/// The plural category of `number` (as written: "21", "1.5") in `lang`.
///
/// ```
/// use flowlines_core::i18n::Lang;
/// use flowlines_core::plural::{plural, Plural};
///
/// assert_eq!(plural(Lang::En, "1"), Plural::One);
/// assert_eq!(plural(Lang::En, "21"), Plural::Other);
/// assert_eq!(plural(Lang::Ru, "21"), Plural::One); // 21 снаряд
/// assert_eq!(plural(Lang::Uk, "23"), Plural::Few); // 23 снаряди
/// assert_eq!(plural(Lang::Ru, "11"), Plural::Many); // 11 снарядов
/// assert_eq!(plural(Lang::Ru, "1.5"), Plural::Other);
/// assert_eq!(plural(Lang::Ko, "1"), Plural::Other);
/// ```
pub fn plural(lang: Lang, number: &str) -> Plural {
    let Some((i, v)) = operands(number) else {
        return Plural::Other;
    };
    match lang {
        Lang::Ko => Plural::Other,
        Lang::En => {
            if i == 1 && v == 0 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Lang::Uk | Lang::Ru => {
            if v != 0 {
                return Plural::Other;
            }
            let (d, h) = (i % 10, i % 100);
            if d == 1 && h != 11 {
                Plural::One
            } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CLDR's samples (`@integer`, `@decimal`) for a language's category, as numbers written.
    fn samples_agree(lang: Lang, category: Plural, samples: &[&str]) {
        for s in samples {
            assert_eq!(plural(lang, s), category, "{s} in {}", lang.code());
        }
    }

    #[test]
    fn russian_and_ukrainian_follow_cldrs_samples_for_every_category() {
        for lang in [Lang::Ru, Lang::Uk] {
            samples_agree(
                lang,
                Plural::One,
                &["1", "21", "31", "41", "51", "61", "71", "81", "101", "1001"],
            );
            samples_agree(
                lang,
                Plural::Few,
                &[
                    "2", "3", "4", "22", "23", "24", "32", "33", "34", "42", "43", "44", "52",
                    "53", "54", "62", "102", "1002",
                ],
            );
            samples_agree(
                lang,
                Plural::Many,
                &[
                    "0", "5", "6", "11", "12", "13", "14", "15", "19", "100", "1000", "10000",
                    "100000", "1000000", "111", "112",
                ],
            );
            samples_agree(
                lang,
                Plural::Other,
                &[
                    "0.0",
                    "0.5",
                    "1.0",
                    "1.5",
                    "10.0",
                    "100.0",
                    "1000.0",
                    "10000.0",
                    "100000.0",
                    "1000000.0",
                ],
            );
        }
    }

    #[test]
    fn english_has_one_only_for_a_whole_one_and_korean_never_changes() {
        samples_agree(Lang::En, Plural::One, &["1"]);
        samples_agree(
            Lang::En,
            Plural::Other,
            &[
                "0", "2", "16", "100", "1000", "10000", "0.0", "1.5", "1.0", "10.0",
            ],
        );
        samples_agree(
            Lang::Ko,
            Plural::Other,
            &["0", "1", "2", "21", "1.5", "100"],
        );
    }

    #[test]
    fn what_is_not_a_written_number_takes_the_other_form() {
        assert_eq!(plural(Lang::Ru, "1,5"), Plural::Other);
        assert_eq!(plural(Lang::Ru, ""), Plural::Other);
        assert_eq!(plural(Lang::Ru, "123456789012345678901"), Plural::One);
    }
}
