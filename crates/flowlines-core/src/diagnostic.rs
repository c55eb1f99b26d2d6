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

/// Turns byte offsets in a text into 1-based lines and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    text: String,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            text: text.to_string(),
        }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
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
}
