//! Series tested rule by rule: running totals, amounts in periods, merged claimants, held
//! figures, wholes and their parts.

use super::*;
use crate::date::parse_day;
use crate::model::Confidence;
use crate::test_support::reading as obs;

fn day(s: &str) -> f64 {
    f64::from(parse_day(s).unwrap())
}

fn containers() -> Series {
    let shin = obs(
        Quantity::About(6700.0),
        Measure::Cumulative,
        "2023-09/2024-02-27",
        Confidence::Reported,
    );
    let post = obs(
        Quantity::AtLeast(11000.0),
        Measure::Cumulative,
        "2023-fall/2024-06",
        Confidence::Reported,
    );
    Series::new([&shin, &post])
}

#[test]
fn two_running_totals_of_one_stream_are_two_readings_never_a_sum() {
    let s = containers();
    assert_eq!(s.at(day("2024-02-27")).value, Some(6700.0));
    assert_eq!(s.at(day("2024-06-30")).value, Some(11000.0));
}

#[test]
fn between_two_readings_the_figure_is_interpolated_linearly_in_time() {
    let s = containers();
    let (a, b, t) = (day("2024-02-27"), day("2024-06-30"), day("2024-04-15"));
    let expected = 6700.0 + (11000.0 - 6700.0) * (t - a) / (b - a);
    let e = s.at(t);
    assert!((e.value.unwrap() - expected).abs() < 1e-9);
    assert!(e.value.unwrap() > 6700.0 && e.value.unwrap() < 11000.0);
    assert_eq!(e.phase, Phase::Moving);
    assert!(
        (e.rate - 4300.0 / (b - a)).abs() < 1e-9,
        "rate is units per day"
    );
}

#[test]
fn a_running_total_starts_at_zero_on_the_first_day_it_counts_from() {
    let s = containers();
    assert_eq!(s.at(day("2023-09-01")).value, Some(0.0));
    let before = s.at(day("2023-08-31"));
    assert_eq!(before.phase, Phase::NotStarted);
    assert_eq!(before.value, Some(0.0));
    assert_eq!(before.rate, 0.0);
}

#[test]
fn after_the_last_reading_the_value_is_held_and_says_how_old_it_is() {
    let s = containers();
    let e = s.at(day("2025-01-01"));
    assert_eq!(e.value, Some(11000.0));
    assert_eq!(
        e.rate, 0.0,
        "nothing is known to move after the last reading"
    );
    assert_eq!(
        e.phase,
        Phase::Held {
            since: parse_day("2024-06-30").unwrap()
        }
    );
}

#[test]
fn a_one_sided_figure_keeps_its_open_side_open() {
    let s = containers();
    let e = s.at(day("2024-06-30"));
    assert_eq!(e.low, Some(11000.0));
    assert_eq!(e.high, None, "'over 11,000' sets no ceiling");
    let mid = s.at(day("2024-04-15"));
    assert!(mid.low.is_some() && mid.high.is_none());
}

#[test]
fn claimants_on_the_same_day_become_a_range() {
    let a = obs(
        Quantity::About(100.0),
        Measure::Cumulative,
        "2024/2024-12-31",
        Confidence::Reported,
    );
    let b = obs(
        Quantity::Range {
            low: 80.0,
            high: 160.0,
        },
        Measure::Cumulative,
        "2024/2024-12-31",
        Confidence::Claimed,
    );
    let e = Series::new([&a, &b]).at(day("2024-12-31"));
    assert_eq!(e.low, Some(80.0));
    assert_eq!(e.high, Some(160.0));
    assert_eq!(
        e.value,
        Some(110.0),
        "the mean of 100 and the range's midpoint 120"
    );
}

#[test]
fn proposals_offers_and_denials_are_never_counted_as_moved() {
    let offer = obs(
        Quantity::Exact(100000.0),
        Measure::InPeriod,
        "2022",
        Confidence::Proposed,
    );
    let denied = obs(
        Quantity::Exact(5.0),
        Measure::InPeriod,
        "2022",
        Confidence::Denied,
    );
    let e = Series::new([&offer, &denied]).at(day("2023-01-01"));
    assert_eq!(e.phase, Phase::Uncounted);
    assert_eq!(e.value, None);
}

#[test]
fn an_amount_in_a_period_is_spread_evenly_over_it_and_periods_add_up() {
    let y2024 = obs(
        Quantity::AtMost(9_000_000.0),
        Measure::InPeriod,
        "2024",
        Confidence::Reported,
    );
    let h2025 = obs(
        Quantity::Exact(1_000_000.0),
        Measure::InPeriod,
        "2025-H1",
        Confidence::Reported,
    );
    let s = Series::new([&y2024, &h2025]);
    assert_eq!(s.at(day("2024-01-01")).value, Some(0.0));
    let end_2024 = s.at(day("2024-12-31"));
    assert_eq!(end_2024.value, Some(9_000_000.0));
    assert_eq!(end_2024.low, None, "'as many as' sets no floor");
    assert_eq!(s.at(day("2025-06-30")).value, Some(10_000_000.0));
    let half = s.at(day("2024-07-01")).value.unwrap();
    assert!(
        (half - 4_500_000.0).abs() < 30_000.0,
        "about half the year's amount by July: {half}"
    );
}

#[test]
fn a_stream_with_no_number_is_unknown_not_zero() {
    let oil = obs(
        Quantity::Unknown,
        Measure::InPeriod,
        "2024/2025-04",
        Confidence::Confirmed,
    );
    let s = Series::new([&oil]);
    let e = s.at(day("2024-06-01"));
    assert_eq!(e.phase, Phase::Unknown);
    assert_eq!(e.value, None);
    assert!(s.has_unknown());
    assert_eq!(s.at(day("2023-06-01")).phase, Phase::NotStarted);
}
#[test]
fn a_whole_never_shows_less_than_its_parts_on_any_day_of_the_default_story() {
    let story = crate::parse::load_json(
        "nk-russia.json",
        include_str!("../../../../data/nk-russia.json"),
    )
    .unwrap();
    let series = StorySeries::new(&story);
    let id = |i: usize| story.streams[i].id.as_str();
    let mut checked = 0;
    for d in story.story.start.first()..=story.story.end.last() {
        let at = series.at(f64::from(d));
        for (whole, w) in at.iter().enumerate() {
            let parts: Vec<usize> = (0..story.streams.len())
                .filter(|&i| story.streams[i].part_of.as_deref() == Some(id(whole)))
                .collect();
            if parts.is_empty() || w.value.is_none() {
                continue;
            }
            let sum: f64 = parts.iter().filter_map(|&i| at[i].value).sum();
            let floor: f64 = parts.iter().filter_map(|&i| at[i].low).sum();
            let value = w.value.unwrap();
            assert!(
                value + 1e-6 >= sum,
                "{} on day {}: {value} < its parts' {sum}",
                id(whole),
                crate::date::format_day(d)
            );
            if let Some(low) = w.low {
                assert!(low + 1e-6 >= floor, "{}: floor {low} < {floor}", id(whole));
            }
            if let Some(high) = w.high {
                assert!(high + 1e-6 >= value, "{}: high {high} < {value}", id(whole));
            }
            for &i in &parts {
                assert!(
                    value + 1e-6 >= at[i].value.unwrap_or(0.0),
                    "{} on {}: {value} < part {}",
                    id(whole),
                    crate::date::format_day(d),
                    id(i)
                );
                if at[i].phase != Phase::NotStarted && at[i].value.is_some_and(|v| v > 0.0) {
                    assert_ne!(
                        w.phase,
                        Phase::NotStarted,
                        "{} has not started but its part has",
                        id(whole)
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(
        checked > 1000,
        "the story's wholes were walked day by day: {checked}"
    );
}

#[test]
fn a_whole_bends_up_through_its_parts_and_is_a_floor_there() {
    // 11,000 troops by April 2025, counted from October 2024; 1,500 of them moved by
    // 13 October 2024 (the case that showed a whole of 626 with a part of 1,500).
    let whole = obs(
        Quantity::AtLeast(11000.0),
        Measure::Cumulative,
        "2024-10/2025-04",
        Confidence::Confirmed,
    );
    let part = obs(
        Quantity::Exact(1500.0),
        Measure::InPeriod,
        "2024-10-08/2024-10-13",
        Confidence::Reported,
    );
    let (w, p) = (Series::new([&whole]), Series::new([&part]));
    let raised = w.at_least_sum_of(&[&p]);
    let e = raised.at(day("2024-10-13"));
    assert_eq!(e.value, Some(1500.0));
    assert_eq!(e.low, Some(1500.0), "there the whole is at least its part");
    assert_eq!(e.high, None);
    assert_eq!(raised.at(day("2025-04-30")).value, Some(11000.0));
    let later = raised.at(day("2024-12-15")).value.unwrap();
    assert!(later > 1500.0 && later < 11000.0, "{later}");
    assert!(
        w.at(day("2024-10-13")).value.unwrap() < 1500.0,
        "the unbent curve was lower"
    );
}

#[test]
fn an_estimate_between_readings_says_between_which_and_a_reading_says_it_is_one() {
    let s = containers();
    let on = s.at(day("2024-02-27"));
    assert_eq!(on.between, None);
    assert_eq!(on.digits, 2);
    assert!(!on.exact, "'about 6,700' is not an exact count");
    let mid = s.at(day("2024-04-15"));
    let [a, b] = mid.between.unwrap();
    assert_eq!(a.first, parse_day("2024-02-27").unwrap());
    assert_eq!(b.first, parse_day("2024-06-01").unwrap());
    assert_eq!(b.precision, crate::date::DatePrecision::Month);
    assert_eq!(mid.digits, 2);
    let start = s.at(day("2023-12-01")).between.unwrap();
    assert_eq!(
        start[0].first,
        parse_day("2023-09-01").unwrap(),
        "from the start of the count"
    );
}

#[test]
fn on_a_reading_day_the_figure_is_the_reading_as_its_source_gives_it() {
    // "about 6,700" on 27 Feb 2024, before "at least 11,000": not "at least 6,700".
    let e = containers().at(day("2024-02-27"));
    assert_eq!(
        (e.low, e.value, e.high),
        (Some(6700.0), Some(6700.0), Some(6700.0))
    );
    assert_eq!(e.between, None);
}

#[test]
fn significant_digits_leave_out_the_zeros_that_only_place_a_figure() {
    assert_eq!(significant_digits(9_000_000.0), 1);
    assert_eq!(significant_digits(11_000.0), 2);
    assert_eq!(significant_digits(6_700.0), 2);
    assert_eq!(significant_digits(1_500.0), 2);
    assert_eq!(significant_digits(100.0), 1);
    assert_eq!(significant_digits(3.0), 1);
    assert_eq!(significant_digits(2.5), 2);
    assert_eq!(significant_digits(8_605_479.0), 7);
    assert_eq!(significant_digits(-4_500.0), 2);
    assert_eq!(significant_digits(123_456_789_012.0), 12);
    assert_eq!(significant_digits(1_234_567_890_123.0), 12);
}
