//! The charts of the default story, drawn on a recording backend: what is drawn for each
//! category, and how the layout turns pixels back into days and observations.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_chart::chart::{
    render_charts, ChartError, ChartLayout, ChartPlan, Palette, MARK_RADIUS,
};
use flowlines_chart::recording::{Call, Recording, RecordingBackend};
use flowlines_core::date::parse_day;
use flowlines_core::model::Story;
use flowlines_core::parse::load_json;
use flowlines_core::series::StorySeries;
use flowlines_core::style::category_color;
use plotters::prelude::IntoDrawingArea;

const WIDTH: u32 = 900;

fn story() -> Story {
    load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap()
}

fn day(s: &str) -> f64 {
    f64::from(parse_day(s).unwrap())
}

/// Draws `category` at its planned height with the cursor at `at`.
fn draw(story: &Story, category: &str, at: &str) -> (Recording, Result<ChartLayout, ChartError>) {
    let series = StorySeries::new(story);
    let plan = ChartPlan::new(story, &series, category, "en").unwrap();
    let backend = RecordingBackend::new(WIDTH, plan.height());
    let recording = backend.recording();
    let root = backend.into_drawing_area();
    let layout = render_charts(
        &root,
        story,
        &series,
        category,
        day(at),
        "en",
        Palette::LIGHT,
    );
    (recording, layout)
}

fn munitions_observations_with_a_number(story: &Story) -> Vec<usize> {
    story
        .observations
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.confidence.counts_as_moved()
                && o.quantity.central().is_some()
                && story
                    .streams
                    .iter()
                    .any(|s| *s.id == *o.stream && s.category == "munitions")
        })
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn munitions_get_one_panel_per_unit_never_one_axis_across_units() {
    let story = story();
    let (recording, layout) = draw(&story, "munitions", "2024-10-20");
    let layout = layout.unwrap();
    let units: Vec<&str> = layout.panels.iter().map(|p| p.unit.as_str()).collect();
    assert_eq!(units, ["containers", "rounds", "missiles", "brigade_sets"]);
    let texts = recording.texts();
    // The report counts "elements of three brigade sets": the unit says so.
    for title in [
        "Containers",
        "Rounds",
        "Missiles",
        "Brigade sets (elements of)",
    ] {
        assert!(
            texts.iter().any(|t| t == title),
            "a panel titled {title}: {texts:?}"
        );
    }
    // Panels are stacked, each below the last.
    assert!(layout.panels.windows(2).all(|w| w[0].bottom < w[1].top));
}

#[test]
fn a_range_across_claimants_is_drawn_as_a_band() {
    let story = story();
    let (recording, layout) = draw(&story, "munitions", "2024-10-20");
    let rounds = &layout.unwrap().panels[1];
    // The rounds are "as many as 9,000,000" in 2024: anything from none to nine million.
    let c = category_color(0);
    let rgb = [(c >> 16) as u8, (c >> 8) as u8, c as u8];
    let bands: Vec<Vec<(i32, i32)>> = recording
        .calls()
        .into_iter()
        .filter_map(|(call, (color, alpha))| match call {
            Call::Polygon(points) if color == rgb && alpha < 0.5 => Some(points),
            _ => None,
        })
        .collect();
    assert!(!bands.is_empty(), "the rounds' range is a band");
    let ys: Vec<f64> = bands.iter().flatten().map(|p| f64::from(p.1)).collect();
    let (top, bottom) = (
        ys.iter().copied().fold(f64::MAX, f64::min),
        ys.iter().copied().fold(0.0, f64::max),
    );
    assert!(
        top >= rounds.top - 1.0 && bottom <= rounds.bottom + 1.0,
        "only the rounds have a range: the band stays in their panel"
    );
    assert!(
        bottom - top > 50.0,
        "from none to nine million: {} px",
        bottom - top
    );
    assert!(recording
        .texts()
        .iter()
        .any(|t| t == "range the sources give"));
}

#[test]
fn every_munitions_observation_is_a_mark_labelled_with_its_figure() {
    let story = story();
    let (recording, layout) = draw(&story, "munitions", "2024-10-20");
    let layout = layout.unwrap();
    let expected = munitions_observations_with_a_number(&story);
    assert_eq!(expected.len(), 6);
    let marks = recording
        .calls()
        .into_iter()
        .filter(|(call, _)| matches!(call, Call::Circle(_, r, true) if *r == MARK_RADIUS))
        .count();
    assert_eq!(marks, expected.len());
    let mut found: Vec<usize> = layout.marks.iter().map(|m| m.observation).collect();
    found.sort_unstable();
    assert_eq!(found, expected);
    let texts = recording.texts();
    for figure in [
        "about 6,700",
        "11,000 or more",
        // The source's "as many as 9 million", with its scale word (was "9,000,000").
        "as many as 9 million",
        // "elements of three brigade sets": the unit says "elements of", the figure is exact.
        "3",
    ] {
        assert!(texts.iter().any(|t| t == figure), "{figure} in {texts:?}");
    }
}

#[test]
fn the_cursor_is_a_vertical_line_at_the_day_in_every_panel() {
    let story = story();
    let at = day("2024-10-20");
    let (recording, layout) = draw(&story, "munitions", "2024-10-20");
    let layout = layout.unwrap();
    let verticals: Vec<(i32, i32, i32)> = recording
        .calls()
        .into_iter()
        .filter_map(|(call, _)| match call {
            Call::Path(p, _) if p.len() == 2 && p[0].0 == p[1].0 => {
                Some((p[0].0, p[0].1.min(p[1].1), p[0].1.max(p[1].1)))
            }
            _ => None,
        })
        .collect();
    for panel in &layout.panels {
        let x = panel.x_of(at);
        assert!(
            verticals.iter().any(|&(vx, top, bottom)| {
                (f64::from(vx) - x).abs() <= 1.0
                    && (f64::from(top) - panel.top).abs() <= 1.0
                    && (f64::from(bottom) - panel.bottom).abs() <= 1.0
            }),
            "a cursor across the {} panel at x {x}",
            panel.unit
        );
    }
    assert!(recording.texts().iter().any(|t| t == "20 October 2024"));
}

#[test]
fn a_category_with_no_figures_says_so_instead_of_drawing_an_empty_chart() {
    let story = story();
    let (recording, layout) = draw(&story, "petroleum", "2024-10-20");
    let layout = layout.unwrap();
    assert!(layout.panels.is_empty() && layout.marks.is_empty());
    let counts = recording.counts();
    for kind in ["path", "polygon", "circle", "line"] {
        assert_eq!(counts.get(kind), None, "no {kind} drawn: {counts:?}");
    }
    let texts = recording.texts();
    assert!(
        texts.iter().any(|t| t.starts_with("No figures are given")),
        "{texts:?}"
    );
    let series = StorySeries::new(&story);
    assert!(!ChartPlan::new(&story, &series, "petroleum", "en")
        .unwrap()
        .has_figures());
}

#[test]
fn day_at_inverts_the_time_axis() {
    let story = story();
    let (_, layout) = draw(&story, "munitions", "2024-10-20");
    let layout = layout.unwrap();
    let p = &layout.panels[0];
    let per_pixel = (p.end_day - p.start_day) / (p.right - p.left);
    for date in ["2022-03-01", "2024-02-27", "2025-06-01"] {
        let d = day(date);
        let back = layout.day_at(p.x_of(d)).unwrap();
        assert!((back - d).abs() <= per_pixel, "{date}: {back} vs {d}");
    }
    // Every panel shares the time axis, and beyond it the days stop at the story's ends.
    assert!(layout
        .panels
        .iter()
        .all(|q| q.left == p.left && q.right == p.right));
    assert_eq!(layout.day_at(p.left - 50.0), Some(p.start_day));
    assert_eq!(layout.day_at(p.right + 50.0), Some(p.end_day));
    assert_eq!(layout.day_at(f64::NAN), None);
    assert_eq!(ChartLayout::default().day_at(100.0), None);
}

#[test]
fn mark_at_finds_the_observation_under_the_pointer() {
    let story = story();
    let (_, layout) = draw(&story, "munitions", "2024-10-20");
    let layout = layout.unwrap();
    let shin = story
        .observations
        .iter()
        .position(|o| o.id == "containers-shin-2024-02")
        .unwrap();
    let m = layout.marks.iter().find(|m| m.observation == shin).unwrap();
    assert_eq!(layout.panels[m.panel].unit, "containers");
    let x = layout.panels[m.panel].x_of(day("2024-02-27"));
    assert!((m.x - x).abs() <= 1.0, "the mark sits at the period's end");
    assert_eq!(layout.mark_at(m.x + 3.0, m.y - 2.0), Some(shin));
    assert_eq!(layout.mark_at(m.x + 30.0, m.y + 30.0), None);
}

#[test]
fn errors_say_what_went_wrong() {
    let story = story();
    let series = StorySeries::new(&story);
    let root = RecordingBackend::new(WIDTH, 600).into_drawing_area();
    let e = render_charts(
        &root,
        &story,
        &series,
        "nonsense",
        0.0,
        "en",
        Palette::LIGHT,
    )
    .unwrap_err();
    assert_eq!(e, ChartError::UnknownCategory("nonsense".into()));
    let tiny = RecordingBackend::new(100, 40).into_drawing_area();
    let e = render_charts(
        &tiny,
        &story,
        &series,
        "munitions",
        0.0,
        "en",
        Palette::LIGHT,
    )
    .unwrap_err();
    assert!(matches!(e, ChartError::TooSmall { width: 100, .. }), "{e}");
    assert!(e.to_string().contains("100 by 40"));
}

#[test]
fn troops_say_which_flows_have_no_figure_to_draw() {
    let story = story();
    let (recording, layout) = draw(&story, "troops", "2024-10-20");
    let layout = layout.unwrap();
    let units: Vec<&str> = layout.panels.iter().map(|p| p.unit.as_str()).collect();
    assert_eq!(units, ["troops"], "workers have no counted figure");
    let texts = recording.texts();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Workers for rebuilding Donbas") && t.contains("proposed")),
        "{texts:?}"
    );
}
