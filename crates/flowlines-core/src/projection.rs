//! Map projections: a raw forward function with its inverse, and a fit to a viewport.
//!
//! The map uses an Albers equal-area conic, which keeps Eurasia's shape and areas at these
//! latitudes (Web Mercator would swell Siberia). As in d3-geo, the raw projection works in
//! radians on the unit sphere and [`Projection`] adds scale and translation to CSS pixels,
//! with y growing downwards as on a canvas.

use std::f64::consts::PI;

/// A raw conic equal-area (Albers) projection with standard parallels `phi1`, `phi2`
/// (radians) and central meridian `lambda0` (radians).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConicEqualArea {
    lambda0: f64,
    n: f64,
    c: f64,
    r0: f64,
}

impl ConicEqualArea {
    /// A conic with standard parallels `phi1_deg`, `phi2_deg` and central meridian
    /// `lambda0_deg`, all in degrees. The parallels must not be symmetric about the equator.
    pub fn new(phi1_deg: f64, phi2_deg: f64, lambda0_deg: f64) -> Self {
        let (p1, p2) = (phi1_deg.to_radians(), phi2_deg.to_radians());
        let sy0 = p1.sin();
        let n = (sy0 + p2.sin()) / 2.0;
        let c = 1.0 + sy0 * (2.0 * n - sy0);
        ConicEqualArea {
            lambda0: lambda0_deg.to_radians(),
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

    /// Projects longitude and latitude in degrees to unit-sphere plane coordinates (y up).
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let mut lambda = lon.to_radians() - self.lambda0;
        // Wrap to [-pi, pi) so that the cut is opposite the central meridian.
        lambda = (lambda + PI).rem_euclid(2.0 * PI) - PI;
        let phi = lat.to_radians();
        let r = (self.c - 2.0 * self.n * phi.sin()).max(0.0).sqrt() / self.n;
        let a = lambda * self.n;
        (r * a.sin(), self.r0 - r * a.cos())
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
        let lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
        (lon, s.asin().to_degrees())
    }
}

/// A raw projection scaled and translated to CSS pixels, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    raw: ConicEqualArea,
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Projection {
    /// A projection of `raw` with `scale` pixels per unit and the origin at (`tx`, `ty`).
    pub fn new(raw: ConicEqualArea, scale: f64, tx: f64, ty: f64) -> Self {
        Projection { raw, scale, tx, ty }
    }

    /// Fits `raw` so that every point of `lonlat` (degrees) lies inside a `width` by `height`
    /// pixel viewport with `padding` pixels to spare on each side, centred.
    pub fn fit(
        raw: ConicEqualArea,
        lonlat: impl IntoIterator<Item = (f64, f64)>,
        width: f64,
        height: f64,
        padding: f64,
    ) -> Self {
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

    /// Raw projected coordinates (y up, as [`ConicEqualArea::forward`] gives them) to pixels.
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
