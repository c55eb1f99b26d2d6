//! A date's text as written, kept inside the date rather than on the heap.
//!
//! Every reading carries three dates (its period's start and end, and when it was reported), and
//! each kept its text as a `String`: at 10,000 flows of five readings, 150,000 allocations and as
//! many frees while a story is read or made, a large part of the set-up's allocations. No text a
//! date may have is longer than [`CAPACITY`](crate::date_text::CAPACITY) bytes: the longest form a
//! file may use (`YYYY-autumn`) has 11, and the longest day [`crate::date::format_day`] writes
//! (`day -2147483648`) 15.

use std::fmt;

/// The most bytes a date's text may have.
pub const CAPACITY: usize = 16;

/// Up to [`CAPACITY`] bytes of UTF-8 text, held in place; the bytes past the text stay zero,
/// so that two equal texts are equal byte for byte (the derived `Eq` and `Hash` rely on it).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateText {
    len: u8,
    bytes: [u8; CAPACITY],
}

impl DateText {
    /// `text` held in place, or `None` when it is longer than [`CAPACITY`] bytes.
    pub fn new(text: &str) -> Option<DateText> {
        let mut out = DateText::default();
        fmt::Write::write_str(&mut out, text).ok()?;
        Some(out)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only whole `str`s are ever written in, so the bytes are always UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Write for DateText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let at = usize::from(self.len);
        let end = at + s.len();
        if end > CAPACITY {
            return Err(fmt::Error);
        }
        self.bytes[at..end].copy_from_slice(s.as_bytes());
        self.len = end as u8;
        Ok(())
    }
}

impl fmt::Debug for DateText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_reads_back_as_it_was_written() {
        for text in [
            "",
            "2024",
            "2024-10-13",
            "2024-autumn",
            "day -2147483648",
            "Ünïcødé",
        ] {
            assert_eq!(
                DateText::new(text).map(|t| t.as_str().to_string()),
                Some(text.to_string())
            );
        }
        let mut day = DateText::default();
        assert!(
            fmt::Write::write_fmt(&mut day, format_args!("{:04}-{:02}-{:02}", 2024, 3, 9)).is_ok()
        );
        assert_eq!(day.as_str(), "2024-03-09");
    }

    #[test]
    fn a_text_longer_than_the_capacity_is_refused() {
        assert_eq!(DateText::new("2024-10-13/2024-10-14"), None);
        assert_eq!(DateText::new(&"x".repeat(CAPACITY + 1)), None);
        assert!(DateText::new(&"x".repeat(CAPACITY)).is_some());
    }

    #[test]
    fn equal_texts_are_equal_however_they_were_written() {
        let a = DateText::new("2024-10").unwrap_or_default();
        let mut b = DateText::default();
        assert!(fmt::Write::write_fmt(&mut b, format_args!("{}-{}", 2024, "10")).is_ok());
        assert_eq!(a, b);
        assert_ne!(a, DateText::new("2024-1").unwrap_or_default());
    }
}
