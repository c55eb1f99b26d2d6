//! What a reader is told about a flow or a place when they point at it: the figure with its
//! range and unit, the period, every claim with its claimant, source and date, who denies it,
//! and the UN sanctions it runs into. Plain text only: the page puts it in the DOM as text.

use crate::encoding::marks;
use crate::figure::{self, Basis};
use crate::i18n::{self, format_date, t, tf, Lang};
use crate::model::{Confidence, Measure, PathCertainty, Quantity, Story};
use crate::scene::Scene;
use crate::series::Phase;
use crate::text::join;
use serde::Serialize;

/// A figure with English thousands separators, rounded to a whole number (counts of things).
pub fn format_number(v: f64) -> String {
    i18n::format_number(v, Lang::En)
}

/// A quantity as a source gives it, in English, without its unit ("at least 11,000", "as many
/// as 9 million").
pub fn quantity_text(q: &Quantity) -> String {
    quantity_text_in(q, Lang::En)
}

/// A quantity as a source gives it, in `lang`, without its unit (see [`figure::phrase`]).
pub fn quantity_text_in(q: &Quantity, lang: Lang) -> String {
    figure::quantity_phrase(q, None, lang.code())
}

/// A source as readers are told it: the outlet that published it ("Outlet not named" where our
/// copy does not say), what the document is and when it was published, written the way `lang`
/// writes dates ("Irish Examiner: News article on the first report of …, 30 May 2025"). The name of our copy of the
/// document is for editors only and never shown here.
pub fn citation(source: &crate::model::Source, lang: &str) -> String {
    let l = Lang::from_code(lang);
    let outlet = source
        .outlet
        .as_deref()
        .filter(|o| !o.trim().is_empty())
        .unwrap_or_else(|| t(l, "outlet_unnamed"));
    let date = i18n::format_date_spec(&source.published, l);
    let date = match source.published_inferred {
        Some(_) => tf(l, "date_inferred", &[&date]),
        None => date,
    };
    tf(l, "citation", &[outlet, source.title.get(lang), &date])
}

/// One claim about a flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimDetails {
    /// The observation's id in the data.
    pub id: String,
    /// Who says it, with their role and the party they speak for.
    pub claimant: String,
    /// The figure as given, with its unit and measure.
    pub figure: String,
    /// When it happened, as precisely as the source says.
    pub period: String,
    /// When it was reported.
    pub reported: String,
    /// How sure anyone is.
    pub confidence: String,
    /// The source: document, outlet where it names itself, and publication date.
    pub source: String,
    /// Who denies it, and when.
    pub denials: Vec<String>,
    /// What the source says, in our words.
    pub note: Option<String>,
    /// The source's own words, quoted, with the line they stand on ("“…” (line 20)").
    pub quote: Option<String>,
}

/// A UN provision as readers are told it, in `lang`: "UN Security Council resolution 2397
/// (2017), paragraphs 4 and 5: …", or with `short` only "UNSC 2397 (2017), paras 4 and 5".
/// A provision's `paragraph` lists its paragraphs with commas ("4, 5"); each language joins
/// them its own way, and says "paragraphs" when there are several.
pub fn sanction_text(x: &crate::model::Sanction, lang: &str, short: bool) -> String {
    let l = Lang::from_code(lang);
    let parts: Vec<&str> = x
        .paragraph
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (paragraphs, many) = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            (tf(l, "and_join", &[&join(rest, ", "), last]), true)
        }
        _ => (x.paragraph.clone(), false),
    };
    let year = x.year.to_string();
    let key = match (short, many) {
        (false, false) => "resolution",
        (false, true) => "resolution_many",
        (true, false) => "resolution_short",
        (true, true) => "resolution_short_many",
    };
    tf(
        l,
        key,
        &[&x.resolution, &year, &paragraphs, x.text.get(lang)],
    )
}

/// A quote as readers are shown it, in `lang`: the words in the document's language, in
/// quotation marks, and the line of the document they stand on.
pub fn quote_text(q: &crate::model::Quote, lang: Lang) -> String {
    tf(lang, "quote_line", &[&q.text, &q.line.to_string()])
}

/// Everything the reader is told about one flow at the current day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamDetails {
    /// The flow's label.
    pub title: String,
    /// Category name.
    pub category: String,
    /// "From → to" with place names.
    pub route: String,
    /// How it travels and how sure the path is.
    pub path: String,
    /// The figure at the current day with its qualifier and unit, rounded to the precision of
    /// its readings ("at least 11,000 troops", "up to about 8.6 million rounds", "unknown").
    pub figure: String,
    /// For a figure between readings: that it is an estimate, and between which dated figures.
    pub estimate: Option<String>,
    /// The unit as written after the figure (see [`crate::model::Unit::after_number`]).
    pub unit: String,
    /// The day the figure is for, and whether it is held from an older reading.
    pub as_of: String,
    /// The strongest confidence so far.
    pub confidence: String,
    /// Whether a party denies it.
    pub disputed: bool,
    /// Said when the destination is our inference.
    pub destination: Option<String>,
    /// Said when the stream is part of another.
    pub part_of: Option<String>,
    /// Every claim, oldest first.
    pub claims: Vec<ClaimDetails>,
    /// The sanctions it runs into ("UN Security Council resolution 1718 (2006), paragraph 8: ...").
    pub sanctions: Vec<String>,
    /// Context.
    pub note: Option<String>,
}

fn mode_text(m: crate::model::Mode, lang: Lang) -> &'static str {
    use crate::model::Mode;
    let key = match m {
        Mode::Sea => "by_sea",
        Mode::Rail => "by_rail",
        Mode::Air => "by_air",
        Mode::Road => "by_road",
        Mode::Unknown => "by_unknown",
    };
    t(lang, key)
}

/// The name of a confidence in `lang`.
pub fn confidence_text(c: Confidence, lang: Lang) -> &'static str {
    t(lang, c.as_str())
}

fn place_name<'a>(story: &'a Story, id: &'a str, lang: &str) -> &'a str {
    story
        .places
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.names.get(lang))
}

/// The figure of stream `i` of `scene` at its current day as the reader is told it, in `lang`,
/// and what makes it an estimate (None for a reading): [`StreamDetails`]' `figure` and
/// `estimate`, without the rest, whose claims take a walk through every observation (the
/// summary of a map of 8,000 streams asked for them all and took 5 to 10 s).
pub fn stream_figure(scene: &Scene, i: usize, lang: &str) -> Option<(String, Option<String>)> {
    let story = scene.story();
    let s = story.streams.get(i)?;
    let e = scene.estimates().get(i)?;
    let unit_entry = story.units.iter().find(|u| u.id == s.unit);
    let told = match e.phase {
        Phase::Uncounted | Phase::Unknown => None,
        _ => figure::tell_estimate(e, unit_entry, lang),
    };
    let l = Lang::from_code(lang);
    Some(match (e.phase, told) {
        (Phase::Uncounted, _) => (t(l, "uncounted").to_string(), None),
        (_, None) => (t(l, "unknown_figure").to_string(), None),
        (_, Some(told)) => (told.figure, told.estimate),
    })
}

/// What the reader is told about stream `i` of `scene` at its current day, in `lang` for names.
pub fn stream_details(scene: &Scene, i: usize, lang: &str) -> Option<StreamDetails> {
    let story = scene.story();
    let code = lang;
    let lang = Lang::from_code(code);
    let s = story.streams.get(i)?;
    let e = scene.estimates().get(i)?;
    let style = scene.styles().get(i)?;
    let unit_entry = story.units.iter().find(|u| u.id == s.unit);
    let unit = unit_entry.map_or(s.unit.clone(), |u| u.after_number(code).to_string());
    let category = story
        .categories
        .iter()
        .find(|c| c.id == s.category)
        .map_or(s.category.clone(), |c| c.names.get(code).to_string());
    let (figure, estimate) = stream_figure(scene, i, code)?;
    let today = format_date(scene.day().floor() as i32, lang);
    let as_of = match e.phase {
        Phase::Held { since } => tf(lang, "held", &[&today, &format_date(since, lang)]),
        Phase::NotStarted => tf(lang, "before_first", &[&today]),
        _ => today,
    };
    let route = story
        .routes
        .iter()
        .find(|r| Some(&r.id) == s.route.as_ref());
    let path = match route {
        Some(r) => format!(
            "{}, {}",
            mode_text(r.mode, lang),
            t(
                lang,
                match r.path {
                    PathCertainty::Known => "path_known",
                    PathCertainty::Assumed => "path_assumed",
                    PathCertainty::Endpoints => "path_endpoints",
                }
            )
        ),
        None => t(lang, "path_endpoints").into(),
    };
    let source_text = |id: &str| {
        story
            .sources
            .iter()
            .find(|x| x.id == id)
            .map_or(id.to_string(), |x| citation(x, code))
    };
    let mut claims: Vec<(i32, ClaimDetails)> = story
        .observations
        .iter()
        .filter(|o| *o.stream == *s.id)
        .map(|o| {
            let measure = t(
                lang,
                match o.measure {
                    Measure::Cumulative => "running_total",
                    Measure::InPeriod => "in_period",
                },
            );
            (
                o.period.first(),
                ClaimDetails {
                    id: o.id.clone(),
                    claimant: o.claimant.describe(code),
                    figure: format!(
                        "{}, {measure}",
                        figure::quantity_phrase(&o.quantity, unit_entry, code)
                    ),
                    period: i18n::format_period(&o.period, lang),
                    reported: i18n::format_date_spec(&o.reported, lang),
                    confidence: confidence_text(o.confidence, lang).into(),
                    source: source_text(&o.source),
                    denials: o
                        .denials
                        .iter()
                        .map(|d| {
                            let note = d
                                .note
                                .as_ref()
                                .map(|n| format!(": {}", n.get(code)))
                                .unwrap_or_default();
                            let date = i18n::format_date_spec(&d.date, lang);
                            let by = tf(
                                lang,
                                "denied_by",
                                &[d.by.name.get(code), d.by.party.get(code), &date],
                            );
                            format!("{by}{note}")
                        })
                        .collect(),
                    note: o.note.as_ref().map(|n| n.get(code).to_string()),
                    quote: o.quote.as_ref().map(|q| quote_text(q, lang)),
                },
            )
        })
        .collect();
    crate::order::sort_by_key(&mut claims, |c| crate::order::i32_key(c.0));
    let sanctions = story
        .sanctions_of(s)
        .map(|x| sanction_text(x, code, false))
        .collect();
    Some(StreamDetails {
        title: s.label.get(code).to_string(),
        category,
        route: format!(
            "{} → {}",
            place_name(story, &s.from, code),
            place_name(story, &s.to, code)
        ),
        path,
        figure,
        estimate,
        unit,
        as_of,
        confidence: style
            .confidence
            .map_or(t(lang, "none_yet"), |c| confidence_text(c, lang))
            .to_string(),
        disputed: style.marks & marks::DISPUTED != 0,
        destination: (style.marks & marks::INFERRED_DESTINATION != 0).then(|| {
            tf(
                lang,
                "destination_inferred",
                &[place_name(story, &s.to, code)],
            )
        }),
        part_of: s.part_of.as_ref().map(|p| {
            let parent = story
                .streams
                .iter()
                .find(|x| &x.id == p)
                .map_or(p.clone(), |x| x.label.get(code).to_string());
            tf(lang, "part_of", &[&parent])
        }),
        claims: claims.into_iter().map(|c| c.1).collect(),
        sanctions,
        note: s.note.as_ref().map(|n| n.get(code).to_string()),
    })
}

/// Everything the reader is told about a place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceDetails {
    /// Its name.
    pub title: String,
    /// What the point stands for ("city", "region").
    pub precision: String,
    /// Context (for example who controls it).
    pub note: Option<String>,
    /// What arrived and left by the current day, one line per unit.
    pub totals: Vec<String>,
}

/// What the reader is told about place `i` at the scene's day.
pub fn place_details(scene: &Scene, i: usize, lang: &str) -> Option<PlaceDetails> {
    let story = scene.story();
    let code = lang;
    let lang = Lang::from_code(code);
    let p = story.places.get(i)?;
    let index = crate::totals::TotalsIndex::new(story);
    let totals = index
        .sum(None, scene.estimates())
        .into_iter()
        .filter_map(|total| {
            let (dir, id) = match &total.group {
                crate::totals::Group::Into(id) => ("into", id),
                crate::totals::Group::OutOf(id) => ("out_of", id),
                crate::totals::Group::Category(_) => return None,
            };
            if id != &p.id {
                return None;
            }
            let unit = story.units.iter().find(|u| u.id == total.unit);
            let amount = figure::phrase(Basis::of_total(&total).shape(), unit, code);
            let amount = if total.includes_unknown {
                tf(lang, "and_unknown", &[&amount])
            } else {
                amount
            };
            let mut notes = Vec::new();
            if total.estimated {
                notes.push(t(lang, "estimate_short"));
            }
            if total.inferred_destination && dir == "into" {
                notes.push(t(lang, "destination_inferred_short"));
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", join(&notes, "; "))
            };
            Some(format!("{}{notes}", tf(lang, dir, &[&amount])))
        })
        .collect();
    Some(PlaceDetails {
        title: p.names.get(code).to_string(),
        precision: t(lang, &format!("{:?}", p.precision).to_ascii_lowercase()).to_string(),
        note: p.note.as_ref().map(|n| n.get(code).to_string()),
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flows_figure_alone_is_the_figure_its_details_tell() {
        for date in [
            "2022-01-01",
            "2023-09-13",
            "2024-02-27",
            "2024-10-20",
            "2025-05-30",
        ] {
            let scene = crate::test_support::default_scene_at(date);
            for i in 0..=scene.story().streams.len() {
                for lang in ["en", "ko"] {
                    let told = stream_details(&scene, i, lang).map(|d| (d.figure, d.estimate));
                    assert_eq!(stream_figure(&scene, i, lang), told, "stream {i} on {date}");
                }
            }
        }
    }

    /// The default story's scene on `date`, and the index of its stream `id`.
    fn default_story_at(date: &str, id: &str) -> (Scene, usize) {
        let scene = crate::test_support::default_scene_at(date);
        let i = scene
            .story()
            .streams
            .iter()
            .position(|s| s.id == id)
            .unwrap();
        (scene, i)
    }

    #[test]
    fn several_paragraphs_are_joined_and_called_paragraphs_in_every_language() {
        let scene = crate::test_support::default_scene_at("2025-05-30");
        let caps = scene
            .story()
            .sanctions
            .iter()
            .find(|x| x.paragraph == "4, 5")
            .unwrap();
        let text = |lang, short| sanction_text(caps, lang, short);
        assert!(text("en", false).contains("resolution 2397 (2017), paragraphs 4 and 5: "));
        assert!(
            text("uk", false).contains("пункти 4 і 5"),
            "{}",
            text("uk", false)
        );
        assert!(
            text("ru", false).contains("пункты 4 и 5"),
            "{}",
            text("ru", false)
        );
        assert!(text("ko", false).contains("4·5항"), "{}", text("ko", false));
        assert_eq!(text("en", true), "UNSC 2397 (2017), paras 4 and 5");
        assert_eq!(text("ru", true), "СБ ООН 2397 (2017), пп. 4 и 5");
        let one = &scene.story().sanctions[0];
        assert_eq!(sanction_text(one, "uk", true), "РБ ООН 1718 (2006), п. 8");
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(format_number(9_000_000.0), "9,000,000");
        assert_eq!(format_number(6700.4), "6,700");
        assert_eq!(format_number(100.0), "100");
        assert_eq!(
            quantity_text(&Quantity::AtLeast(11000.0)),
            "at least 11,000"
        );
    }

    #[test]
    fn a_flow_is_told_in_the_readers_language() {
        let (scene, i) = default_story_at("2024-06-30", "munitions-containers");
        let ko = stream_details(&scene, i, "ko").unwrap();
        // "at least 11,000" keeps its qualifier, and Korean counts containers with 개.
        assert_eq!(ko.figure, "컨테이너 최소 11,000개");
        assert!(ko.as_of.contains("2024년 6월 30일"), "{}", ko.as_of);
        let uk = stream_details(&scene, i, "uk").unwrap();
        assert_eq!(uk.figure, "щонайменше 11\u{202f}000 контейнерів");
        assert!(uk.as_of.contains("30 червня 2024"), "{}", uk.as_of);
        assert_eq!(uk.confidence, "Повідомлено");
    }

    #[test]
    fn who_says_it_when_and_in_what_words_follow_the_readers_language() {
        let (scene, i) = default_story_at("2024-06-30", "munitions-containers");
        let ru = stream_details(&scene, i, "ru").unwrap();
        // The counted form after a figure: "11 000 контейнеров", not "контейнеры".
        assert!(ru.figure.contains("контейнеров"), "{}", ru.figure);
        let shin = ru
            .claims
            .iter()
            .find(|c| c.claimant.starts_with("Шин Вон Сик"))
            .unwrap();
        assert_eq!(
            shin.claimant,
            "Шин Вон Сик, министр обороны Южной Кореи (Южная Корея)"
        );
        assert!(shin.period.contains("27 февраля 2024"), "{}", shin.period);
        assert!(!shin.period.contains(" to "), "{}", shin.period);
        let ko = stream_details(&scene, i, "ko").unwrap();
        assert!(ko.claims.iter().any(|c| c.claimant.starts_with("신원식")));
        assert!(
            ko.claims.iter().all(|c| c.reported.contains('년')),
            "{:?}",
            ko.claims
        );
    }

    #[test]
    fn a_flow_tells_its_figure_claims_sources_denials_and_sanctions() {
        let (scene, i) = default_story_at("2024-10-20", "troops-vladivostok");
        let d = stream_details(&scene, i, "en").unwrap();
        assert!(d.figure.starts_with("1,500"), "{}", d.figure);
        assert!(d.disputed);
        // Readers are told the outlet (or that the document names none), what it is and
        // when: never the file name of our copy.
        assert!(d.claims.iter().any(|c| c
            .source
            .starts_with("Outlet not named: Explainer on whether")));
        assert!(d.claims.iter().all(|c| !c.source.contains(".txt")));
        assert!(d
            .claims
            .iter()
            .flat_map(|c| &c.denials)
            .any(|x| x.contains("Peskov")));
        assert!(d.part_of.is_some());
        assert!(
            d.claims.iter().any(|c| c.quote.as_deref().is_some_and(|q| q
                .contains("moved 1,500 North Korean soldiers")
                && q.ends_with("(line 20)"))),
            "{:?}",
            d.claims
        );
        assert!(
            !d.sanctions.is_empty() && d.sanctions[0].starts_with("UN Security Council resolution")
        );
    }
}
