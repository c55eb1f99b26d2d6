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
//! The [`Scene`] comes laid out by the caller (its basemap set, its day and filters chosen,
//! resized to [`map_area`]'s size), so the page can export exactly the view it shows and the
//! command line builds its own. A scene of another size is scaled to fit the map area.
//!
//! All lengths are image pixels. Text sizes are given as the pixel size written into an SVG's
//! `font-size`; plotters' SVG backend divides a font's size by 1.24, which [`font_size`]
//! undoes.

use flowlines_core::encoding::{marks, LineStyle};
use flowlines_core::i18n::{self, t, tf, Lang};
use flowlines_core::labels::Rect;
use flowlines_core::model::Source;
use flowlines_core::polyline::{clip_ring, dashes, dots, runs_near};
use flowlines_core::scene::{Scene, PLACE_RADIUS_PX};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::DrawingBackend;
use std::collections::HashSet;

pub use crate::paint::font_size;
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
const BADGE_RADIUS: f64 = 7.0;

const PAPER: u32 = 0xF7F5F0;
const SEA: u32 = 0xDDE6EC;
const LAND: u32 = 0xF4F1EA;
const BORDER: u32 = 0x9A9488;
const COAST: u32 = 0x8FA3B0;
pub(crate) const INK: u32 = 0x1D1D1F;
const MUTED: u32 = 0x5F5F66;
const OUTLINE: u32 = 0x6B6B72;
const WHITE: u32 = 0xFFFFFF;

/// The colour the land is filled with, `0xRRGGBB`, for tests that tell land from flows.
pub const LAND_COLOR: u32 = LAND;
/// The colour of the place dots, `0xRRGGBB`, for tests that count them.
pub const PLACE_COLOR: u32 = INK;

/// What the static map says and in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// The language of names and notes: "en", "ko", "uk" or "ru" (others fall back to English).
    pub lang: String,
    /// The headline; the story's own title in `lang` when `None`.
    pub title: Option<String>,
    /// Where the basemap comes from (the basemap file's `attribution`), printed with the credit.
    pub attribution: Option<String>,
    /// The SVG `font-family` of every text; [`DEFAULT_FONT_FAMILY`] by default.
    pub font_family: String,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            lang: "en".into(),
            title: None,
            attribution: None,
            font_family: DEFAULT_FONT_FAMILY.into(),
        }
    }
}

/// Why the static map could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// The image is too small to hold a map beside its title, legend and notes.
    #[error(
        "the image, {width}x{height} pixels, is too small: the title, legend and notes leave \
         the map {map_width:.0}x{map_height:.0} pixels (at least {}x{} are needed)",
        MIN_MAP.0,
        MIN_MAP.1
    )]
    TooSmall {
        /// The image's width, in pixels.
        width: u32,
        /// The image's height, in pixels.
        height: u32,
        /// The width left for the map, in pixels.
        map_width: f64,
        /// The height left for the map, in pixels.
        map_height: f64,
    },
    /// The scene has no size yet: it must be resized (to [`map_area`]'s size) before drawing.
    #[error("the scene has not been laid out: resize it to the map area before drawing")]
    NotLaidOut,
    /// The drawing backend failed, or could not measure a text.
    #[error("drawing the map failed: {0}")]
    Drawing(String),
}

/// The height that goes with `width` when only the width is given: the social card's
/// proportion for wide images, and a taller shape for narrow ones (an article column), whose
/// legend and notes stack under the map.
pub fn default_height(width: u32) -> u32 {
    if f64::from(width) >= SIDE_LEGEND_MIN_WIDTH {
        (u64::from(width) * u64::from(DEFAULT_HEIGHT) / u64::from(DEFAULT_WIDTH)) as u32
    } else {
        (u64::from(width) * 10 / 9) as u32
    }
}

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

// ---------------------------------------------------------------------------------------------
// Words.

/// The fixed words of the image in one language.
struct Words {
    what_moves: &'static str,
    how_sure: &'static str,
    marks: &'static str,
    confidences: [&'static str; 4],
    width: &'static str,
    unknown: &'static str,
    disputed: &'static str,
    inferred: &'static str,
    assumed: &'static str,
    sources: &'static str,
    credit: &'static str,
    basemap: &'static str,
    caveat: &'static str,
}

fn words(lang: &str) -> Words {
    let l = Lang::from_code(lang);
    Words {
        what_moves: t(l, "what_moves"),
        how_sure: t(l, "how_sure"),
        marks: t(l, "marks"),
        confidences: [
            t(l, "confirmed"),
            t(l, "reported"),
            t(l, "claimed"),
            t(l, "proposed"),
        ],
        width: t(l, "mark_width"),
        unknown: t(l, "mark_unknown"),
        disputed: t(l, "mark_disputed"),
        inferred: t(l, "mark_inferred"),
        assumed: t(l, "mark_assumed"),
        sources: t(l, "sources_label"),
        credit: t(l, "credit_label"),
        basemap: t(l, "basemap_label"),
        caveat: t(l, "caveat_default"),
    }
}

/// The date of `day` (days since 1970-01-01) as the image says it: "As of 20 October 2024".
fn as_of_text(day: f64, lang: &str) -> String {
    let l = Lang::from_code(lang);
    tf(l, "as_of", &[&i18n::format_date(day.floor() as i32, l)])
}

/// The sources the drawn flows cite at the scene's day, in the story's order: those of every
/// observation of a visible stream whose period has begun, and of the denials made by then.
fn cited_sources(scene: &Scene) -> Vec<&Source> {
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
        if !visible.contains(o.stream.as_str()) || f64::from(o.period.first()) > day {
            continue;
        }
        cited.insert(o.source.as_str());
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

/// A source as the notes cite it: its outlet ("Outlet not named" where our copy does not say),
/// what it is and when it was published; never the file name of our copy.
fn source_text(s: &Source, lang: &str) -> String {
    flowlines_core::details::citation(s, lang)
}

// ---------------------------------------------------------------------------------------------
// Layout.

/// A legend sample, drawn in a [`SWATCH`]-sized box whose top-left corner is `x`, `y`.
#[derive(Debug, Clone, Copy)]
enum Swatch {
    /// A category's colour.
    Category(u32),
    /// A confidence's line style.
    Style(LineStyle),
    /// A line on a pale range band.
    Band,
    /// A circled glyph.
    Badge(char),
    /// A hollow arrowhead.
    Hollow,
    /// A line with a dotted grey outline.
    Outline,
}

#[derive(Debug, Clone, Copy)]
struct PlacedSwatch {
    swatch: Swatch,
    x: f64,
    y: f64,
}

/// Where everything but the map's content goes.
struct Layout {
    map: Rect,
    texts: Vec<TextLine>,
    swatches: Vec<PlacedSwatch>,
}

/// A group of the legend: a heading and its rows.
struct Group {
    heading: String,
    rows: Vec<(Swatch, String)>,
}

/// A group measured for a column `width` wide: its lines relative to the group's top-left
/// corner, and its height.
struct MeasuredGroup {
    texts: Vec<TextLine>,
    swatches: Vec<PlacedSwatch>,
    height: f64,
}

fn legend_groups(scene: &Scene, lang: &str) -> Vec<Group> {
    let w = words(lang);
    let story = scene.story();
    let categories = story
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                Swatch::Category(scene.color_of_category(i)),
                c.names.get(lang).to_string(),
            )
        })
        .collect();
    let styles = [
        LineStyle::Solid,
        LineStyle::Dashed,
        LineStyle::Dotted,
        LineStyle::Faint,
    ];
    vec![
        Group {
            heading: w.what_moves.into(),
            rows: categories,
        },
        Group {
            heading: w.how_sure.into(),
            rows: styles
                .iter()
                .zip(w.confidences)
                .map(|(&s, name)| (Swatch::Style(s), name.to_string()))
                .collect(),
        },
        Group {
            heading: w.marks.into(),
            rows: vec![
                (Swatch::Band, w.width.into()),
                (Swatch::Badge('?'), w.unknown.into()),
                (Swatch::Badge('!'), w.disputed.into()),
                (Swatch::Hollow, w.inferred.into()),
                (Swatch::Outline, w.assumed.into()),
            ],
        },
    ]
}

fn line_height(px: f64) -> f64 {
    (px * 1.3).ceil()
}

fn measure_group<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    g: &Group,
    width: f64,
) -> Result<MeasuredGroup, MapError> {
    let mut texts = Vec::new();
    let mut swatches = Vec::new();
    let mut y = 0.0;
    for line in p.wrap(&g.heading, LEGEND_HEADING_PX, true, width)? {
        texts.push(TextLine {
            text: line,
            x: 0.0,
            y,
            px: LEGEND_HEADING_PX,
            bold: true,
            color: INK,
            align: HPos::Left,
        });
        y += line_height(LEGEND_HEADING_PX);
    }
    y += 3.0;
    let text_x = SWATCH.0 + 8.0;
    let lh = line_height(LEGEND_PX);
    for (swatch, label) in &g.rows {
        let lines = p.wrap(label, LEGEND_PX, false, width - text_x)?;
        let text_h = lh * lines.len().max(1) as f64;
        let row_h = text_h.max(SWATCH.1 + 4.0);
        swatches.push(PlacedSwatch {
            swatch: *swatch,
            x: 0.0,
            y: y + ((lh - SWATCH.1) / 2.0).max(0.0),
        });
        for (k, line) in lines.into_iter().enumerate() {
            texts.push(TextLine {
                text: line,
                x: text_x,
                y: y + k as f64 * lh + (lh - LEGEND_PX) / 2.0 - 1.0,
                px: LEGEND_PX,
                bold: false,
                color: INK,
                align: HPos::Left,
            });
        }
        y += row_h + 2.0;
    }
    Ok(MeasuredGroup {
        texts,
        swatches,
        height: y,
    })
}

/// Lays the legend's groups out in as many columns of at least `min_col` pixels as fit in
/// `width`, at `x`, `y`; returns what to draw and the legend's height.
fn layout_legend<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    groups: &[Group],
    x: f64,
    y: f64,
    width: f64,
    min_col: f64,
) -> Result<(Vec<TextLine>, Vec<PlacedSwatch>, f64), MapError> {
    let cols = (((width + GAP) / (min_col + GAP)).floor() as usize).clamp(1, groups.len().max(1));
    let col_w = (width - GAP * (cols as f64 - 1.0)) / cols as f64;
    let measured = groups
        .iter()
        .map(|g| measure_group(p, g, col_w))
        .collect::<Result<Vec<_>, _>>()?;
    // Next-fit packing of whole groups into columns, aiming at equal heights.
    let total: f64 = measured.iter().map(|m| m.height + GAP).sum();
    let tallest = measured.iter().map(|m| m.height).fold(0.0, f64::max);
    let target = (total / cols as f64).max(tallest);
    let mut texts = Vec::new();
    let mut swatches = Vec::new();
    let (mut col, mut cy, mut height) = (0usize, 0.0_f64, 0.0_f64);
    for m in measured {
        if cy > 0.0 && cy + m.height > target + 1.0 && col + 1 < cols {
            col += 1;
            cy = 0.0;
        }
        let ox = x + col as f64 * (col_w + GAP);
        let oy = y + cy;
        texts.extend(m.texts.into_iter().map(|t| TextLine {
            x: t.x + ox,
            y: t.y + oy,
            ..t
        }));
        swatches.extend(m.swatches.into_iter().map(|s| PlacedSwatch {
            x: s.x + ox,
            y: s.y + oy,
            ..s
        }));
        height = height.max(cy + m.height);
        cy += m.height + GAP;
    }
    Ok((texts, swatches, height))
}

fn layout<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    options: &MapOptions,
) -> Result<Layout, MapError> {
    let (w_px, h_px) = p.root.dim_in_pixel();
    let (width, height) = (f64::from(w_px), f64::from(h_px));
    let lang = options.lang.as_str();
    let story = scene.story();
    let wd = words(lang);
    let inner = (width - 2.0 * MARGIN).max(1.0);
    let mut texts = Vec::new();

    // The header: title and the date shown.
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| story.story.title.get(lang).to_string());
    let title_px = if width < SIDE_LEGEND_MIN_WIDTH {
        TITLE_PX - 2.0
    } else {
        TITLE_PX
    };
    let mut y = MARGIN - 4.0;
    for line in p.wrap(&title, title_px, true, inner)? {
        texts.push(TextLine {
            text: line,
            x: MARGIN,
            y,
            px: title_px,
            bold: true,
            color: INK,
            align: HPos::Left,
        });
        y += line_height(title_px);
    }
    y += 2.0;
    texts.push(TextLine {
        text: as_of_text(scene.day(), lang),
        x: MARGIN,
        y,
        px: AS_OF_PX,
        bold: false,
        color: MUTED,
        align: HPos::Left,
    });
    let top = y + line_height(AS_OF_PX) + 8.0;

    // The notes, bottom up: caveat, sources, credit and basemap.
    let caveat = story
        .story
        .caveat
        .as_ref()
        .map(|c| c.get(lang).to_string())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| wd.caveat.to_string());
    let cited = cited_sources(scene);
    let sources = format!(
        "{}: {}",
        wd.sources,
        cited
            .iter()
            .map(|s| source_text(s, lang))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let mut credit = story
        .story
        .credit
        .as_ref()
        .map(|c| format!("{}: {}", wd.credit, c.get(lang)))
        .unwrap_or_default();
    if let Some(a) = options.attribution.as_deref().filter(|a| !a.is_empty()) {
        if !credit.is_empty() {
            credit.push_str(" · ");
        }
        credit.push_str(&format!("{}: {a}", wd.basemap));
    }
    let mut notes: Vec<(String, f64, u32)> = vec![(caveat, CAVEAT_PX, INK)];
    if !cited.is_empty() {
        notes.push((sources, NOTE_PX, MUTED));
    }
    if !credit.is_empty() {
        notes.push((credit, NOTE_PX, MUTED));
    }
    let mut note_lines = Vec::new();
    for (text, px, color) in notes {
        for line in p.wrap(&text, px, false, inner)? {
            note_lines.push((line, px, color));
        }
        note_lines.push((String::new(), 3.0, color));
    }
    note_lines.pop();
    let notes_h: f64 = note_lines.iter().map(|(_, px, _)| line_height(*px)).sum();
    let mut ny = height - MARGIN + 6.0 - notes_h;
    let bottom = ny - GAP;
    for (text, px, color) in note_lines {
        if !text.is_empty() {
            texts.push(TextLine {
                text,
                x: MARGIN,
                y: ny,
                px,
                bold: false,
                color,
                align: HPos::Left,
            });
        }
        ny += line_height(px);
    }

    // The map, with the legend beside it when the image is wide enough, else below it.
    let groups = legend_groups(scene, lang);
    let middle = bottom - top;
    let side_w = (width * 0.23).clamp(220.0, 300.0);
    let mut map = Rect::new(MARGIN, top, inner, middle);
    let mut legend = None;
    if width >= SIDE_LEGEND_MIN_WIDTH {
        let lx = width - MARGIN - side_w;
        let (lt, ls, lh) = layout_legend(p, &groups, lx, top, side_w, side_w)?;
        if lh <= middle {
            map.width = inner - side_w - GAP;
            legend = Some((lt, ls));
        }
    }
    let (lt, ls) = match legend {
        Some(l) => l,
        None => {
            let (lt, ls, lh) = layout_legend(p, &groups, MARGIN, 0.0, inner, 210.0)?;
            map.height = middle - lh - GAP;
            let ly = top + map.height + GAP;
            (
                lt.into_iter()
                    .map(|t| TextLine { y: t.y + ly, ..t })
                    .collect(),
                ls.into_iter()
                    .map(|s| PlacedSwatch { y: s.y + ly, ..s })
                    .collect(),
            )
        }
    };
    texts.extend(lt);
    if map.width < MIN_MAP.0 || map.height < MIN_MAP.1 {
        return Err(MapError::TooSmall {
            width: w_px,
            height: h_px,
            map_width: map.width.max(0.0),
            map_height: map.height.max(0.0),
        });
    }
    map.width = map.width.floor();
    map.height = map.height.floor();
    Ok(Layout {
        map,
        texts,
        swatches: ls,
    })
}

// ---------------------------------------------------------------------------------------------
// Drawing.

/// Draws a polyline in a line style: solid, dashed, dotted (round dots) or faint.
fn styled_line<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    pts: &[(f64, f64)],
    style: LineStyle,
    color: u32,
    alpha: f64,
    width: f64,
) -> Result<(), MapError> {
    let c = rgba(color, alpha);
    match style {
        LineStyle::Solid => p.path(pts, stroke(c, width)),
        LineStyle::Dashed => {
            for d in dashes(pts, (width * 2.5).max(6.0), (width * 1.2).max(4.0)) {
                p.path(&d, stroke(c, width))?;
            }
            Ok(())
        }
        LineStyle::Dotted => {
            for d in dots(pts, (width * 1.6).max(4.0) + width) {
                p.circle(d, (width / 2.0).max(1.0), fill(c))?;
            }
            Ok(())
        }
        LineStyle::Faint => {
            for d in dashes(pts, 2.0, 4.0) {
                p.path(&d, stroke(c, width))?;
            }
            Ok(())
        }
    }
}

fn draw_basemap<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
    area: &Rect,
) -> Result<(), MapError> {
    let b = scene.basemap();
    let points = |xy: &[f32], starts: &[u32], k: usize| -> Vec<(f64, f64)> {
        let (a, z) = (starts[k] as usize, starts[k + 1] as usize);
        xy.get(a * 2..z * 2)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|q| to.apply(q[0], q[1]))
            .collect()
    };
    for k in 0..b.land_rings.len().saturating_sub(1) {
        let ring = clip_ring(&points(&b.land_xy, &b.land_rings, k), area);
        p.polygon(&ring, rgba(LAND, 1.0))?;
    }
    for k in 0..b.coast_lines.len().saturating_sub(1) {
        for run in runs_near(&points(&b.coast_xy, &b.coast_lines, k), area) {
            p.path(&run, stroke(rgba(COAST, 1.0), 1.0))?;
        }
    }
    for k in 0..b.border_lines.len().saturating_sub(1) {
        for run in runs_near(&points(&b.border_xy, &b.border_lines, k), area) {
            for d in dashes(&run, 3.0, 2.0) {
                p.path(&d, stroke(rgba(BORDER, 1.0), 1.0))?;
            }
        }
    }
    // Lines run a point past the map's edge; the paper around it hides them.
    let (w, h) = p.root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    for r in [
        Rect::new(0.0, 0.0, w, area.y),
        Rect::new(0.0, area.bottom(), w, h - area.bottom()),
        Rect::new(0.0, area.y, area.x, area.height),
        Rect::new(area.right(), area.y, w - area.right(), area.height),
    ] {
        if r.width > 0.0 && r.height > 0.0 {
            p.rect(r, rgba(PAPER, 1.0))?;
        }
    }
    Ok(())
}

/// A dotted grey outline `width` pixels wide, its dots `spacing` pixels apart; dots that would
/// touch make a continuous halo.
fn outline<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    pts: &[(f64, f64)],
    width: f64,
    spacing: f64,
) -> Result<(), MapError> {
    let color = rgba(OUTLINE, 0.45);
    if width >= spacing {
        return p.path(pts, stroke(color, width));
    }
    for d in dots(pts, spacing) {
        p.circle(d, width / 2.0, fill(color))?;
    }
    Ok(())
}

/// A small circled glyph: `?` for an unknown amount, `!` for a dispute.
fn badge<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    at: (f64, f64),
    glyph: char,
    color: u32,
) -> Result<(), MapError> {
    if !(at.0.is_finite() && at.1.is_finite()) {
        return Ok(());
    }
    p.circle(at, BADGE_RADIUS, fill(rgba(WHITE, 1.0)))?;
    p.circle(at, BADGE_RADIUS, stroke(rgba(color, 1.0), 2.0))?;
    p.text(
        &glyph.to_string(),
        (at.0, at.1 + 0.5),
        10.0,
        true,
        INK,
        Pos::new(HPos::Center, VPos::Center),
    )
}

fn draw_flows<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
) -> Result<(), MapError> {
    let xy = scene.route_xy();
    let offsets = scene.route_offsets();
    let arrows = scene.arrow_xy();
    let mark_xy = scene.mark_xy();
    let s = to.scale;
    for (i, st) in scene.styles().iter().enumerate() {
        if !st.visible {
            continue;
        }
        let (Some(&a), Some(&b)) = (offsets.get(i), offsets.get(i + 1)) else {
            continue;
        };
        let pts: Vec<(f64, f64)> = xy
            .get(a as usize * 2..b as usize * 2)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|q| to.apply(q[0], q[1]))
            .collect();
        if pts.len() < 2 {
            continue;
        }
        let color = scene.stream_color().get(i).copied().unwrap_or(INK);
        let faint = st.style == LineStyle::Faint;
        let (w, low, high) = (st.width * s, st.width_low * s, st.width_high * s);
        // An assumed or endpoints-only path: a dotted grey outline around the flow (on a wide
        // flow the dots merge into a halo, as on the live map).
        if st.marks & marks::ASSUMED_ROUTE != 0 {
            outline(p, &pts, w.max(high) + 3.0 * s, 6.0 * s)?;
        }
        // A range: a pale band from the low to the high width, under the central line.
        if high - low > 1.0 {
            p.path(&pts, stroke(rgba(color, 0.22), high))?;
        }
        let line_w = if faint {
            1.5 * s
        } else if st.marks & marks::UNKNOWN != 0 {
            w
        } else {
            w.min(high).max(low)
        };
        let alpha = if faint { 0.4 } else { 0.9 };
        styled_line(p, &pts, st.style, color, alpha, line_w)?;
        // The arrowhead: filled, or hollow when the destination is inferred.
        if let Some(tri) = arrows.get(i * 6..i * 6 + 6) {
            let corners = [
                to.apply(tri[0], tri[1]),
                to.apply(tri[2], tri[3]),
                to.apply(tri[4], tri[5]),
            ];
            let alpha = if faint { 0.5 } else { 1.0 };
            if st.marks & marks::INFERRED_DESTINATION != 0 {
                p.polygon(&corners, rgba(WHITE, alpha))?;
                let closed = [corners[0], corners[1], corners[2], corners[0]];
                p.path(&closed, stroke(rgba(color, alpha), 2.0))?;
            } else {
                p.polygon(&corners, rgba(color, alpha))?;
            }
        }
        if let Some(m) = mark_xy.get(i * 4..i * 4 + 4) {
            if st.marks & marks::UNKNOWN != 0 {
                badge(p, to.apply(m[0], m[1]), '?', color)?;
            }
            if st.marks & marks::DISPUTED != 0 {
                badge(p, to.apply(m[2], m[3]), '!', color)?;
            }
        }
    }
    Ok(())
}

fn draw_places<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
    lang: &str,
) -> Result<(), MapError> {
    let story = scene.story();
    let names: Vec<&str> = story.places.iter().map(|pl| pl.map_label(lang)).collect();
    let s = to.scale;
    let widths = names
        .iter()
        .map(|n| Ok(p.measure(n, LABEL_PX, false)? / s))
        .collect::<Result<Vec<f64>, MapError>>()?;
    let labels = scene.place_labels(&widths, LABEL_HEIGHT / s);
    for xy in scene.place_xy().chunks_exact(2) {
        let at = to.apply(xy[0], xy[1]);
        p.circle(at, (PLACE_RADIUS_PX + 1.5) * s, fill(rgba(WHITE, 1.0)))?;
        p.circle(at, PLACE_RADIUS_PX * s, fill(rgba(INK, 1.0)))?;
    }
    for (i, name) in names.iter().enumerate() {
        let (Some(&lx), Some(&ly)) = (labels.get(i * 2), labels.get(i * 2 + 1)) else {
            continue;
        };
        if lx.is_nan() || ly.is_nan() {
            continue; // no free spot: the core hid this label
        }
        let (x, y) = to.apply(lx, ly);
        p.rect(
            Rect::new(x - 1.0, y, widths[i] * s + 2.0, LABEL_HEIGHT),
            rgba(PAPER, 0.75),
        )?;
        p.text(
            name,
            (x, y + 1.5),
            LABEL_PX,
            false,
            INK,
            Pos::new(HPos::Left, VPos::Top),
        )?;
    }
    Ok(())
}

fn draw_swatch<DB: DrawingBackend>(p: &Painter<'_, DB>, s: &PlacedSwatch) -> Result<(), MapError> {
    let (x, y) = (s.x, s.y);
    let mid = y + SWATCH.1 / 2.0;
    let line = [(x + 2.0, mid), (x + SWATCH.0 - 2.0, mid)];
    match s.swatch {
        Swatch::Category(c) => p.path(&line, stroke(rgba(c, 0.9), 6.0)),
        Swatch::Style(style) => {
            let (alpha, width) = if style == LineStyle::Faint {
                (0.5, 1.5)
            } else {
                (1.0, 3.0)
            };
            styled_line(p, &line, style, INK, alpha, width)
        }
        Swatch::Band => {
            p.path(&line, stroke(rgba(INK, 0.22), 10.0))?;
            p.path(&line, stroke(rgba(INK, 1.0), 4.0))
        }
        Swatch::Badge(g) => badge(p, (x + SWATCH.0 / 2.0, mid), g, INK),
        Swatch::Hollow => {
            let tri = [(x + 6.0, y + 2.0), (x + 30.0, mid), (x + 6.0, y + 12.0)];
            p.polygon(&tri, rgba(WHITE, 1.0))?;
            p.path(
                &[tri[0], tri[1], tri[2], tri[0]],
                stroke(rgba(INK, 1.0), 2.0),
            )
        }
        Swatch::Outline => {
            outline(p, &line, 5.0, 6.0)?;
            p.path(&line, stroke(rgba(INK, 0.4), 1.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_as_of_date_is_written_in_the_language() {
        let day = f64::from(flowlines_core::date::parse_day("2024-10-20").unwrap_or(0));
        assert_eq!(as_of_text(day, "en"), "As of 20 October 2024");
        assert_eq!(as_of_text(day, "ko"), "2024년 10월 20일 기준");
    }

    #[test]
    fn narrow_images_are_taller_than_the_card_proportion() {
        assert_eq!(default_height(1200), 630);
        assert_eq!(default_height(720), 800);
    }
}
