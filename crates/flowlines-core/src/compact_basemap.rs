//! The basemap's compact binary form (`basemap.bin`), which the page loads instead of the JSON:
//! every coordinate quantised to the 0.01° grid the JSON is already rounded to, each line stored
//! as its first point and then the step to each next point, as zigzag variable-length integers
//! (`postcard`). Most steps fit in one byte; the file reads back to exactly the same
//! [`Basemap`] (the grid is exact in binary floating point after division), and gzips to less
//! than half of the JSON's gzipped size (20 KB against 46 KB for the default basemap).
//!
//! [`Basemap`]: crate::basemap::Basemap

use crate::basemap::{Basemap, BasemapError, Country};
use serde::{Deserialize, Serialize};

/// The first bytes of a compact basemap, with its format's version.
pub const MAGIC: &[u8; 8] = b"FLBASEM1";
/// Grid steps per degree: 0.01°, the rounding of `flowlines basemap`.
const STEPS_PER_DEGREE: f64 = 100.0;

/// The file after [`MAGIC`], as postcard writes it.
#[derive(Serialize, Deserialize)]
struct Compact {
    attribution: String,
    /// West, south, east, north, in grid steps.
    bbox: [i64; 4],
    countries: Vec<CompactCountry>,
    borders: Vec<Vec<i64>>,
    coasts: Vec<Vec<i64>>,
}

#[derive(Serialize, Deserialize)]
struct CompactCountry {
    id: String,
    name: String,
    polygons: Vec<Vec<Vec<i64>>>,
}

/// A flat `lon, lat, ...` line in degrees as grid steps, each point after the first as the
/// step from the one before.
fn encode(line: &[f64]) -> Vec<i64> {
    let mut out = Vec::with_capacity(line.len());
    let mut last = [0i64; 2];
    for p in line.chunks_exact(2) {
        for k in 0..2 {
            let q = (p[k] * STEPS_PER_DEGREE).round() as i64;
            out.push(q - last[k]);
            last[k] = q;
        }
    }
    out
}

/// The inverse of [`encode`].
fn decode(line: &[i64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(line.len());
    let mut last = [0i64; 2];
    for p in line.chunks_exact(2) {
        for k in 0..2 {
            last[k] += p[k];
            out.push(last[k] as f64 / STEPS_PER_DEGREE);
        }
    }
    out
}

impl Basemap {
    /// The compact binary form of this basemap (see the module's documentation).
    pub fn to_compact(&self) -> Result<Vec<u8>, BasemapError> {
        let compact = Compact {
            attribution: self.attribution.clone(),
            bbox: self.bbox.map(|v| (v * STEPS_PER_DEGREE).round() as i64),
            countries: self
                .countries
                .iter()
                .map(|c| CompactCountry {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    polygons: c
                        .polygons
                        .iter()
                        .map(|rings| rings.iter().map(|r| encode(r)).collect())
                        .collect(),
                })
                .collect(),
            borders: self.borders.iter().map(|l| encode(l)).collect(),
            coasts: self.coasts.iter().map(|l| encode(l)).collect(),
        };
        let out = MAGIC.to_vec();
        postcard::to_extend(&compact, out).map_err(|e| BasemapError::Write(e.to_string()))
    }

    /// Reads a compact basemap; the error says what is wrong.
    pub fn from_compact(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(BasemapError::NotCompact)?;
        let c: Compact =
            postcard::from_bytes(body).map_err(|e| BasemapError::Compact(e.to_string()))?;
        let odd = |l: &Vec<i64>| l.len() % 2 != 0;
        if c.borders.iter().chain(&c.coasts).any(odd)
            || c.countries
                .iter()
                .flat_map(|c| c.polygons.iter().flatten())
                .any(odd)
        {
            return Err(BasemapError::CompactOddLine);
        }
        Ok(Basemap {
            attribution: c.attribution,
            bbox: c.bbox.map(|v| v as f64 / STEPS_PER_DEGREE),
            countries: c
                .countries
                .into_iter()
                .map(|k| Country {
                    id: k.id,
                    name: k.name,
                    polygons: k
                        .polygons
                        .iter()
                        .map(|rings| rings.iter().map(|r| decode(r)).collect())
                        .collect(),
                })
                .collect(),
            borders: c.borders.iter().map(|l| decode(l)).collect(),
            coasts: c.coasts.iter().map(|l| decode(l)).collect(),
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
    fn a_truncated_or_foreign_file_is_refused_with_a_reason() {
        let bytes = basemap().to_compact().unwrap_or_default();
        assert!(Basemap::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(Basemap::from_bytes(b"FLBASEM1").is_err());
        assert!(Basemap::from_bytes(&[0xff, 0xfe]).is_err());
    }
}
