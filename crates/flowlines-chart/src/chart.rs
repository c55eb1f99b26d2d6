//! Charts of a category over time: each stream's running total, one panel per unit (munitions
//! come in containers, rounds, missiles and brigade sets: never one axis across units), drawn
//! through any plotters [`DrawingBackend`] (a canvas in the page, SVG natively, a recording in
//! tests).
//!
//! Each panel spans the story's start to its end and shows:
//! - each stream's central running total as a line, styled by its strongest confidence as on
//!   the map (solid confirmed, dashed reported, dotted claimed), faint after its last reading,
//!   where the figure is only held and is not newer;
//! - the range the claimants allow as a pale band from the low to the high; a figure with no
//!   ceiling ("over 11,000") is drawn up to its central value and its mark says "or more", with
//!   an arrow pointing up;
//! - a mark at the end of each counted observation's period, labelled with the figure as the
//!   source gives it;
//! - a cursor at the current day.
//!
//! A category with no figure says so in text instead of drawing an empty chart. What was drawn
//! where comes back as a [`ChartLayout`], so the page asks Rust, not JavaScript, which day or
//! which observation is under the pointer.

use flowlines_core::date::{format_day, parse_day};
use flowlines_core::details::{format_number, quantity_text_in};
use flowlines_core::figure::write_number;
use flowlines_core::i18n::{self, t, tf, Lang};
use flowlines_core::model::{Confidence, Quantity, Story};
use flowlines_core::series::{runs, Run, Series, StorySeries};
use flowlines_core::style::{category_color, category_colors, Theme};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt;

use crate::paint::{fit, font, mix, rgb, wrap};

/// Height of one unit's panel, in the backend's pixels (CSS pixels in the page).
pub const PANEL_HEIGHT: u32 = 180;
/// Height of one line of text under the panels.
pub const NOTE_HEIGHT: u32 = 18;
/// The narrowest area a chart is drawn in, in pixels.
pub const MIN_WIDTH: u32 = 160;
/// The lowest a panel may be squeezed to, in pixels.
pub const MIN_PANEL_HEIGHT: u32 = 80;
/// Radius of an observation's mark, in pixels.
pub const MARK_RADIUS: u32 = 4;
/// How far from a mark's centre the pointer still finds it, in pixels.
pub const HIT_RADIUS: f64 = 8.0;
/// Space above, below and between the parts of a chart, in pixels.
const PAD: u32 = 6;
/// Room above each panel's plot for its title.
const TITLE_ROOM: u32 = 24;
/// Room under each panel's plot for the years.
const X_LABEL_ROOM: u32 = 20;

/// The colours a chart is drawn in besides its category's: the page's light or dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The chart's background, and the fill of its marks.
    pub paper: RGBColor,
    /// Titles, labels, the cursor.
    pub ink: RGBColor,
    /// Axes, their numbers and the notes under the panels.
    pub muted: RGBColor,
    /// The grid lines.
    pub grid: RGBColor,
}

impl Palette {
    /// Dark ink on white: the page's light theme and every static chart.
    pub const LIGHT: Palette = Palette {
        paper: RGBColor(0xff, 0xff, 0xff),
        ink: RGBColor(0x1d, 0x1d, 0x1f),
        muted: RGBColor(0x5f, 0x5f, 0x66),
        grid: RGBColor(0xe4, 0xe1, 0xda),
    };
    /// Light ink on the dark theme's surface (`--fl-surface`, `--fl-ink`, `--fl-muted` in
    /// www/css/flowlines.css).
    pub const DARK: Palette = Palette {
        paper: RGBColor(0x23, 0x26, 0x2b),
        ink: RGBColor(0xec, 0xeb, 0xe7),
        muted: RGBColor(0xa9, 0xa9, 0xb2),
        grid: RGBColor(0x3a, 0x3d, 0x44),
    };

    /// The palette of a theme by name: "dark", or light for anything else.
    pub fn of_theme(theme: &str) -> Palette {
        if theme == "dark" {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }
}
/// Opacity of the band between the low and the high.
const BAND_ALPHA: f64 = 0.2;
/// Opacity of a line after its last reading, where the figure is only held.
const HELD_ALPHA: f64 = 0.4;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// The story has no category with this id.
    UnknownCategory(String),
    /// The area is smaller than the chart needs, in pixels.
    TooSmall {
        /// The area's width.
        width: u32,
        /// The area's height.
        height: u32,
        /// The least width a chart is drawn in.
        min_width: u32,
        /// The least height this category's panels and notes need.
        min_height: u32,
    },
    /// The drawing backend failed; its own message.
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::UnknownCategory(id) => write!(f, "the story has no category '{id}'"),
            ChartError::TooSmall {
                width,
                height,
                min_width,
                min_height,
            } => write!(
                f,
                "the chart needs at least {min_width} by {min_height} pixels, \
                 it was given {width} by {height}"
            ),
            ChartError::Drawing(message) => write!(f, "drawing the chart failed: {message}"),
        }
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e.to_string())
    }
}

/// One unit's panel before it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelPlan {
    /// The unit's id.
    pub unit: String,
    /// The unit's name in the chart's language ("containers").
    pub name: String,
    /// The streams drawn in it, indices into the story's streams, in story order.
    pub streams: Vec<usize>,
}

/// What a category's chart holds, decided before anything is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    /// The category's index in the story (it decides the colour).
    pub category: usize,
    /// The category's name in the chart's language.
    pub name: String,
    /// One panel per unit with at least one figure, in the order the category's streams first
    /// use the units.
    pub panels: Vec<PanelPlan>,
    /// One line per stream that has no figure to draw, saying why.
    pub notes: Vec<String>,
    /// When no stream has a figure: the text said instead of a chart.
    pub empty: Option<String>,
}

/// Whether stream `i` has any counted figure with a number.
fn has_numbers(series: &StorySeries, i: usize) -> bool {
    series
        .series(i)
        .is_some_and(|s| s.readings().next().is_some())
}

/// Whether stream `i`, which has nothing to draw, is reported to move with no number (rather
/// than only proposed, offered or denied).
fn moves_without_number(series: &StorySeries, i: usize) -> bool {
    matches!(series.series(i), Some(s) if s.start().is_some() && s.has_unknown())
}

/// The first letter in upper case ("containers" becomes "Containers").
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl ChartPlan {
    /// Plans the chart of `category` (an id): its panels, one per unit, and its notes, with
    /// names in `lang`.
    pub fn new(
        story: &Story,
        series: &StorySeries,
        category: &str,
        lang: &str,
    ) -> Result<Self, ChartError> {
        let index = story
            .categories
            .iter()
            .position(|c| c.id == category)
            .ok_or_else(|| ChartError::UnknownCategory(category.to_string()))?;
        let mut panels: Vec<PanelPlan> = Vec::new();
        let mut notes = Vec::new();
        let mut any_unknown = false;
        let mut any_stream = false;
        let l = Lang::from_code(lang);
        for (i, s) in story.streams.iter().enumerate() {
            if s.category != category {
                continue;
            }
            any_stream = true;
            if !has_numbers(series, i) {
                let unknown = moves_without_number(series, i);
                any_unknown |= unknown;
                let why = if unknown {
                    "why_unknown"
                } else {
                    "why_uncounted"
                };
                notes.push(format!("{}: {}.", s.label.get(lang), t(l, why)));
                continue;
            }
            match panels.iter_mut().find(|p| p.unit == s.unit) {
                Some(p) => p.streams.push(i),
                None => panels.push(PanelPlan {
                    unit: s.unit.clone(),
                    name: story
                        .units
                        .iter()
                        .find(|u| u.id == s.unit)
                        .map_or(s.unit.clone(), |u| u.names.get(lang).to_string()),
                    streams: vec![i],
                }),
            }
        }
        let empty = panels.is_empty().then(|| {
            let reason = if !any_stream {
                "no_flow_of_kind"
            } else if any_unknown {
                "moves_no_number"
            } else {
                "only_proposals"
            };
            tf(l, "no_figures", &[t(l, reason)])
        });
        Ok(ChartPlan {
            category: index,
            name: story.categories[index].names.get(lang).to_string(),
            panels,
            notes,
            empty,
        })
    }

    /// Whether any stream of the category has a figure to draw.
    pub fn has_figures(&self) -> bool {
        !self.panels.is_empty()
    }

    /// The height the chart is meant to be drawn at, in pixels: a panel per unit and a line
    /// per note (or the lines of text said instead of a chart).
    pub fn height(&self) -> u32 {
        let lines = self.notes.len() as u32 + u32::from(self.empty.is_some());
        self.panels.len() as u32 * PANEL_HEIGHT + lines * NOTE_HEIGHT + 2 * PAD
    }

    /// The least height the chart can be squeezed to, in pixels.
    pub fn min_height(&self) -> u32 {
        let lines = self.notes.len() as u32 + u32::from(self.empty.is_some());
        self.panels.len() as u32 * MIN_PANEL_HEIGHT + lines * NOTE_HEIGHT + 2 * PAD
    }
}

/// Where one unit's panel was drawn, with its time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    /// The unit's id.
    pub unit: String,
    /// Left edge of the plot (the first day), in the backend's pixels.
    pub left: f64,
    /// Right edge of the plot (the last day).
    pub right: f64,
    /// Top of the plot (the highest value on the axis).
    pub top: f64,
    /// Bottom of the plot (zero).
    pub bottom: f64,
    /// The day at the left edge (days since 1970-01-01).
    pub start_day: f64,
    /// The day at the right edge.
    pub end_day: f64,
}

impl PanelLayout {
    /// The x pixel of `day`.
    pub fn x_of(&self, day: f64) -> f64 {
        let span = (self.end_day - self.start_day).max(1.0);
        self.left + (day - self.start_day) / span * (self.right - self.left)
    }

    /// The day at x pixel `x`, kept within the panel's days: left of the plot is its first
    /// day, right of it its last.
    pub fn day_at(&self, x: f64) -> f64 {
        let width = (self.right - self.left).max(1.0);
        let f = ((x - self.left) / width).clamp(0.0, 1.0);
        self.start_day + f * (self.end_day - self.start_day)
    }

    /// Whether (`x`, `y`) falls inside the plot.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }
}

/// Where one observation's mark was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkLayout {
    /// Centre, x, in the backend's pixels.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// The observation's index in the story's observations.
    pub observation: usize,
    /// The panel it is in, an index into [`ChartLayout::panels`].
    pub panel: usize,
}

/// What a chart drew where: enough to turn a pointer into a day or an observation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartLayout {
    /// Each unit's panel, top to bottom; empty when the category has no figures.
    pub panels: Vec<PanelLayout>,
    /// Every observation's mark.
    pub marks: Vec<MarkLayout>,
}

impl ChartLayout {
    /// The day at x pixel `x` on the chart's time axis (the same in every panel), kept within
    /// the story's days; `None` when no panel was drawn or `x` is not a number.
    pub fn day_at(&self, x: f64) -> Option<f64> {
        if !x.is_finite() {
            return None;
        }
        self.panels.first().map(|p| p.day_at(x))
    }

    /// The observation whose mark is nearest (`x`, `y`), within [`HIT_RADIUS`] pixels.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        self.marks
            .iter()
            .map(|m| (m.observation, (m.x - x).hypot(m.y - y)))
            .filter(|(_, d)| *d <= HIT_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(o, _)| o)
    }
}

/// The figure as the source gives it in `lang`, with its qualifier ("as many as 9 million",
/// "about 6,700"), saying "or more" for a figure with no ceiling, next to its upward arrow.
pub fn figure_label(q: &Quantity, lang: &str) -> String {
    let l = Lang::from_code(lang);
    match *q {
        Quantity::AtLeast(v) => tf(l, "or_more", &[&write_number(v, l).text]),
        _ => quantity_text_in(q, l),
    }
}

/// A step between the value axis's ticks: 1, 2, 2.5 or 5 times a power of ten, never under 1
/// (things are counted whole).
fn nice_step(max: f64, ticks: f64) -> f64 {
    let raw = (max / ticks).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    let nice = [1.0, 2.0, 2.5, 5.0]
        .into_iter()
        .find(|&n| f <= n)
        .unwrap_or(10.0);
    nice * magnitude
}

/// The top of the value axis and its ticks, for figures up to `peak`.
fn value_axis(peak: f64) -> (f64, Vec<f64>) {
    let room = peak * 1.25;
    let step = nice_step(room, 4.0);
    let top = ((room / step).ceil() * step).max(step);
    let ticks = (0..)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= top + step * 1e-9)
        .collect();
    (top, ticks)
}

/// The first day of each year from `start` to `end`.
fn year_starts(start: f64, end: f64) -> Vec<f64> {
    let year = |d: f64| -> i32 {
        format_day(d.floor() as i32)
            .chars()
            .take(4)
            .collect::<String>()
            .parse()
            .unwrap_or(1970)
    };
    (year(start)..=year(end))
        .filter_map(|y| parse_day(&format!("{y:04}-01-01")).ok())
        .map(f64::from)
        .filter(|d| (start..=end).contains(d))
        .collect()
}

/// A linear axis of `f64` with its ticks chosen by us (years, whole counts), formatted by the
/// closures given to the mesh.
#[derive(Debug, Clone)]
struct Axis {
    range: std::ops::Range<f64>,
    ticks: Vec<f64>,
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let f = if span > 0.0 {
            (value - self.range.start) / span
        } else {
            0.5
        };
        limit.0 + (f * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.clone()
    }
}

/// How a stream's line is stroked: dash and gap lengths in pixels, or solid.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stroke {
    Solid,
    Dashed(i32, i32),
}

/// The map's line style for a confidence: solid confirmed, dashed reported, dotted claimed.
fn stroke_of(c: Option<Confidence>) -> Stroke {
    match c {
        Some(Confidence::Confirmed) => Stroke::Solid,
        Some(Confidence::Reported) => Stroke::Dashed(7, 4),
        _ => Stroke::Dashed(2, 3),
    }
}

/// Everything a panel needs that is the same for every panel of the chart.
struct Frame<'a> {
    story: &'a Story,
    series: &'a StorySeries,
    start: f64,
    end: f64,
    cursor: f64,
    color: RGBColor,
    lang: &'a str,
    /// The colours besides the category's.
    palette: Palette,
    /// Width of the value axis's labels, the same in every panel so that days line up.
    y_label_width: u32,
}

/// A rectangle in pixels: left, top, right, bottom.
type Rect = (i32, i32, i32, i32);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The peak of the streams in `panel`, in its unit.
fn panel_peak(series: &StorySeries, panel: &PanelPlan) -> f64 {
    panel
        .streams
        .iter()
        .filter_map(|&i| series.series(i))
        .map(Series::peak)
        .fold(0.0, f64::max)
}

/// Draws the chart of `category` (an id) of `story` on `root`: one panel per unit of the
/// category's streams, their running totals from `series` with bands and marks, and a cursor at
/// `cursor_day` (days since 1970-01-01); names in `lang`. Sizes are in `root`'s pixels; draw
/// at [`ChartPlan::height`] for the intended look. A category with no figures gets a text
/// saying so and an empty layout. `palette` gives the background, ink and grid colours.
pub fn render_charts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    series: &StorySeries,
    category: &str,
    cursor_day: f64,
    lang: &str,
    palette: Palette,
) -> Result<ChartLayout, ChartError> {
    render_charts_in(
        root, story, series, category, cursor_day, lang, palette, None,
    )
}

/// [`render_charts`] with the category drawn in `color` (`0xRRGGBB`: the colour the live map
/// gives it, see `Scene::set_colors`); `None` for the story's own colour on the light theme,
/// else the palette's.
#[allow(clippy::too_many_arguments)]
pub fn render_charts_in<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    series: &StorySeries,
    category: &str,
    cursor_day: f64,
    lang: &str,
    palette: Palette,
    color: Option<u32>,
) -> Result<ChartLayout, ChartError> {
    let plan = ChartPlan::new(story, series, category, lang)?;
    let (width, height) = root.dim_in_pixel();
    if width < MIN_WIDTH {
        return Err(ChartError::TooSmall {
            width,
            height,
            min_width: MIN_WIDTH,
            min_height: plan.min_height(),
        });
    }
    // The sentences under the panels, wrapped to the width: the panels give up the room.
    let text_width = width.saturating_sub(2 * PAD + 4);
    let mut lines: Vec<(String, bool)> = Vec::new();
    for (k, text) in plan.empty.iter().chain(&plan.notes).enumerate() {
        let lead = k == 0 && plan.empty.is_some();
        for line in wrap(root, text, &note_style(lead, &palette), text_width)? {
            lines.push((line, lead));
        }
    }
    let notes_height = lines.len() as u32 * NOTE_HEIGHT + 2 * PAD;
    let min_height = plan.panels.len() as u32 * MIN_PANEL_HEIGHT + notes_height;
    if height < min_height {
        return Err(ChartError::TooSmall {
            width,
            height,
            min_width: MIN_WIDTH,
            min_height,
        });
    }
    root.fill(&palette.paper)?;
    let mut layout = ChartLayout::default();
    let mut area = root.clone();
    if !plan.panels.is_empty() {
        let panel_height = (height - notes_height) / plan.panels.len() as u32;
        let start = f64::from(story.story.start.first());
        let end = f64::from(story.story.end.last()).max(start + 1.0);
        let widest = plan
            .panels
            .iter()
            .map(|p| format_number(value_axis(panel_peak(series, p)).0))
            .map(|t| root.estimate_text_size(&t, &font(11.0)).map(|s| s.0))
            .collect::<Result<Vec<u32>, _>>()?
            .into_iter()
            .max()
            .unwrap_or(0);
        let frame = Frame {
            story,
            series,
            start,
            end,
            cursor: cursor_day,
            color: rgb(color.unwrap_or_else(|| {
                category_colors(&story.categories, Theme::Light, &[])
                    .0
                    .get(plan.category)
                    .copied()
                    .unwrap_or_else(|| category_color(plan.category))
            })),
            lang,
            palette,
            y_label_width: widest + 10,
        };
        for (k, panel) in plan.panels.iter().enumerate() {
            let (this, rest) = area.split_vertically(panel_height);
            draw_panel(&this, &frame, panel, k, &mut layout)?;
            area = rest;
        }
    }
    for (k, (text, lead)) in lines.into_iter().enumerate() {
        let y = PAD as i32 + k as i32 * NOTE_HEIGHT as i32 + NOTE_HEIGHT as i32 / 2;
        area.draw(&Text::new(
            text,
            (PAD as i32 + 2, y),
            note_style(lead, &palette),
        ))?;
    }
    Ok(layout)
}

/// The style of a sentence under the panels: the one said instead of a chart leads.
fn note_style(lead: bool, palette: &Palette) -> TextStyle<'_> {
    font(if lead { 14.0 } else { 12.0 })
        .color(if lead { &palette.ink } else { &palette.muted })
        .pos(Pos::new(HPos::Left, VPos::Center))
}

/// Draws one unit's panel and records where it and its marks went.
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame<'_>,
    panel: &PanelPlan,
    index: usize,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let (start, end) = (frame.start, frame.end);
    let (y_top, ticks) = value_axis(panel_peak(frame.series, panel));
    let mut chart = ChartBuilder::on(area)
        .margin(PAD)
        .margin_top(TITLE_ROOM)
        .margin_right(PAD * 3)
        .x_label_area_size(X_LABEL_ROOM)
        .y_label_area_size(frame.y_label_width)
        .build_cartesian_2d(
            Axis {
                range: start..end,
                ticks: year_starts(start, end),
            },
            Axis {
                range: 0.0..y_top,
                ticks,
            },
        )?;
    let year = |d: &f64| format_day(d.floor() as i32).chars().take(4).collect();
    let number = |v: &f64| i18n::format_number(*v, Lang::from_code(frame.lang));
    chart
        .configure_mesh()
        .bold_line_style(frame.palette.grid)
        .light_line_style(TRANSPARENT)
        .axis_style(frame.palette.muted)
        .label_style(font(11.0).color(&frame.palette.muted))
        .x_label_formatter(&year)
        .y_label_formatter(&number)
        .draw()?;

    let base = area.get_base_pixel();
    let (left, bottom) = chart.backend_coord(&(start, 0.0));
    let (right, top) = chart.backend_coord(&(end, y_top));
    let panel_layout = PanelLayout {
        unit: panel.unit.clone(),
        left: f64::from(left),
        right: f64::from(right),
        top: f64::from(top),
        bottom: f64::from(bottom),
        start_day: start,
        end_day: end,
    };

    // Bands first, under every line.
    let colors: Vec<RGBColor> = (0..panel.streams.len())
        .map(|k| mix(frame.color, frame.palette.ink, 0.35 * k as f64))
        .collect();
    let mut any_band = false;
    let mut any_held = false;
    let stream_runs: Vec<Vec<Run>> = panel
        .streams
        .iter()
        .map(|&i| {
            frame
                .series
                .series(i)
                .map_or_else(Vec::new, |s| runs(s, start, end))
        })
        .collect();
    let least = y_top * 1e-6;
    for (k, rs) in stream_runs.iter().enumerate() {
        for r in rs {
            if !r.samples.iter().any(|s| s.high - s.low > least) {
                continue;
            }
            any_band = true;
            let outline: Vec<(f64, f64)> = r
                .samples
                .iter()
                .map(|s| (s.day, s.high))
                .chain(r.samples.iter().rev().map(|s| (s.day, s.low)))
                .collect();
            chart.draw_series(std::iter::once(Polygon::new(
                outline,
                colors[k].mix(BAND_ALPHA).filled(),
            )))?;
        }
    }

    // Lines: known stretches in the stream's style, held stretches faint.
    for (k, (&i, rs)) in panel.streams.iter().zip(&stream_runs).enumerate() {
        let stroke = stroke_of(frame.series.strongest(i));
        for r in rs {
            any_held |= r.held;
            let style = if r.held {
                colors[k].mix(HELD_ALPHA).stroke_width(2)
            } else {
                colors[k].stroke_width(2)
            };
            let points: Vec<(f64, f64)> = r.samples.iter().map(|s| (s.day, s.value)).collect();
            match stroke {
                Stroke::Solid => {
                    chart.draw_series(std::iter::once(PathElement::new(points, style)))?;
                }
                Stroke::Dashed(dash, gap) => {
                    chart.draw_series(std::iter::once(DashedPathElement::new(
                        points, dash, gap, style,
                    )))?;
                }
            }
        }
    }

    // The cursor, with the day written at its top in the first panel.
    if (start..=end).contains(&frame.cursor) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(frame.cursor, 0.0), (frame.cursor, y_top)],
            frame.palette.ink.mix(0.85).stroke_width(1),
        )))?;
        if index == 0 {
            let (x, _) = chart.backend_coord(&(frame.cursor, 0.0));
            let text = i18n::format_date(frame.cursor.floor() as i32, Lang::from_code(frame.lang));
            let style = font(11.0).color(&frame.palette.ink);
            let (w, _) = area.estimate_text_size(&text, &style)?;
            let (x, anchor) = if x + 4 + w as i32 > right {
                (x - 4, HPos::Right)
            } else {
                (x + 4, HPos::Left)
            };
            area.draw(&Text::new(
                text,
                (x - base.0, top - base.1 - 2),
                style.pos(Pos::new(anchor, VPos::Bottom)),
            ))?;
        }
    }

    // The legend at the plot's top left: each stream, then the band and the held line.
    let legend_style = font(11.0).color(&frame.palette.ink);
    let mut rows: Vec<(String, RGBColor, Option<Stroke>, bool)> = panel
        .streams
        .iter()
        .zip(&colors)
        .filter_map(|(&i, &c)| {
            let s = frame.story.streams.get(i)?;
            let label = s.label.get(frame.lang).to_string();
            let label = match s.part_of.as_ref().and_then(|p| {
                frame
                    .story
                    .streams
                    .iter()
                    .find(|x| &x.id == p && x.category == s.category && x.unit == s.unit)
            }) {
                Some(parent) => format!(
                    "{label} ({})",
                    tf(
                        Lang::from_code(frame.lang),
                        "chart_part_of",
                        &[parent.label.get(frame.lang)]
                    )
                ),
                None => label,
            };
            Some((label, c, Some(stroke_of(frame.series.strongest(i))), false))
        })
        .collect();
    if any_band {
        let text = t(Lang::from_code(frame.lang), "chart_range");
        rows.push((text.into(), frame.color, None, true));
    }
    if any_held {
        rows.push((
            t(Lang::from_code(frame.lang), "chart_held").into(),
            mix(frame.palette.paper, frame.color, HELD_ALPHA),
            Some(Stroke::Solid),
            false,
        ));
    }
    let (lx, mut ly) = (left - base.0 + 8, top - base.1 + 8);
    let room = (right - base.0 - lx - 30).max(0) as u32;
    // Mark labels keep off the legend.
    let mut taken: Vec<Rect> = Vec::new();
    for (text, color, stroke, band) in rows {
        let text = fit(area, &text, &legend_style, room)?;
        let (w, _) = area.estimate_text_size(&text, &legend_style)?;
        taken.push((
            lx + base.0,
            ly + base.1 - 7,
            lx + base.0 + 26 + w as i32,
            ly + base.1 + 7,
        ));
        let sample = if band {
            None
        } else {
            Some(color.stroke_width(2))
        };
        match (stroke, sample) {
            (Some(Stroke::Dashed(dash, gap)), Some(style)) => {
                area.draw(&DashedPathElement::new(
                    vec![(lx, ly), (lx + 20, ly)],
                    dash,
                    gap,
                    style,
                ))?;
            }
            (_, Some(style)) => {
                area.draw(&PathElement::new(vec![(lx, ly), (lx + 20, ly)], style))?;
            }
            (_, None) => {
                area.draw(&Rectangle::new(
                    [(lx, ly - 4), (lx + 20, ly + 4)],
                    color.mix(BAND_ALPHA).filled(),
                ))?;
            }
        }
        area.draw(&Text::new(
            text,
            (lx + 26, ly),
            legend_style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        ly += 14;
    }

    // Observation marks with their figures.
    let label_style = font(11.0).color(&frame.palette.ink);
    for (o_index, o) in frame.story.observations.iter().enumerate() {
        let Some(k) = panel
            .streams
            .iter()
            .position(|&i| frame.story.streams.get(i).is_some_and(|s| s.id == o.stream))
        else {
            continue;
        };
        let Some(central) = o.quantity.central() else {
            continue;
        };
        if !o.confidence.counts_as_moved() {
            continue;
        }
        let day = f64::from(o.period.last());
        if !(start..=end).contains(&day) {
            continue;
        }
        let value = frame
            .series
            .series(panel.streams[k])
            .and_then(|s| s.at(day).value)
            .unwrap_or(central);
        let (x, y) = chart.backend_coord(&(day, value));
        area.draw(&Circle::new(
            (x - base.0, y - base.1),
            MARK_RADIUS + 2,
            frame.palette.paper.filled(),
        ))?;
        area.draw(&Circle::new(
            (x - base.0, y - base.1),
            MARK_RADIUS,
            colors[k].filled(),
        ))?;
        let open = matches!(o.quantity, Quantity::AtLeast(_));
        if open {
            // "Or more": an arrow pointing up from the mark.
            let arrow = colors[k].stroke_width(1);
            let (ax, ay) = (x - base.0, y - base.1);
            area.draw(&PathElement::new(vec![(ax, ay - 6), (ax, ay - 17)], arrow))?;
            area.draw(&PathElement::new(
                vec![(ax - 3, ay - 13), (ax, ay - 17), (ax + 3, ay - 13)],
                arrow,
            ))?;
        }
        let text = figure_label(&o.quantity, frame.lang);
        let (w, h) = area.estimate_text_size(&text, &label_style)?;
        let (w, h) = (w as i32, h as i32);
        // Right of the mark above it, else left of it, else under it; left out if all are
        // taken (the mark still tells its figure on hover).
        let dx = if open { 6 } else { 7 };
        let candidates = [
            (x + dx, y - 6 - h),
            (x - dx - w, y - 6 - h),
            (x + dx, y + 6),
            (x - dx - w, y + 6),
        ];
        let free = candidates.into_iter().find(|&(lx, ly)| {
            let r = (lx, ly, lx + w, ly + h);
            r.0 >= left
                && r.2 <= right + PAD as i32 * 3
                && r.1 >= top - 4
                && r.3 <= bottom
                && !taken.iter().any(|t| overlaps(*t, r))
        });
        if let Some((lx, ly)) = free {
            taken.push((lx, ly, lx + w, ly + h));
            area.draw(&Text::new(
                text,
                (lx - base.0, ly - base.1),
                label_style.pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
        }
        layout.marks.push(MarkLayout {
            x: f64::from(x),
            y: f64::from(y),
            observation: o_index,
            panel: layout.panels.len(),
        });
    }

    // The panel's title: its unit.
    area.draw(&Text::new(
        capitalised(&panel.name),
        (left - base.0, TITLE_ROOM as i32 / 2 + 2),
        font(13.0)
            .color(&frame.palette.ink)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    layout.panels.push(panel_layout);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_axes_step_in_whole_nice_numbers() {
        assert_eq!(value_axis(3.0), (4.0, vec![0.0, 1.0, 2.0, 3.0, 4.0]));
        let (top, ticks) = value_axis(9_000_000.0);
        assert!(top >= 9_000_000.0 * 1.25);
        assert!(ticks.windows(2).all(|w| w[1] - w[0] == 5_000_000.0));
        assert_eq!(value_axis(0.0).0, 1.0);
    }

    #[test]
    fn an_open_figure_says_or_more() {
        assert_eq!(
            figure_label(&Quantity::AtLeast(11000.0), "en"),
            "11,000 or more"
        );
        assert_eq!(figure_label(&Quantity::About(6700.0), "en"), "about 6,700");
        assert_eq!(
            figure_label(&Quantity::AtLeast(11000.0), "ko"),
            "11,000 이상"
        );
        assert_eq!(
            figure_label(&Quantity::AtLeast(11000.0), "uk"),
            "11\u{202f}000 і більше"
        );
    }
}
