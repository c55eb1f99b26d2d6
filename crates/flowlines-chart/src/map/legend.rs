//! The legend: its groups of samples and words, laid out in columns, and its samples drawn.

use super::draw::{badge, outline, styled_line};
use super::layout::words;
use super::*;

/// A legend sample, drawn in a [`SWATCH`]-sized box whose top-left corner is `x`, `y`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
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
pub(super) struct PlacedSwatch {
    pub(super) swatch: Swatch,
    pub(super) x: f64,
    pub(super) y: f64,
}

/// A group of the legend: a heading and its rows.
pub(super) struct Group {
    pub(super) heading: String,
    pub(super) rows: Vec<(Swatch, String)>,
}

/// A group measured for a column `width` wide: its lines relative to the group's top-left
/// corner, and its height.
pub(super) struct MeasuredGroup {
    pub(super) texts: Vec<TextLine>,
    pub(super) swatches: Vec<PlacedSwatch>,
    pub(super) height: f64,
}

pub(super) fn legend_groups(scene: &Scene, lang: &str) -> Vec<Group> {
    let w = words(lang);
    let [unknown, disputed] = flowlines_core::line_style::BADGES;
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
                (Swatch::Badge(unknown.glyph), w.unknown.into()),
                (Swatch::Badge(disputed.glyph), w.disputed.into()),
                (Swatch::Hollow, w.inferred.into()),
                (Swatch::Outline, w.assumed.into()),
            ],
        },
    ]
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
pub(super) fn layout_legend<DB: DrawingBackend>(
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

pub(super) fn draw_swatch<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    s: &PlacedSwatch,
) -> Result<(), MapError> {
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
