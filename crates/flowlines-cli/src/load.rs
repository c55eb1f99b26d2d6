//! Reading a story from a path, and printing totals as a table.

use flowlines_core::parse::load_json;
use flowlines_core::totals::StreamTotal;
use flowlines_core::Story;
use std::fmt::Write as _;

/// Reads and validates the story at `path`; the error lists every problem, one per line.
pub fn story(path: &str) -> Result<Story, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{path}:1:1: cannot read: {e}"))?;
    load_json(path, &text).map_err(|d| d.to_string())
}

fn figure(v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.0}"),
        None => "-".into(),
    }
}

/// A plain-text table of stream figures.
pub fn table(rows: &[StreamTotal]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>12} {:>12} {:>12}  {:<12} {:<12} {:<12} {:<12} sources",
        "stream", "low", "value", "high", "unit", "category", "from", "to"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<28} {:>12} {:>12} {:>12}  {:<12} {:<12} {:<12} {:<12} {}",
            r.stream,
            figure(r.low),
            figure(r.value),
            figure(r.high),
            r.unit,
            r.category,
            r.from,
            r.to,
            r.sources.join(", ")
        );
    }
    out
}
