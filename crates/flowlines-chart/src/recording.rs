//! A backend that draws nothing and records every call, for tests that count what was drawn
//! (in the manner of plotters' own mocked backend).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// What one drawing call drew.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// A single pixel.
    Pixel(BackendCoord),
    /// A straight line between two points.
    Line(BackendCoord, BackendCoord),
    /// A rectangle, filled or not.
    Rect(BackendCoord, BackendCoord, bool),
    /// A polyline through these points, with its stroke width.
    Path(Vec<BackendCoord>, u32),
    /// A circle: centre, radius, filled.
    Circle(BackendCoord, u32, bool),
    /// A filled polygon.
    Polygon(Vec<BackendCoord>),
    /// A text at a point.
    Text(String, BackendCoord),
}

impl Call {
    /// The kind of call, as a short name.
    pub fn kind(&self) -> &'static str {
        match self {
            Call::Pixel(_) => "pixel",
            Call::Line(..) => "line",
            Call::Rect(..) => "rect",
            Call::Path(..) => "path",
            Call::Circle(..) => "circle",
            Call::Polygon(_) => "polygon",
            Call::Text(..) => "text",
        }
    }
}

/// A colour as red, green, blue and opacity (0 to 1).
pub type Rgba = ([u8; 3], f64);

fn rgba(c: BackendColor) -> Rgba {
    ([c.rgb.0, c.rgb.1, c.rgb.2], c.alpha)
}

/// The error a recording backend never returns.
#[derive(Debug)]
pub struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no error")
    }
}

impl std::error::Error for NoError {}

/// Records every call drawn on a canvas of `width` by `height` pixels into a shared
/// [`Recording`], which stays readable after plotters has taken the backend.
#[derive(Debug, Clone)]
pub struct RecordingBackend {
    width: u32,
    height: u32,
    log: Recording,
}

/// Every call a [`RecordingBackend`] received, in order, with the colour it used.
#[derive(Debug, Clone, Default)]
pub struct Recording(Rc<RefCell<Vec<(Call, Rgba)>>>);

impl RecordingBackend {
    /// An empty recording of a `width` by `height` canvas.
    pub fn new(width: u32, height: u32) -> Self {
        RecordingBackend {
            width,
            height,
            log: Recording::default(),
        }
    }

    /// The recording this backend writes to.
    pub fn recording(&self) -> Recording {
        self.log.clone()
    }

    fn push(&mut self, call: Call, color: Rgba) {
        self.log.0.borrow_mut().push((call, color));
    }
}

impl Recording {
    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<(Call, Rgba)> {
        self.0.borrow().clone()
    }

    /// How many calls of each kind were made.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for (c, _) in self.0.borrow().iter() {
            *m.entry(c.kind()).or_insert(0) += 1;
        }
        m
    }

    /// Every text drawn, in order.
    pub fn texts(&self) -> Vec<String> {
        self.0
            .borrow()
            .iter()
            .filter_map(|(c, _)| match c {
                Call::Text(t, _) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }
}

type Result = std::result::Result<(), DrawingErrorKind<NoError>>;

impl DrawingBackend for RecordingBackend {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.push(Call::Pixel(point), rgba(color));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.push(Call::Line(from, to), rgba(style.color()));
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.push(
            Call::Rect(upper_left, bottom_right, fill),
            rgba(style.color()),
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.push(
            Call::Path(path.into_iter().collect(), style.stroke_width()),
            rgba(style.color()),
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.push(Call::Circle(center, radius, fill), rgba(style.color()));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.push(
            Call::Polygon(vert.into_iter().collect()),
            rgba(style.color()),
        );
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result {
        self.push(Call::Text(text.to_string(), pos), rgba(style.color()));
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // About half an em per character, as plotters' SVG backend estimates without fonts.
        let size = style.size();
        Ok((
            (text.chars().count() as f64 * size * 0.55).ceil() as u32,
            size.ceil() as u32,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn a_recording_counts_what_plotters_draws_through_it() {
        let backend = RecordingBackend::new(200, 100);
        let recording = backend.recording();
        {
            let root = backend.into_drawing_area();
            root.draw(&Circle::new((50, 50), 5, BLACK.filled()))
                .unwrap();
            root.draw(&PathElement::new(vec![(0, 0), (10, 10), (20, 0)], BLACK))
                .unwrap();
            root.draw(&Text::new("Kursk", (60, 50), ("sans-serif", 12)))
                .unwrap();
        }
        let counts = recording.counts();
        assert_eq!(counts.get("circle"), Some(&1));
        assert_eq!(counts.get("path"), Some(&1));
        assert_eq!(recording.texts(), vec!["Kursk".to_string()]);
    }
}
