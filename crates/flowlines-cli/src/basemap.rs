//! `flowlines basemap`: builds `data/basemap.json` from world-atlas's Natural Earth TopoJSON.
//!
//! The steps, in order (see `docs/basemap.md`):
//!
//! 1. read the TopoJSON and decode its quantized, delta-encoded arcs to degrees;
//! 2. move the polygon of Russia's multipolygon that contains Simferopol (Crimea) to Ukraine,
//!    so the map shows Ukraine's internationally recognised borders;
//! 3. classify each arc by the countries whose rings use it: two different countries make a
//!    land border, one use makes a coast, two uses by the same country (the Perekop isthmus,
//!    once Crimea is Ukraine's) make an internal line that is not drawn;
//! 4. simplify each arc once (Douglas-Peucker, endpoints kept), so neighbours keep one
//!    common border, and round to the basemap's grid (0.02°, `STEPS_PER_DEGREE`);
//! 5. assemble the polygons from the simplified arcs, clip polygons and lines to the bbox,
//!    and keep the countries that reach into it. A bbox across the antimeridian (east past
//!    180°) is clipped from the world turned by 360° too, so its coordinates run on
//!    continuously (Vancouver at 236.88° E on a map of the Pacific).
//!
//! With `--story FILE` the bbox is the story's extent ([`flowlines_core::extent::Extent`]),
//! and the scale (1:50m or 1:110m) is chosen by its width.

use flowlines_core::basemap::{Basemap, Country};
use flowlines_core::compact_basemap::STEPS_PER_DEGREE;
use flowlines_core::extent::Extent;
use geo::{BooleanOps, Contains, Coord, LineString, MultiLineString, MultiPolygon, Point, Polygon};
use geo::{Simplify, Translate};
use std::collections::BTreeSet;
use std::path::Path;
use topojson::{TopoJson, Topology, Value};

/// world-atlas's id of Russia (ISO 3166-1 numeric).
const RUSSIA: &str = "643";
/// world-atlas's id of Ukraine (ISO 3166-1 numeric).
const UKRAINE: &str = "804";
/// Simferopol, the capital of Crimea: longitude, latitude in degrees.
const SIMFEROPOL: (f64, f64) = (34.10, 44.95);

/// The world-atlas file of Natural Earth's countries at 1:50m, for a regional extent.
pub const INPUT_50M: &str = "node_modules/world-atlas/countries-50m.json";
/// The world-atlas file at 1:110m, for a wide extent ([`Extent::is_wide`]).
pub const INPUT_110M: &str = "node_modules/world-atlas/countries-110m.json";

/// The world-atlas file for `extent`: 1:110m if it is wide, else 1:50m.
pub fn input_for(extent: &Extent) -> &'static str {
    if extent.is_wide() {
        INPUT_110M
    } else {
        INPUT_50M
    }
}

/// What `flowlines basemap` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The world-atlas TopoJSON file (e.g. `node_modules/world-atlas/countries-50m.json`).
    pub input: String,
    /// Where to write the basemap JSON.
    pub out: String,
    /// Where to write its compact binary form, which the page loads.
    pub bin: String,
    /// Douglas-Peucker tolerance in degrees.
    pub tolerance: f64,
    /// The region to keep: a story's extent, or a box (east may pass 180°, across the
    /// antimeridian).
    pub extent: Extent,
}

/// What `flowlines basemap` wrote.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Countries kept.
    pub countries: usize,
    /// Points (lon, lat pairs) in polygons, borders and coasts.
    pub points: usize,
    /// Size of the JSON file written, in bytes.
    pub bytes: usize,
    /// Size of the compact file written, in bytes.
    pub bin_bytes: usize,
}

/// Parses `lon0,lat0,lon1,lat1` (degrees) into a bbox.
pub fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let v = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("--bbox {s:?}: {e}"))?;
    match v[..] {
        [x0, y0, x1, y1] if x0 < x1 && y0 < y1 && (-90.0..=90.0).contains(&y0) && y1 <= 90.0 => {
            Ok([x0, y0, x1, y1])
        }
        _ => Err(format!(
            "--bbox {s:?}: expected lon0,lat0,lon1,lat1 with lon0 < lon1 and lat0 < lat1"
        )),
    }
}

/// Reads `opts.input`, builds the basemap and writes it to `opts.out` as JSON and to
/// `opts.bin` in its compact binary form.
pub fn run(opts: &Options) -> Result<Summary, String> {
    let text = std::fs::read_to_string(&opts.input).map_err(|e| {
        format!(
            "{}: {e} (world-atlas is an npm package: run `npm ci` or `make test`)",
            opts.input
        )
    })?;
    let attribution = attribution(Path::new(&opts.input));
    let map = build(&text, attribution, opts.tolerance, &opts.extent)
        .map_err(|e| format!("{}: {e}", opts.input))?;
    let mut json = serde_json::to_string(&map).map_err(|e| format!("cannot write JSON: {e}"))?;
    json.push('\n');
    if let Some(dir) = Path::new(&opts.out).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::write(&opts.out, &json).map_err(|e| format!("{}: {e}", opts.out))?;
    let bin = map.to_compact().map_err(|e| e.to_string())?;
    std::fs::write(&opts.bin, &bin).map_err(|e| format!("{}: {e}", opts.bin))?;
    let points = map
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter().flatten())
        .chain(&map.borders)
        .chain(&map.coasts)
        .map(|l| l.len() / 2)
        .sum();
    Ok(Summary {
        countries: map.countries.len(),
        points,
        bytes: json.len(),
        bin_bytes: bin.len(),
    })
}

/// The attribution line: Natural Earth's scale from the file name (`countries-50m.json`),
/// world-atlas's version from the `package.json` beside it, and what was changed.
fn attribution(input: &Path) -> String {
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let scale = ["10m", "50m", "110m"]
        .into_iter()
        .find(|s| name.contains(&format!("-{s}")))
        .map(|s| format!(" 1:{s}"))
        .unwrap_or_default();
    let version = input
        .parent()
        .and_then(|d| std::fs::read_to_string(d.join("package.json")).ok())
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("version")?.as_str().map(|s| format!(" {s}")))
        .unwrap_or_default();
    format!("Natural Earth{scale} (public domain) via world-atlas{version}")
}

/// What the attribution adds when the map shows Crimea.
pub const CRIMEA_NOTE: &str = "; Crimea shown in Ukraine";

/// A country as read from the TopoJSON: its polygons as rings of arc indexes (a negative
/// index `!i` means arc `i` reversed).
struct Source {
    id: String,
    name: String,
    polygons: Vec<Vec<Vec<i32>>>,
}

/// How an arc is drawn, from the countries whose rings use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArcKind {
    /// Used by two different countries: a land border.
    Border,
    /// Used by one ring only: a coastline.
    Coast,
    /// Used twice by the same country (e.g. Perekop after Crimea's move): not drawn.
    Internal,
}

/// Builds the basemap from the TopoJSON `text` for `extent` (its outline, not just its box;
/// east may pass 180°, across the antimeridian); `tolerance` in degrees. Crimea is Ukraine's
/// wherever it is drawn; the attribution says so when the extent holds Simferopol.
pub fn build(
    text: &str,
    mut attribution: String,
    tolerance: f64,
    extent: &Extent,
) -> Result<Basemap, String> {
    let bbox = extent.bbox;
    if extent.contains(SIMFEROPOL.0, SIMFEROPOL.1) {
        attribution.push_str(CRIMEA_NOTE);
    }
    let topo = match text.parse::<TopoJson>() {
        Ok(TopoJson::Topology(t)) => t,
        Ok(_) => return Err("not a TopoJSON Topology".into()),
        Err(e) => return Err(format!("TopoJSON: {e}")),
    };
    let raw_arcs = decode_arcs(&topo)?;
    let mut sources = countries(&topo)?;
    move_crimea_to_ukraine(&mut sources, &raw_arcs)?;
    let kinds = classify_arcs(&sources, raw_arcs.len());

    let arcs: Vec<Vec<Coord>> = raw_arcs
        .iter()
        .map(|a| simplify_arc(a, tolerance))
        .collect();

    let clip = extent.polygon();
    // The turns of the world (by -360°, 0 or 360°) that reach into the bbox: world-atlas's
    // longitudes run from -180° to a little past 180° once unwrapped (Chukotka, Fiji).
    let turns: Vec<f64> = [-360.0, 0.0, 360.0]
        .into_iter()
        .filter(|t| bbox[0] <= 190.0 + t && bbox[2] >= -180.0 + t)
        .collect();

    let mut countries = Vec::new();
    for src in &sources {
        let polys: Vec<Polygon> = src
            .polygons
            .iter()
            .filter_map(|rings| {
                let mut it = rings.iter().map(|r| assemble_ring(r, &arcs));
                let exterior = it.next().flatten()?;
                Some(Polygon::new(exterior, it.flatten().collect()))
            })
            .collect();
        let world = MultiPolygon(polys);
        let clipped: Vec<Polygon> = turns
            .iter()
            .flat_map(|&t| world.translate(t, 0.0).intersection(&clip))
            .collect();
        let polygons: Vec<Vec<Vec<f64>>> = clipped
            .iter()
            .filter_map(|p| {
                let exterior = flat_ring(p.exterior())?;
                let mut rings = vec![exterior];
                rings.extend(p.interiors().iter().filter_map(flat_ring));
                Some(rings)
            })
            .collect();
        if !polygons.is_empty() {
            countries.push(Country {
                id: src.id.clone(),
                name: src.name.clone(),
                polygons,
            });
        }
    }

    let lines = |kind: ArcKind| {
        let mls = MultiLineString(
            kinds
                .iter()
                .zip(&arcs)
                .filter(|(k, a)| **k == kind && a.len() >= 2)
                .map(|(_, a)| LineString::new(a.clone()))
                .collect(),
        );
        join_lines(
            turns
                .iter()
                .flat_map(|&t| clip.clip(&mls.translate(t, 0.0), false))
                .filter_map(|l| flat_line(&l))
                .collect(),
        )
    };
    Ok(Basemap {
        attribution,
        bbox,
        countries,
        borders: lines(ArcKind::Border),
        coasts: lines(ArcKind::Coast),
    })
}

/// Decodes the topology's arcs to longitude, latitude in degrees: quantized arcs are
/// delta-encoded integers scaled by the transform.
fn decode_arcs(topo: &Topology) -> Result<Vec<Vec<Coord>>, String> {
    topo.arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|pos| {
                    let [px, py] = pos[..] else {
                        return Err(format!("an arc position has {} numbers", pos.len()));
                    };
                    Ok(match &topo.transform {
                        Some(t) => {
                            x += px;
                            y += py;
                            Coord {
                                x: x * t.scale[0] + t.translate[0],
                                y: y * t.scale[1] + t.translate[1],
                            }
                        }
                        None => Coord { x: px, y: py },
                    })
                })
                .collect()
        })
        .collect()
}

/// The countries of the topology's `countries` object, in file order.
fn countries(topo: &Topology) -> Result<Vec<Source>, String> {
    let object = topo
        .objects
        .iter()
        .find(|o| o.name == "countries")
        .ok_or("no object named \"countries\"")?;
    let Value::GeometryCollection(geoms) = &object.geometry.value else {
        return Err("\"countries\" is not a GeometryCollection".into());
    };
    let mut out = Vec::new();
    for g in geoms {
        let name = g
            .properties
            .as_ref()
            .and_then(|p| p.get("name"))
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        let id = match &g.id {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => name.clone(),
        };
        let polygons = match &g.value {
            Value::Polygon(rings) => vec![rings.clone()],
            Value::MultiPolygon(polys) => polys.clone(),
            _ => continue,
        };
        out.push(Source { id, name, polygons });
    }
    Ok(out)
}

/// Moves the polygon of Russia that contains Simferopol to Ukraine. world-atlas (like
/// Natural Earth) draws Crimea as Russian; the map shows Ukraine's internationally
/// recognised borders.
fn move_crimea_to_ukraine(countries: &mut [Source], arcs: &[Vec<Coord>]) -> Result<(), String> {
    let find = |id: &str| {
        countries
            .iter()
            .position(|c| c.id == id)
            .ok_or(format!("no country with id {id}"))
    };
    let (russia, ukraine) = (find(RUSSIA)?, find(UKRAINE)?);
    let simferopol = Point::new(SIMFEROPOL.0, SIMFEROPOL.1);
    let in_crimea: Vec<usize> = countries[russia]
        .polygons
        .iter()
        .enumerate()
        .filter(|(_, rings)| {
            rings
                .first()
                .and_then(|r| assemble_ring(r, arcs))
                .is_some_and(|ring| Polygon::new(ring, vec![]).contains(&simferopol))
        })
        .map(|(i, _)| i)
        .collect();
    let [crimea] = in_crimea[..] else {
        return Err(format!(
            "expected one polygon of Russia to contain Simferopol, found {}",
            in_crimea.len()
        ));
    };
    let polygon = countries[russia].polygons.remove(crimea);
    countries[ukraine].polygons.push(polygon);
    Ok(())
}

/// Each arc's kind, from which countries' rings use it.
fn classify_arcs(countries: &[Source], n_arcs: usize) -> Vec<ArcKind> {
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n_arcs];
    for (ci, c) in countries.iter().enumerate() {
        for &ix in c.polygons.iter().flatten().flatten() {
            if let Some(u) = users.get_mut(arc_index(ix)) {
                u.push(ci);
            }
        }
    }
    users
        .iter()
        .map(|u| {
            let distinct: BTreeSet<_> = u.iter().collect();
            match (u.len(), distinct.len()) {
                (_, 2..) => ArcKind::Border,
                (1, _) => ArcKind::Coast,
                _ => ArcKind::Internal,
            }
        })
        .collect()
}

/// The arc an index refers to: `i`, or `!i` for arc `i` reversed.
fn arc_index(ix: i32) -> usize {
    if ix < 0 {
        (!ix) as usize
    } else {
        ix as usize
    }
}

/// Makes a line continuous across the antimeridian: each longitude is moved by a multiple of
/// 360° to within 180° of the previous one (Russia's Chukotka crosses it).
fn unwrap_longitudes(line: &mut [Coord]) {
    for i in 1..line.len() {
        let prev = line[i - 1].x;
        line[i].x -= 360.0 * ((line[i].x - prev) / 360.0).round();
    }
}

/// Simplifies an arc (Douglas-Peucker, `tolerance` in degrees; its endpoints stay) and
/// rounds it to the basemap's grid.
fn simplify_arc(arc: &[Coord], tolerance: f64) -> Vec<Coord> {
    let mut line = arc.to_vec();
    unwrap_longitudes(&mut line);
    let simple = LineString::new(line).simplify(tolerance);
    let mut out: Vec<Coord> = simple.0.into_iter().map(round).collect();
    out.dedup();
    out
}

/// A point rounded to the basemap's grid ([`STEPS_PER_DEGREE`], 0.02°).
fn round(c: Coord) -> Coord {
    let r = |v: f64| (v * STEPS_PER_DEGREE).round() / STEPS_PER_DEGREE;
    Coord {
        x: r(c.x),
        y: r(c.y),
    }
}

/// Joins a ring's arcs into one closed ring (consecutive arcs share their end points), or
/// `None` when it has collapsed to fewer than 4 points.
fn assemble_ring(ixs: &[i32], arcs: &[Vec<Coord>]) -> Option<LineString> {
    let mut ring: Vec<Coord> = Vec::new();
    for &ix in ixs {
        let arc = arcs.get(arc_index(ix))?;
        let pts: Vec<Coord> = if ix < 0 {
            arc.iter().rev().copied().collect()
        } else {
            arc.clone()
        };
        let skip = usize::from(ring.last().is_some() && ring.last() == pts.first());
        ring.extend_from_slice(&pts[skip.min(pts.len())..]);
    }
    unwrap_longitudes(&mut ring);
    ring.dedup();
    if ring.first() != ring.last() {
        ring.push(*ring.first()?);
    }
    (ring.len() >= 4).then(|| LineString::new(ring))
}

/// A clipped ring as a flat, rounded, closed `lon, lat, ...` array, or `None` when it has
/// fewer than 4 points.
fn flat_ring(ring: &LineString) -> Option<Vec<f64>> {
    let mut pts: Vec<Coord> = ring.0.iter().copied().map(round).collect();
    pts.dedup();
    if pts.first() != pts.last() {
        pts.push(*pts.first()?);
    }
    (pts.len() >= 4).then(|| pts.iter().flat_map(|c| [c.x, c.y]).collect())
}

/// A clipped line as rounded points, or `None` when fewer than 2 remain.
fn flat_line(line: &LineString) -> Option<Vec<Coord>> {
    let mut pts: Vec<Coord> = line.0.iter().copied().map(round).collect();
    pts.dedup();
    (pts.len() >= 2).then_some(pts)
}

/// Joins lines that meet end to start into longer ones (fewer, shorter arrays in the file)
/// and flattens them to `lon, lat, ...` arrays.
fn join_lines(lines: Vec<Vec<Coord>>) -> Vec<Vec<f64>> {
    let mut out: Vec<Vec<Coord>> = Vec::new();
    for line in lines {
        let joined = out.iter_mut().find_map(|o| {
            let (o_first, o_last) = (*o.first()?, *o.last()?);
            let (l_first, l_last) = (*line.first()?, *line.last()?);
            if o_first == o_last {
                None
            } else if o_last == l_first {
                o.extend_from_slice(&line[1..]);
                Some(())
            } else if o_last == l_last {
                o.extend(line.iter().rev().skip(1));
                Some(())
            } else if o_first == l_last {
                let mut l = line.clone();
                l.extend_from_slice(&o[1..]);
                *o = l;
                Some(())
            } else if o_first == l_first {
                let mut l: Vec<Coord> = line.iter().rev().copied().collect();
                l.extend_from_slice(&o[1..]);
                *o = l;
                Some(())
            } else {
                None
            }
        });
        if joined.is_none() {
            out.push(line);
        }
    }
    out.into_iter()
        .map(|l| l.iter().flat_map(|c| [c.x, c.y]).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bbox_reads_west_south_east_north() {
        assert_eq!(
            parse_bbox("15,25,150,72").unwrap(),
            [15.0, 25.0, 150.0, 72.0]
        );
        assert!(parse_bbox("-10, 30, 40, 60").is_ok());
        assert!(parse_bbox("150,25,15,72").is_err());
        assert!(parse_bbox("15,25,150").is_err());
        assert!(parse_bbox("a,b,c,d").is_err());
    }

    #[test]
    fn a_line_across_the_antimeridian_is_made_continuous() {
        let mut line = vec![
            Coord { x: 179.5, y: 65.0 },
            Coord { x: -179.5, y: 65.0 },
            Coord { x: -178.0, y: 66.0 },
        ];
        unwrap_longitudes(&mut line);
        assert_eq!(line[1].x, 180.5);
        assert_eq!(line[2].x, 182.0);
    }

    #[test]
    fn lines_meeting_end_to_end_are_joined_once() {
        let c = |x: f64| Coord { x, y: 0.0 };
        let joined = join_lines(vec![
            vec![c(0.0), c(1.0)],
            vec![c(2.0), c(1.0)],
            vec![c(5.0), c(6.0)],
        ]);
        assert_eq!(
            joined,
            vec![vec![0.0, 0.0, 1.0, 0.0, 2.0, 0.0], vec![5.0, 0.0, 6.0, 0.0]]
        );
    }

    #[test]
    fn an_arc_used_by_two_countries_is_a_border_and_twice_by_one_is_internal() {
        let src = |polygons| Source {
            id: String::new(),
            name: String::new(),
            polygons,
        };
        let kinds = classify_arcs(
            &[
                src(vec![vec![vec![0, 1]], vec![vec![!1, 2]]]),
                src(vec![vec![vec![!0, 3]]]),
            ],
            4,
        );
        use ArcKind::*;
        assert_eq!(kinds, vec![Border, Internal, Coast, Coast]);
    }
}
