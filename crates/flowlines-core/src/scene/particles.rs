//! Each animation frame's particles, and painting particles and routes into a raster.

use super::Scene;
use crate::encoding::{marks, FlowStyle, LineStyle};
use crate::line_style::{OUTLINE_ALPHA, OUTLINE_DASH, OUTLINE_EXTRA_PX};
use crate::particles::{paint_discs, place_all, thinning_share};
use crate::raster::Raster;
use crate::stroke_mask::StrokeMask;

impl Scene {
    /// Computes the frame at animation clock `clock_s` seconds: each visible moving stream's
    /// particles, spaced evenly along its route and advancing with the clock at a speed and
    /// density that grow with the stream's rate. A stream reported to move but with no figure
    /// gets the fewest, slowest particles; one whose last reading is past gets none.
    pub fn frame(&mut self, clock_s: f64) {
        let share = if self.thinning {
            thinning_share(&self.laid.movers, self.width * self.height)
        } else {
            1.0
        };
        place_all(
            &self.laid.movers,
            &self.laid.tracks,
            share,
            clock_s,
            &mut self.laid.particle_xy,
            &mut self.laid.particle_stream,
        );
    }

    /// Thins particles where they are denser than a reader can see, from the next frame on:
    /// see [`crate::particles::thinning_share`]. Off until asked for.
    pub fn set_thinning(&mut self, on: bool) {
        self.thinning = on;
    }

    /// Draws the last frame's particles into `raster` (cleared first), whose pixels are `dpr`
    /// device pixels per CSS pixel, as discs of `radius_css` CSS pixels in their stream's colour.
    pub fn paint_particles(&self, raster: &mut Raster, dpr: f32, radius_css: f32) {
        paint_discs(
            raster,
            (&self.laid.particle_xy, &self.laid.particle_stream),
            self.laid.tracks.bounds(),
            &self.stream_color,
            dpr,
            radius_css,
        );
    }

    /// Draws the routes and arrowheads of the visible streams into `raster` (cleared first),
    /// whose pixels are `dpr` device pixels per CSS pixel, as a dense map's static layer shows
    /// them: the streams of one colour and line style together, their routes stroked solid at
    /// the group's widest width (at most 2 CSS pixels; `StrokeMask::stroke_path`, through the
    /// points the pixels need) and then their arrowheads filled, each laid over what is there
    /// at half opacity (faint streams at 0.3), overlaps not adding up; laid in premultiplied
    /// alpha and made straight at the end. `mask` is scratch space of the raster's size.
    pub fn paint_routes(&self, raster: &mut Raster, mask: &mut StrokeMask, dpr: f32) {
        raster.clear();
        // Groups by colour and style, in the order they first appear.
        let mut groups: Vec<(u32, LineStyle, f32, Vec<usize>)> = Vec::new();
        for (s, st) in self.styles.iter().enumerate() {
            let Some(xy) = self.route_points(s) else {
                continue;
            };
            if !st.visible || xy.len() < 4 || self.laid.arrow_xy.len() < 6 * s + 6 {
                continue;
            }
            let color = self.stream_color.get(s).copied().unwrap_or(0);
            let width = st.width.min(2.0) as f32;
            match groups.iter_mut().find(|g| g.0 == color && g.1 == st.style) {
                Some(g) => {
                    g.2 = g.2.max(width);
                    g.3.push(s);
                }
                None => groups.push((color, st.style, width, vec![s])),
            }
        }
        for (color, style, width, streams) in groups {
            let opacity = if style == LineStyle::Faint { 0.3 } else { 0.5 };
            mask.clear();
            for &s in &streams {
                if let Some(xy) = self.route_points(s) {
                    mask.stroke_path(xy, dpr, width * dpr, None);
                }
            }
            mask.composite(raster, color, opacity);
            mask.clear();
            for &s in &streams {
                let t = &self.laid.arrow_xy[6 * s..6 * s + 6];
                mask.fill_triangle(
                    (t[0] * dpr, t[1] * dpr),
                    (t[2] * dpr, t[3] * dpr),
                    (t[4] * dpr, t[5] * dpr),
                );
            }
            mask.composite(raster, color, opacity);
        }
        raster.unpremultiply();
    }

    /// Draws the dotted grey outline of every visible stream whose route is assumed
    /// ([`marks::ASSUMED_ROUTE`]) into `raster` (cleared first), whose pixels are `dpr` device
    /// pixels per CSS pixel: round dots of [`OUTLINE_DASH`], as wide as the flow's widest
    /// width plus [`OUTLINE_EXTRA_PX`], laid at [`OUTLINE_ALPHA`] in
    /// [`crate::style::OUTLINE_GREY`], overlaps not adding up. [`Scene::paint_flows`] lays
    /// them under every flow. `mask` is scratch space of the raster's size. Returns whether
    /// any outline was drawn (when none was, the raster is left as it was).
    pub fn paint_outlines(&self, raster: &mut Raster, mask: &mut StrokeMask, dpr: f32) -> bool {
        if !self.styles.iter().any(outlined) {
            return false;
        }
        raster.clear();
        self.lay_outlines(raster, mask, dpr);
        raster.unpremultiply();
        true
    }

    /// Lays the outlines [`Scene::paint_outlines`] draws over what `raster` holds, in
    /// premultiplied alpha (see `StrokeMask::composite`); nothing when there are none.
    pub(super) fn lay_outlines(&self, raster: &mut Raster, mask: &mut StrokeMask, dpr: f32) {
        if !self.styles.iter().any(outlined) {
            return;
        }
        mask.clear();
        let dash = OUTLINE_DASH.map(|v| v as f32 * dpr);
        for (s, st) in self
            .styles
            .iter()
            .enumerate()
            .filter(|(_, st)| outlined(st))
        {
            let width = (st.width.max(st.width_high) + OUTLINE_EXTRA_PX) as f32 * dpr;
            if let Some(xy) = self.route_points(s) {
                mask.stroke_dotted(xy, dpr, width, dash);
            }
        }
        mask.composite(raster, crate::style::OUTLINE_GREY, OUTLINE_ALPHA as f32);
    }

    /// Stream `s`'s route as drawn: x, y pairs in CSS pixels, its part of `route_xy`.
    pub(super) fn route_points(&self, s: usize) -> Option<&[f32]> {
        let (&a, &b) = (
            self.laid.route_offsets.get(s)?,
            self.laid.route_offsets.get(s + 1)?,
        );
        self.laid.route_xy.get(2 * a as usize..2 * b as usize)
    }
}

/// Whether a stream is outlined: shown, and its route assumed.
fn outlined(st: &FlowStyle) -> bool {
    st.visible && st.marks & marks::ASSUMED_ROUTE != 0
}
