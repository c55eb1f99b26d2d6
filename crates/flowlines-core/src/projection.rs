//! Map projections: a raw forward function with its inverse, and a fit to a viewport.
//!
//! A mid-latitude story is drawn on an Albers equal-area conic, which keeps Eurasia's shape and
//! areas at these latitudes (Web Mercator would swell Siberia); a wide, polar or equatorial one
//! on a Lambert azimuthal equal-area ([`crate::azimuthal`]). Which one, and where it is
//! centred, is chosen from the story's places and routes by [`crate::projection_choice`]. As in
//! d3-geo, the raw projection ([`Raw`]) works in radians on the unit sphere and [`Projection`]
//! adds scale and translation to CSS pixels, with y growing downwards as on a canvas.
//!
//! [`Raw`]: crate::projection::Raw
//! [`Projection`]: crate::projection::Projection

pub use crate::azimuthal::AzimuthalEqualArea;
use crate::trig;
use crate::turn::{rem_turn, wrap_lon};
use std::f64::consts::PI;

/// A raw conic equal-area (Albers) projection with standard parallels `phi1`, `phi2`
/// (radians) and central meridian `lambda0` (radians).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConicEqualArea {
    lambda0: f64,
    /// The standard parallels in degrees, as given.
    parallels: (f64, f64),
    n: f64,
    c: f64,
    r0: f64,
}

impl ConicEqualArea {
    /// A conic with standard parallels `phi1_deg`, `phi2_deg` and central meridian
    /// `lambda0_deg`, all in degrees. The parallels must not be symmetric about the equator.
    pub fn new(phi1_deg: f64, phi2_deg: f64, lambda0_deg: f64) -> Self {
        let (p1, p2) = (phi1_deg.to_radians(), phi2_deg.to_radians());
        let sy0 = trig::sin(p1);
        let n = (sy0 + trig::sin(p2)) / 2.0;
        let c = 1.0 + sy0 * (2.0 * n - sy0);
        ConicEqualArea {
            lambda0: lambda0_deg.to_radians(),
            parallels: (phi1_deg, phi2_deg),
            n,
            c,
            r0: c.sqrt() / n,
        }
    }

    /// The same conic turned to central meridian `lon_deg` (degrees): north is up along it, so
    /// a detail of a region far from the main map's centre is shown the right way up.
    pub fn with_central_meridian(self, lon_deg: f64) -> Self {
        ConicEqualArea {
            lambda0: lon_deg.to_radians(),
            ..self
        }
    }

    /// The central meridian in degrees, within -180 to 180.
    pub fn central_meridian(&self) -> f64 {
        wrap_lon(self.lambda0.to_degrees())
    }

    /// The standard parallels in degrees.
    pub fn parallels(&self) -> (f64, f64) {
        self.parallels
    }

    /// `lon` (degrees) east of the central meridian, within -180 to 180: the seam, where the
    /// cone is cut, is at ±180.
    pub fn relative_lon(&self, lon: f64) -> f64 {
        wrap_lon(lon - self.lambda0.to_degrees())
    }

    /// Projects longitude and latitude in degrees to unit-sphere plane coordinates (y up).
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let mut lambda = lon.to_radians() - self.lambda0;
        // Wrap to [-pi, pi) so that the cut is opposite the central meridian.
        lambda = rem_turn(lambda + PI, 2.0 * PI) - PI;
        let phi = lat.to_radians();
        let r = (self.c - 2.0 * self.n * trig::sin(phi)).max(0.0).sqrt() / self.n;
        let a = lambda * self.n;
        (r * trig::sin(a), self.r0 - r * trig::cos(a))
    }

    /// The inverse of [`Self::forward`]: plane coordinates back to degrees.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let r0y = self.r0 - y;
        let mut l = x.atan2(r0y.abs()) * r0y.signum();
        if r0y * self.n < 0.0 {
            l -= PI * x.signum() * r0y.signum();
        }
        let s =
            ((self.c - (x * x + r0y * r0y) * self.n * self.n) / (2.0 * self.n)).clamp(-1.0, 1.0);
        let lon = (l / self.n + self.lambda0).to_degrees();
        let lon = wrap_lon(lon);
        (lon, s.asin().to_degrees())
    }
}

/// A raw projection: a conic or an azimuthal one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw {
    /// Albers equal-area conic, for a mid-latitude region.
    Conic(ConicEqualArea),
    /// Lambert azimuthal equal-area, for a wide, polar or equatorial extent.
    Azimuthal(AzimuthalEqualArea),
}

impl From<ConicEqualArea> for Raw {
    fn from(c: ConicEqualArea) -> Raw {
        Raw::Conic(c)
    }
}

impl From<AzimuthalEqualArea> for Raw {
    fn from(a: AzimuthalEqualArea) -> Raw {
        Raw::Azimuthal(a)
    }
}

/// How far from an azimuthal projection's centre, in degrees, a basemap ring may reach: past
/// it, near the antipode, the projection tears a ring round the rim of the globe's disc.
pub const AZIMUTHAL_REACH_DEG: f64 = 160.0;

impl Raw {
    /// Projects longitude and latitude in degrees to unit-sphere plane coordinates (y up).
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            Raw::Conic(c) => c.forward(lon, lat),
            Raw::Azimuthal(a) => a.forward(lon, lat),
        }
    }

    /// Plane coordinates back to degrees.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        match self {
            Raw::Conic(c) => c.invert(x, y),
            Raw::Azimuthal(a) => a.invert(x, y),
        }
    }

    /// `"conic"` or `"azimuthal"`, as a story names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Raw::Conic(_) => "conic",
            Raw::Azimuthal(_) => "azimuthal",
        }
    }

    /// The centre, `(lon, lat)` degrees: an azimuthal projection's centre, or a conic's
    /// central meridian at the latitude halfway between its parallels.
    pub fn center(&self) -> (f64, f64) {
        match self {
            Raw::Conic(c) => {
                let (p1, p2) = c.parallels();
                (c.central_meridian(), (p1 + p2) / 2.0)
            }
            Raw::Azimuthal(a) => a.center(),
        }
    }

    /// A conic's standard parallels in degrees; none for an azimuthal projection.
    pub fn parallels(&self) -> Option<(f64, f64)> {
        match self {
            Raw::Conic(c) => Some(c.parallels()),
            Raw::Azimuthal(_) => None,
        }
    }

    /// The same projection turned to `lon`, `lat` (degrees), so that a detail of a region far
    /// from the main map's centre is shown the right way up: a conic's central meridian moves
    /// to `lon`, an azimuthal projection's centre to both.
    pub fn recentred(self, lon: f64, lat: f64) -> Raw {
        match self {
            Raw::Conic(c) => Raw::Conic(c.with_central_meridian(lon)),
            Raw::Azimuthal(a) => Raw::Azimuthal(a.recentred(lon, lat)),
        }
    }

    /// `lon` (degrees) unwrapped to within 180° of the centre's longitude, so that the mean of
    /// longitudes on both sides of the antimeridian falls between them.
    pub fn unwrap_lon(&self, lon: f64) -> f64 {
        let c = self.center().0;
        if lon - c > 180.0 {
            lon - 360.0
        } else if c - lon > 180.0 {
            lon + 360.0
        } else {
            lon
        }
    }

    /// Whether the straight piece from `a` to `b` (`(lon, lat)` degrees, a short piece of a
    /// basemap ring or line) would be torn by the projection: across a conic's seam, or
    /// reaching farther than [`AZIMUTHAL_REACH_DEG`] from an azimuthal centre.
    pub fn tears(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        match self {
            Raw::Conic(c) => (c.relative_lon(a.0) - c.relative_lon(b.0)).abs() > 180.0,
            Raw::Azimuthal(p) => {
                let reach = trig::cos(AZIMUTHAL_REACH_DEG.to_radians());
                p.cos_distance(a.0, a.1) < reach || p.cos_distance(b.0, b.1) < reach
            }
        }
    }

    /// Whether any piece within the box `[west, south, east, north]` (degrees) may be torn:
    /// a cheap test before [`Self::tears`] on every piece.
    pub fn may_tear_within(&self, [west, _, east, _]: [f64; 4]) -> bool {
        match self {
            Raw::Conic(c) => {
                let seam = c.relative_lon(west) + (east - west);
                east - west >= 360.0 || seam >= 180.0
            }
            Raw::Azimuthal(_) => true,
        }
    }
}

/// A raw projection scaled and translated to CSS pixels, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    raw: Raw,
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Projection {
    /// A projection of `raw` with `scale` pixels per unit and the origin at (`tx`, `ty`).
    pub fn new(raw: impl Into<Raw>, scale: f64, tx: f64, ty: f64) -> Self {
        Projection {
            raw: raw.into(),
            scale,
            tx,
            ty,
        }
    }

    /// Fits `raw` so that every point of `lonlat` (degrees) lies inside a `width` by `height`
    /// pixel viewport with `padding` pixels to spare on each side, centred.
    ///
    /// ```
    /// use flowlines_core::projection::{ConicEqualArea, Projection};
    ///
    /// // Pyongyang and Moscow on a 1000 x 600 px map with 40 px to spare on each side.
    /// let (pyongyang, moscow) = ((125.75, 39.02), (37.62, 55.75));
    /// let conic = ConicEqualArea::new(40.0, 60.0, 80.0);
    /// let p = Projection::fit(conic, [pyongyang, moscow], 1000.0, 600.0, 40.0);
    /// let (x0, y0) = p.forward(moscow.0, moscow.1);
    /// let (x1, y1) = p.forward(pyongyang.0, pyongyang.1);
    /// // West to east they span the 920 px between the paddings, centred on x = 500 px.
    /// assert!((x1 - x0 - 920.0).abs() < 1e-9 && ((x0 + x1) / 2.0 - 500.0).abs() < 1e-9);
    /// assert!(y0 < y1 && (40.0..=560.0).contains(&y0) && (40.0..=560.0).contains(&y1));
    /// // And back to degrees.
    /// let (lon, lat) = p.invert(x1, y1);
    /// assert!((lon - pyongyang.0).abs() < 1e-9 && (lat - pyongyang.1).abs() < 1e-9);
    /// ```
    pub fn fit(
        raw: impl Into<Raw>,
        lonlat: impl IntoIterator<Item = (f64, f64)>,
        width: f64,
        height: f64,
        padding: f64,
    ) -> Self {
        let raw = raw.into();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (lon, lat) in lonlat {
            let (x, y) = raw.forward(lon, lat);
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        if x0 > x1 {
            // No points: show the whole sphere's neighbourhood of the centre.
            (x0, y0, x1, y1) = (-1.0, -1.0, 1.0, 1.0);
        }
        let w = (width - 2.0 * padding).max(1.0);
        let h = (height - 2.0 * padding).max(1.0);
        let dx = (x1 - x0).max(1e-9);
        let dy = (y1 - y0).max(1e-9);
        let scale = (w / dx).min(h / dy);
        let tx = width / 2.0 - scale * (x0 + x1) / 2.0;
        let ty = height / 2.0 + scale * (y0 + y1) / 2.0;
        Projection { raw, scale, tx, ty }
    }

    /// Longitude and latitude in degrees to pixels.
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = self.raw.forward(lon, lat);
        self.from_raw(x, y)
    }

    /// Raw projected coordinates (y up, as [`Raw::forward`] gives them) to pixels.
    pub fn from_raw(&self, x: f64, y: f64) -> (f64, f64) {
        (self.tx + self.scale * x, self.ty - self.scale * y)
    }

    /// Pixels back to longitude and latitude in degrees.
    pub fn invert(&self, px: f64, py: f64) -> (f64, f64) {
        self.raw
            .invert((px - self.tx) / self.scale, (self.ty - py) / self.scale)
    }

    /// Pixels per unit of the raw projection.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Where the raw projection's origin lands, in pixels.
    pub fn translate(&self) -> (f64, f64) {
        (self.tx, self.ty)
    }

    /// The raw projection.
    pub fn raw(&self) -> Raw {
        self.raw
    }
}

/// The conic the story map uses: standard parallels 40° N and 60° N, central meridian 85° E,
/// which keeps the Korean peninsula, Siberia and Ukraine all in shape.
pub fn eurasia() -> ConicEqualArea {
    ConicEqualArea::new(40.0, 60.0, 85.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_then_invert_returns_the_same_place() {
        let p = eurasia();
        for &(lon, lat) in &[
            (125.76, 39.04),
            (131.89, 43.12),
            (36.19, 51.73),
            (37.8, 48.02),
            (-10.0, 70.0),
            (179.0, -10.0),
        ] {
            let (x, y) = p.forward(lon, lat);
            let (lon2, lat2) = p.invert(x, y);
            assert!((lon - lon2).abs() < 1e-9, "{lon} vs {lon2}");
            assert!((lat - lat2).abs() < 1e-9, "{lat} vs {lat2}");
        }
    }

    #[test]
    fn a_fit_puts_every_point_inside_the_padded_viewport() {
        let pts = [
            (125.76, 39.04),
            (131.89, 43.12),
            (36.19, 51.73),
            (34.37, 53.25),
        ];
        let proj = Projection::fit(eurasia(), pts, 800.0, 400.0, 20.0);
        for (lon, lat) in pts {
            let (x, y) = proj.forward(lon, lat);
            assert!((19.99..=780.01).contains(&x), "x {x}");
            assert!((19.99..=380.01).contains(&y), "y {y}");
        }
        let (x, y) = proj.forward(80.0, 50.0);
        let (lon, lat) = proj.invert(x, y);
        assert!((lon - 80.0).abs() < 1e-9 && (lat - 50.0).abs() < 1e-9);
    }

    #[test]
    fn east_is_right_and_north_is_up() {
        let proj = Projection::fit(eurasia(), [(30.0, 40.0), (130.0, 60.0)], 800.0, 400.0, 0.0);
        let (west, _) = proj.forward(36.0, 50.0);
        let (east, _) = proj.forward(125.0, 50.0);
        assert!(east > west);
        let (_, south) = proj.forward(80.0, 40.0);
        let (_, north) = proj.forward(80.0, 60.0);
        assert!(north < south, "north has the smaller y on a canvas");
    }
}
