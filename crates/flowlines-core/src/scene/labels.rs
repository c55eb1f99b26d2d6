//! Where the place labels go on the live map, clear of dots, arrowheads, the inset and the controls.

use super::{Scene, PLACE_RADIUS_PX};
use crate::labels::{place_labels, LabelRequest, Rect};

impl Scene {
    /// Where each place's label goes: x, y of its top-left corner in CSS pixels, NaN where no
    /// free spot is left. `widths` are the labels' widths as the page measured them, in place
    /// order; `height` is the labels' height. Places that more visible flows touch are placed
    /// first (a hidden flow counts a tenth, a flow with an unknown place not at all); labels
    /// avoid every dot, every arrowhead and each other, and stay on screen.
    pub fn place_labels(&self, widths: &[f64], height: f64) -> Vec<f32> {
        let mut weight = vec![0.0; self.story.places.len()];
        // By the places' positions worked out with the scene, not by their ids: two lookups
        // by text a stream were nearly half of the labels' work at 10,000 flows.
        for (ends, st) in self.ends.iter().zip(&self.styles) {
            for i in ends.iter().flat_map(|e| [e.from, e.to]) {
                if let Some(w) = weight.get_mut(i as usize) {
                    *w += if st.visible { 1.0 } else { 0.1 };
                }
            }
        }
        // Places the inset shows in detail are labelled there, not in the crowd on this map.
        let in_inset = |i: usize| {
            self.inset_shown() && self.inset.as_ref().is_some_and(|s| s.places.contains(&i))
        };
        let requests: Vec<LabelRequest> = self
            .laid
            .place_xy
            .chunks_exact(2)
            .enumerate()
            .map(|(i, p)| LabelRequest {
                x: f64::from(p[0]),
                y: f64::from(p[1]),
                width: if in_inset(i) {
                    f64::NAN
                } else {
                    widths.get(i).copied().unwrap_or(0.0)
                },
                height,
                radius: crate::line_style::place_radius(self.width),
                priority: weight[i],
            })
            .collect();
        let mut obstacles: Vec<Rect> = self
            .laid
            .arrow_xy
            .chunks_exact(6)
            .zip(&self.styles)
            .filter(|(_, st)| st.visible)
            .map(|(a, _)| {
                let xs = [a[0], a[2], a[4]].map(f64::from);
                let ys = [a[1], a[3], a[5]].map(f64::from);
                let (x0, x1) = (
                    xs.iter().copied().fold(f64::MAX, f64::min),
                    xs.iter().copied().fold(f64::MIN, f64::max),
                );
                let (y0, y1) = (
                    ys.iter().copied().fold(f64::MAX, f64::min),
                    ys.iter().copied().fold(f64::MIN, f64::max),
                );
                Rect::new(x0, y0, x1 - x0, y1 - y0)
            })
            .collect();
        obstacles.extend(self.covered());
        let viewport = Rect::new(0.0, 0.0, self.width, self.height);
        let mut placed = place_labels(&requests, &obstacles, viewport);
        // A second ring further out for labels crowded off their dot by arrowheads, keeping
        // clear of what the first pass placed.
        let mut blocked = obstacles;
        blocked.extend(placed.iter().flatten().map(|p| p.rect));
        let farther: Vec<LabelRequest> = requests
            .iter()
            .zip(&placed)
            .map(|(r, p)| LabelRequest {
                // Only the labels still to place move out; the dots of the others stay their
                // own size, so that they do not block more than they cover.
                radius: if p.is_some() {
                    PLACE_RADIUS_PX
                } else {
                    PLACE_RADIUS_PX + 10.0
                },
                width: if p.is_some() { f64::NAN } else { r.width },
                ..*r
            })
            .collect();
        for (slot, second) in placed
            .iter_mut()
            .zip(place_labels(&farther, &blocked, viewport))
        {
            if slot.is_none() {
                *slot = second;
            }
        }
        placed
            .into_iter()
            .flat_map(|p| match p {
                Some(p) => [p.rect.x as f32, p.rect.y as f32],
                None => [f32::NAN, f32::NAN],
            })
            .collect()
    }

    /// What covers the map: the inset's box while it is shown, and the controls' box.
    pub(super) fn covered(&self) -> Vec<Rect> {
        let (w, h) = self.controls_size;
        let inset = self.inset.as_ref().filter(|_| self.inset_shown());
        let controls =
            (w > 0.0 && h > 0.0).then(|| self.controls.rect(w, h, self.width, self.height));
        inset.map(|i| i.rect).into_iter().chain(controls).collect()
    }
}
