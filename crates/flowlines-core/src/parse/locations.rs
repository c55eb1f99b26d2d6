//! Places from FlowmapBlue's `locations.csv`: `id`, `lat`, `lon` and an optional `name` (the id
//! where missing), with our optional `precision` and `country` columns. Each problem is reported
//! at its cell; a location with a problem is left out, and flows naming it are not reported
//! again (its id goes into [`Read::broken_ids`]).

use super::limits::MAX_PLACES;
use super::sheet_table::Sheet;
use super::source_map::Span;
use super::Read;
use crate::model::Precision;

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

/// Reads `locations.csv`: `id`, `lat`, `lon`, and the optional `name`, `precision`, `country`.
pub(super) fn read_locations(
    read: &mut Read,
    file: usize,
    name: &str,
    text: &str,
) -> Vec<SheetPlace> {
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
