//! The flows of a map of up to 1,500 (above that the page draws the dense map's layer,
//! `Scene::paint_routes`) drawn by the core, each as a canvas strokes it: its range's pale
//! band, its line in its width, dashes and opacity, and its arrowhead, each laid over what the
//! flows before it left. A software canvas spent most of a 1,000-flow map's static layer
//! dashing each route's path (README, Benchmarks, "The morning of 5 December").

use super::Scene;
use crate::encoding::{marks, FlowStyle};
use crate::line_style::{look, BAND_ALPHA, HOLLOW_ARROW_PX};
use crate::raster::Raster;
use crate::stroke_mask::StrokeMask;
use crate::style::WHITE;

impl Scene {
    /// Draws the dotted outlines of the assumed routes (as [`Scene::paint_outlines`]) and over
    /// them each visible stream into `raster` (cleared first), whose pixels are `dpr` device
    /// pixels per CSS pixel, in the story's order, as a canvas strokes them one by one:
    /// a range wider than a pixel as a pale band [`BAND_ALPHA`] as wide as its high figure;
    /// the line at [`FlowStyle::line_width`] in its style's dashes or dots and opacity
    /// ([`look`]); the arrowhead filled at the style's arrow opacity, or white with an outline
    /// [`HOLLOW_ARROW_PX`] wide where the destination is inferred. The `?` and `!` badges are
    /// left to the page, which draws them over the flows. The layer is laid in premultiplied
    /// alpha and made straight once, at the end (see `StrokeMask::composite`). `mask` is
    /// scratch space of the raster's size.
    pub fn paint_flows(&self, raster: &mut Raster, mask: &mut StrokeMask, dpr: f32) {
        raster.clear();
        // In the flows' own layer, not one of their own: the page puts and lays one layer
        // fewer (a put of a 1200 x 700 layer is about 3 ms in a software canvas).
        self.lay_outlines(raster, mask, dpr);
        mask.keep_touched();
        for (s, st) in self.styles.iter().enumerate() {
            let (Some(xy), Some(arrow)) = (
                self.route_points(s),
                self.laid.arrow_xy.get(6 * s..6 * s + 6),
            ) else {
                continue;
            };
            if !st.visible || xy.len() < 4 {
                continue;
            }
            let color = self.stream_color.get(s).copied().unwrap_or(0);
            paint_flow(raster, mask, dpr, (xy, arrow), st, color);
        }
        raster.unpremultiply();
    }
}

/// One flow's band, line and arrowhead (see [`Scene::paint_flows`]): the route `xy` and the
/// arrowhead's tip and base corners `arrow`, in CSS pixels.
fn paint_flow(
    raster: &mut Raster,
    mask: &mut StrokeMask,
    dpr: f32,
    (xy, arrow): (&[f32], &[f32]),
    st: &FlowStyle,
    color: u32,
) {
    if st.width_high - st.width_low > 1.0 {
        mask.stroke_path(xy, dpr, st.width_high as f32 * dpr, None);
        mask.lay_touched(raster, color, BAND_ALPHA as f32);
    }
    let style = look(st.style);
    let width = st.line_width();
    let dash = style
        .dash
        .map(|p| [p.on.at(width) as f32 * dpr, p.off.at(width) as f32 * dpr]);
    let line = width as f32 * dpr;
    match dash {
        // Dots: dashes next to nothing long with round caps as wide as the line.
        Some(dots) if style.round => mask.stroke_dotted(xy, dpr, line, dots),
        _ => mask.stroke_path(xy, dpr, line, dash),
    }
    mask.lay_touched(raster, color, style.alpha as f32);
    let corner = |i: usize| (arrow[2 * i] * dpr, arrow[2 * i + 1] * dpr);
    let (tip, left, right) = (corner(0), corner(1), corner(2));
    mask.fill_triangle(tip, left, right);
    let alpha = style.arrow_alpha as f32;
    if st.marks & marks::INFERRED_DESTINATION != 0 {
        mask.lay_touched(raster, WHITE, alpha);
        // Round the triangle and on along its first side, so that the tip is joined too.
        let edge = [
            tip.0, tip.1, left.0, left.1, right.0, right.1, tip.0, tip.1, left.0, left.1,
        ];
        mask.stroke_path(&edge, 1.0, HOLLOW_ARROW_PX as f32 * dpr, None);
    }
    mask.lay_touched(raster, color, alpha);
}
