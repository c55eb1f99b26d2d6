//! The basemap: land, borders and coasts for the region, from Natural Earth.
//!
//! `data/basemap.json` is written by `flowlines basemap` (see `docs/basemap.md`) from the
//! TopoJSON of the `world-atlas` npm package: countries clipped to the story's region, their
//! shared arcs simplified once so that neighbours keep one common border, and coordinates
//! rounded to 0.02° (about 2 km: [`crate::compact_basemap::STEPS_PER_DEGREE`]). This module reads that file, says which country a place
//! falls in, and projects everything into flat pixel columns the page draws without copying,
//! in the manner of [`crate::scene`].
//!
//! Every coordinate in the file is a longitude or latitude in degrees (WGS 84), stored flat
//! as `lon, lat, lon, lat, ...` to keep the file small.

use crate::projection::Projection;
use geo::{Contains, Coord, LineString, Point, Polygon};
use serde::{Deserialize, Serialize};

/// The basemap file: countries with their land polygons, land borders and coastlines, for
/// one rectangular region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Basemap {
    /// Where the geometry comes from and what was changed, to show on the map.
    pub attribution: String,
    /// The region the geometry is clipped to: west, south, east, north, in degrees.
    pub bbox: [f64; 4],
    /// The countries that reach into [`Basemap::bbox`], clipped to it.
    pub countries: Vec<Country>,
    /// Land borders (arcs shared by two countries), each a flat `lon, lat, ...` polyline in
    /// degrees.
    pub borders: Vec<Vec<f64>>,
    /// Coastlines (arcs of one country only), each a flat `lon, lat, ...` polyline in degrees.
    pub coasts: Vec<Vec<f64>>,
}

/// One country's land, clipped to the basemap's region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// The country's `id` in world-atlas (ISO 3166-1 numeric, e.g. `"804"` for Ukraine), or
    /// its name where world-atlas has no id (Kosovo, N. Cyprus, Siachen Glacier...).
    pub id: String,
    /// The country's short English name, as in world-atlas (e.g. `"North Korea"`).
    pub name: String,
    /// The country's polygons; each is a list of closed rings (first point repeated last),
    /// the first the outer boundary and the rest holes; each ring a flat `lon, lat, ...`
    /// array in degrees.
    pub polygons: Vec<Vec<Vec<f64>>>,
}

/// The basemap projected to CSS pixels, as flat columns for drawing.
///
/// Each `*_xy` column holds `x, y` pairs in CSS pixels (y down); each index column holds
/// the start, counted in points (not in floats), of each ring or line in its `*_xy` column,
/// followed by the total number of points, so ring `i` is points
/// `land_rings[i]..land_rings[i + 1]`. Land is meant to be filled as one path with the
/// even-odd rule, which leaves the holes empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BasemapColumns {
    /// Every land ring's points, `x, y` in CSS pixels.
    pub land_xy: Vec<f32>,
    /// Start of each land ring in points, plus a final total.
    pub land_rings: Vec<u32>,
    /// Every land border's points, `x, y` in CSS pixels.
    pub border_xy: Vec<f32>,
    /// Start of each border line in points, plus a final total.
    pub border_lines: Vec<u32>,
    /// Every coastline's points, `x, y` in CSS pixels.
    pub coast_xy: Vec<f32>,
    /// Start of each coastline in points, plus a final total.
    pub coast_lines: Vec<u32>,
}

/// What is wrong with a basemap file, in either of its forms (JSON or compact).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasemapError {
    /// The JSON does not parse as a basemap; the text says what is wrong and where.
    #[error("basemap JSON: {0}")]
    Json(String),
    /// A ring of the named country has an odd number of coordinates (they come in pairs).
    #[error("basemap JSON: a ring of {0} has an odd number of coordinates")]
    OddRing(String),
    /// A border or coast line has an odd number of coordinates.
    #[error("basemap JSON: a line has an odd number of coordinates")]
    OddLine,
    /// The bytes are neither JSON text (UTF-8) nor a compact basemap.
    #[error("basemap: {0}")]
    NotText(String),
    /// The bytes do not start with the compact form's magic number.
    #[error("not a compact basemap (FLBASEM3)")]
    NotCompact,
    /// The compact form does not decode; the text says what is wrong.
    #[error("compact basemap: {0}")]
    Compact(String),
    /// A line or ring of the compact form has an odd number of coordinates.
    #[error("compact basemap: a line has an odd number of coordinates")]
    CompactOddLine,
    /// The basemap could not be written in the compact form.
    #[error("basemap: {0}")]
    Write(String),
}

impl Basemap {
    /// Reads a basemap file's JSON text; the error says what is wrong and where.
    pub fn from_json(text: &str) -> Result<Basemap, BasemapError> {
        let map: Basemap =
            serde_json::from_str(text).map_err(|e| BasemapError::Json(e.to_string()))?;
        for c in &map.countries {
            for ring in c.polygons.iter().flatten() {
                if ring.len() % 2 != 0 {
                    return Err(BasemapError::OddRing(c.name.clone()));
                }
            }
        }
        for line in map.borders.iter().chain(&map.coasts) {
            if line.len() % 2 != 0 {
                return Err(BasemapError::OddLine);
            }
        }
        Ok(map)
    }

    /// The country whose land contains the place at `lon`, `lat` (degrees), if any: holes
    /// are respected, and a place at sea or outside [`Basemap::bbox`] is in none. A basemap
    /// across the antimeridian keeps its longitudes continuous (Vancouver at 236.88° E on a
    /// map of the Pacific): `lon` is turned into the bbox's longitudes first.
    pub fn country_at(&self, lon: f64, lat: f64) -> Option<&Country> {
        let [west, _, east, _] = self.bbox;
        let turned = crate::turn::lon_east_of(west, lon);
        let lon = if turned <= east { turned } else { lon };
        let point = Point::new(lon, lat);
        self.countries.iter().find(|c| {
            c.polygons.iter().any(|rings| {
                ring_bounds_contain(rings, lon, lat) && polygon(rings).contains(&point)
            })
        })
    }

    /// Projects every ring and line with `proj` into pixel columns. A ring or line that the
    /// projection would tear (across a conic's seam, or round an azimuthal projection's rim:
    /// [`crate::projection::Raw::tears`]) is left out, so that a story drawn far from the
    /// basemap's region shows no land streaking across the map.
    pub fn project(&self, proj: &Projection) -> BasemapColumns {
        let mut cols = BasemapColumns::default();
        let check = proj.raw().may_tear_within(self.bbox);
        let whole = |line: &&Vec<f64>| !check || !tears(line, proj);
        let rings = self
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten());
        (cols.land_xy, cols.land_rings) = project_lines(rings.filter(whole), proj);
        (cols.border_xy, cols.border_lines) =
            project_lines(self.borders.iter().filter(whole), proj);
        (cols.coast_xy, cols.coast_lines) = project_lines(self.coasts.iter().filter(whole), proj);
        cols
    }
}

/// Whether the bounding box of a polygon's outer ring (the first of `rings`) contains the
/// place: a cheap test before the exact one.
fn ring_bounds_contain(rings: &[Vec<f64>], lon: f64, lat: f64) -> bool {
    let Some(outer) = rings.first() else {
        return false;
    };
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in outer.chunks_exact(2) {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    (x0..=x1).contains(&lon) && (y0..=y1).contains(&lat)
}

/// A geo polygon of flat rings (outer first, then holes), in degrees.
fn polygon(rings: &[Vec<f64>]) -> Polygon<f64> {
    let ring = |flat: &Vec<f64>| {
        LineString::new(
            flat.chunks_exact(2)
                .map(|p| Coord { x: p[0], y: p[1] })
                .collect(),
        )
    };
    let mut it = rings.iter().map(ring);
    let exterior = it.next().unwrap_or_else(|| LineString::new(Vec::new()));
    Polygon::new(exterior, it.collect())
}

/// Whether `proj` tears the flat `lon, lat` line anywhere.
fn tears(line: &[f64], proj: &Projection) -> bool {
    let raw = proj.raw();
    line.chunks_exact(2)
        .zip(line.chunks_exact(2).skip(1))
        .any(|(a, b)| raw.tears((a[0], a[1]), (b[0], b[1])))
}

/// Projects flat `lon, lat` lines into an `x, y` pixel column and its start indices (in
/// points) with a final total.
fn project_lines<'a>(
    lines: impl Iterator<Item = &'a Vec<f64>>,
    proj: &Projection,
) -> (Vec<f32>, Vec<u32>) {
    let mut xy = Vec::new();
    let mut starts = vec![0u32];
    for line in lines {
        for p in line.chunks_exact(2) {
            let (x, y) = proj.forward(p[0], p[1]);
            xy.push(x as f32);
            xy.push(y as f32);
        }
        starts.push((xy.len() / 2) as u32);
    }
    (xy, starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::eurasia;

    fn basemap() -> Basemap {
        Basemap::from_json(include_str!("../../../data/basemap.json")).unwrap()
    }

    fn country_name(map: &Basemap, lon: f64, lat: f64) -> Option<&str> {
        map.country_at(lon, lat).map(|c| c.name.as_str())
    }

    #[test]
    fn simferopol_falls_in_ukraine_not_russia() {
        let map = basemap();
        let c = map.country_at(34.10, 44.95).unwrap();
        assert_eq!((c.id.as_str(), c.name.as_str()), ("804", "Ukraine"));
    }

    #[test]
    fn sevastopol_and_kerch_fall_in_ukraine() {
        let map = basemap();
        assert_eq!(country_name(&map, 33.52, 44.60), Some("Ukraine"));
        assert_eq!(country_name(&map, 36.45, 45.35), Some("Ukraine"));
    }

    #[test]
    fn no_border_is_drawn_across_crimea_the_perekop_isthmus_or_the_kerch_strait() {
        let map = basemap();
        for line in &map.borders {
            for p in line.chunks_exact(2) {
                let near_crimea = (32.0..=37.0).contains(&p[0]) && (44.0..=46.3).contains(&p[1]);
                assert!(!near_crimea, "a border point at {p:?}");
            }
        }
    }

    #[test]
    fn kursk_falls_in_russia() {
        let map = basemap();
        assert_eq!(map.country_at(36.19, 51.73).unwrap().id, "643");
    }

    #[test]
    fn vladivostok_and_bryansk_fall_in_russia() {
        let map = basemap();
        assert_eq!(country_name(&map, 131.89, 43.12), Some("Russia"));
        assert_eq!(country_name(&map, 34.37, 53.25), Some("Russia"));
    }

    #[test]
    fn pyongyang_falls_in_north_korea() {
        let map = basemap();
        let c = map.country_at(125.76, 39.04).unwrap();
        assert_eq!((c.id.as_str(), c.name.as_str()), ("408", "North Korea"));
    }

    #[test]
    fn donetsk_falls_in_ukraine() {
        assert_eq!(country_name(&basemap(), 37.80, 48.02), Some("Ukraine"));
    }

    #[test]
    fn the_black_sea_and_the_caspian_are_in_no_country() {
        let map = basemap();
        assert_eq!(country_name(&map, 34.0, 43.0), None);
        assert_eq!(country_name(&map, 51.0, 42.0), None);
    }

    #[test]
    fn a_place_outside_the_region_is_in_no_country() {
        let map = basemap();
        assert_eq!(
            country_name(&map, -3.7, 40.4),
            None,
            "Madrid is west of the bbox"
        );
    }

    #[test]
    fn a_hole_is_not_part_of_its_country() {
        let hole = Basemap {
            attribution: String::new(),
            bbox: [0.0, 0.0, 10.0, 10.0],
            countries: vec![Country {
                id: "1".into(),
                name: "Ring".into(),
                polygons: vec![vec![
                    vec![0.0, 0.0, 10.0, 0.0, 10.0, 10.0, 0.0, 10.0, 0.0, 0.0],
                    vec![4.0, 4.0, 6.0, 4.0, 6.0, 6.0, 4.0, 6.0, 4.0, 4.0],
                ]],
            }],
            borders: vec![],
            coasts: vec![],
        };
        assert_eq!(country_name(&hole, 2.0, 2.0), Some("Ring"));
        assert_eq!(country_name(&hole, 5.0, 5.0), None);
    }

    #[test]
    fn every_polygon_and_line_lies_inside_the_bbox() {
        let map = basemap();
        let [x0, y0, x1, y1] = map.bbox;
        let all = map
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten())
            .chain(&map.borders)
            .chain(&map.coasts);
        for line in all {
            for p in line.chunks_exact(2) {
                assert!(
                    (x0..=x1).contains(&p[0]) && (y0..=y1).contains(&p[1]),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn coordinates_are_rounded_to_two_decimals() {
        let map = basemap();
        for v in map.borders.iter().chain(&map.coasts).flatten() {
            assert!((v * 100.0 - (v * 100.0).round()).abs() < 1e-6, "{v}");
        }
    }

    #[test]
    fn a_malformed_file_is_refused_with_a_reason() {
        let err = Basemap::from_json(r#"{"attribution":"x"}"#).unwrap_err();
        assert!(err.to_string().contains("bbox"), "{err}");
        let odd = r#"{"attribution":"x","bbox":[0,0,1,1],"countries":[],"borders":[[1,2,3]],"coasts":[]}"#;
        assert_eq!(Basemap::from_json(odd).unwrap_err(), BasemapError::OddLine);
    }

    #[test]
    fn projected_rings_are_closed_and_inside_the_viewport() {
        let map = basemap();
        let [x0, y0, x1, y1] = map.bbox;
        // The bbox's edges, densely: on a conic the parallels curve, so corners are not enough.
        let edge = (0..=100).flat_map(|i| {
            let t = f64::from(i) / 100.0;
            let lon = x0 + t * (x1 - x0);
            let lat = y0 + t * (y1 - y0);
            [(lon, y0), (lon, y1), (x0, lat), (x1, lat)]
        });
        let (w, h) = (960.0, 600.0);
        let proj = Projection::fit(eurasia(), edge, w, h, 10.0);
        let cols = map.project(&proj);
        let rings: usize = map
            .countries
            .iter()
            .map(|c| c.polygons.iter().flatten().count())
            .sum();
        assert_eq!(cols.land_rings.len(), rings + 1);
        assert_eq!(cols.border_lines.len(), map.borders.len() + 1);
        assert_eq!(cols.coast_lines.len(), map.coasts.len() + 1);
        assert_eq!(
            *cols.land_rings.last().unwrap() as usize * 2,
            cols.land_xy.len()
        );
        assert_eq!(
            *cols.border_lines.last().unwrap() as usize * 2,
            cols.border_xy.len()
        );
        assert_eq!(
            *cols.coast_lines.last().unwrap() as usize * 2,
            cols.coast_xy.len()
        );
        for r in cols.land_rings.windows(2) {
            let (a, b) = (r[0] as usize, r[1] as usize);
            assert!(b - a >= 4, "a ring has {} points", b - a);
            assert_eq!(
                cols.land_xy[2 * a..2 * a + 2],
                cols.land_xy[2 * b - 2..2 * b]
            );
        }
        for xy in [&cols.land_xy, &cols.border_xy, &cols.coast_xy] {
            for p in xy.chunks_exact(2) {
                assert!((9.9..=w as f32 - 9.9).contains(&p[0]), "x {}", p[0]);
                assert!((9.9..=h as f32 - 9.9).contains(&p[1]), "y {}", p[1]);
            }
        }
    }
}
