//! A first linear pass over a JSON text that refuses, before anything is built from it, what
//! would make the rest slow, deep or unsafe to print: nesting deeper than [`MAX_DEPTH`],
//! strings longer than [`MAX_STRING_BYTES`], and control characters in strings, written as
//! they are or as escapes (see [`is_forbidden_char`]).

use super::limits::{forbidden_char_message, is_forbidden_char, MAX_DEPTH, MAX_STRING_BYTES};

/// The first thing in `text` over a cap, as (byte offset, message); `None` when all is within
/// them. Syntax is not checked here: the JSON parser does that next.
pub fn json_caps(text: &str) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((
                        i,
                        format!("nested more than {MAX_DEPTH} deep: a story nests a few levels"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i;
                // The first U+FFFE or U+FFFF written as it is (bytes EF BF BE or EF BF BF).
                let mut nonchar = None;
                i += 1;
                loop {
                    i = skip_plain(bytes, i);
                    match bytes.get(i) {
                        None | Some(b'"') => break,
                        Some(b'\\') => {
                            if let Some(c) = escaped_char(&bytes[i + 1..]) {
                                if is_forbidden_char(c) {
                                    return Some((i, forbidden_char_message(c)));
                                }
                            }
                            i += 2;
                        }
                        Some(0xEF) => {
                            if nonchar.is_none() && bytes.get(i + 1) == Some(&0xBF) {
                                match bytes.get(i + 2) {
                                    Some(0xBE) => nonchar = Some((i, '\u{FFFE}')),
                                    Some(0xBF) => nonchar = Some((i, '\u{FFFF}')),
                                    _ => {}
                                }
                            }
                            i += 1;
                        }
                        Some(&b) => return Some((i, forbidden_char_message(char::from(b)))),
                    }
                }
                i = i.min(bytes.len());
                if i - start > MAX_STRING_BYTES {
                    return Some((start, too_long()));
                }
                if let Some((at, c)) = nonchar {
                    return Some((at, forbidden_char_message(c)));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset of the first byte at or after `i` that a string's scan must look at: a quote, a
/// backslash, a control character or 0xEF (which starts U+FFFE and U+FFFF); the end if none.
/// Eight bytes at a time, as serde_json skips a string: this pass reads up to 50 MiB, and in
/// the page it runs before the browser has optimised the module's code.
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `x` is zero, or below `n` (n <= 128): exact, with no false alarm.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero = |x: u64| below(x, 1);
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let found = below(x, 0x20)
            | zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | zero(x ^ (ONES * 0xEF));
        if found != 0 {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b < 0x20 || matches!(b, b'"' | b'\\' | 0xEF) {
            break;
        }
        i += 1;
    }
    i
}

/// The message for a string over [`MAX_STRING_BYTES`].
pub fn too_long() -> String {
    format!(
        "a text longer than {} KiB: a story's texts are a few sentences",
        MAX_STRING_BYTES / 1024
    )
}

/// The character an escape stands for, given the bytes after its backslash.
fn escaped_char(rest: &[u8]) -> Option<char> {
    match rest.first()? {
        b'b' => Some('\u{8}'),
        b'f' => Some('\u{c}'),
        b'u' => {
            let hex = std::str::from_utf8(rest.get(1..5)?).ok()?;
            char::from_u32(u32::from_str_radix(hex, 16).ok()?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_within_the_caps_passes() {
        assert_eq!(json_caps(r#"{"a": [1, {"b": "x\ty\n\"z\""}]}"#), None);
    }

    #[test]
    fn nesting_past_the_cap_is_refused_at_the_bracket_that_goes_too_deep() {
        let text = "[".repeat(MAX_DEPTH + 5);
        assert_eq!(json_caps(&text).map(|(at, _)| at), Some(MAX_DEPTH));
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!("[\"{}\"]", "[".repeat(MAX_DEPTH * 2));
        assert_eq!(json_caps(&text), None);
    }

    #[test]
    fn control_characters_are_refused_written_as_escapes_or_as_they_are() {
        assert_eq!(json_caps(r#"["a\u0001b"]"#).map(|(at, _)| at), Some(3));
        assert_eq!(json_caps(r#"["a\bb"]"#).map(|(at, _)| at), Some(3));
        assert!(json_caps("[\"a\u{1}b\"]").is_some());
        assert!(json_caps("[\"a\u{FFFF}b\"]").is_some());
        assert!(json_caps(r#"["\uFFFE"]"#).is_some());
    }

    #[test]
    fn what_a_string_holds_is_found_wherever_it_falls_in_the_eight_byte_steps() {
        for pad in 0..17 {
            let lead = "a".repeat(pad);
            let at = |text: &str| json_caps(text).map(|(at, _)| at);
            assert_eq!(at(&format!("[\"{lead}\u{1}\"]")), Some(2 + pad));
            assert_eq!(at(&format!("[\"{lead}\u{FFFF}\"]")), Some(2 + pad));
            assert_eq!(at(&format!("[\"{lead}\\u0007\"]")), Some(2 + pad));
            // A quote ends the string: the bracket after it counts, one inside a text does not.
            assert_eq!(at(&format!("[\"{lead}\\\"{}\"]", "[".repeat(40))), None);
            assert_eq!(
                at(&format!("[\"{lead}\"{}", "[".repeat(40))),
                Some(4 + pad + 30)
            );
            // Other characters starting with byte 0xEF (U+FF01, a full-width '!') are fine.
            assert_eq!(at(&format!("[\"{lead}\u{FF01}\u{FFFD}\"]")), None);
        }
    }

    #[test]
    fn a_string_longer_than_the_cap_is_refused_at_its_start() {
        let text = format!("[1, \"{}\"]", "x".repeat(MAX_STRING_BYTES + 1));
        assert_eq!(json_caps(&text).map(|(at, _)| at), Some(4));
    }
}
