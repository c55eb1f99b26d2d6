//! Numbers written in decimal without Rust's float formatting.
//!
//! `format!("{:.2}", v)` and `format!("{v}")` bring in `core::fmt`'s float printing (Grisu and
//! Dragon4 with their tables and big numbers): 19.6 KB of the page's module for a handful of
//! figures and messages. A figure here is written exactly from the float's bits with integer
//! arithmetic, rounded half to even as `{:.N}` rounds, so every figure reads as before.

/// `v` with exactly `decimals` decimals (at most 17), `.` as decimal point, rounded half to
/// even on its exact binary value: what `format!("{v:.decimals$}")` writes, for every finite
/// `v` ("-0.0" for a negative zero or a negative that rounds to zero). "NaN", "inf" and "-inf"
/// otherwise.
///
/// ```
/// use flowlines_core::decimal::fixed;
/// assert_eq!(fixed(2.5, 0), "2");
/// assert_eq!(fixed(8.625, 2), "8.62");
/// assert_eq!(fixed(-0.04, 1), "-0.0");
/// assert_eq!(fixed(1e21, 1), "1000000000000000000000.0");
/// ```
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(17);
    if v.is_nan() {
        return "NaN".into();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return sign.to_owned() + "inf";
    }
    let mut out = String::from(sign);
    let (mantissa, exponent) = parts(v.abs());
    if exponent >= 0 {
        // A whole number: the mantissa doubled `exponent` times, then the zero decimals.
        out.push_str(&whole_digits(mantissa, exponent.unsigned_abs()));
        if decimals > 0 {
            out.push('.');
            out.extend(std::iter::repeat_n('0', decimals));
        }
    } else {
        // mantissa · 10^decimals / 2^shift, rounded half to even: below 2^110, so in a u128.
        let shift = exponent.unsigned_abs();
        let scaled = u128::from(mantissa) * 10u128.pow(decimals as u32);
        let units = if shift >= 128 {
            0 // at most 2^110 / 2^128: under a half
        } else {
            let (quotient, rest) = (scaled >> shift, scaled & ((1u128 << shift) - 1));
            let half = 1u128 << (shift - 1);
            if rest > half || (rest == half && quotient % 2 == 1) {
                quotient + 1
            } else {
                quotient
            }
        };
        let mut text = units_digits(units);
        if text.len() <= decimals {
            text.insert_str(0, &"0".repeat(decimals + 1 - text.len()));
        }
        let (int, frac) = text.split_at(text.len() - decimals);
        out.push_str(int);
        if decimals > 0 {
            out.push('.');
            out.push_str(frac);
        }
    }
    out
}

/// `v` with at most `decimals` decimals (at most 17): [`fixed`]'s text without its trailing
/// zeros, nor its point when they were all of its decimals ("2.5", "3").
pub fn at_most(v: f64, decimals: usize) -> String {
    let text = fixed(v, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// `v` for a message: a whole number as one ("91"), else with up to 6 decimals ("91.5",
/// "0.000001"), or up to 17 where 6 would leave nothing but a zero ("-0.000000001").
pub fn short(v: f64) -> String {
    let text = at_most(v, 6);
    if v != 0.0 && text.trim_start_matches('-') == "0" {
        return at_most(v, 17);
    }
    text
}

/// The power of ten at or below `|v|`, `floor(log10(|v|))`, for a finite `v` other than 0
/// (`i32::MIN` for 0, `i32::MAX` for an infinite one, 0 for one not a number): 3 for 1000, -3
/// for 0.001. Found from the float's binary exponent and at most a few comparisons with powers
/// of ten, not with libm's `log10` (76 bytes of the page's module gzipped); exact at every
/// power of ten from 1e-22 to 1e22, the ones an `f64` holds as the nearest to their value both
/// ways.
///
/// ```
/// use flowlines_core::decimal::magnitude;
/// assert_eq!((magnitude(1000.0), magnitude(999.9), magnitude(-0.001)), (3, 2, -3));
/// ```
pub fn magnitude(v: f64) -> i32 {
    let a = v.abs();
    if a == 0.0 {
        return i32::MIN;
    }
    if !a.is_finite() {
        return if a.is_nan() { 0 } else { i32::MAX };
    }
    let (mantissa, exponent) = parts(a);
    // a lies in [2^bits, 2^(bits + 1)); log10(2) times that is within one of the answer.
    let bits = exponent + 63 - mantissa.leading_zeros() as i32;
    let mut m = (f64::from(bits) * std::f64::consts::LOG10_2).floor() as i32;
    // 10^e; below 1e-300 in two steps, as 10^-e itself would overflow.
    let ten = |e: i32| {
        if e < -300 {
            10f64.powi(e + 300) * 1e-300
        } else {
            10f64.powi(e)
        }
    };
    while m < 308 && ten(m + 1) <= a {
        m += 1;
    }
    while m > -324 && ten(m) > a {
        m -= 1;
    }
    m
}

/// A positive finite `v` as `mantissa · 2^exponent`, the mantissa a whole number below 2^53.
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074) // subnormal (or zero)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// Base of the limbs numbers are written through: 10⁹, so that a limb times 2^30 (or a
/// remainder times 2^32, plus a 32-bit word) stays within a u64.
const BASE: u64 = 1_000_000_000;

/// The decimal digits of `units`, through base-10⁹ limbs: dividing the u128 by 10⁹ a 32-bit
/// word at a time in u64 arithmetic, where `format!("{units}")` brought in u128 printing and
/// u128 division (the page's module 1,055 bytes smaller, 473 gzipped, 6 December 2026).
fn units_digits(units: u128) -> String {
    let mut words = [0u32; 4]; // most significant first
    for (i, word) in words.iter_mut().enumerate() {
        *word = (units >> (96 - 32 * i)) as u32;
    }
    let mut limbs = Vec::new(); // least significant first
    while words.iter().any(|&w| w != 0) {
        let mut rest = 0u64;
        for word in &mut words {
            let x = (rest << 32) | u64::from(*word);
            *word = (x / BASE) as u32;
            rest = x % BASE;
        }
        limbs.push(rest);
    }
    limbs_text(limbs)
}

/// The decimal digits of `mantissa · 2^doublings`, through base-10⁹ limbs (least first).
fn whole_digits(mantissa: u64, doublings: u32) -> String {
    let mut limbs = vec![
        mantissa % BASE,
        mantissa / BASE % BASE,
        mantissa / BASE / BASE,
    ];
    let mut left = doublings;
    while left > 0 {
        let step = left.min(30); // a limb below 10⁹ times 2^30 stays below 2^60
        let mut carry = 0u64;
        for limb in &mut limbs {
            let x = (*limb << step) + carry;
            *limb = x % BASE;
            carry = x / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
        left -= step;
    }
    limbs_text(limbs)
}

/// The decimal text of base-10⁹ `limbs`, least significant first (zero limbs at the top are
/// dropped; no limbs at all is the empty text).
fn limbs_text(mut limbs: Vec<u64>) -> String {
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut text = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            text.push_str(&limb.to_string());
        } else {
            text.push_str(&format!("{limb:09}"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fixed_decimals_read_as_rusts_float_formatting_does() {
        for v in [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            1.005,
            2.675,
            8.6,
            11_000.0,
            0.1,
            0.3,
            123.456,
            1e-7,
            5e-324,
            1e21,
            1e300,
            9_007_199_254_740_993.0,
            4.35,
            -3.25159,
        ] {
            for d in 0..=4 {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v} to {d} decimals");
            }
        }
        assert_eq!(fixed(f64::MAX, 1), format!("{:.1}", f64::MAX));
    }

    #[test]
    fn a_u128_is_written_in_decimal_digits_as_rust_prints_it() {
        for units in [
            1u128,
            9,
            10,
            999_999_999,
            1_000_000_000,
            u128::from(u64::MAX),
            1 << 110,
        ] {
            assert_eq!(units_digits(units), units.to_string());
        }
        assert_eq!(units_digits(0), "", "no digits: fixed pads them with zeros");
    }

    #[test]
    fn a_message_writes_a_whole_number_whole_and_a_fraction_without_trailing_zeros() {
        assert_eq!(short(91.0), "91");
        assert_eq!(short(-181.5), "-181.5");
        assert_eq!(short(0.000_001), "0.000001");
        assert_eq!(short(f64::NAN), "NaN");
        assert_eq!(short(-1e-9), "-0.000000001");
    }

    #[test]
    fn a_numbers_magnitude_is_its_power_of_ten_exactly_at_each_power_and_either_side() {
        for m in -22..=22 {
            let ten: f64 = format!("1e{m}").parse().unwrap_or_default();
            assert_eq!(magnitude(ten), m, "1e{m}");
            assert_eq!(magnitude(-ten), m, "-1e{m}");
            assert_eq!(
                magnitude(f64::from_bits(ten.to_bits() - 1)),
                m - 1,
                "just below 1e{m}"
            );
            assert_eq!(magnitude(ten * 9.99), m, "9.99e{m}");
        }
        assert_eq!(magnitude(f64::MAX), 308);
        assert_eq!(magnitude(f64::MIN_POSITIVE), -308);
        assert_eq!(magnitude(5e-324), -324);
        assert_eq!(magnitude(0.0), i32::MIN);
    }

    proptest! {
        #[test]
        fn a_magnitude_is_the_floor_of_the_decimal_logarithm(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assume!(v.is_finite() && v != 0.0);
            // Away from a power of ten, where libm's log10 may round up to it.
            let log = v.abs().log10();
            prop_assume!((log - log.round()).abs() > 1e-9);
            prop_assert_eq!(magnitude(v), log.floor() as i32);
        }

        #[test]
        fn any_float_reads_as_rusts_float_formatting_writes_it(bits in any::<u64>(), d in 0usize..=8) {
            let v = f64::from_bits(bits);
            prop_assume!(v.is_finite());
            prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }
    }
}
