//! Dotted lines with round dots into a [`StrokeMask`](crate::stroke_mask::StrokeMask): how the
//! static map outlines a route whose path is assumed (a grey line of dots around the flow), drawn
//! in the core for every such route at once instead of a canvas dashing each route's path.
//!
//! A dotted line follows the canvas's dash rule: dashes of `on` pixels every `on + off`
//! pixels from the path's start, the last one cut where the path ends, each with round caps
//! `width / 2` pixels beyond its ends. The dashes of an outline are much shorter than it is
//! wide (1 px against at least 3), so each is drawn as one round dot as wide as the line at
//! the dash's middle (1 px shorter along the line than the canvas's), from coverage stamps
//! made once per radius. Dots overlapping in one mask do not add up, as in one canvas path.

use crate::disc_stamp::disc_coverage;
use crate::stroke_mask::StrokeMask;

/// Sub-pixel positions kept per pixel on each axis: a dot's centre is rounded to 1/4 px
/// (halves to even: one WebAssembly instruction, where rounding halves away is a call).
const SUB: i32 = 4;
/// Dot radii are rounded to 1/[`RADIUS_STEPS`] px, so that a map's dots share a few stamps.
const RADIUS_STEPS: f32 = 4.0;

/// Pixels a stamp's row is laid in at a time: one 128-bit SIMD register of bytes.
const LANES: usize = 16;

/// Each of `cells` raised to the one beside it in `cover` ([`LANES`] of each): one
/// `u8x16.max_u` in WebAssembly SIMD.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn max_lanes(cells: &mut [u8], cover: &[u8]) {
    use core::arch::wasm32::{u8x16_max, v128};
    if let (Ok(m), Ok(c)) = (
        <&mut [u8; LANES]>::try_from(cells),
        <&[u8; LANES]>::try_from(cover),
    ) {
        let (a, b): (v128, v128) = (bytemuck::cast(*m), bytemuck::cast(*c));
        *m = bytemuck::cast(u8x16_max(a, b));
    }
}

/// Each of `cells` raised to the one beside it in `cover`, byte by byte (targets without
/// WebAssembly SIMD).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn max_lanes(cells: &mut [u8], cover: &[u8]) {
    for (m, &c) in cells.iter_mut().zip(cover) {
        *m = (*m).max(c);
    }
}

/// `radius` as its stamps are made: at least 0.5, at most 64, to 1/[`RADIUS_STEPS`] px.
fn round_radius(radius: f32) -> f32 {
    (radius.clamp(0.5, 64.0) * RADIUS_STEPS).round_ties_even() / RADIUS_STEPS
}

/// The most dot radii whose stamps a mask keeps.
const MAX_RADII: usize = 32;

/// A round dot's coverage (0..=255 a pixel, one byte each) at each of [`SUB`]² sub-pixel
/// positions, made once per radius: stamping a dot is then a maximum taken row by row,
/// 16 pixels an instruction in WebAssembly SIMD, instead of a square root per pixel.
#[derive(Debug, Clone)]
pub(crate) struct DotStamps {
    /// The radius rounded (see [`RADIUS_STEPS`]), in pixels.
    radius: f32,
    /// Pixels from a stamp's first column (row) to the pixel holding the dot's centre.
    reach: i32,
    /// Pixels a stamp's side.
    span: usize,
    /// Bytes a stamp's row: `span` rounded up to whole [`LANES`], the rest uncovered.
    pitch: usize,
    /// [`SUB`]² stamps of `span` rows of `pitch` pixels.
    cover: Vec<u8>,
}

impl DotStamps {
    /// The stamps of a dot of `radius` pixels (rounded, at least 0.5, at most 64): a pixel
    /// whose centre lies `d` from the dot's centre is covered by `radius + 0.5 - d`, at most 1.
    #[inline(never)]
    fn new(radius: f32) -> Self {
        let radius = round_radius(radius);
        let reach = radius.ceil() as i32 + 1;
        let span = (2 * reach + 1) as usize;
        let pitch = span.next_multiple_of(LANES);
        let mut cover = vec![0; (SUB * SUB) as usize * span * pitch];
        // Row by row, each stamp's `span` rows one after another: the sub-pixel offsets once a
        // row, and no division a cell (a map's first static layer makes its stamps in code
        // not yet optimised, where each instruction counts). A row's cells past `span` lie more
        // than `radius + 1` from the centre: the same rule leaves them uncovered.
        for (k, row) in cover.chunks_exact_mut(pitch).enumerate() {
            let (stamp, y) = ((k / span) as i32, (k % span) as f32);
            let fx = (stamp % SUB) as f32 / SUB as f32;
            let fy = (stamp / SUB) as f32 / SUB as f32;
            let dy = y + 0.5 - reach as f32 - fy;
            let x0 = 0.5 - reach as f32 - fx;
            for (col, c) in row.iter_mut().enumerate() {
                let dx = col as f32 + x0;
                *c = disc_coverage(dx, dy, radius);
            }
        }
        DotStamps {
            radius,
            reach,
            span,
            pitch,
            cover,
        }
    }
}

impl StrokeMask {
    /// Covers a round dot of `radius` pixels centred at (`cx`, `cy`) pixels, where that is more
    /// than a pixel has: its coverage fades over the pixel at its edge (see `DotStamps`; the
    /// centre is rounded to 1/4 px and the radius to 1/4 px).
    pub fn dot(&mut self, cx: f32, cy: f32, radius: f32) {
        if radius > 0.0 {
            let at = self.stamps_of(radius);
            self.stamp_dot(at, cx, cy);
        }
    }

    /// Where in `dots` the stamps of `radius` (more than 0) are, made if they are not yet.
    /// Kept out of line: a dotted line looks its stamps up once, not once a dot.
    #[inline(never)]
    fn stamps_of(&mut self, radius: f32) -> usize {
        let rounded = round_radius(radius);
        match self.dots.iter().position(|d| d.radius == rounded) {
            Some(at) => at,
            None => {
                // A bound on the memory kept: the radii of one map's outlines are a few.
                if self.dots.len() >= MAX_RADII {
                    self.dots.clear();
                }
                self.dots.push(DotStamps::new(radius));
                self.dots.len() - 1
            }
        }
    }

    /// Covers the dot of the stamps at `at` in `dots` centred at (`cx`, `cy`), as
    /// [`StrokeMask::dot`] does.
    fn stamp_dot(&mut self, at: usize, cx: f32, cy: f32) {
        const FAR: f32 = (1 << 20) as f32;
        let Some(d) = self.dots.get(at) else {
            return;
        };
        if !(cx.abs() < FAR && cy.abs() < FAR) {
            return;
        }
        let span = d.span;
        let (qx, qy) = (
            (cx * SUB as f32).round_ties_even() as i32,
            (cy * SUB as f32).round_ties_even() as i32,
        );
        let stamp = (qy.rem_euclid(SUB) * SUB + qx.rem_euclid(SUB)) as usize;
        let (left, top) = (qx.div_euclid(SUB) - d.reach, qy.div_euclid(SUB) - d.reach);
        let (w, h) = (self.width as i64, self.height as i64);
        let (left, top) = (i64::from(left), i64::from(top));
        // The stamp's rows that lie in the mask.
        let first = (-top).clamp(0, d.span as i64) as usize;
        let past = (h - top).clamp(first as i64, d.span as i64) as usize;
        let rows = first..past;
        if left >= 0 && left + d.pitch as i64 <= w && !rows.is_empty() {
            // Inside across: whole rows of the stamp, LANES pixels at a time (one SIMD maximum),
            // each row of the mask `width` cells on from the one before.
            let pitch = d.pitch;
            let start = (top + first as i64) as usize * self.width + left as usize;
            let src = (stamp * d.span + first) * pitch;
            let (Some(cells), Some(cover)) = (
                self.cover.get_mut(start..),
                d.cover.get(src..src + rows.len() * pitch),
            ) else {
                return;
            };
            for (row, cover) in cells.chunks_mut(self.width).zip(cover.chunks_exact(pitch)) {
                let Some(row) = row.get_mut(..pitch) else {
                    break;
                };
                for (m, c) in row.chunks_exact_mut(LANES).zip(cover.chunks_exact(LANES)) {
                    max_lanes(m, c);
                }
            }
            self.touch_rows(top, span, (left as usize, left as usize + span));
            return;
        }
        // Across a side: the columns inside, one by one.
        let c0 = (-left).max(0) as usize;
        let c1 = (w - left).clamp(0, d.span as i64) as usize;
        if c0 >= c1 {
            return;
        }
        for row in rows {
            let from = (top + row as i64) as usize * self.width + (left + c0 as i64) as usize;
            let src = (stamp * d.span + row) * d.pitch;
            let (Some(cells), Some(cover)) = (
                self.cover.get_mut(from..from + (c1 - c0)),
                d.cover.get(src + c0..src + c1),
            ) else {
                continue;
            };
            for (m, &c) in cells.iter_mut().zip(cover) {
                *m = (*m).max(c);
            }
        }
        let x = (left + c0 as i64) as usize;
        self.touch_rows(top, span, (x, x + (c1 - c0)));
    }

    /// Notes cells `x.0..x.1` of the rows from `top` on, `rows` of them, that lie in the mask.
    fn touch_rows(&mut self, top: i64, rows: usize, x: (usize, usize)) {
        if self.touched.is_empty() {
            return;
        }
        let h = self.height as i64;
        for y in top.max(0)..(top + rows as i64).min(h) {
            self.touch(y as usize, x.0, x.1);
        }
    }

    /// Strokes the polyline through `xy` (x, y pairs in CSS pixels, scaled by `scale` to the
    /// mask's pixels) as a dotted line `width` mask pixels wide: dashes `on` mask pixels long
    /// every `on + off`, from the start, each a round dot at its middle (see
    /// [`StrokeMask::dot`]): for dashes much shorter than the line is wide, as an outline's are.
    /// Kept out of line, so that the walk stays compiled for speed in this crate rather than
    /// inlined into a caller compiled for size.
    #[inline(never)]
    pub fn stroke_dotted(&mut self, xy: &[f32], scale: f32, width: f32, [on, off]: [f32; 2]) {
        let period = on.max(0.0) + off.max(0.0);
        // Not a number fails both tests too.
        if period.is_nan() || period <= 0.0 || width.is_nan() || width <= 0.0 {
            return;
        }
        let on = on.max(0.0);
        let stamps = self.stamps_of(width / 2.0);
        // `next` is where the next dash starts along the path; `open` where the dash being
        // drawn started, while its end lies ahead.
        let (mut walked, mut next) = (0.0f32, 0.0f32);
        let mut open: Option<(f32, f32)> = None;
        let mut last = None;
        for p in xy.windows(4).step_by(2) {
            let (a, b) = ((p[0] * scale, p[1] * scale), (p[2] * scale, p[3] * scale));
            last = Some(b);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let d = (dx * dx + dy * dy).sqrt();
            if d.is_nan() || d <= 0.0 {
                continue;
            }
            let at = |s: f32| {
                let t = (s - walked) / d;
                (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
            };
            loop {
                match open {
                    Some(start) if next + on <= walked + d => {
                        self.dash(start, at(next + on), stamps);
                        open = None;
                        next += period;
                    }
                    None if next < walked + d => open = Some(at(next)),
                    _ => break,
                }
            }
            walked += d;
        }
        // The path ends inside a dash: cut there.
        if let (Some(start), Some(end)) = (open, last) {
            self.dash(start, end, stamps);
        }
    }

    /// One round-capped dash from `a` to `b` of a dotted line's: as an outline's dashes are
    /// short beside their width (1 px long, at least 3 wide), one round dot at its middle, as
    /// wide as the line (its stamps at `stamps` in `dots`), `on` px shorter along the line
    /// than the canvas's capsule.
    fn dash(&mut self, a: (f32, f32), b: (f32, f32), stamps: usize) {
        self.stamp_dot(stamps, (a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(m: &StrokeMask, y: usize) -> Vec<usize> {
        (0..m.width).filter(|&x| m.at(x, y) > 127).collect()
    }

    #[test]
    fn each_stamp_cell_is_its_pixel_centres_cover_and_the_padding_is_uncovered() {
        for steps in 2..=24 {
            let d = DotStamps::new(steps as f32 / RADIUS_STEPS);
            for (i, &got) in d.cover.iter().enumerate() {
                let (stamp, at) = (i / (d.span * d.pitch), i % (d.span * d.pitch));
                let (col, row) = (at % d.pitch, at / d.pitch);
                let (fx, fy) = (
                    (stamp as i32 % SUB) as f32 / 4.0,
                    (stamp as i32 / SUB) as f32 / 4.0,
                );
                let dx = col as f32 + 0.5 - d.reach as f32 - fx;
                let dy = row as f32 + 0.5 - d.reach as f32 - fy;
                let want = if col >= d.span {
                    0
                } else {
                    ((d.radius + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0) * 255.0) as u8
                };
                assert_eq!(
                    got, want,
                    "radius {}, stamp {stamp}, row {row}, column {col}",
                    d.radius
                );
            }
        }
    }

    #[test]
    fn a_dot_covers_its_disc_and_fades_at_its_edge() {
        let mut m = StrokeMask::new(20, 12);
        m.dot(7.5, 5.5, 2.0);
        assert_eq!(m.at(7, 5), 255);
        assert_eq!(covered(&m, 5), (6..=8).collect::<Vec<_>>());
        // The pixel centred 2 px from the centre is half covered; the corner not at all.
        assert_eq!(m.at(9, 5), 127);
        assert_eq!(m.at(5, 2), 0);
        assert_eq!(m.at(15, 5), 0);
        // A second dot over it takes the greater coverage, not the sum.
        m.dot(7.75, 5.5, 2.0);
        assert_eq!(m.at(9, 5), 191);
        assert_eq!(m.at(7, 5), 255);
    }

    #[test]
    fn a_dot_across_the_edge_draws_what_is_inside() {
        let mut m = StrokeMask::new(10, 10);
        m.dot(0.5, 9.5, 3.0);
        m.dot(-50.0, 5.0, 3.0);
        assert_eq!(m.at(0, 9), 255);
        assert_eq!(m.at(9, 0), 0);
        assert!((0..10).all(|y| m.at(9, y) == 0));
    }

    #[test]
    fn a_dotted_line_puts_a_dot_every_period_from_the_start() {
        // A 40 px line from x = 2 along y = 5, dashes of 1 px every 6, 3 px wide: dots
        // centred at x = 2.5, 8.5, ... 38.5, each covering the pixel under its centre fully.
        let mut m = StrokeMask::new(50, 10);
        m.stroke_dotted(&[2.0, 5.0, 42.0, 5.0], 1.0, 3.0, [1.0, 5.0]);
        let full: Vec<usize> = (0..50).filter(|&x| m.at(x, 5) == 255).collect();
        assert_eq!(full, (0..7).map(|k| 2 + 6 * k).collect::<Vec<_>>());
        assert!(
            m.at(1, 5) > 0 && m.at(3, 4) > 0,
            "a dot is round, not a pixel"
        );
        // Between two dots the line is uncovered.
        assert_eq!(m.at(5, 5), 0);
        assert_eq!(m.at(11, 5), 0);
    }

    #[test]
    fn a_dash_across_a_bend_and_one_cut_by_the_end_are_both_drawn() {
        // 1 px dashes every 11.5 px along an L that bends 12 px along: at 0-1 and across
        // the bend at 11.5-12.5, and no third (the path is 22 px long).
        let mut m = StrokeMask::new(30, 30);
        m.stroke_dotted(&[2.0, 5.0, 14.0, 5.0, 14.0, 15.0], 1.0, 3.0, [1.0, 10.5]);
        assert_eq!(m.at(2, 5), 255);
        assert_eq!(m.at(13, 5), 255);
        assert_eq!(m.at(14, 5), 255);
        assert_eq!(m.at(8, 5), 0);
        assert!((8..30).all(|y| m.at(14, y) == 0));
        // A path 11.8 px long ends inside its second dash: cut there, still drawn.
        let mut n = StrokeMask::new(30, 10);
        n.stroke_dotted(&[2.0, 5.0, 13.8, 5.0], 1.0, 3.0, [1.0, 10.5]);
        assert_eq!(n.at(13, 5), 255);
    }

    #[test]
    fn a_scale_draws_in_device_pixels_and_bad_input_draws_nothing() {
        let mut m = StrokeMask::new(40, 20);
        m.stroke_dotted(&[1.0, 5.0, 11.0, 5.0], 2.0, 2.0, [1.0, 5.0]);
        assert!(m.at(2, 10) > 127 && m.at(8, 10) > 127, "the first two dots");
        assert_eq!(m.at(5, 10), 0);
        let mut n = StrokeMask::new(40, 20);
        n.stroke_dotted(&[f32::NAN, 5.0, 11.0, 5.0], 1.0, 2.0, [1.0, 5.0]);
        n.stroke_dotted(&[1.0, 5.0, 11.0, 5.0], 1.0, 2.0, [0.0, 0.0]);
        n.dot(f32::NAN, 1.0, 2.0);
        n.dot(3.0, 3.0, f32::NAN);
        assert!((0..20).all(|y| covered(&n, y).is_empty()));
    }
}
