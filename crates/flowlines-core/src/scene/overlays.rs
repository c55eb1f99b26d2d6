//! What lies over or under the flows: the zoom controls' corner, the detail inset with its
//! own scene and outline, and the basemap as shown.

use super::{Laid, Scene, INSET_OUTLINE_MARGIN_PX};
use crate::basemap::{Basemap, BasemapColumns};
use crate::frame::{Corner, Inset};
use crate::view::View;
use std::sync::Arc;

impl Scene {
    /// Keeps a `width` by `height` CSS-pixel box for the zoom controls clear of the flows
    /// from the next [`Scene::resize`] on.
    pub fn set_controls_size(&mut self, width: f64, height: f64) {
        let ok = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        self.controls_size = (ok(width), ok(height));
    }

    /// The corner the zoom controls go to.
    pub fn controls_corner(&self) -> Corner {
        self.controls
    }

    /// The detail inset of the crowded cluster of places, if the map has one.
    pub fn inset(&self) -> Option<&Inset> {
        self.inset.as_ref()
    }

    /// Whether the inset is shown: the map has one and is not zoomed in (a reader who zooms
    /// sees the detail on the map itself, and the inset would hide part of it).
    pub fn inset_shown(&self) -> bool {
        self.inset.is_some() && self.view.k <= crate::view::MIN_ZOOM
    }

    /// The inset as a scene of its own: the same story, day, filters and basemap, fitted to the
    /// crowded cluster in the inset's box (its own pixels, origin at its top-left corner).
    /// What the main scene worked out from the story is shared with it, not copied (see
    /// [`Scene`]); what depends on the view is laid out anew.
    pub fn inset_scene(&self) -> Option<Scene> {
        let inset = self.inset.as_ref()?;
        let mut s = self.sharing();
        s.show_projection(inset.rect.width, inset.rect.height, inset.projection);
        Some(s)
    }

    /// A scene of the same story, colours, filters, day, projection and basemap, sharing what
    /// was worked out from the story, with no inset, no controls and nothing laid out ([`Laid`]
    /// empty): the start of an inset's scene (a clone would copy every route, track and
    /// particle only for the layout to replace them).
    fn sharing(&self) -> Scene {
        Scene {
            story: Arc::clone(&self.story),
            series: Arc::clone(&self.series),
            encoder: Arc::clone(&self.encoder),
            paths_lonlat: Arc::clone(&self.paths_lonlat),
            path_of: Arc::clone(&self.path_of),
            ends: Arc::clone(&self.ends),
            plane: self.plane.clone(),
            lane: Arc::clone(&self.lane),
            category_color: self.category_color.clone(),
            stream_color: self.stream_color.clone(),
            unit_top_rate: Arc::clone(&self.unit_top_rate),
            width: self.width,
            height: self.height,
            raw: self.raw,
            fitted: self.fitted,
            controls_size: (0.0, 0.0),
            controls: self.controls,
            inset: None,
            view: View::default(),
            basemap: self.basemap.clone(),
            filters: self.filters.clone(),
            day: self.day,
            estimates: self.estimates.clone(),
            styles: self.styles.clone(),
            thinning: self.thinning,
            laid: Laid::default(),
        }
    }

    /// The outline, on this map as shown, of the places the inset details: the box around
    /// their dots, [`INSET_OUTLINE_MARGIN_PX`] out, as x, y pairs in CSS pixels (a closed ring
    /// of four corners). Empty when the inset is not shown.
    pub fn inset_outline(&self) -> Vec<f32> {
        let Some(inset) = self.inset.as_ref().filter(|_| self.inset_shown()) else {
            return Vec::new();
        };
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &i in &inset.places {
            if let Some(p) = self.laid.place_xy.get(2 * i..2 * i + 2) {
                (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
            }
        }
        if x0 > x1 {
            return Vec::new();
        }
        let m = INSET_OUTLINE_MARGIN_PX;
        let (x0, y0, x1, y1) = (x0 - m, y0 - m, x1 + m, y1 + m);
        vec![x0, y0, x1, y0, x1, y1, x0, y1]
    }

    /// Draws `basemap` under the flows from the next layout on. Before the first
    /// [`Scene::resize`] there is nothing laid out to draw it under: the resize projects it
    /// (a layout here, of every route at no size, took a tenth of the set-up at 100,000 flows).
    pub fn set_basemap(&mut self, basemap: Basemap) {
        self.basemap = Some(Arc::new(basemap));
        if self.width > 0.0 {
            if let Some(b) = &self.basemap {
                self.laid.basemap_fitted = b.project(&self.fitted);
            }
            self.layout();
        }
    }

    /// Where the basemap comes from, to credit it; `None` without a basemap.
    pub fn basemap_attribution(&self) -> Option<&str> {
        self.basemap.as_ref().map(|b| b.attribution.as_str())
    }

    /// The basemap's land rings, borders and coasts in CSS pixels, as shown.
    pub fn basemap(&self) -> &BasemapColumns {
        &self.laid.basemap_shown
    }
}
