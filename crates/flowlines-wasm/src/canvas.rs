//! The pixels the core draws put onto the page's canvases: the particle layer every frame
//! ([`FlowMap::paint`]) and the static layer's routes ([`FlowMap::paint_routes`] for a dense
//! map, [`FlowMap::paint_flows`] flow by flow), each with one `putImageData` of a view of the
//! module's memory.

use crate::FlowMap;
use flowlines_core::pixel_rect::PixelRect;
use flowlines_core::raster::Raster;
use flowlines_core::scene::Scene;
use flowlines_core::stroke_mask::StrokeMask;
use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

/// Puts `raster` onto `ctx` at its top left with one `putImageData`. The `ImageData` is a view
/// of the wasm memory (wasm-bindgen passes the slice as a subarray): no pixel is copied here.
fn put(ctx: &CanvasRenderingContext2d, raster: &Raster) -> Result<(), JsError> {
    put_within(ctx, raster, raster.whole())
}

/// Puts the pixels of `raster` within `rect` onto `ctx` where they lie (its top left at the
/// canvas's), leaving the canvas's other pixels as they are: `putImageData`'s cost grows with
/// the pixels it puts. Nothing for an empty rectangle.
fn put_within(
    ctx: &CanvasRenderingContext2d,
    raster: &Raster,
    rect: PixelRect,
) -> Result<(), JsError> {
    let rect = rect.intersection(raster.whole());
    if rect.is_empty() {
        return Ok(());
    }
    let image = ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(raster.rgba()),
        raster.width() as u32,
        raster.height() as u32,
    )
    .map_err(|e| JsError::new(&format!("cannot make the image: {e:?}")))?;
    ctx.put_image_data_with_dirty_x_and_dirty_y_and_dirty_width_and_dirty_height(
        &image,
        0.0,
        0.0,
        rect.left as f64,
        rect.top as f64,
        rect.width() as f64,
        rect.height() as f64,
    )
    .map_err(|e| JsError::new(&format!("cannot draw the image: {e:?}")))
}

impl FlowMap {
    /// Sizes the mask to the scene drawn (the map, or the inset while it is focused) in device
    /// pixels, and chooses the raster its routes are drawn into: the particle layer itself
    /// when it is that size (returns true), so that the page's first static layer and first
    /// frame write one buffer's memory, not two (Chromium here spends about 1.6 ms per MB the
    /// first time a page of fresh memory is written, measured on 5 December: 5 ms for a
    /// 1200 x 700 layer); else `route_layer`, sized to the scene (returns false).
    fn fit_route_layer(&mut self) -> bool {
        let (width, height) = self.scene.size();
        let dpr = f64::from(self.dpr);
        let (w, h) = (
            (width * dpr).round() as usize,
            (height * dpr).round() as usize,
        );
        if self.route_mask.width() != w || self.route_mask.height() != h {
            self.route_mask = StrokeMask::new(w, h);
        }
        if self.raster.width() == w && self.raster.height() == h {
            self.route_layer = Raster::new(0, 0);
            return true;
        }
        if self.route_layer.width() != w || self.route_layer.height() != h {
            self.route_layer = Raster::new(w, h);
        }
        false
    }

    /// The scene drawn, the raster its routes are drawn into ([`FlowMap::fit_route_layer`];
    /// the particle layer is then marked as holding routes) and the mask.
    fn route_parts(&mut self) -> (&Scene, &mut Raster, &mut StrokeMask) {
        let shared = self.fit_route_layer();
        self.raster_holds_routes |= shared;
        let layer = if shared {
            &mut self.raster
        } else {
            &mut self.route_layer
        };
        (&self.scene, layer, &mut self.route_mask)
    }

    /// The routes' layer drawn by `paint` and put onto `ctx` at its top left, replacing its
    /// pixels; nothing before the first resize.
    fn put_route_layer(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        paint: fn(&Scene, &mut Raster, &mut StrokeMask, f32),
    ) -> Result<(), JsError> {
        if self.raster.width() == 0 || self.raster.height() == 0 {
            return Ok(());
        }
        let dpr = self.dpr;
        let (scene, layer, mask) = self.route_parts();
        paint(scene, layer, mask, dpr);
        put(ctx, layer)
    }
}

#[wasm_bindgen]
impl FlowMap {
    /// Puts the last frame's particle layer onto `ctx` at its top left, replacing its pixels
    /// (drawn again first when a static layer's routes were drawn in its place since). Onto
    /// the canvas it last painted, only the part that the last frame's particles or this
    /// one's may cover (the raster's ink, round the routes) is put; the rest of that canvas is
    /// transparent already, so long as nothing else draws on it.
    pub fn paint(&mut self, ctx: &CanvasRenderingContext2d) -> Result<(), JsError> {
        if self.raster_holds_routes {
            self.draw_particles();
        }
        let ink = self.raster.ink();
        let rect = if self.painted.as_ref() == Some(ctx) {
            self.shown.union(ink)
        } else {
            self.painted = Some(ctx.clone());
            self.raster.whole()
        };
        put_within(ctx, &self.raster, rect)?;
        self.shown = ink;
        Ok(())
    }

    /// Draws the visible streams' routes and arrowheads as a dense map's static layer shows
    /// them (one layer per colour and line style, half opaque, overlaps not adding up; see
    /// `Scene::paint_routes`) and puts them onto `ctx` at its top left, replacing its pixels:
    /// the page then lays that canvas over the basemap.
    pub fn paint_routes(&mut self, ctx: &CanvasRenderingContext2d) -> Result<(), JsError> {
        self.put_route_layer(ctx, Scene::paint_routes)
    }

    /// Draws the dotted grey outlines of the assumed routes and over them each visible
    /// stream's band, line and arrowhead one after another, as a canvas strokes them one by
    /// one (see `Scene::paint_flows`; the badges are left to the page), and puts them onto
    /// `ctx` at its top left, replacing its pixels: the page then lays that canvas over the
    /// basemap.
    pub fn paint_flows(&mut self, ctx: &CanvasRenderingContext2d) -> Result<(), JsError> {
        self.put_route_layer(ctx, Scene::paint_flows)
    }
}
