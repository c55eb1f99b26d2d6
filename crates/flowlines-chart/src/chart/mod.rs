//! Charts of a category over time: each stream's running total, one panel per unit (munitions come
//! in containers, rounds, missiles and brigade sets: never one axis across units), drawn through
//! any plotters [`DrawingBackend`](plotters::prelude::DrawingBackend) (a canvas in the page, SVG
//! natively, a recording in tests).
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
//! where comes back as a [`ChartLayout`](crate::chart::ChartLayout), so the page asks Rust,
//! not JavaScript, which day or which observation is under the pointer.

use flowlines_core::details::format_number;
use flowlines_core::model::Story;
use flowlines_core::series::{Series, StorySeries};
use flowlines_core::style::{category_color, category_colors, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::paint::{font, rgb, wrap};

/// The panels' axes: days and whole counts.
mod axes;
/// What a chart drew where, and what is under the pointer.
mod layout;
/// One unit's panel drawn: band, lines, cursor, legend, marks.
mod panel;
/// What a category's chart holds, decided before anything is drawn.
mod plan;

pub use layout::{ChartLayout, MarkLayout, PanelLayout};
pub use panel::figure_label;
pub use plan::{ChartPlan, PanelPlan};

use axes::value_axis;
use panel::draw_panel;

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
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// The story has no category with this id.
    #[error("the story has no category '{0}'")]
    UnknownCategory(String),
    /// The area is smaller than the chart needs, in pixels.
    #[error(
        "the chart needs at least {min_width} by {min_height} pixels, \
         it was given {width} by {height}"
    )]
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
    #[error("drawing the chart failed: {0}")]
    Drawing(String),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e.to_string())
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
