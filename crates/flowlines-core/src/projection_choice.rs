//! Which projection a story is drawn in, chosen from its places and routes unless the story
//! names one ([`crate::model::ProjectionSpec`]).
//!
//! The rule, on every place and every point of every drawn route (`(lon, lat)` degrees):
//!
//! 1. The longitudes' *span* is the shortest arc of the circle of longitudes holding them all,
//!    found as the complement of the widest gap between them (so a story across the Pacific
//!    spans the antimeridian, not the other 300°). Its middle, rounded to 5°, is the centre
//!    longitude; the seam, opposite it, then falls in the gap, where no route runs.
//! 2. A *mid-latitude region* (every point between 10° and 80° on one side of the equator,
//!    spanning at most 60° of latitude and [`MAX_CONIC_SPAN_DEG`] of longitude) gets an Albers
//!    conic, with standard parallels a sixth of the latitude range in from its edges (the rule
//!    of thumb in Snyder's *Map Projections: A Working Manual*, p. 99), rounded outwards to
//!    5° so that adding a place does not turn the map. For the default story (30.5° E to
//!    135.1° E, 39.0° N to 58.6° N) that is parallels 40° N and 60° N, centre 85° E: the conic
//!    the map has always used ([`crate::projection::eurasia`]).
//! 3. Anything else (wide, polar, or across the equator) gets a Lambert azimuthal equal-area
//!    centred on the middle of the 5° cells the points fall in, on the globe, rounded to 1°; if a point comes within
//!    [`ANTIPODE_CLEARANCE_DEG`] of that centre's antipode, where the projection tears, the
//!    centre moves to the nearest one whose antipode is clear of every point, or, for points
//!    all over the globe, the one whose antipode is farthest from any.
//!
//! Points are gathered into a grid (0.1° of longitude for the span, 5° cells on the globe for
//! the azimuthal centre), so the choice takes time linear in the number of points.
//!
//! [`MAX_CONIC_SPAN_DEG`]: crate::projection_choice::MAX_CONIC_SPAN_DEG
//! [`ANTIPODE_CLEARANCE_DEG`]: crate::projection_choice::ANTIPODE_CLEARANCE_DEG

use crate::azimuthal::AzimuthalEqualArea;
use crate::model::{ProjectionKind, ProjectionSpec};
use crate::projection::{ConicEqualArea, Raw};
use crate::trig;
use crate::turn::{rem_turn, wrap_lon};

/// The widest span of longitude, in degrees, drawn on a conic.
pub const MAX_CONIC_SPAN_DEG: f64 = 160.0;
/// How far, in degrees, every point must stay from an azimuthal projection's antipode.
pub const ANTIPODE_CLEARANCE_DEG: f64 = 25.0;
/// Longitude bins per degree, for the span.
const BINS_PER_DEG: f64 = 10.0;
/// The globe cell's side, in degrees, for the azimuthal centre.
const CELL_DEG: f64 = 5.0;
/// How many candidate centres are tried when the centre's antipode is not clear.
const CANDIDATES: usize = 2_000;
/// The most route points [`route_samples`] gives: a story with more is sampled evenly.
pub const MAX_SAMPLED_POINTS: usize = 200_000;

/// Points of `paths` (`(lon, lat)` degrees) for the chooser: every point, or for a story of
/// more than [`MAX_SAMPLED_POINTS`] points an even sample along each path, its last point
/// always kept, so that choosing takes a bounded time on the page's first frame.
pub fn route_samples<P: AsRef<[(f64, f64)]>>(paths: &[P]) -> impl Iterator<Item = (f64, f64)> + '_ {
    let total: usize = paths.iter().map(|p| p.as_ref().len()).sum();
    let step = total.div_ceil(MAX_SAMPLED_POINTS).max(1);
    paths.iter().flat_map(move |p| {
        let p = p.as_ref();
        p.iter()
            .step_by(step)
            .chain(p.last().filter(|_| p.len() % step != 1 % step))
            .copied()
    })
}

/// What the chooser learns from the points in one pass.
struct Extent {
    /// Occupied longitude bins, [`BINS_PER_DEG`] per degree from -180.
    lon_bins: Vec<bool>,
    south: f64,
    north: f64,
    /// Occupied globe cells: the unit vectors of their centres.
    cells: Vec<[f64; 3]>,
}

impl Extent {
    fn new(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Extent> {
        let n_bins = (360.0 * BINS_PER_DEG) as usize;
        let mut lon_bins = vec![false; n_bins];
        let (cols, rows) = ((360.0 / CELL_DEG) as usize, (180.0 / CELL_DEG) as usize);
        let mut grid = vec![false; cols * rows];
        let (mut south, mut north) = (f64::MAX, f64::MIN);
        let mut any = false;
        for (lon, lat) in points {
            if !lon.is_finite() || !lat.is_finite() {
                continue;
            }
            any = true;
            let lon = rem_turn(lon + 180.0, 360.0);
            let lat = lat.clamp(-90.0, 90.0);
            lon_bins[((lon * BINS_PER_DEG) as usize).min(n_bins - 1)] = true;
            south = south.min(lat);
            north = north.max(lat);
            let col = ((lon / CELL_DEG) as usize).min(cols - 1);
            let row = (((lat + 90.0) / CELL_DEG) as usize).min(rows - 1);
            grid[row * cols + col] = true;
        }
        let cells = grid
            .iter()
            .enumerate()
            .filter(|(_, &on)| on)
            .map(|(i, _)| {
                let (col, row) = ((i % cols) as f64, (i / cols) as f64);
                unit((
                    (col + 0.5) * CELL_DEG - 180.0,
                    (row + 0.5) * CELL_DEG - 90.0,
                ))
            })
            .collect();
        any.then_some(Extent {
            lon_bins,
            south,
            north,
            cells,
        })
    }

    /// The shortest arc of longitudes holding every point: `(west, width)` in degrees, `west`
    /// within -180 to 180.
    fn span(&self) -> (f64, f64) {
        let n = self.lon_bins.len();
        // The widest run of empty bins, on the circle.
        let first = self.lon_bins.iter().position(|&b| b).unwrap_or(0);
        let (mut best_len, mut best_end) = (0, first);
        let mut run = 0;
        for k in 1..=n {
            let i = (first + k) % n;
            if self.lon_bins[i] {
                if run > best_len {
                    (best_len, best_end) = (run, i);
                }
                run = 0;
            } else {
                run += 1;
            }
        }
        // The span starts at the first occupied bin after the gap and ends at the last
        // occupied one before it: bins are widened to their edges.
        let west = best_end as f64 / BINS_PER_DEG - 180.0;
        let width = (n - best_len) as f64 / BINS_PER_DEG;
        (west, width)
    }

    /// The conic's centre longitude and parallels, by the module's rule.
    fn conic(&self) -> ConicEqualArea {
        let (west, width) = self.span();
        let centre = wrap_lon(round_to(west + width / 2.0, 5.0));
        let sixth = (self.north - self.south) / 6.0;
        let (mut p1, mut p2) = (
            ((self.south + sixth) / 5.0).floor() * 5.0,
            ((self.north - sixth) / 5.0).ceil() * 5.0,
        );
        if p1 == p2 {
            if p1 >= 0.0 {
                p2 += 5.0;
            } else {
                p1 -= 5.0;
            }
        }
        if p1 + p2 == 0.0 {
            // Parallels symmetric about the equator make a flat cone.
            p2 += 5.0;
        }
        ConicEqualArea::new(p1.clamp(-85.0, 85.0), p2.clamp(-85.0, 85.0), centre)
    }

    /// Whether the points make a mid-latitude region, drawn on a conic.
    fn is_mid_latitude(&self) -> bool {
        let band = |s: f64, n: f64| s >= 10.0 && n <= 80.0;
        (band(self.south, self.north) || band(-self.north, -self.south))
            && self.north - self.south <= 60.0
            && self.span().1 <= MAX_CONIC_SPAN_DEG
    }

    /// How near the nearest point comes to the antipode of `centre` (a unit vector): the
    /// cosine of the angle between them, 1 when a point is at the antipode.
    fn nearness_to_antipode(&self, centre: [f64; 3]) -> f64 {
        self.cells
            .iter()
            .map(|c| -dot(*c, centre))
            .fold(-1.0, f64::max)
    }

    /// The azimuthal centre, by the module's rule. Angles are compared by their cosines, dot
    /// products of unit vectors.
    fn azimuthal_centre(&self) -> (f64, f64) {
        let [mut x, mut y, mut z] = [0.0; 3];
        for c in &self.cells {
            x += c[0];
            y += c[1];
            z += c[2];
        }
        let norm = (x * x + y * y + z * z).sqrt();
        let mean = if norm > 1e-9 {
            rounded((y.atan2(x), (z / norm).clamp(-1.0, 1.0).asin()))
        } else {
            (0.0, 0.0)
        };
        // A cell's points lie within half its diagonal of its centre.
        let half_cell = CELL_DEG * std::f64::consts::FRAC_1_SQRT_2;
        let clear = trig::cos((ANTIPODE_CLEARANCE_DEG + half_cell).to_radians());
        let mean_v = unit(mean);
        if self.nearness_to_antipode(mean_v) <= clear {
            return mean;
        }
        // Candidates spread evenly over the globe (a Fibonacci lattice), rounded to 1°.
        let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
        let mut nearest_clear: Option<((f64, f64), f64)> = None;
        let mut widest = (mean, f64::MAX);
        for i in 0..CANDIDATES {
            let z = 1.0 - 2.0 * (i as f64 + 0.5) / CANDIDATES as f64;
            let c = rounded((golden * i as f64, z.asin()));
            let v = unit(c);
            let near = self.nearness_to_antipode(v);
            if near < widest.1 {
                widest = (c, near);
            }
            let along = dot(v, mean_v);
            if near <= clear && nearest_clear.is_none_or(|(_, a)| along > a) {
                nearest_clear = Some((c, along));
            }
        }
        nearest_clear.map_or(widest.0, |(c, _)| c)
    }
}

/// `(lon, lat)` in radians as degrees rounded to 1°, longitude within -180 to 180.
fn rounded((lon, lat): (f64, f64)) -> (f64, f64) {
    (
        wrap_lon(round_to(lon.to_degrees(), 1.0)),
        round_to(lat.to_degrees(), 1.0),
    )
}

/// The unit vector of `(lon, lat)` degrees.
fn unit((lon, lat): (f64, f64)) -> [f64; 3] {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    [
        trig::cos(p) * trig::cos(l),
        trig::cos(p) * trig::sin(l),
        trig::sin(p),
    ]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

/// The projection for a story with `spec` (if it names one) and these `points` (its places and
/// the points of its drawn routes, `(lon, lat)` degrees): see the module's documentation. What
/// the story names wins; what it leaves out is chosen from the points. A story with no point
/// gets [`crate::projection::eurasia`].
pub fn choose_projection(
    spec: Option<&ProjectionSpec>,
    points: impl IntoIterator<Item = (f64, f64)>,
) -> Raw {
    let extent = Extent::new(points);
    let Some(extent) = extent else {
        return match spec {
            Some(s) => named(s, None),
            None => crate::projection::eurasia().into(),
        };
    };
    match spec {
        Some(s) => named(s, Some(&extent)),
        None if extent.is_mid_latitude() => extent.conic().into(),
        None => {
            let (lon, lat) = extent.azimuthal_centre();
            AzimuthalEqualArea::new(lon, lat).into()
        }
    }
}

/// The projection a story names, with what it leaves out chosen from `extent`.
fn named(spec: &ProjectionSpec, extent: Option<&Extent>) -> Raw {
    match spec.kind {
        ProjectionKind::Conic => {
            let chosen = extent.map_or_else(crate::projection::eurasia, Extent::conic);
            let lon = spec
                .center
                .map_or_else(|| chosen.central_meridian(), |c| c[0]);
            let (p1, p2) = spec
                .parallels
                .map_or_else(|| chosen.parallels(), |p| (p[0], p[1]));
            ConicEqualArea::new(p1, p2, lon).into()
        }
        ProjectionKind::Azimuthal => {
            let (lon, lat) = match (spec.center, extent) {
                (Some(c), _) => (c[0], c[1]),
                (None, Some(e)) => e.azimuthal_centre(),
                (None, None) => (0.0, 0.0),
            };
            AzimuthalEqualArea::new(lon, lat).into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::azimuthal::angle_deg;
    use crate::projection::eurasia;

    const BUSAN: (f64, f64) = (129.04, 35.10);
    const VANCOUVER: (f64, f64) = (-123.12, 49.28);

    #[test]
    fn a_story_across_the_pacific_is_centred_on_the_pacific() {
        let path = crate::route::geodesic_path(BUSAN, &[], VANCOUVER, 50_000.0);
        let raw = choose_projection(None, path);
        let (lon, _) = raw.center();
        assert!(
            (lon.abs() - 180.0).abs() <= 15.0,
            "centre {lon} is near the antimeridian"
        );
    }

    #[test]
    fn a_polar_story_gets_an_azimuthal_projection_near_the_pole() {
        let murmansk = (33.08, 68.97);
        let nome = (-165.41, 64.50);
        let path = crate::route::geodesic_path(murmansk, &[], nome, 50_000.0);
        let raw = choose_projection(None, path);
        assert_eq!(raw.kind(), "azimuthal");
        assert!(raw.center().1 > 70.0, "centre {:?}", raw.center());
    }

    #[test]
    fn a_story_across_the_equator_gets_an_azimuthal_projection() {
        let raw = choose_projection(None, [(106.8, -6.2), (103.8, 1.35), (121.0, 14.6)]);
        assert_eq!(raw.kind(), "azimuthal");
    }

    #[test]
    fn places_all_over_the_globe_keep_clear_of_the_antipode() {
        let places = [
            (0.0, 0.0),
            (90.0, 0.0),
            (180.0, 0.0),
            (-90.0, 0.0),
            (0.0, 60.0),
        ];
        let raw = choose_projection(None, places);
        let Raw::Azimuthal(a) = raw else {
            panic!("expected azimuthal, got {raw:?}");
        };
        for (lon, lat) in places {
            let reach = angle_deg(a.center(), (lon, lat));
            assert!(reach <= 180.0 - ANTIPODE_CLEARANCE_DEG + 4.0, "{reach}");
        }
    }

    #[test]
    fn what_a_story_names_wins_and_what_it_leaves_out_is_chosen() {
        let spec = ProjectionSpec {
            kind: ProjectionKind::Conic,
            center: Some([100.0, 50.0]),
            parallels: None,
        };
        let raw = choose_projection(Some(&spec), [(30.52, 50.45), (125.76, 39.04)]);
        assert_eq!(raw.center().0, 100.0);
        assert!(raw.parallels().is_some());
        let spec = ProjectionSpec {
            kind: ProjectionKind::Azimuthal,
            center: Some([10.0, 20.0]),
            parallels: None,
        };
        assert_eq!(
            choose_projection(Some(&spec), [(30.52, 50.45)]),
            Raw::Azimuthal(AzimuthalEqualArea::new(10.0, 20.0))
        );
    }

    #[test]
    fn a_story_with_no_point_keeps_the_eurasian_conic() {
        assert_eq!(choose_projection(None, []), Raw::Conic(eurasia()));
    }
}
