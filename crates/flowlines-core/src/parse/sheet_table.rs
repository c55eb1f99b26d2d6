//! One sheet of a flow folder read as a CSV table: its columns by name and its rows with where
//! each starts, so that a problem with a cell is reported at `file:line:column`.
//!
//! Column names are matched without regard to case or surrounding spaces (a spreadsheet's
//! "Origin" is `origin`); a row shorter than the header has empty cells for the rest; other
//! columns than those a sheet reads are left alone, as FlowmapBlue leaves them.

use super::limits::{
    file_too_large, first_forbidden_char, forbidden_char_message, MAX_CSV_COLUMNS, MAX_STRING_BYTES,
};
use super::Read;

/// A CSV sheet as read: its header and its rows.
pub(super) struct Sheet<'t> {
    /// The file's index in the source map.
    pub file: usize,
    /// The file's name without its folder, for messages.
    pub name: String,
    /// The file's text.
    pub text: &'t str,
    /// The column names, trimmed and lowercased.
    pub columns: Vec<String>,
    /// Each row's byte offset and cells.
    pub rows: Vec<(usize, ::csv::StringRecord)>,
}

impl<'t> Sheet<'t> {
    /// Reads `text` (file `file` of `read`'s source map), reporting a syntax error or a cap
    /// passed at its place. `max_rows` caps the rows read: the row past it is reported.
    pub fn read(
        read: &mut Read,
        file: usize,
        name: &str,
        text: &'t str,
        max_rows: usize,
    ) -> Option<Self> {
        let fail = |read: &mut Read, offset: usize, message: String| {
            let d = read.map.at(file, offset, message);
            read.problems.0.push(d);
        };
        if let Some(message) = file_too_large(text.len(), "a sheet") {
            fail(read, 0, message);
            return None;
        }
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let columns: Vec<String> = match reader.headers() {
            Ok(h) => h
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').trim().to_lowercase())
                .collect(),
            Err(e) => {
                let (offset, message) = csv_error(&e);
                fail(read, offset, message);
                return None;
            }
        };
        if columns.len() > MAX_CSV_COLUMNS {
            fail(
                read,
                0,
                format!("a sheet may have at most {MAX_CSV_COLUMNS} columns"),
            );
            return None;
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let start = r.position().map_or(0, |p| p.byte() as usize);
                    if r.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    if rows.len() >= max_rows {
                        fail(
                            read,
                            start,
                            format!(
                                "a sheet may have at most {max_rows} rows: this is one too many"
                            ),
                        );
                        break;
                    }
                    rows.push((start, r));
                }
                Err(e) => {
                    let (offset, message) = csv_error(&e);
                    fail(read, offset, message);
                }
            }
        }
        Some(Sheet {
            file,
            name: name.rsplit(['/', '\\']).next().unwrap_or(name).to_string(),
            text,
            columns,
            rows,
        })
    }

    /// The index of column `name`, if the sheet has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The index of column `name`, or a problem at the header saying the sheet needs it.
    pub fn required(&self, read: &mut Read, name: &str, needs: &str) -> Option<usize> {
        let found = self.column(name);
        if found.is_none() {
            let message = format!("{} has no '{name}' column: {needs}", self.name);
            let d = read.map.at(self.file, 0, message);
            read.problems.0.push(d);
        }
        found
    }

    /// The byte offset of cell `column` of the row starting at `start`.
    pub fn cell_at(&self, start: usize, column: usize) -> usize {
        super::csv::field_starts(self.text, start)
            .get(column)
            .copied()
            .unwrap_or(start)
    }

    /// Reports `message` at cell `column` of the row starting at `start`.
    pub fn fail(&self, read: &mut Read, start: usize, column: usize, message: String) {
        let d = read.map.at(self.file, self.cell_at(start, column), message);
        read.problems.0.push(d);
    }

    /// The text of cell `column` of `record`, trimmed: an empty cell or one past the row's end
    /// is `""`. A text too long or holding a control character is reported and `None`.
    pub fn text<'r>(
        &self,
        read: &mut Read,
        start: usize,
        record: &'r ::csv::StringRecord,
        column: usize,
    ) -> Option<&'r str> {
        let cell = record.get(column).unwrap_or("").trim();
        let problem = if cell.len() > MAX_STRING_BYTES {
            Some(super::scan::too_long())
        } else {
            first_forbidden_char(cell).map(|(_, c)| forbidden_char_message(c))
        };
        match problem {
            Some(message) => {
                self.fail(read, start, column, message);
                None
            }
            None => Some(cell),
        }
    }

    /// The number in cell `column` of `record`, or a problem at the cell naming `what`.
    pub fn number(
        &self,
        read: &mut Read,
        start: usize,
        record: &::csv::StringRecord,
        column: usize,
        what: &str,
    ) -> Option<f64> {
        let cell = record.get(column).unwrap_or("").trim();
        match cell.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ => {
                let shown: String = cell.chars().take(40).collect();
                let message = if cell.is_empty() {
                    format!("missing {what}")
                } else {
                    format!("{what} '{shown}' is not a number")
                };
                self.fail(read, start, column, message);
                None
            }
        }
    }
}

/// A CSV syntax error's byte offset and message.
fn csv_error(e: &::csv::Error) -> (usize, String) {
    let offset = e.position().map_or(0, |p| p.byte() as usize);
    (offset, format!("bad CSV: {e}"))
}
