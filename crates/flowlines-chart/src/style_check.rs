//! For tests that a renderer draws a line style as the core's table says
//! (`flowlines_core::line_style`): what pattern a recorded horizontal line was drawn in.

use crate::recording::{Call, Recording};

/// The horizontal line the tests draw, in pixels: from `(10, 20)` to `(210, 20)`.
pub(crate) const LINE: [(f64, f64); 2] = [(10.0, 20.0), (210.0, 20.0)];

/// The pattern a recorded line was drawn in, in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Drawn {
    /// One unbroken path.
    Solid,
    /// Paths `on` pixels long with `off` pixel gaps (from the first two).
    Dashes { on: i32, off: i32 },
    /// Filled circles `spacing` pixels apart (from the first two).
    Dots { spacing: i32 },
}

/// The pattern of the paths or circles in `recording`.
pub(crate) fn drawn(recording: &Recording) -> Drawn {
    let calls: Vec<Call> = recording.calls().into_iter().map(|(c, _)| c).collect();
    let circles: Vec<i32> = calls
        .iter()
        .filter_map(|c| match c {
            Call::Circle((x, _), _, true) => Some(*x),
            _ => None,
        })
        .collect();
    if circles.len() > 1 {
        return Drawn::Dots {
            spacing: circles[1] - circles[0],
        };
    }
    let paths: Vec<(i32, i32)> = calls
        .iter()
        .filter_map(|c| match c {
            Call::Path(points, _) => Some((points.first()?.0, points.last()?.0)),
            _ => None,
        })
        .collect();
    match paths[..] {
        [_] => Drawn::Solid,
        [(a0, a1), (b0, _), ..] => Drawn::Dashes {
            on: a1 - a0,
            off: b0 - a1,
        },
        _ => panic!("nothing drawn: {calls:?}"),
    }
}

/// The pattern the core's table gives `style` at `width`, in whole pixels.
pub(crate) fn expected(style: flowlines_core::encoding::LineStyle, width: f64) -> Drawn {
    let look = flowlines_core::line_style::look(style);
    match flowlines_core::line_style::dash(style, width)[..] {
        [on, off] if look.round => Drawn::Dots {
            spacing: (on + off).round() as i32,
        },
        [on, off] => Drawn::Dashes {
            on: on.round() as i32,
            off: off.round() as i32,
        },
        _ => Drawn::Solid,
    }
}
