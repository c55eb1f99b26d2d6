//! The path a stream travels on the globe: a great circle between its endpoints, or through a
//! route's waypoints, densified so that it stays curved once projected.

use crate::trig;
use geo::{Haversine, InterpolatePoint, Point};

/// The longest straight piece of a densified path, in metres (50 km).
pub const MAX_SEGMENT_M: f64 = 50_000.0;

/// The most points densifying adds to all the paths of a scene together (each stream's path
/// counted once per stream): past it, pieces grow longer than [`MAX_SEGMENT_M`], so that a
/// story of very many or very long paths still lays out in linear time and bounded memory.
pub const MAX_DENSIFIED_POINTS: usize = 2_000_000;

/// The length in metres of the path from `from` through `waypoints` to `to` along great
/// circles (all `(longitude, latitude)` in degrees).
pub fn path_length_m(from: (f64, f64), waypoints: &[[f64; 2]], to: (f64, f64)) -> f64 {
    let mut at = from;
    let mut total = 0.0;
    for p in waypoints.iter().map(|w| (w[0], w[1])).chain([to]) {
        total += distance_m(at, p);
        at = p;
    }
    total
}

/// The path from `from` through `waypoints` to `to` (all `(longitude, latitude)` in degrees),
/// following great circles between consecutive points, with no piece longer than
/// `max_segment_m` metres: the points geo's `Haversine.densify` gives, within 1e-9 degrees (a
/// test checks it), made by `GreatCircle` with each leg's constants worked out once.
pub fn geodesic_path(
    from: (f64, f64),
    waypoints: &[[f64; 2]],
    to: (f64, f64),
    max_segment_m: f64,
) -> Vec<(f64, f64)> {
    let max_segment_m = max_segment_m.max(1.0);
    // Corner `i`: `from`, the waypoints, then `to`; leg `i` runs from corner `i` to `i + 1`.
    let corner = |i: usize| match i.checked_sub(1).map(|w| waypoints.get(w)) {
        None => from,
        Some(Some(w)) => (w[0], w[1]),
        Some(None) => to,
    };
    let legs = waypoints.len() + 1;
    let mut path = Vec::new();
    for i in 0..legs {
        let (a, b) = (corner(i), corner(i + 1));
        let length_m = distance_m(a, b);
        // Room for the leg's points (and the path's end after the last leg) as each leg is
        // reached: a path of one leg, most of them, is allocated once, where pushing point by
        // point grew and copied it about three times.
        let end = usize::from(i + 1 == legs);
        path.reserve_exact(1 + GreatCircle::points_added(length_m, max_segment_m) + end);
        path.push(a);
        GreatCircle::new(a, b).fill(length_m, max_segment_m, &mut path);
    }
    path.push(to);
    path
}

/// The great circle from one point to another, with what every point along it shares worked
/// out once: geo 0.33's `densify` works it out again for every point it adds (its own "PERF
/// TODO" in `densify_between`), which was half of a 1,000-flow story's set-up. Each point is
/// geo's `HaversineIntermediateFillCalculation` (the ends' unit vectors weighted by the sines
/// of the angles to them), with the sines found by turning through the equal angle between
/// points rather than worked out again for each: within 1e-9 degrees of geo's points (a test
/// checks it), without the two sines, one argument reduction and `hypot` each took.
struct GreatCircle {
    start: (f64, f64),
    end: (f64, f64),
    /// The angle between the ends at the Earth's centre, in radians, and its sine and cosine.
    d: f64,
    sin_d: f64,
    cos_d: f64,
    /// The ends as unit vectors: x, y and z of the start, then of the end.
    start_xyz: [f64; 3],
    end_xyz: [f64; 3],
}

impl GreatCircle {
    fn new(start: (f64, f64), end: (f64, f64)) -> Self {
        let (lon1, lat1) = (start.0.to_radians(), start.1.to_radians());
        let (lon2, lat2) = (end.0.to_radians(), end.1.to_radians());
        let (lat1_sin, lat1_cos) = trig::sin_cos(lat1);
        let (lat2_sin, lat2_cos) = trig::sin_cos(lat2);
        let (lon1_sin, lon1_cos) = trig::sin_cos(lon1);
        let (lon2_sin, lon2_cos) = trig::sin_cos(lon2);
        let m = lat1_cos * lat2_cos;
        let k = (trig::sin((lat1 - lat2) / 2.0).powi(2)
            + m * trig::sin((lon1 - lon2) / 2.0).powi(2))
        .sqrt();
        let d = 2.0 * k.asin();
        let (sin_d, cos_d) = trig::sin_cos(d);
        GreatCircle {
            start,
            end,
            d,
            sin_d,
            cos_d,
            start_xyz: [lat1_cos * lon1_cos, lat1_cos * lon1_sin, lat1_sin],
            end_xyz: [lat2_cos * lon2_cos, lat2_cos * lon2_sin, lat2_sin],
        }
    }

    /// The point whose unit vector is `a` times the start's plus `b` times the end's, as
    /// `(longitude, latitude)` in degrees.
    fn point(&self, a: f64, b: f64) -> (f64, f64) {
        let [x1, y1, z1] = self.start_xyz;
        let [x2, y2, z2] = self.end_xyz;
        let (x, y, z) = (a * x1 + b * x2, a * y1 + b * y2, a * z1 + b * z2);
        // Near a unit vector: the plain length, no `hypot` (see `polyline::length`).
        let lat = z.atan2(crate::polyline::length(x, y));
        let lon = y.atan2(x);
        (lon.to_degrees(), lat.to_degrees())
    }

    /// Pushes onto `out` the points between the ends (neither end) that cut a circle
    /// `length_m` metres long into equal pieces of at most `max_segment_m` metres, as geo's
    /// `densify_between` does. A length that is not a finite number adds none.
    fn fill(&self, length_m: f64, max_segment_m: f64, out: &mut Vec<(f64, f64)>) {
        let Some(pieces) = Self::pieces(length_m, max_segment_m) else {
            return;
        };
        if self.start == self.end {
            out.extend(std::iter::repeat_n(self.start, pieces as usize - 1));
            return;
        }
        // Point k of n lies k·θ from the start and (n - k)·θ from the end (θ = d / n): its
        // weights are sin((n - k)·θ) / sin d and sin(k·θ) / sin d. Both angles are kept as a
        // cosine and a sine and turned by θ at each point, one forward from 0, one back
        // from d (a rounding error a turn, some 1e-14 after hundreds of points).
        let (sin_t, cos_t) = trig::sin_cos(self.d / pieces as f64);
        let (mut cos_b, mut sin_b) = (1.0, 0.0);
        let (mut cos_a, mut sin_a) = (self.cos_d, self.sin_d);
        for _ in 1..pieces {
            (cos_b, sin_b) = (cos_b * cos_t - sin_b * sin_t, sin_b * cos_t + cos_b * sin_t);
            (cos_a, sin_a) = (cos_a * cos_t + sin_a * sin_t, sin_a * cos_t - cos_a * sin_t);
            out.push(self.point(sin_a / self.sin_d, sin_b / self.sin_d));
        }
    }

    /// How many pieces of at most `max_segment_m` a leg `length_m` long is cut into, when more
    /// than one.
    fn pieces(length_m: f64, max_segment_m: f64) -> Option<u64> {
        let pieces = (length_m / max_segment_m).ceil();
        (pieces.is_finite() && pieces >= 2.0).then_some(pieces as u64)
    }

    /// How many points [`GreatCircle::fill`] adds between a leg's ends.
    fn points_added(length_m: f64, max_segment_m: f64) -> usize {
        Self::pieces(length_m, max_segment_m).map_or(0, |p| (p - 1) as usize)
    }
}

/// The point halfway along the great circle from `a` to `b` (degrees).
pub fn great_circle_midpoint(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let p = Haversine.point_at_ratio_between(Point::from(a), Point::from(b), 0.5);
    (p.x(), p.y())
}

/// The great-circle distance from `a` to `b` in metres (mean Earth radius): geo's
/// `Haversine.distance` step for step, with [`trig`]'s sine and cosine, so that the map module
/// carries no reduction of huge angles.
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (theta1, theta2) = (a.1.to_radians(), b.1.to_radians());
    let delta_theta = (b.1 - a.1).to_radians();
    let delta_lambda = (b.0 - a.0).to_radians();
    let h = trig::sin(delta_theta / 2.0).powi(2)
        + trig::cos(theta1) * trig::cos(theta2) * trig::sin(delta_lambda / 2.0).powi(2);
    Haversine.radius() * (2.0 * h.sqrt().asin())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PYONGYANG: (f64, f64) = (125.76, 39.04);
    const KURSK: (f64, f64) = (36.19, 51.73);

    #[test]
    fn the_distance_is_geos_haversine_distance_to_the_last_bit() {
        use geo::Distance;
        let mut rng = crate::synthetic::SplitMix::new(11);
        for _ in 0..10_000 {
            let a = (
                rng.next_f64() * 360.0 - 180.0,
                rng.next_f64() * 180.0 - 90.0,
            );
            let b = (
                rng.next_f64() * 360.0 - 180.0,
                rng.next_f64() * 180.0 - 90.0,
            );
            let geo = Haversine.distance(Point::from(a), Point::from(b));
            assert_eq!(distance_m(a, b).to_bits(), geo.to_bits(), "{a:?} to {b:?}");
        }
        assert_eq!(distance_m(PYONGYANG, PYONGYANG), 0.0);
    }

    #[test]
    fn the_great_circle_from_pyongyang_to_kursk_bends_north_over_siberia() {
        let (lon, lat) = great_circle_midpoint(PYONGYANG, KURSK);
        assert!((70.0..100.0).contains(&lon), "midpoint longitude {lon}");
        assert!(
            lat > KURSK.1 + 2.0,
            "midpoint latitude {lat} is north of both ends"
        );
    }

    #[test]
    fn a_path_with_waypoints_is_made_with_room_for_exactly_its_points() {
        let waypoints = [[131.9, 43.1], [82.9, 55.0]];
        let path = geodesic_path(PYONGYANG, &waypoints, KURSK, MAX_SEGMENT_M);
        assert_eq!(path.capacity(), path.len());
        let corners = [PYONGYANG, (131.9, 43.1), (82.9, 55.0), KURSK];
        for c in corners {
            assert!(path.contains(&c), "{c:?} is on the path");
        }
    }

    #[test]
    fn a_densified_path_keeps_its_ends_and_has_no_long_piece() {
        let path = geodesic_path(PYONGYANG, &[], KURSK, MAX_SEGMENT_M);
        assert_eq!(path.first(), Some(&PYONGYANG));
        assert_eq!(path.last(), Some(&KURSK));
        assert!(path.len() > 100, "about 6,400 km in 50 km pieces");
        for w in path.windows(2) {
            assert!(distance_m(w[0], w[1]) <= MAX_SEGMENT_M + 1.0);
        }
    }

    #[test]
    fn a_path_is_as_long_as_its_legs() {
        let irkutsk = [104.28, 52.29];
        let legs = distance_m(PYONGYANG, (irkutsk[0], irkutsk[1]))
            + distance_m((irkutsk[0], irkutsk[1]), KURSK);
        assert!((path_length_m(PYONGYANG, &[irkutsk], KURSK) - legs).abs() < 1e-6);
    }

    #[test]
    fn a_path_has_the_points_geos_densify_gives_within_a_billionth_of_a_degree() {
        use geo::{Densify, LineString};
        let mut rng = crate::synthetic::SplitMix::new(7);
        let mut any = || {
            (
                rng.next_f64() * 360.0 - 180.0,
                rng.next_f64() * 170.0 - 85.0,
            )
        };
        for _ in 0..2_000 {
            let (from, to, via) = (any(), any(), any());
            for (waypoints, step) in [(vec![], MAX_SEGMENT_M), (vec![[via.0, via.1]], 333_333.0)] {
                let corners: Vec<(f64, f64)> = [from]
                    .into_iter()
                    .chain(waypoints.iter().map(|w| (w[0], w[1])))
                    .chain([to])
                    .collect();
                let geo: Vec<(f64, f64)> = Haversine
                    .densify(&LineString::from(corners), step)
                    .points()
                    .map(|p| (p.x(), p.y()))
                    .collect();
                let ours = geodesic_path(from, &waypoints, to, step);
                assert_eq!(ours.len(), geo.len(), "{from:?} to {to:?}");
                for (o, g) in ours.iter().zip(&geo) {
                    // Longitudes compared round the globe: -180 and 180 are one meridian.
                    let lon = (o.0 - g.0).rem_euclid(360.0);
                    let off = lon.min(360.0 - lon).max((o.1 - g.1).abs());
                    assert!(
                        off < 1e-9,
                        "{o:?} against {g:?}, {from:?} to {to:?} via {waypoints:?}"
                    );
                }
            }
        }
        // The same place at both ends, and a leg of no length between two waypoints.
        assert_eq!(
            geodesic_path(PYONGYANG, &[], PYONGYANG, MAX_SEGMENT_M),
            vec![PYONGYANG, PYONGYANG]
        );
        let stay = geodesic_path(PYONGYANG, &[[KURSK.0, KURSK.1]], KURSK, MAX_SEGMENT_M);
        assert_eq!(&stay[stay.len() - 2..], &[KURSK, KURSK]);
    }

    #[test]
    fn a_path_goes_through_its_waypoints_in_order() {
        let irkutsk = [104.28, 52.29];
        let path = geodesic_path(PYONGYANG, &[irkutsk], KURSK, MAX_SEGMENT_M);
        let at = path
            .iter()
            .position(|&p| p == (irkutsk[0], irkutsk[1]))
            .unwrap_or(usize::MAX);
        assert!(at > 0 && at < path.len() - 1);
    }
}
