//! The observations' marks: a dot at the end of each counted observation's period, an arrow up
//! for a figure with no ceiling, and the figure as the source gives it where there is room.

use super::{PanelChart, Plot};
use crate::chart::{ChartError, ChartLayout, Frame, MarkLayout, PanelPlan, MARK_RADIUS, PAD};
use crate::paint::font;
use flowlines_core::details::quantity_text_in;
use flowlines_core::figure::write_number;
use flowlines_core::i18n::{tf, Lang};
use flowlines_core::model::Quantity;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A rectangle in pixels: left, top, right, bottom.
pub(super) type Rect = (i32, i32, i32, i32);

/// Whether two rectangles share any pixel.
fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
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

/// Draws the mark of every counted observation of the panel's streams within the story's
/// days, and its figure where it keeps off `taken` (the legend, and the figures before it);
/// records each mark in `layout`.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &PanelChart<'_, DB>,
    frame: &Frame<'_>,
    panel: &PanelPlan,
    colors: &[RGBColor],
    mut taken: Vec<Rect>,
    plot: &Plot,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let Plot {
        left,
        top,
        right,
        bottom,
        base,
    } = *plot;
    let label_style = font(11.0).color(&frame.palette.ink);
    for (o_index, o) in frame.story.observations.iter().enumerate() {
        let Some(k) = panel.streams.iter().position(|&i| {
            frame
                .story
                .streams
                .get(i)
                .is_some_and(|s| *s.id == *o.stream)
        }) else {
            continue;
        };
        let Some(central) = o.quantity.central() else {
            continue;
        };
        if !o.confidence.counts_as_moved() {
            continue;
        }
        let day = f64::from(o.period.last());
        if !(frame.start..=frame.end).contains(&day) {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
