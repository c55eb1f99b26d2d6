//! The JSON reader: the canonical form of a story.
//!
//! The text is first checked against the caps in [`super::limits`] in one linear pass, then
//! parsed by `serde_json` into each section's entities as raw slices of the text, and each
//! entity is deserialised on its own straight into the model, so that every bad entity is
//! reported, not just the first. Only an entity that fails is parsed again into a
//! `serde_json::Value`, to find all of its bad fields; the [`super::SourceMap`] records where
//! each entity is and finds a problem's line and column only when there is a problem.

use super::limits::{file_too_large, max_entities};
use super::source_map::{object_members, offset_in, Span};
use super::Read;
use serde::de::{DeserializeOwned, Deserializer as _, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashSet;

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

/// The fields a struct `T` is deserialised from, as serde derives them; empty for a type that
/// is not a struct.
fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe(&'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for &mut Probe {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(serde::de::Error::custom("probed"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut probe = Probe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// Deserialises one entity and reports every bad field of it, not only the first: every
/// unknown field at once, then after each other failure the offending field is set aside and
/// the rest is tried again (at most once per field the entity's type has).
pub(super) fn entity<T: DeserializeOwned>(
    value: &Value,
    base: &str,
) -> Result<T, Vec<(String, String)>> {
    let mut problems = Vec::new();
    let mut removed_fields: HashSet<String> = HashSet::new();
    let mut rest = value.clone();
    let fields = fields_of::<T>();
    if let (Value::Object(m), false) = (&mut rest, fields.is_empty()) {
        let unknown: Vec<String> = m
            .keys()
            .filter(|k| !fields.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            let message =
                <serde::de::value::Error as serde::de::Error>::unknown_field(&key, fields);
            problems.push((format!("{base}/{}#key", escape(&key)), message.to_string()));
            m.remove(&key);
            removed_fields.insert(key);
        }
    }
    for _ in 0..=fields.len() {
        match entity_once::<T>(&rest, base) {
            Ok(t) if problems.is_empty() => return Ok(t),
            Ok(_) => return Err(problems),
            Err((path, message)) => {
                // A field set aside is now missing: its own problem was already reported.
                let missing = message
                    .strip_prefix("missing field `")
                    .and_then(|m| m.strip_suffix('`'));
                if missing.is_some_and(|f| removed_fields.contains(f)) {
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
                        removed_fields.insert(f);
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

/// Deserialises one entity from its raw text: straight into the model when it fits, else
/// through a `Value` to report every bad field (see [`entity`]).
/// `base` makes the entity's path, only when there is a problem to report.
fn raw_entity<T: DeserializeOwned>(
    text: &str,
    raw: &RawValue,
    base: impl Fn() -> String,
) -> Result<T, Vec<(String, String)>> {
    if let Ok(t) = serde_json::from_str::<T>(raw.get()) {
        return Ok(t);
    }
    match serde_json::from_str::<Value>(raw.get()) {
        Ok(v) => entity(&v, &base()),
        Err(e) => Err(vec![(
            format!(
                "@{}",
                offset_in(text, raw.get()) + error_offset(raw.get(), &e)
            ),
            format!("invalid JSON: {}", bare_message(&e)),
        )]),
    }
}

/// The byte offset within `text` of a `serde_json` error about it.
fn error_offset(text: &str, e: &serde_json::Error) -> usize {
    if e.line() == 0 {
        return 0;
    }
    let line_start = text
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum::<usize>();
    (line_start + e.column().saturating_sub(1)).min(text.len())
}

/// A `serde_json` error's message without its "at line L column C".
fn bare_message(e: &serde_json::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m,
    }
}

/// The top of a story: each section's name, where its key is, and its raw value.
struct Top<'a>(Vec<(String, usize, &'a RawValue)>);

struct TopVisitor<'t>(&'t str);

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = Top<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object with a \"story\" section")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top<'de>, A::Error> {
        Ok(Top(object_members(self.0, map)?
            .into_iter()
            .map(|(k, at, v)| (k.into_owned(), at, v))
            .collect()))
    }
}

/// Reads a story from JSON text without validating references; see [`super::load_json`].
/// What its readings repeat is held once (`model::shared`).
pub fn read_json(file: &str, text: &str) -> Read {
    crate::model::shared::sharing(|| read_json_shared(file, text))
}

fn read_json_shared(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let f = read.map.add_file(file, text);
    let fail = |read: &mut Read, offset: usize, message: String| {
        let d = read.map.at(f, offset, message);
        read.problems.0.push(d);
    };
    if let Some(message) = file_too_large(text.len(), "a story") {
        fail(&mut read, 0, message);
        return read;
    }
    if let Some((offset, message)) = super::scan::json_caps(text) {
        fail(&mut read, offset, message);
        return read;
    }
    if text.trim().is_empty() {
        fail(
            &mut read,
            0,
            "the file is empty: expected a JSON object".into(),
        );
        return read;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let top = match de
        .deserialize_any(TopVisitor(text))
        .and_then(|top| de.end().map(|()| top))
    {
        Ok(top) => top,
        Err(e) => {
            let message = if e.is_data() {
                "expected a JSON object with a \"story\" section".to_string()
            } else {
                format!("invalid JSON: {}", bare_message(&e))
            };
            fail(&mut read, error_offset(text, &e), message);
            return read;
        }
    };
    let mut problems: Vec<(String, String)> = Vec::new();
    let mut seen = HashSet::new();
    let mut sections = std::collections::HashMap::new();
    for (key, key_at, raw) in &top.0 {
        let value_at = offset_in(text, raw.get());
        read.map.section(key, *key_at, value_at);
        if !seen.insert(key.as_str()) {
            problems.push((format!("@{key_at}"), format!("duplicate key '{key}'")));
        } else if !super::SECTIONS.contains(&key.as_str()) {
            problems.push((
                format!("/{}#key", escape(key)),
                format!(
                    "unknown section '{key}': expected one of {}",
                    super::SECTIONS.join(", ")
                ),
            ));
        } else {
            sections.insert(key.as_str(), *raw);
        }
    }
    match sections.get("story") {
        Some(v) => {
            let start = offset_in(text, v.get());
            read.map.entity(
                "story",
                Span {
                    file: f,
                    start,
                    end: start + v.get().len(),
                },
            );
            match raw_entity(text, v, || "/story".to_string()) {
                Ok(meta) => read.story.story = meta,
                Err(p) => problems.extend(p),
            }
        }
        None => problems.push((String::new(), "missing section 'story'".into())),
    }
    let mut s = Sink {
        text,
        file: f,
        sections: &sections,
        problems: &mut problems,
        read: &mut read,
    };
    let mut story = std::mem::take(&mut s.read.story);
    s.section("sources", &mut story.sources);
    s.section("places", &mut story.places);
    s.section("categories", &mut story.categories);
    s.section("units", &mut story.units);
    s.section("routes", &mut story.routes);
    s.section("streams", &mut story.streams);
    s.section("observations", &mut story.observations);
    s.section("sanctions", &mut story.sanctions);
    s.section("events", &mut story.events);
    s.section("steps", &mut story.steps);
    read.story = story;
    read.problems = read.map.locate_all(problems);
    read
}

/// Collects the entities and problems of the array sections.
struct Sink<'a, 't> {
    text: &'t str,
    file: usize,
    sections: &'a std::collections::HashMap<&'a str, &'t RawValue>,
    problems: &'a mut Vec<(String, String)>,
    read: &'a mut Read,
}

impl Sink<'_, '_> {
    /// Reads one array section entity by entity, up to its cap.
    fn section<T: DeserializeOwned>(&mut self, name: &str, out: &mut Vec<T>) {
        let Some(v) = self.sections.get(name) else {
            return;
        };
        let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(v.get()) else {
            self.problems
                .push((format!("/{name}"), format!("'{name}' must be an array")));
            return;
        };
        let cap = max_entities(name).unwrap_or(usize::MAX);
        if let Some(extra) = items.get(cap) {
            self.problems.push((
                format!("@{}", offset_in(self.text, extra.get())),
                format!("a story may have at most {cap} {name}: this is one too many"),
            ));
        }
        let count = items.len().min(cap);
        // Room for every entity at once: growing by doubling would copy tens of megabytes of
        // entities on a large story, into fresh memory each time.
        out.reserve(count);
        let index = self.read.file_index.entry(name.to_string()).or_default();
        index.reserve(count);
        let spans = self.read.map.entities_mut(name);
        spans.reserve(count);
        for (i, item) in items.iter().take(cap).enumerate() {
            let start = offset_in(self.text, item.get());
            spans.push(Span {
                file: self.file,
                start,
                end: start + item.get().len(),
            });
            match raw_entity(self.text, item, || format!("/{name}/{i}")) {
                Ok(e) => {
                    out.push(e);
                    index.push(i);
                }
                Err(p) => {
                    if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(item.get()) {
                        if let Some(id) = m.get("id").and_then(Value::as_str) {
                            self.read.broken_ids.insert(id.to_string());
                        }
                    }
                    self.problems.extend(p);
                }
            }
        }
    }
}
