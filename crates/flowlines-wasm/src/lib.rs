//! The WebAssembly boundary of flowlines: one opaque handle, [`FlowMap`], that the page drives.
//!
//! The page passes data text, the viewport and the time in; the handle hands back typed arrays
//! of what to draw and paints the moving particles into a canvas with one `putImageData`.
//! Every error crosses as a JS `Error` whose message lists each problem as
//! `file:line:column: message`; no function here panics on any input.

use flowlines_core::date::{format_day, parse_day};
use flowlines_core::parse::{load_csv, load_json, CsvFiles};
use flowlines_core::raster::Raster;
use flowlines_core::scene::Scene;
use flowlines_core::style::css;
use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

/// Radius of a particle, in CSS pixels.
const PARTICLE_RADIUS_CSS: f32 = 2.5;

/// A loaded story, fitted to a viewport, ready to draw frame after frame.
#[wasm_bindgen]
pub struct FlowMap {
    scene: Scene,
    raster: Raster,
    dpr: f32,
}

#[wasm_bindgen]
impl FlowMap {
    /// Parses and validates `text` (a JSON story); `file` names it in error messages.
    /// Throws an `Error` listing every problem, one `file:line:column: message` per line.
    #[wasm_bindgen(constructor)]
    pub fn new(file: &str, text: &str) -> Result<FlowMap, JsError> {
        let story = load_json(file, text).map_err(|d| JsError::new(&d.to_string()))?;
        Ok(FlowMap {
            scene: Scene::new(story),
            raster: Raster::new(0, 0),
            dpr: 1.0,
        })
    }

    /// Parses and validates a story kept as CSV tables: `names[i]` (`places.csv`, ...) is the
    /// file whose text is `texts[i]`. Throws like the constructor.
    pub fn from_csv(names: Vec<String>, texts: Vec<String>) -> Result<FlowMap, JsError> {
        let files: CsvFiles = names.into_iter().zip(texts).collect();
        let story = load_csv(&files).map_err(|d| JsError::new(&d.to_string()))?;
        Ok(FlowMap {
            scene: Scene::new(story),
            raster: Raster::new(0, 0),
            dpr: 1.0,
        })
    }

    /// Every problem in `text` as `file:line:column: message` strings; empty when valid.
    pub fn problems(file: &str, text: &str) -> Vec<String> {
        match load_json(file, text) {
            Ok(_) => Vec::new(),
            Err(d) => d.0.iter().map(ToString::to_string).collect(),
        }
    }

    /// Fits the map to `width` by `height` CSS pixels on a screen of `dpr` device pixels per
    /// CSS pixel; the particle layer is rasterised at device resolution.
    pub fn resize(&mut self, width: f64, height: f64, dpr: f64) {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        let height = if height.is_finite() {
            height.max(1.0)
        } else {
            1.0
        };
        let dpr = if dpr.is_finite() {
            dpr.clamp(0.5, 4.0)
        } else {
            1.0
        };
        self.dpr = dpr as f32;
        self.scene.resize(width, height);
        self.raster = Raster::new(
            (width * dpr).round() as usize,
            (height * dpr).round() as usize,
        );
    }

    /// Computes the frame at story day `day` (days since 1970-01-01) and animation clock
    /// `clock_s` (seconds), and rasterises its particles.
    pub fn frame(&mut self, day: f64, clock_s: f64) {
        let day = if day.is_finite() { day } else { 0.0 };
        let clock_s = if clock_s.is_finite() { clock_s } else { 0.0 };
        self.scene.frame(day, clock_s);
        self.scene
            .paint_particles(&mut self.raster, self.dpr, PARTICLE_RADIUS_CSS);
    }

    /// Puts the last frame's particle layer onto `ctx` at its top left, replacing its pixels.
    pub fn paint(&self, ctx: &CanvasRenderingContext2d) -> Result<(), JsError> {
        if self.raster.width() == 0 || self.raster.height() == 0 {
            return Ok(());
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(self.raster.rgba()),
            self.raster.width() as u32,
            self.raster.height() as u32,
        )
        .map_err(|e| JsError::new(&format!("cannot make the particle image: {e:?}")))?;
        ctx.put_image_data(&image, 0.0, 0.0)
            .map_err(|e| JsError::new(&format!("cannot draw the particle image: {e:?}")))
    }

    /// x, y in CSS pixels of each place, in the story's order.
    pub fn place_xy(&self) -> Vec<f32> {
        self.scene.place_xy().to_vec()
    }

    /// Each place's name in `lang` ("en", "ko", "uk", "ru"), in the story's order.
    pub fn place_names(&self, lang: &str) -> Vec<String> {
        self.scene
            .story()
            .places
            .iter()
            .map(|p| p.names.get(lang).to_string())
            .collect()
    }

    /// x, y in CSS pixels of every route point, stream after stream.
    pub fn route_xy(&self) -> Vec<f32> {
        self.scene.route_xy().to_vec()
    }

    /// Where each stream's route starts in `route_xy`, in points, plus the total at the end.
    pub fn route_offsets(&self) -> Vec<u32> {
        self.scene.route_offsets().to_vec()
    }

    /// Each stream's colour as a CSS hex string.
    pub fn stream_colors(&self) -> Vec<String> {
        self.scene.stream_color().iter().map(|&c| css(c)).collect()
    }

    /// x, y in CSS pixels of each particle of the last frame.
    pub fn particle_xy(&self) -> Vec<f32> {
        self.scene.particle_xy().to_vec()
    }

    /// The story's title in `lang`.
    pub fn title(&self, lang: &str) -> String {
        self.scene.story().story.title.get(lang).to_string()
    }

    /// The first day of the story's timeline (days since 1970-01-01).
    pub fn start_day(&self) -> f64 {
        f64::from(self.scene.story().story.start.first())
    }

    /// The last day of the story's timeline (days since 1970-01-01).
    pub fn end_day(&self) -> f64 {
        f64::from(self.scene.story().story.end.last())
    }

    /// The day number of a `YYYY-MM-DD` date; throws on anything else.
    pub fn day_of(date: &str) -> Result<f64, JsError> {
        parse_day(date)
            .map(f64::from)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// A day number as `YYYY-MM-DD`.
    pub fn date_of(day: f64) -> String {
        if day.is_finite() {
            format_day(day.floor().clamp(-1.0e6, 1.0e6) as i32)
        } else {
            String::new()
        }
    }
}
