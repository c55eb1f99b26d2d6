//! Ready-to-draw columns for the live map: projected places, projected routes, and each
//! frame's particles, as flat `f32` arrays the page can read without copying.
//!
//! The scene keeps no clock: the page passes the story's day and its animation clock in, so
//! every frame is a pure function of (data, viewport, time) and is tested natively.
//! What changes only with the viewport (places, routes) is computed in [`Scene::resize`];
//! [`Scene::frame`] computes only what moves.

use crate::model::Story;
use crate::polyline::Polyline;
use crate::projection::{eurasia, Projection};
use crate::raster::Raster;
use crate::route::{geodesic_path, MAX_SEGMENT_M};
use crate::series::{Estimate, Phase, StorySeries};
use crate::style::category_color;
use std::collections::HashMap;

/// How fast particles of a stream at its unit's highest rate travel, in CSS pixels per second.
pub const TOP_SPEED_PX_S: f64 = 120.0;
/// How fast particles of a barely moving stream travel, in CSS pixels per second.
pub const BASE_SPEED_PX_S: f64 = 30.0;
/// Particles on a stream at its unit's highest rate.
pub const MAX_PARTICLES: usize = 8;
/// Particles on a stream that barely moves.
pub const MIN_PARTICLES: usize = 2;
/// Padding around the fitted map, in CSS pixels.
pub const PADDING_PX: f64 = 40.0;

/// The live map's geometry and the current frame's particles.
#[derive(Debug, Clone)]
pub struct Scene {
    story: Story,
    series: StorySeries,
    /// Index of each stream's from/to place and its route's waypoints, in stream order.
    paths_lonlat: Vec<Vec<(f64, f64)>>,
    /// For each stream, the highest rate any stream of its unit reaches (units per day).
    unit_top_rate: Vec<f64>,
    /// For each stream, its category's colour (`0xRRGGBB`).
    stream_color: Vec<u32>,
    width: f64,
    height: f64,
    projection: Projection,
    place_xy: Vec<f32>,
    routes: Vec<Polyline>,
    route_xy: Vec<f32>,
    route_offsets: Vec<u32>,
    estimates: Vec<Estimate>,
    particle_xy: Vec<f32>,
    particle_stream: Vec<u32>,
}

impl Scene {
    /// A scene of `story`; call [`Scene::resize`] before drawing.
    pub fn new(story: Story) -> Self {
        let series = StorySeries::new(&story);
        let place_at: HashMap<&str, (f64, f64)> = story
            .places
            .iter()
            .map(|p| (p.id.as_str(), (p.lon, p.lat)))
            .collect();
        let routes: HashMap<&str, &crate::model::Route> =
            story.routes.iter().map(|r| (r.id.as_str(), r)).collect();
        let paths_lonlat = story
            .streams
            .iter()
            .map(|s| {
                let (Some(&a), Some(&b)) =
                    (place_at.get(s.from.as_str()), place_at.get(s.to.as_str()))
                else {
                    return Vec::new();
                };
                let waypoints = s
                    .route
                    .as_deref()
                    .and_then(|r| routes.get(r))
                    .map(|r| r.waypoints.as_slice())
                    .unwrap_or(&[]);
                geodesic_path(a, waypoints, b, MAX_SEGMENT_M)
            })
            .collect();
        let unit_top_rate = top_rates(&story, &series);
        let stream_color = story
            .streams
            .iter()
            .map(|s| {
                let c = story.categories.iter().position(|c| c.id == s.category);
                category_color(c.unwrap_or(0))
            })
            .collect();
        let projection = Projection::fit(eurasia(), [], 1.0, 1.0, 0.0);
        Scene {
            story,
            series,
            paths_lonlat,
            unit_top_rate,
            stream_color,
            width: 0.0,
            height: 0.0,
            projection,
            place_xy: Vec::new(),
            routes: Vec::new(),
            route_xy: Vec::new(),
            route_offsets: Vec::new(),
            estimates: Vec::new(),
            particle_xy: Vec::new(),
            particle_stream: Vec::new(),
        }
    }

    /// Fits the projection to a `width` by `height` CSS-pixel viewport and projects the
    /// places and routes again.
    pub fn resize(&mut self, width: f64, height: f64) {
        self.width = width;
        self.height = height;
        let pts = self
            .story
            .places
            .iter()
            .map(|p| (p.lon, p.lat))
            .chain(self.paths_lonlat.iter().flatten().copied());
        self.projection = Projection::fit(eurasia(), pts, width, height, PADDING_PX);
        let proj = self.projection;
        self.place_xy = self
            .story
            .places
            .iter()
            .flat_map(|p| {
                let (x, y) = proj.forward(p.lon, p.lat);
                [x as f32, y as f32]
            })
            .collect();
        self.routes = self
            .paths_lonlat
            .iter()
            .map(|path| {
                Polyline::new(
                    path.iter()
                        .map(|&(lon, lat)| proj.forward(lon, lat))
                        .collect(),
                )
            })
            .collect();
        self.route_xy.clear();
        self.route_offsets.clear();
        self.route_offsets.push(0);
        for r in &self.routes {
            self.route_xy
                .extend(r.points().iter().flat_map(|&(x, y)| [x as f32, y as f32]));
            self.route_offsets.push((self.route_xy.len() / 2) as u32);
        }
    }

    /// Computes the frame at story day `day` and animation clock `clock_s` seconds: each
    /// moving stream's particles, spaced evenly along its route and advancing with the clock
    /// at a speed and density that grow with the stream's rate.
    pub fn frame(&mut self, day: f64, clock_s: f64) {
        self.series.at_into(day, &mut self.estimates);
        self.particle_xy.clear();
        self.particle_stream.clear();
        for (i, (e, route)) in self.estimates.iter().zip(&self.routes).enumerate() {
            if e.phase != Phase::Moving || e.rate <= 0.0 {
                continue;
            }
            let len = route.length();
            if len <= 0.0 {
                continue;
            }
            let share = (e.rate / self.unit_top_rate[i]).clamp(0.0, 1.0);
            let speed = BASE_SPEED_PX_S + (TOP_SPEED_PX_S - BASE_SPEED_PX_S) * share;
            let count =
                MIN_PARTICLES + ((MAX_PARTICLES - MIN_PARTICLES) as f64 * share).round() as usize;
            let head = (clock_s * speed / len).rem_euclid(1.0);
            for k in 0..count {
                let f = (head + k as f64 / count as f64).rem_euclid(1.0);
                let ((x, y), _) = route.at(f * len);
                self.particle_xy.push(x as f32);
                self.particle_xy.push(y as f32);
                self.particle_stream.push(i as u32);
            }
        }
    }

    /// Draws the last frame's particles into `raster` (cleared first), whose pixels are `dpr`
    /// device pixels per CSS pixel, as discs of `radius_css` CSS pixels in their stream's colour.
    pub fn paint_particles(&self, raster: &mut Raster, dpr: f32, radius_css: f32) {
        raster.clear();
        for (xy, &s) in self.particle_xy.chunks_exact(2).zip(&self.particle_stream) {
            let color = self.stream_color.get(s as usize).copied().unwrap_or(0);
            raster.disc(xy[0] * dpr, xy[1] * dpr, radius_css * dpr, color);
        }
    }

    /// Each stream's colour, `0xRRGGBB`, in stream order.
    pub fn stream_color(&self) -> &[u32] {
        &self.stream_color
    }

    /// x, y in CSS pixels of each place, in the story's place order.
    pub fn place_xy(&self) -> &[f32] {
        &self.place_xy
    }

    /// x, y in CSS pixels of every route's points, route after route in stream order.
    pub fn route_xy(&self) -> &[f32] {
        &self.route_xy
    }

    /// Where each stream's route starts in [`Scene::route_xy`], in points; one more entry than
    /// streams, the last being the total.
    pub fn route_offsets(&self) -> &[u32] {
        &self.route_offsets
    }

    /// x, y in CSS pixels of each particle of the last frame.
    pub fn particle_xy(&self) -> &[f32] {
        &self.particle_xy
    }

    /// The stream index of each particle of the last frame.
    pub fn particle_stream(&self) -> &[u32] {
        &self.particle_stream
    }

    /// Each stream's estimate at the last frame's day.
    pub fn estimates(&self) -> &[Estimate] {
        &self.estimates
    }

    /// The story drawn.
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The projection fitted at the last resize.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The projected route of stream `i`.
    pub fn route(&self, i: usize) -> Option<&Polyline> {
        self.routes.get(i)
    }
}

/// For each stream, the highest rate any stream of the same unit reaches at any reading.
fn top_rates(story: &Story, series: &StorySeries) -> Vec<f64> {
    let mut top: HashMap<&str, f64> = HashMap::new();
    for (i, s) in story.streams.iter().enumerate() {
        let Some(sr) = series.series(i) else { continue };
        let r: Vec<(f64, f64)> = sr.readings().collect();
        let best = r
            .windows(2)
            .filter(|w| w[1].0 > w[0].0)
            .map(|w| (w[1].1 - w[0].1) / (w[1].0 - w[0].0))
            .fold(0.0_f64, f64::max);
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
