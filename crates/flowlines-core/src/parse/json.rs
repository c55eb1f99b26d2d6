//! The JSON reader: the canonical form of a story.
//!
//! The text is parsed by `jsonc-parser` in strict JSON mode, because its syntax tree keeps the
//! position of every value; the tree becomes a `serde_json::Value` plus a [`SourceMap`], and each
//! entity is deserialised on its own so that every bad entity is reported, not just the first.

use super::{Read, SourceMap};
use crate::diagnostic::{Diagnostic, LineIndex};
use jsonc_parser::ast;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

fn strict() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

struct Walker<'t> {
    lines: LineIndex,
    map: SourceMap,
    file: usize,
    problems: Vec<(String, String)>,
    _text: &'t str,
}

impl Walker<'_> {
    fn mark(&mut self, path: &str, offset: usize) {
        let (line, column) = self.lines.position(offset);
        self.map.insert(path.to_string(), self.file, line, column);
    }

    /// Converts a syntax-tree value to a JSON value, recording where each path starts.
    fn value(&mut self, v: &ast::Value<'_>, path: &str) -> Value {
        match v {
            ast::Value::StringLit(s) => {
                self.mark(path, s.range.start);
                Value::String(s.value.to_string())
            }
            ast::Value::NumberLit(n) => {
                self.mark(path, n.range.start);
                match serde_json::from_str::<Number>(n.value) {
                    Ok(num) => Value::Number(num),
                    Err(_) => {
                        self.problems
                            .push((path.to_string(), format!("bad number '{}'", n.value)));
                        Value::Null
                    }
                }
            }
            ast::Value::BooleanLit(b) => {
                self.mark(path, b.range.start);
                Value::Bool(b.value)
            }
            ast::Value::NullKeyword(n) => {
                self.mark(path, n.range.start);
                Value::Null
            }
            ast::Value::Array(a) => {
                self.mark(path, a.range.start);
                Value::Array(
                    a.elements
                        .iter()
                        .enumerate()
                        .map(|(i, e)| self.value(e, &format!("{path}/{i}")))
                        .collect(),
                )
            }
            ast::Value::Object(o) => {
                self.mark(path, o.range.start);
                let mut m = Map::new();
                for p in &o.properties {
                    let key = p.name.as_str().to_string();
                    let child = format!("{path}/{}", escape(&key));
                    // A property's problems point at its name, where a reader looks first.
                    self.mark(&format!("{child}#key"), p.range.start);
                    let value = self.value(&p.value, &child);
                    if m.insert(key.clone(), value).is_some() {
                        self.problems
                            .push((format!("{child}#key"), format!("duplicate key '{key}'")));
                    }
                }
                Value::Object(m)
            }
        }
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Converts a serde path (from `serde_path_to_error`) to a JSON pointer below `base`.
pub(super) fn pointer(base: &str, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = base.to_string();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out.push_str(&format!("/{}", escape(key))),
            Segment::Enum { variant } => out.push_str(&format!("/{}", escape(variant))),
            Segment::Unknown => {}
        }
    }
    out
}

/// Deserialises one entity, reporting a problem at its exact path when it does not fit.
fn entity_once<T: DeserializeOwned>(value: &Value, base: &str) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let mut path = pointer(base, e.path());
        let message = e.inner().to_string();
        // An unknown field is reported at that field's name.
        if let Some(field) = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
        {
            path = format!("{path}/{}#key", escape(field));
        }
        (path, message)
    })
}

/// Deserialises one entity and reports every bad field of it, not only the first: after each
/// failure the offending field is set aside and the rest is tried again.
pub(super) fn entity<T: DeserializeOwned>(
    value: &Value,
    base: &str,
) -> Result<T, Vec<(String, String)>> {
    let mut problems = Vec::new();
    let mut removed_fields: Vec<String> = Vec::new();
    let mut rest = value.clone();
    // Each retry removes one field, so this ends after at most as many tries as there are fields.
    let fields = value.as_object().map_or(0, |m| m.len());
    for _ in 0..=fields {
        match entity_once::<T>(&rest, base) {
            Ok(t) if problems.is_empty() => return Ok(t),
            Ok(_) => return Err(problems),
            Err((path, message)) => {
                // A field set aside is now missing: its own problem was already reported.
                if removed_fields
                    .iter()
                    .any(|f| message == format!("missing field `{f}`"))
                {
                    return Err(problems);
                }
                let field = path
                    .strip_prefix(base)
                    .and_then(|p| p.strip_prefix('/'))
                    .map(|p| p.split(['/', '#']).next().unwrap_or(p).to_string());
                problems.push((path, message));
                let removed = match (&mut rest, field) {
                    (Value::Object(m), Some(f)) if !f.is_empty() => {
                        let gone = m.remove(&f).is_some();
                        removed_fields.push(f);
                        gone
                    }
                    _ => false,
                };
                if !removed {
                    return Err(problems);
                }
            }
        }
    }
    Err(problems)
}

/// Reads a story from JSON text without validating references; see [`super::load_json`].
pub fn read_json(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let file_index = read.map.add_file(file);
    let parsed = match jsonc_parser::parse_to_ast(text, &Default::default(), &strict()) {
        Ok(p) => p,
        Err(e) => {
            read.problems.0.push(Diagnostic {
                file: file.to_string(),
                line: e.line_display(),
                column: e.column_display(),
                message: format!("invalid JSON: {}", e.kind()),
            });
            return read;
        }
    };
    let Some(root) = parsed.value else {
        read.problems.0.push(Diagnostic {
            file: file.to_string(),
            line: 1,
            column: 1,
            message: "the file is empty: expected a JSON object".into(),
        });
        return read;
    };
    let mut walker = Walker {
        lines: LineIndex::new(text),
        map: std::mem::take(&mut read.map),
        file: file_index,
        problems: Vec::new(),
        _text: text,
    };
    let value = walker.value(&root, "");
    let mut problems = std::mem::take(&mut walker.problems);
    read.map = walker.map;
    let Value::Object(top) = value else {
        problems.push((
            String::new(),
            "expected a JSON object with a \"story\" section".into(),
        ));
        read.problems = locate_all(&read.map, problems);
        return read;
    };
    for key in top.keys() {
        if !super::SECTIONS.contains(&key.as_str()) {
            problems.push((
                format!("/{}#key", escape(key)),
                format!(
                    "unknown section '{key}': expected one of {}",
                    super::SECTIONS.join(", ")
                ),
            ));
        }
    }
    match top.get("story") {
        Some(v) => match entity(v, "/story") {
            Ok(meta) => read.story.story = meta,
            Err(p) => problems.extend(p),
        },
        None => problems.push((String::new(), "missing section 'story'".into())),
    }
    let mut s = Sink {
        problems: &mut problems,
        read: &mut read,
    };
    let mut story = std::mem::take(&mut s.read.story);
    s.section(&top, "sources", &mut story.sources);
    s.section(&top, "places", &mut story.places);
    s.section(&top, "categories", &mut story.categories);
    s.section(&top, "units", &mut story.units);
    s.section(&top, "routes", &mut story.routes);
    s.section(&top, "streams", &mut story.streams);
    s.section(&top, "observations", &mut story.observations);
    s.section(&top, "sanctions", &mut story.sanctions);
    s.section(&top, "events", &mut story.events);
    read.story = story;
    read.problems = locate_all(&read.map, problems);
    read
}

fn locate_all(map: &SourceMap, problems: Vec<(String, String)>) -> crate::Diagnostics {
    crate::Diagnostics(
        problems
            .into_iter()
            .map(|(path, message)| map.locate(&path, message))
            .collect(),
    )
}

/// Collects the entities and problems of the array sections.
struct Sink<'a> {
    problems: &'a mut Vec<(String, String)>,
    read: &'a mut Read,
}

impl Sink<'_> {
    /// Reads one array section entity by entity.
    fn section<T: DeserializeOwned>(
        &mut self,
        top: &Map<String, Value>,
        name: &str,
        out: &mut Vec<T>,
    ) {
        let Some(v) = top.get(name) else { return };
        let Value::Array(items) = v else {
            self.problems
                .push((format!("/{name}"), format!("'{name}' must be an array")));
            return;
        };
        let index = self.read.file_index.entry(name.to_string()).or_default();
        for (i, item) in items.iter().enumerate() {
            match entity(item, &format!("/{name}/{i}")) {
                Ok(e) => {
                    out.push(e);
                    index.push(i);
                }
                Err(p) => {
                    if let Some(id) = item.get("id").and_then(Value::as_str) {
                        self.read.broken_ids.insert(id.to_string());
                    }
                    self.problems.extend(p);
                }
            }
        }
    }
}
