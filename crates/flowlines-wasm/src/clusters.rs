//! The clustered map of a story with more flows or places than a map can show (see
//! `flowlines_core::cluster`): a switch, and the columns of what to draw and say.

use crate::FlowMap;
use flowlines_core::cluster::{needs_clustering, ClusterHit, ClusterLayer};
use flowlines_core::i18n::Lang;
use flowlines_core::style::css;
use wasm_bindgen::prelude::*;

impl FlowMap {
    fn layer(&self) -> Option<&ClusterLayer> {
        self.clusters.as_deref()
    }
}

#[wasm_bindgen]
impl FlowMap {
    /// Clusters the map when `on` and the story has more flows or places than a map can show
    /// (a no-op for smaller stories); off by default. Returns whether the map is clustered.
    /// While it is, the page draws the cluster columns in place of the streams' and the map
    /// carries no particles.
    pub fn set_clustering(&mut self, on: bool) -> bool {
        let story = self.scene.story();
        self.clusters = (on && needs_clustering(story.places.len(), story.streams.len()))
            .then(|| Box::new(ClusterLayer::new(&self.scene)));
        self.clusters.is_some()
    }

    /// Whether the map is clustered.
    pub fn clustered(&self) -> bool {
        self.clusters.is_some()
    }

    /// Lays the clusters out for the map's size, zoom, pan, day and filters as they are now.
    pub fn cluster_layout(&mut self) {
        if let Some(layer) = self.clusters.as_deref_mut() {
            layer.layout(&self.scene);
        }
    }

    /// x, y in CSS pixels of each drawn cluster's centre.
    pub fn cluster_xy(&self) -> Vec<f32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.cluster_xy().to_vec())
    }

    /// Each drawn cluster's radius in CSS pixels.
    pub fn cluster_radius(&self) -> Vec<f32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.cluster_radius().to_vec())
    }

    /// How many places each drawn cluster holds.
    pub fn cluster_size(&self) -> Vec<u32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.cluster_size().to_vec())
    }

    /// Each drawn cluster's label in `lang`: its count, or its single place's name.
    pub fn cluster_labels(&self, lang: &str) -> Vec<String> {
        let lang = Lang::from_code(lang);
        self.layer().map_or_else(Vec::new, |l| {
            (0..l.cluster_size().len())
                .map(|i| l.label(&self.scene, i, lang))
                .collect()
        })
    }

    /// Where each drawn cluster's label goes (top-left x, y in CSS pixels, NaN where hidden),
    /// given the labels' measured `widths` and `height` in CSS pixels.
    pub fn cluster_label_xy(&self, widths: &[f64], height: f64) -> Vec<f32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.label_xy(widths, height, self.scene.size()))
    }

    /// Each drawn flow's line, x0, y0, x1, y1 in CSS pixels.
    pub fn cluster_flow_xy(&self) -> Vec<f32> {
        self.layer().map_or_else(Vec::new, |l| l.flow_xy().to_vec())
    }

    /// Each drawn flow's width in CSS pixels, on its unit's own scale.
    pub fn cluster_flow_widths(&self) -> Vec<f32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.flow_width().to_vec())
    }

    /// Each drawn flow's colour as CSS (`#rrggbb`).
    pub fn cluster_flow_colors(&self) -> Vec<String> {
        self.layer().map_or_else(Vec::new, |l| {
            l.flow_color().iter().map(|&c| css(c)).collect()
        })
    }

    /// Each drawn flow's arrowhead: three corners x, y in CSS pixels, the tip first.
    pub fn cluster_arrow_xy(&self) -> Vec<f32> {
        self.layer()
            .map_or_else(Vec::new, |l| l.arrow_xy().to_vec())
    }

    /// The flows not drawn, summed per unit, in `lang` ("and 1,204 smaller flows totalling
    /// …"), or `undefined` when every flow is drawn.
    pub fn cluster_rest(&self, lang: &str) -> Option<String> {
        self.layer()
            .and_then(|l| l.rest_line(&self.scene, Lang::from_code(lang)))
    }

    /// The cluster or flow under (`x`, `y`) CSS pixels, told in `lang`: its kind ("cluster"
    /// or "flow") and index, then what the reader is told, one line each; empty for nothing.
    pub fn cluster_hit(&self, x: f64, y: f64, lang: &str) -> Vec<String> {
        let lang = Lang::from_code(lang);
        let told = self.layer().and_then(|l| match l.hit(x, y)? {
            ClusterHit::Cluster(i) => Some((
                "cluster",
                i,
                vec![l.describe_cluster(&self.scene, i, lang)?],
            )),
            ClusterHit::Flow(i) => Some(("flow", i, l.describe_flow(&self.scene, i, lang)?)),
        });
        told.map_or_else(Vec::new, |(kind, i, lines)| {
            [kind.to_string(), i.to_string()]
                .into_iter()
                .chain(lines)
                .collect()
        })
    }
}
