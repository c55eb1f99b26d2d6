//! The static map: one image of a story at one date, drawn through any plotters
//! `DrawingBackend` (SVG natively, Canvas in the page), with everything a reader needs to
//! judge it burned in.
//!
//! The image holds, from top to bottom: the title and the date the map shows ("as of"); the
//! map itself (sea, land, coasts and borders; each flow with its width, range band, line style
//! by confidence, `?` and `!` marks, arrowhead, hollow when the destination is inferred, dotted
//! outline when the path is assumed; the place dots and their labels, placed by the core so they
//! do not overlap) beside or above the legend (categories with their colours, line styles,
//! marks); and the notes: the caveat that every figure is an estimate from its named source,
//! the sources cited by what is drawn (with their outlet where the source names one), the
//! credit and the basemap's attribution.
//!
//! The [`Scene`](flowlines_core::scene::Scene) comes laid out by the caller (its basemap set, its
//! day and filters chosen, resized to [`map_area`](crate::map::map_area)'s size), so the page can
//! export exactly the view it shows and the command line builds its own. A scene of another size is
//! scaled to fit the map area.
//!
//! All lengths are image pixels. Text sizes are given as the pixel size written into an SVG's
//! `font-size`; plotters' SVG backend divides a font's size by 1.24, which
//! [`font_size`](crate::paint::font_size) undoes.

use flowlines_core::encoding::{marks, LineStyle};
use flowlines_core::i18n::{self, t, tf, Lang};
use flowlines_core::labels::Rect;
use flowlines_core::polyline::{clip_ring, dashes, dots, runs_near};
use flowlines_core::scene::Scene;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::DrawingBackend;

pub use crate::paint::font_size;
pub use options::{default_height, MapError, MapOptions};

/// The map itself: basemap, flows with their styles and marks, places and labels.
mod draw;
/// The land's outline: the countries' rings without the edges they share.
mod land;
/// Where the title, date, notes, legend and map go, and the words they say.
mod layout;
/// The legend's groups, laid out in columns, and its samples.
mod legend;
/// The options and the errors.
mod options;

use draw::{draw_basemap, draw_flows, draw_places};
use land::land_outline;
use layout::layout;
use legend::draw_swatch;

use crate::paint::{fill, rgba, stroke, Painter, TextLine, Transform};

/// The default image width in pixels: a social card.
pub const DEFAULT_WIDTH: u32 = 1200;
/// The default image height in pixels: a social card.
pub const DEFAULT_HEIGHT: u32 = 630;
/// The fonts every text asks for, first found first: Noto Sans CJK KR carries Latin, Cyrillic
/// and Hangul, so Korean renders the same on every machine that has Debian's `fonts-noto-cjk`.
pub const DEFAULT_FONT_FAMILY: &str = "Noto Sans CJK KR, DejaVu Sans, sans-serif";

/// Images at least this wide put the legend beside the map; narrower ones put it below.
const SIDE_LEGEND_MIN_WIDTH: f64 = 900.0;
/// The space around the image's content, in pixels.
const MARGIN: f64 = 20.0;
/// The space between the map and the legend, and between bands, in pixels.
const GAP: f64 = 14.0;
/// Smallest map area worth drawing, in pixels.
const MIN_MAP: (f64, f64) = (200.0, 150.0);

const TITLE_PX: f64 = 22.0;
const AS_OF_PX: f64 = 13.0;
const LABEL_PX: f64 = 13.0;
const LABEL_HEIGHT: f64 = 16.0;
const LEGEND_HEADING_PX: f64 = 12.0;
const LEGEND_PX: f64 = 11.5;
const CAVEAT_PX: f64 = 12.0;
const NOTE_PX: f64 = 11.0;
const SWATCH: (f64, f64) = (36.0, 14.0);
use flowlines_core::line_style::BADGE_RADIUS_PX as BADGE_RADIUS;

pub(crate) use flowlines_core::style::INK;
use flowlines_core::style::{
    BORDER, COAST, LAND, MUTED, OUTLINE_GREY as OUTLINE, PAPER, SEA, WHITE,
};

/// The colour the land is filled with, `0xRRGGBB`, for tests that tell land from flows.
pub const LAND_COLOR: u32 = LAND;
/// The colour of the place dots, `0xRRGGBB`, for tests that count them.
pub const PLACE_COLOR: u32 = INK;

/// Where the map goes in `root`'s area for `scene` (its day and filters decide which sources
/// are cited, and so how tall the notes are): resize the scene to this rectangle's width and
/// height before [`render_map`]. Coordinates are pixels from `root`'s top-left corner.
pub fn map_area<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    options: &MapOptions,
) -> Result<Rect, MapError> {
    let painter = Painter {
        root,
        family: &options.font_family,
    };
    Ok(layout(&painter, scene, options)?.map)
}

/// Draws `scene` as the static map filling `root`: title, as-of date, map, legend, caveat,
/// sources and credit. The scene should be resized to [`map_area`]'s size; one of another
/// size is scaled to fit, keeping its proportions.
pub fn render_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    options: &MapOptions,
) -> Result<(), MapError> {
    let painter = Painter {
        root,
        family: &options.font_family,
    };
    let (sw, sh) = scene.size();
    if !(sw > 0.0 && sh > 0.0) {
        return Err(MapError::NotLaidOut);
    }
    let lay = layout(&painter, scene, options)?;
    let (w, h) = root.dim_in_pixel();
    painter.rect(
        Rect::new(0.0, 0.0, f64::from(w), f64::from(h)),
        rgba(PAPER, 1.0),
    )?;
    let scale = (lay.map.width / sw).min(lay.map.height / sh);
    let to = Transform {
        scale,
        dx: lay.map.x + (lay.map.width - sw * scale) / 2.0,
        dy: lay.map.y + (lay.map.height - sh * scale) / 2.0,
    };
    painter.rect(lay.map, rgba(SEA, 1.0))?;
    draw_basemap(&painter, scene, &to, &lay.map)?;
    draw_flows(&painter, scene, &to)?;
    draw_places(&painter, scene, &to, &options.lang)?;
    for line in &lay.texts {
        painter.text_line(line)?;
    }
    for item in &lay.swatches {
        draw_swatch(&painter, item)?;
    }
    Ok(())
}

/// The height of a line of text `px` pixels high, in pixels.
fn line_height(px: f64) -> f64 {
    (px * 1.3).ceil()
}
