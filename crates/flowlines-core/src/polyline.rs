//! Paths in pixels: the live map's [`Polyline`] (from `flowlines-raster`, the per-frame hot
//! path, re-exported here) and the static map's geometry on plain point lists: a ring clipped
//! to a rectangle, the runs of a line near one, and a line cut into dashes or dots.
//!
//! ```
//! use flowlines_core::polyline::Polyline;
//!
//! // 3-4-5 triangle legs: 5 px, then 6 px straight down.
//! let route = Polyline::new(vec![(0.0, 0.0), (3.0, 4.0), (3.0, 10.0)]);
//! assert_eq!(route.length(), 11.0);
//! // 8 px along is 3 px past the bend, heading straight down (y grows downwards).
//! assert_eq!(route.at(8.0), ((3.0, 7.0), (0.0, 1.0)));
//! ```
//!
//! [`Polyline`]: crate::polyline::Polyline

pub use flowlines_raster::polyline::*;

use crate::labels::Rect;

/// Clips a closed ring to `r` (Sutherland–Hodgman), so that only the visible part is drawn.
pub fn clip_ring(points: &[(f64, f64)], r: &Rect) -> Vec<(f64, f64)> {
    type Inside = fn(&Rect, (f64, f64)) -> bool;
    type Cross = fn(&Rect, (f64, f64), (f64, f64)) -> (f64, f64);
    fn lerp_x(x: f64, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        let t = (x - a.0) / (b.0 - a.0);
        (x, a.1 + t * (b.1 - a.1))
    }
    fn lerp_y(y: f64, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        let t = (y - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), y)
    }
    let edges: [(Inside, Cross); 4] = [
        (|r, p| p.0 >= r.x, |r, a, b| lerp_x(r.x, a, b)),
        (|r, p| p.0 <= r.right(), |r, a, b| lerp_x(r.right(), a, b)),
        (|r, p| p.1 >= r.y, |r, a, b| lerp_y(r.y, a, b)),
        (|r, p| p.1 <= r.bottom(), |r, a, b| lerp_y(r.bottom(), a, b)),
    ];
    let mut out: Vec<(f64, f64)> = points.to_vec();
    for (inside, cross) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            break;
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(r, prev), inside(r, cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross(r, prev, cur)),
                (false, true) => {
                    out.push(cross(r, prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

/// Splits a polyline into the runs that come near `r`, keeping one point on each side of
/// the edge so that lines run out of the area rather than stopping short of it.
pub fn runs_near(points: &[(f64, f64)], r: &Rect) -> Vec<Vec<(f64, f64)>> {
    let inside = |p: &(f64, f64)| p.0 >= r.x && p.0 <= r.right() && p.1 >= r.y && p.1 <= r.bottom();
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let near =
            inside(p) || (i > 0 && inside(&points[i - 1])) || points.get(i + 1).is_some_and(inside);
        if near {
            run.push(*p);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs.retain(|r| r.len() >= 2);
    runs
}

/// The pieces of a polyline drawn as dashes `on` pixels long with `off` pixel gaps.
pub fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    if on <= 0.0 || points.len() < 2 {
        return out;
    }
    let off = off.max(0.0);
    let mut drawing = true;
    let mut left = on;
    let mut cur = vec![points[0]];
    for w in points.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut d = length(b.0 - a.0, b.1 - a.1);
        while d > left {
            let t = left / d;
            let m = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if drawing {
                cur.push(m);
                out.push(std::mem::take(&mut cur));
            } else {
                cur = vec![m];
            }
            drawing = !drawing;
            d -= left;
            a = m;
            left = if drawing { on } else { off };
        }
        left -= d;
        if drawing {
            cur.push(b);
        }
    }
    if drawing && cur.len() >= 2 {
        out.push(cur);
    }
    out
}

/// Points every `spacing` pixels along a polyline, the first half a spacing in.
pub fn dots(points: &[(f64, f64)], spacing: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    if spacing <= 0.0 {
        return out;
    }
    let mut next = spacing / 2.0;
    let mut walked = 0.0;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let d = length(b.0 - a.0, b.1 - a.1);
        while next <= walked + d && d > 0.0 {
            let t = (next - walked) / d;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
            next += spacing;
        }
        walked += d;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate_along_the_line() {
        let d = dashes(&[(0.0, 0.0), (20.0, 0.0)], 5.0, 3.0);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0], vec![(0.0, 0.0), (5.0, 0.0)]);
        assert_eq!(d[1], vec![(8.0, 0.0), (13.0, 0.0)]);
        assert_eq!(d[2], vec![(16.0, 0.0), (20.0, 0.0)]);
    }

    #[test]
    fn dots_are_evenly_spaced() {
        let d = dots(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], 5.0);
        assert_eq!(d, vec![(2.5, 0.0), (7.5, 0.0), (10.0, 2.5), (10.0, 7.5)]);
    }

    #[test]
    fn a_ring_is_clipped_to_the_map() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let ring = clip_ring(&[(-5.0, 5.0), (5.0, -5.0), (15.0, 5.0), (5.0, 15.0)], &r);
        assert!(ring
            .iter()
            .all(|p| p.0 >= 0.0 && p.0 <= 10.0 && p.1 >= 0.0 && p.1 <= 10.0));
        assert!(ring.len() >= 4);
    }

    #[test]
    fn only_the_runs_near_the_area_are_kept_with_one_point_past_its_edge() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let line = [
            (-30.0, 5.0),
            (-20.0, 5.0),
            (5.0, 5.0),
            (20.0, 5.0),
            (30.0, 5.0),
        ];
        assert_eq!(
            runs_near(&line, &r),
            vec![vec![(-20.0, 5.0), (5.0, 5.0), (20.0, 5.0)]]
        );
        assert!(runs_near(&[(20.0, 20.0), (30.0, 30.0)], &r).is_empty());
    }
}
