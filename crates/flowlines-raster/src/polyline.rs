//! A projected path in pixels with its running length, to place things along it.

use crate::within::within;

/// The length of the step (`dx`, `dy`), in its units (pixels, or a projection's plane).
///
/// `f64::hypot` guards against squares that overflow, which no distance on a map comes near;
/// in WebAssembly it is a software routine (libm's, with its scaling and branches) where this
/// is one `f64.sqrt` instruction: laying out a 10,000-flow map measures the length of every
/// piece of every route several times.
///
/// ```
/// use flowlines_raster::polyline::length;
/// assert_eq!(length(3.0, -4.0), 5.0);
/// ```
#[inline]
pub fn length(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
}

/// A path of pixel points with the distance from its start to each point, in pixels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Polyline {
    points: Vec<(f64, f64)>,
    along: Vec<f64>,
}

impl Polyline {
    /// A polyline through `points`, in order.
    pub fn new(points: Vec<(f64, f64)>) -> Self {
        let mut along = Vec::with_capacity(points.len());
        let mut total = 0.0;
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                let q = points[i - 1];
                total += length(p.0 - q.0, p.1 - q.1);
            }
            along.push(total);
        }
        Polyline { points, along }
    }

    /// The path's length in pixels.
    pub fn length(&self) -> f64 {
        self.along.last().copied().unwrap_or(0.0)
    }

    /// The path's points.
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// The distance in pixels from the path's start to each of its points.
    pub fn along(&self) -> &[f64] {
        &self.along
    }

    /// The same path shifted `d` pixels to its right (left when `d` is negative), as seen
    /// travelling from start to end; each point moves along the mean of its neighbouring
    /// segments' normals, so parallel paths stay parallel around bends.
    pub fn offset(&self, d: f64) -> Polyline {
        if d == 0.0 || self.points.len() < 2 {
            return self.clone();
        }
        let n = self.points.len();
        let normal = |a: (f64, f64), b: (f64, f64)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = length(dx, dy);
            if len > 0.0 {
                // Right of the direction of travel, with y down.
                (-dy / len, dx / len)
            } else {
                (0.0, 0.0)
            }
        };
        // Each segment's normal once; a point takes the mean of the two beside it.
        let normals: Vec<(f64, f64)> = self.points.windows(2).map(|w| normal(w[0], w[1])).collect();
        let none = (0.0, 0.0);
        let pts = (0..n)
            .map(|i| {
                let before = if i > 0 { normals[i - 1] } else { none };
                let after = normals.get(i).copied().unwrap_or(none);
                let (mut nx, mut ny) = (before.0 + after.0, before.1 + after.1);
                let len = length(nx, ny);
                if len > 0.0 {
                    nx /= len;
                    ny /= len;
                }
                let p = self.points[i];
                (p.0 + nx * d, p.1 + ny * d)
            })
            .collect();
        Polyline::new(pts)
    }

    /// The part of the path from `s0` to `s1` pixels along it (clamped to the path).
    pub fn slice(&self, s0: f64, s1: f64) -> Polyline {
        let len = self.length();
        let (s0, s1) = (within(s0, 0.0, len), within(s1, 0.0, len));
        if s1 <= s0 || self.points.len() < 2 {
            let (p, _) = self.at(s0);
            return Polyline::new(vec![p, p]);
        }
        // Room for every point at once: grown from one, the points were copied four or five
        // times for a route of 30.
        let mut pts = Vec::with_capacity(self.points.len() + 2);
        pts.push(self.at(s0).0);
        pts.extend(
            self.points
                .iter()
                .zip(&self.along)
                .filter(|&(_, &a)| a > s0 && a < s1)
                .map(|(&p, _)| p),
        );
        pts.push(self.at(s1).0);
        Polyline::new(pts)
    }

    /// The distance in pixels from (`x`, `y`) to the nearest point of the path.
    pub fn distance_to(&self, x: f64, y: f64) -> f64 {
        match self.points.len() {
            0 => f64::INFINITY,
            1 => length(self.points[0].0 - x, self.points[0].1 - y),
            _ => self
                .points
                .windows(2)
                .map(|w| segment_distance(w[0], w[1], (x, y)))
                .fold(f64::INFINITY, f64::min),
        }
    }

    /// The point at `s` pixels from the start (clamped to the path) and the direction of travel
    /// there as a unit vector.
    pub fn at(&self, s: f64) -> ((f64, f64), (f64, f64)) {
        let n = self.points.len();
        if n == 0 {
            return ((0.0, 0.0), (1.0, 0.0));
        }
        if n == 1 {
            return (self.points[0], (1.0, 0.0));
        }
        let s = within(s, 0.0, self.length());
        let i = self.along.partition_point(|&a| a <= s).clamp(1, n - 1);
        let (a, b) = (self.points[i - 1], self.points[i]);
        let seg = self.along[i] - self.along[i - 1];
        let f = if seg > 0.0 {
            (s - self.along[i - 1]) / seg
        } else {
            0.0
        };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = length(dx, dy);
        let dir = if len > 0.0 {
            (dx / len, dy / len)
        } else {
            (1.0, 0.0)
        };
        ((a.0 + dx * f, a.1 + dy * f), dir)
    }
}

/// The distance from `p` to the segment from `a` to `b`.
fn segment_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    length(a.0 + t * dx - p.0, a.1 + t * dy - p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_along_a_bent_path_is_on_the_right_leg() {
        let p = Polyline::new(vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
        assert_eq!(p.length(), 20.0);
        assert_eq!(p.at(5.0).0, (5.0, 0.0));
        let (pt, dir) = p.at(15.0);
        assert_eq!(pt, (10.0, 5.0));
        assert_eq!(dir, (0.0, 1.0));
        assert_eq!(p.at(99.0).0, (10.0, 10.0), "clamped to the end");
    }

    #[test]
    fn a_slice_keeps_the_part_between_two_distances() {
        let p = Polyline::new(vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
        let s = p.slice(5.0, 15.0);
        assert_eq!(s.points(), &[(5.0, 0.0), (10.0, 0.0), (10.0, 5.0)]);
        assert_eq!(s.length(), 10.0);
    }

    #[test]
    fn the_distance_to_a_path_is_to_its_nearest_segment() {
        let p = Polyline::new(vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
        assert_eq!(p.distance_to(5.0, 3.0), 3.0);
        assert_eq!(p.distance_to(13.0, 5.0), 3.0);
        assert_eq!(p.distance_to(-4.0, 3.0), 5.0);
    }

    #[test]
    fn an_offset_path_runs_parallel_on_the_right_of_travel() {
        let p = Polyline::new(vec![(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)]);
        let right = p.offset(3.0);
        // Travelling east on a canvas (y down), the right-hand side is south: larger y.
        for &(x, y) in right.points() {
            assert!((y - 3.0).abs() < 1e-9, "({x}, {y})");
        }
        assert!((p.offset(-3.0).points()[1].1 + 3.0).abs() < 1e-9);
    }
}
