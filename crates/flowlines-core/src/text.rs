//! Texts searched and joined by hand, where the standard library's generic ways bring code
//! into every reader's download. The map module searches only for texts of two or three bytes
//! (a unit's or a sentence's `{}`, a link's `://`, `%2f` and `%5c`), and `find`, `contains`,
//! `split_once` and `matches` with a text pattern bring the standard library's two-way
//! searcher; `[S]::join` and `concat` bring a copy loop unrolled for each separator length.

/// Where `pattern` first starts in `text`, a byte index, if anywhere (at a character boundary:
/// whole UTF-8 matches only where a character starts). Steps: `text`'s length times
/// `pattern`'s, which is a few bytes wherever the core asks.
pub fn find(text: &str, pattern: &str) -> Option<usize> {
    let pattern = pattern.as_bytes();
    if pattern.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(pattern.len())
        .position(|w| w == pattern)
}

/// Whether `pattern` is in `text`.
pub fn contains(text: &str, pattern: &str) -> bool {
    find(text, pattern).is_some()
}

/// How many times `pattern` is in `text`, none overlapping another (an empty `pattern`: none).
pub fn count(text: &str, pattern: &str) -> usize {
    if pattern.is_empty() {
        return 0;
    }
    let mut rest = text;
    let mut n = 0;
    while let Some(i) = find(rest, pattern) {
        n += 1;
        rest = &rest[i + pattern.len()..];
    }
    n
}

/// `parts` one after another with `separator` between each two, as `[S]::join` writes them.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_contains_and_count_agree_with_the_standard_library() {
        let texts = [
            "",
            "{}",
            "{} {}",
            "a{b}c{}",
            "쿠르스크{}을(를) {}",
            "{{}}",
            "https://x/%2F",
        ];
        for text in texts {
            for pattern in ["{}", "://", "%2f", "을", "x"] {
                assert_eq!(
                    find(text, pattern),
                    text.find(pattern),
                    "{text:?} {pattern:?}"
                );
                assert_eq!(contains(text, pattern), text.contains(pattern));
                assert_eq!(count(text, pattern), text.matches(pattern).count());
            }
        }
        assert_eq!(find("abc", ""), Some(0));
        assert_eq!(count("쿠르스크", ""), 0);
    }

    #[test]
    fn join_writes_what_the_standard_library_joins() {
        for parts in [&[][..], &["a"], &["a", "", "b"], &["Курськ", "쿠르스크"]] {
            for separator in ["", ", ", "; "] {
                assert_eq!(join(parts, separator), parts.join(separator));
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(join(&owned, separator), owned.join(separator));
            }
        }
    }
}
