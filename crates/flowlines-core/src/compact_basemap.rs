//! The basemap's compact binary form (`basemap.bin`), which the page loads instead of the JSON:
//! every coordinate quantised to the 0.02° grid the JSON is already rounded to
//! ([`STEPS_PER_DEGREE`](crate::compact_basemap::STEPS_PER_DEGREE)); the countries' rings, the
//! borders and the coasts cut into arcs where lines meet, each arc kept once (`basemap_arcs`: a
//! border is otherwise in both countries' rings and in the borders), each arc stored as its first
//! point and then the step to each next point, as zigzag variable-length integers (`postcard`).
//! Most steps fit in one byte; the file reads back to exactly the same [`Basemap`] (the grid is
//! exact in binary floating point after division), and gzips to a quarter of the JSON's gzipped
//! size (11.7 KB against 46 KB for the default basemap; 16.1 KB before arcs).
//!
//! [`Basemap`]: crate::basemap::Basemap

use crate::basemap::{Basemap, BasemapError, Country};
use crate::basemap_arcs::{from_arcs, to_arcs, Point};
use serde::{Deserialize, Serialize};

/// The first bytes of a compact basemap, with its format's version: 3 since the grid is 0.02°.
pub const MAGIC: &[u8; 8] = b"FLBASEM3";
/// The first bytes of the earlier forms, which this reader refuses by name: before arcs (1),
/// and on the 0.01° grid (2), whose steps it would read twice too long.
const MAGIC_BEFORE: [&[u8; 8]; 2] = [b"FLBASEM1", b"FLBASEM2"];
/// The basemap's grid, in steps per degree: every coordinate `flowlines basemap` writes, and so
/// every one this form keeps, is a multiple of 0.02° (about 2 km north to south). Its lines are
/// simplified to 0.05° (`--tolerance`), so the 0.01° grid before kept mostly noise: at the
/// default map's first view (about 10.6 CSS pixels a degree, 1000 pixels wide) a point moves at
/// most 0.1 pixels, and at the deepest zoom (16 times) 1.7, within the simplification's 8.5.
/// From 0.01° to 0.02° the default basemap went from 11,715 to 10,502 bytes by `gzip -9` (6
/// December 2026). A 0.04° grid (9,655 bytes) put Vladivostok in the sea.
pub const STEPS_PER_DEGREE: f64 = 50.0;

/// The file after [`MAGIC`], as postcard writes it.
#[derive(Serialize, Deserialize)]
struct Compact {
    attribution: String,
    /// West, south, east, north, in grid steps.
    bbox: [i64; 4],
    /// Every arc, as [`encode`] writes a line.
    arcs: Vec<Vec<i64>>,
    countries: Vec<CompactCountry>,
    borders: Vec<CompactLine>,
    coasts: Vec<CompactLine>,
}

#[derive(Serialize, Deserialize)]
struct CompactCountry {
    id: String,
    name: String,
    polygons: Vec<Vec<CompactLine>>,
}

/// A line as arcs: where a ring started among its points, and the arcs (`!i` backwards).
#[derive(Serialize, Deserialize)]
struct CompactLine {
    start: u32,
    arcs: Vec<i64>,
}

/// Grid points of a flat `lon, lat, ...` line in degrees.
fn points(line: &[f64]) -> Vec<Point> {
    let q = |v: f64| (v * STEPS_PER_DEGREE).round() as i64;
    line.chunks_exact(2).map(|p| (q(p[0]), q(p[1]))).collect()
}

/// A line of grid points, each point after the first as the step from the one before.
fn encode(line: &[Point]) -> Vec<i64> {
    let mut out = Vec::with_capacity(2 * line.len());
    let mut last = (0, 0);
    for &(x, y) in line {
        out.extend([x - last.0, y - last.1]);
        last = (x, y);
    }
    out
}

/// The inverse of [`encode`], straight to a flat `lon, lat, ...` line in degrees.
fn decode(line: &[i64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(line.len());
    let mut last = (0i64, 0i64);
    for p in line.chunks_exact(2) {
        last = (last.0 + p[0], last.1 + p[1]);
        out.extend([
            last.0 as f64 / STEPS_PER_DEGREE,
            last.1 as f64 / STEPS_PER_DEGREE,
        ]);
    }
    out
}

/// The lines of a compact basemap made again from its arcs (flat, in degrees), within a
/// budget of points.
struct Lines<'a> {
    arcs: &'a [Vec<f64>],
    budget: usize,
}

impl Lines<'_> {
    /// Each of `lines` in degrees, as flat `lon, lat, ...` lines.
    fn all(&mut self, lines: &[CompactLine]) -> Result<Vec<Vec<f64>>, BasemapError> {
        let mut out = Vec::with_capacity(lines.len());
        for l in lines {
            let mut wanted = 0;
            for &r in &l.arcs {
                let i = usize::try_from(if r < 0 { !r } else { r }).unwrap_or(usize::MAX);
                wanted = self.arcs.get(i).map_or(0, Vec::len).saturating_add(wanted);
            }
            self.budget = self.budget.checked_sub(wanted).ok_or_else(|| {
                BasemapError::Compact("its lines are longer than its arcs allow".into())
            })?;
            out.push(
                from_arcs(self.arcs, l.start as usize, &l.arcs).ok_or_else(|| {
                    BasemapError::Compact("a line names an arc the file does not hold".into())
                })?,
            );
        }
        Ok(out)
    }
}

impl Basemap {
    /// The compact binary form of this basemap (see the module's documentation).
    pub fn to_compact(&self) -> Result<Vec<u8>, BasemapError> {
        // Every line in one list, in the order the file keeps them: each country's rings,
        // then the borders, then the coasts.
        let rings = self
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten());
        let lines: Vec<Vec<Point>> = rings
            .chain(&self.borders)
            .chain(&self.coasts)
            .map(|l| points(l))
            .collect();
        let (arcs, as_arcs) = to_arcs(&lines);
        let mut next = as_arcs.into_iter().map(|a| CompactLine {
            start: a.start as u32,
            arcs: a.arcs,
        });
        let mut take = |n: usize| next.by_ref().take(n).collect::<Vec<_>>();
        let countries = self
            .countries
            .iter()
            .map(|c| CompactCountry {
                id: c.id.clone(),
                name: c.name.clone(),
                polygons: c.polygons.iter().map(|rings| take(rings.len())).collect(),
            })
            .collect();
        let compact = Compact {
            attribution: self.attribution.clone(),
            bbox: self.bbox.map(|v| (v * STEPS_PER_DEGREE).round() as i64),
            arcs: arcs.iter().map(|a| encode(a)).collect(),
            countries,
            borders: take(self.borders.len()),
            coasts: take(self.coasts.len()),
        };
        let out = MAGIC.to_vec();
        postcard::to_extend(&compact, out).map_err(|e| BasemapError::Write(e.to_string()))
    }

    /// Reads a compact basemap; the error says what is wrong.
    pub fn from_compact(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        if MAGIC_BEFORE.iter().any(|m| bytes.starts_with(*m)) {
            return Err(BasemapError::Compact(
                "a compact basemap of an earlier form (FLBASEM1 or FLBASEM2): write it again with `flowlines basemap --bin`".into(),
            ));
        }
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(BasemapError::NotCompact)?;
        let c: Compact =
            postcard::from_bytes(body).map_err(|e| BasemapError::Compact(e.to_string()))?;
        if c.arcs.iter().any(|a| a.len() % 2 != 0) {
            return Err(BasemapError::CompactOddLine);
        }
        let arcs: Vec<Vec<f64>> = c.arcs.iter().map(|a| decode(a)).collect();
        let mut lines = Lines {
            arcs: &arcs,
            // A line may name an arc any number of times: what the lines add up to is held to
            // what a real basemap needs (each arc in at most two rings and one line, four to
            // spare), so that a small crafted file cannot ask for a huge one.
            budget: 4 * arcs.iter().map(Vec::len).sum::<usize>(),
        };
        let mut countries = Vec::with_capacity(c.countries.len());
        for k in c.countries {
            let mut polygons = Vec::with_capacity(k.polygons.len());
            for rings in &k.polygons {
                polygons.push(lines.all(rings)?);
            }
            countries.push(Country {
                id: k.id,
                name: k.name,
                polygons,
            });
        }
        Ok(Basemap {
            attribution: c.attribution,
            bbox: c.bbox.map(|v| v as f64 / STEPS_PER_DEGREE),
            countries,
            borders: lines.all(&c.borders)?,
            coasts: lines.all(&c.coasts)?,
        })
    }

    /// Reads a basemap file in either form: compact (it starts with [`MAGIC`]) or JSON.
    pub fn from_bytes(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        if bytes.starts_with(MAGIC) {
            Basemap::from_compact(bytes)
        } else {
            let text =
                std::str::from_utf8(bytes).map_err(|e| BasemapError::NotText(e.to_string()))?;
            Basemap::from_json(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = include_str!("../../../data/basemap.json");

    fn basemap() -> Basemap {
        Basemap::from_json(JSON).unwrap_or_else(|e| Basemap {
            attribution: e.to_string(),
            bbox: [0.0; 4],
            countries: vec![],
            borders: vec![],
            coasts: vec![],
        })
    }

    #[test]
    fn the_compact_basemap_reads_back_to_exactly_the_same_geometry() {
        let map = basemap();
        assert!(map.countries.len() > 10);
        let bytes = map.to_compact().unwrap_or_default();
        assert_eq!(Basemap::from_bytes(&bytes).as_ref(), Ok(&map));
        assert_eq!(Basemap::from_bytes(JSON.as_bytes()).as_ref(), Ok(&map));
    }

    #[test]
    fn the_compact_basemap_is_a_fifth_of_the_json() {
        let bytes = basemap().to_compact().unwrap_or_default();
        assert!(
            bytes.len() * 5 < JSON.len(),
            "{} of {}",
            bytes.len(),
            JSON.len()
        );
    }

    #[test]
    fn the_committed_basemap_bin_is_the_compact_form_of_basemap_json() {
        let committed = include_bytes!("../../../data/basemap.bin");
        assert_eq!(Some(committed.to_vec()), basemap().to_compact().ok());
    }

    #[test]
    fn a_border_is_kept_once_not_in_both_countries_rings_and_the_borders_too() {
        let map = basemap();
        let bytes = map.to_compact().unwrap_or_default();
        // The same lines each stored whole, as the form before arcs stored them.
        let whole: Vec<Vec<i64>> = map
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten())
            .chain(&map.borders)
            .chain(&map.coasts)
            .map(|l| encode(&points(l)))
            .collect();
        let before = postcard::to_allocvec(&whole).map_or(0, |b| b.len());
        assert!(
            bytes.len() * 10 < before * 7,
            "{} bytes against {before}",
            bytes.len()
        );
    }

    #[test]
    fn a_small_file_naming_one_arc_again_and_again_is_refused() {
        let compact = Compact {
            attribution: String::new(),
            bbox: [0, 0, 100, 100],
            arcs: vec![encode(&[(0, 0), (1, 1), (2, 2), (3, 3)])],
            countries: vec![],
            borders: vec![CompactLine {
                start: 0,
                arcs: vec![0; 10_000],
            }],
            coasts: vec![],
        };
        let bytes = postcard::to_extend(&compact, MAGIC.to_vec()).unwrap_or_default();
        assert!(matches!(
            Basemap::from_compact(&bytes),
            Err(BasemapError::Compact(m)) if m.contains("longer than its arcs allow")
        ));
    }

    #[test]
    fn a_truncated_or_foreign_file_is_refused_with_a_reason() {
        let bytes = basemap().to_compact().unwrap_or_default();
        assert!(Basemap::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        for earlier in [b"FLBASEM1", b"FLBASEM2"] {
            let refused = Basemap::from_compact(&[&earlier[..], &bytes[8..]].concat());
            assert!(refused.is_err_and(|e| e.to_string().contains("write it again")));
        }
        assert!(Basemap::from_bytes(&[0xff, 0xfe]).is_err());
    }
}
