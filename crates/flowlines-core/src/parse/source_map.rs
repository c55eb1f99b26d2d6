//! Where each part of a story is in its files, found only for the paths a problem is about.
//!
//! A reader records where each entity starts and ends (for JSON also where each section and
//! its key are, for CSV each table's header); a path below an entity (`/observations/4/quantity`)
//! is found when a problem needs it, by reading the entity's containers on the way down, each at
//! most once. So a file of any size costs a few words per entity, and locating a problem costs
//! the size of the entity it is in.

use super::limits::MAX_PROBLEMS;
use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex};
use serde::de::{Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashMap;

/// Where an entity is: its file and its byte range there (for a CSV row, the record's start).
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

/// One member of a JSON array or object: its key's offset (for an object) and its value's range.
#[derive(Debug, Clone)]
struct Child {
    key: Option<String>,
    key_at: usize,
    start: usize,
    end: usize,
}

/// Maps JSON-pointer paths (`/observations/4/quantity`) to a file, line and column.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<(String, LineIndex)>,
    /// For a JSON story, each section's key and value offsets.
    sections: HashMap<String, (usize, usize)>,
    /// For each section (and `story`), each entity in file order.
    entities: HashMap<String, Vec<Span>>,
    /// For a CSV story, each file's header: the JSON pointers each column's cells fill.
    headers: HashMap<usize, Vec<Vec<String>>>,
    /// Where each field starts in each CSV row located so far, by (file, row start): a long
    /// row with many problems is read once, not once per problem.
    fields: HashMap<(usize, usize), Vec<usize>>,
    /// The members of each JSON container read so far, by (file, start).
    children: HashMap<(usize, usize), Vec<Child>>,
}

impl SourceMap {
    /// Adds a file and returns its index.
    pub fn add_file(&mut self, name: &str, text: &str) -> usize {
        self.files.push((name.to_string(), LineIndex::new(text)));
        self.files.len() - 1
    }

    /// A problem at byte `offset` of file `file`.
    pub fn at(&self, file: usize, offset: usize, message: String) -> Diagnostic {
        let (name, (line, column)) = match self.files.get(file) {
            Some((name, lines)) => (name.clone(), lines.position(offset)),
            None => (String::new(), (1, 1)),
        };
        Diagnostic {
            file: name,
            line,
            column,
            message,
        }
    }

    /// Records where a JSON section's key and value start.
    pub(super) fn section(&mut self, name: &str, key_at: usize, value_at: usize) {
        self.sections
            .entry(name.to_string())
            .or_insert((key_at, value_at));
    }

    /// Records the next entity of `section`.
    pub(super) fn entity(&mut self, section: &str, span: Span) {
        self.entities
            .entry(section.to_string())
            .or_default()
            .push(span);
    }

    /// The entities of `section` recorded so far, to record more of them.
    pub(super) fn entities_mut(&mut self, section: &str) -> &mut Vec<Span> {
        self.entities.entry(section.to_string()).or_default()
    }

    /// Records the header of CSV file `file`: for each column, the paths its cells fill.
    pub(super) fn header(&mut self, file: usize, header: Vec<Vec<String>>) {
        self.headers.insert(file, header);
    }

    /// Locates `message` about `path` at the path, or at its nearest part that can be found;
    /// `@offset` or `@file:offset` is a byte offset found while reading.
    pub fn locate(&mut self, path: &str, message: String) -> Diagnostic {
        let (file, offset) = self.offset_of(path);
        self.at(file, offset, message)
    }

    /// Locates every problem, keeping the first [`MAX_PROBLEMS`] and saying how many more
    /// there were.
    pub fn locate_all(&mut self, problems: Vec<(String, String)>) -> Diagnostics {
        self.locate_all_within(problems, MAX_PROBLEMS)
    }

    /// Locates the first `room` problems, saying how many more there were.
    pub fn locate_all_within(
        &mut self,
        problems: Vec<(String, String)>,
        room: usize,
    ) -> Diagnostics {
        let more = problems.len().saturating_sub(room);
        let mut out: Vec<Diagnostic> = problems
            .into_iter()
            .take(room)
            .map(|(path, message)| self.locate(&path, message))
            .collect();
        if more > 0 {
            out.push(self.at(0, 0, more_problems(more)));
        }
        Diagnostics(out)
    }

    fn offset_of(&mut self, path: &str) -> (usize, usize) {
        // `@offset` or `@file:offset`: a place found before there was a path to it.
        if let Some(at) = path.strip_prefix('@') {
            let (file, offset) = at.split_once(':').unwrap_or(("0", at));
            return (file.parse().unwrap_or(0), offset.parse().unwrap_or(0));
        }
        let (path, key) = match path.strip_suffix("#key") {
            Some(p) => (p, true),
            None => (path, false),
        };
        let segments: Vec<String> = path.split('/').skip(1).map(unescape).collect();
        let Some(section) = segments.first() else {
            return (0, self.root_offset());
        };
        let section_at = self.sections.get(section.as_str()).copied();
        let (rest, span) = if section == "story" {
            (
                &segments[1..],
                self.entities.get("story").and_then(|e| e.first()),
            )
        } else {
            let span = segments
                .get(1)
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| self.entities.get(section.as_str())?.get(i));
            (segments.get(2..).unwrap_or(&[]), span)
        };
        let Some(&span) = span else {
            return match section_at {
                Some((k, _)) if key && segments.len() == 1 => (0, k),
                Some((_, v)) => (0, v),
                None => (0, self.root_offset()),
            };
        };
        if let Some(header) = self.headers.get(&span.file) {
            let text = self.files[span.file].1.text();
            let starts = self
                .fields
                .entry((span.file, span.start))
                .or_insert_with(|| super::csv::field_starts(text, span.start));
            return (span.file, csv_offset(starts, span, header, rest));
        }
        (span.file, self.json_offset(span, rest, key))
    }

    /// Where the text of file 0 starts, past white space.
    fn root_offset(&self) -> usize {
        self.files.first().map_or(0, |(_, l)| {
            let t = l.text();
            t.len() - t.trim_start().len()
        })
    }

    fn json_offset(&mut self, span: Span, rest: &[String], key: bool) -> usize {
        let (mut start, mut end) = (span.start, span.end);
        for (n, seg) in rest.iter().enumerate() {
            let children = self
                .children
                .entry((span.file, start))
                .or_insert_with(|| members(self.files[span.file].1.text(), start, end));
            let found = match seg.parse::<usize>() {
                Ok(i) if children.first().is_some_and(|c| c.key.is_none()) => children.get(i),
                _ => children
                    .iter()
                    .find(|c| c.key.as_deref() == Some(seg.as_str())),
            };
            let Some(child) = found else { return start };
            if key && n + 1 == rest.len() {
                return child.key_at;
            }
            (start, end) = (child.start, child.end);
        }
        start
    }
}

/// The line that ends a list of problems cut at [`MAX_PROBLEMS`].
pub(super) fn more_problems(more: usize) -> String {
    format!("and {more} more problems, not listed: fix these first")
}

/// Undoes a JSON pointer's escapes (RFC 6901).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The byte offset of the start of `raw` in `text`, of which it is a part.
pub(super) fn offset_in(text: &str, raw: &str) -> usize {
    (raw.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// The members of the JSON array or object at `text[start..end]`; none for anything else.
fn members(text: &str, start: usize, end: usize) -> Vec<Child> {
    let Some(part) = text.get(start..end) else {
        return Vec::new();
    };
    let mut de = serde_json::Deserializer::from_str(part);
    de.deserialize_any(Members { text }).unwrap_or_default()
}

/// A key as it is in the text when it has no escapes (so its place is known).
struct Key<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// One member of a JSON object as read: its key, the key's offset, its raw value.
pub(super) type Member<'a> = (Cow<'a, str>, usize, &'a RawValue);

/// The (key, key offset, value) members of a JSON object, with the key's offset at its opening
/// quote (at the value when the key is written with escapes).
pub(super) fn object_members<'a, A: MapAccess<'a>>(
    text: &str,
    mut map: A,
) -> Result<Vec<Member<'a>>, A::Error> {
    let mut out = Vec::new();
    while let Some(Key(key)) = map.next_key::<Key<'a>>()? {
        let value: &RawValue = map.next_value()?;
        let key_at = match &key {
            Cow::Borrowed(k) => offset_in(text, k).saturating_sub(1),
            Cow::Owned(_) => offset_in(text, value.get()),
        };
        out.push((key, key_at, value));
    }
    Ok(out)
}

struct Members<'t> {
    text: &'t str,
}

impl<'de> Visitor<'de> for Members<'_> {
    type Value = Vec<Child>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<Child>, A::Error> {
        Ok(object_members(self.text, map)?
            .into_iter()
            .map(|(key, key_at, v)| {
                let start = offset_in(self.text, v.get());
                Child {
                    key: Some(key.into_owned()),
                    key_at,
                    start,
                    end: start + v.get().len(),
                }
            })
            .collect())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Child>, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element::<&RawValue>()? {
            let start = offset_in(self.text, v.get());
            out.push(Child {
                key: None,
                key_at: start,
                start,
                end: start + v.get().len(),
            });
        }
        Ok(out)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
    fn visit_i64<E>(self, _: i64) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
    fn visit_u64<E>(self, _: u64) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
    fn visit_str<E>(self, _: &str) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
    fn visit_unit<E>(self) -> Result<Vec<Child>, E> {
        Ok(Vec::new())
    }
}

/// The offset of the cell a path below a CSV row is about: the column whose cell fills the
/// path or its nearest parent, else the row's first cell. `starts` are the row's field starts,
/// `header` each column's paths.
fn csv_offset(starts: &[usize], span: Span, header: &[Vec<String>], rest: &[String]) -> usize {
    let mut n = rest.len();
    loop {
        let wanted: String = rest[..n]
            .iter()
            .map(|s| format!("/{}", super::json::escape(s)))
            .collect();
        if let Some(k) = header.iter().position(|paths| paths.contains(&wanted)) {
            return starts.get(k).copied().unwrap_or(span.start);
        }
        if n == 0 {
            return span.start;
        }
        n -= 1;
    }
}
