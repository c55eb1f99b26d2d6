//! A panel's legend at its plot's top left: each stream with its stroke, then the band and the
//! held line when the panel draws them.

use super::lines::{draw_styled, style_of};
use super::marks::Rect;
use super::Plot;
use crate::chart::{ChartError, Frame, PanelPlan, BAND_ALPHA, HELD_ALPHA};
use crate::paint::{fit, font, mix};
use flowlines_core::encoding::LineStyle;
use flowlines_core::i18n::{t, tf, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the panel drew that its legend names.
pub(super) struct Legend<'a> {
    /// Each stream's colour, in the panel's order.
    pub(super) colors: &'a [RGBColor],
    /// Whether any band was drawn.
    pub(super) any_band: bool,
    /// Whether any held line was drawn.
    pub(super) any_held: bool,
}

/// One row: its text, colour, stroke (none for the band) and whether it is the band.
type Row = (String, RGBColor, Option<LineStyle>, bool);

/// Each stream's label ("Shells (part of Munitions)" when it is part of another stream of
/// the same category and unit), then the band's and the held line's.
fn rows(frame: &Frame<'_>, panel: &PanelPlan, legend: &Legend<'_>) -> Vec<Row> {
    let mut rows: Vec<Row> = panel
        .streams
        .iter()
        .zip(legend.colors)
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
            Some((label, c, Some(style_of(frame.series.strongest(i))), false))
        })
        .collect();
    if legend.any_band {
        let text = t(Lang::from_code(frame.lang), "chart_range");
        rows.push((text.into(), frame.color, None, true));
    }
    if legend.any_held {
        rows.push((
            t(Lang::from_code(frame.lang), "chart_held").into(),
            mix(frame.palette.paper, frame.color, HELD_ALPHA),
            Some(LineStyle::Solid),
            false,
        ));
    }
    rows
}

/// Draws the legend's rows, each text fitted to the plot's width; returns the rectangles they
/// took, in the backend's pixels, for the marks' figures to keep off.
pub(super) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame<'_>,
    panel: &PanelPlan,
    legend: &Legend<'_>,
    plot: &Plot,
) -> Result<Vec<Rect>, ChartError> {
    let base = plot.base;
    let legend_style = font(11.0).color(&frame.palette.ink);
    let (lx, mut ly) = (plot.left - base.0 + 8, plot.top - base.1 + 8);
    let room = (plot.right - base.0 - lx - 30).max(0) as u32;
    let mut taken: Vec<Rect> = Vec::new();
    for (text, color, stroke, band) in rows(frame, panel, legend) {
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
            (Some(line), Some(shape)) => {
                let at = |x: i32| (f64::from(x), f64::from(ly));
                draw_styled(area, &[at(lx), at(lx + 20)], line, shape)?;
            }
            (None, Some(shape)) => {
                area.draw(&PathElement::new(vec![(lx, ly), (lx + 20, ly)], shape))?;
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
    Ok(taken)
}
