//! Problems found in a data file, each located as `file:line:column: message`.

use std::fmt;

/// One problem in a data file, at a 1-based line and column (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Diagnostic {
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in a sentence a data editor can act on.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found in one load, sorted by file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Sorts the problems by where they are and drops exact repeats.
    pub fn sorted(mut self) -> Self {
        self.0.sort();
        self.0.dedup();
        self
    }
    /// Whether nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Turns byte offsets in a text into 1-based lines and character columns, in time that does
/// not grow with the length of the line: a minified story is one line of tens of megabytes.
/// The index is built on the first lookup: a valid story, which has no problem to locate,
/// never pays for it (in the page, two passes over up to 10 MiB).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// The line starts and character checkpoints, once a position is asked for.
    index: std::sync::OnceLock<Starts>,
    text: String,
}

/// Where lines start, and how many characters come before some byte offsets.
#[derive(Debug, Clone)]
struct Starts {
    /// Byte offset of each line's start.
    lines: Vec<usize>,
    /// Every [`CHECKPOINT_BYTES`] or so, a (byte offset, characters before it) pair.
    checkpoints: Vec<(usize, usize)>,
}

/// How far apart, in bytes, [`LineIndex`] records how many characters came before.
const CHECKPOINT_BYTES: usize = 4096;

impl Starts {
    fn new(text: &str) -> Self {
        let mut lines = vec![0];
        lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT_BYTES;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT_BYTES;
            }
        }
        Starts { lines, checkpoints }
    }
}

impl LineIndex {
    /// Keeps `text`, to index its line starts and character counts when first asked.
    pub fn new(text: &str) -> Self {
        LineIndex {
            index: std::sync::OnceLock::new(),
            text: text.to_string(),
        }
    }

    fn starts(&self) -> &Starts {
        self.index.get_or_init(|| Starts::new(&self.text))
    }

    /// The indexed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte offset where 1-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts()
            .lines
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// How many characters come before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoints = &self.starts().checkpoints;
        let k = checkpoints.partition_point(|&(b, _)| b <= offset).max(1);
        let (b, n) = checkpoints[k - 1];
        n + self.text.get(b..offset).map_or(0, |s| s.chars().count())
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let lines = &self.starts().lines;
        let line = lines.partition_point(|&s| s <= offset).max(1);
        let start = lines[line - 1];
        let column = self.chars_before(offset) - self.chars_before(start);
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_prints_as_file_line_column_message() {
        let d = Diagnostic {
            file: "a.json".into(),
            line: 3,
            column: 7,
            message: "unknown place 'x'".into(),
        };
        assert_eq!(d.to_string(), "a.json:3:7: unknown place 'x'");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let idx = LineIndex::new("{\n  \"평양\": 1\n}");
        // The digit 1 is after two Korean characters, each three bytes long.
        let offset = "{\n  \"평양\": ".len();
        assert_eq!(idx.position(offset), (2, 9));
        assert_eq!(idx.position(0), (1, 1));
    }

    #[test]
    fn columns_far_along_a_long_line_are_counted_right() {
        let text = format!("{}\n{}평x", "a".repeat(10_000), "b".repeat(9_000));
        let idx = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(idx.position(x), (2, 9_002));
        assert_eq!(idx.position(9_999), (1, 10_000));
    }
}
