//! A projected path in pixels with its running length, to place things along it.

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
                total += (p.0 - q.0).hypot(p.1 - q.1);
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
        let s = s.clamp(0.0, self.length());
        let i = self.along.partition_point(|&a| a <= s).clamp(1, n - 1);
        let (a, b) = (self.points[i - 1], self.points[i]);
        let seg = self.along[i] - self.along[i - 1];
        let f = if seg > 0.0 {
            (s - self.along[i - 1]) / seg
        } else {
            0.0
        };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy);
        let dir = if len > 0.0 {
            (dx / len, dy / len)
        } else {
            (1.0, 0.0)
        };
        ((a.0 + dx * f, a.1 + dy * f), dir)
    }
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
}
