//! What a reader is told about a flow or a place when they point at it: the figure with its
//! range and unit, the period, every claim with its claimant, source and date, who denies it,
//! and the UN sanctions it runs into. Plain text only: the page puts it in the DOM as text.

use crate::date::format_day;
use crate::encoding::marks;
use crate::model::{Confidence, Measure, PathCertainty, Quantity, Story};
use crate::scene::Scene;
use crate::series::Phase;
use serde::Serialize;

/// A figure with thousands separators, rounded to a whole number (counts of things).
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let n = v.round().abs() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v.round() < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A quantity as a source gives it ("over 11,000", "as many as 9,000,000", "unknown").
pub fn quantity_text(q: &Quantity) -> String {
    match *q {
        Quantity::Exact(v) => format_number(v),
        Quantity::About(v) => format!("about {}", format_number(v)),
        Quantity::AtLeast(v) => format!("at least {}", format_number(v)),
        Quantity::AtMost(v) => format!("as many as {}", format_number(v)),
        Quantity::Range { low, high } => {
            format!("{} to {}", format_number(low), format_number(high))
        }
        Quantity::Unknown => "no figure given".into(),
    }
}

/// One claim about a flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimDetails {
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
    /// The figure at the current day, with its range ("6,700 to 11,000 containers", "unknown").
    pub figure: String,
    /// The unit's name.
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

fn mode_text(m: crate::model::Mode) -> &'static str {
    use crate::model::Mode;
    match m {
        Mode::Sea => "by sea",
        Mode::Rail => "by rail",
        Mode::Air => "by air",
        Mode::Road => "by road",
        Mode::Unknown => "by means not reported",
    }
}

fn place_name<'a>(story: &'a Story, id: &'a str, lang: &str) -> &'a str {
    story
        .places
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.names.get(lang))
}

/// What the reader is told about stream `i` of `scene` at its current day, in `lang` for names.
pub fn stream_details(scene: &Scene, i: usize, lang: &str) -> Option<StreamDetails> {
    let story = scene.story();
    let s = story.streams.get(i)?;
    let e = scene.estimates().get(i)?;
    let style = scene.styles().get(i)?;
    let unit = story
        .units
        .iter()
        .find(|u| u.id == s.unit)
        .map_or(s.unit.clone(), |u| u.names.get(lang).to_string());
    let category = story
        .categories
        .iter()
        .find(|c| c.id == s.category)
        .map_or(s.category.clone(), |c| c.names.get(lang).to_string());
    let figure = match (e.phase, e.value) {
        (Phase::Uncounted, _) => {
            "nothing counted as moved: only proposals, offers or denials".into()
        }
        (Phase::Unknown, _) | (_, None) => {
            "unknown: reported to move, but no source gives a number".into()
        }
        (_, Some(v)) => {
            let range = match (e.low, e.high) {
                (Some(l), Some(h)) if (h - l).abs() >= 0.5 => {
                    format!(" (range {} to {})", format_number(l), format_number(h))
                }
                (_, None) => " (open-ended: at least this)".to_string(),
                _ => String::new(),
            };
            format!("{} {unit}{range}", format_number(v))
        }
    };
    let as_of = match e.phase {
        Phase::Held { since } => format!(
            "{} (held from the last reading, {}: not newer)",
            format_day(scene.day().floor() as i32),
            format_day(since)
        ),
        Phase::NotStarted => format!(
            "{} (before the first figure)",
            format_day(scene.day().floor() as i32)
        ),
        _ => format_day(scene.day().floor() as i32),
    };
    let route = story
        .routes
        .iter()
        .find(|r| Some(&r.id) == s.route.as_ref());
    let path = match route {
        Some(r) => format!(
            "{}, {}",
            mode_text(r.mode),
            match r.path {
                PathCertainty::Known => "path reported",
                PathCertainty::Assumed => "path assumed from geography, not reported",
                PathCertainty::Endpoints => "only the endpoints are known",
            }
        ),
        None => "only the endpoints are known".into(),
    };
    let source_text = |id: &str| {
        story
            .sources
            .iter()
            .find(|x| x.id == id)
            .map_or(id.to_string(), |x| {
                let outlet = x
                    .outlet
                    .as_deref()
                    .map(|o| format!(", {o}"))
                    .unwrap_or_default();
                format!(
                    "{}{outlet}, {} ({})",
                    x.title.get(lang),
                    x.published,
                    x.document
                )
            })
    };
    let mut claims: Vec<(i32, ClaimDetails)> = story
        .observations
        .iter()
        .filter(|o| o.stream == s.id)
        .map(|o| {
            let c = &o.claimant;
            let role = c
                .role
                .as_deref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let measure = match o.measure {
                Measure::Cumulative => "running total",
                Measure::InPeriod => "in the period",
            };
            (
                o.period.first(),
                ClaimDetails {
                    claimant: format!("{}{role} ({})", c.name, c.party),
                    figure: format!("{} {unit}, {measure}", quantity_text(&o.quantity)),
                    period: o.period.to_string().replace('/', " to "),
                    reported: o.reported.to_string(),
                    confidence: o.confidence.as_str().into(),
                    source: source_text(&o.source),
                    denials: o
                        .denials
                        .iter()
                        .map(|d| {
                            let note = d
                                .note
                                .as_ref()
                                .map(|n| format!(": {}", n.get(lang)))
                                .unwrap_or_default();
                            format!("denied by {} ({}), {}{note}", d.by.name, d.by.party, d.date)
                        })
                        .collect(),
                    note: o.note.as_ref().map(|n| n.get(lang).to_string()),
                },
            )
        })
        .collect();
    claims.sort_by_key(|c| c.0);
    let sanctions = s
        .sanctions
        .iter()
        .filter_map(|id| story.sanctions.iter().find(|x| &x.id == id))
        .map(|x| {
            format!(
                "UN Security Council resolution {} ({}), paragraph {}: {}",
                x.resolution,
                x.year,
                x.paragraph,
                x.text.get(lang)
            )
        })
        .collect();
    Some(StreamDetails {
        title: s.label.get(lang).to_string(),
        category,
        route: format!(
            "{} → {}",
            place_name(story, &s.from, lang),
            place_name(story, &s.to, lang)
        ),
        path,
        figure,
        unit,
        as_of,
        confidence: style
            .confidence
            .map_or("none yet", Confidence::as_str)
            .to_string(),
        disputed: style.marks & marks::DISPUTED != 0,
        destination: (style.marks & marks::INFERRED_DESTINATION != 0).then(|| {
            format!(
                "destination inferred: the sources do not name {}",
                place_name(story, &s.to, lang)
            )
        }),
        part_of: s.part_of.as_ref().map(|p| {
            let parent = story
                .streams
                .iter()
                .find(|x| &x.id == p)
                .map_or(p.clone(), |x| x.label.get(lang).to_string());
            format!("part of “{parent}”: counted there, never added twice")
        }),
        claims: claims.into_iter().map(|c| c.1).collect(),
        sanctions,
        note: s.note.as_ref().map(|n| n.get(lang).to_string()),
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
    let p = story.places.get(i)?;
    let index = crate::totals::TotalsIndex::new(story);
    let totals = index
        .sum(None, scene.estimates())
        .into_iter()
        .filter_map(|t| {
            let (dir, id) = match &t.group {
                crate::totals::Group::Into(id) => ("in", id),
                crate::totals::Group::OutOf(id) => ("out", id),
                crate::totals::Group::Category(_) => return None,
            };
            if id != &p.id {
                return None;
            }
            let unit = story
                .units
                .iter()
                .find(|u| u.id == t.unit)
                .map_or(t.unit.clone(), |u| u.names.get(lang).to_string());
            let unknown = if t.includes_unknown {
                ", and flows of unknown size"
            } else {
                ""
            };
            Some(format!("{dir}: {} {unit}{unknown}", format_number(t.value)))
        })
        .collect();
    Some(PlaceDetails {
        title: p.names.get(lang).to_string(),
        precision: format!("{:?}", p.precision).to_lowercase(),
        note: p.note.as_ref().map(|n| n.get(lang).to_string()),
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;
    use crate::parse::load_json;

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
    fn a_flow_tells_its_figure_claims_sources_denials_and_sanctions() {
        let story = load_json(
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
        )
        .unwrap();
        let mut scene = Scene::new(story);
        scene.resize(1000.0, 600.0);
        scene.set_day(f64::from(parse_day("2024-10-20").unwrap()));
        let i = scene
            .story()
            .streams
            .iter()
            .position(|s| s.id == "troops-vladivostok")
            .unwrap();
        let d = stream_details(&scene, i, "en").unwrap();
        assert!(d.figure.starts_with("1,500"), "{}", d.figure);
        assert!(d.disputed);
        assert!(d
            .claims
            .iter()
            .any(|c| c.source.contains("003_dba21fc1fcb94cef.txt")));
        assert!(d
            .claims
            .iter()
            .flat_map(|c| &c.denials)
            .any(|x| x.contains("Peskov")));
        assert!(d.part_of.is_some());
        assert!(
            !d.sanctions.is_empty() && d.sanctions[0].starts_with("UN Security Council resolution")
        );
    }
}
