//! The CSV reader: the input is the tables of a story separated by NUL bytes, in the order of
//! `CSV_TABLES` (an empty part is a missing table). Whatever they hold, `load_csv` returns a
//! story or located problems and never panics.
#![no_main]

use flowlines_core::parse::{load_csv, CSV_TABLES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files: Vec<(String, String)> = text
        .split('\0')
        .zip(CSV_TABLES)
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, name)| (format!("{name}.csv"), t.to_string()))
        .collect();
    if let Err(problems) = load_csv(&files) {
        assert!(!problems.is_empty());
    }
});
