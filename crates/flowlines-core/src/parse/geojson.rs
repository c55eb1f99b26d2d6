//! Places from GeoJSON: a FeatureCollection of Point features, each with an `id` (the
//! feature's own `id`, or an `id` property) and a `name` property, used with a `flows.csv` in
//! place of `locations.csv` (see [`super::flowmap_blue`]).
//!
//! The text goes through the same linear first pass and caps as a JSON story
//! ([`super::scan::json_caps`]); then each feature is read on its own, and every problem is
//! reported at its `file:line:column`: a feature that is not a Point, a missing id, a latitude
//! off the globe. A `precision` or `country` property is read as `locations.csv` reads those
//! columns; other properties are left alone. Polygons, lines and multi-points are not places:
//! they are refused, not reduced to a point of our choosing.

use super::limits::{file_too_large, MAX_PLACES, MAX_STRING_BYTES};
use super::locations::SheetPlace;
use super::source_map::{object_members, offset_in, Member, Span};
use super::Read;
use serde::de::{Deserializer as _, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

/// The members of the JSON object `raw` (a part of `text`), or `None` when it is not an object.
fn members<'t>(text: &'t str, raw: &'t RawValue) -> Option<Vec<Member<'t>>> {
    struct V<'a>(&'a str);
    impl<'de> Visitor<'de> for V<'_> {
        type Value = Vec<Member<'de>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            object_members(self.0, map)
        }
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    de.deserialize_map(V(text)).ok()
}

/// Whether the object `members` (of `text`, starting at `at`) has `"type": "<kind>"`; if not,
/// the offset and message of the problem: `wrong` of the type shown (at most 40 characters) at
/// the type's place, or `missing` at the object.
fn type_is(
    text: &str,
    members: &[Member<'_>],
    kind: &str,
    at: usize,
    wrong: impl Fn(&str) -> String,
    missing: &str,
) -> Result<(), (usize, String)> {
    match get(members, "type") {
        Some((_, _, v))
            if v.get().strip_prefix('"').and_then(|t| t.strip_suffix('"')) == Some(kind) =>
        {
            Ok(())
        }
        Some((_, _, v)) => {
            let shown: String = v.get().chars().take(40).collect();
            Err((offset_in(text, v.get()), wrong(&shown)))
        }
        None => Err((at, missing.to_string())),
    }
}

/// The member `key` of an object's members.
fn get<'m, 't>(members: &'m [Member<'t>], key: &str) -> Option<&'m Member<'t>> {
    members.iter().find(|(k, _, _)| k == key)
}

/// Reads the places of the GeoJSON `text`, file `file` of `read`'s source map, reporting every
/// problem at its place; places with a problem are left out.
pub(super) fn read_places(read: &mut Read, file: usize, text: &str) -> Vec<SheetPlace> {
    let fail = |read: &mut Read, offset: usize, message: String| {
        let d = read.map.at(file, offset, message);
        read.problems.0.push(d);
    };
    if let Some(message) = file_too_large(text.len(), "a file of places") {
        fail(read, 0, message);
        return Vec::new();
    }
    if let Some((offset, message)) = super::scan::json_caps(text) {
        fail(read, offset, message);
        return Vec::new();
    }
    let root: &RawValue = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let offset = line_column_offset(text, e.line(), e.column());
            fail(read, offset, format!("invalid JSON: {}", bare(&e)));
            return Vec::new();
        }
    };
    let root_at = offset_in(text, root.get());
    let Some(top) = members(text, root) else {
        fail(
            read,
            root_at,
            "expected a GeoJSON FeatureCollection object".into(),
        );
        return Vec::new();
    };
    if let Err((offset, message)) = type_is(
        text,
        &top,
        "FeatureCollection",
        root_at,
        |shown| format!("type {shown}: places are read from a \"FeatureCollection\""),
        "missing \"type\": \"FeatureCollection\"",
    ) {
        fail(read, offset, message);
        return Vec::new();
    }
    let Some((_, features_at, features)) = get(&top, "features") else {
        fail(
            read,
            root_at,
            "missing \"features\": a FeatureCollection lists its features".into(),
        );
        return Vec::new();
    };
    let Ok(features) = serde_json::from_str::<Vec<&RawValue>>(features.get()) else {
        fail(read, *features_at, "\"features\" must be an array".into());
        return Vec::new();
    };
    let mut places = Vec::with_capacity(features.len().min(MAX_PLACES));
    for (i, feature) in features.iter().enumerate() {
        let at = offset_in(text, feature.get());
        if i >= MAX_PLACES {
            fail(
                read,
                at,
                format!("a story may have at most {MAX_PLACES} places: this is one too many"),
            );
            break;
        }
        if let Some(place) = read_feature(read, file, text, feature) {
            places.push(place);
        }
    }
    places
}

/// Reads one feature as a place, or reports why it is not one.
fn read_feature(
    read: &mut Read,
    file: usize,
    text: &str,
    feature: &RawValue,
) -> Option<SheetPlace> {
    let fail = |read: &mut Read, offset: usize, message: String| {
        let d = read.map.at(file, offset, message);
        read.problems.0.push(d);
    };
    let at = offset_in(text, feature.get());
    let Some(f) = members(text, feature) else {
        fail(read, at, "a feature must be a JSON object".into());
        return None;
    };
    let properties = get(&f, "properties")
        .and_then(|(_, _, v)| members(text, v))
        .unwrap_or_default();
    // The id: the feature's own, else its `id` property; a string or a number.
    let id_member = get(&f, "id").or_else(|| get(&properties, "id"));
    let id = match id_member.map(|(_, at, v)| (at, serde_json::from_str::<Value>(v.get()))) {
        Some((_, Ok(Value::String(s)))) if !s.trim().is_empty() => s.trim().to_string(),
        Some((_, Ok(Value::Number(n)))) => n.to_string(),
        Some((&at, _)) => {
            fail(
                read,
                at,
                "a place's id must be a non-empty string or a number".into(),
            );
            return None;
        }
        None => {
            fail(
                read,
                at,
                "a place needs an id: the feature's \"id\" or an \"id\" property".into(),
            );
            return None;
        }
    };
    let place = described(read, file, text, &f, &properties, id.clone(), feature);
    if place.is_none() {
        // Flows that name a place with a problem are not reported again.
        read.broken_ids.insert(id);
    }
    place
}

/// The rest of a feature whose id is `id`: its name, precision, country and point.
fn described(
    read: &mut Read,
    file: usize,
    text: &str,
    f: &[Member<'_>],
    properties: &[Member<'_>],
    id: String,
    feature: &RawValue,
) -> Option<SheetPlace> {
    let fail = |read: &mut Read, offset: usize, message: String| {
        let d = read.map.at(file, offset, message);
        read.problems.0.push(d);
    };
    let at = offset_in(text, feature.get());
    let text_property = |read: &mut Read, key: &str| -> Result<Option<String>, ()> {
        let Some((_, at, v)) = get(properties, key) else {
            return Ok(None);
        };
        match serde_json::from_str::<Value>(v.get()) {
            Ok(Value::String(s)) if s.len() <= MAX_STRING_BYTES => Ok(Some(s.trim().to_string())),
            Ok(Value::Null) => Ok(None),
            _ => {
                fail(read, *at, format!("the \"{key}\" property must be a text"));
                Err(())
            }
        }
    };
    let name = text_property(read, "name").ok()?;
    let precision = match text_property(read, "precision").ok()? {
        None => None,
        Some(p) => match serde_json::from_value(Value::String(p.clone())) {
            Ok(p) => Some(p),
            Err(_) => {
                let at = get(properties, "precision").map_or(at, |(_, a, _)| *a);
                fail(
                    read,
                    at,
                    format!("unknown precision '{p}': expected facility, city, region or country"),
                );
                return None;
            }
        },
    };
    let country = text_property(read, "country").ok()?;
    let (lon, lat) = point(read, file, text, f, at)?;
    Some(SheetPlace {
        name: name.filter(|n| !n.is_empty()).unwrap_or_else(|| id.clone()),
        id,
        lon,
        lat,
        precision,
        country,
        span: Span {
            file,
            start: at,
            end: at + feature.get().len(),
        },
    })
}

/// A Point feature's longitude and latitude, checked to be on the globe.
fn point(
    read: &mut Read,
    file: usize,
    text: &str,
    f: &[Member<'_>],
    at: usize,
) -> Option<(f64, f64)> {
    let fail = |read: &mut Read, offset: usize, message: String| {
        let d = read.map.at(file, offset, message);
        read.problems.0.push(d);
    };
    let Some((_, geometry_at, geometry)) = get(f, "geometry") else {
        fail(read, at, "a place needs a \"geometry\": a Point".into());
        return None;
    };
    let Some(g) = members(text, geometry) else {
        fail(
            read,
            *geometry_at,
            "a place's geometry must be a Point object".into(),
        );
        return None;
    };
    if let Err((offset, message)) = type_is(
        text,
        &g,
        "Point",
        *geometry_at,
        |shown| format!("geometry {shown}: a place is a \"Point\""),
        "a geometry needs a \"type\": \"Point\"",
    ) {
        fail(read, offset, message);
        return None;
    }
    let Some((_, coords_at, coords)) = get(&g, "coordinates") else {
        fail(
            read,
            *geometry_at,
            "a Point needs \"coordinates\": [longitude, latitude]".into(),
        );
        return None;
    };
    let items: Vec<&RawValue> = serde_json::from_str(coords.get()).unwrap_or_default();
    if items.len() < 2 {
        fail(
            read,
            *coords_at,
            "a Point's coordinates are [longitude, latitude]".into(),
        );
        return None;
    }
    let mut out = [0.0; 2];
    for (k, (what, bound)) in [("longitude", 180.0), ("latitude", 90.0)]
        .into_iter()
        .enumerate()
    {
        let item_at = offset_in(text, items[k].get());
        match serde_json::from_str::<f64>(items[k].get()) {
            Ok(v) if v.is_finite() && v.abs() <= bound => out[k] = v,
            Ok(v) => {
                fail(
                    read,
                    item_at,
                    format!("{what} {v} is outside -{bound} to {bound}"),
                );
                return None;
            }
            Err(_) => {
                fail(read, item_at, format!("the {what} must be a number"));
                return None;
            }
        }
    }
    Some((out[0], out[1]))
}

/// The byte offset of a 1-based line and column as `serde_json` reports them.
fn line_column_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// A `serde_json` error's message without its "at line L column C".
fn bare(e: &serde_json::Error) -> String {
    let m = e.to_string();
    m.rfind(" at line ")
        .map_or(m.clone(), |i| m[..i].to_string())
}
