//! plotters' [`DrawingBackend`](plotters_backend::DrawingBackend) over a canvas 2D context, so the
//! charts of `flowlines-chart` draw in the page.
//!
//! Unlike plotters-canvas, whose constructor returns `Option` and loses the reason, every step
//! here returns the browser's own error message. Coordinates are CSS pixels: the context is
//! scaled by the device pixel ratio, so lines and text stay sharp on dense screens.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CanvasRenderingContext2d;

/// An error of the canvas, with the browser's message.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasError {
    /// What the browser said, or what was wrong with the arguments.
    pub message: String,
}

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CanvasError {}

impl From<JsValue> for CanvasError {
    fn from(value: JsValue) -> Self {
        let message = match value.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
        };
        CanvasError { message }
    }
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<CanvasError>>;

fn js(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError::from(e))
}

/// A CSS colour from plotters' colour.
fn css(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

/// Draws plotters' calls on a canvas 2D context, `width` by `height` CSS pixels.
#[derive(Debug, Clone)]
pub struct CanvasBackend {
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
}

impl CanvasBackend {
    /// A backend drawing on `ctx` over `width` by `height` CSS pixels of a canvas whose pixels
    /// are `dpr` times denser (its `width` attribute is `width * dpr`). Sets the context's
    /// transform; fails on sizes or a ratio that are not positive numbers.
    pub fn new(
        ctx: CanvasRenderingContext2d,
        width: f64,
        height: f64,
        dpr: f64,
    ) -> std::result::Result<Self, CanvasError> {
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if !positive(width) || !positive(height) || !positive(dpr) {
            return Err(CanvasError {
                message: format!(
                    "a canvas needs a positive size and pixel ratio, not {width} by {height} at {dpr}"
                ),
            });
        }
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
        Ok(CanvasBackend {
            ctx,
            width: width.round().max(1.0) as u32,
            height: height.round().max(1.0) as u32,
        })
    }

    /// Sets the stroke for `style`; returns the half-pixel shift that keeps odd widths sharp.
    fn stroke<S: BackendStyle>(&self, style: &S) -> f64 {
        let width = style.stroke_width();
        self.ctx.set_stroke_style_str(&css(style.color()));
        self.ctx.set_line_width(f64::from(width));
        self.ctx.set_line_cap("butt");
        self.ctx.set_line_join("round");
        if width % 2 == 1 {
            0.5
        } else {
            0.0
        }
    }

    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, shift: f64) -> usize {
        self.ctx.begin_path();
        let mut n = 0;
        for (x, y) in points {
            let (x, y) = (f64::from(x) + shift, f64::from(y) + shift);
            if n == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
            n += 1;
        }
        n
    }

    fn font<S: BackendTextStyle>(&self, style: &S) {
        self.ctx.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

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
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.ctx.set_fill_style_str(&css(color));
        self.ctx
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let shift = self.stroke(style);
        self.trace([from, to], shift);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.ctx.set_fill_style_str(&css(style.color()));
            self.ctx.fill_rect(x, y, w, h);
        } else {
            let shift = self.stroke(style);
            self.ctx.stroke_rect(x + shift, y + shift, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let shift = self.stroke(style);
        if self.trace(path, shift) > 1 {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        let (x, y) = (f64::from(center.0), f64::from(center.1));
        if fill {
            self.ctx
                .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU)
                .map_err(js)?;
            self.ctx.set_fill_style_str(&css(style.color()));
            self.ctx.fill();
        } else {
            let shift = self.stroke(style);
            self.ctx
                .arc(
                    x + shift,
                    y + shift,
                    f64::from(radius),
                    0.0,
                    std::f64::consts::TAU,
                )
                .map_err(js)?;
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if self.trace(vert, 0.0) > 2 {
            self.ctx.close_path();
            self.ctx.set_fill_style_str(&css(style.color()));
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        } * std::f64::consts::TAU;
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        self.ctx.save();
        if turn != 0.0 {
            self.ctx.translate(x, y).map_err(js)?;
            self.ctx.rotate(turn).map_err(js)?;
            (x, y) = (0.0, 0.0);
        }
        self.ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.font(style);
        self.ctx.set_fill_style_str(&css(color));
        let drawn = self.ctx.fill_text(text, x, y).map_err(js);
        self.ctx.restore();
        drawn
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        self.font(style);
        let metrics = self.ctx.measure_text(text).map_err(js)?;
        Ok((
            metrics.width().ceil().max(0.0) as u32,
            style.size().ceil() as u32,
        ))
    }
}
