//! One flow's line into a [`StrokeMask`](crate::stroke_mask::StrokeMask) as a canvas strokes it,
//! and laid over the pixels on its own: how the static layer of a map of a few hundred to 1,500
//! flows draws each flow in its width, dashes and opacity, where a software canvas took most of the
//! layer's time dashing each route's path.
//!
//! A path is stroked piece by piece
//! ([`StrokeMask::stroke_segment`](crate::stroke_mask::StrokeMask::stroke_segment), butt ends
//! fading over a pixel); where two pieces meet inside one stroke or one dash, each is drawn on past
//! the joint far enough to leave no seam and to fill the outer side of a bend, as a round join
//! would (half a pixel, plus half the width times the sine of the turn). Dashes follow the canvas's
//! rule: `on` pixels every `on + off` from the path's start, cut square at both ends.
//!
//! Each flow is laid over what the flows before it left
//! ([`StrokeMask::lay_touched`](crate::stroke_mask::StrokeMask::lay_touched)), as one canvas
//! stroke blends once over the strokes before it: while the mask keeps which cells each row was
//! drawn into, laying it visits those cells alone and clears them for the next flow, in a time
//! that grows with the pixels drawn, not with the map's size.

use crate::blend::{lay_span, Ink};
use crate::raster::Raster;
use crate::stroke_mask::{StrokeMask, UNTOUCHED};

/// Dash periods shorter than this, in mask pixels, are stroked solid (a pattern finer than
/// the pixels cannot be seen, and each dash would cost a segment).
const FINEST_PERIOD_PX: f32 = 0.5;

/// How far from a straight piece, in mask pixels, the points a stroke passes over may lie: a
/// route densified to follow its great circle at the deepest zoom has many more points than
/// its pixels need (at 1,000 flows, 58,380 where about 6,500 keep every route within a tenth
/// of a pixel).
const STRAIGHT_PX: f32 = 0.1;

/// The most points one straight piece passes over, so that finding it stays linear.
const LONGEST_RUN: usize = 32;

impl StrokeMask {
    /// From now on, keeps which cells of each row are drawn into, so that
    /// [`StrokeMask::lay_touched`] lays and clears only those. The mask is cleared.
    pub fn keep_touched(&mut self) {
        self.touched = vec![UNTOUCHED; self.height];
        self.clear();
    }

    /// Lays the cells drawn into since the last call over `raster` in `color` (`0xRRGGBB`) at
    /// `opacity` (0..=1), as [`StrokeMask::composite`] lays a whole mask, and uncovers them.
    /// Draws nothing unless [`StrokeMask::keep_touched`] was called; `raster` is the mask's size.
    pub fn lay_touched(&mut self, raster: &mut Raster, color: u32, opacity: f32) {
        let ink = Ink::new(color, opacity);
        let [first, past] = self.touched_rows;
        self.touched_rows = [usize::MAX, 0];
        let width = self.width;
        let rgba = raster.rgba_mut();
        for y in first..past.min(self.height) {
            let Some(span) = self.touched.get_mut(y) else {
                break;
            };
            let [from, to] = std::mem::replace(span, UNTOUCHED);
            let (from, to) = (from as usize, (to as usize).min(width));
            if from >= to {
                continue;
            }
            let (a, b) = (y * width + from, y * width + to);
            let Some(cells) = self.cover.get_mut(a..b) else {
                continue;
            };
            if let (Some(ink), Some(px)) = (&ink, rgba.get_mut(4 * a..4 * b)) {
                lay_span(ink, cells, px);
            }
            cells.fill(0);
        }
    }

    /// Strokes the polyline through `xy` (x, y pairs in CSS pixels, scaled by `scale` to the
    /// mask's pixels) `width` mask pixels wide with butt ends, joined as a round join joins
    /// (see the module's notes): solid, or in dashes `on` long every `on + off` from the start
    /// (`dash`, mask pixels). Kept out of line, so that the walk stays compiled for speed in
    /// this crate rather than inlined into a caller compiled for size.
    #[inline(never)]
    pub fn stroke_path(&mut self, xy: &[f32], scale: f32, width: f32, dash: Option<[f32; 2]>) {
        if width.is_nan() || width <= 0.0 {
            return;
        }
        let dash = dash.and_then(|[on, off]| {
            let (on, period) = (on.max(0.0), on.max(0.0) + off.max(0.0));
            (period >= FINEST_PERIOD_PX).then_some((on, period))
        });
        let mut kept = std::mem::take(&mut self.path);
        straight_pieces(xy, scale, &mut kept);
        // Each piece's start, direction and length, the empty and broken ones left out.
        let pieces = kept.windows(2).filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt();
            (len > 1e-6).then(|| (a, (dx / len, dy / len), len))
        });
        let mut pieces = pieces.peekable();
        let (mut walked, mut before) = (0.0f32, None);
        while let Some((a, u, len)) = pieces.next() {
            let start = before.map_or(0.0, |v| join_reach(v, u, width));
            let end = pieces
                .peek()
                .map_or(0.0, |&(_, v, _)| join_reach(u, v, width));
            match dash {
                None => self.stroke_piece(a, u, (-start, len + end), width),
                Some((on, period)) => {
                    // The dashes reaching into this piece: dash k covers k·period to k·period + on.
                    let mut k = (walked / period).floor();
                    loop {
                        let (d0, d1) = (k * period - walked, k * period + on - walked);
                        if d0 >= len {
                            break;
                        }
                        if d1 > 0.0 && d1 > d0 {
                            // A dash going on past a joint is drawn on as the path is.
                            let from = if d0 < 0.0 { -start } else { d0 };
                            let to = if d1 > len { len + end } else { d1 };
                            self.stroke_piece(a, u, (from, to), width);
                        }
                        k += 1.0;
                    }
                }
            }
            walked += len;
            before = Some(u);
        }
        self.path = kept;
    }

    /// Strokes the line from `a` along the unit direction `u`, from `along.0` to `along.1`
    /// pixels, `width` pixels wide.
    fn stroke_piece(&mut self, a: (f32, f32), u: (f32, f32), along: (f32, f32), width: f32) {
        let (s0, s1) = along;
        self.stroke_segment(
            a.0 + u.0 * s0,
            a.1 + u.1 * s0,
            a.0 + u.0 * s1,
            a.1 + u.1 * s1,
            width,
        );
    }
}

/// The points of the path through `xy` (x, y pairs, times `scale`) that a stroke needs, into
/// `out`: from each point kept, the path goes on to the farthest point such that every point
/// passed over lies within [`STRAIGHT_PX`] of the straight piece, between its ends (at most
/// [`LONGEST_RUN`] points passed over).
fn straight_pieces(xy: &[f32], scale: f32, out: &mut Vec<(f32, f32)>) {
    out.clear();
    let point = |i: usize| (xy[2 * i] * scale, xy[2 * i + 1] * scale);
    let n = xy.len() / 2;
    if n == 0 {
        return;
    }
    let straight = |a: usize, b: usize| {
        let (p, q) = (point(a), point(b));
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt();
        (a + 1..b).all(|i| {
            let r = point(i);
            let (rx, ry) = (r.0 - p.0, r.1 - p.1);
            let along = rx * dx + ry * dy;
            // Not a number fails each test.
            (rx * dy - ry * dx).abs() <= STRAIGHT_PX * len && along >= 0.0 && along <= len * len
        })
    };
    let mut from = 0;
    out.push(point(0));
    while from + 1 < n {
        let mut to = from + 1;
        while to + 1 < n && to - from < LONGEST_RUN && straight(from, to + 1) {
            to += 1;
        }
        out.push(point(to));
        from = to;
    }
}

/// How far a piece of a line `width` pixels wide is drawn on past its joint with the next,
/// going from unit direction `u` to `v`: half a pixel, so that the two pieces' fading ends
/// leave no seam, plus what fills the outer side of the bend (half the width times the sine of
/// the turn; half the width for a turn of more than a right angle).
fn join_reach(u: (f32, f32), v: (f32, f32), width: f32) -> f32 {
    let sine = (u.0 * v.1 - u.1 * v.0).abs();
    let turn = if u.0 * v.0 + u.1 * v.1 < 0.0 {
        1.0
    } else {
        sine.min(1.0)
    };
    0.5 + width / 2.0 * turn
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(m: &StrokeMask, y: usize) -> Vec<u8> {
        (0..m.width).map(|x| m.at(x, y)).collect()
    }

    #[test]
    fn a_straight_path_of_many_pieces_is_as_solid_as_one_segment() {
        // Joints every 3 px along a line: no seam where two pieces meet.
        let xy: Vec<f32> = (0..11).flat_map(|i| [2.0 + 3.0 * i as f32, 5.5]).collect();
        let mut pieces = StrokeMask::new(40, 12);
        pieces.stroke_path(&xy, 1.0, 3.0, None);
        let mut one = StrokeMask::new(40, 12);
        one.stroke_segment(2.0, 5.5, 32.0, 5.5, 3.0);
        for y in 0..12 {
            // The same to a level (each piece steps its distances from its own first cell).
            let (a, b) = (row(&pieces, y), row(&one, y));
            assert!(
                a.iter().zip(&b).all(|(p, q)| p.abs_diff(*q) <= 1),
                "row {y}: {a:?} {b:?}"
            );
        }
    }

    #[test]
    fn a_path_is_stroked_through_the_points_its_pixels_need() {
        // Points every pixel along a gentle curve: a few pieces, whose edges lie within a tenth
        // of a pixel of the path through every point (a tenth of a pixel's cover, 26 levels).
        let xy: Vec<f32> = (0..=30)
            .flat_map(|i| {
                let x = i as f32;
                [5.0 + x, 10.0 + 0.0002 * (x - 15.0) * (x - 15.0) * 10.0]
            })
            .collect();
        let mut kept = Vec::new();
        straight_pieces(&xy, 1.0, &mut kept);
        assert!(kept.len() < 10, "{} points kept of 31", kept.len());
        assert_eq!(kept.first(), Some(&(5.0, xy[1])));
        assert_eq!(kept.last(), Some(&(35.0, xy[61])));
        let mut thinned = StrokeMask::new(45, 20);
        thinned.stroke_path(&xy, 1.0, 3.0, None);
        // Through every point, each segment on its own.
        let mut every = StrokeMask::new(45, 20);
        for p in xy.windows(4).step_by(2) {
            every.stroke_segment(p[0], p[1], p[2], p[3], 3.0);
        }
        for y in 0..20 {
            let (a, b) = (row(&thinned, y), row(&every, y));
            assert!(
                a.iter().zip(&b).all(|(p, q)| p.abs_diff(*q) <= 26),
                "row {y}: {a:?} {b:?}"
            );
        }
        // A corner, a point going back along the line and a broken point are kept.
        straight_pieces(&[0.0, 0.0, 10.0, 0.0, 10.0, 10.0], 1.0, &mut kept);
        assert_eq!(kept.len(), 3);
        straight_pieces(&[0.0, 0.0, 10.0, 0.0, 5.0, 0.0], 1.0, &mut kept);
        assert_eq!(kept.len(), 3);
        straight_pieces(&[0.0, 0.0, f32::NAN, 0.0, 10.0, 0.0], 1.0, &mut kept);
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn a_bend_is_filled_on_its_outer_side() {
        // A right-angle bend at (20, 20), 6 px wide: the outer corner's pixels, which two butt
        // segments would leave bare, are covered.
        let mut m = StrokeMask::new(40, 40);
        m.stroke_path(&[5.0, 20.0, 20.0, 20.0, 20.0, 35.0], 1.0, 6.0, None);
        assert_eq!(m.at(21, 18), 255, "outer side of the bend");
        assert_eq!(m.at(19, 19), 255);
        assert_eq!(m.at(10, 24), 0, "inside the bend, away from both legs");
    }

    #[test]
    fn dashes_run_from_the_start_and_across_joints_and_the_gaps_stay_bare() {
        // Dashes 4 px every 10 along y = 5.5 from x = 0, the path split at x = 12 and 13: the
        // dash 10-14 runs across both joints unbroken.
        let mut m = StrokeMask::new(40, 12);
        m.stroke_path(
            &[0.0, 5.5, 12.0, 5.5, 13.0, 5.5, 38.0, 5.5],
            1.0,
            2.0,
            Some([4.0, 6.0]),
        );
        let covered: Vec<usize> = (0..40).filter(|&x| m.at(x, 5) == 255).collect();
        assert_eq!(
            covered,
            vec![0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33]
        );
        assert_eq!(m.at(6, 5), 0);
        assert_eq!(m.at(16, 5), 0);
    }

    #[test]
    fn a_pattern_finer_than_a_pixel_and_bad_input() {
        let mut fine = StrokeMask::new(30, 10);
        fine.stroke_path(&[2.0, 5.5, 28.0, 5.5], 1.0, 2.0, Some([0.1, 0.1]));
        let mut solid = StrokeMask::new(30, 10);
        solid.stroke_path(&[2.0, 5.5, 28.0, 5.5], 1.0, 2.0, None);
        assert_eq!(fine.cover, solid.cover);
        let mut none = StrokeMask::new(30, 10);
        none.stroke_path(&[2.0, 5.5, f32::NAN, 5.5, 28.0, 5.5], 1.0, f32::NAN, None);
        none.stroke_path(&[2.0, 5.5, 2.0, 5.5], 1.0, 2.0, Some([f32::NAN, 3.0]));
        assert!(none.cover.iter().all(|&c| c == 0));
    }

    #[test]
    fn laying_what_was_touched_gives_the_whole_mask_s_blend_and_clears_it() {
        let strokes = |m: &mut StrokeMask| {
            m.stroke_path(
                &[3.0, 4.0, 50.0, 30.0, 12.0, 38.0],
                1.0,
                3.5,
                Some([6.0, 3.0]),
            );
            m.fill_triangle((40.0, 2.0), (58.0, 9.0), (45.0, 16.0));
            m.dot(20.0, 20.0, 4.0);
            m.dot(-1.0, 10.0, 3.0);
        };
        let mut under = Raster::new(60, 40);
        for (i, px) in under.rgba_mut().chunks_exact_mut(4).enumerate() {
            px.copy_from_slice(&[(i * 7) as u8, 40, 200, (i % 3 * 100) as u8]);
        }
        let mut whole = StrokeMask::new(60, 40);
        strokes(&mut whole);
        let mut expected = under.clone();
        whole.composite(&mut expected, 0xD55E00, 0.9);

        let mut kept = StrokeMask::new(60, 40);
        kept.keep_touched();
        strokes(&mut kept);
        assert_eq!(kept.cover, whole.cover);
        let mut got = under.clone();
        kept.lay_touched(&mut got, 0xD55E00, 0.9);
        assert_eq!(got.rgba(), expected.rgba());
        assert!(kept.cover.iter().all(|&c| c == 0), "laid cells are cleared");
        // Laid again, nothing is left to lay.
        kept.lay_touched(&mut got, 0x0072B2, 1.0);
        assert_eq!(got.rgba(), expected.rgba());
    }
}
