//! Sine and cosine for the map's angles, without the reduction of huge arguments.
//!
//! In WebAssembly `f64::sin` and `f64::cos` are the `libm` port of musl that Rust's
//! `compiler_builtins` carries. Their argument reduction holds a path for |x| of 2^20·π/2 and more
//! (Payne–Hanek, `rem_pio2_large`, with its table of 2/π): 6 KB of the map module (2.5 KB gzipped)
//! for arguments the map never has (its angles are latitudes, longitudes and arcs of a few turns at
//! most). Here are the same functions, operation for operation, without it: below 2^20·π/2 the
//! results are musl's bit for bit (tested against the `libm` crate), so the page draws exactly what
//! it drew before. Natively, where the platform's own functions cost nothing in size,
//! [`sin`](crate::trig::sin) and [`cos`](crate::trig::cos) are `f64::sin` and `f64::cos`.

/// sin `x` (radians). See the module's doc.
#[inline]
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return musl_sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.sin()
}

/// cos `x` (radians). See the module's doc.
#[inline]
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return musl_cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.cos()
}

/// (sin `x`, cos `x`), as `f64::sin_cos` gives them (which is the two calls).
#[inline]
pub fn sin_cos(x: f64) -> (f64, f64) {
    (sin(x), cos(x))
}

/// musl's `sin` for |x| below 2^20·π/2 (about 1.6 million radians); not a number beyond,
/// where no angle of a map lies.
pub fn musl_sin(x: f64) -> f64 {
    let ix = high_word(x);
    if ix <= 0x3fe921fb {
        // |x| within π/4; below 2^-26, sin x is x.
        return if ix < 0x3e500000 { x } else { k_sin(x, 0.0, 0) };
    }
    if ix >= 0x7ff00000 {
        return f64::NAN; // for infinity and NaN
    }
    let (n, y0, y1) = rem_pio2(x);
    match n & 3 {
        0 => k_sin(y0, y1, 1),
        1 => k_cos(y0, y1),
        2 => -k_sin(y0, y1, 1),
        _ => -k_cos(y0, y1),
    }
}

/// musl's `cos` for |x| below 2^20·π/2; not a number beyond (see [`musl_sin`]).
pub fn musl_cos(x: f64) -> f64 {
    let ix = high_word(x);
    if ix <= 0x3fe921fb {
        // |x| within π/4; below 2^-27·√2, cos x is 1.
        return if ix < 0x3e46a09e { 1.0 } else { k_cos(x, 0.0) };
    }
    if ix >= 0x7ff00000 {
        return f64::NAN;
    }
    let (n, y0, y1) = rem_pio2(x);
    match n & 3 {
        0 => k_cos(y0, y1),
        1 => -k_sin(y0, y1, 1),
        2 => -k_cos(y0, y1),
        _ => k_sin(y0, y1, 1),
    }
}

/// The high 32 bits of `x` without its sign: its exponent and top 20 bits of mantissa.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32 & 0x7fffffff
}

/// π/2 in three parts of 33 bits each, and the rest after each, and 2/π (musl's `__rem_pio2`;
/// every constant here is given by its bits, as musl's comments give them).
const PIO2_1: f64 = f64::from_bits(0x3FF921FB_54400000);
const PIO2_1T: f64 = f64::from_bits(0x3DD0B461_1A626331);
const PIO2_2: f64 = f64::from_bits(0x3DD0B461_1A600000);
const PIO2_2T: f64 = f64::from_bits(0x3BA3198A_2E037073);
const PIO2_3: f64 = f64::from_bits(0x3BA3198A_2E000000);
const PIO2_3T: f64 = f64::from_bits(0x397B839A_252049C1);
const INV_PIO2: f64 = f64::from_bits(0x3FE45F30_6DC9C883);
/// 1.5 × 2^52: added and taken away, it rounds to the nearest integer.
const TO_INT: f64 = 1.5 / f64::EPSILON;

/// `x` less the nearest multiple n of π/2, as n and the remainder y0 + y1 (musl's
/// `__rem_pio2` without its path for |x| of 2^20·π/2 and more, where the remainder is NaN).
fn rem_pio2(x: f64) -> (i32, f64, f64) {
    let ix = high_word(x);
    let negative = x.is_sign_negative();
    // Within 9π/4 and not near a multiple of π/2 (where one step cancels): x less k·π/2 in
    // one step, as musl does for k = 1 to 4.
    let near_a_multiple = (ix <= 0x400f6a7a && ix & 0xfffff == 0x921fb) // π/2 or π
        || ix == 0x4012d97c // 3π/2
        || ix == 0x401921fb; // 2π
    let k = if near_a_multiple {
        0
    } else if ix <= 0x4002d97c {
        1
    } else if ix <= 0x400f6a7a {
        2
    } else if ix <= 0x4015fdbc {
        3
    } else if ix <= 0x401c463b {
        4
    } else {
        0
    };
    if k > 0 {
        let k = if negative { -k } else { k };
        let kf = f64::from(k);
        let z = x - kf * PIO2_1;
        let y0 = z - kf * PIO2_1T;
        return (k, y0, (z - y0) - kf * PIO2_1T);
    }
    if ix >= 0x413921fb {
        return (0, f64::NAN, f64::NAN);
    }
    medium(x, ix)
}

/// musl's reduction for |x| below 2^20·π/2: n = x·2/π rounded, then x − n·π/2 in up to three
/// rounds, each with 33 more bits of π/2, until the remainder has lost no more bits than the
/// next round holds.
fn medium(x: f64, ix: u32) -> (i32, f64, f64) {
    let f_n = x * INV_PIO2 + TO_INT - TO_INT;
    let n = f_n as i32;
    let mut r = x - f_n * PIO2_1;
    let mut w = f_n * PIO2_1T;
    let mut y0 = r - w;
    let exponent = |v: f64| (v.to_bits() >> 52) as i32 & 0x7ff;
    let ex = (ix >> 20) as i32;
    if ex - exponent(y0) > 16 {
        let t = r;
        w = f_n * PIO2_2;
        r = t - w;
        w = f_n * PIO2_2T - ((t - r) - w);
        y0 = r - w;
        if ex - exponent(y0) > 49 {
            let t = r;
            w = f_n * PIO2_3;
            r = t - w;
            w = f_n * PIO2_3T - ((t - r) - w);
            y0 = r - w;
        }
    }
    (n, y0, (r - y0) - w)
}

/// musl's kernel sine on [-π/4, π/4] of x + y (y the tail of a reduced argument, used when
/// `iy` is 1).
fn k_sin(x: f64, y: f64, iy: i32) -> f64 {
    const S1: f64 = f64::from_bits(0xBFC55555_55555549);
    const S2: f64 = f64::from_bits(0x3F811111_1110F8A6);
    const S3: f64 = f64::from_bits(0xBF2A01A0_19C161D5);
    const S4: f64 = f64::from_bits(0x3EC71DE3_57B1FE7D);
    const S5: f64 = f64::from_bits(0xBE5AE5E6_8A2B9CEB);
    const S6: f64 = f64::from_bits(0x3DE5D93A_5ACFD57C);
    let z = x * x;
    let w = z * z;
    let r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    let v = z * x;
    if iy == 0 {
        x + v * (S1 + z * r)
    } else {
        x - ((z * (0.5 * y - v * r) - y) - v * S1)
    }
}

/// musl's kernel cosine on [-π/4, π/4] of x + y.
fn k_cos(x: f64, y: f64) -> f64 {
    const C1: f64 = f64::from_bits(0x3FA55555_5555554C);
    const C2: f64 = f64::from_bits(0xBF56C16C_16C15177);
    const C3: f64 = f64::from_bits(0x3EFA01A0_19CB1590);
    const C4: f64 = f64::from_bits(0xBE927E4F_809C52AD);
    const C5: f64 = f64::from_bits(0x3E21EE9E_BDB4B1C4);
    const C6: f64 = f64::from_bits(0xBDA8FAE9_BE8838D4);
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arguments a map meets and then some: every step of 1/4096 over ten turns each way, the
    /// multiples of π/4 and their neighbours (where one step of reduction cancels), and
    /// pseudo-random ones up to 2^20·π/2.
    fn arguments() -> Vec<f64> {
        let mut xs: Vec<f64> = (-257_000..=257_000).map(|i| i as f64 / 4096.0).collect();
        for k in -80..=80 {
            let m = f64::from(k) * std::f64::consts::FRAC_PI_4;
            let bits = m.to_bits();
            xs.extend((0..16).map(|d| f64::from_bits(bits.wrapping_add(d).wrapping_sub(8))));
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
            xs.push((unit * 2.0 - 1.0) * 1.6e6);
            xs.push((unit * 2.0 - 1.0) * 1e-7);
        }
        xs.extend([0.0, -0.0, 1e-300, -5e-324, 1.5e-8, 3.0e-9]);
        xs
    }

    #[test]
    fn below_two_to_the_twenty_half_turns_the_results_are_musls_bit_for_bit() {
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || a.is_nan() && b.is_nan();
        for x in arguments() {
            assert!(same(musl_sin(x), libm::sin(x)), "sin {x:e}");
            assert!(same(musl_cos(x), libm::cos(x)), "cos {x:e}");
        }
    }

    #[test]
    fn past_two_to_the_twenty_half_turns_and_for_infinity_they_are_not_a_number() {
        for x in [
            1.7e6,
            -3e9,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert!(musl_sin(x).is_nan() && musl_cos(x).is_nan(), "{x:e}");
        }
        let last = f64::from_bits(0x413921fa_ffffffff);
        assert_eq!(musl_sin(last).to_bits(), libm::sin(last).to_bits());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn natively_they_are_the_platforms_own() {
        for x in [0.3, -2.0, 7.5, 1234.5] {
            assert_eq!(sin(x), x.sin());
            assert_eq!(cos(x), x.cos());
            assert_eq!(sin_cos(x), x.sin_cos());
        }
    }
}
