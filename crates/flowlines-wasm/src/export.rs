//! Downloads from the page: the data behind the current view as CSV.

use crate::FlowMap;
use flowlines_chart::map;
use flowlines_core::i18n::{format_date, tf, Lang};
use flowlines_core::totals::{stream_totals, to_csv};
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The lines every exported image carries, so that a copy that travels keeps them: the
    /// title, the date shown and the data's 'as of' date, the sources, the caveat and the credit,
    /// in `lang`.
    pub fn export_credits(&self, lang: &str) -> Vec<String> {
        let l = Lang::from_code(lang);
        let story = self.scene.story();
        let meta = &story.story;
        let sources: Vec<String> = story
            .sources
            .iter()
            .map(|s| match &s.outlet {
                Some(o) => format!("{o} ({})", s.file),
                None => s.file.clone(),
            })
            .collect();
        let mut lines = vec![
            meta.title.get(lang).to_string(),
            tf(
                l,
                "shown",
                &[
                    &format_date(self.scene.day().floor() as i32, l),
                    &format_date(meta.as_of.last(), l),
                    &meta.version,
                ],
            ),
            tf(l, "sources", &[&sources.join("; ")]),
        ];
        lines.extend(meta.caveat.as_ref().map(|t| t.get(lang).to_string()));
        lines.extend(meta.credit.as_ref().map(|t| t.get(lang).to_string()));
        lines
    }

    /// The current view (day, filters, zoom) as the static map's SVG, `width` pixels wide, with
    /// its title, as-of date, legend, caveat, sources and credits: the same drawing code as
    /// `flowlines render`. `height` is the map's own height on the page; the image adds its
    /// text bands below and above it.
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

    /// The figures behind the current view (day and filters) as CSV text: one row per visible
    /// stream with its figure, range, state, confidence and source documents.
    pub fn export_csv(&self) -> Result<String, JsError> {
        let scene = &self.scene;
        let rows = stream_totals(scene.story(), scene.series(), scene.day());
        let keep: Vec<bool> = scene.styles().iter().map(|s| s.visible).collect();
        to_csv(scene.story(), &rows, &keep, scene.day()).map_err(|e| JsError::new(&e))
    }
}
