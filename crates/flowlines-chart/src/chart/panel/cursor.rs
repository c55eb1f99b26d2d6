//! The cursor: a line at the current day, with the day written at its top in the first panel.

use super::{PanelChart, Plot};
use crate::chart::{ChartError, Frame};
use crate::paint::font;
use flowlines_core::i18n::{self, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the cursor at `frame.cursor` if it falls within the story's days; in panel `index`
/// 0 the day is written beside its top, on the left where the right has no room.
pub(super) fn draw_cursor<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &mut PanelChart<'_, DB>,
    frame: &Frame<'_>,
    index: usize,
    y_top: f64,
    plot: &Plot,
) -> Result<(), ChartError> {
    if !(frame.start..=frame.end).contains(&frame.cursor) {
        return Ok(());
    }
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(frame.cursor, 0.0), (frame.cursor, y_top)],
        frame.palette.ink.mix(0.85).stroke_width(1),
    )))?;
    if index == 0 {
        let base = plot.base;
        let (x, _) = chart.backend_coord(&(frame.cursor, 0.0));
        let text = i18n::format_date(frame.cursor.floor() as i32, Lang::from_code(frame.lang));
        let style = font(11.0).color(&frame.palette.ink);
        let (w, _) = area.estimate_text_size(&text, &style)?;
        let (x, anchor) = if x + 4 + w as i32 > plot.right {
            (x - 4, HPos::Right)
        } else {
            (x + 4, HPos::Left)
        };
        area.draw(&Text::new(
            text,
            (x - base.0, plot.top - base.1 - 2),
            style.pos(Pos::new(anchor, VPos::Bottom)),
        ))?;
    }
    Ok(())
}
