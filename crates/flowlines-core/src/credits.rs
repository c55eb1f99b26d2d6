//! The credits every image of the map carries (the PNG and SVG downloads, `flowlines render`):
//! its title, the date shown, the sources, the caveat and the credit, so that a copy that
//! travels keeps them.
//!
//! **Which sources.** An image shows one moment, so it names the sources of what it shows: the
//! sources of every observation of a flow drawn at that moment (visible under the reader's
//! filters) whose period has begun, and of the denials made by then. Listing every source of
//! the story would credit documents for claims the image does not make; listing none would
//! leave a figure without its origin. The PNG and the SVG once disagreed on this (the PNG
//! listed every source): both read [`credits`] now.

use crate::i18n::{format_date, t, tf, Lang};
use crate::model::Source;
use crate::scene::Scene;
use std::collections::HashSet;

/// The credits of an image of `scene` at its day, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credits {
    /// The story's title.
    pub title: String,
    /// The date shown, the data's 'as of' date and its version, as one sentence.
    pub shown: String,
    /// The citation of each source the drawn flows cite ([`cited_sources`]), in the story's
    /// order; empty when no drawn flow cites any.
    pub sources: Vec<String>,
    /// The story's caveat, or the default one when the story gives none.
    pub caveat: String,
    /// Who made the story, as the story credits them; `None` when it does not.
    pub credit: Option<String>,
}

impl Credits {
    /// The sources as one sentence ("Sources: A; B"); `None` when no drawn flow cites any.
    pub fn sources_line(&self, lang: &str) -> Option<String> {
        (!self.sources.is_empty()).then(|| {
            tf(
                Lang::from_code(lang),
                "sources",
                &[&self.sources.join("; ")],
            )
        })
    }

    /// The credit with its label ("Credit: …"); `None` when the story credits nobody.
    pub fn credit_line(&self, lang: &str) -> Option<String> {
        let label = t(Lang::from_code(lang), "credit_label");
        self.credit.as_ref().map(|c| format!("{label}: {c}"))
    }

    /// The lines a PNG burns in under the map, in order: title, date shown, sources (when
    /// any), caveat, credit (when given).
    pub fn lines(&self, lang: &str) -> Vec<String> {
        let mut lines = vec![self.title.clone(), self.shown.clone()];
        lines.extend(self.sources_line(lang));
        lines.push(self.caveat.clone());
        lines.extend(self.credit_line(lang));
        lines
    }
}

/// The credits of an image of `scene` at its day and under its filters, in `lang` (see the
/// module's note on which sources it lists).
pub fn credits(scene: &Scene, lang: &str) -> Credits {
    let l = Lang::from_code(lang);
    let meta = &scene.story().story;
    let nonblank = |text: &str| (!text.trim().is_empty()).then(|| text.to_string());
    Credits {
        title: meta.title.get(lang).to_string(),
        shown: tf(
            l,
            "shown",
            &[
                &format_date(scene.day().floor() as i32, l),
                &format_date(meta.as_of.last(), l),
                &meta.version,
            ],
        ),
        sources: cited_sources(scene)
            .into_iter()
            .map(|s| crate::details::citation(s, lang))
            .collect(),
        caveat: meta
            .caveat
            .as_ref()
            .and_then(|c| nonblank(c.get(lang)))
            .unwrap_or_else(|| t(l, "caveat_default").to_string()),
        credit: meta.credit.as_ref().and_then(|c| nonblank(c.get(lang))),
    }
}

/// The sources the drawn flows cite at the scene's day, in the story's order: those of every
/// observation of a visible stream whose period has begun, and of the denials made by then.
pub fn cited_sources(scene: &Scene) -> Vec<&Source> {
    let story = scene.story();
    let day = scene.day();
    let visible: HashSet<&str> = story
        .streams
        .iter()
        .zip(scene.styles())
        .filter(|(_, st)| st.visible)
        .map(|(s, _)| s.id.as_str())
        .collect();
    let mut cited: HashSet<&str> = HashSet::new();
    for o in &story.observations {
        if !visible.contains(&*o.stream) || f64::from(o.period.first()) > day {
            continue;
        }
        cited.insert(&o.source);
        for d in &o.denials {
            if f64::from(d.date.first()) <= day {
                cited.insert(d.source.as_str());
            }
        }
    }
    story
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Confidence;
    use crate::test_support::default_scene_at;

    #[test]
    fn an_image_names_the_sources_of_the_flows_it_draws_and_no_others() {
        let scene = default_scene_at("2023-09-15");
        let all = scene.story().sources.len();
        let named = credits(&scene, "en").sources.len();
        assert!(named > 0, "the drawn flows cite some source");
        assert!(
            named < all,
            "{named} of {all}: not every source of the story"
        );
    }

    #[test]
    fn an_image_of_an_earlier_day_names_fewer_sources() {
        let early = credits(&default_scene_at("2023-09-15"), "en").sources.len();
        let late = credits(&default_scene_at("2025-06-01"), "en").sources.len();
        assert!(early < late, "{early} sources in 2023, {late} in 2025");
    }

    #[test]
    fn hiding_every_flow_leaves_no_sources_and_no_sources_line() {
        let mut scene = default_scene_at("2024-10-20");
        for c in [
            Confidence::Confirmed,
            Confidence::Reported,
            Confidence::Claimed,
            Confidence::Proposed,
            Confidence::Denied,
        ] {
            scene.set_confidence_visible(c, false);
        }
        let c = credits(&scene, "en");
        assert!(c.sources.is_empty());
        assert_eq!(c.sources_line("en"), None);
        assert!(!c.lines("en").iter().any(|l| l.starts_with("Sources")));
    }

    #[test]
    fn the_lines_carry_title_date_sources_caveat_and_credit_in_that_order() {
        let scene = default_scene_at("2024-10-20");
        let c = credits(&scene, "en");
        let lines = c.lines("en");
        let meta = &scene.story().story;
        assert_eq!(lines[0], meta.title.get("en"));
        assert!(lines[1].contains("20 October 2024"), "{}", lines[1]);
        assert!(lines[2].starts_with("Sources: "), "{}", lines[2]);
        assert_eq!(lines[3], meta.caveat.as_ref().unwrap().get("en"));
        assert_eq!(
            lines[4],
            format!("Credit: {}", meta.credit.as_ref().unwrap().get("en"))
        );
    }

    #[test]
    fn the_credits_are_written_in_the_reader_s_language() {
        let c = credits(&default_scene_at("2024-10-20"), "ko");
        assert!(c.shown.starts_with("표시 날짜"), "{}", c.shown);
        assert!(c.sources_line("ko").unwrap().starts_with("출처"));
    }
}
