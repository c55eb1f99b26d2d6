//! Where each part of a story is in its files.

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// Maps JSON-pointer paths (`/observations/4/quantity`) to a file, line and column.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<String>,
    places: HashMap<String, (usize, usize, usize)>,
}

impl SourceMap {
    /// Adds a file and returns its index for [`SourceMap::insert`].
    pub fn add_file(&mut self, name: &str) -> usize {
        self.files.push(name.to_string());
        self.files.len() - 1
    }

    /// Records that `path` starts at `line`:`column` of file `file`.
    pub fn insert(&mut self, path: String, file: usize, line: usize, column: usize) {
        self.places.entry(path).or_insert((file, line, column));
    }

    /// Locates `message` about `path` at the path, or at its nearest recorded parent.
    pub fn locate(&self, path: &str, message: String) -> Diagnostic {
        let mut p = path;
        loop {
            if let Some(&(file, line, column)) = self.places.get(p) {
                return Diagnostic {
                    file: self.files.get(file).cloned().unwrap_or_default(),
                    line,
                    column,
                    message,
                };
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => {
                    return Diagnostic {
                        file: self.files.first().cloned().unwrap_or_default(),
                        line: 1,
                        column: 1,
                        message,
                    }
                }
            }
        }
    }
}
