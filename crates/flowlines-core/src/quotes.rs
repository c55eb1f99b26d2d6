//! Checking a quote against the document it comes from: the words must stand, word for word,
//! on the line the data says. Spaces and quotation marks are normalised first, since a quote
//! copied from a web page may gain a non-breaking space or trade a curly apostrophe for a
//! straight one; nothing else is forgiven.

use crate::model::Quote;

/// What a document says about a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteCheck {
    /// The words stand on the line the data gives.
    Found,
    /// The words stand in the document, but on another line (counted from 1).
    OnLine(u32),
    /// The words are not in the document.
    NotFound,
}

/// `text` with every run of white space (non-breaking spaces included) as one space, every
/// quotation mark and apostrophe as `"` or `'`, and no space at either end.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' => '\'',
            c => c,
        });
    }
    out
}

/// Whether `quote` stands in `document` (its full text), and on which line.
pub fn check(document: &str, quote: &Quote) -> QuoteCheck {
    let words = normalise(&quote.text);
    if words.is_empty() {
        return QuoteCheck::NotFound;
    }
    let on = |line: &str| normalise(line).contains(&words);
    let stated = quote.line.checked_sub(1).map(|i| i as usize);
    if stated.and_then(|i| document.lines().nth(i)).is_some_and(on) {
        return QuoteCheck::Found;
    }
    match document.lines().position(on) {
        Some(i) => QuoteCheck::OnLine(u32::try_from(i + 1).unwrap_or(u32::MAX)),
        None => QuoteCheck::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Title\n\nOn October 8, the minister said it was \u{201c}highly likely\u{201d}.\nIt\u{2019}s  over.";

    fn quote(text: &str, line: u32) -> Quote {
        Quote {
            text: text.into(),
            line,
        }
    }

    #[test]
    fn a_quote_is_found_on_its_line_whatever_its_quotation_marks_and_spaces() {
        assert_eq!(
            check(DOC, &quote("the minister said it was \"highly likely\"", 3)),
            QuoteCheck::Found
        );
        assert_eq!(check(DOC, &quote("It's over.", 4)), QuoteCheck::Found);
    }

    #[test]
    fn a_quote_on_another_line_says_which() {
        assert_eq!(
            check(DOC, &quote("highly likely", 1)),
            QuoteCheck::OnLine(3)
        );
    }

    #[test]
    fn changed_words_are_not_found() {
        assert_eq!(
            check(DOC, &quote("the minister said it was likely", 3)),
            QuoteCheck::NotFound
        );
        assert_eq!(check(DOC, &quote("   ", 3)), QuoteCheck::NotFound);
    }
}
