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

use super::limits::{MAX_OBSERVATIONS, MAX_PLACES, MAX_STREAMS};
use super::sheet_settings::{Qualifier, SheetSettings};
use super::sheet_table::Sheet;
use super::source_map::Span;
use super::{CsvFiles, Read};
use crate::date::{DateSpec, Period};
use crate::model::{
    Category, Claimant, Confidence, Measure, Names, Observation, Place, Precision, Quantity,
    Source, Story, StoryMeta, Stream, Text, Unit,
};
use std::collections::HashMap;

/// A place as a sheet gives it, and where it is.
pub(super) struct SheetPlace {
    /// Its id, which `origin` and `dest` name.
    pub id: String,
    /// Its name (its id where the sheet gives none).
    pub name: String,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
    /// What the point stands for, where the sheet says.
    pub precision: Option<Precision>,
    /// Its ISO country code, where the sheet says.
    pub country: Option<String>,
    /// Where it is in its file.
    pub span: Span,
}

/// The name of a file without its folder.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Whether files named `names` are FlowmapBlue's sheets: one of them is `flows.csv`.
pub fn is_flowmap_blue<'a>(mut names: impl Iterator<Item = &'a str>) -> bool {
    names.any(|n| base_name(n).eq_ignore_ascii_case("flows.csv"))
}

/// One row's part of a figure: its count and its line.
struct Part {
    count: f64,
    start: usize,
}

/// Reads FlowmapBlue's sheets without validating the story; see [`super::load_flowmap_blue`].
/// `given` are the settings of the command line, which win over the folder's.
pub fn read_flowmap_blue(files: &CsvFiles, given: &SheetSettings) -> Read {
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
    let settings = given.clone().over(from_story.over(from_properties));

    let places = match places_file {
        Some((file, name, text)) if base_name(name).eq_ignore_ascii_case("locations.csv") => {
            read_locations(&mut read, file, name, text)
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
    builder.flows(&mut read, flows_file, flows_name, flows_text, &places);
    builder.finish(&mut read);
    read
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

/// Reads `locations.csv`: `id`, `lat`, `lon`, and the optional `name`, `precision`, `country`.
fn read_locations(read: &mut Read, file: usize, name: &str, text: &str) -> Vec<SheetPlace> {
    let Some(sheet) = Sheet::read(read, file, name, text, MAX_PLACES) else {
        return Vec::new();
    };
    let needs = "FlowmapBlue's locations sheet has id, name, lat and lon";
    let id = sheet.required(read, "id", needs);
    let lat = sheet.required(read, "lat", needs);
    let lon = sheet.required(read, "lon", needs);
    let (Some(id), Some(lat), Some(lon)) = (id, lat, lon) else {
        return Vec::new();
    };
    let (name_col, precision_col, country_col) = (
        sheet.column("name"),
        sheet.column("precision"),
        sheet.column("country"),
    );
    let paths = |c: &String| match c.as_str() {
        "name" => vec!["/names/en".to_string()],
        other => vec![format!("/{other}")],
    };
    read.map
        .header(file, sheet.columns.iter().map(paths).collect());
    let mut places = Vec::with_capacity(sheet.rows.len());
    for (start, record) in &sheet.rows {
        let start = *start;
        let Some(place_id) = sheet.text(read, start, record, id) else {
            continue;
        };
        if place_id.is_empty() {
            sheet.fail(
                read,
                start,
                id,
                "missing id: flows name their origin and dest by it".into(),
            );
            continue;
        }
        let place_name = match name_col {
            Some(k) => match sheet.text(read, start, record, k) {
                Some("") => place_id,
                Some(n) => n,
                None => continue,
            },
            None => place_id,
        };
        // A row with a problem is left out; flows that name it are not reported again.
        let broken = |read: &mut Read| read.broken_ids.insert(place_id.to_string());
        let latitude = sheet.number(read, start, record, lat, "latitude");
        let longitude = sheet.number(read, start, record, lon, "longitude");
        let (Some(latitude), Some(longitude)) = (latitude, longitude) else {
            broken(read);
            continue;
        };
        if latitude.abs() > 90.0 {
            sheet.fail(
                read,
                start,
                lat,
                format!("latitude {latitude} is outside -90 to 90"),
            );
            broken(read);
            continue;
        }
        if longitude.abs() > 180.0 {
            sheet.fail(
                read,
                start,
                lon,
                format!("longitude {longitude} is outside -180 to 180"),
            );
            broken(read);
            continue;
        }
        let precision = match precision_col.map(|k| (k, sheet.text(read, start, record, k))) {
            Some((_, None)) => {
                broken(read);
                continue;
            }
            Some((_, Some(""))) | None => None,
            Some((k, Some(p))) => {
                match serde_json::from_value(serde_json::Value::String(p.to_string())) {
                    Ok(p) => Some(p),
                    Err(_) => {
                        sheet.fail(read, start, k, format!("unknown precision '{p}': expected facility, city, region or country"));
                        broken(read);
                        continue;
                    }
                }
            }
        };
        let country = match country_col.map(|k| sheet.text(read, start, record, k)) {
            Some(None) => {
                broken(read);
                continue;
            }
            Some(Some(c)) if !c.is_empty() => Some(c.to_string()),
            _ => None,
        };
        places.push(SheetPlace {
            id: place_id.to_string(),
            name: place_name.to_string(),
            lon: longitude,
            lat: latitude,
            precision,
            country,
            span: Span {
                file,
                start,
                end: start,
            },
        });
    }
    places
}

/// The time of a flow: a date as our dates are written (`2024-10-13`, `2024-10`, `2024`, and
/// also `2024-Q3`, `2024-H1`, `2023-fall`), or a date and a time of day (`2024-10-13 14:30`,
/// `2024-10-13T14:30:00`), counted in its day.
pub fn sheet_time(cell: &str) -> Result<DateSpec, String> {
    let bad = || {
        format!("bad time '{}': expected a date (2024-10-13), a month (2024-10), a year (2024), or a date and time (2024-10-13 14:30)", cell.chars().take(40).collect::<String>())
    };
    let (date, clock) = match cell.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (cell, None),
    };
    let spec: DateSpec = date.parse().map_err(|_| bad())?;
    if let Some(clock) = clock {
        let parts: Vec<&str> = clock.split(':').collect();
        let two = |s: &str, max: u32| s.len() == 2 && s.parse::<u32>().is_ok_and(|v| v <= max);
        let ok = spec.precision() == crate::date::DatePrecision::Day
            && matches!(parts.len(), 2 | 3)
            && two(parts[0], 23)
            && two(parts[1], 59)
            && parts.get(2).is_none_or(|s| two(s, 59));
        if !ok {
            return Err(bad());
        }
    }
    Ok(spec)
}

/// Builds the story from the settings, the places and the flows.
struct Builder<'s> {
    settings: &'s SheetSettings,
    flows_name: String,
    story: Story,
    /// Each stream's index by (origin, dest).
    streams: HashMap<(String, String), usize>,
    /// Each figure's index by (stream, time), with the rows summed into it.
    figures: HashMap<(usize, Option<DateSpec>), usize>,
    parts: Vec<(usize, Option<DateSpec>, Vec<Part>)>,
    /// Rows from a place to itself, left out.
    to_itself: usize,
}

impl<'s> Builder<'s> {
    fn new(settings: &'s SheetSettings, flows_name: &str) -> Self {
        Builder {
            settings,
            flows_name: base_name(flows_name).to_string(),
            story: Story::default(),
            streams: HashMap::new(),
            figures: HashMap::new(),
            parts: Vec::new(),
            to_itself: 0,
        }
    }

    fn places(&mut self, places: &[SheetPlace]) {
        let s = self.settings;
        self.story.places = places
            .iter()
            .map(|p| Place {
                id: p.id.clone(),
                names: Names {
                    en: p.name.clone(),
                    ..Names::default()
                },
                label: None,
                lon: p.lon,
                lat: p.lat,
                precision: p.precision.or(s.precision).unwrap_or(Precision::City),
                country: p
                    .country
                    .clone()
                    .or_else(|| s.country.clone())
                    .unwrap_or_default(),
                note: None,
            })
            .collect();
    }

    /// Reads `flows.csv` row by row into streams and summed figures.
    fn flows(
        &mut self,
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
        if time.is_none() && self.settings.period.is_none() {
            let d = read.map.at(file, 0, format!("{} has no time column: say what period the counts cover, as a 'period' column of story.csv or --set period=2024", base_name(&sheet.name)));
            read.problems.0.push(d);
            return;
        }
        let known: HashMap<&str, ()> = places.iter().map(|p| (p.id.as_str(), ())).collect();
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
                if !known.contains_key(id) {
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
            if from == to {
                self.to_itself += 1;
                continue;
            }
            let span = Span {
                file,
                start,
                end: start,
            };
            let n = self.streams.len();
            let stream = *self.streams.entry((from.clone(), to.clone())).or_insert(n);
            if stream == n {
                if n >= MAX_STREAMS {
                    sheet.fail(read, start, origin, format!("a story may have at most {MAX_STREAMS} streams: this pair is one too many"));
                    self.streams.remove(&(from, to));
                    continue;
                }
                read.map.entity("streams", span);
                self.stream(&from, &to, places);
            }
            let m = self.parts.len();
            let figure = *self.figures.entry((stream, when.clone())).or_insert(m);
            if figure == m {
                read.map.entity("observations", span);
                self.parts.push((stream, when, Vec::new()));
            }
            self.parts[figure].2.push(Part {
                count: amount,
                start,
            });
        }
        self.figures_from_parts(read, file);
    }

    fn stream(&mut self, from: &str, to: &str, places: &[SheetPlace]) {
        let name = |id: &str| {
            places
                .iter()
                .find(|p| p.id == id)
                .map_or(id, |p| p.name.as_str())
                .to_string()
        };
        self.story.streams.push(Stream {
            id: format!("{from}->{to}"),
            label: Text::Plain(format!("{} → {}", name(from), name(to))),
            category: self.category().0,
            unit: self.unit().0,
            from: from.to_string(),
            to: to.to_string(),
            route: None,
            destination: Default::default(),
            part_of: None,
            sanctions: Vec::new(),
            note: None,
        });
    }

    /// The category's id and name.
    fn category(&self) -> (String, String) {
        let name = self
            .settings
            .category
            .clone()
            .unwrap_or_else(|| "flows".into());
        (name.clone(), name)
    }

    /// The unit's id and name.
    fn unit(&self) -> (String, String) {
        let name = self.settings.unit.clone().unwrap_or_else(|| "units".into());
        (name.clone(), name)
    }

    /// The period every figure covers, its reported date and the rest are filled in `finish`;
    /// here each summed figure gets its quantity and note.
    fn figures_from_parts(&mut self, read: &Read, file: usize) {
        let qualifier = self.settings.quantity.unwrap_or(Qualifier::Exact);
        let parts = std::mem::take(&mut self.parts);
        for (stream, when, rows) in parts {
            let total: f64 = rows.iter().map(|p| p.count).sum();
            let quantity = match qualifier {
                Qualifier::Exact => Quantity::Exact(total),
                Qualifier::About => Quantity::About(total),
                Qualifier::AtLeast => Quantity::AtLeast(total),
                Qualifier::AtMost => Quantity::AtMost(total),
            };
            let note = (rows.len() > 1).then(|| {
                let at: Vec<String> = rows
                    .iter()
                    .take(10)
                    .map(|p| read.map.at(file, p.start, String::new()).line.to_string())
                    .collect();
                let more = if rows.len() > 10 { ", ..." } else { "" };
                Text::Plain(format!(
                    "The sum of {} rows of {} (lines {}{more}), as FlowmapBlue sums them.",
                    rows.len(),
                    self.flows_name,
                    at.join(", ")
                ))
            });
            let s = &self.story.streams[stream];
            let period = match &when {
                Some(t) => Period {
                    start: t.clone(),
                    end: t.clone(),
                },
                None => self.settings.period.clone().unwrap_or(Period {
                    start: DateSpec::default(),
                    end: DateSpec::default(),
                }),
            };
            self.story.observations.push(Observation {
                id: match &when {
                    Some(t) => format!("{}@{t}", s.id),
                    None => s.id.clone(),
                },
                stream: s.id.clone(),
                quantity,
                unit: s.unit.clone(),
                measure: Measure::InPeriod,
                period,
                reported: DateSpec::default(),
                claimant: Claimant {
                    name: Text::default(),
                    role: None,
                    party: Text::default(),
                },
                source: "sheet".into(),
                confidence: Confidence::Claimed,
                denials: Vec::new(),
                note,
                quote: None,
            });
        }
    }

    /// Fills the story's record, its source, category and unit, and each figure's claimant,
    /// confidence and reported date, from the settings or their defaults.
    fn finish(mut self, read: &mut Read) {
        let s = self.settings;
        let first = self
            .story
            .observations
            .iter()
            .min_by_key(|o| o.period.first())
            .map(|o| o.period.start.clone());
        let last = self
            .story
            .observations
            .iter()
            .max_by_key(|o| o.period.last())
            .map(|o| o.period.end.clone());
        let Some(as_of) = s.as_of.clone().or_else(|| last.clone()) else {
            if read.problems.is_empty() {
                let d = read.map.at(0, 0, "no flows to read, and no as_of date: give as_of in story.csv or --set as_of=2024-10-13".into());
                read.problems.0.push(d);
            }
            read.story = self.story;
            return;
        };
        let start = s.start.clone().or(first).unwrap_or_else(|| as_of.clone());
        let end = s.end.clone().or(last).unwrap_or_else(|| as_of.clone());
        let (category, category_name) = self.category();
        let (unit, unit_name) = self.unit();
        self.story.categories = vec![Category {
            id: category,
            names: Names {
                en: category_name,
                ..Names::default()
            },
            color: None,
        }];
        self.story.units = vec![Unit {
            id: unit,
            names: Names {
                en: unit_name,
                ..Names::default()
            },
            counted: None,
        }];
        let named_source =
            s.source_title.is_some() || s.source_outlet.is_some() || s.source_file.is_some();
        let source_title = s
            .source_title
            .clone()
            .or_else(|| s.source_outlet.clone())
            .unwrap_or_else(|| format!("the sheet {}", self.flows_name));
        self.story.sources = vec![Source {
            id: "sheet".into(),
            file: s
                .source_file
                .clone()
                .unwrap_or_else(|| self.flows_name.clone()),
            outlet: s.source_outlet.clone(),
            title: Text::Plain(source_title.clone()),
            published: s.source_published.clone().unwrap_or_else(|| as_of.clone()),
            published_inferred: s.source_published.is_none().then(|| {
                Text::Plain(
                    "the sheet gives no date of publication: taken as the story's 'as of' date"
                        .into(),
                )
            }),
        }];
        let claimant_name = s
            .claimant_name
            .clone()
            .or_else(|| s.source_outlet.clone())
            .unwrap_or_else(|| "the sheet's author, not named".into());
        let claimant = Claimant {
            name: Text::Plain(claimant_name.clone()),
            role: s.claimant_role.clone().map(Text::Plain),
            party: Text::Plain(s.claimant_party.clone().unwrap_or(claimant_name)),
        };
        let confidence = s.confidence.unwrap_or(Confidence::Claimed);
        let reported = s.source_published.clone().unwrap_or_else(|| as_of.clone());
        for o in &mut self.story.observations {
            o.claimant = claimant.clone();
            o.confidence = confidence;
            o.reported = reported.clone();
        }
        let mut caveat: Vec<String> = s.caveat.iter().cloned().collect();
        if s.confidence.is_none() {
            caveat.push("The sheet does not say how sure its counts are: each is shown as claimed, unverified.".into());
        }
        if !named_source {
            caveat.push(format!(
                "It names no source: the counts are cited to the sheet {}.",
                self.flows_name
            ));
        }
        if self.to_itself > 0 {
            caveat.push(format!(
                "{} rows of {} from a place to itself are not drawn.",
                self.to_itself, self.flows_name
            ));
        }
        self.story.story = StoryMeta {
            id: s.id.clone().unwrap_or_else(|| "flows".into()),
            title: Text::Plain(s.title.clone().unwrap_or_else(|| "Flows".into())),
            summary: s.summary.clone().map(Text::Plain),
            as_of,
            version: s.version.clone().unwrap_or_else(|| "1.0.0".into()),
            start,
            end,
            open_at: s.open_at.clone(),
            credit: s.credit.clone().map(Text::Plain),
            caveat: (!caveat.is_empty()).then(|| Text::Plain(caveat.join(" "))),
            corrections: Vec::new(),
        };
        read.story = self.story;
    }
}
