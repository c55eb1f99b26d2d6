//! What the map shows at its current day, in one short text for readers who cannot see it: the
//! day, then each visible flow with a figure ("Munitions by the container from Pyongyang to
//! Russia: 11,000 containers."), then the flows reported with no figure and those only proposed.
//! The page puts it in an ARIA live region and updates it when the day or the filters change.

use crate::details::stream_figure;
use crate::encoding::marks;
use crate::i18n::{format_date, t, tf, Lang};
use crate::model::Place;
use crate::scene::Scene;
use crate::series::Phase;
use crate::text::join;
use std::collections::HashMap;

/// The summary of what `scene` shows at its day with its filters, in `lang` ("en", "ko", "uk",
/// "ru"; others fall back to English).
pub fn summary(scene: &Scene, lang: &str) -> String {
    let l = Lang::from_code(lang);
    let story = scene.story();
    // Places by id, looked up twice per flow (a map has up to 100,000 of each); the first of
    // a repeated id, as a search from the start would find (collected last to first).
    let places: HashMap<&str, &Place> = story
        .places
        .iter()
        .rev()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let place = |id: &str| {
        places
            .get(id)
            .map_or(id.to_string(), |p| p.names.get(lang).to_string())
    };
    let mut sentences = vec![tf(
        l,
        "summary_day",
        &[&format_date(scene.day().floor() as i32, l)],
    )];
    let mut unknown = Vec::new();
    let mut proposed = Vec::new();
    let mut counted = 0;
    for (i, (s, (e, st))) in story
        .streams
        .iter()
        .zip(scene.estimates().iter().zip(scene.styles()))
        .enumerate()
    {
        if !st.visible {
            continue;
        }
        let label = s.label.get(lang).to_string();
        match (e.phase, e.value) {
            (Phase::Moving | Phase::Held { .. }, Some(_)) => {
                let Some((figure, estimate)) = stream_figure(scene, i, lang) else {
                    continue;
                };
                // The figure keeps its qualifier, and says when it is an estimate and when
                // its destination is our inference.
                let mut notes: Vec<&str> = estimate.as_deref().into_iter().collect();
                if st.marks & marks::INFERRED_DESTINATION != 0 {
                    notes.push(t(l, "destination_inferred_short"));
                }
                let figure = figure.trim_end_matches('.');
                let figure = if notes.is_empty() {
                    figure.to_string()
                } else {
                    format!("{figure} ({})", join(&notes, "; "))
                };
                let from = place(&s.from);
                let to = place(&s.to);
                sentences.push(tf(l, "summary_flow", &[&label, &from, &to, &figure]));
                counted += 1;
            }
            (Phase::Unknown, _) => unknown.push(label),
            (Phase::Uncounted, _) => proposed.push(label),
            _ => {}
        }
    }
    if counted == 0 {
        sentences.push(t(l, "summary_nothing").to_string());
    }
    if !unknown.is_empty() {
        sentences.push(tf(l, "summary_unknown_flows", &[&join(&unknown, ", ")]));
    }
    if !proposed.is_empty() {
        sentences.push(tf(l, "summary_proposed", &[&join(&proposed, ", ")]));
    }
    join(&sentences, " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;
    use crate::test_support::default_scene_at as scene_at;

    #[test]
    fn the_summary_tells_the_day_and_each_visible_flow_with_its_figure() {
        let s = summary(&scene_at("2024-10-20"), "en");
        assert!(s.starts_with("On 20 October 2024: "), "{s}");
        assert!(
            // The reading is "at least 11,000": its qualifier stays with it.
            s.contains(
                "Munitions by the container from Pyongyang to Russia: at least 11,000 containers"
            ),
            "{s}"
        );
        assert!(s.contains("with no figure"), "{s}");
    }

    #[test]
    fn the_summary_follows_the_filters_and_the_day() {
        let mut scene = scene_at("2024-10-20");
        let all = summary(&scene, "en");
        scene.set_category_visible("munitions", false);
        let without = summary(&scene, "en");
        assert!(!without.contains("Munitions by the container"), "{without}");
        assert_ne!(all, without);
        scene.set_category_visible("munitions", true);
        scene.set_day(f64::from(parse_day("2024-02-27").unwrap()));
        let feb = summary(&scene, "en");
        assert!(feb.contains("6,700 containers"), "{feb}");
    }

    #[test]
    fn before_anything_moves_the_summary_says_so() {
        let s = summary(&scene_at("2022-01-01"), "en");
        assert!(s.contains("No flow with a figure has started yet."), "{s}");
    }

    #[test]
    fn the_summary_is_written_in_the_readers_language() {
        let scene = scene_at("2024-10-20");
        let ko = summary(&scene, "ko");
        assert!(ko.starts_with("2024년 10월 20일 현재:"), "{ko}");
        assert!(ko.contains("11,000"), "{ko}");
        let uk = summary(&scene, "uk");
        assert!(uk.starts_with("Станом на 20 жовтня 2024:"), "{uk}");
        assert!(uk.contains("11\u{202f}000"), "{uk}");
        let ru = summary(&scene, "ru");
        assert!(ru.starts_with("На 20 октября 2024:"), "{ru}");
    }
}
