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
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        if let Some(c) = escaped_char(&bytes[i + 1..]) {
                            if is_forbidden_char(c) {
                                return Some((i, forbidden_char_message(c)));
                            }
                        }
                        i += 1;
                    } else if bytes[i] < 0x20 {
                        return Some((i, forbidden_char_message(char::from(bytes[i]))));
                    }
                    i += 1;
                }
                if i - start > MAX_STRING_BYTES {
                    return Some((start, too_long()));
                }
                // U+FFFE and U+FFFF written as they are.
                if let Some(k) = text
                    .get(start..i.min(text.len()))
                    .and_then(|s| s.find(['\u{FFFE}', '\u{FFFF}']))
                {
                    let c = text[start + k..].chars().next().unwrap_or('\u{FFFF}');
                    return Some((start + k, forbidden_char_message(c)));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
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
    fn a_string_longer_than_the_cap_is_refused_at_its_start() {
        let text = format!("[1, \"{}\"]", "x".repeat(MAX_STRING_BYTES + 1));
        assert_eq!(json_caps(&text).map(|(at, _)| at), Some(4));
    }
}
