//! `flowlines scene`: what the page would draw for a story at one date in a viewport of one
//! size (the places' dots, the routes of the streams shown that day, and the projection they
//! are drawn in), in CSS pixels, for checking, debugging and tests.
//!
//! The scene is the page's own ([`flowlines_core::scene::Scene`]) laid out without zoom
//! controls: where the page's controls would cover a flow, the page fits the flows a little
//! smaller.

use crate::load;
use flowlines_core::date::parse_day;
use flowlines_core::scene::Scene;
use serde::Serialize;
use std::fmt::Write as _;

/// What `flowlines scene` was asked for: its command-line arguments.
#[derive(clap::Args)]
pub struct Options {
    /// A JSON story file, or a folder of CSV tables.
    pub file: String,
    /// The date shown, YYYY-MM-DD.
    #[arg(long)]
    pub at: String,
    /// The map's width in CSS pixels.
    #[arg(long, default_value_t = 960.0)]
    pub width: f64,
    /// The map's height in CSS pixels.
    #[arg(long, default_value_t = 600.0)]
    pub height: f64,
    /// Print JSON (`projection`, `places`, `routes`) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The projection the map is drawn in.
#[derive(Serialize)]
struct ProjectionOut {
    /// `conic` or `azimuthal`.
    kind: &'static str,
    /// Whether the story names it (`true`) or it was chosen from the places and routes.
    named: bool,
    /// `[lon, lat]` degrees: an azimuthal centre, or a conic's central meridian at the
    /// latitude halfway between its parallels.
    center: [f64; 2],
    /// A conic's standard parallels in degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    parallels: Option<[f64; 2]>,
    /// CSS pixels per unit of the raw projection (on the unit sphere).
    scale: f64,
    /// Where the raw projection's origin lands, `[x, y]` in CSS pixels.
    translate: [f64; 2],
}

/// One place's dot.
#[derive(Serialize)]
struct PlaceOut {
    id: String,
    x: f64,
    y: f64,
}

/// One drawn route.
#[derive(Serialize)]
struct RouteOut {
    /// The stream's id.
    stream: String,
    /// `[x, y]` pairs in CSS pixels, from the origin's dot to the destination's.
    points: Vec<[f64; 2]>,
}

/// The whole answer.
#[derive(Serialize)]
struct SceneOut {
    at: String,
    width: f64,
    height: f64,
    projection: ProjectionOut,
    places: Vec<PlaceOut>,
    routes: Vec<RouteOut>,
}

/// A pixel coordinate rounded to a hundredth of a pixel, as it is printed.
fn px(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

/// The scene the page would draw for `o`.
fn scene_out(o: &Options) -> Result<SceneOut, String> {
    let day = parse_day(&o.at).map_err(|e| format!("--at: {e}"))?;
    for (name, v) in [("--width", o.width), ("--height", o.height)] {
        if !(1.0..=100_000.0).contains(&v) {
            return Err(format!("{name}: {v} is not a size from 1 to 100000 pixels"));
        }
    }
    let story = load::story(&o.file)?;
    let named = story.story.projection.is_some();
    let mut scene = Scene::new(story);
    scene.resize(o.width, o.height);
    scene.set_day(f64::from(day));
    let p = scene.projection();
    let raw = p.raw();
    let (lon, lat) = raw.center();
    let (tx, ty) = p.translate();
    let projection = ProjectionOut {
        kind: raw.kind(),
        named,
        center: [lon, lat],
        parallels: raw.parallels().map(|(a, b)| [a, b]),
        scale: p.scale(),
        translate: [tx, ty],
    };
    let places = scene
        .story()
        .places
        .iter()
        .zip(scene.place_xy().chunks_exact(2))
        .map(|(place, xy)| PlaceOut {
            id: place.id.clone(),
            x: px(xy[0]),
            y: px(xy[1]),
        })
        .collect();
    let offsets = scene.route_offsets();
    let xy = scene.route_xy();
    let routes = scene
        .story()
        .streams
        .iter()
        .zip(scene.styles())
        .enumerate()
        .filter(|(_, (_, style))| style.visible)
        .filter_map(|(i, (stream, _))| {
            let (a, b) = (*offsets.get(i)? as usize, *offsets.get(i + 1)? as usize);
            let points: Vec<[f64; 2]> = xy
                .get(2 * a..2 * b)?
                .chunks_exact(2)
                .map(|p| [px(p[0]), px(p[1])])
                .collect();
            (points.len() >= 2).then(|| RouteOut {
                stream: stream.id.clone(),
                points,
            })
        })
        .collect();
    Ok(SceneOut {
        at: o.at.clone(),
        width: o.width,
        height: o.height,
        projection,
        places,
        routes,
    })
}

/// Runs `flowlines scene`: the scene as JSON, or as a short table.
pub fn run(o: &Options) -> Result<String, String> {
    let s = scene_out(o)?;
    if o.json {
        return serde_json::to_string(&s)
            .map(|t| t + "\n")
            .map_err(|e| format!("cannot write JSON: {e}"));
    }
    let p = &s.projection;
    let mut out = format!(
        "{} projection ({}), centre {:.2}, {:.2}",
        p.kind,
        if p.named { "named" } else { "chosen" },
        p.center[0],
        p.center[1]
    );
    if let Some([a, b]) = p.parallels {
        let _ = write!(out, ", parallels {a} and {b}");
    }
    let _ = writeln!(
        out,
        ", scale {:.1} px, translate {:.1}, {:.1}",
        p.scale, p.translate[0], p.translate[1]
    );
    let _ = writeln!(out, "{} x {} px at {}", s.width, s.height, s.at);
    for place in &s.places {
        let _ = writeln!(
            out,
            "place {:<24} {:>8.1} {:>8.1}",
            place.id, place.x, place.y
        );
    }
    for r in &s.routes {
        let (first, last) = (r.points[0], r.points[r.points.len() - 1]);
        let _ = writeln!(
            out,
            "route {:<24} {:>5} points, {:.1}, {:.1} to {:.1}, {:.1}",
            r.stream,
            r.points.len(),
            first[0],
            first[1],
            last[0],
            last[1]
        );
    }
    Ok(out)
}
