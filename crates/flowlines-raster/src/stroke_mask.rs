//! Anti-aliased strokes and fills into a coverage mask, then laid over an RGBA buffer in one
//! colour at one opacity: how the static layer of a dense map draws its routes (one mask per
//! colour and line style), in a time that grows with the pixels drawn and nothing else.
//!
//! Overlapping strokes in one mask do not add up (each pixel keeps its highest coverage), as
//! when a canvas strokes one path of many lines at once.

use crate::blend::{lay_span, Ink};
use crate::cover::{
    cover_span, greater, lesser, raise_runs, triangle_chunk, triangle_cover, Band, CHUNK,
};
use crate::raster::Raster;

/// A row not drawn into: its first cell past its last.
pub(crate) const UNTOUCHED: [u32; 2] = [u32::MAX, 0];

/// How much of each pixel is covered, 0 to 255, row by row from the top left.
#[derive(Debug, Clone, Default)]
pub struct StrokeMask {
    pub(crate) width: usize,
    pub(crate) height: usize,
    pub(crate) cover: Vec<u8>,
    /// The stamps of each dot radius drawn so far (see [`StrokeMask::dot`]).
    pub(crate) dots: Vec<crate::dotted_line::DotStamps>,
    /// While kept (see `flow_line.rs`), each row's first and past-last cell drawn into since
    /// the mask was last laid; empty when not kept.
    pub(crate) touched: Vec<[u32; 2]>,
    /// The first and past-last row in `touched` drawn into.
    pub(crate) touched_rows: [usize; 2],
    /// Scratch space for the points of a path being stroked (see `flow_line.rs`).
    pub(crate) path: Vec<(f32, f32)>,
}

impl StrokeMask {
    /// An empty mask of `width` by `height` pixels.
    pub fn new(width: usize, height: usize) -> Self {
        StrokeMask {
            width,
            height,
            cover: vec![0; width * height],
            dots: Vec::new(),
            touched: Vec::new(),
            touched_rows: [usize::MAX, 0],
            path: Vec::new(),
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// Uncovers every pixel.
    pub fn clear(&mut self) {
        self.cover.fill(0);
        if !self.touched.is_empty() {
            self.touched.fill(UNTOUCHED);
        }
        self.touched_rows = [usize::MAX, 0];
    }

    /// Notes that cells `from..to` of row `y` were drawn into, while that is kept.
    #[inline(always)]
    pub(crate) fn touch(&mut self, y: usize, from: usize, to: usize) {
        if let Some(span) = self.touched.get_mut(y) {
            span[0] = span[0].min(from as u32);
            span[1] = span[1].max(to as u32);
            self.touched_rows[0] = self.touched_rows[0].min(y);
            self.touched_rows[1] = self.touched_rows[1].max(y + 1);
        }
    }

    /// The coverage of pixel (`x`, `y`), 0 outside.
    pub fn at(&self, x: usize, y: usize) -> u8 {
        if x < self.width && y < self.height {
            self.cover[y * self.width + x]
        } else {
            0
        }
    }

    /// Strokes the segment from (`x0`, `y0`) to (`x1`, `y1`) pixels, `width` pixels wide with
    /// butt ends: a pixel whose centre lies `d` pixels off the segment's line is covered by
    /// `width / 2 + 0.5 - d` (at most 1, times `width` when thinner than a pixel), and its ends
    /// fade over one pixel the same way.
    pub fn stroke_segment(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, width: f32) {
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len = (dx * dx + dy * dy).sqrt();
        if len.is_nan() || len <= 1e-6 || width.is_nan() || width <= 0.0 {
            return;
        }
        let (ux, uy) = (dx / len, dy / len);
        let reach = width / 2.0 + 0.5;
        let thin = width.min(1.0);
        let (w, h) = (self.width as f32, self.height as f32);
        let ya = ((y0.min(y1) - reach).floor()).max(0.0);
        let yb = ((y0.max(y1) + reach).ceil()).min(h);
        let (xa, xb) = (x0.min(x1) - reach, x0.max(x1) + reach);
        if ya >= yb || xb < 0.0 || xa > w || xa.is_nan() {
            return;
        }
        // Across a row, the band |d| < reach spans reach / |sin| either side of the line.
        // The line's x at a row's centre is x0 + (py - y0) * slope (x0 on a flat segment).
        let steep = uy.abs() > 1e-3;
        let (half_span, slope) = if steep {
            (reach / uy.abs(), dx / dy)
        } else {
            (f32::INFINITY, 0.0)
        };
        let mut y = ya;
        while y < yb {
            let py = y + 0.5;
            let centre = x0 + (py - y0) * slope;
            let from = greater(greater(centre - half_span, xa).floor(), 0.0);
            let to = lesser(lesser(centre + half_span, xb).ceil(), w);
            if from < to {
                let row = y as usize * self.width;
                let ry = py - y0;
                // Distance from the line (signed) and along the segment at the first cell.
                let rx = from + 0.5 - x0;
                let d = rx * uy - ry * ux;
                let s = rx * ux + ry * uy;
                // Kept row by row, the cells this row's band reaches (a long diagonal piece's
                // box is mostly cells it does not cover, each of which laying would visit).
                if !self.touched.is_empty() {
                    self.touch(y as usize, from as usize, to as usize);
                }
                let Some(cells) = self.cover.get_mut(row..row + self.width) else {
                    return;
                };
                let band = Band {
                    d: (d, uy),
                    s: (s, ux),
                    reach,
                    len,
                    scale: 255.0 * thin,
                };
                cover_span(cells, from as usize, to as usize, band);
            }
            y += 1.0;
        }
    }

    /// Fills the triangle (`a`, `b`, `c`), each `(x, y)` pixels, with anti-aliased edges.
    pub fn fill_triangle(&mut self, a: (f32, f32), b: (f32, f32), c: (f32, f32)) {
        // Orient the edges so that the inside is on the positive side of each.
        let area = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        if area.is_nan() || area.abs() <= 1e-6 {
            return;
        }
        let (b, c) = if area > 0.0 { (b, c) } else { (c, b) };
        let edge = |p: (f32, f32), q: (f32, f32)| {
            let (ex, ey) = (q.0 - p.0, q.1 - p.1);
            let l = (ex * ex + ey * ey).sqrt().max(1e-6);
            // Signed distance of (x, y) from the edge: nx * x + ny * y + k, inside positive.
            let (nx, ny) = (-ey / l, ex / l);
            (nx, ny, -(nx * p.0 + ny * p.1))
        };
        let edges = [edge(a, b), edge(b, c), edge(c, a)];
        let (w, h) = (self.width as f32, self.height as f32);
        let x0 = (a.0.min(b.0).min(c.0) - 1.0).floor().max(0.0);
        let x1 = (a.0.max(b.0).max(c.0) + 1.0).ceil().min(w);
        let y0 = (a.1.min(b.1).min(c.1) - 1.0).floor().max(0.0);
        let y1 = (a.1.max(b.1).max(c.1) + 1.0).ceil().min(h);
        if !(x0 < x1 && y0 < y1) {
            return;
        }
        let (x0, x1) = (x0 as usize, x1 as usize);
        for y in y0 as usize..y1 as usize {
            let py = y as f32 + 0.5;
            let Some(row) = self.cover.get_mut(y * self.width..(y + 1) * self.width) else {
                return;
            };
            if row.len() < CHUNK {
                for (x, cell) in row.iter_mut().enumerate().take(x1).skip(x0) {
                    *cell = (*cell).max(triangle_cover(&edges, x as f32 + 0.5, py));
                }
                self.touch(y, x0, x1);
                continue;
            }
            // In runs of CHUNK cells, as strokes are (see `cover_span`), a run covered whole
            // skipped; cells a run reaches outside the box keep what they have.
            raise_runs(row, x0, x1, |start, had| {
                triangle_chunk(had, start, (x0, x1), &edges, py)
            });
            self.touch(y, x0, x1);
        }
    }

    /// Lays the mask over `raster` in `color` (`0xRRGGBB`) at `opacity` (0..=1): source over,
    /// in premultiplied alpha (a layer being built; [`Raster::unpremultiply`] makes it what
    /// `ImageData` holds). Nothing changes at opacity 0. Four pixels are blended at a time in
    /// WebAssembly SIMD, to the same levels (`blend.rs`).
    pub fn composite(&self, raster: &mut Raster, color: u32, opacity: f32) {
        let Some(ink) = Ink::new(color, opacity) else {
            return;
        };
        // A layer covers a small part of the map: runs of CHUNK uncovered cells are passed over
        // with one read (at 10,000 flows, most of each layer's 840,000 cells), the rest laid
        // four pixels at a time.
        let rgba = raster.rgba_mut();
        let n = self.cover.len().min(rgba.len() / 4);
        let (cover, rgba) = (self.cover[..n].chunks_exact(CHUNK), &mut rgba[..4 * n]);
        let rest = cover.remainder();
        let mut pixels = rgba.chunks_exact_mut(4 * CHUNK);
        for (run, block) in cover.zip(&mut pixels) {
            let Ok(word) = <[u8; CHUNK]>::try_from(run) else {
                continue;
            };
            if u64::from_ne_bytes(word) != 0 {
                lay_span(&ink, &word, block);
            }
        }
        lay_span(&ink, rest, pixels.into_remainder());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cover::coverage;

    /// The premultiplied blend, pixel by pixel and channel by channel (the rule of `blend.rs`).
    fn composite_pixel_by_pixel(mask: &StrokeMask, raster: &mut Raster, color: u32, opacity: f32) {
        let src = [color >> 16 & 0xFF, color >> 8 & 0xFF, color & 0xFF, 255];
        let level = (opacity * 255.0).round() as u32;
        let div255 = |x: u32| (f64::from(x) / 255.0).round() as u32;
        for (&m, px) in mask.cover.iter().zip(raster.rgba_mut().chunks_exact_mut(4)) {
            let a = div255(u32::from(m) * level);
            for ch in 0..4 {
                px[ch] = (div255(src[ch] * a) + div255(u32::from(px[ch]) * (255 - a))) as u8;
            }
        }
    }

    #[test]
    fn a_mask_laid_over_transparent_and_painted_pixels_gives_the_blend_s_levels_exactly() {
        // Every coverage level, over transparent pixels and over pixels already painted
        // (premultiplied: no channel above its alpha).
        let mut m = StrokeMask::new(256, 2);
        m.cover
            .iter_mut()
            .enumerate()
            .for_each(|(i, c)| *c = (i % 256) as u8);
        for (color, opacity) in [
            (0xD55E00, 0.5),
            (0x0072B2, 0.3),
            (0x8C8C8C, 0.45),
            (0xFFFFFF, 1.0),
        ] {
            let mut quick = Raster::new(256, 2);
            for (i, px) in quick.rgba_mut().chunks_exact_mut(4).enumerate().skip(256) {
                let a = (i % 255 + 1) as u8;
                px.copy_from_slice(&[(i * 7) as u8 % a, (i * 13) as u8 % a, 90.min(a), a]);
            }
            let mut blended = quick.clone();
            m.composite(&mut quick, color, opacity);
            composite_pixel_by_pixel(&m, &mut blended, color, opacity);
            assert_eq!(quick.rgba(), blended.rgba(), "{color:06x} at {opacity}");
        }
    }

    #[test]
    fn a_stroke_covers_its_line_fades_at_its_edge_and_leaves_the_rest() {
        let mut m = StrokeMask::new(20, 10);
        // The band from y = 4.25 to 6.25: row 5 whole, three quarters of row 4, a quarter of 6.
        m.stroke_segment(2.0, 5.25, 18.0, 5.25, 2.0);
        assert_eq!(m.at(10, 5), 255);
        assert_eq!(m.at(10, 4), 191);
        assert_eq!(m.at(10, 6), 63);
        assert_eq!(m.at(10, 3), 0);
        assert_eq!(m.at(0, 5), 0, "butt ends stop at the segment");
    }

    /// The cover of every cell of a `width` x `height` mask for one segment, each cell on its
    /// own from the rule [`StrokeMask::stroke_segment`] states, over what `under` holds.
    fn cell_by_cell(under: &[u8], width: usize, seg: [f32; 4], line: f32) -> Vec<u8> {
        let [x0, y0, x1, y1] = seg;
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len);
        let mut out = under.to_vec();
        for (i, cell) in out.iter_mut().enumerate() {
            let (px, py) = ((i % width) as f32 + 0.5 - x0, (i / width) as f32 + 0.5 - y0);
            let c = coverage(
                px * uy - py * ux,
                px * ux + py * uy,
                line / 2.0 + 0.5,
                len,
                255.0 * line.min(1.0),
            );
            *cell = (*cell).max(c);
        }
        out
    }

    /// A reproducible source of numbers from 0 up to `scale` (xorshift64 from `seed`).
    fn xorshift(seed: u64) -> impl FnMut(f32) -> f32 {
        let mut rng = seed;
        move |scale: f32| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng >> 40) as f32 / (1u64 << 24) as f32 * scale
        }
    }

    /// A mask whose cells are already covered in part, with runs of 16 cells covered whole.
    fn partly_covered(
        width: usize,
        height: usize,
        next: &mut impl FnMut(f32) -> f32,
    ) -> StrokeMask {
        let mut m = StrokeMask::new(width, height);
        for (i, cell) in m.cover.iter_mut().enumerate() {
            *cell = if (i / 16) % 3 == 0 {
                255
            } else {
                (next(256.0) as u8) / 4
            };
        }
        m
    }

    #[test]
    fn each_cell_of_a_stroke_gets_the_cover_of_the_rule_whatever_was_there_and_wherever_it_lies() {
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        // Masks narrower than a run and wider; segments crossing the edges; cells already
        // covered in part, and rows of them covered whole.
        for (width, height) in [(5, 9), (37, 23), (64, 40)] {
            for _ in 0..200 {
                let mut m = partly_covered(width, height, &mut next);
                let (w, h) = (width as f32, height as f32);
                let seg = [
                    next(w + 8.0) - 4.0,
                    next(h + 8.0) - 4.0,
                    next(w + 8.0) - 4.0,
                    next(h + 8.0) - 4.0,
                ];
                let line = 0.5 + next(3.0);
                let expected = cell_by_cell(&m.cover, width, seg, line);
                m.stroke_segment(seg[0], seg[1], seg[2], seg[3], line);
                for (i, (&got, &want)) in m.cover.iter().zip(&expected).enumerate() {
                    // The stroke steps its distances along a row, the rule takes them afresh.
                    assert!(
                        got.abs_diff(want) <= 1,
                        "cell {i} of {width}x{height} {seg:?} {line}: {got} != {want}"
                    );
                }
            }
        }
    }

    #[test]
    fn each_cell_of_a_triangle_gets_the_cover_of_the_rule_within_its_box_whatever_was_there() {
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for (width, height) in [(6, 7), (29, 31), (64, 40)] {
            for _ in 0..200 {
                let mut m = partly_covered(width, height, &mut next);
                let under = m.cover.clone();
                let (w, h) = (width as f32, height as f32);
                let mut point = || (next(w + 6.0) - 3.0, next(h + 6.0) - 3.0);
                let (a, b, c) = (point(), point(), point());
                m.fill_triangle(a, b, c);
                // The rule: inside the box one pixel round the corners, a cell gets its distance
                // inside the nearest edge plus half a pixel (at most 1), if more than it had.
                let (b, c) = if (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0) > 0.0 {
                    (b, c)
                } else {
                    (c, b)
                };
                let signed = |p: (f32, f32), q: (f32, f32), x: f32, y: f32| {
                    let (ex, ey) = (q.0 - p.0, q.1 - p.1);
                    let l = (ex * ex + ey * ey).sqrt().max(1e-6);
                    ((x - p.0) * -ey + (y - p.1) * ex) / l
                };
                let degenerate =
                    ((b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)).abs() <= 1e-6;
                for (i, (&got, &had)) in m.cover.iter().zip(&under).enumerate() {
                    let (x, y) = ((i % width) as f32 + 0.5, (i / width) as f32 + 0.5);
                    let boxed = x > a.0.min(b.0).min(c.0) - 1.5
                        && x < a.0.max(b.0).max(c.0) + 1.5
                        && y > a.1.min(b.1).min(c.1) - 1.5
                        && y < a.1.max(b.1).max(c.1) + 1.5;
                    let d = signed(a, b, x, y)
                        .min(signed(b, c, x, y))
                        .min(signed(c, a, x, y));
                    let rule = ((d + 0.5).clamp(0.0, 1.0) * 255.0) as u8;
                    if degenerate || !boxed {
                        assert_eq!(got, had, "cell {i} outside the box of {a:?} {b:?} {c:?}");
                    } else {
                        assert!(
                            got.abs_diff(had.max(rule)) <= 1,
                            "cell {i} of {a:?} {b:?} {c:?}: {got} != {}",
                            had.max(rule)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn overlapping_strokes_do_not_add_up() {
        let mut m = StrokeMask::new(20, 20);
        m.stroke_segment(0.0, 10.0, 20.0, 10.0, 1.0);
        let once = m.at(10, 9);
        m.stroke_segment(0.0, 10.0, 20.0, 10.0, 1.0);
        assert_eq!(m.at(10, 9), once);
    }

    #[test]
    fn a_diagonal_stroke_keeps_each_row_s_cells_near_its_line_not_its_whole_box() {
        let mut m = StrokeMask::new(120, 120);
        m.keep_touched();
        m.stroke_segment(5.0, 5.0, 105.0, 105.0, 2.0);
        // Across a row, the band of a 45° line 2 px wide reaches 2·(1 + 0.5)·√2 ≈ 4.2 cells.
        for y in 10..100 {
            let [from, to] = m.touched[y];
            assert!(to - from <= 6, "row {y}: cells {from}..{to}");
            let mut covered = (0..120).filter(|&x| m.at(x, y) > 0);
            assert!(covered.all(|x| (from as usize..to as usize).contains(&x)));
        }
    }

    #[test]
    fn a_diagonal_stroke_is_as_thick_as_a_straight_one() {
        let mut m = StrokeMask::new(40, 40);
        m.stroke_segment(5.0, 5.0, 35.0, 35.0, 2.0);
        let across: u32 = (0..40).map(|x| u32::from(m.at(x, 20))).sum();
        // Across a 45° line of width 2 a row holds 2 * sqrt(2) pixels' worth of cover.
        let expected = 2.0 * 2f32.sqrt() * 255.0;
        assert!((across as f32 - expected).abs() < 40.0, "{across}");
    }

    #[test]
    fn a_triangle_is_filled_inside_and_soft_on_its_edges() {
        let mut m = StrokeMask::new(20, 20);
        m.fill_triangle((2.0, 2.0), (18.0, 2.0), (2.0, 18.0));
        assert_eq!(m.at(4, 4), 255);
        assert_eq!(m.at(17, 17), 0);
        let edge = m.at(9, 10);
        assert!(edge > 0 && edge < 255, "{edge}");
    }

    #[test]
    fn a_half_opaque_mask_over_nothing_gives_its_colour_at_half_alpha() {
        let mut m = StrokeMask::new(2, 1);
        m.fill_triangle((-5.0, -5.0), (10.0, -5.0), (-5.0, 10.0));
        let mut r = Raster::new(2, 1);
        m.composite(&mut r, 0xD55E00, 0.5);
        let mut once = r.clone();
        once.unpremultiply();
        assert_eq!(once.pixel(0, 0), Some([0xD5, 0x5E, 0x00, 128]));
        // And over itself: alpha 0.75 (128 then 192, rounded each time), the same colour to
        // within the level a premultiplied channel rounds to.
        m.composite(&mut r, 0xD55E00, 0.5);
        r.unpremultiply();
        let twice = r.pixel(0, 0).unwrap();
        assert_eq!(twice[3], 192);
        assert!(twice[..3]
            .iter()
            .zip([0xD5u8, 0x5E, 0x00])
            .all(|(&p, c)| p.abs_diff(c) <= 1));
    }
}
