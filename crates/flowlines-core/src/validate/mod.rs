//! Checks a whole story and returns every problem at once.
//!
//! The readers check each entity's shape; this checks what only the whole story can show:
//! references that resolve, one unit per stream, sound figures and dates, unique ids.
//! Each [`Problem`] names the JSON-pointer path it is about, which a reader's
//! [`crate::parse::SourceMap`] turns into a file, line and column.
//!
//! [`Problem`]: crate::validate::Problem

use crate::model::{positions, Story};
use crate::parse::limits::{MAX_DRAWN_WAYPOINTS, MAX_WAYPOINTS_PER_ROUTE};
use std::collections::HashSet;

/// The checks across entities: overlapping measures, loops of parts, quotes, quantities.
mod checks;

use checks::{check_measures, check_quantity, check_quote, part_of_cycles};

/// One problem in a story, at a JSON-pointer path into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is (`/observations/4/unit`).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// For a reference that does not resolve, the id it names.
    pub unknown_id: Option<String>,
}

struct Checker<'a> {
    problems: Vec<Problem>,
    /// Each section's ids (a story has a handful of sections): a list, not a map, so that the
    /// map module compiles no map of sets.
    ids: Vec<(&'static str, HashSet<&'a str>)>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, path: String, message: String) {
        self.problems.push(Problem {
            path,
            message,
            unknown_id: None,
        });
    }

    /// Registers the ids of one section, reporting empty and duplicate ones.
    fn ids(&mut self, section: &'static str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.push(format!("/{section}/{i}/id"), "empty id".into());
            } else if !seen.insert(id) {
                self.push(
                    format!("/{section}/{i}/id"),
                    format!("duplicate id '{id}' in {section}"),
                );
            }
        }
        self.ids.retain(|(s, _)| *s != section);
        self.ids.push((section, seen));
    }

    /// Reports `id` at `path` unless it names an entity of `section`.
    fn refers(&mut self, path: String, section: &'static str, what: &str, id: &str) -> bool {
        let known = self.ids.iter().find(|(s, _)| *s == section);
        if known.is_some_and(|(_, ids)| ids.contains(id)) {
            return true;
        }
        let message = if id.is_empty() {
            format!("missing {what}")
        } else {
            format!("unknown {what} '{id}'")
        };
        self.problems.push(Problem {
            path,
            message,
            unknown_id: Some(id.to_string()),
        });
        false
    }

    /// Checks a longitude and latitude in degrees, each reported at its own path.
    fn coordinate(&mut self, lon_path: String, lat_path: String, lon: f64, lat: f64) {
        if !(-180.0..=180.0).contains(&lon) || !lon.is_finite() {
            self.push(
                lon_path,
                format!(
                    "longitude {} is outside -180 to 180",
                    crate::decimal::short(lon)
                ),
            );
        }
        if !(-90.0..=90.0).contains(&lat) || !lat.is_finite() {
            self.push(
                lat_path,
                format!(
                    "latitude {} is outside -90 to 90",
                    crate::decimal::short(lat)
                ),
            );
        }
    }
}

impl Checker<'_> {
    /// Checks the projection a story names: a centre on the globe, and a conic's parallels
    /// on one side of the equator (parallels symmetric about it make a flat cone) and off the
    /// poles; an azimuthal projection has no parallels.
    fn projection(&mut self, spec: &crate::model::ProjectionSpec) {
        let at = "/story/projection";
        if let Some([lon, lat]) = spec.center {
            self.coordinate(format!("{at}/center/0"), format!("{at}/center/1"), lon, lat);
        }
        let Some([p1, p2]) = spec.parallels else {
            return;
        };
        if spec.kind == crate::model::ProjectionKind::Azimuthal {
            self.push(
                format!("{at}/parallels"),
                "an azimuthal projection has no parallels: only a conic has".into(),
            );
            return;
        }
        for (i, p) in [p1, p2].into_iter().enumerate() {
            if !(-89.0..=89.0).contains(&p) {
                self.push(
                    format!("{at}/parallels/{i}"),
                    format!("parallel {} is outside -89 to 89", crate::decimal::short(p)),
                );
                return;
            }
        }
        if p1 * p2 <= 0.0 {
            self.push(
                format!("{at}/parallels"),
                format!(
                    "parallels {} and {} must both be north or both south of the equator",
                    crate::decimal::short(p1),
                    crate::decimal::short(p2)
                ),
            );
        }
    }
}

/// Every problem in `story`, in the order of its sections.
pub fn validate(story: &Story) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        ids: Vec::new(),
    };
    c.ids("sources", story.sources.iter().map(|e| e.id.as_str()));
    c.ids("places", story.places.iter().map(|e| e.id.as_str()));
    c.ids("categories", story.categories.iter().map(|e| e.id.as_str()));
    c.ids("units", story.units.iter().map(|e| e.id.as_str()));
    for (i, category) in story.categories.iter().enumerate() {
        if let Some(color) = &category.color {
            if let Err(e) = crate::style::check_color(color, crate::style::Theme::Light) {
                c.push(format!("/categories/{i}/color"), e.to_string());
            }
        }
    }
    c.ids("routes", story.routes.iter().map(|e| e.id.as_str()));
    c.ids("streams", story.streams.iter().map(|e| e.id.as_str()));
    c.ids(
        "observations",
        story.observations.iter().map(|e| e.id.as_str()),
    );
    c.ids("sanctions", story.sanctions.iter().map(|e| e.id.as_str()));
    c.ids("events", story.events.iter().map(|e| e.id.as_str()));

    let meta = &story.story;
    if meta.end.last() < meta.start.first() {
        c.push(
            "/story/end".into(),
            "the story ends before it starts".into(),
        );
    }
    if let Some(open) = &meta.open_at {
        if open.first() < meta.start.first() || open.last() > meta.end.last() {
            c.push(
                "/story/open_at".into(),
                format!(
                    "the map opens on {open}, outside the timeline ({} to {})",
                    meta.start, meta.end
                ),
            );
        }
    }
    if let Some(spec) = &meta.projection {
        c.projection(spec);
    }

    for (i, p) in story.places.iter().enumerate() {
        if p.names.en.trim().is_empty() {
            c.push(
                format!("/places/{i}/names/en"),
                "a place needs an English name".into(),
            );
        }
        c.coordinate(
            format!("/places/{i}/lon"),
            format!("/places/{i}/lat"),
            p.lon,
            p.lat,
        );
    }

    // Routes and streams by id, as positions, as the rest of the core finds them
    // (`model::positions`, `Story::stream_index`), so the module carries no map of its own.
    let route_index = positions(&story.routes, |r| &r.id);
    let route = |id: &str| {
        let k = route_index.get(id)?;
        story.routes.get(*k as usize)
    };
    for (i, r) in story.routes.iter().enumerate() {
        c.refers(format!("/routes/{i}/from"), "places", "place", &r.from);
        c.refers(format!("/routes/{i}/to"), "places", "place", &r.to);
        if r.waypoints.len() > MAX_WAYPOINTS_PER_ROUTE {
            c.push(
                format!("/routes/{i}/waypoints/{MAX_WAYPOINTS_PER_ROUTE}"),
                format!("a route may have at most {MAX_WAYPOINTS_PER_ROUTE} waypoints"),
            );
            continue;
        }
        for (k, w) in r.waypoints.iter().enumerate() {
            c.coordinate(
                format!("/routes/{i}/waypoints/{k}/0"),
                format!("/routes/{i}/waypoints/{k}/1"),
                w[0],
                w[1],
            );
        }
        for (k, code) in r.countries.iter().enumerate() {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                c.push(
                    format!("/routes/{i}/countries/{k}"),
                    format!("'{code}' is not an ISO 3166-1 alpha-2 country code such as 'RU'"),
                );
            }
        }
        if r.path == crate::model::PathCertainty::Endpoints && !r.waypoints.is_empty() {
            c.push(
                format!("/routes/{i}/waypoints"),
                "a route whose path is 'endpoints' has no waypoints".into(),
            );
        }
    }

    let stream_index = story.stream_index();
    let stream_unit = |id: &str| {
        let stream = stream_index.get(id).and_then(|&k| story.streams.get(k));
        stream.map(|s| s.unit.as_str())
    };
    for i in part_of_cycles(story, &stream_index) {
        c.push(
            format!("/streams/{i}/part_of"),
            "streams that are part of each other form a cycle".into(),
        );
    }
    let mut drawn_waypoints = 0usize;
    for (i, s) in story.streams.iter().enumerate() {
        let drawn = s
            .route
            .as_deref()
            .and_then(route)
            .map_or(0, |r| r.waypoints.len());
        if drawn_waypoints <= MAX_DRAWN_WAYPOINTS && drawn_waypoints + drawn > MAX_DRAWN_WAYPOINTS {
            c.push(
                format!("/streams/{i}/route"),
                format!("the streams up to this one are drawn through more than {MAX_DRAWN_WAYPOINTS} waypoints in all (a route counts once for each stream on it): share fewer streams on long routes, or give the route fewer waypoints"),
            );
        }
        drawn_waypoints += drawn;
        c.refers(
            format!("/streams/{i}/category"),
            "categories",
            "category",
            &s.category,
        );
        c.refers(format!("/streams/{i}/unit"), "units", "unit", &s.unit);
        c.refers(format!("/streams/{i}/from"), "places", "place", &s.from);
        c.refers(format!("/streams/{i}/to"), "places", "place", &s.to);
        if s.from == s.to {
            c.push(
                format!("/streams/{i}/to"),
                "a stream goes from one place to another: 'from' and 'to' are the same".into(),
            );
        }
        if let Some(route_id) = &s.route {
            if c.refers(format!("/streams/{i}/route"), "routes", "route", route_id) {
                if let Some(r) = route(route_id) {
                    let (from, to) = (r.from.as_str(), r.to.as_str());
                    if (from, to) != (s.from.as_str(), s.to.as_str()) {
                        c.push(
                            format!("/streams/{i}/route"),
                            format!(
                                "route '{route_id}' runs from '{from}' to '{to}', but the stream runs from '{}' to '{}'",
                                s.from, s.to
                            ),
                        );
                    }
                }
            }
        }
        if let Some(p) = &s.part_of {
            if c.refers(format!("/streams/{i}/part_of"), "streams", "stream", p)
                && stream_unit(p) != Some(s.unit.as_str())
            {
                c.push(
                    format!("/streams/{i}/part_of"),
                    format!("stream '{p}' is counted in another unit, so this stream cannot be part of it"),
                );
            }
        }
        for (k, sanction) in s.sanctions.iter().enumerate() {
            c.refers(
                format!("/streams/{i}/sanctions/{k}"),
                "sanctions",
                "sanction",
                sanction,
            );
        }
    }

    for (i, o) in story.observations.iter().enumerate() {
        if c.refers(
            format!("/observations/{i}/stream"),
            "streams",
            "stream",
            &o.stream,
        ) {
            if let Some(unit) = stream_unit(&o.stream) {
                if unit != &*o.unit {
                    c.push(
                        format!("/observations/{i}/unit"),
                        format!(
                            "unit mismatch: stream '{}' is counted in '{unit}', this figure in '{}'",
                            o.stream, o.unit
                        ),
                    );
                }
            }
        }
        check_quantity(&mut c, i, &o.quantity);
        if o.source.trim().is_empty() {
            c.push(
                format!("/observations/{i}/source"),
                "a figure with no source: every figure must cite one".into(),
            );
        } else {
            c.refers(
                format!("/observations/{i}/source"),
                "sources",
                "source",
                &o.source,
            );
        }
        if o.claimant.name.get("en").trim().is_empty() {
            c.push(
                format!("/observations/{i}/claimant/name"),
                "a figure needs a claimant: who says it".into(),
            );
        }
        if o.reported.last() < o.period.first() {
            c.push(
                format!("/observations/{i}/reported"),
                format!(
                    "reported on {} but the period starts on {}: a figure cannot be reported before it happened",
                    o.reported,
                    o.period.start
                ),
            );
        }
        for (k, d) in o.denials.iter().enumerate() {
            c.refers(
                format!("/observations/{i}/denials/{k}/source"),
                "sources",
                "source",
                &d.source,
            );
            check_quote(
                &mut c,
                &format!("/observations/{i}/denials/{k}/quote"),
                d.quote.as_ref(),
            );
        }
        check_quote(
            &mut c,
            &format!("/observations/{i}/quote"),
            o.quote.as_ref(),
        );
    }

    check_measures(&mut c, story, &stream_index);

    for (i, s) in story.sanctions.iter().enumerate() {
        c.refers(
            format!("/sanctions/{i}/source"),
            "sources",
            "source",
            &s.source,
        );
    }
    for (i, e) in story.events.iter().enumerate() {
        if let Some(place) = &e.place {
            c.refers(format!("/events/{i}/place"), "places", "place", place);
        }
        c.refers(
            format!("/events/{i}/source"),
            "sources",
            "source",
            &e.source,
        );
    }
    c.problems.extend(crate::steps::check_steps(story));
    c.problems
}
