//! The map's words in English, Korean, Ukrainian and Russian, and numbers and dates written the
//! way each language writes them.
//!
//! Every text the page shows comes from here: its controls and legend (handed to the shell as
//! one table, [`catalog`]) and the sentences the core writes from the data (tooltips, the
//! summary of the moment, the credits of an export). A key holds all four languages at once, so
//! a language cannot silently lack a key; a test checks that none is left empty and that every
//! key the shell asks for exists.
//!
//! [`catalog`]: crate::i18n::catalog

/// The catalogue: every key with its text in the four languages.
mod catalogue;
/// Numbers and dates in each language's way.
mod format;
/// The words of the languages other than English, read at run time by the page's map module.
mod read;

pub use catalogue::MESSAGES;
pub use format::{format_date, format_date_spec, format_number, format_period, format_when};
pub use read::{read_words, use_built_in_words, words_file, WordsError, WORDS_MAGIC};

/// Every key of the catalogue with its English text, made from [`MESSAGES`] as the code is
/// compiled: the words every build carries (a module that reads the other languages from words
/// files carries only these, see [`read_words`]).
const ENGLISH: [(&str, &str); MESSAGES.len()] = english_column();

/// [`MESSAGES`]' keys with their English texts, in order.
const fn english_column() -> [(&'static str, &'static str); MESSAGES.len()] {
    let mut out = [("", ""); MESSAGES.len()];
    let mut i = 0;
    while i < MESSAGES.len() {
        out[i] = (MESSAGES[i].0, MESSAGES[i].1[0]);
        i += 1;
    }
    out
}

/// The English text of `key`, if the catalogue has it.
fn english(key: &str) -> Option<&'static str> {
    ENGLISH
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

/// A language the map is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Korean.
    Ko,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
}

impl Lang {
    /// The language of a code such as `ko` or `uk-UA`; English for anything else.
    pub fn from_code(code: &str) -> Lang {
        match code.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("ko") => Lang::Ko,
            Some("uk") => Lang::Uk,
            Some("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The text of `key` in `lang`; in English where this build has no words of `lang` (a
/// WebAssembly module that has read no words file for it, see [`read_words`]); the key itself
/// when there is no such key (a visible sign of a missing translation, never a crash).
pub fn t(lang: Lang, key: &str) -> &str {
    read::text(lang, key)
        .or_else(|| english(key))
        .unwrap_or(key)
}

/// `template` with each `{}` replaced by the next of `values`. A Korean particle written as
/// both its forms right after a value (`{}을(를)`, `{}이(가)`, `{}은(는)`, `{}과(와)`,
/// `{}으로(로)`) is resolved by the value's last sound (see `korean_particle`), so a reader
/// never sees "쿠르스크을(를)".
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(i) = crate::text::find(rest, "{}") {
        out.push_str(&rest[..i]);
        let value = values.next().copied().unwrap_or("");
        out.push_str(value);
        rest = &rest[i + 2..];
        if let Some((particle, len)) = korean_particle(value, rest) {
            out.push_str(particle);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// The Korean particles written with both forms, `(after a final consonant, after a vowel)`.
const PARTICLES: [(&str, &str); 5] = [
    ("을", "를"),
    ("이", "가"),
    ("은", "는"),
    ("과", "와"),
    ("으로", "로"),
];

/// Whether a Korean reading of `word` ends in a final consonant (batchim), and whether that
/// consonant is ㄹ; `None` when its end cannot be read (no letter or digit). A Hangul syllable
/// tells it directly; a digit is read as its Sino-Korean name (1 일, 3 삼, 6 육, 7 칠, 8 팔 and
/// 0 영 end in a consonant); a Latin letter by how it is usually said (l, m, n, ng, k, p, t, b).
pub fn final_consonant(word: &str) -> Option<(bool, bool)> {
    let c = word.chars().rev().find(|c| c.is_alphanumeric())?;
    Some(match c {
        '\u{AC00}'..='\u{D7A3}' => {
            let jong = (u32::from(c) - 0xAC00) % 28;
            (jong != 0, jong == 8)
        }
        '0' | '3' | '6' => (true, false),
        '1' | '7' | '8' => (true, true),
        '2' | '4' | '5' | '9' => (false, false),
        'l' | 'L' => (true, true),
        'm' | 'n' | 'k' | 'p' | 't' | 'b' | 'g' | 'M' | 'N' | 'K' | 'P' | 'T' | 'B' | 'G' => {
            (true, false)
        }
        _ => (false, false),
    })
}

/// The particle to write after `word` when `rest` starts with a particle in both forms
/// ("을(를)…"), and the length of that written pair in `rest`.
fn korean_particle(word: &str, rest: &str) -> Option<(&'static str, usize)> {
    let (consonant, rieul) = final_consonant(word)?;
    PARTICLES
        .iter()
        .find_map(|&(after_consonant, after_vowel)| {
            let pair_len = after_consonant.len() + after_vowel.len() + 2;
            let pair = rest.get(..pair_len)?;
            let expected = format!("{after_consonant}({after_vowel})");
            (pair == expected).then(|| {
                // "로" follows a vowel and also ㄹ ("서울로"); every other pair goes by the consonant.
                let use_consonant_form = consonant && !(rieul && after_consonant == "으로");
                let chosen = if use_consonant_form {
                    after_consonant
                } else {
                    after_vowel
                };
                (chosen, pair_len)
            })
        })
}

/// [`t`] then [`fill`].
pub fn tf(lang: Lang, key: &str, values: &[&str]) -> String {
    fill(t(lang, key), values)
}

/// Every key with its text in `lang` (as [`t`] finds it), for the shell.
pub fn catalog(lang: Lang) -> Vec<(&'static str, &'static str)> {
    ENGLISH.iter().map(|&(k, _)| (k, t(lang, k))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_missing_or_empty_in_any_language() {
        let mut seen = std::collections::HashSet::new();
        for (key, texts) in MESSAGES {
            assert!(seen.insert(key), "key {key} is defined twice");
            for (lang, text) in [Lang::En, Lang::Ko, Lang::Uk, Lang::Ru].iter().zip(texts) {
                assert!(!text.trim().is_empty(), "{key} is empty in {}", lang.code());
                let holes = |s: &str| s.matches("{}").count();
                assert_eq!(
                    holes(text),
                    holes(texts[0]),
                    "{key} in {} has another number of values",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_korean_particle_follows_the_last_sound_of_the_name_it_is_attached_to() {
        let said = |name: &str| tf(Lang::Ko, "destination_inferred", &[name]);
        assert_eq!(
            said("쿠르스크"),
            "목적지 추정: 출처는 쿠르스크를 밝히지 않음"
        );
        assert_eq!(
            said("돈바스(러시아 점령, 우크라이나)"),
            "목적지 추정: 출처는 돈바스(러시아 점령, 우크라이나)를 밝히지 않음"
        );
        assert_eq!(
            said("블라디보스토크"),
            "목적지 추정: 출처는 블라디보스토크를 밝히지 않음"
        );
        assert_eq!(said("평양"), "목적지 추정: 출처는 평양을 밝히지 않음");
        assert_eq!(fill("{}으로(로) 간다", &["서울"]), "서울로 간다");
        assert_eq!(fill("{}으로(로) 간다", &["평양"]), "평양으로 간다");
        assert_eq!(fill("{}이(가) 있다", &["3"]), "3이 있다");
        assert_eq!(fill("{}이(가) 있다", &["2"]), "2가 있다");
        for (_, texts) in MESSAGES {
            for (a, b) in PARTICLES {
                assert!(
                    !fill(texts[1], &["평양", "평양", "평양", "평양"])
                        .contains(&format!("{a}({b})")),
                    "{}",
                    texts[1]
                );
            }
        }
    }

    #[test]
    fn a_template_is_filled_in_order_and_a_missing_key_shows_itself() {
        assert_eq!(tf(Lang::En, "range_to", &["1", "2"]), "1 to 2");
        assert_eq!(t(Lang::Ko, "no-such-key"), "no-such-key");
        assert_eq!(Lang::from_code("uk-UA"), Lang::Uk);
        assert_eq!(Lang::from_code("de"), Lang::En);
    }
}
