//! Moving the live map: zoom, pan, reset, fitting places or an extent, and the view as a value.

use super::{Scene, PADDING_PX};
use crate::view::View;

impl Scene {
    /// Zooms by `factor` about the point (`x`, `y`) in CSS pixels.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64) {
        self.view.zoom_at(x, y, factor, self.width, self.height);
        self.layout();
    }

    /// Pans by (`dx`, `dy`) CSS pixels.
    pub fn pan_by(&mut self, dx: f64, dy: f64) {
        self.view.pan_by(dx, dy, self.width, self.height);
        self.layout();
    }

    /// Back to the fitted map.
    pub fn reset_view(&mut self) {
        self.view = View::default();
        self.layout();
    }

    /// Zooms and pans so that the places `ids` fill the viewport, [`PADDING_PX`] in from
    /// each side, centred ([`View::framing`]: no farther in than [`crate::view::MAX_FIT_ZOOM`],
    /// never out past the fitted map). An unknown id or an empty list changes nothing and
    /// says why.
    pub fn fit_places(&mut self, ids: &[String]) -> Result<(), String> {
        if ids.is_empty() {
            return Err("no place to fit".into());
        }
        let mut points = Vec::with_capacity(ids.len());
        let mut unknown = Vec::new();
        for id in ids {
            match self.story.places.iter().find(|p| p.id == *id) {
                Some(p) => points.push(self.fitted.forward(p.lon, p.lat)),
                None => unknown.push(format!("'{}'", id.chars().take(60).collect::<String>())),
            }
        }
        if !unknown.is_empty() {
            return Err(format!(
                "no place {} in the story",
                crate::text::join(&unknown, ", ")
            ));
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        self.view = View::framing([x0, y0, x1, y1], self.width, self.height, PADDING_PX);
        self.layout();
        Ok(())
    }

    /// Zooms and pans so that the box `[west, south, east, north]` (degrees) fills the viewport,
    /// as [`Scene::fit_places`] does for places: the box's edges, 16 points to a side, through
    /// the fitted projection. A box that is not finite, or empty, changes nothing and says why.
    pub fn fit_extent(&mut self, [west, south, east, north]: [f64; 4]) -> Result<(), String> {
        const STEPS: usize = 16;
        if ![west, south, east, north].iter().all(|v| v.is_finite())
            || west >= east
            || south >= north
        {
            return Err(
                "an extent is [west, south, east, north] with west < east and south < north".into(),
            );
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..=STEPS {
            let t = i as f64 / STEPS as f64;
            let (lon, lat) = (west + t * (east - west), south + t * (north - south));
            for (a, b) in [(lon, south), (lon, north), (west, lat), (east, lat)] {
                let (x, y) = self.fitted.forward(a, b);
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
        self.view = View::framing([x0, y0, x1, y1], self.width, self.height, PADDING_PX);
        self.layout();
        Ok(())
    }

    /// The part of the globe the viewport shows, `[west, south, east, north]` in degrees: the
    /// bounds of its edges, 16 points to a side, taken back through the view and projection.
    pub fn extent(&self) -> [f64; 4] {
        const STEPS: usize = 16;
        let (w, h) = (self.width, self.height);
        let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for i in 0..=STEPS {
            let t = i as f64 / STEPS as f64;
            for (x, y) in [(t * w, 0.0), (t * w, h), (0.0, t * h), (w, t * h)] {
                let (fx, fy) = self.view.invert(x, y);
                let (lon, lat) = self.fitted.invert(fx, fy);
                if lon.is_finite() && lat.is_finite() {
                    bounds = [
                        bounds[0].min(lon),
                        bounds[1].min(lat),
                        bounds[2].max(lon),
                        bounds[3].max(lat),
                    ];
                }
            }
        }
        bounds
    }

    /// The current zoom and pan.
    pub fn view(&self) -> View {
        self.view
    }

    /// Sets the zoom and pan (a shared link's view, or the view kept across a resize), within
    /// the zoom limits and keeping the map in the viewport; a non-finite value is ignored.
    pub fn set_view(&mut self, view: View) {
        if !(view.k.is_finite() && view.tx.is_finite() && view.ty.is_finite()) {
            return;
        }
        self.view = View {
            k: view.k.clamp(crate::view::MIN_ZOOM, crate::view::MAX_ZOOM),
            ..view
        };
        self.view.pan_by(0.0, 0.0, self.width, self.height);
        self.layout();
    }
}
