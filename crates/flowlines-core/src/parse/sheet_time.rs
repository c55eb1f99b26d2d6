//! The `time` of a flow sheet's row, read as FlowmapBlue reads it (its `time.ts` tries
//! `%Y-%m-%d`, `%Y-%m-%d %H:%M`, `%Y-%m-%d %H:%M:%S`, `%Y` and `%Y-%m`), as a date of ours:
//! the map's timeline is in days, so a time of day is checked and dropped.

use crate::date::{DatePrecision, DateSpec};

/// The time of a flow: a date as our dates are written (`2024-10-13`, `2024-10`, `2024`, and
/// also `2024-Q3`, `2024-H1`, `2023-fall`), or a date and a time of day (`2024-10-13 14:30`,
/// `2024-10-13T14:30:00`), counted in its day.
pub fn sheet_time(cell: &str) -> Result<DateSpec, String> {
    let bad = || {
        format!("bad time '{}': expected a date (2024-10-13), a month (2024-10), a year (2024), or a date and time (2024-10-13 14:30)", cell.chars().take(40).collect::<String>())
    };
    let (date, clock) = match cell.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (cell, None),
    };
    let spec: DateSpec = date.parse().map_err(|_| bad())?;
    if let Some(clock) = clock {
        let parts: Vec<&str> = clock.split(':').collect();
        let two = |s: &str, max: u32| s.len() == 2 && s.parse::<u32>().is_ok_and(|v| v <= max);
        let ok = spec.precision() == DatePrecision::Day
            && matches!(parts.len(), 2 | 3)
            && two(parts[0], 23)
            && two(parts[1], 59)
            && parts.get(2).is_none_or(|s| two(s, 59));
        if !ok {
            return Err(bad());
        }
    }
    Ok(spec)
}
