//! Each stream's running total as a line: known stretches in its confidence's line style (the
//! core's table, as on the map: solid confirmed, dashed reported, dotted claimed, faint
//! proposed), held stretches (after the last reading) faint.

use super::PanelChart;
use crate::chart::{ChartError, Frame, PanelPlan, HELD_ALPHA};
use flowlines_core::encoding::LineStyle;
use flowlines_core::line_style;
use flowlines_core::model::Confidence;
use flowlines_core::polyline::{dashes, dots};
use flowlines_core::series::Run;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The line style of a stream whose strongest confidence so far is `c`, as on the map (a
/// stream nobody has claimed yet is faint).
pub(super) fn style_of(c: Option<Confidence>) -> LineStyle {
    c.map_or(LineStyle::Faint, LineStyle::of)
}

/// Draws a line through `points` (pixels of `area`) in `style`'s dash pattern from the core's
/// table ([`line_style::dash`]) and in `shape`'s colour and width, cut into dashes or dots by
/// the same code as the static map's.
pub(super) fn draw_styled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(f64, f64)],
    style: LineStyle,
    shape: ShapeStyle,
) -> Result<(), ChartError> {
    let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    let width = f64::from(shape.stroke_width);
    match line_style::dash(style, width)[..] {
        [on, off] if line_style::look(style).round => {
            let radius = (width / 2.0).max(1.0).round() as i32;
            for d in dots(points, on + off) {
                area.draw(&Circle::new(px(d), radius, shape.color.filled()))?;
            }
        }
        [on, off] => {
            for d in dashes(points, on, off) {
                area.draw(&PathElement::new(
                    d.into_iter().map(px).collect::<Vec<_>>(),
                    shape,
                ))?;
            }
        }
        _ => {
            area.draw(&PathElement::new(
                points.iter().copied().map(px).collect::<Vec<_>>(),
                shape,
            ))?;
        }
    }
    Ok(())
}

/// Draws the runs of each stream of `panel` in its colour; whether any run was held.
pub(super) fn draw_lines<DB: DrawingBackend>(
    chart: &mut PanelChart<'_, DB>,
    frame: &Frame<'_>,
    panel: &PanelPlan,
    stream_runs: &[Vec<Run>],
    colors: &[RGBColor],
) -> Result<bool, ChartError> {
    let mut any_held = false;
    let area = chart.plotting_area().strip_coord_spec();
    let (bx, by) = chart.plotting_area().get_base_pixel();
    for (k, (&i, rs)) in panel.streams.iter().zip(stream_runs).enumerate() {
        let style = style_of(frame.series.strongest(i));
        for r in rs {
            any_held |= r.held;
            let shape = if r.held {
                colors[k].mix(HELD_ALPHA).stroke_width(2)
            } else {
                colors[k].stroke_width(2)
            };
            let points: Vec<(f64, f64)> = r
                .samples
                .iter()
                .map(|s| {
                    let (x, y) = chart.backend_coord(&(s.day, s.value));
                    (f64::from(x - bx), f64::from(y - by))
                })
                .collect();
            draw_styled(&area, &points, style, shape)?;
        }
    }
    Ok(any_held)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recording::RecordingBackend;
    use crate::style_check::{drawn, expected, Drawn, LINE};

    #[test]
    fn the_charts_draw_each_line_style_as_the_core_s_table_says() {
        for style in line_style::STYLES {
            let backend = RecordingBackend::new(220, 40);
            let recording = backend.recording();
            let area = backend.into_drawing_area();
            draw_styled(&area, &LINE, style, BLACK.stroke_width(2)).unwrap();
            assert_eq!(drawn(&recording), expected(style, 2.0), "{style:?}");
        }
    }

    #[test]
    fn a_claimed_stream_is_dotted_in_the_charts_as_on_the_map() {
        let style = style_of(Some(Confidence::Claimed));
        assert!(matches!(expected(style, 2.0), Drawn::Dots { .. }));
        assert_eq!(style_of(Some(Confidence::Reported)), LineStyle::Dashed);
        assert_eq!(style_of(Some(Confidence::Confirmed)), LineStyle::Solid);
    }
}
