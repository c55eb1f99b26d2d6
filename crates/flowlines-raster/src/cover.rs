//! How much of a pixel a stroke or a triangle covers, one byte a cell, eight cells at a time:
//! the arithmetic under [`crate::stroke_mask::StrokeMask`], kept apart so that its rule and
//! its WebAssembly SIMD form sit side by side.

/// The lesser of `a` and `b` (the second when either is not a number): one comparison, which
/// `f32::min`'s handling of NaN would not be.
#[inline(always)]
pub(crate) fn lesser(a: f32, b: f32) -> f32 {
    if a < b {
        a
    } else {
        b
    }
}

/// The greater of `a` and `b` (the second when either is not a number): one comparison, where
/// `f32::max` is a call to `fmaxf` in WebAssembly.
#[inline(always)]
pub(crate) fn greater(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// One row of a segment's band as a stroke covers it: the cell `k` cells on from the row's
/// first cell lies `d.0 + k * d.1` pixels off the segment's line and `s.0 + k * s.1` along
/// it; the band reaches `reach` pixels either side of the line, the segment is `len` long,
/// and a cell covered whole gets `scale` (255, less for a line thinner than a pixel).
#[derive(Clone, Copy)]
pub(crate) struct Band {
    pub(crate) d: (f32, f32),
    pub(crate) s: (f32, f32),
    pub(crate) reach: f32,
    pub(crate) len: f32,
    pub(crate) scale: f32,
}

impl Band {
    /// The [`coverage`] of the cell `k` cells on from the row's first. Each cell's distances
    /// come from its index rather than by adding a step per cell, so that the cells are
    /// independent and a loop over them compiles to SIMD.
    #[inline(always)]
    fn cover(&self, k: f32) -> u8 {
        let (d, s) = (self.d.0 + k * self.d.1, self.s.0 + k * self.s.1);
        coverage(d, s, self.reach, self.len, self.scale)
    }
}

/// Covers the run of `cells` across one row of `band`, each cell where its cover is more than
/// it has (four cells per instruction with WebAssembly's simd128).
#[inline(always)]
pub(crate) fn cover_run(cells: &mut [u8], band: Band) {
    for (k, cell) in cells.iter_mut().enumerate() {
        *cell = (*cell).max(band.cover(k as f32));
    }
}

/// Cells a row's span is covered in at a time: one 64-bit word of the mask.
pub(crate) const CHUNK: usize = 8;

/// Covers cells `from..to` of one `row` as [`cover_run`] does, `band`'s distances being those
/// of cell `from`, in whole runs of [`CHUNK`] cells, skipping a run whose cells are all fully
/// covered already (read as one word): at 100,000 routes most pixels a route crosses are, so
/// this halves the static layer's stroking (in Chromium, the same pixels). The cells a run
/// reaches past the span (kept inside the row) lie outside the band or past the segment's ends,
/// where the cover is 0, so they keep what they have.
#[inline(always)]
pub(crate) fn cover_span(row: &mut [u8], from: usize, to: usize, band: Band) {
    if row.len() < CHUNK {
        if let Some(cells) = row.get_mut(from..to) {
            cover_run(cells, band);
        }
        return;
    }
    raise_runs(row, from, to, |start, had| {
        // Offset of the run's first cell from cell `from` (negative when kept inside the row).
        let k0 = start as f32 - from as f32;
        cover_chunk(had, k0, band)
    });
}

/// Walks cells `from..to` of `row` (at least [`CHUNK`] cells long) in runs of [`CHUNK`], the
/// last run kept inside the row, and sets each run to `raised(start, had)`: its first cell's
/// column and its cells as they were (one byte each, in memory order). A run covered whole
/// already is passed over: where many routes cross, most are.
#[inline(always)]
pub(crate) fn raise_runs(
    row: &mut [u8],
    from: usize,
    to: usize,
    mut raised: impl FnMut(usize, u64) -> u64,
) {
    let mut x = from;
    while x < to {
        let start = x.min(row.len().saturating_sub(CHUNK));
        let Some(cells) = row.get_mut(start..start + CHUNK) else {
            return;
        };
        let Ok(cells) = <&mut [u8; CHUNK]>::try_from(cells) else {
            return;
        };
        x = start + CHUNK;
        let had = u64::from_ne_bytes(*cells);
        if had == u64::MAX {
            continue;
        }
        *cells = raised(start, had).to_ne_bytes();
    }
}

/// A cover of 0..=1 in each of four lanes as a level of `scale` (at most 255): held between 0
/// and 1 as the scalar rule holds it (`pmin`, then `pmax` against 0, so that a cover that is
/// not a number ends at 0, as it does there), scaled and truncated.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn levels(cover: core::arch::wasm32::v128, scale: f32) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::{
        f32x4_mul, f32x4_pmax, f32x4_pmin, f32x4_splat, i32x4_trunc_sat_f32x4,
    };
    let cover = f32x4_pmax(f32x4_splat(0.0), f32x4_pmin(cover, f32x4_splat(1.0)));
    i32x4_trunc_sat_f32x4(f32x4_mul(cover, f32x4_splat(scale)))
}

/// The [`CHUNK`] cells `had` (one byte each, in memory order) each raised to the level beside
/// it: `low` holds the first four levels, `high` the last four (each 0..=255 in an i32 lane),
/// narrowed to bytes and raised in one `u8x16.max`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn raise(had: u64, low: core::arch::wasm32::v128, high: core::arch::wasm32::v128) -> u64 {
    use core::arch::wasm32::{
        i16x8_narrow_i32x4, u64x2, u64x2_extract_lane, u8x16_max, u8x16_narrow_i16x8,
    };
    let words = i16x8_narrow_i32x4(low, high);
    let bytes = u8x16_narrow_i16x8(words, words);
    u64x2_extract_lane::<0>(u8x16_max(bytes, u64x2(had, 0)))
}

/// The [`CHUNK`] cells `had` (one byte each, in memory order) each raised to its
/// [`coverage`] in `band`, the first cell lying `k0` cells on from the band's first (see
/// [`cover_span`]). In WebAssembly SIMD: eight cells in two lanes of four,
/// narrowed to bytes and raised in one instruction, where the compiler left the clamps and
/// the bytes to scalar code one cell at a time (a third of the static layer's time at 10,000
/// flows). Each lane does the scalar rule's arithmetic in its order, so the cover is the same
/// to the bit (`pmin`, `pmax` pick as `lesser` and the clamps do; a cover that is not a number
/// ends at 0 in both).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
pub(crate) fn cover_chunk(had: u64, k0: f32, band: Band) -> u64 {
    use core::arch::wasm32::{
        f32x4, f32x4_abs, f32x4_add, f32x4_mul, f32x4_pmin, f32x4_splat, f32x4_sub, v128,
    };
    let Band {
        d,
        s,
        reach,
        len,
        scale,
    } = band;
    let half = f32x4_splat(0.5);
    let four = |first: f32| -> v128 {
        let k = f32x4_add(
            f32x4_splat(k0),
            f32x4(first, first + 1.0, first + 2.0, first + 3.0),
        );
        let dd = f32x4_add(f32x4_splat(d.0), f32x4_mul(k, f32x4_splat(d.1)));
        let ss = f32x4_add(f32x4_splat(s.0), f32x4_mul(k, f32x4_splat(s.1)));
        let across = f32x4_sub(f32x4_splat(reach), f32x4_abs(dd));
        let c = f32x4_pmin(across, f32x4_add(ss, half));
        levels(
            f32x4_pmin(c, f32x4_add(f32x4_sub(f32x4_splat(len), ss), half)),
            scale,
        )
    };
    raise(had, four(0.0), four(4.0))
}

/// The [`CHUNK`] cells `had` each raised to its [`coverage`] in `band`, cell by cell (targets
/// without WebAssembly SIMD; see the SIMD version above).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
pub(crate) fn cover_chunk(had: u64, k0: f32, band: Band) -> u64 {
    let mut cells = had.to_ne_bytes();
    for (k, cell) in cells.iter_mut().enumerate() {
        *cell = (*cell).max(band.cover(k0 + k as f32));
    }
    u64::from_ne_bytes(cells)
}

/// The cover, 0 to 255, of a pixel whose centre lies `d` pixels off a segment's line and `s`
/// along it: `reach - |d|`, faded over the pixel past either end, at most 1, times `scale`.
#[inline(always)]
pub(crate) fn coverage(d: f32, s: f32, reach: f32, len: f32, scale: f32) -> u8 {
    let c = lesser(lesser(reach - d.abs(), s + 0.5), len - s + 0.5);
    let c = if c > 1.0 { 1.0 } else { c };
    let c = if c > 0.0 { c } else { 0.0 };
    // c * scale lies in 0..=255: the i32 conversion is WebAssembly's own saturating one.
    (c * scale) as i32 as u8
}

/// The cover, 0 to 255, of the pixel centred at (`px`, `py`) by the triangle whose edges are
/// `edges` (`nx * x + ny * y + k`, positive inside): its distance inside the nearest edge plus
/// half a pixel, at most 1.
#[inline(always)]
pub(crate) fn triangle_cover(edges: &[(f32, f32, f32); 3], px: f32, py: f32) -> u8 {
    let [a, b, c] = edges.map(|(nx, ny, k)| nx * px + ny * py + k);
    let d = lesser(lesser(a, b), c);
    let cover = d + 0.5;
    let cover = if cover > 1.0 { 1.0 } else { cover };
    let cover = if cover > 0.0 { cover } else { 0.0 };
    (cover * 255.0) as i32 as u8
}

/// The [`CHUNK`] cells `had` (one byte each), the first at column `start` of a row whose
/// centres lie at `py`, each raised to its [`triangle_cover`] by the triangle of `edges` where
/// its column is within `box_x` (from, to), left as it was elsewhere. In WebAssembly SIMD, as
/// [`cover_chunk`] is and for the same reason: the same cover to the bit, eight cells a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
pub(crate) fn triangle_chunk(
    had: u64,
    start: usize,
    box_x: (usize, usize),
    edges: &[(f32, f32, f32); 3],
    py: f32,
) -> u64 {
    use core::arch::wasm32::{
        f32x4, f32x4_add, f32x4_ge, f32x4_lt, f32x4_mul, f32x4_pmin, f32x4_splat, v128, v128_and,
    };
    let (from, to) = (f32x4_splat(box_x.0 as f32), f32x4_splat(box_x.1 as f32));
    let four = |first: usize| -> v128 {
        // Each cell's centre, as `i as f32 + 0.5` gives it (exact: a mask is far narrower than
        // 2^24), and whether its column `i` lies in the box (`i + 0.5` against whole numbers).
        let px = f32x4_add(
            f32x4_splat((start + first) as f32 + 0.5),
            f32x4(0.0, 1.0, 2.0, 3.0),
        );
        let inside = v128_and(f32x4_ge(px, from), f32x4_lt(px, to));
        let side = |(nx, ny, k): (f32, f32, f32)| {
            f32x4_add(
                f32x4_add(f32x4_mul(f32x4_splat(nx), px), f32x4_splat(ny * py)),
                f32x4_splat(k),
            )
        };
        let [a, b, c] = edges.map(side);
        // `lesser(lesser(a, b), c)`: the second when the first is not less, as `pmin` picks.
        let d = f32x4_pmin(f32x4_pmin(a, b), c);
        // Outside the box a cell's cover is 0 (all bits clear), so it keeps what it had.
        levels(v128_and(f32x4_add(d, f32x4_splat(0.5)), inside), 255.0)
    };
    raise(had, four(0), four(4))
}

/// The [`CHUNK`] cells `had` each raised to its [`triangle_cover`] where its column is within
/// `box_x`, cell by cell (targets without WebAssembly SIMD; see the SIMD version above).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
pub(crate) fn triangle_chunk(
    had: u64,
    start: usize,
    box_x: (usize, usize),
    edges: &[(f32, f32, f32); 3],
    py: f32,
) -> u64 {
    let mut cells = had.to_ne_bytes();
    for (k, cell) in cells.iter_mut().enumerate() {
        let i = start + k;
        if i >= box_x.0 && i < box_x.1 {
            *cell = (*cell).max(triangle_cover(edges, i as f32 + 0.5, py));
        }
    }
    u64::from_ne_bytes(cells)
}
