//! The lines every exported image carries. They stay in the map module because the PNG
//! download is drawn by the page from the map's own canvases, without the second module.

use crate::FlowMap;
use flowlines_core::i18n::{format_date, tf, Lang};
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
            .map(|s| flowlines_core::details::citation(s, lang))
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
}
