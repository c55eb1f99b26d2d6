//! Dates as precise as a source gives them, and periods between two such dates.
//!
//! A source may say "13 October 2024", "October 2024", "fall 2023" or "2022". A [`DateSpec`]
//! keeps that precision and spans every day it may mean; a [`Period`] runs from one spec to
//! another ("September 2023 to 27 February 2024"). Days are counted as [`Day`]: whole days since
//! 1970-01-01 (UTC), so arithmetic on time is plain integer and float arithmetic.
//!
//! [`DateSpec`]: crate::date::DateSpec
//! [`Period`]: crate::date::Period
//! [`Day`]: crate::date::Day

use crate::date_text::DateText;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Whole days since 1970-01-01.
pub type Day = i32;

/// What went wrong reading a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not one of the forms a date may take.
    #[error("bad date '{0}': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or YYYY-spring|summer|autumn|fall|winter")]
    Form(String),
    /// A day was asked for (an `--at`, an `at=`) and the text is a date of another form, or
    /// none: a year or a month names no one day.
    #[error("bad date '{0}': expected a day, YYYY-MM-DD")]
    NotADay(String),
    /// The text has the right form but no such day exists.
    #[error("bad date '{0}': no such day")]
    NoSuchDay(String),
    /// A period ends before it starts.
    #[error("bad period '{0}': it ends before it starts")]
    Backwards(String),
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// One day.
    Day,
    /// One calendar month.
    Month,
    /// A meteorological season of three months (northern hemisphere).
    Season,
    /// A quarter of a year.
    Quarter,
    /// A half of a year.
    Half,
    /// A calendar year.
    Year,
}

/// A date as precise as its source: the span of days it may mean, and how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateSpec {
    text: DateText,
    first: Day,
    last: Day,
    precision: DatePrecision,
}

fn day_of(y: i32, m: u32, d: u32, text: &str) -> Result<Day, DateError> {
    let date =
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_string()))?;
    Ok(day_number(date))
}

fn day_number(date: NaiveDate) -> Day {
    // 719_163 is the number of days from 0001-01-01 (CE day 1) to 1970-01-01.
    date.num_days_from_ce() - 719_163
}

/// The calendar date of a day number; none past chrono's calendar (or past `i32`'s days).
pub fn date_of(day: Day) -> Option<NaiveDate> {
    day.checked_add(719_163)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The day number of a calendar date written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<Day, DateError> {
    let spec: DateSpec = text.parse().map_err(|e| match e {
        DateError::Form(t) => DateError::NotADay(t),
        other => other,
    })?;
    if spec.precision != DatePrecision::Day {
        return Err(DateError::NotADay(text.to_string()));
    }
    Ok(spec.first)
}

/// Formats a day number as `YYYY-MM-DD` (a year outside 0..=9999 with its sign, as ISO 8601
/// and chrono's `%Y` write it). Written out rather than through chrono's `format`, whose
/// format-string machinery would be the only part of it in the page's module.
pub fn format_day(day: Day) -> String {
    let mut text = String::new();
    // Writing into a String cannot fail.
    let _ = write_day(day, &mut text);
    text
}

/// Writes day `day` as [`format_day`] does into `out`. A year of four digits, the usual case,
/// is written digit by digit: a story's every reading has three dates, and through `write!`'s
/// padded integers they took about 40 ms of the first set-up of the synthetic story of 100,000
/// flows in Chromium (971 -> 933 ms once written digit by digit, 5 December 2026).
fn write_day(day: Day, out: &mut dyn fmt::Write) -> fmt::Result {
    match date_of(day) {
        Some(d) if (0..=9999).contains(&d.year()) => {
            let (y, m, dd) = (d.year() as u32, d.month(), d.day());
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let text = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(dd / 10),
                digit(dd),
            ];
            // ASCII digits and dashes: always UTF-8.
            out.write_str(std::str::from_utf8(&text).unwrap_or_default())
        }
        Some(d) => write!(out, "{:+05}-{:02}-{:02}", d.year(), d.month(), d.day()),
        None => write!(out, "day {day}"),
    }
}

fn last_of_month(y: i32, m: u32, text: &str) -> Result<Day, DateError> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Ok(day_of(ny, nm, 1, text)? - 1)
}

fn months(y: i32, from: u32, count: u32, text: &str) -> Result<(Day, Day), DateError> {
    let first = day_of(y, from, 1, text)?;
    let end_month = from + count - 1;
    let (ey, em) = if end_month > 12 {
        (y + 1, end_month - 12)
    } else {
        (y, end_month)
    };
    Ok((first, last_of_month(ey, em, text)?))
}

impl DateSpec {
    /// The first day the date may mean.
    pub fn first(&self) -> Day {
        self.first
    }
    /// The last day the date may mean.
    pub fn last(&self) -> Day {
        self.last
    }
    /// How precise the date is.
    pub fn precision(&self) -> DatePrecision {
        self.precision
    }
    /// The date as written in the data file.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }
    /// A day-precise date.
    pub fn from_day(day: Day) -> DateSpec {
        let mut text = DateText::default();
        // At most 15 bytes (`day -2147483648`): always fits.
        let _ = write_day(day, &mut text);
        DateSpec {
            text,
            first: day,
            last: day,
            precision: DatePrecision::Day,
        }
    }
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let form = || DateError::Form(text.to_string());
        let mut parts = text.splitn(3, '-');
        let year_text = parts.next().ok_or_else(form)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(form());
        }
        let y: i32 = year_text.parse().map_err(|_| form())?;
        let number = |s: &str| -> Result<u32, DateError> {
            if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(form());
            }
            s.parse().map_err(|_| form())
        };
        let (first, last, precision) = match (parts.next(), parts.next()) {
            (None, _) => (
                day_of(y, 1, 1, text)?,
                day_of(y, 12, 31, text)?,
                DatePrecision::Year,
            ),
            (Some(second), None) => match second {
                "spring" => {
                    let (a, b) = months(y, 3, 3, text)?;
                    (a, b, DatePrecision::Season)
                }
                "summer" => {
                    let (a, b) = months(y, 6, 3, text)?;
                    (a, b, DatePrecision::Season)
                }
                "autumn" | "fall" => {
                    let (a, b) = months(y, 9, 3, text)?;
                    (a, b, DatePrecision::Season)
                }
                "winter" => {
                    let (a, b) = months(y, 12, 3, text)?;
                    (a, b, DatePrecision::Season)
                }
                "Q1" | "Q2" | "Q3" | "Q4" => {
                    let q = u32::from(second.as_bytes()[1] - b'0');
                    let (a, b) = months(y, 3 * q - 2, 3, text)?;
                    (a, b, DatePrecision::Quarter)
                }
                "H1" | "H2" => {
                    let h = u32::from(second.as_bytes()[1] - b'0');
                    let (a, b) = months(y, 6 * h - 5, 6, text)?;
                    (a, b, DatePrecision::Half)
                }
                month => {
                    let m = number(month)?;
                    if !(1..=12).contains(&m) {
                        return Err(DateError::NoSuchDay(text.to_string()));
                    }
                    (
                        day_of(y, m, 1, text)?,
                        last_of_month(y, m, text)?,
                        DatePrecision::Month,
                    )
                }
            },
            (Some(month), Some(day)) => {
                let d = day_of(y, number(month)?, number(day)?, text)?;
                (d, d, DatePrecision::Day)
            }
        };
        Ok(DateSpec {
            // Every form above is at most 11 bytes long.
            text: DateText::new(text).ok_or_else(form)?,
            first,
            last,
            precision,
        })
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.as_str())
    }
}

impl Serialize for DateSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text.as_str())
    }
}

impl<'de> Deserialize<'de> for DateSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A span of time from one date to another, written `START/END` or, for a single date, `DATE`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Period {
    /// When it began.
    pub start: DateSpec,
    /// When it ended (the moment of the reading, for a running total).
    pub end: DateSpec,
}

impl Period {
    /// The first day the period may include.
    pub fn first(&self) -> Day {
        self.start.first
    }
    /// The last day the period may include.
    pub fn last(&self) -> Day {
        self.end.last
    }
}

impl FromStr for Period {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (start, end) = match text.split_once('/') {
            Some((a, b)) => (a.parse::<DateSpec>()?, b.parse::<DateSpec>()?),
            None => {
                let d: DateSpec = text.parse()?;
                (d.clone(), d)
            }
        };
        if end.last < start.first {
            return Err(DateError::Backwards(text.to_string()));
        }
        Ok(Period { start, end })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Default for DateSpec {
    fn default() -> Self {
        DateSpec::from_day(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> DateSpec {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn a_day_past_the_calendar_has_no_date_and_is_written_as_its_number() {
        for day in [i32::MIN, -719_164 - 100_000_000, 100_000_000, i32::MAX] {
            assert_eq!(date_of(day), None, "day {day}");
            assert_eq!(format_day(day), format!("day {day}"));
        }
        assert_eq!(format_day(-719_162), "0001-01-01");
    }

    #[test]
    fn every_day_of_a_four_digit_year_is_written_as_its_padded_year_month_and_day() {
        // From 0000-01-01 to 9999-12-31, every day, against the padded `write!` it replaces.
        let (first, last) = (-719_528, 2_932_896);
        for day in first..=last {
            let d = date_of(day).unwrap_or_else(|| panic!("day {day}"));
            let padded = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            assert_eq!(format_day(day), padded, "day {day}");
            assert_eq!(DateSpec::from_day(day).as_str(), padded, "day {day}");
        }
        assert_eq!(format_day(first - 1), "-0001-12-31");
        assert_eq!(format_day(last + 1), "+10000-01-01");
    }

    #[test]
    fn a_day_means_one_day() {
        let d = spec("2024-02-27");
        assert_eq!(d.first(), d.last());
        assert_eq!(format_day(d.first()), "2024-02-27");
    }

    #[test]
    fn a_month_spans_all_its_days_leap_years_included() {
        let d = spec("2024-02");
        assert_eq!(format_day(d.first()), "2024-02-01");
        assert_eq!(format_day(d.last()), "2024-02-29");
    }

    #[test]
    fn fall_is_september_to_november() {
        let d = spec("2023-fall");
        assert_eq!(format_day(d.first()), "2023-09-01");
        assert_eq!(format_day(d.last()), "2023-11-30");
        assert_eq!(d.precision(), DatePrecision::Season);
    }

    #[test]
    fn winter_runs_into_the_next_year() {
        let d = spec("2023-winter");
        assert_eq!(format_day(d.last()), "2024-02-29");
    }

    #[test]
    fn a_year_and_its_halves_and_quarters() {
        assert_eq!(format_day(spec("2022").last()), "2022-12-31");
        assert_eq!(format_day(spec("2024-H1").last()), "2024-06-30");
        assert_eq!(format_day(spec("2024-Q4").first()), "2024-10-01");
    }

    #[test]
    fn impossible_days_and_odd_forms_are_errors() {
        assert!(matches!(
            "2024-02-30".parse::<DateSpec>(),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            "2024-13".parse::<DateSpec>(),
            Err(DateError::NoSuchDay(_))
        ));
        for bad in [
            "24-01-01",
            "2024/01",
            "",
            "2024-1-1",
            "last fall",
            "2024-Q5",
        ] {
            assert!(bad.parse::<DateSpec>().is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn where_a_day_is_asked_for_a_month_or_a_year_is_refused_naming_the_day_form() {
        for text in ["2023", "2024-06", "2024-Q3", "June"] {
            assert_eq!(
                parse_day(text).map_err(|e| e.to_string()),
                Err(format!("bad date '{text}': expected a day, YYYY-MM-DD"))
            );
        }
        assert_eq!(
            parse_day("2024-02-30").map_err(|e| e.to_string()),
            Err("bad date '2024-02-30': no such day".to_string())
        );
        assert!(parse_day("2024-06-30").is_ok());
    }

    #[test]
    fn a_period_runs_from_its_start_to_its_end_and_not_backwards() {
        let p: Period = "2023-09/2024-02-27"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format_day(p.first()), "2023-09-01");
        assert_eq!(format_day(p.last()), "2024-02-27");
        assert_eq!(p.to_string(), "2023-09/2024-02-27");
        assert!(matches!(
            "2024-06/2023-09".parse::<Period>(),
            Err(DateError::Backwards(_))
        ));
    }

    #[test]
    fn a_day_is_written_as_chrono_writes_it_from_the_earliest_to_the_latest_date() {
        let (first, last) = (day_number(NaiveDate::MIN), day_number(NaiveDate::MAX));
        let some = [
            first,
            first + 1,
            -719_529,
            -719_528,
            -1,
            0,
            19_000,
            2_932_896,
            2_932_897,
            last,
        ];
        for day in some.into_iter().chain((-800_000..3_000_000).step_by(997)) {
            let expected = date_of(day).map(|d| d.format("%Y-%m-%d").to_string());
            assert_eq!(Some(format_day(day)), expected, "day {day}");
        }
        assert_eq!(format_day(last + 1), format!("day {}", last + 1));
    }
}
