//! What the map and the charts draw with: colours, shape styles and pixel rounding, the
//! transform from a scene's pixels to an image's, a painter whose every error is a
//! [`MapError`](crate::map::MapError), and text measured, wrapped and fitted to a width.

use crate::map::{MapError, INK};
use flowlines_core::labels::Rect;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{IntoFont, RGBColor};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor, ShapeStyle, TextStyle};
use plotters_backend::{BackendColor, DrawingBackend};

use crate::chart::ChartError;

/// The font the chart writes in: the page's own, with Korean glyphs.
pub(crate) const FONT: &str = "system-ui, 'Noto Sans', 'Noto Sans CJK KR', sans-serif";

/// The font size to give plotters so that an SVG's `font-size` comes out as `px` (its SVG
/// backend divides by 1.24).
pub fn font_size(px: f64) -> f64 {
    px * 1.24
}

/// One line of text at its place.
#[derive(Clone)]
pub(crate) struct TextLine {
    pub(crate) text: String,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) px: f64,
    pub(crate) bold: bool,
    pub(crate) color: u32,
    pub(crate) align: HPos,
}

pub(crate) fn rgba(c: u32, alpha: f64) -> RGBAColor {
    RGBAColor(
        ((c >> 16) & 0xFF) as u8,
        ((c >> 8) & 0xFF) as u8,
        (c & 0xFF) as u8,
        alpha,
    )
}

pub(crate) fn fill(color: RGBAColor) -> ShapeStyle {
    ShapeStyle {
        color,
        filled: true,
        stroke_width: 1,
    }
}

pub(crate) fn stroke(color: RGBAColor, width: f64) -> ShapeStyle {
    ShapeStyle {
        color,
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    }
}

/// A pixel coordinate, rounded; a non-finite one goes to 0 (callers skip those first).
fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
    } else {
        0
    }
}

/// Points rounded to pixels, without repeats in a row and without non-finite points.
fn pixels(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let p = (px(x), px(y));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// From the scene's CSS pixels to the image's pixels.
pub(crate) struct Transform {
    pub(crate) scale: f64,
    pub(crate) dx: f64,
    pub(crate) dy: f64,
}

impl Transform {
    pub(crate) fn apply(&self, x: f32, y: f32) -> (f64, f64) {
        (
            f64::from(x) * self.scale + self.dx,
            f64::from(y) * self.scale + self.dy,
        )
    }
}

/// Draws on a drawing area with every error turned into a [`MapError`].
pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub(crate) root: &'a DrawingArea<DB, Shift>,
    pub(crate) family: &'a str,
}

fn drawing_error(e: impl std::fmt::Display) -> MapError {
    MapError::Drawing(e.to_string())
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    pub(crate) fn style(&self, px: f64, bold: bool, color: u32, pos: Pos) -> TextStyle<'_> {
        let font_style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let c = rgba(color, 1.0);
        TextStyle {
            font: FontDesc::new(FontFamily::from(self.family), font_size(px), font_style),
            color: BackendColor {
                rgb: (c.0, c.1, c.2),
                alpha: 1.0,
            },
            pos,
        }
    }

    /// The width of `text` in pixels: the backend's estimate, capped by an estimate per
    /// character (plotters' SVG backend counts bytes, so it makes Korean three times too wide).
    pub(crate) fn measure(&self, text: &str, px: f64, bold: bool) -> Result<f64, MapError> {
        if text.is_empty() {
            return Ok(0.0);
        }
        let style = self.style(px, bold, INK, Pos::new(HPos::Left, VPos::Top));
        let (w, _) = self
            .root
            .estimate_text_size(text, &style)
            .map_err(drawing_error)?;
        Ok(f64::from(w).min(char_width(text, px, bold)))
    }

    /// `text` broken at spaces into lines at most `width` pixels wide (a word longer than
    /// the width is broken between characters).
    pub(crate) fn wrap(
        &self,
        text: &str,
        px: f64,
        bold: bool,
        width: f64,
    ) -> Result<Vec<String>, MapError> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.measure(&candidate, px, bold)? <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if self.measure(word, px, bold)? <= width {
                line = word.to_string();
                continue;
            }
            for ch in word.chars() {
                let mut longer = line.clone();
                longer.push(ch);
                if !line.is_empty() && self.measure(&longer, px, bold)? > width {
                    lines.push(std::mem::take(&mut line));
                    line.push(ch);
                } else {
                    line = longer;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Ok(lines)
    }

    pub(crate) fn text(
        &self,
        text: &str,
        (x, y): (f64, f64),
        px: f64,
        bold: bool,
        color: u32,
        pos: Pos,
    ) -> Result<(), MapError> {
        let style = self.style(px, bold, color, pos);
        self.root
            .draw(&Text::new(text, (self::px(x), self::px(y)), style))
            .map_err(drawing_error)
    }

    pub(crate) fn text_line(&self, t: &TextLine) -> Result<(), MapError> {
        self.text(
            &t.text,
            (t.x, t.y),
            t.px,
            t.bold,
            t.color,
            Pos::new(t.align, VPos::Top),
        )
    }

    pub(crate) fn path(&self, points: &[(f64, f64)], style: ShapeStyle) -> Result<(), MapError> {
        let pts = pixels(points);
        if pts.len() < 2 {
            return Ok(());
        }
        self.root
            .draw(&PathElement::new(pts, style))
            .map_err(drawing_error)
    }

    pub(crate) fn polygon(&self, points: &[(f64, f64)], color: RGBAColor) -> Result<(), MapError> {
        let pts = pixels(points);
        if pts.len() < 3 {
            return Ok(());
        }
        self.root
            .draw(&Polygon::new(pts, fill(color)))
            .map_err(drawing_error)
    }

    pub(crate) fn circle(
        &self,
        (x, y): (f64, f64),
        r: f64,
        style: ShapeStyle,
    ) -> Result<(), MapError> {
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let r = r.round().max(1.0) as i32;
        self.root
            .draw(&Circle::new((px(x), px(y)), r, style))
            .map_err(drawing_error)
    }

    pub(crate) fn rect(&self, r: Rect, color: RGBAColor) -> Result<(), MapError> {
        self.root
            .draw(&Rectangle::new(
                [(px(r.x), px(r.y)), (px(r.right()), px(r.bottom()))],
                fill(color),
            ))
            .map_err(drawing_error)
    }
}

/// An upper estimate of the width of `text` in pixels at `px`, character by character, from
/// the advance widths of Noto Sans CJK KR (Hangul and CJK a full em, Latin and Cyrillic by
/// letter shape) with a little to spare, as DejaVu Sans is slightly wider.
fn char_width(text: &str, px: f64, bold: bool) -> f64 {
    let em: f64 =
        text.chars()
            .map(|c| match c {
                '\u{1100}'..='\u{11FF}'
                | '\u{2E80}'..='\u{A4CF}'
                | '\u{AC00}'..='\u{D7A3}'
                | '\u{F900}'..='\u{FAFF}'
                | '\u{FF00}'..='\u{FF60}' => 0.95,
                ' ' => 0.25,
                'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '’' | '(' | ')'
                | '[' | ']' | 'I' | '·' => 0.28,
                'f' | 't' | 'r' | '-' => 0.36,
                'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'ы' | 'Ш' | 'Щ' | 'Ж' | 'Ю'
                | '—' => 0.88,
                'A'..='Z' | 'А'..='Я' | 'Є' | 'І' | 'Ї' => 0.67,
                '0'..='9' | 'а'..='я' | 'є' | 'і' | 'ї' | 'ґ' => 0.58,
                _ => 0.54,
            })
            .sum();
    em * px * if bold { 1.13 } else { 1.06 }
}

pub(crate) fn rgb(color: u32) -> RGBColor {
    RGBColor((color >> 16) as u8, (color >> 8) as u8, color as u8)
}

/// `a` moved towards `b` by `f` (0 to 1).
pub(crate) fn mix(a: RGBColor, b: RGBColor, f: f64) -> RGBColor {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

pub(crate) fn font(size: f64) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font())
}

/// `text` cut into lines no wider than `max` pixels, between words (a word wider than `max`
/// keeps a line of its own).
pub(crate) fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle<'_>,
    max: u32,
) -> Result<Vec<String>, ChartError> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let longer = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || area.estimate_text_size(&longer, style)?.0 <= max {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// `text`, shortened with an ellipsis if it is wider than `max` pixels.
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle<'_>,
    max: u32,
) -> Result<String, ChartError> {
    if area.estimate_text_size(text, style)?.0 <= max {
        return Ok(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    // The longest prefix that fits with its ellipsis, found by halving.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().chain(['…'].iter()).collect();
        if area.estimate_text_size(&candidate, style)?.0 <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .chars()
        .chain(['…'])
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_is_measured_by_characters_not_bytes() {
        assert!((char_width("평양", 10.0, false) - 20.14).abs() < 1e-9);
        assert!(char_width("Pyongyang", 10.0, false) < 60.0);
    }
}
