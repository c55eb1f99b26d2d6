//! One unit's panel: its axes, then the bands, the lines, the cursor, the legend, the marks
//! with their figures and the title, in that order (later ones are drawn over earlier ones).

use super::axes::{value_axis, year_starts, Axis};
use super::{panel_peak, ChartError, ChartLayout, Frame, PanelLayout, PanelPlan};
use super::{PAD, TITLE_ROOM, X_LABEL_ROOM};
use crate::paint::{font, mix};
use flowlines_core::date::format_day;
use flowlines_core::i18n::{self, Lang};
use flowlines_core::series::{runs, Run};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The panel's band from the low to the high.
mod band;
/// The panel's cursor at the current day.
mod cursor;
/// The panel's legend of streams, band and held line.
mod legend;
/// Each stream's running total as a line, styled by confidence.
mod lines;
/// The observations' marks and their figures.
mod marks;

pub use marks::figure_label;

/// The plotters chart a panel draws its series in: days across, the unit's count up.
type PanelChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Axis, Axis>>;

/// Where a panel's plot went, in the backend's pixels.
#[derive(Debug, Clone, Copy)]
struct Plot {
    /// The left edge of the plot (the first day).
    left: i32,
    /// The top of the plot (the top of the value axis).
    top: i32,
    /// The right edge of the plot (the last day).
    right: i32,
    /// The bottom of the plot (zero).
    bottom: i32,
    /// The panel area's top-left corner: subtracted to draw on the area itself.
    base: (i32, i32),
}

/// Draws one unit's panel and records where it and its marks went.
pub(super) fn draw_panel<DB: DrawingBackend>(
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
    let plot = Plot {
        left,
        top,
        right,
        bottom,
        base,
    };
    let panel_layout = PanelLayout {
        unit: panel.unit.clone(),
        left: f64::from(left),
        right: f64::from(right),
        top: f64::from(top),
        bottom: f64::from(bottom),
        start_day: start,
        end_day: end,
    };

    // Each stream's colour: the category's, shaded towards the ink for the second and later.
    let colors: Vec<RGBColor> = (0..panel.streams.len())
        .map(|k| mix(frame.color, frame.palette.ink, 0.35 * k as f64))
        .collect();
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
    // Bands first, under every line.
    let any_band = band::draw_bands(&mut chart, &stream_runs, &colors, y_top)?;
    let any_held = lines::draw_lines(&mut chart, frame, panel, &stream_runs, &colors)?;
    cursor::draw_cursor(area, &mut chart, frame, index, y_top, &plot)?;
    let legend = legend::Legend {
        colors: &colors,
        any_band,
        any_held,
    };
    let taken = legend::draw_legend(area, frame, panel, &legend, &plot)?;
    marks::draw_marks(area, &chart, frame, panel, &colors, taken, &plot, layout)?;

    // The panel's title: its unit.
    area.draw(&Text::new(
        super::plan::capitalised(&panel.name),
        (left - base.0, TITLE_ROOM as i32 / 2 + 2),
        font(13.0)
            .color(&frame.palette.ink)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    layout.panels.push(panel_layout);
    Ok(())
}
