//! Rasterises moving particles straight into an RGBA pixel buffer, which the page shows with
//! one `putImageData`: on machines without a GPU this is faster than thousands of canvas calls.
//!
//! A disc is drawn from a precomputed coverage stamp ([`DiscStamps`]) and blended in integers,
//! 4 pixels (a quad) at a time in WebAssembly SIMD (`simd128` in the page's build): no square
//! root, no float and no division per pixel, the colour weighted out of 256 (see [`weight`]) so
//! that a channel's blend is one multiply, two adds, a subtraction and a shift.
//!
//! [`DiscStamps`]: crate::disc_stamp::DiscStamps
//! [`weight`]: crate::disc_stamp::weight

use crate::bands::{Bands, BAND_ROWS};
use crate::disc_stamp::{weight, DiscStamps, QUAD_BYTES, RUN_PX};
use crate::pixel_rect::PixelRect;
use std::ops::Range;

/// An RGBA8 pixel buffer, row by row from the top left: straight (not premultiplied) alpha,
/// except while a static layer is laid into it (see [`Raster::unpremultiply`]).
#[derive(Debug, Clone, Default)]
pub struct Raster {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
    /// The stamps of the last radius drawn.
    stamps: Option<DiscStamps>,
    /// The last discs drawn, in the order they were drawn (see [`Raster::discs_within`]).
    bands: Bands,
    /// The rectangle outside which every pixel is transparent: what [`Raster::clear`] clears
    /// and a frame's particle layer puts (see [`Raster::ink`]).
    ink: PixelRect,
}

/// Where a disc may be drawn, in the signed and unsigned forms [`Raster::stamp`] compares a
/// stamp's corner with (a buffer is far under 2^31 pixels a side).
#[derive(Debug, Clone, Copy)]
struct Clip {
    left: i32,
    top: i32,
    right: u32,
    bottom: u32,
}

impl From<PixelRect> for Clip {
    fn from(r: PixelRect) -> Self {
        Clip {
            left: r.left as i32,
            top: r.top as i32,
            right: r.right as u32,
            bottom: r.bottom as u32,
        }
    }
}

/// One channel `dst` with `color` laid over it at `weight` out of 256 (see
/// [`crate::disc_stamp::weight`]), rounded to the nearest level.
#[inline(always)]
fn blend(color: u16, dst: u8, weight: u16) -> u8 {
    ((color * weight + u16::from(dst) * (256 - weight) + 128) >> 8) as u8
}

/// Blends `color` (each channel widened to 16 bits) over one quad of pixels by the quad's
/// weights: alpha with 255 as its colour, so that it gains
/// `weight × (255 − dst) / 256`; where the weight is 0 the pixel is left as it was. In
/// WebAssembly SIMD, each channel's [`blend`] is worked out with one multiply instead of two:
/// `dst + ((color − dst) × weight + 128) >> 8`, which is the same number, in 16-bit lanes that
/// wrap. The true step lies in −255..=256 and the true result in 0..=255, so bits 8 to 15 of
/// the wrapped sum, added to `dst` modulo 256, give the result exactly (a test in
/// crates/flowlines-wasm/tests/web.rs compares each level with [`blend`]'s).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn blend_quad(dst: &mut [u8; QUAD_BYTES], weight: &[u16; QUAD_BYTES], color: &[u16; QUAD_BYTES]) {
    use core::arch::wasm32::{
        i16x8_add, i16x8_mul, i16x8_sub, i8x16_add, i8x16_shuffle, u16x8_extend_high_u8x16,
        u16x8_extend_low_u8x16, u16x8_splat, v128,
    };
    let d: v128 = bytemuck::cast(*dst);
    let [w_lo, w_hi]: [v128; 2] = bytemuck::cast(*weight);
    let [c_lo, c_hi]: [v128; 2] = bytemuck::cast(*color);
    let half = u16x8_splat(128);
    let lo = i16x8_add(
        i16x8_mul(i16x8_sub(c_lo, u16x8_extend_low_u8x16(d)), w_lo),
        half,
    );
    let hi = i16x8_add(
        i16x8_mul(i16x8_sub(c_hi, u16x8_extend_high_u8x16(d)), w_hi),
        half,
    );
    let steps = i8x16_shuffle::<1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31>(lo, hi);
    *dst = bytemuck::cast(i8x16_add(d, steps));
}

/// Blends `color` over one quad of pixels by the quad's weights, channel by channel with
/// [`blend`] (targets without WebAssembly SIMD; see the SIMD version above).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn blend_quad(dst: &mut [u8; QUAD_BYTES], weight: &[u16; QUAD_BYTES], color: &[u16; QUAD_BYTES]) {
    for i in 0..QUAD_BYTES {
        dst[i] = blend(color[i], dst[i], weight[i]);
    }
}

impl Raster {
    /// A transparent buffer of `width` by `height` device pixels.
    pub fn new(width: usize, height: usize) -> Self {
        Raster {
            width,
            height,
            rgba: vec![0; width * height * 4],
            stamps: None,
            bands: Bands::default(),
            ink: PixelRect::default(),
        }
    }

    /// Width in device pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in device pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixels, four bytes (red, green, blue, alpha) each.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The pixels, to write (anywhere: the whole buffer then counts as ink).
    pub fn rgba_mut(&mut self) -> &mut [u8] {
        self.ink = self.whole();
        &mut self.rgba
    }

    /// Every pixel of the buffer.
    pub fn whole(&self) -> PixelRect {
        PixelRect::whole(self.width, self.height)
    }

    /// The rectangle outside which every pixel is transparent: empty after [`Raster::clear`],
    /// grown by each call of [`Raster::discs_within`] to its rectangle, and the whole buffer
    /// once [`Raster::rgba_mut`] was called. A frame's particles need only it cleared and put.
    pub fn ink(&self) -> PixelRect {
        self.ink
    }

    /// Turns a layer built in premultiplied alpha (as [`crate::stroke_mask::StrokeMask`] lays
    /// masks) into the straight alpha `ImageData` holds, in the rows of [`Raster::ink`].
    pub fn unpremultiply(&mut self) {
        let rows = self.ink_rows();
        let row = 4 * self.width;
        if let Some(rgba) = self.rgba.get_mut(rows.start * row..rows.end * row) {
            crate::blend::unpremultiply(rgba);
        }
    }

    /// Makes every pixel transparent (writing only the rows of [`Raster::ink`]).
    pub fn clear(&mut self) {
        self.clear_rows(self.ink_rows());
        self.ink = PixelRect::default();
    }

    /// The rows of [`Raster::ink`], within the buffer.
    fn ink_rows(&self) -> Range<usize> {
        self.ink.top.min(self.height)..self.ink.bottom.min(self.height)
    }

    /// Draws a filled disc of `radius` device pixels centred at (`cx`, `cy`) in `color`
    /// (`0xRRGGBB`), blending its soft edge over what is there. The centre is rounded to
    /// 1/[`SUBPIXEL`] of a pixel (see [`DiscStamps`]); the stamps are made once per radius.
    ///
    /// [`SUBPIXEL`]: crate::disc_stamp::SUBPIXEL
    pub fn disc(&mut self, cx: f32, cy: f32, radius: f32, color: u32) {
        self.discs(radius, [(cx, cy, color)]);
    }

    /// Draws a disc of `radius` device pixels for each centre (x, y, device pixels) and colour
    /// (`0xRRGGBB`) of `discs`, as [`Raster::disc`] does one: the stamps are looked up once for
    /// them all, and the discs are drawn band by band of the raster's rows, top to bottom, in
    /// the order given within a band ([`crate::bands`]: the pixels being blended stay in the
    /// cache).
    pub fn discs<I>(&mut self, radius: f32, discs: I)
    where
        I: IntoIterator<Item = (f32, f32, u32)>,
        I::IntoIter: Clone,
    {
        self.discs_within(self.whole(), radius, discs);
    }

    /// Draws `discs` as [`Raster::discs`] does, cut to the pixels of `within` (what falls
    /// outside is not drawn), which then count as ink: a frame whose particles are known to
    /// lie within a rectangle clears and puts only that.
    pub fn discs_within<I>(&mut self, within: PixelRect, radius: f32, discs: I)
    where
        I: IntoIterator<Item = (f32, f32, u32)>,
        I::IntoIter: Clone,
    {
        self.draw_discs(within, radius, discs, 0..0);
    }

    /// Clears the raster ([`Raster::clear`]) and draws `discs` as [`Raster::discs_within`]
    /// does, to the same pixels, but clearing each band's rows just before its discs are drawn
    /// (and the rest of the last ink after them): a frame's particle layer is 3.4 MB at 1200 x
    /// 700, and the rows a band's discs blend are then still in the cache from their clearing.
    pub fn redraw_discs_within<I>(&mut self, within: PixelRect, radius: f32, discs: I)
    where
        I: IntoIterator<Item = (f32, f32, u32)>,
        I::IntoIter: Clone,
    {
        let stale = self.ink_rows();
        self.ink = PixelRect::default();
        self.draw_discs(within, radius, discs, stale);
    }

    /// Makes rows `rows` transparent.
    fn clear_rows(&mut self, rows: Range<usize>) {
        let row = self.width * 4;
        if let Some(pixels) = self.rgba.get_mut(rows.start * row..rows.end * row) {
            pixels.fill(0);
        }
    }

    /// Draws `discs` band by band (see [`Raster::discs_within`]), first clearing the rows of
    /// `stale` each band's discs may reach (all of them by the end).
    fn draw_discs<I>(&mut self, within: PixelRect, radius: f32, discs: I, stale: Range<usize>)
    where
        I: IntoIterator<Item = (f32, f32, u32)>,
        I::IntoIter: Clone,
    {
        let mut stale = stale;
        let within = within.intersection(self.whole());
        self.ink = self.ink.union(within);
        let clip = Clip::from(within);
        let mut stamps = match self.stamps.take() {
            Some(s) if s.radius() == radius => s,
            _ => DiscStamps::new(radius),
        };
        if stamps.row_bytes() != self.width * 4 {
            stamps.set_row_bytes(self.width * 4);
        }
        let reach = stamps.rows();
        let mut bands = std::mem::take(&mut self.bands);
        bands.sort(self.height, discs.into_iter());
        for (band, discs) in bands.by_band() {
            // The rows down to this band's end, and as far again as a stamp is high, hold
            // every pixel its discs and those before them may reach.
            let until = ((band + 1) * BAND_ROWS)
                .saturating_add(reach)
                .min(stale.end);
            if stale.start < until {
                self.clear_rows(stale.start..until);
                stale.start = until;
            }
            for &(cx, cy, color) in discs {
                self.stamp(&stamps, clip, cx, cy, color);
            }
        }
        self.clear_rows(stale);
        self.bands = bands;
        self.stamps = Some(stamps);
    }

    /// Draws the disc of `stamps` centred at (`cx`, `cy`) device pixels in `color` (`0xRRGGBB`),
    /// cut to `clip` (which must lie within the buffer). The stamps' quads must have their
    /// offsets for this buffer's rows ([`DiscStamps::set_row_bytes`]), as
    /// [`Raster::discs_within`] sees to; with others the disc is drawn pixel by pixel.
    /// Inlined into its one caller, [`Raster::discs_within`]'s loop (a frame's particles): the
    /// build's wasm-opt no longer inlines functions with one caller (tools/build-wasm.sh).
    #[inline(always)]
    fn stamp(&mut self, stamps: &DiscStamps, clip: Clip, cx: f32, cy: f32, color: u32) {
        let Some(p) = stamps.place(cx, cy) else {
            return;
        };
        let rgba: [u16; 4] =
            [(color >> 16) & 255, (color >> 8) & 255, color & 255, 255].map(|c| c as u16);
        let (rows, runs) = (stamps.rows(), stamps.runs());
        let (left, top) = (i64::from(p.left), i64::from(p.top));
        // Wholly inside, in 32-bit arithmetic (a buffer is far under 2^31 pixels a side).
        let fits = p.left >= clip.left
            && p.top >= clip.top
            && (p.left as u32 + (runs * RUN_PX) as u32) <= clip.right
            && (p.top as u32 + rows as u32) <= clip.bottom;
        if fits && stamps.row_bytes() == self.width * 4 {
            // Wholly inside: the stamp's quads, no clipping.
            let color_quad: [u16; QUAD_BYTES] = std::array::from_fn(|i| rgba[i % 4]);
            let base = (top as usize * self.width + left as usize) * 4;
            let window = self.rgba.get_mut(base..).unwrap_or_default();
            for q in stamps.quads(p.stamp) {
                if let Some(d) = window
                    .get_mut(q.offset as usize..)
                    .and_then(<[u8]>::first_chunk_mut::<QUAD_BYTES>)
                {
                    blend_quad(d, &q.weight, &color_quad);
                }
            }
            return;
        }
        // Across an edge: pixel by pixel, only those inside.
        let (x0, y0) = (i64::from(clip.left), i64::from(clip.top));
        let (x1, y1) = (i64::from(clip.right), i64::from(clip.bottom));
        for row in 0..rows {
            let y = top + row as i64;
            if y < y0 || y >= y1 {
                continue;
            }
            let cover = stamps.row(p.stamp, row);
            for col in 0..runs * RUN_PX {
                let x = left + col as i64;
                if x < x0 || x >= x1 {
                    continue;
                }
                let w = weight(cover[col * 4]);
                let i = (y as usize * self.width + x as usize) * 4;
                for (d, &c) in self.rgba[i..i + 4].iter_mut().zip(&rgba) {
                    *d = blend(c, *d, w);
                }
            }
        }
    }

    /// The colour and alpha at pixel (`x`, `y`), if it is inside the buffer.
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 4;
        Some([
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disc_colours_its_centre_and_leaves_far_pixels_transparent() {
        let mut r = Raster::new(20, 10);
        r.disc(5.0, 5.0, 2.0, 0xD55E00);
        assert_eq!(r.pixel(4, 4), Some([0xD5, 0x5E, 0x00, 255]));
        assert_eq!(r.pixel(15, 5), Some([0, 0, 0, 0]));
        r.clear();
        assert_eq!(r.pixel(4, 4), Some([0, 0, 0, 0]));
    }

    /// The rasteriser this module had before stamps: coverage from a square root per pixel
    /// at the exact centre, blended in floats' stead with a division per channel.
    fn reference_disc(r: &mut Raster, cx: f32, cy: f32, radius: f32, color: u32) {
        let (cr, cg, cb) = ((color >> 16) as u8, (color >> 8) as u8, color as u8);
        let x0 = (cx - radius - 1.0).floor().max(0.0) as usize;
        let y0 = (cy - radius - 1.0).floor().max(0.0) as usize;
        let x1 = ((cx + radius + 1.0).ceil() as isize).min(r.width as isize);
        let y1 = ((cy + radius + 1.0).ceil() as isize).min(r.height as isize);
        if x1 <= 0 || y1 <= 0 {
            return;
        }
        for y in y0..y1 as usize {
            let dy = y as f32 + 0.5 - cy;
            for x in x0..x1 as usize {
                let dx = x as f32 + 0.5 - cx;
                let d = (dx * dx + dy * dy).sqrt();
                let cover = (radius + 0.5 - d).clamp(0.0, 1.0);
                if cover <= 0.0 {
                    continue;
                }
                let i = (y * r.width + x) * 4;
                let a = (cover * 255.0) as u16;
                let px = &mut r.rgba[i..i + 4];
                let keep = 255 - a;
                px[0] = ((u16::from(cr) * a + u16::from(px[0]) * keep) / 255) as u8;
                px[1] = ((u16::from(cg) * a + u16::from(px[1]) * keep) / 255) as u8;
                px[2] = ((u16::from(cb) * a + u16::from(px[2]) * keep) / 255) as u8;
                px[3] = (a + u16::from(px[3]) * keep / 255).min(255) as u8;
            }
        }
    }

    #[test]
    fn stamped_discs_look_like_the_discs_drawn_exactly() {
        // Overlapping discs of several colours and radii, at awkward sub-pixel positions,
        // some across the edges: every channel of every pixel within 18 of 255 of the old
        // rasteriser (16 for rounding a disc's centre to 1/8 px, the rest where discs overlap).
        let discs = [
            (10.3, 7.7, 2.5, 0xD55E00),
            (12.1, 8.9, 2.5, 0x0072B2),
            (11.45, 6.05, 2.5, 0x009E73),
            (30.97, 20.02, 5.0, 0xCC79A7),
            (33.5, 22.5, 5.0, 0xE69F00),
            (0.6, 1.2, 2.5, 0x56B4E9),
            (47.9, 28.8, 2.5, 0x000000),
            (25.26, 3.13, 1.25, 0xF0E442),
        ];
        let (mut new, mut old) = (Raster::new(48, 30), Raster::new(48, 30));
        for (x, y, radius, color) in discs {
            new.disc(x, y, radius, color);
            reference_disc(&mut old, x, y, radius, color);
        }
        let worst = new
            .rgba()
            .iter()
            .zip(old.rgba())
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(
            worst.is_some_and(|d| d <= 18),
            "largest difference {worst:?}"
        );
        assert!(new.rgba().iter().filter(|&&v| v > 0).count() > 500);
    }

    /// The rasteriser this module had before quads (2 December 2026): every row of a disc's
    /// stamp blended whole, 8 pixels at a time, covered or not; across an edge pixel by pixel.
    /// Its centre rounded as the stamps now round it ([`DiscStamps::place`]: to 1/`SUBPIXEL`
    /// px, halves to even; it rounded them away from zero, a call to libm's `roundf` where
    /// `f32.nearest` is one instruction: frames 8 to 15 % quicker, a disc exactly halfway
    /// drawn one step to the other side).
    fn previous_disc(r: &mut Raster, stamps: &DiscStamps, cx: f32, cy: f32, color: u32) {
        let Some(p) = stamps.place(cx, cy) else {
            return;
        };
        let rgba = [(color >> 16) as u8, (color >> 8) as u8, color as u8, 255];
        let (rows, runs) = (stamps.rows(), stamps.runs());
        let (w, h) = (r.width as i64, r.height as i64);
        let (left, top, stamp) = (i64::from(p.left), i64::from(p.top), p.stamp);
        for row in 0..rows {
            let y = top + row as i64;
            let cover = stamps.row(stamp, row);
            for col in 0..runs * RUN_PX {
                let x = left + col as i64;
                if x < 0 || x >= w || y < 0 || y >= h {
                    continue;
                }
                let a = u16::from(cover[col * 4]);
                let i = (y as usize * r.width + x as usize) * 4;
                for (d, &c) in r.rgba[i..i + 4].iter_mut().zip(&rgba) {
                    *d = ((u16::from(c) * a + u16::from(*d) * (255 - a)) / 255) as u8;
                }
            }
        }
    }

    /// A reproducible source of numbers from 0 to 1 (xorshift32 from `seed`).
    fn xorshift(mut seed: u32) -> impl FnMut() -> f32 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as f32 / u32::MAX as f32
        }
    }

    #[test]
    fn a_crowded_frame_is_within_four_levels_of_the_previous_rasteriser_which_divided_by_255() {
        // Thousands of overlapping discs of the map's colours at pseudo-random sub-pixel
        // centres, a tenth across or beyond the edges, at the radii of device pixel ratios 1,
        // 2 and 0.5: every byte within 4 levels of 255, where dozens of discs pile up on one
        // pixel (each blend weighs the colour out of 256 and rounds, where the old one divided
        // by 255 and rounded down; the quads skip only pixels of coverage 0).
        let colors = [
            0xD55E00, 0x0072B2, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000,
        ];
        let mut next = xorshift(0x2545_F491_u32);
        for radius in [2.5, 5.0, 1.25] {
            let (w, h) = (160, 90);
            let (mut new, mut old) = (Raster::new(w, h), Raster::new(w, h));
            let stamps = DiscStamps::new(radius);
            let discs: Vec<(f32, f32, u32)> = (0..4000)
                .map(|i| {
                    let x = next() * (w as f32 + 16.0) - 8.0;
                    let y = next() * (h as f32 + 16.0) - 8.0;
                    (x, y, colors[i % colors.len()])
                })
                .collect();
            new.discs(radius, discs.iter().copied());
            // The previous rasteriser drew in the order given; the same order as the new one
            // draws (band by band, `crate::bands`), so that only the arithmetic differs.
            let mut banded = discs.clone();
            banded.sort_by_key(|d| ((d.1 / BAND_ROWS as f32) as usize).min((h - 1) / BAND_ROWS));
            for &(x, y, color) in &banded {
                previous_disc(&mut old, &stamps, x, y, color);
            }
            let diffs: Vec<u8> = new
                .rgba()
                .iter()
                .zip(old.rgba())
                .map(|(a, b)| a.abs_diff(*b))
                .collect();
            let worst = diffs.iter().max().copied().unwrap_or(0);
            let differ = diffs.iter().filter(|&&d| d > 0).count();
            assert!(
                worst <= 4,
                "r={radius}: {differ} bytes differ, by up to {worst}"
            );
            assert!(
                new.rgba().iter().filter(|&&v| v > 0).count() > w * h * 2,
                "r={radius}"
            );
        }
    }

    #[test]
    fn a_redrawn_frame_has_the_pixels_of_a_frame_drawn_on_a_cleared_raster() {
        // Frames of discs anywhere, some off the raster or not numbers, each over the last
        // frame's: clearing band by band while drawing leaves what clearing first would.
        let mut next = xorshift(0x9E37_79B9_u32);
        let (w, h) = (120, 97);
        let (mut redrawn, mut cleared) = (Raster::new(w, h), Raster::new(w, h));
        for frame in 0..6 {
            let within = match frame % 3 {
                0 => redrawn.whole(),
                1 => PixelRect::around((20.0, 30.0), (90.0, 60.0), 4.0, (w, h)),
                _ => PixelRect::around((0.0, 50.0), (120.0, 97.0), 4.0, (w, h)),
            };
            let mut discs: Vec<(f32, f32, u32)> = (0..300)
                .map(|i| {
                    let x = next() * (w as f32 + 20.0) - 10.0;
                    let y = next() * (h as f32 + 20.0) - 10.0;
                    (x, y, [0xD55E00, 0x0072B2, 0x009E73][i % 3])
                })
                .collect();
            discs.push((50.0, f32::NAN, 0xFFFFFF));
            discs.push((50.0, 1.0e9, 0xFFFFFF));
            let radius = [2.5, 5.0][frame % 2];
            redrawn.redraw_discs_within(within, radius, discs.iter().copied());
            cleared.clear();
            cleared.discs_within(within, radius, discs.iter().copied());
            assert!(redrawn.rgba() == cleared.rgba(), "frame {frame}");
            assert_eq!(redrawn.ink(), cleared.ink(), "frame {frame}");
        }
    }

    #[test]
    fn a_disc_across_an_edge_is_drawn_as_it_would_be_inside() {
        // The same disc drawn whole in a wide buffer and clipped in a narrow one agree on the
        // pixels both hold.
        let (mut wide, mut narrow) = (Raster::new(40, 12), Raster::new(12, 12));
        wide.disc(9.3, 5.6, 2.5, 0x0072B2);
        narrow.disc(9.3, 5.6, 2.5, 0x0072B2);
        for y in 0..12 {
            for x in 0..12 {
                assert_eq!(wide.pixel(x, y), narrow.pixel(x, y), "({x}, {y})");
            }
        }
    }

    #[test]
    fn a_disc_off_the_edge_draws_only_what_is_inside() {
        let mut r = Raster::new(4, 4);
        r.disc(-10.0, -10.0, 3.0, 0xFFFFFF);
        r.disc(3.9, 3.9, 2.0, 0xFFFFFF);
        assert_eq!(r.pixel(3, 3).map(|p| p[3]), Some(255));
        assert_eq!(r.pixel(0, 0), Some([0, 0, 0, 0]));
    }
}
