//! The CSV form of a story, for newsrooms that keep data in spreadsheets.
//!
//! A story is a set of tables, one file each, named for its section: `story.csv` (one row),
//! `sources.csv`, `places.csv`, `categories.csv`, `units.csv`, `routes.csv`, `streams.csv`,
//! `observations.csv`, `sanctions.csv`, `events.csv`, `steps.csv`. Each has a header row and one
//! entity per row. Nested fields are dotted columns (`names.en`, `claimant.party`); lists are
//! cells of JSON (`waypoints`, `countries`, `sanctions`, `denials`, `corrections`, a step's
//! `categories`, `fit` and `extent`, and the story's `projection.center` and
//! `projection.parallels`); an observation's figure is four
//! columns: `quantity` (exact, about, at_least, at_most, range or unknown), `value`, `low` and
//! `high`. An empty cell is an absent field. Rows go through the same entity deserialisers and
//! validation as JSON, and problems are located at their file, line and column.

use super::json::{entity, escape};
use super::limits::{
    file_too_large, first_forbidden_char, forbidden_char_message, max_entities, MAX_CSV_COLUMNS,
    MAX_CSV_COLUMN_DOTS, MAX_STRING_BYTES,
};
use super::source_map::Span;
use super::Read;
use crate::model::Story;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// The tables of a CSV story, in the order they are written: one per section.
pub const CSV_TABLES: [&str; 11] = super::SECTIONS;

/// Columns whose cells are numbers.
const NUMBER_COLUMNS: [&str; 7] = ["lon", "lat", "year", "value", "low", "high", "quote.line"];
/// Columns whose cells are JSON lists.
const LIST_COLUMNS: [&str; 10] = [
    "waypoints",
    "sanctions",
    "denials",
    "corrections",
    "countries",
    "categories",
    "fit",
    "extent",
    "projection.center",
    "projection.parallels",
];

/// CSV files as (file name, text) pairs; the table is the file name's stem (`places.csv`).
pub type CsvFiles = Vec<(String, String)>;

fn table_of(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.strip_suffix(".csv").unwrap_or(base)
}

/// The byte offsets, within `text`, where each field of the record starting at `start` begins.
pub(super) fn field_starts(text: &str, start: usize) -> Vec<usize> {
    let mut starts = vec![start];
    let mut quoted = false;
    for (i, ch) in text.get(start..).unwrap_or_default().char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(start + i + 1),
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    starts
}

/// Turns an observation's `quantity`, `value`, `low`, `high` cells back into the model's form.
fn quantity(row: &mut Map<String, Value>) -> Result<(), (&'static str, String)> {
    let Some(kind) = row.remove("quantity") else {
        return Ok(());
    };
    let value = row.remove("value");
    let low = row.remove("low");
    let high = row.remove("high");
    let kind = kind.as_str().unwrap_or_default().to_string();
    let q = match kind.as_str() {
        "unknown" => Value::String(kind),
        "range" => {
            let mut r = Map::new();
            r.insert("low".into(), low.ok_or(("low", "a range needs a low".to_string()))?);
            r.insert("high".into(), high.ok_or(("high", "a range needs a high".to_string()))?);
            let mut m = Map::new();
            m.insert("range".into(), Value::Object(r));
            Value::Object(m)
        }
        "exact" | "about" | "at_least" | "at_most" => {
            let mut m = Map::new();
            m.insert(
                kind.clone(),
                value.ok_or(("value", format!("a figure of kind '{kind}' needs a value")))?,
            );
            Value::Object(m)
        }
        other => {
            return Err((
                "quantity",
                format!("unknown quantity '{other}': expected exact, about, at_least, at_most, range or unknown"),
            ))
        }
    };
    row.insert("quantity".into(), q);
    Ok(())
}

/// Puts `value` at the dotted `column` of `row`.
fn insert(row: &mut Map<String, Value>, column: &str, value: Value) {
    match column.split_once('.') {
        None => {
            row.insert(column.to_string(), value);
        }
        Some((head, rest)) => {
            let child = row
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = child {
                insert(m, rest, value);
            }
        }
    }
}

/// The JSON pointer below an entity where a problem with a column's cell is reported: the
/// first of [`cell_paths`].
fn cell_path(column: &str, observation: bool) -> String {
    cell_paths(column, observation).swap_remove(0)
}

/// The JSON pointers below an entity that a column's cell fills.
pub(super) fn cell_paths(column: &str, observation: bool) -> Vec<String> {
    if observation {
        match column {
            "value" => {
                return ["exact", "about", "at_least", "at_most"]
                    .map(|k| format!("/quantity/{k}"))
                    .to_vec()
            }
            "low" => return vec!["/quantity/range/low".into()],
            "high" => return vec!["/quantity/range/high".into(), "/quantity/range".into()],
            _ => {}
        }
    }
    vec![column
        .split('.')
        .map(|c| format!("/{}", escape(c)))
        .collect()]
}

/// Reads a story from CSV tables without validating references; see [`super::load_csv`].
pub fn read_csv(files: &CsvFiles) -> Read {
    let mut read = Read::default();
    let mut problems: Vec<(String, String)> = Vec::new();
    // Each table's rows; `None` for a row with a bad cell, already reported.
    let mut rows: std::collections::HashMap<String, Vec<Option<Value>>> = Default::default();
    for (name, text) in files {
        let file = read.map.add_file(name, text);
        let table = table_of(name).to_string();
        let fail = |read: &mut Read, offset: usize, message: String| {
            let d = read.map.at(file, offset, message);
            read.problems.0.push(d);
        };
        if !CSV_TABLES.contains(&table.as_str()) {
            let message = format!(
                "unknown table '{table}': a CSV story's files are named {}",
                CSV_TABLES.map(|t| format!("{t}.csv")).join(", ")
            );
            fail(&mut read, 0, message);
            continue;
        }
        if let Some(message) = file_too_large(text.len(), "a table") {
            fail(&mut read, 0, message);
            continue;
        }
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let header = match reader.headers() {
            Ok(h) => h
                .iter()
                .map(str::trim)
                .map(String::from)
                .collect::<Vec<_>>(),
            Err(e) => {
                let (offset, message) = csv_error(&e);
                fail(&mut read, offset, message);
                continue;
            }
        };
        if let Some((offset, message)) = header_problem(text, &header) {
            fail(&mut read, offset, message);
            continue;
        }
        let observation = table == "observations";
        read.map.header(
            file,
            header.iter().map(|c| cell_paths(c, observation)).collect(),
        );
        let cap = max_entities(&table).unwrap_or(usize::MAX);
        let out = rows.entry(table.clone()).or_default();
        for (i, record) in reader.records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let (offset, message) = csv_error(&e);
                    fail(&mut read, offset, message);
                    continue;
                }
            };
            let start = record.position().map_or(0, |p| p.byte() as usize);
            if table == "story" && i > 0 {
                problems.push((format!("@{file}:{start}"), "story.csv has one row".into()));
                continue;
            }
            if out.len() >= cap {
                let message =
                    format!("a story may have at most {cap} {table}: this is one too many");
                problems.push((format!("@{file}:{start}"), message));
                break;
            }
            read.map.entity(
                &table,
                Span {
                    file,
                    start,
                    end: start,
                },
            );
            // Where the row's problems are: built only when there is one, as most rows have none.
            let index = out.len();
            let base = || {
                if table == "story" {
                    "/story".to_string()
                } else {
                    format!("/{table}/{index}")
                }
            };
            let mut row = Map::new();
            let mut bad_cell = false;
            for (column, cell) in header.iter().zip(record.iter()) {
                if cell.is_empty() {
                    continue;
                }
                let path = || format!("{}{}", base(), cell_path(column, observation));
                let value = if NUMBER_COLUMNS.contains(&column.as_str()) {
                    let cell = cell.trim();
                    let number = match cell.parse::<i64>() {
                        Ok(i) => Some(Number::from(i)),
                        Err(_) => cell.parse::<f64>().ok().and_then(Number::from_f64),
                    };
                    match number {
                        Some(n) => Value::Number(n),
                        None => {
                            let shown: String = cell.chars().take(40).collect();
                            problems.push((path(), format!("'{shown}' is not a number")));
                            bad_cell = true;
                            continue;
                        }
                    }
                } else if LIST_COLUMNS.contains(&column.as_str()) {
                    if let Some((_, message)) = super::scan::json_caps(cell) {
                        problems.push((path(), message));
                        bad_cell = true;
                        continue;
                    }
                    match serde_json::from_str::<Value>(cell) {
                        Ok(v) => v,
                        Err(e) => {
                            problems.push((path(), format!("'{column}' must be a JSON list: {e}")));
                            bad_cell = true;
                            continue;
                        }
                    }
                } else {
                    let problem = if cell.len() > MAX_STRING_BYTES {
                        Some(super::scan::too_long())
                    } else {
                        first_forbidden_char(cell).map(|(_, c)| forbidden_char_message(c))
                    };
                    if let Some(message) = problem {
                        problems.push((path(), message));
                        bad_cell = true;
                        continue;
                    }
                    Value::String(cell.to_string())
                };
                insert(&mut row, column, value);
            }
            if observation && !bad_cell {
                if let Err((column, message)) = quantity(&mut row) {
                    problems.push((format!("{}{}", base(), cell_path(column, true)), message));
                    bad_cell = true;
                }
            }
            if bad_cell {
                if let Some(id) = row.get("id").and_then(Value::as_str) {
                    read.broken_ids.insert(id.to_string());
                }
                out.push(None);
            } else {
                out.push(Some(Value::Object(row)));
            }
        }
    }
    let mut story = Story::default();
    match rows
        .get("story")
        .and_then(|r| r.first())
        .and_then(Option::as_ref)
    {
        Some(v) => match entity(v, "/story") {
            Ok(meta) => story.story = meta,
            Err(p) => problems.extend(p),
        },
        None => problems.push((String::new(), "missing table story.csv".into())),
    }
    let mut sink = Sink {
        rows: &rows,
        problems: &mut problems,
        read: &mut read,
    };
    sink.table("sources", &mut story.sources);
    sink.table("places", &mut story.places);
    sink.table("categories", &mut story.categories);
    sink.table("units", &mut story.units);
    sink.table("routes", &mut story.routes);
    sink.table("streams", &mut story.streams);
    sink.table("observations", &mut story.observations);
    sink.table("sanctions", &mut story.sanctions);
    sink.table("events", &mut story.events);
    sink.table("steps", &mut story.steps);
    read.story = story;
    let located = read.map.locate_all(problems);
    read.problems.0.extend(located.0);
    read
}

/// What is wrong with a header, at its byte offset: too many columns, or a column nested too
/// deep (each dot is one level of the entity, built by recursion).
fn header_problem(text: &str, header: &[String]) -> Option<(usize, String)> {
    let starts = field_starts(text, 0);
    if header.len() > MAX_CSV_COLUMNS {
        let at = starts.get(MAX_CSV_COLUMNS).copied().unwrap_or(0);
        return Some((
            at,
            format!("a table may have at most {MAX_CSV_COLUMNS} columns"),
        ));
    }
    let (k, _) = header
        .iter()
        .enumerate()
        .find(|(_, c)| c.matches('.').count() > MAX_CSV_COLUMN_DOTS)?;
    Some((
        starts.get(k).copied().unwrap_or(0),
        format!(
            "a column name may have at most {MAX_CSV_COLUMN_DOTS} dots (as in claimant.name.en)"
        ),
    ))
}

struct Sink<'a> {
    rows: &'a std::collections::HashMap<String, Vec<Option<Value>>>,
    problems: &'a mut Vec<(String, String)>,
    read: &'a mut Read,
}

impl Sink<'_> {
    fn table<T: DeserializeOwned>(&mut self, name: &str, out: &mut Vec<T>) {
        let Some(rows) = self.rows.get(name) else {
            return;
        };
        let index = self.read.file_index.entry(name.to_string()).or_default();
        for (i, row) in rows.iter().enumerate() {
            let Some(row) = row else { continue };
            // Straight into the model when the row fits (the model denies unknown fields, as
            // `entity` does); only a row that does not is read again to report each bad field.
            if let Ok(e) = T::deserialize(row) {
                out.push(e);
                index.push(i);
                continue;
            }
            match entity(row, &format!("/{name}/{i}")) {
                Ok(e) => {
                    out.push(e);
                    index.push(i);
                }
                Err(p) => {
                    if let Some(id) = row.get("id").and_then(Value::as_str) {
                        self.read.broken_ids.insert(id.to_string());
                    }
                    self.problems.extend(p);
                }
            }
        }
    }
}

/// A CSV syntax error's byte offset and message.
fn csv_error(e: &::csv::Error) -> (usize, String) {
    let offset = e.position().map_or(0, |p| p.byte() as usize);
    (offset, format!("bad CSV: {e}"))
}

/// Flattens an entity to dotted columns; lists become JSON cells.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        Value::Array(_) => out.push((prefix.to_string(), v.to_string())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Null => {}
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// An observation's quantity as the four CSV columns.
fn unfold_quantity(row: &mut Map<String, Value>) {
    let Some(q) = row.remove("quantity") else {
        return;
    };
    match q {
        Value::String(kind) => {
            row.insert("quantity".into(), Value::String(kind));
        }
        Value::Object(m) => {
            for (kind, v) in m {
                row.insert("quantity".into(), Value::String(kind.clone()));
                match v {
                    Value::Object(r) => {
                        for (k, x) in r {
                            row.insert(k, x);
                        }
                    }
                    x => {
                        row.insert("value".into(), x);
                    }
                }
            }
        }
        _ => {}
    }
}

fn write_table<T: serde::Serialize>(items: &[T], observation: bool) -> Result<String, String> {
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    for item in items {
        let mut v = serde_json::to_value(item).map_err(|e| e.to_string())?;
        if observation {
            if let Value::Object(m) = &mut v {
                unfold_quantity(m);
            }
        }
        let mut cells = Vec::new();
        flatten("", &v, &mut cells);
        for (c, _) in &cells {
            if !columns.contains(c) {
                columns.push(c.clone());
            }
        }
        rows.push(cells);
    }
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(&columns).map_err(|e| e.to_string())?;
    for cells in rows {
        let record: Vec<&str> = columns
            .iter()
            .map(|c| {
                cells
                    .iter()
                    .find(|(k, _)| k == c)
                    .map_or("", |(_, v)| v.as_str())
            })
            .collect();
        w.write_record(&record).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Writes `story` as CSV tables, one (file name, text) pair per non-empty table.
pub fn write_csv(story: &Story) -> Result<CsvFiles, String> {
    let mut files = vec![(
        "story.csv".to_string(),
        write_table(std::slice::from_ref(&story.story), false)?,
    )];
    let mut add = |name: &str, text: String| files.push((format!("{name}.csv"), text));
    add("sources", write_table(&story.sources, false)?);
    add("places", write_table(&story.places, false)?);
    add("categories", write_table(&story.categories, false)?);
    add("units", write_table(&story.units, false)?);
    add("routes", write_table(&story.routes, false)?);
    add("streams", write_table(&story.streams, false)?);
    add("observations", write_table(&story.observations, true)?);
    add("sanctions", write_table(&story.sanctions, false)?);
    add("events", write_table(&story.events, false)?);
    if !story.steps.is_empty() {
        add("steps", write_table(&story.steps, false)?);
    }
    Ok(files)
}
