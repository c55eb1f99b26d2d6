//! The timeline's events: where each falls on the timeline and how its date is written, so
//! that the page only places the markers the core computed.

use crate::date::DatePrecision;
use crate::i18n::{format_date, Lang};
use crate::model::Story;
use serde::Serialize;

/// One event as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEvent {
    /// The event's first day (days since 1970-01-01).
    pub day: f64,
    /// Where that day falls on the timeline, from 0 (its first day) to 1 (its last day).
    pub at: f64,
    /// The date as the reader is shown it (see [`event_date`]).
    pub date: String,
    /// What happened, in the reader's language.
    pub label: String,
    /// The place it happened at, when it happened somewhere on the map.
    pub place: Option<String>,
}

/// The first and last days of `story`'s timeline (days since 1970-01-01).
pub fn timeline_span(story: &Story) -> (f64, f64) {
    (
        f64::from(story.story.start.first()),
        f64::from(story.story.end.last()),
    )
}

/// Where `day` falls on a timeline from `start` to `end` (days): 0 at the start, 1 at the end,
/// clamped to that range; a timeline shorter than a day counts as one day long.
pub fn position_on_timeline(day: f64, start: f64, end: f64) -> f64 {
    ((day - start) / (end - start).max(1.0)).clamp(0.0, 1.0)
}

/// An event's date as the reader is shown it in `lang`: a day written the reader's way ("20
/// October 2024"); a month, season or year as the source gives it ("2022-07"), since writing it
/// as a day would claim a precision the source does not have.
pub fn event_date(date: &crate::date::DateSpec, lang: Lang) -> String {
    if date.precision() == DatePrecision::Day {
        format_date(date.first(), lang)
    } else {
        date.to_string()
    }
}

/// The timeline's events of `story` in `lang`, oldest first (events of the same day in the
/// story's order).
pub fn timeline_events(story: &Story, lang: &str) -> Vec<TimelineEvent> {
    let (start, end) = timeline_span(story);
    let l = Lang::from_code(lang);
    let mut list: Vec<TimelineEvent> = story
        .events
        .iter()
        .map(|e| {
            let day = f64::from(e.date.first());
            TimelineEvent {
                day,
                at: position_on_timeline(day, start, end),
                date: event_date(&e.date, l),
                label: e.label.get(lang).to_string(),
                place: e.place.clone(),
            }
        })
        .collect();
    crate::order::sort_by_key(&mut list, |e| crate::order::f64_key(e.day));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateSpec;
    use crate::test_support::default_scene_at;

    #[test]
    fn an_event_on_the_first_day_sits_at_the_start_and_one_on_the_last_day_at_the_end() {
        assert_eq!(position_on_timeline(100.0, 100.0, 200.0), 0.0);
        assert_eq!(position_on_timeline(200.0, 100.0, 200.0), 1.0);
        assert_eq!(position_on_timeline(150.0, 100.0, 200.0), 0.5);
    }

    #[test]
    fn an_event_outside_the_timeline_is_held_at_its_nearer_end() {
        assert_eq!(position_on_timeline(50.0, 100.0, 200.0), 0.0);
        assert_eq!(position_on_timeline(500.0, 100.0, 200.0), 1.0);
    }

    #[test]
    fn a_timeline_of_a_single_day_does_not_divide_by_zero() {
        assert_eq!(position_on_timeline(100.0, 100.0, 100.0), 0.0);
        assert_eq!(position_on_timeline(101.0, 100.0, 100.0), 1.0);
    }

    #[test]
    fn a_day_is_written_the_readers_way_and_a_month_as_the_source_gives_it() {
        let day: DateSpec = "2024-10-20".parse().unwrap_or_else(|_| unreachable!());
        let month: DateSpec = "2022-07".parse().unwrap_or_else(|_| unreachable!());
        assert_eq!(event_date(&day, Lang::En), "20 October 2024");
        assert_eq!(event_date(&day, Lang::Ko), "2024년 10월 20일");
        assert_eq!(event_date(&month, Lang::En), "2022-07");
        assert_eq!(event_date(&month, Lang::Ko), "2022-07");
    }

    #[test]
    fn the_default_storys_events_come_oldest_first_and_all_on_the_timeline() {
        let scene = default_scene_at("2024-10-20");
        let events = timeline_events(scene.story(), "en");
        assert!(events.len() >= 3, "{events:?}");
        assert!(events.windows(2).all(|w| w[0].day <= w[1].day));
        assert!(events.iter().all(|e| (0.0..=1.0).contains(&e.at)));
        assert!(events.iter().all(|e| !e.label.is_empty()));
    }

    #[test]
    fn an_events_label_follows_the_readers_language() {
        let scene = default_scene_at("2024-10-20");
        let en = timeline_events(scene.story(), "en");
        let uk = timeline_events(scene.story(), "uk");
        assert_eq!(en.len(), uk.len());
        assert_ne!(en[0].label, uk[0].label);
    }
}
