//! Every stream's route laid end to end in one flat buffer of `f32`, made when the view
//! changes, for placing particles each frame.
//!
//! A [`Polyline`] keeps its points and running lengths in two `f64` vectors of its own, so a
//! frame that walks 10,000 routes jumps between 20,000 places in memory and divides once per
//! particle. Here each point is one 16-byte record (x, y, distance along, 1 / the next
//! segment's length), stream after stream: a frame reads the routes in the order it walks
//! them, and a particle is found with comparisons and one multiply.
//!
//! [`Polyline`]: crate::polyline::Polyline

use crate::polyline::Polyline;

/// One point of a track: x and y in CSS pixels, its distance from the route's start in CSS
/// pixels, and 1 / the length of the segment from it to the next point (0 for the last point
/// and for a segment of no length).
type TrackPoint = [f32; 4];

/// The routes of all streams, indexed by stream, as flat `f32` records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tracks {
    points: Vec<TrackPoint>,
    /// Where each stream's points start in `points`; one more entry than streams.
    start: Vec<u32>,
    /// The least and the greatest x and y of all points (see [`Tracks::bounds`]).
    bounds: Option<((f32, f32), (f32, f32))>,
}

impl Tracks {
    /// The tracks of `routes`, one per stream in their order.
    pub fn new(routes: &[Polyline]) -> Self {
        let total = routes.iter().map(|r| r.points().len()).sum();
        let mut points = Vec::with_capacity(total);
        let mut start = Vec::with_capacity(routes.len() + 1);
        start.push(0);
        let (mut least, mut most) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
        for route in routes {
            // The lengths the polyline has already measured, not measured again.
            let along = route.along();
            for (i, &(x, y)) in route.points().iter().enumerate() {
                let seg = along.get(i + 1).map_or(0.0, |&next| next - along[i]);
                let inverse = if seg > 0.0 { 1.0 / seg } else { 0.0 };
                let (x, y) = (x as f32, y as f32);
                for (k, v) in [x, y].into_iter().enumerate() {
                    if v < least[k] {
                        least[k] = v;
                    }
                    if v > most[k] {
                        most[k] = v;
                    }
                }
                points.push([x, y, along[i] as f32, inverse as f32]);
            }
            start.push(points.len() as u32);
        }
        let bounds = (!points.is_empty()).then_some(((least[0], least[1]), (most[0], most[1])));
        Tracks {
            points,
            start,
            bounds,
        }
    }

    /// The box that holds every track, as its least and greatest (x, y) in CSS pixels (`None`
    /// without a point): every place [`Track::point_at`] finds is in it, give or take a float's
    /// rounding, and so is every particle of a frame.
    pub fn bounds(&self) -> Option<((f32, f32), (f32, f32))> {
        self.bounds
    }

    /// How many streams have a track.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Stream `stream`'s track, if it has one.
    pub fn track(&self, stream: usize) -> Option<Track<'_>> {
        let (&a, &b) = (self.start.get(stream)?, self.start.get(stream + 1)?);
        self.points
            .get(a as usize..b as usize)
            .map(|points| Track { points, seg: 1 })
    }
}

/// One stream's track, walked from one point along it to the next.
#[derive(Debug, Clone)]
pub struct Track<'a> {
    points: &'a [TrackPoint],
    /// The segment the last point was found on: it ends at `points[seg]`.
    seg: usize,
}

impl Track<'_> {
    /// The track's length in CSS pixels.
    pub fn length(&self) -> f32 {
        self.points.last().map_or(0.0, |p| p[2])
    }

    /// The point `s` CSS pixels from the start (clamped to the track). Walks on from the last
    /// point found when `s` is at or past it (a route's particles one after the other) and
    /// from the start when it is behind.
    pub fn point_at(&mut self, s: f32) -> (f32, f32) {
        let n = self.points.len();
        if n < 2 {
            return self.points.first().map_or((0.0, 0.0), |p| (p[0], p[1]));
        }
        let mut i = self.seg.clamp(1, n - 1);
        // Every point before segment i must be at or before s.
        if self.points[i - 1][2] > s || s.is_nan() {
            i = 1;
        }
        while i < n - 1 && self.points[i][2] <= s {
            i += 1;
        }
        self.seg = i;
        let (a, b) = (self.points[i - 1], self.points[i]);
        let t = ((s - a[2]) * a[3]).clamp(0.0, 1.0);
        (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bent() -> Polyline {
        Polyline::new(vec![(0.0, 0.0), (30.0, 40.0), (30.0, 40.0), (90.0, 40.0)])
    }

    #[test]
    fn a_track_walked_in_any_order_finds_the_points_of_its_route() {
        let route = bent();
        let tracks = Tracks::new(std::slice::from_ref(&route));
        let mut track = tracks.track(0).expect("one track");
        assert_eq!(track.length(), 110.0);
        // Rising, across a segment of no length, wrapping round, repeating, beyond both ends,
        // a joint exactly, not a number.
        let walk = [
            0.0,
            10.0,
            49.9,
            50.0,
            50.1,
            75.0,
            109.0,
            110.0,
            200.0,
            3.0,
            3.0,
            -5.0,
            60.0,
            f32::NAN,
            20.0,
        ];
        for s in walk {
            let (x, y) = track.point_at(s);
            let ((ex, ey), _) = route.at(f64::from(s));
            let near = (f64::from(x) - ex).abs() < 1e-4 && (f64::from(y) - ey).abs() < 1e-4;
            assert!(
                near || s.is_nan() && x.is_nan(),
                "at {s}: ({x}, {y}) against ({ex}, {ey})"
            );
        }
    }

    #[test]
    fn each_stream_has_its_own_track_and_a_missing_one_is_none() {
        let tracks = Tracks::new(&[bent(), Polyline::new(vec![(5.0, 5.0)]), Polyline::default()]);
        assert_eq!(tracks.len(), 3);
        assert_eq!(
            tracks.track(1).map(|mut t| t.point_at(3.0)),
            Some((5.0, 5.0))
        );
        assert_eq!(
            tracks.track(2).map(|mut t| t.point_at(3.0)),
            Some((0.0, 0.0))
        );
        assert!(tracks.track(3).is_none());
        assert_eq!(tracks.bounds(), Some(((0.0, 0.0), (90.0, 40.0))));
        assert!(Tracks::default().is_empty());
        assert_eq!(Tracks::default().bounds(), None);
    }
}
