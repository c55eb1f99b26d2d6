//! What follows the filters, the day and the view: each stream's style, its projected and
//! offset route, its arrowhead, and the top rate of each unit that paces the particles.

use super::{Filters, Scene, PARALLEL_GAP_PX, PLACE_RADIUS_PX};
use crate::basemap::BasemapColumns;
use crate::model::{Confidence, Story};
use crate::particles::movers;
use crate::polyline::Polyline;
use crate::series::StorySeries;
use crate::tracks::Tracks;
use std::collections::HashMap;

impl Scene {
    /// Shows or hides the streams of category `id`.
    pub fn set_category_visible(&mut self, id: &str, visible: bool) {
        self.filters.hidden_categories.retain(|c| c != id);
        if !visible {
            self.filters.hidden_categories.push(id.to_string());
        }
        self.restyle();
    }

    /// Shows or hides the streams whose strongest claim so far has `confidence`.
    pub fn set_confidence_visible(&mut self, confidence: Confidence, visible: bool) {
        self.filters.hidden_confidences.retain(|c| *c != confidence);
        if !visible {
            self.filters.hidden_confidences.push(confidence);
        }
        self.restyle();
    }

    /// Moves the story to `day` (days since 1970-01-01, fractions allowed): figures, widths and
    /// styles follow. Returns whether the static layer changed and must be drawn again.
    pub fn set_day(&mut self, day: f64) -> bool {
        if day == self.day && self.styles.len() == self.story.streams.len() {
            return false;
        }
        self.day = day;
        let before = self.styles.clone();
        self.restyle();
        before != self.styles
    }

    /// The story day shown.
    pub fn day(&self) -> f64 {
        self.day
    }

    /// Which streams the reader has chosen to see.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Each stream's estimate and style on the day under the filters, then what follows them
    /// and the routes ([`Scene::follow_routes`]).
    pub(super) fn restyle(&mut self) {
        self.series.at_into(self.day, &mut self.estimates);
        let story = &self.story;
        let filters = &self.filters;
        self.styles = self
            .estimates
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut st = self.encoder.style(i, self.day, e);
                let s = &story.streams[i];
                let hidden_category = filters.hidden_categories.contains(&s.category);
                let hidden_confidence = st
                    .confidence
                    .is_some_and(|c| filters.hidden_confidences.contains(&c));
                st.visible &= !hidden_category && !hidden_confidence;
                st
            })
            .collect();
        self.follow_routes();
    }

    /// What follows both the styles and the routes: each stream's arrowhead and how its
    /// particles move.
    fn follow_routes(&mut self) {
        self.arrows();
        self.laid.movers = movers(
            &self.estimates,
            &self.styles,
            &self.laid.routes,
            &self.unit_top_rate,
        );
    }

    /// Projects places and routes through the fitted projection and the view, offsets parallel
    /// streams, trims routes to the dots, and lays the arrowheads and the particles' pacing on
    /// them. The styles follow the day and the filters, not the view, and are kept (every
    /// change of day or filter restyles at once); they are made here only the first time, before
    /// any day was set: a resize, a zoom or a pan worked them all out again, and a new map's
    /// first resize and first day twice.
    pub(super) fn layout(&mut self) {
        let proj = self.fitted;
        let view = self.view;
        let shown = |xy: &[f32]| -> Vec<f32> {
            xy.chunks_exact(2)
                .flat_map(|p| {
                    let (x, y) = view.apply(f64::from(p[0]), f64::from(p[1]));
                    [x as f32, y as f32]
                })
                .collect()
        };
        let b = &self.laid.basemap_fitted;
        self.laid.basemap_shown = BasemapColumns {
            land_xy: shown(&b.land_xy),
            land_rings: b.land_rings.clone(),
            border_xy: shown(&b.border_xy),
            border_lines: b.border_lines.clone(),
            coast_xy: shown(&b.coast_xy),
            coast_lines: b.coast_lines.clone(),
        };
        let to_screen = |lon: f64, lat: f64| {
            let (x, y) = proj.forward(lon, lat);
            view.apply(x, y)
        };
        self.laid.place_xy = self
            .story
            .places
            .iter()
            .flat_map(|p| {
                let (x, y) = to_screen(p.lon, p.lat);
                [x as f32, y as f32]
            })
            .collect();
        // Each distinct path as the raw projection gave it, scaled and shifted into place once
        // however many streams share it.
        let to_pixels = |x: f64, y: f64| {
            let (x, y) = proj.from_raw(x, y);
            view.apply(x, y)
        };
        let lines: Vec<Polyline> = self
            .plane_paths(proj.raw())
            .iter()
            .map(|path| Polyline::new(path.iter().map(|&(x, y)| to_pixels(x, y)).collect()))
            .collect();
        let none = Polyline::default();
        self.laid.routes = self
            .path_of
            .iter()
            .zip(self.lane.iter())
            .map(|(k, &lane)| {
                let line = k.and_then(|k| lines.get(k as usize)).unwrap_or(&none);
                let gap = PLACE_RADIUS_PX + 2.0;
                // A stream in the middle lane is cut from the shared line itself, not a copy.
                if lane == 0.0 {
                    return line.slice(gap, line.length() - gap);
                }
                let line = line.offset(lane * PARALLEL_GAP_PX);
                line.slice(gap, line.length() - gap)
            })
            .collect();
        self.laid.tracks = Tracks::new(&self.laid.routes);
        self.laid.route_xy.clear();
        self.laid.route_offsets.clear();
        self.laid.route_offsets.push(0);
        for r in &self.laid.routes {
            self.laid
                .route_xy
                .extend(r.points().iter().flat_map(|&(x, y)| [x as f32, y as f32]));
            self.laid
                .route_offsets
                .push((self.laid.route_xy.len() / 2) as u32);
        }
        if self.styles.len() == self.story.streams.len() {
            self.follow_routes();
        } else {
            self.restyle();
        }
    }

    /// Each stream's arrowhead: a triangle whose tip is the route's end, as wide as the
    /// stream's widest band plus a margin.
    pub(super) fn arrows(&mut self) {
        self.laid.arrow_xy.clear();
        self.laid.mark_xy.clear();
        for (route, st) in self.laid.routes.iter().zip(&self.styles) {
            let ((ux, uy), _) = route.at(route.length() * 0.5);
            let ((dx0, dy0), _) = route.at(route.length() * 0.32);
            self.laid
                .mark_xy
                .extend([ux as f32, uy as f32, dx0 as f32, dy0 as f32]);
            let ((tx, ty), (dx, dy)) = route.at(route.length());
            let half = (st.width_high.max(st.width) / 2.0 + 3.0).max(4.5);
            let len = half * 1.6;
            let (bx, by) = (tx - dx * len, ty - dy * len);
            let (nx, ny) = (-dy * half, dx * half);
            self.laid.arrow_xy.extend([
                tx as f32,
                ty as f32,
                (bx + nx) as f32,
                (by + ny) as f32,
                (bx - nx) as f32,
                (by - ny) as f32,
            ]);
        }
    }
}

/// For each stream, the highest rate any stream of the same unit reaches between readings.
pub(super) fn top_rates(story: &Story, series: &StorySeries) -> Vec<f64> {
    let mut top: HashMap<&str, f64> = HashMap::new();
    for (i, s) in story.streams.iter().enumerate() {
        let Some(sr) = series.series(i) else { continue };
        // The steepest rise between consecutive readings, reading by reading.
        let (mut best, mut before) = (0.0_f64, None::<(f64, f64)>);
        for b in sr.readings() {
            if let Some(a) = before.filter(|a| b.0 > a.0) {
                best = best.max((b.1 - a.1) / (b.0 - a.0));
            }
            before = Some(b);
        }
        let e = top.entry(s.unit.as_str()).or_insert(0.0);
        *e = e.max(best);
    }
    story
        .streams
        .iter()
        .map(|s| {
            top.get(s.unit.as_str())
                .copied()
                .unwrap_or(0.0)
                .max(f64::MIN_POSITIVE)
        })
        .collect()
}
