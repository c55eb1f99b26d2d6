//! Angles brought within one turn, without `fmod`.
//!
//! `f64::rem_euclid` divides with `fmod`, which on wasm32 is compiler-builtins' libm routine with a
//! 128-bit modular reduction behind it (`fmod`, `linear_mul_reduction`, `u128_div_rem`): without
//! them the page's module is 2,470 bytes smaller, 1,050 gzipped (6 December 2026), for the few
//! longitudes the projections wrap. [`rem_turn`](crate::turn::rem_turn) gives the same number for
//! every angle the map meets.

/// `x` modulo `period` within `[0, period]`, as `x.rem_euclid(period)` gives it: bit for bit the
/// same for `|x|` under three periods (every longitude in degrees, and every difference of two,
/// with a period of 360; radians with 2π), since then the one subtraction is exact or rounds as
/// `rem_euclid`'s addition does; further out, within a rounding of it. Like `rem_euclid` it
/// may give `period` itself when `x` is a tiny negative number. NaN for a NaN or infinite `x`.
pub fn rem_turn(x: f64, period: f64) -> f64 {
    let turns = (x / period).floor();
    // Within the first turn `x` is its own remainder (a negative zero stays one, as fmod keeps it).
    let r = if turns == 0.0 { x } else { x - period * turns };
    if r == 0.0 {
        return r.copysign(x); // fmod's zero has the sign of `x`
    }
    // x / period rounded up to a whole number leaves a remainder just under zero.
    if r < 0.0 {
        r + period
    } else {
        r
    }
}

/// `lon` (degrees) within -180 to 180, the meridian opposite Greenwich at -180.
pub fn wrap_lon(lon: f64) -> f64 {
    rem_turn(lon + 180.0, 360.0) - 180.0
}

/// `lon` (degrees) moved by whole turns to the first meridian at or east of `west`: a map's
/// longitudes run on from its west edge, past 180 for one across the antimeridian.
pub fn lon_east_of(west: f64, lon: f64) -> f64 {
    west + rem_turn(lon - west, 360.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::f64::consts::TAU;

    #[test]
    fn longitudes_wrap_as_rem_euclid_wraps_them() {
        for x in [
            0.0, -0.0, 180.0, -180.0, 359.999, 360.0, -360.0, 540.0, -1e-300, 719.5, -1000.0,
        ] {
            assert_eq!(
                rem_turn(x, 360.0).to_bits(),
                x.rem_euclid(360.0).to_bits(),
                "{x}"
            );
        }
        assert!(rem_turn(f64::NAN, 360.0).is_nan());
        assert!(rem_turn(f64::INFINITY, 360.0).is_nan());
    }

    #[test]
    fn a_longitude_wraps_round_greenwich_and_runs_on_east_of_a_map_s_west_edge() {
        assert_eq!(wrap_lon(190.0), -170.0);
        assert_eq!(wrap_lon(-180.0), -180.0);
        assert_eq!(lon_east_of(100.0, -123.12), 236.88);
        assert_eq!(lon_east_of(-10.0, 350.0), -10.0);
    }

    proptest! {
        #[test]
        fn any_angle_within_three_turns_wraps_bit_for_bit_as_rem_euclid(t in -3.0f64..3.0) {
            for period in [360.0, TAU] {
                let x = t * period;
                prop_assert_eq!(rem_turn(x, period).to_bits(), x.rem_euclid(period).to_bits(), "{} mod {}", x, period);
            }
        }
    }
}
