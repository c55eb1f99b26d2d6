//! One colour laid over pixels through a coverage mask: source over, in straight (not
//! premultiplied) alpha, as [`crate::stroke_mask::StrokeMask::composite`] lays each layer of a
//! dense map's static layer. Four pixels at a time in WebAssembly SIMD, one at a time elsewhere,
//! to the same levels.

/// The colour and opacity one layer is laid in.
#[derive(Clone, Copy)]
pub(crate) struct Ink {
    /// Red, green and blue, 0..=255.
    pub(crate) rgb: [u8; 3],
    /// The layer's opacity divided by 255: a coverage of `m` lays the colour at `m * per_level`.
    pub(crate) per_level: f32,
}

impl Ink {
    /// `color` (`0xRRGGBB`) at `opacity`, or `None` where that lays nothing (0, or not a
    /// number).
    pub(crate) fn new(color: u32, opacity: f32) -> Option<Ink> {
        let per_level = opacity.clamp(0.0, 1.0) / 255.0;
        if per_level.is_nan() || per_level <= 0.0 {
            return None;
        }
        Some(Ink {
            rgb: [(color >> 16) as u8, (color >> 8) as u8, color as u8],
            per_level,
        })
    }

    /// Lays the colour over pixel `px` (RGBA) under coverage `m`: a transparent pixel takes
    /// the colour as it is and the blend's alpha (no division); a painted one gets the blend,
    /// each channel rounded half up.
    #[inline(always)]
    pub(crate) fn over_one(&self, m: u8, px: &mut [u8]) {
        if m == 0 || px.len() < 4 {
            return;
        }
        if px[3] == 0 {
            px[..3].copy_from_slice(&self.rgb);
            px[3] = over_transparent(m, self.per_level);
            return;
        }
        let sa = f32::from(m) * self.per_level;
        let da = f32::from(px[3]) / 255.0;
        let keep = da * (1.0 - sa);
        let out = sa + keep;
        for (p, &c) in px[..3].iter_mut().zip(&self.rgb) {
            *p = ((f32::from(c) * sa + f32::from(*p) * keep) / out + 0.5) as u8;
        }
        px[3] = (out * 255.0 + 0.5) as u8;
    }

    /// Lays the colour over the four pixels `px` (RGBA, 16 bytes) under the coverages
    /// `cover`, in WebAssembly SIMD: each channel of the four in one lane of four, with the
    /// blend's arithmetic in [`Ink::over_one`]'s order, so each level is the same. A pixel
    /// transparent before comes out of the blend's formula with the colour as it is and the
    /// table's alpha (its `keep` is 0, and `src * sa / sa` rounds back to `src`), so no lane
    /// needs its own path; a pixel under no cover keeps what it had.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline(always)]
    pub(crate) fn over_four(&self, cover: [u8; 4], px: &mut [u8; 16]) {
        use core::arch::wasm32::{
            f32x4_add, f32x4_convert_u32x4, f32x4_div, f32x4_mul, f32x4_splat, f32x4_sub,
            i16x8_narrow_i32x4, i32x4_shl, i32x4_trunc_sat_f32x4, i8x16_shuffle, u32x4, u32x4_eq,
            u32x4_shr, u32x4_splat, u8x16_narrow_i16x8, v128, v128_any_true, v128_bitselect,
            v128_or,
        };
        let old: v128 = bytemuck::cast(*px);
        let zero = u32x4(0, 0, 0, 0);
        let levels = u32x4(
            u32::from(cover[0]),
            u32::from(cover[1]),
            u32::from(cover[2]),
            u32::from(cover[3]),
        );
        let sa = f32x4_mul(f32x4_convert_u32x4(levels), f32x4_splat(self.per_level));
        let half = f32x4_splat(0.5);
        // Four transparent pixels (most of a fresh layer's): each covered one takes the colour
        // as it is and the alpha the blend below would give it (`sa · 255`, rounded), without
        // the blend's four divisions; the same bytes (the tests of `lay_span` hold them to it).
        if !v128_any_true(u32x4_shr(old, 24)) {
            let alpha = i32x4_trunc_sat_f32x4(f32x4_add(f32x4_mul(sa, f32x4_splat(255.0)), half));
            let [r, g, b] = self.rgb;
            let new = v128_or(
                u32x4_splat(u32::from_le_bytes([r, g, b, 0])),
                i32x4_shl(alpha, 24),
            );
            *px = bytemuck::cast(v128_bitselect(old, new, u32x4_eq(levels, zero)));
            return;
        }
        // Channel `C` of each of the four pixels, as a number.
        macro_rules! channel {
            ($c:literal) => {
                f32x4_convert_u32x4(i8x16_shuffle::<
                    $c,
                    16,
                    16,
                    16,
                    { $c + 4 },
                    16,
                    16,
                    16,
                    { $c + 8 },
                    16,
                    16,
                    16,
                    { $c + 12 },
                    16,
                    16,
                    16,
                >(old, zero))
            };
        }
        let da = f32x4_div(channel!(3), f32x4_splat(255.0));
        let keep = f32x4_mul(da, f32x4_sub(f32x4_splat(1.0), sa));
        let out = f32x4_add(sa, keep);
        let blend = |src: u8, ch: v128| {
            let mixed = f32x4_add(
                f32x4_mul(f32x4_splat(f32::from(src)), sa),
                f32x4_mul(ch, keep),
            );
            i32x4_trunc_sat_f32x4(f32x4_add(f32x4_div(mixed, out), half))
        };
        let r = blend(self.rgb[0], channel!(0));
        let g = blend(self.rgb[1], channel!(1));
        let b = blend(self.rgb[2], channel!(2));
        let a = i32x4_trunc_sat_f32x4(f32x4_add(f32x4_mul(out, f32x4_splat(255.0)), half));
        // Bytes r0 r1 r2 r3 g0 .. a3, then back to r0 g0 b0 a0 r1 ..
        let planes = u8x16_narrow_i16x8(i16x8_narrow_i32x4(r, g), i16x8_narrow_i32x4(b, a));
        let new =
            i8x16_shuffle::<0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15>(planes, planes);
        // A pixel under no cover keeps its four bytes.
        *px = bytemuck::cast(v128_bitselect(old, new, u32x4_eq(levels, zero)));
    }

    /// Lays the colour over the four pixels `px` under the coverages `cover`, one at a time
    /// (targets without WebAssembly SIMD; see the SIMD version above).
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline(always)]
    pub(crate) fn over_four(&self, cover: [u8; 4], px: &mut [u8; 16]) {
        for (&m, px) in cover.iter().zip(px.chunks_exact_mut(4)) {
            self.over_one(m, px);
        }
    }
}

/// Lays `ink` over the pixels `px` (RGBA) under the coverages `cells`, four at a time where
/// any of the four is covered. Kept out of line: the one copy of the blend both ways of laying
/// a mask share.
#[inline(never)]
pub(crate) fn lay_span(ink: &Ink, cells: &[u8], px: &mut [u8]) {
    let mut fours = cells.chunks_exact(4);
    let mut quads = px.chunks_exact_mut(16);
    for (four, quad) in (&mut fours).zip(&mut quads) {
        if let (Ok(four), Ok(quad)) = (<[u8; 4]>::try_from(four), <&mut [u8; 16]>::try_from(quad)) {
            if four != [0; 4] {
                ink.over_four(four, quad);
            }
        }
    }
    for (&m, p) in fours
        .remainder()
        .iter()
        .zip(quads.into_remainder().chunks_exact_mut(4))
    {
        ink.over_one(m, p);
    }
}

/// The alpha a transparent pixel takes under coverage `m` at `per_level` (the opacity over
/// 255): the source-over blend's `sa + 0`, written as [`Ink::over_one`] writes it.
fn over_transparent(m: u8, per_level: f32) -> u8 {
    (f32::from(m) * per_level * 255.0 + 0.5) as u8
}
