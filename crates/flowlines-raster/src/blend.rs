//! One colour laid over pixels through a coverage mask: source over, in premultiplied alpha
//! and integers, as [`crate::stroke_mask::StrokeMask::composite`] lays each layer of a map's
//! static layer, four pixels at a time in WebAssembly SIMD and one at a time elsewhere, to the
//! same levels. A layer is built premultiplied (each channel already multiplied by its alpha,
//! so that laying over needs no division) and turned into the straight alpha `ImageData` wants
//! once, when it is done ([`unpremultiply`](crate::blend::unpremultiply)).
//!
//! Every product is divided by 255 rounded to the nearest level ([`div255`](crate::blend::div255)),
//! so a pixel under no cover keeps its bytes and one under full cover of an opaque colour takes it
//! exactly.

/// `x / 255` rounded to the nearest whole number, for `x` in `0..=65_025` (a product of two
/// levels): `(x + 128 + ((x + 128) >> 8)) >> 8`, exact over that range without a division.
#[inline(always)]
pub(crate) fn div255(x: u32) -> u32 {
    let y = x + 128;
    (y + (y >> 8)) >> 8
}

/// The colour and opacity one layer is laid in.
#[derive(Clone, Copy)]
pub(crate) struct Ink {
    /// Red, green and blue, 0..=255, and 255 for alpha: what a fully covered pixel becomes
    /// before the layer's opacity.
    rgba: [u16; 4],
    /// The layer's opacity in levels (1..=255): coverage `m` lays alpha `m · level / 255`,
    /// rounded.
    level: u16,
}

impl Ink {
    /// `color` (`0xRRGGBB`) at `opacity`, or `None` where that lays nothing (under half a
    /// level, or not a number).
    pub(crate) fn new(color: u32, opacity: f32) -> Option<Ink> {
        let level = (opacity.clamp(0.0, 1.0) * 255.0).round();
        if level.is_nan() || level < 1.0 {
            return None;
        }
        let [_, r, g, b] = color.to_be_bytes();
        Some(Ink {
            rgba: [r, g, b, 255].map(u16::from),
            level: level as u16,
        })
    }

    /// The alpha coverage `m` lays: `m` times the opacity, rounded.
    #[inline(always)]
    fn alpha(&self, m: u8) -> u32 {
        div255(u32::from(m) * u32::from(self.level))
    }

    /// Lays the colour over pixel `px` (premultiplied RGBA) under coverage `m`: each channel
    /// becomes `colour · a / 255 + channel · (255 − a) / 255`, each quotient rounded, where `a`
    /// is [`Ink::alpha`] (the colour of alpha is 255).
    #[inline(always)]
    pub(crate) fn over_one(&self, m: u8, px: &mut [u8]) {
        let a = self.alpha(m);
        if a == 0 || px.len() < 4 {
            return;
        }
        for (p, &c) in px[..4].iter_mut().zip(&self.rgba) {
            *p = (div255(u32::from(c) * a) + div255(u32::from(*p) * (255 - a))) as u8;
        }
    }

    /// Lays the colour over the four pixels `px` (premultiplied RGBA, 16 bytes) under the
    /// coverages `cover`, in WebAssembly SIMD: two pixels' eight channels to a register of
    /// 16-bit lanes, with [`Ink::over_one`]'s arithmetic, so each level is the same (every
    /// product and sum fits in 16 bits: at most 65_407).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline(always)]
    pub(crate) fn over_four(&self, cover: [u8; 4], px: &mut [u8; 16]) {
        use core::arch::wasm32::{
            i16x8_add, i16x8_mul, i16x8_sub, i8x16_shuffle, u16x8, u16x8_extend_high_u8x16,
            u16x8_extend_low_u8x16, u16x8_shr, u16x8_splat, u32x4_splat, u8x16_narrow_i16x8, v128,
        };
        let old: v128 = bytemuck::cast(*px);
        let levels = u32x4_splat(u32::from_le_bytes(cover));
        let zero = u16x8_splat(0);
        // Each pixel's coverage in the four lanes of its channels.
        let m_lo =
            i8x16_shuffle::<0, 16, 0, 16, 0, 16, 0, 16, 1, 16, 1, 16, 1, 16, 1, 16>(levels, zero);
        let m_hi =
            i8x16_shuffle::<2, 16, 2, 16, 2, 16, 2, 16, 3, 16, 3, 16, 3, 16, 3, 16>(levels, zero);
        let [r, g, b, a] = self.rgba;
        let colour = u16x8(r, g, b, a, r, g, b, a);
        let (level, half, full) = (u16x8_splat(self.level), u16x8_splat(128), u16x8_splat(255));
        let div255 = |x: v128| {
            let y = i16x8_add(x, half);
            u16x8_shr(i16x8_add(y, u16x8_shr(y, 8)), 8)
        };
        let over = |m: v128, dst: v128| {
            let alpha = div255(i16x8_mul(m, level));
            let kept = div255(i16x8_mul(dst, i16x8_sub(full, alpha)));
            i16x8_add(div255(i16x8_mul(colour, alpha)), kept)
        };
        let lo = over(m_lo, u16x8_extend_low_u8x16(old));
        let hi = over(m_hi, u16x8_extend_high_u8x16(old));
        *px = bytemuck::cast(u8x16_narrow_i16x8(lo, hi));
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

/// Lays `ink` over the pixels `px` (premultiplied RGBA) under the coverages `cells`, four at a
/// time where any of the four is covered. Kept out of line: the one copy of the blend both
/// ways of laying a mask share.
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

/// Turns premultiplied RGBA pixels into straight alpha, as `ImageData` holds them: each
/// channel of a pixel of alpha `a` becomes `channel · 255 / a`, rounded half up, at most 255
/// (in `f32`, exactly: the product is a whole number under 2^24, and the quotient, correctly
/// rounded, is a half exactly when it should be and at least 1/508 from one otherwise).
/// Transparent and opaque pixels keep their bytes. Four pixels at a time in WebAssembly SIMD,
/// four passed over at once where none is partly transparent (most of a map's layer).
pub(crate) fn unpremultiply(rgba: &mut [u8]) {
    let mut quads = rgba.chunks_exact_mut(16);
    for quad in &mut quads {
        if let Ok(quad) = <&mut [u8; 16]>::try_from(quad) {
            straighten_four(quad);
        }
    }
    quads
        .into_remainder()
        .chunks_exact_mut(4)
        .for_each(straighten_one);
}

/// One pixel of [`unpremultiply`].
#[inline(always)]
fn straighten_one(px: &mut [u8]) {
    let a = px[3];
    if a == 0 || a == 255 {
        return;
    }
    let a = f32::from(a);
    for c in &mut px[..3] {
        *c = (f32::from(*c) * 255.0 / a + 0.5).min(255.0) as u8;
    }
}

/// Four pixels of [`unpremultiply`], in WebAssembly SIMD.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn straighten_four(px: &mut [u8; 16]) {
    use core::arch::wasm32::{
        f32x4_add, f32x4_convert_u32x4, f32x4_div, f32x4_min, f32x4_mul, f32x4_splat, i32x4_shl,
        i32x4_trunc_sat_f32x4, u32x4_eq, u32x4_ne, u32x4_shr, u32x4_splat, v128, v128_and,
        v128_andnot, v128_any_true, v128_bitselect, v128_or,
    };
    let old: v128 = bytemuck::cast(*px);
    let alpha = u32x4_shr(old, 24);
    let partial = v128_andnot(
        u32x4_ne(alpha, u32x4_splat(0)),
        u32x4_eq(alpha, u32x4_splat(255)),
    );
    if !v128_any_true(partial) {
        return;
    }
    let a = f32x4_convert_u32x4(alpha);
    let byte = u32x4_splat(0xFF);
    let straight = |shift: u32| {
        let c = f32x4_convert_u32x4(v128_and(u32x4_shr(old, shift), byte));
        let c = f32x4_div(f32x4_mul(c, f32x4_splat(255.0)), a);
        let c = f32x4_min(f32x4_add(c, f32x4_splat(0.5)), f32x4_splat(255.0));
        i32x4_shl(i32x4_trunc_sat_f32x4(c), shift)
    };
    let new = v128_or(
        v128_or(straight(0), straight(8)),
        v128_or(straight(16), i32x4_shl(alpha, 24)),
    );
    *px = bytemuck::cast(v128_bitselect(new, old, partial));
}

/// Four pixels of [`unpremultiply`], one at a time (targets without WebAssembly SIMD).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn straighten_four(px: &mut [u8; 16]) {
    px.chunks_exact_mut(4).for_each(straighten_one);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dividing_by_255_rounds_to_the_nearest_level_over_every_product_of_two_levels() {
        for x in 0..=255 * 255 {
            assert_eq!(div255(x), (x + 127) / 255, "{x}");
        }
    }

    #[test]
    fn no_cover_keeps_a_pixel_and_full_cover_of_an_opaque_colour_replaces_it() {
        let ink = Ink::new(0xD55E00, 1.0).unwrap();
        let mut px = [10, 20, 30, 40];
        ink.over_one(0, &mut px);
        assert_eq!(px, [10, 20, 30, 40]);
        ink.over_one(255, &mut px);
        assert_eq!(px, [0xD5, 0x5E, 0x00, 255]);
        assert!(Ink::new(0xD55E00, 0.0).is_none() && Ink::new(0xD55E00, f32::NAN).is_none());
    }

    #[test]
    fn a_layer_built_premultiplied_and_made_straight_is_within_two_levels_of_the_straight_blend() {
        // Source over in straight alpha in floats, each channel rounded: the blend before.
        let straight = |px: [u8; 4], rgb: [u8; 3], m: u8, opacity: f32| {
            let sa = f32::from(m) * opacity / 255.0;
            let keep = f32::from(px[3]) / 255.0 * (1.0 - sa);
            let out = sa + keep;
            let mut got = px;
            for ch in 0..3 {
                let mixed = f32::from(rgb[ch]) * sa + f32::from(px[ch]) * keep;
                got[ch] = if out > 0.0 {
                    (mixed / out).round() as u8
                } else {
                    0
                };
            }
            got[3] = (out * 255.0).round() as u8;
            got
        };
        // Two layers over a transparent pixel, every pair of coverages, at the map's opacities.
        for (first, second, opacity) in [
            (0xD55E00, 0x0072B2, 0.5),
            (0x8C8C8C, 0xCC79A7, 0.45),
            (0xFFFFFF, 0x1A1A1A, 0.9),
        ] {
            let (a, b) = (
                Ink::new(first, opacity).unwrap(),
                Ink::new(second, opacity).unwrap(),
            );
            let rgb = |c: u32| [(c >> 16) as u8, (c >> 8) as u8, c as u8];
            for m in (0..=255u8).step_by(3) {
                for n in (0..=255u8).step_by(5) {
                    let mut px = [0u8; 4];
                    a.over_one(m, &mut px);
                    b.over_one(n, &mut px);
                    unpremultiply(&mut px);
                    let want = straight(
                        straight([0; 4], rgb(first), m, opacity),
                        rgb(second),
                        n,
                        opacity,
                    );
                    // A channel is only as precise as its alpha lets a premultiplied level
                    // be: over an opaque background, what a reader sees, each channel lands
                    // within two levels of the straight blend's (its difference times alpha).
                    // Alpha within two levels (the opacity is taken to a level, as a canvas
                    // takes its global alpha, and each layer's alpha is rounded).
                    assert!(
                        px[3].abs_diff(want[3]) <= 2,
                        "{m} then {n}: {px:?} against {want:?}"
                    );
                    for ch in 0..3 {
                        let seen = u32::from(px[ch].abs_diff(want[ch])) * u32::from(want[3]);
                        assert!(seen <= 2 * 255, "{m} then {n}: {px:?} against {want:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn unpremultiplying_divides_each_channel_by_its_alpha_and_leaves_the_ends_alone() {
        for a in 1..=254u32 {
            for c in 0..=a {
                let mut px = [c as u8, 0, 0, a as u8];
                unpremultiply(&mut px);
                assert_eq!(u32::from(px[0]), (c * 255 + a / 2) / a, "{c} at {a}");
            }
        }
        let mut ends = [0, 0, 0, 0, 7, 8, 9, 255];
        unpremultiply(&mut ends);
        assert_eq!(ends, [0, 0, 0, 0, 7, 8, 9, 255]);
    }
}
