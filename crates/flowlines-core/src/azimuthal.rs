//! The Lambert azimuthal equal-area projection, for stories whose extent is too wide, too
//! polar or too near the equator for a conic (see [`crate::projection_choice`]).
//!
//! As in d3-geo's `azimuthalEqualAreaRaw`, rotated to an oblique centre: it works in radians
//! on the unit sphere (the whole globe fits in a disc of radius 2), keeps areas, and has no
//! seam but one point, the centre's antipode, which the chooser keeps far from every route.
//! Formulas from Snyder, *Map Projections: A Working Manual* (1987), pp. 185-187.

use crate::trig;
use crate::turn::wrap_lon;
use std::f64::consts::PI;

/// A raw azimuthal equal-area projection centred on (`lambda0`, `phi0`), radians, north up
/// along the central meridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AzimuthalEqualArea {
    lambda0: f64,
    phi0: f64,
    sin_phi0: f64,
    cos_phi0: f64,
}

impl AzimuthalEqualArea {
    /// The projection centred on `lon_deg`, `lat_deg` (degrees).
    pub fn new(lon_deg: f64, lat_deg: f64) -> Self {
        let phi0 = lat_deg.clamp(-90.0, 90.0).to_radians();
        AzimuthalEqualArea {
            lambda0: lon_deg.to_radians(),
            phi0,
            sin_phi0: trig::sin(phi0),
            cos_phi0: trig::cos(phi0),
        }
    }

    /// The centre, `(lon, lat)` in degrees, longitude within -180 to 180.
    pub fn center(&self) -> (f64, f64) {
        let lon = wrap_lon(self.lambda0.to_degrees());
        (lon, self.phi0.to_degrees())
    }

    /// The cosine of the angle at the Earth's centre between the projection's centre and
    /// `lon`, `lat` (degrees): 1 at the centre, -1 at its antipode.
    pub fn cos_distance(&self, lon: f64, lat: f64) -> f64 {
        let (lambda, phi) = (lon.to_radians() - self.lambda0, lat.to_radians());
        self.sin_phi0 * trig::sin(phi) + self.cos_phi0 * trig::cos(phi) * trig::cos(lambda)
    }

    /// Projects longitude and latitude in degrees to unit-sphere plane coordinates (y up).
    /// The antipode itself, which the projection spreads over the rim, goes to the rim's
    /// bottom.
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (lambda, phi) = (lon.to_radians() - self.lambda0, lat.to_radians());
        let (sl, cl) = trig::sin_cos(lambda);
        let (sp, cp) = trig::sin_cos(phi);
        let cos_c = self.sin_phi0 * sp + self.cos_phi0 * cp * cl;
        if 1.0 + cos_c < 1e-12 {
            return (0.0, -2.0);
        }
        let k = (2.0 / (1.0 + cos_c)).sqrt();
        (
            k * cp * sl,
            k * (self.cos_phi0 * sp - self.sin_phi0 * cp * cl),
        )
    }

    /// The inverse of [`Self::forward`]: plane coordinates back to degrees (longitude within
    /// -180 to 180). A point off the disc of radius 2 goes to the antipode.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let rho = crate::polyline::length(x, y);
        if rho < 1e-15 {
            return self.center();
        }
        let c = 2.0 * (rho / 2.0).min(1.0).asin();
        let (sc, cc) = trig::sin_cos(c);
        let phi = (cc * self.sin_phi0 + y * sc * self.cos_phi0 / rho).clamp(-1.0, 1.0);
        let lambda =
            self.lambda0 + (x * sc).atan2(rho * self.cos_phi0 * cc - y * self.sin_phi0 * sc);
        let lon = wrap_lon(lambda.to_degrees());
        (lon, phi.asin().to_degrees())
    }

    /// The same projection centred on `lon`, `lat` (degrees).
    pub fn recentred(self, lon: f64, lat: f64) -> Self {
        AzimuthalEqualArea::new(lon, lat)
    }
}

/// The angle, in degrees, between two places given as `(lon, lat)` degrees.
pub fn angle_deg(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (l1, p1) = (a.0.to_radians(), a.1.to_radians());
    let (l2, p2) = (b.0.to_radians(), b.1.to_radians());
    let c = trig::sin(p1) * trig::sin(p2) + trig::cos(p1) * trig::cos(p2) * trig::cos(l2 - l1);
    c.clamp(-1.0, 1.0).acos() * 180.0 / PI
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_then_invert_returns_the_same_place() {
        for centre in [(0.0, 0.0), (-170.0, 45.0), (30.0, 90.0), (120.0, -60.0)] {
            let p = AzimuthalEqualArea::new(centre.0, centre.1);
            for &(lon, lat) in &[
                (125.76, 39.04),
                (-123.1, 49.28),
                (179.9, -10.0),
                (-179.9, 10.0),
                (0.0, 0.5),
                (60.0, 80.0),
            ] {
                let (x, y) = p.forward(lon, lat);
                let (lon2, lat2) = p.invert(x, y);
                assert!((lat - lat2).abs() < 1e-9, "{centre:?}: {lat} vs {lat2}");
                assert!((lon - lon2).abs() < 1e-9, "{centre:?}: {lon} vs {lon2}");
            }
        }
    }

    #[test]
    fn the_centre_goes_to_the_origin_and_north_is_up() {
        let p = AzimuthalEqualArea::new(-150.0, 40.0);
        let (x, y) = p.forward(-150.0, 40.0);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-12);
        assert!(p.forward(-150.0, 50.0).1 > 0.0);
        assert!(p.forward(-140.0, 40.0).0 > 0.0, "east is right");
    }

    #[test]
    fn the_whole_globe_fits_in_a_disc_of_radius_two() {
        let p = AzimuthalEqualArea::new(10.0, -20.0);
        for lon in (-180..180).step_by(15) {
            for lat in (-90..=90).step_by(15) {
                let (x, y) = p.forward(f64::from(lon), f64::from(lat));
                assert!(x.hypot(y) <= 2.0 + 1e-9);
            }
        }
    }

    #[test]
    fn the_angle_between_two_places_is_measured_at_the_earths_centre() {
        assert!((angle_deg((0.0, 0.0), (90.0, 0.0)) - 90.0).abs() < 1e-9);
        assert!((angle_deg((10.0, 90.0), (-50.0, -90.0)) - 180.0).abs() < 1e-9);
        assert!((angle_deg((179.0, 0.0), (-179.0, 0.0)) - 2.0).abs() < 1e-9);
    }
}
