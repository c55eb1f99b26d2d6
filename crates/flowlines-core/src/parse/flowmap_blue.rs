//! FlowmapBlue's sheets read as a story: a folder with `locations.csv` (`id`, `name`, `lat`,
//! `lon`) or a GeoJSON file of places (see [`super::geojson`]), `flows.csv` (`origin`, `dest`,
//! `count`, and optionally `time`), and optionally our one-row `story.csv` and FlowmapBlue's
//! `properties.csv` (see [`super::sheet_settings`]).
//!
//! How the sheet becomes a story (`docs/formats.md` says it for editors):
//! - each location is a place, named by its `name` (its id where it has none), at the
//!   precision and country of its optional `precision` and `country` columns, else of the
//!   settings (default `city` and no country);
//! - each (origin, dest) pair is a stream of the one category and unit of the settings
//!   (default "flows", counted in "units"), drawn on a great circle;
//! - each row is an amount that moved in its `time` (`in_period`): a count in month `2024-10`
//!   is that month's amount, in day `2024-10-13` that day's, in year `2024` that year's; a
//!   date with a time of day is counted in its day. Rows of one pair and one time are summed,
//!   as FlowmapBlue sums them, and the figure says so in its note. Without a `time` column,
//!   every count covers the settings' `period`, which must then be given;
//! - each count is a figure of the settings' qualifier (default `exact`: the sheet's number)
//!   and confidence (default `claimed`: the sheet asserts it, nobody is known to have checked
//!   it), from the settings' source and claimant (default: the sheet itself, "published" on
//!   the 'as of' date, marked as inferred); the caveat says what the sheet did not say;
//! - rows from a place to itself, which a flow map cannot draw, are left out and counted in
//!   the caveat.
//!
//! Every problem is reported at `file:line:column`: an origin that is no location, a latitude
//! off the globe, a missing column, a time that is no date. The caps are those of the CSV form.

use super::limits::{MAX_OBSERVATIONS, MAX_PROBLEMS};
use super::locations::SheetPlace;
use super::sheet_settings::SheetSettings;
use super::sheet_story::Builder;
use super::sheet_table::Sheet;
use super::sheet_time::sheet_time;
use super::source_map::Span;
use super::{CsvFiles, Read};
use std::collections::HashSet;

/// The name of a file without its folder.
pub(super) fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Whether files named `names` are FlowmapBlue's sheets: one of them is `flows.csv`.
pub fn is_flowmap_blue<'a>(mut names: impl Iterator<Item = &'a str>) -> bool {
    names.any(|n| base_name(n).eq_ignore_ascii_case("flows.csv"))
}

/// Reads FlowmapBlue's sheets without validating the story; see [`super::load_flowmap_blue`].
/// `given` are the settings of the command line, which win over the folder's; `fallback`
/// those that only fill what nothing else gives (the folder's name as the title).
pub fn read_flowmap_blue(
    files: &CsvFiles,
    given: &SheetSettings,
    fallback: &SheetSettings,
) -> Read {
    let mut read = Read::default();
    // File 0 is where problems of the story as a whole are reported: story.csv, else flows.csv.
    let rank = |name: &str| match base_name(name).to_ascii_lowercase().as_str() {
        "story.csv" => 0,
        "flows.csv" => 1,
        _ => 2,
    };
    let mut order: Vec<&(String, String)> = files.iter().collect();
    order.sort_by_key(|(name, _)| rank(name));
    let mut story_sheet = None;
    let mut properties = None;
    let mut places_file = None;
    let mut flows = None;
    for (name, text) in order {
        let file = read.map.add_file(name, text);
        let base = base_name(name).to_ascii_lowercase();
        let slot = match base.as_str() {
            "story.csv" => &mut story_sheet,
            "properties.csv" => &mut properties,
            "flows.csv" => &mut flows,
            b if b == "locations.csv" || b.ends_with(".geojson") => &mut places_file,
            _ => {
                let message = format!("unknown file '{}': a folder of flow sheets holds flows.csv, locations.csv (or a .geojson of places), and optionally story.csv and properties.csv", base_name(name));
                let d = read.map.at(file, 0, message);
                read.problems.0.push(d);
                continue;
            }
        };
        if slot.is_some() {
            let message = "a second file of places: give locations.csv or one .geojson file".into();
            let d = read.map.at(file, 0, message);
            read.problems.0.push(d);
            continue;
        }
        *slot = Some((file, name.as_str(), text.as_str()));
    }
    // The settings: flags, then story.csv, then properties.csv.
    let mut from_properties = SheetSettings::default();
    if let Some((file, name, text)) = properties {
        read_properties(&mut read, file, name, text, &mut from_properties);
    }
    let mut from_story = SheetSettings::default();
    if let Some((file, name, text)) = story_sheet {
        read_story_sheet(&mut read, file, name, text, &mut from_story);
    }
    let settings = given
        .clone()
        .over(from_story.over(from_properties.over(fallback.clone())));

    let places = match places_file {
        Some((file, name, text)) if base_name(name).eq_ignore_ascii_case("locations.csv") => {
            super::locations::read_locations(&mut read, file, name, text)
        }
        Some((file, _, text)) => super::geojson::read_places(&mut read, file, text),
        None => {
            let d = read.map.at(0, 0, "missing locations.csv: the places flows go between (id, name, lat, lon), or a .geojson of Point features".into());
            read.problems.0.push(d);
            Vec::new()
        }
    };
    let Some((flows_file, flows_name, flows_text)) = flows else {
        let d = read
            .map
            .at(0, 0, "missing flows.csv: origin, dest, count".into());
        read.problems.0.push(d);
        return read;
    };
    let mut builder = Builder::new(&settings, flows_name);
    for p in &places {
        read.map.entity("places", p.span);
    }
    builder.places(&places);
    read_flows(
        &mut builder,
        &mut read,
        flows_file,
        flows_name,
        flows_text,
        &places,
    );
    builder.finish(&mut read);
    cap_problems(&mut read);
    read
}

/// Keeps the first [`MAX_PROBLEMS`] problems met while reading, in file order, and says how
/// many more there were, as the other readers do.
fn cap_problems(read: &mut Read) {
    let more = read.problems.len().saturating_sub(MAX_PROBLEMS);
    if more > 0 {
        let mut all = std::mem::take(&mut read.problems).sorted();
        all.0.truncate(MAX_PROBLEMS);
        all.0
            .push(read.map.at(0, 0, super::source_map::more_problems(more)));
        read.problems = all;
    }
}

/// Reads FlowmapBlue's `properties.csv` (`property,value`) into `out`.
fn read_properties(read: &mut Read, file: usize, name: &str, text: &str, out: &mut SheetSettings) {
    let Some(sheet) = Sheet::read(read, file, name, text, 1_000) else {
        return;
    };
    let needs = "FlowmapBlue's properties sheet has property and value";
    let (Some(p), Some(v)) = (
        sheet.required(read, "property", needs),
        sheet.required(read, "value", needs),
    ) else {
        return;
    };
    for (start, record) in &sheet.rows {
        let (Some(property), Some(value)) = (
            sheet.text(read, *start, record, p),
            sheet.text(read, *start, record, v),
        ) else {
            continue;
        };
        if let Err(message) = out.set_property(property, value) {
            sheet.fail(read, *start, v, message);
        }
    }
}

/// Reads the folder's one-row `story.csv` into `out`, and records it as the story's place.
fn read_story_sheet(read: &mut Read, file: usize, name: &str, text: &str, out: &mut SheetSettings) {
    let Some(sheet) = Sheet::read(read, file, name, text, 1) else {
        return;
    };
    read.map.header(
        file,
        sheet
            .columns
            .iter()
            .map(|c| vec![format!("/{c}")])
            .collect(),
    );
    let Some((start, record)) = sheet.rows.first() else {
        return;
    };
    read.map.entity(
        "story",
        Span {
            file,
            start: *start,
            end: *start,
        },
    );
    for (k, column) in sheet.columns.iter().enumerate() {
        let Some(value) = sheet.text(read, *start, record, k) else {
            continue;
        };
        if let Err(message) = out.set(column, value) {
            sheet.fail(read, *start, k, message);
        }
    }
}

/// Reads `flows.csv` row by row into streams and summed figures.
fn read_flows(
    builder: &mut Builder<'_>,
    read: &mut Read,
    file: usize,
    name: &str,
    text: &str,
    places: &[SheetPlace],
) {
    let Some(sheet) = Sheet::read(read, file, name, text, MAX_OBSERVATIONS) else {
        return;
    };
    let needs = "FlowmapBlue's flows sheet has origin, dest and count (and optionally time)";
    let origin = sheet.required(read, "origin", needs);
    let dest = sheet.required(read, "dest", needs);
    let count = sheet.required(read, "count", needs);
    let (Some(origin), Some(dest), Some(count)) = (origin, dest, count) else {
        return;
    };
    let time = sheet.column("time");
    let paths = |c: &String| match c.as_str() {
        "origin" => vec!["/from".to_string(), "/stream".into()],
        "dest" => vec!["/to".to_string()],
        "count" => ["exact", "about", "at_least", "at_most"]
            .map(|k| format!("/quantity/{k}"))
            .into_iter()
            .chain(["/quantity".to_string()])
            .collect(),
        "time" => vec!["/period".to_string()],
        other => vec![format!("/{other}")],
    };
    read.map
        .header(file, sheet.columns.iter().map(paths).collect());
    if time.is_none() && builder.settings.period.is_none() {
        let d = read.map.at(file, 0, format!("{} has no time column: say what period the counts cover, as a 'period' column of story.csv or --set period=2024", base_name(&sheet.name)));
        read.problems.0.push(d);
        return;
    }
    let known: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
    for (start, record) in &sheet.rows {
        let start = *start;
        let mut ends = [(origin, "origin"), (dest, "dest")].map(|(k, what)| {
            let id = sheet.text(read, start, record, k)?;
            if id.is_empty() {
                sheet.fail(read, start, k, format!("missing {what}"));
                return None;
            }
            if read.broken_ids.contains(id) {
                return None;
            }
            if !known.contains(id) {
                sheet.fail(
                    read,
                    start,
                    k,
                    format!("unknown {what} '{id}': no location has this id"),
                );
                return None;
            }
            Some(id.to_string())
        });
        let amount = sheet.number(read, start, record, count, "count");
        let amount = match amount {
            Some(v) if v < 0.0 => {
                sheet.fail(
                    read,
                    start,
                    count,
                    format!("negative count {v}: a count of what moved is never below zero"),
                );
                None
            }
            other => other,
        };
        let when = match time {
            None => Some(None),
            Some(k) => match record.get(k).unwrap_or("").trim() {
                "" => {
                    sheet.fail(
                        read,
                        start,
                        k,
                        "missing time: every row of a sheet with a time column has one".into(),
                    );
                    None
                }
                cell => match sheet_time(cell) {
                    Ok(t) => Some(Some(t)),
                    Err(message) => {
                        sheet.fail(read, start, k, message);
                        None
                    }
                },
            },
        };
        let (Some(from), Some(to), Some(amount), Some(when)) =
            (ends[0].take(), ends[1].take(), amount, when)
        else {
            continue;
        };
        if let Err(message) = builder.add(read, file, start, from, to, when, amount) {
            sheet.fail(read, start, origin, message);
        }
    }
    builder.figures_from_parts(read, file);
}
