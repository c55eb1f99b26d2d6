//! The path a stream travels on the globe: a great circle between its endpoints, or through a
//! route's waypoints, densified so that it stays curved once projected.

use geo::{Densify, Distance, Haversine, InterpolatePoint, LineString, Point};

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
/// `max_segment_m` metres.
pub fn geodesic_path(
    from: (f64, f64),
    waypoints: &[[f64; 2]],
    to: (f64, f64),
    max_segment_m: f64,
) -> Vec<(f64, f64)> {
    let mut coords = Vec::with_capacity(waypoints.len() + 2);
    coords.push(from);
    coords.extend(waypoints.iter().map(|w| (w[0], w[1])));
    coords.push(to);
    let line = LineString::from(coords);
    Haversine
        .densify(&line, max_segment_m.max(1.0))
        .points()
        .map(|p| (p.x(), p.y()))
        .collect()
}

/// The point halfway along the great circle from `a` to `b` (degrees).
pub fn great_circle_midpoint(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let p = Haversine.point_at_ratio_between(Point::from(a), Point::from(b), 0.5);
    (p.x(), p.y())
}

/// The great-circle distance from `a` to `b` in metres (mean Earth radius).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::from(a), Point::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PYONGYANG: (f64, f64) = (125.76, 39.04);
    const KURSK: (f64, f64) = (36.19, 51.73);

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
