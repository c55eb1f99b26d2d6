//! The lines every exported image carries. They stay in the map module because the PNG
//! download is drawn by the page from the map's own canvases, without the second module.

use crate::FlowMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FlowMap {
    /// The lines the PNG download burns in, so that a copy that travels keeps them: the title,
    /// the date shown and the data's 'as of' date, the sources cited by the flows drawn, the
    /// caveat and the credit, in `lang` (`flowlines_core::credits`, as every image).
    pub fn export_credits(&self, lang: &str) -> Vec<String> {
        flowlines_core::credits::credits(&self.scene, lang).lines(lang)
    }
}
