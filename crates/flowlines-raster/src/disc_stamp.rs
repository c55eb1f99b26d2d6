//! Precomputed coverage of an anti-aliased disc at every sub-pixel position, so that drawing a
//! particle is a table lookup and an integer blend instead of a square root per pixel.
//!
//! A disc of radius `r` device pixels centred at (`cx`, `cy`) covers the pixel whose centre is
//! `d` pixels away by `clamp(r + 0.5 - d, 0, 1)` (a one-pixel linear ramp over its edge). The
//! centre is rounded to the nearest 1/[`SUBPIXEL`] of a pixel on each axis (halves to even:
//! `f32.nearest`, one WebAssembly instruction, where halves away from zero are a call to
//! libm), and the coverage of each of the [`SUBPIXEL`]² positions is kept, as 0..=255, for the
//! pixels around it: the rounding moves a disc by at most 1/16 px, which changes a pixel's
//! coverage by at most 16/255.
//!
//! [`SUBPIXEL`]: crate::disc_stamp::SUBPIXEL

/// Sub-pixel positions kept per pixel, on each axis. Eight, not sixteen: the 64 stamps' quads
/// of a disc of 2.5 px (25 KB) stay in a core's first-level cache where 256 (100 KB) did not,
/// and a frame of 10,000 flows took 1 to 7 % less time in four trials (README, Benchmarks,
/// "6 December, late evening"); a disc is placed to within 1/16 px, which no reader sees.
pub const SUBPIXEL: usize = 8;
/// Pixels per run: a stamp's row is blended 8 RGBA pixels (32 bytes, two 128-bit SIMD
/// registers) at a time.
pub const RUN_PX: usize = 8;
/// Bytes per run.
pub const RUN_BYTES: usize = RUN_PX * 4;
/// Pixels per quad: a stamp's pixels that the disc touches are also kept as quads, 4 RGBA
/// pixels (16 bytes, one 128-bit SIMD register) of one row, so that drawing skips the pixels
/// a disc leaves alone (a disc of radius 2.5 px touches about 10 quads of its stamp's 7 rows
/// of 8 pixels).
pub const QUAD_PX: usize = 4;
/// Bytes per quad.
pub const QUAD_BYTES: usize = QUAD_PX * 4;

/// Four pixels of one row of a stamp that hold some of its disc: the weight of the disc's
/// colour on each (see [`weight`]), repeated on its four channels, and where they are in the
/// stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quad {
    /// Weight of the disc's colour on the four pixels, 0..=256, each on its four channels:
    /// widened to 16 bits here, once, so that a frame's blend neither widens nor inverts it.
    pub weight: [u16; QUAD_BYTES],
    /// The stamp's row.
    pub row: u16,
    /// The stamp's column of the first pixel.
    pub col: u16,
    /// Bytes from the stamp's first pixel to the quad's in a buffer of
    /// [`DiscStamps::row_bytes`] bytes a row, so that drawing adds one number per quad.
    pub offset: u32,
}

/// The weight, out of 256, that a pixel covered `cover` (0..=255) gives a disc's colour when
/// blended: `cover + cover / 128`, so that 0 leaves the pixel as it was and 255 (256) sets it
/// to the colour exactly, and a blend divides by 256 (a shift) instead of 255. Any other
/// weight is within half a level of `cover / 255`.
pub fn weight(cover: u8) -> u16 {
    u16::from(cover) + u16::from(cover >> 7)
}

/// How much of the pixel whose centre is (`dx`, `dy`) pixels from a disc's centre the disc of
/// `radius` pixels covers, from 0 (none) to 255 (all).
pub fn disc_coverage(dx: f32, dy: f32, radius: f32) -> u8 {
    let d = (dx * dx + dy * dy).sqrt();
    ((radius + 0.5 - d).clamp(0.0, 1.0) * 255.0) as u8
}

/// The coverage of a disc of one radius at each sub-pixel position, each pixel's coverage
/// repeated on its four channels so that a run blends with no shuffling.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscStamps {
    radius: f32,
    /// Pixels from a stamp's first column (row) to the pixel holding the disc's centre.
    reach: i32,
    /// Rows per stamp.
    rows: usize,
    /// Runs per row.
    runs: usize,
    /// [`SUBPIXEL`]² stamps of `rows` rows of `runs` runs of [`RUN_BYTES`] bytes.
    cover: Vec<u8>,
    /// Each stamp's quads, stamp after stamp, row after row.
    quads: Vec<Quad>,
    /// Where each stamp's quads start in `quads`, and (last) their number.
    quad_start: Vec<u32>,
    /// Bytes per row of the buffer the quads' offsets are for.
    row_bytes: usize,
}

/// Where a disc lands: its stamp and the pixel of the stamp's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Column of the stamp's first pixel (may be off the buffer).
    pub left: i32,
    /// Row of the stamp's first pixel (may be off the buffer).
    pub top: i32,
    /// Which of the [`SUBPIXEL`]² stamps.
    pub stamp: usize,
}

impl DiscStamps {
    /// The stamps of a disc of `radius` device pixels (at least 0.5; at most 64).
    pub fn new(radius: f32) -> Self {
        let radius = if radius.is_finite() {
            radius.clamp(0.5, 64.0)
        } else {
            0.5
        };
        // Pixel x is touched when its centre is nearer than r + 0.5 to the disc's centre cx,
        // that is cx - r - 1 < x < cx + r; with cx in [ix, ix + 1), columns ix - ceil(r) to
        // ix + ceil(r).
        let reach = radius.ceil() as i32;
        let span = (2 * reach + 1) as usize;
        let runs = span.div_ceil(RUN_PX);
        let rows = span;
        let n = SUBPIXEL;
        let mut cover = vec![0; n * n * rows * runs * RUN_BYTES];
        for sy in 0..n {
            for sx in 0..n {
                let base = (sy * n + sx) * rows * runs * RUN_BYTES;
                let (fx, fy) = (sx as f32 / n as f32, sy as f32 / n as f32);
                for row in 0..rows {
                    let dy = row as f32 - reach as f32 + 0.5 - fy;
                    for col in 0..runs * RUN_PX {
                        let dx = col as f32 - reach as f32 + 0.5 - fx;
                        let a = disc_coverage(dx, dy, radius);
                        let i = base + row * runs * RUN_BYTES + col * 4;
                        cover[i..i + 4].fill(a);
                    }
                }
            }
        }
        let (quads, quad_start) = quads_of(&cover, rows, runs * RUN_PX);
        DiscStamps {
            radius,
            reach,
            rows,
            runs,
            cover,
            quads,
            quad_start,
            row_bytes: 0,
        }
    }

    /// The quads of stamp `stamp`: every pixel of it that the disc covers at all is in one of
    /// them, no pixel in two, row after row.
    pub fn quads(&self, stamp: usize) -> &[Quad] {
        let at = |i: usize| self.quad_start.get(i).map_or(0, |&v| v as usize);
        self.quads.get(at(stamp)..at(stamp + 1)).unwrap_or(&[])
    }

    /// Bytes per row of the buffer the quads' offsets are for (0 until set).
    pub fn row_bytes(&self) -> usize {
        self.row_bytes
    }

    /// Works out each quad's [`Quad::offset`] for a buffer of `row_bytes` bytes a row.
    pub fn set_row_bytes(&mut self, row_bytes: usize) {
        self.row_bytes = row_bytes;
        for q in &mut self.quads {
            q.offset = (usize::from(q.row) * row_bytes + usize::from(q.col) * 4) as u32;
        }
    }

    /// The disc's radius in device pixels.
    pub fn radius(&self) -> f32 {
        self.radius
    }

    /// Rows per stamp.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Runs of [`RUN_PX`] pixels per row.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Where a disc centred at (`cx`, `cy`) device pixels lands; `None` when the centre is not
    /// finite or so far out that nothing of it can show in a buffer of up to 2^20 pixels a side.
    pub fn place(&self, cx: f32, cy: f32) -> Option<Placed> {
        const FAR: f32 = (1 << 20) as f32;
        if !(cx.abs() < FAR && cy.abs() < FAR) {
            return None;
        }
        let n = SUBPIXEL as f32;
        let (qx, qy) = (
            (cx * n).round_ties_even() as i32,
            (cy * n).round_ties_even() as i32,
        );
        let shift = SUBPIXEL.trailing_zeros();
        let mask = SUBPIXEL as i32 - 1;
        Some(Placed {
            left: (qx >> shift) - self.reach,
            top: (qy >> shift) - self.reach,
            stamp: ((qy & mask) as usize) * SUBPIXEL + (qx & mask) as usize,
        })
    }

    /// Row `row` of stamp `stamp`: `runs` runs of [`RUN_BYTES`] bytes, each pixel's coverage on
    /// its four channels.
    pub fn row(&self, stamp: usize, row: usize) -> &[u8] {
        let len = self.runs * RUN_BYTES;
        let at = (stamp * self.rows + row) * len;
        self.cover.get(at..at + len).unwrap_or(&[])
    }
}

/// Cuts each row of each stamp in `cover` (`rows` rows of `width` pixels per stamp, `width` a
/// multiple of [`QUAD_PX`]) into as few quads as hold its covered pixels, side by side from
/// the first covered pixel (moved left if the last quad would pass the row's end); a row with
/// none has no quad. Returns the quads and where each stamp's start, as [`DiscStamps`] keeps
/// them.
fn quads_of(cover: &[u8], rows: usize, width: usize) -> (Vec<Quad>, Vec<u32>) {
    let row_bytes = width * 4;
    let mut quads = Vec::new();
    let mut start = vec![0];
    for stamp in cover.chunks_exact(rows * row_bytes) {
        for (r, line) in stamp.chunks_exact(row_bytes).enumerate() {
            let covered = |c: &usize| line[c * 4] > 0;
            let (Some(first), Some(last)) = ((0..width).find(covered), (0..width).rfind(covered))
            else {
                continue;
            };
            let n = (last + 1 - first).div_ceil(QUAD_PX);
            let col0 = first.min(width - n * QUAD_PX);
            for q in 0..n {
                let col = col0 + q * QUAD_PX;
                let px = &line[col * 4..(col + QUAD_PX) * 4];
                quads.push(Quad {
                    weight: std::array::from_fn(|i| weight(px[i])),
                    row: r as u16,
                    col: col as u16,
                    offset: 0,
                });
            }
        }
        start.push(quads.len() as u32);
    }
    (quads, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_holds_every_pixel_the_disc_touches() {
        for radius in [0.5, 1.0, 2.5, 3.0, 5.0, 7.5] {
            let s = DiscStamps::new(radius);
            for (cx, cy) in [
                (10.0, 10.0),
                (10.9, 10.0),
                (10.5, 10.93),
                (10.03, 10.51),
                (10.91, 10.9),
            ] {
                let p = s.place(cx, cy).unwrap();
                let mut total = 0u32;
                for y in p.top - 4..p.top + s.rows() as i32 + 4 {
                    for x in p.left - 4..p.left + (s.runs() * RUN_PX) as i32 + 4 {
                        let n = SUBPIXEL as f32;
                        let (qx, qy) = (
                            (cx * n).round_ties_even() / n,
                            (cy * n).round_ties_even() / n,
                        );
                        let a = disc_coverage(x as f32 + 0.5 - qx, y as f32 + 0.5 - qy, radius);
                        let (c, r) = (x - p.left, y - p.top);
                        let inside = c >= 0
                            && r >= 0
                            && (c as usize) < s.runs() * RUN_PX
                            && (r as usize) < s.rows();
                        if inside {
                            assert_eq!(s.row(p.stamp, r as usize)[c as usize * 4], a);
                        } else {
                            assert_eq!(a, 0, "r={radius}: ({x}, {y}) outside the stamp");
                        }
                        total += u32::from(a);
                    }
                }
                assert!(total > 0);
            }
        }
    }

    #[test]
    fn a_stamps_quads_hold_each_covered_pixel_once_and_nothing_else() {
        for radius in [0.5, 1.0, 2.5, 3.7, 5.0] {
            let s = DiscStamps::new(radius);
            let width = s.runs() * RUN_PX;
            for stamp in 0..SUBPIXEL * SUBPIXEL {
                let mut seen = vec![0u16; s.rows() * width * 4];
                for q in s.quads(stamp) {
                    let at = (usize::from(q.row) * width + usize::from(q.col)) * 4;
                    for (i, &w) in q.weight.iter().enumerate() {
                        assert_eq!(seen[at + i], 0, "r={radius} stamp {stamp}: a pixel twice");
                        seen[at + i] = w;
                    }
                }
                let all: Vec<u16> = (0..s.rows())
                    .flat_map(|r| {
                        s.row(stamp, r)
                            .iter()
                            .map(|&c| weight(c))
                            .collect::<Vec<_>>()
                    })
                    .collect();
                assert_eq!(seen, all, "r={radius} stamp {stamp}");
            }
        }
        // A disc of 2.5 px centred on a pixel's corner: two rows of 4 pixels, four of 6, none
        // in the stamp's last row; 10 quads where its 7 rows of 8 pixels are 14.
        assert_eq!(DiscStamps::new(2.5).quads(0).len(), 10);
    }

    #[test]
    fn a_weight_is_nothing_for_no_cover_everything_for_full_cover_and_near_cover_between() {
        assert_eq!((weight(0), weight(255)), (0, 256));
        for c in 0..=255u8 {
            let exact = f32::from(c) / 255.0 * 256.0;
            assert!((f32::from(weight(c)) - exact).abs() <= 0.5, "{c}");
        }
    }

    #[test]
    fn a_disc_far_off_or_not_a_number_lands_nowhere() {
        let s = DiscStamps::new(2.5);
        assert_eq!(s.place(f32::NAN, 0.0), None);
        assert_eq!(s.place(0.0, 1.0e9), None);
        assert!(s.place(-3.0, -3.0).is_some());
    }
}
