//! Downloads from the page: the current view as the static map's SVG, the data behind it as
//! CSV, and the lines the PNG burns in (the page draws the PNG from the map's own canvases).
//! They are here, not in the map module, because a reader downloads nothing unless they ask:
//! the PNG's credit lines took 1.26 KB gzipped of the map module every reader fetches.

use crate::Extras;
use flowlines_chart::map;
use flowlines_core::totals::{stream_totals, to_csv};
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Extras {
    /// The current view (day, filters, zoom: see [`Extras::set_state`]) as the static map's
    /// SVG, `width` pixels wide, with its title, as-of date, legend, caveat, sources and
    /// credits: the same drawing code as `flowlines render`. `height` is the map's own height on
    /// the page; the image adds its text bands below and above it.
    pub fn export_svg(&self, width: f64, height: f64, lang: &str) -> Result<String, JsError> {
        let w = if width.is_finite() {
            width.round().clamp(320.0, 4000.0) as u32
        } else {
            1200
        };
        let h = if height.is_finite() && height > 0.0 {
            (height.round() as u32 + 260).min(6000)
        } else {
            map::default_height(w)
        };
        let options = map::MapOptions {
            lang: lang.to_string(),
            attribution: self.scene.basemap_attribution().map(str::to_string),
            ..map::MapOptions::default()
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            map::render_map(&root, &self.scene, &options)
                .map_err(|e| JsError::new(&e.to_string()))?;
            root.present().map_err(|e| JsError::new(&e.to_string()))?;
        }
        Ok(svg)
    }

    /// The figures behind the current view (day and filters) as CSV text, starting with a
    /// byte-order mark: one row per visible stream with its figure (rounded as written, with
    /// its qualifier and, for an estimate, what it lies between), state, confidence and
    /// sources, its texts in `lang` (see `flowlines_core::totals::to_csv`).
    pub fn export_csv(&self, lang: &str) -> Result<String, JsError> {
        let scene = &self.scene;
        let rows = stream_totals(scene.story(), scene.series(), scene.day());
        let keep: Vec<bool> = scene.styles().iter().map(|s| s.visible).collect();
        to_csv(scene.story(), &rows, &keep, scene.day(), lang).map_err(|e| JsError::new(&e))
    }

    /// The lines the PNG download burns in, so that a copy that travels keeps them: the title,
    /// the date shown and the data's 'as of' date, the sources cited by the flows drawn, the
    /// caveat and the credit, in `lang` (`flowlines_core::credits`, as every image), for the
    /// current view (see [`Extras::set_state`]).
    pub fn export_credits(&self, lang: &str) -> Vec<String> {
        flowlines_core::credits::credits(&self.scene, lang).lines(lang)
    }
}
