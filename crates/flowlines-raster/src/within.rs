//! A number held between bounds that are worked out at run time.

/// `v` held between `low` and `high` (`high` where `low` is above it; `low` for a NaN `v`).
///
/// `f64::clamp` with bounds that are not constants checks them when it runs, and the message
/// its failed check would print brings Rust's float printing (19.6 KB) into the page's module:
/// the core and this crate hold values between computed bounds with this instead.
///
/// ```
/// use flowlines_raster::within::within;
/// assert_eq!(within(5.0, 0.0, 3.0), 3.0);
/// assert_eq!(within(-1.0, 0.0, 3.0), 0.0);
/// assert_eq!(within(2.0, 4.0, 3.0), 3.0);
/// ```
pub fn within(v: f64, low: f64, high: f64) -> f64 {
    v.max(low).min(high)
}
