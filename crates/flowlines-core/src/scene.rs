//! Ready-to-draw columns for the live map: projected places, each stream's route with its
//! width, style, marks and arrowhead, and each frame's particles, as flat arrays the page reads.
//!
//! The scene keeps no clock: the page passes the story's day and its animation clock in, so
//! every frame is a pure function of (data, filters, viewport, time) and is tested natively.
//! What changes only with the view, the filters or the day ([`Scene::set_day`]) is the static
//! layer; [`Scene::frame`] computes only what moves.

use crate::basemap::{Basemap, BasemapColumns};
use crate::encoding::{Encoder, FlowStyle, LineStyle};
use crate::frame::{frame, Corner, FrameRequest, Inset};
use crate::labels::{place_labels, LabelRequest, Rect};
use crate::model::{Confidence, Story};
use crate::particles::{movers, paint_discs, place_all, thinning_share, Mover};
use crate::polyline::Polyline;
use crate::projection::{Projection, Raw};
use crate::projection_choice::{choose_projection, route_samples};
use crate::raster::Raster;
use crate::route::{geodesic_path, path_length_m, MAX_DENSIFIED_POINTS, MAX_SEGMENT_M};
use crate::series::{Estimate, StorySeries};
use crate::stroke_mask::StrokeMask;
use crate::style::{category_colors, Theme};
use crate::view::View;
use std::collections::HashMap;
use std::sync::Arc;

pub use crate::particles::{BASE_SPEED_PX_S, MAX_PARTICLES, MIN_PARTICLES, TOP_SPEED_PX_S};
/// Padding around the fitted map, in CSS pixels.
pub const PADDING_PX: f64 = 40.0;
/// Radius of a place's dot, in CSS pixels.
pub const PLACE_RADIUS_PX: f64 = 4.0;
/// Space between the detailed places' dots and their outline on the map, in CSS pixels.
pub const INSET_OUTLINE_MARGIN_PX: f32 = 10.0;
/// Distance between the centre lines of parallel streams, in CSS pixels.
pub const PARALLEL_GAP_PX: f64 = 12.0;

/// The farthest lane from a route's centre line, in lanes of [`PARALLEL_GAP_PX`].
const MAX_LANE: f64 = 8.0;

/// Which streams the reader has chosen to see.
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Hidden category ids.
    pub hidden_categories: Vec<String>,
    /// Hidden confidences (a stream is hidden when its strongest claim so far is hidden).
    pub hidden_confidences: Vec<Confidence>,
}

/// The live map's geometry and the current frame's particles.
#[derive(Debug, Clone)]
pub struct Scene {
    story: Story,
    series: StorySeries,
    encoder: Encoder,
    /// Each stream's path on the globe, `(lon, lat)` degrees.
    paths_lonlat: Vec<Arc<[(f64, f64)]>>,
    /// Each stream's sideways offset from its path's centre line, in gaps, signed.
    lane: Vec<f64>,
    /// Each category's colour (`0xRRGGBB`), in the story's order (see [`Scene::set_colors`]).
    category_color: Vec<u32>,
    /// Each stream's category's colour (`0xRRGGBB`).
    stream_color: Vec<u32>,
    /// For each stream, the highest rate any stream of its unit reaches (units per day).
    unit_top_rate: Vec<f64>,
    width: f64,
    height: f64,
    /// The projection chosen from the story's places and routes, or named by the story.
    raw: Raw,
    fitted: Projection,
    /// The zoom controls' size in CSS pixels, kept clear of the flows; zero when none.
    controls_size: (f64, f64),
    /// The corner the zoom controls go to.
    controls: Corner,
    /// The detail inset of the crowded cluster of places, if any.
    inset: Option<Inset>,
    view: View,
    basemap: Option<Basemap>,
    /// The basemap projected by the fitted projection, before zoom and pan.
    basemap_fitted: BasemapColumns,
    /// The basemap as shown.
    basemap_shown: BasemapColumns,
    filters: Filters,
    day: f64,
    place_xy: Vec<f32>,
    routes: Vec<Polyline>,
    route_xy: Vec<f32>,
    route_offsets: Vec<u32>,
    arrow_xy: Vec<f32>,
    mark_xy: Vec<f32>,
    estimates: Vec<Estimate>,
    styles: Vec<FlowStyle>,
    /// The streams that carry particles, from the day, the filters and the view.
    movers: Vec<Mover>,
    /// Whether particles denser than a reader can see are thinned (see [`crate::particles`]).
    thinning: bool,
    particle_xy: Vec<f32>,
    particle_stream: Vec<u32>,
}

/// Each stream's colour: its category's in `colors` (the story's order), the first for a
/// category the story does not have.
fn stream_colors(story: &Story, colors: &[u32]) -> Vec<u32> {
    story
        .streams
        .iter()
        .map(|s| {
            let c = story.categories.iter().position(|c| c.id == s.category);
            colors
                .get(c.unwrap_or(0))
                .copied()
                .unwrap_or(crate::style::PALETTE[0])
        })
        .collect()
}

/// Each path of `paths` once, however many streams share it.
fn distinct_paths(paths: &[Arc<[(f64, f64)]>]) -> impl Iterator<Item = &Arc<[(f64, f64)]>> {
    let mut seen = std::collections::HashSet::new();
    paths.iter().filter(move |p| seen.insert(p.as_ptr()))
}

impl Scene {
    /// A scene of `story`; call [`Scene::resize`] before drawing. Routes are densified into
    /// pieces of at most 50 km; a story of more than 5,000 streams gets 250 km pieces, which
    /// still curve smoothly at map scale and keep memory and layout time in bounds, and longer
    /// ones where all paths together would pass [`MAX_DENSIFIED_POINTS`]. Streams with the
    /// same ends and route share one path.
    pub fn new(story: Story) -> Self {
        let segment_m = if story.streams.len() > 5_000 {
            250_000.0
        } else {
            MAX_SEGMENT_M
        };
        let series = StorySeries::new(&story);
        let encoder = Encoder::new(&story, &series);
        let place_at: HashMap<&str, (f64, f64)> = story
            .places
            .iter()
            .map(|p| (p.id.as_str(), (p.lon, p.lat)))
            .collect();
        let routes: HashMap<&str, &crate::model::Route> =
            story.routes.iter().map(|r| (r.id.as_str(), r)).collect();
        // Streams with the same ends and route share one path, computed once.
        type Key<'a> = (&'a str, &'a str, Option<&'a str>);
        let mut shared: HashMap<Key<'_>, usize> = HashMap::new();
        // Each distinct path: its ends, its waypoints and how many streams follow it.
        type Distinct<'a> = ((f64, f64), &'a [[f64; 2]], (f64, f64), usize);
        let mut distinct: Vec<Distinct<'_>> = Vec::new();
        let path_of: Vec<Option<usize>> = story
            .streams
            .iter()
            .map(|s| {
                let (Some(&a), Some(&b)) =
                    (place_at.get(s.from.as_str()), place_at.get(s.to.as_str()))
                else {
                    return None;
                };
                let key = (s.from.as_str(), s.to.as_str(), s.route.as_deref());
                let k = *shared.entry(key).or_insert_with(|| {
                    let waypoints = s
                        .route
                        .as_deref()
                        .and_then(|r| routes.get(r))
                        .map(|r| r.waypoints.as_slice())
                        .unwrap_or(&[]);
                    distinct.push((a, waypoints, b, 0));
                    distinct.len() - 1
                });
                distinct[k].3 += 1;
                Some(k)
            })
            .collect();
        let drawn_m: f64 = distinct
            .iter()
            .map(|&(a, w, b, n)| path_length_m(a, w, b) * n as f64)
            .sum();
        let segment_m = segment_m.max(drawn_m / MAX_DENSIFIED_POINTS as f64);
        let computed: Vec<Arc<[(f64, f64)]>> = distinct
            .iter()
            .map(|&(a, w, b, _)| geodesic_path(a, w, b, segment_m).into())
            .collect();
        let none: Arc<[(f64, f64)]> = Arc::from(Vec::new());
        let paths_lonlat = path_of
            .iter()
            .map(|k| k.map_or_else(|| none.clone(), |k| computed[k].clone()))
            .collect();
        let raw = choose_projection(
            story.story.projection.as_ref(),
            (story.places.iter().map(|p| (p.lon, p.lat))).chain(route_samples(&computed)),
        );
        let (category_color, _) = category_colors(&story.categories, Theme::Light, &[]);
        let stream_color = stream_colors(&story, &category_color);
        let unit_top_rate = top_rates(&story, &series);
        let lane = lanes(&story);
        Scene {
            series,
            encoder,
            paths_lonlat,
            lane,
            category_color,
            stream_color,
            unit_top_rate,
            width: 0.0,
            height: 0.0,
            raw,
            fitted: Projection::fit(raw, [], 1.0, 1.0, 0.0),
            controls_size: (0.0, 0.0),
            controls: Corner::TopRight,
            inset: None,
            view: View::default(),
            basemap: None,
            basemap_fitted: BasemapColumns::default(),
            basemap_shown: BasemapColumns::default(),
            filters: Filters {
                hidden_categories: Vec::new(),
                hidden_confidences: Vec::new(),
            },
            day: f64::from(story.story.as_of.last()),
            story,
            place_xy: Vec::new(),
            routes: Vec::new(),
            route_xy: Vec::new(),
            route_offsets: Vec::new(),
            arrow_xy: Vec::new(),
            mark_xy: Vec::new(),
            estimates: Vec::new(),
            styles: Vec::new(),
            movers: Vec::new(),
            thinning: false,
            particle_xy: Vec::new(),
            particle_stream: Vec::new(),
        }
    }

    /// Fits the map to a `width` by `height` CSS-pixel viewport (see [`crate::frame`]: the
    /// flows fill it, a crowded cluster of places gets a detail inset, the controls go to a
    /// corner clear of both), resets the zoom, and lays the static layer out again.
    pub fn resize(&mut self, width: f64, height: f64) {
        let places: Vec<(f64, f64)> = self.story.places.iter().map(|p| (p.lon, p.lat)).collect();
        let paths: Vec<&[(f64, f64)]> =
            distinct_paths(&self.paths_lonlat).map(|p| &p[..]).collect();
        let f = frame(&FrameRequest {
            raw: self.raw,
            places: &places,
            paths: &paths,
            width,
            height,
            padding: PADDING_PX,
            controls: self.controls_size,
        });
        self.controls = f.controls;
        self.inset = f.inset;
        self.show_projection(width, height, f.projection);
    }

    /// Shows the map in a `width` by `height` viewport through `projection`, with no inset and
    /// the zoom reset: the main map's last step, and the whole of an inset's.
    fn show_projection(&mut self, width: f64, height: f64, projection: Projection) {
        self.width = width;
        self.height = height;
        self.fitted = projection;
        self.view = View::default();
        if let Some(b) = &self.basemap {
            self.basemap_fitted = b.project(&self.fitted);
        }
        self.layout();
    }

    /// Colours the categories for `theme`, with the host page's `overrides` (category id and
    /// colour, already checked against `theme` by [`crate::style::parse_color_list`]) before
    /// the story's own colours; returns a sentence for each story colour refused under `theme`
    /// (see [`category_colors`]).
    pub fn set_colors(&mut self, theme: Theme, overrides: &[(String, u32)]) -> Vec<String> {
        let (colors, refused) = category_colors(&self.story.categories, theme, overrides);
        self.stream_color = stream_colors(&self.story, &colors);
        self.category_color = colors;
        refused
    }

    /// Gives the categories the colours `colors` (`0xRRGGBB`, in the story's order), as
    /// another scene of the same story chose them (see [`crate::map_state::MapState`]);
    /// ignored unless there is one colour per category.
    pub fn set_category_colors(&mut self, colors: &[u32]) {
        if colors.len() == self.story.categories.len() {
            self.category_color = colors.to_vec();
            self.stream_color = stream_colors(&self.story, &self.category_color);
        }
    }

    /// Each category's colour (`0xRRGGBB`), in the story's order.
    pub fn category_color(&self) -> &[u32] {
        &self.category_color
    }

    /// The colour (`0xRRGGBB`) the map draws the category at `index` (in the story's order)
    /// in: its chosen colour, or the palette's for that place in the order.
    pub fn color_of_category(&self, index: usize) -> u32 {
        self.category_color
            .get(index)
            .copied()
            .unwrap_or_else(|| crate::style::category_color(index))
    }

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
    pub fn inset_scene(&self) -> Option<Scene> {
        let inset = self.inset.as_ref()?;
        let mut s = self.clone();
        s.inset = None;
        s.controls_size = (0.0, 0.0);
        s.show_projection(inset.rect.width, inset.rect.height, inset.projection);
        Some(s)
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
            if let Some(p) = self.place_xy.get(2 * i..2 * i + 2) {
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
        self.basemap = Some(basemap);
        if self.width > 0.0 {
            if let Some(b) = &self.basemap {
                self.basemap_fitted = b.project(&self.fitted);
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
        &self.basemap_shown
    }

    /// Where each place's label goes: x, y of its top-left corner in CSS pixels, NaN where no
    /// free spot is left. `widths` are the labels' widths as the page measured them, in place
    /// order; `height` is the labels' height. Places that more visible flows touch are placed
    /// first; labels avoid every dot, every arrowhead and each other, and stay on screen.
    pub fn place_labels(&self, widths: &[f64], height: f64) -> Vec<f32> {
        let mut weight = vec![0.0; self.story.places.len()];
        let index: HashMap<&str, usize> = self
            .story
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        for (s, st) in self.story.streams.iter().zip(&self.styles) {
            for id in [&s.from, &s.to] {
                if let Some(&i) = index.get(id.as_str()) {
                    weight[i] += if st.visible { 1.0 } else { 0.1 };
                }
            }
        }
        // Places the inset shows in detail are labelled there, not in the crowd on this map.
        let in_inset = |i: usize| {
            self.inset_shown() && self.inset.as_ref().is_some_and(|s| s.places.contains(&i))
        };
        let requests: Vec<LabelRequest> = self
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
    fn covered(&self) -> Vec<Rect> {
        let (w, h) = self.controls_size;
        let inset = self.inset.as_ref().filter(|_| self.inset_shown());
        let controls =
            (w > 0.0 && h > 0.0).then(|| self.controls.rect(w, h, self.width, self.height));
        inset.map(|i| i.rect).into_iter().chain(controls).collect()
    }

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
            return Err(format!("no place {} in the story", unknown.join(", ")));
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

    fn restyle(&mut self) {
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
        self.arrows();
        self.movers = movers(
            &self.estimates,
            &self.styles,
            &self.routes,
            &self.unit_top_rate,
        );
    }

    /// Projects places and routes through the fitted projection and the view, offsets parallel
    /// streams, trims routes to the dots, and restyles.
    fn layout(&mut self) {
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
        let b = &self.basemap_fitted;
        self.basemap_shown = BasemapColumns {
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
        self.place_xy = self
            .story
            .places
            .iter()
            .flat_map(|p| {
                let (x, y) = to_screen(p.lon, p.lat);
                [x as f32, y as f32]
            })
            .collect();
        // A path shared by several streams is projected once.
        let mut projected: HashMap<*const (f64, f64), Polyline> = HashMap::new();
        self.routes = self
            .paths_lonlat
            .iter()
            .zip(&self.lane)
            .map(|(path, &lane)| {
                let line = projected.entry(path.as_ptr()).or_insert_with(|| {
                    Polyline::new(path.iter().map(|&(lon, lat)| to_screen(lon, lat)).collect())
                });
                let line = line.offset(lane * PARALLEL_GAP_PX);
                let gap = PLACE_RADIUS_PX + 2.0;
                line.slice(gap, line.length() - gap)
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
        self.restyle();
    }

    /// Each stream's arrowhead: a triangle whose tip is the route's end, as wide as the
    /// stream's widest band plus a margin.
    fn arrows(&mut self) {
        self.arrow_xy.clear();
        self.mark_xy.clear();
        for (route, st) in self.routes.iter().zip(&self.styles) {
            let ((ux, uy), _) = route.at(route.length() * 0.5);
            let ((dx0, dy0), _) = route.at(route.length() * 0.32);
            self.mark_xy
                .extend([ux as f32, uy as f32, dx0 as f32, dy0 as f32]);
            let ((tx, ty), (dx, dy)) = route.at(route.length());
            let half = (st.width_high.max(st.width) / 2.0 + 3.0).max(4.5);
            let len = half * 1.6;
            let (bx, by) = (tx - dx * len, ty - dy * len);
            let (nx, ny) = (-dy * half, dx * half);
            self.arrow_xy.extend([
                tx as f32,
                ty as f32,
                (bx + nx) as f32,
                (by + ny) as f32,
                (bx - nx) as f32,
                (by - ny) as f32,
            ]);
        }
    }

    /// Computes the frame at animation clock `clock_s` seconds: each visible moving stream's
    /// particles, spaced evenly along its route and advancing with the clock at a speed and
    /// density that grow with the stream's rate. A stream reported to move but with no figure
    /// gets the fewest, slowest particles; one whose last reading is past gets none.
    pub fn frame(&mut self, clock_s: f64) {
        let share = if self.thinning {
            thinning_share(&self.movers, self.width * self.height)
        } else {
            1.0
        };
        place_all(
            &self.movers,
            &self.routes,
            share,
            clock_s,
            &mut self.particle_xy,
            &mut self.particle_stream,
        );
    }

    /// Thins particles where they are denser than a reader can see, from the next frame on:
    /// see [`crate::particles::thinning_share`]. Off until asked for.
    pub fn set_thinning(&mut self, on: bool) {
        self.thinning = on;
    }

    /// Draws the last frame's particles into `raster` (cleared first), whose pixels are `dpr`
    /// device pixels per CSS pixel, as discs of `radius_css` CSS pixels in their stream's colour.
    pub fn paint_particles(&self, raster: &mut Raster, dpr: f32, radius_css: f32) {
        paint_discs(
            raster,
            &self.particle_xy,
            &self.particle_stream,
            &self.stream_color,
            dpr,
            radius_css,
        );
    }

    /// Draws the routes and arrowheads of the visible streams into `raster` (cleared first),
    /// whose pixels are `dpr` device pixels per CSS pixel, as a dense map's static layer shows
    /// them: the streams of one colour and line style together, their routes stroked solid at
    /// the group's widest width (at most 2 CSS pixels) and then their arrowheads filled, each
    /// laid over what is there at half opacity (faint streams at 0.3), overlaps not adding up.
    /// `mask` is scratch space of the raster's size.
    pub fn paint_routes(&self, raster: &mut Raster, mask: &mut StrokeMask, dpr: f32) {
        raster.clear();
        // Groups by colour and style, in the order they first appear.
        let mut groups: Vec<(u32, LineStyle, f32, Vec<usize>)> = Vec::new();
        for (s, st) in self.styles.iter().enumerate() {
            let (Some(&a), Some(&b)) = (self.route_offsets.get(s), self.route_offsets.get(s + 1))
            else {
                continue;
            };
            if !st.visible || b < a + 2 || self.arrow_xy.len() < 6 * s + 6 {
                continue;
            }
            let color = self.stream_color.get(s).copied().unwrap_or(0);
            let width = st.width.min(2.0) as f32;
            match groups.iter_mut().find(|g| g.0 == color && g.1 == st.style) {
                Some(g) => {
                    g.2 = g.2.max(width);
                    g.3.push(s);
                }
                None => groups.push((color, st.style, width, vec![s])),
            }
        }
        let xy = &self.route_xy;
        for (color, style, width, streams) in groups {
            let opacity = if style == LineStyle::Faint { 0.3 } else { 0.5 };
            mask.clear();
            for &s in &streams {
                let (a, b) = (
                    self.route_offsets[s] as usize,
                    self.route_offsets[s + 1] as usize,
                );
                mask.stroke_polyline(&xy[2 * a..2 * b], dpr, width * dpr);
            }
            mask.composite(raster, color, opacity);
            mask.clear();
            for &s in &streams {
                let t = &self.arrow_xy[6 * s..6 * s + 6];
                mask.fill_triangle(
                    (t[0] * dpr, t[1] * dpr),
                    (t[2] * dpr, t[3] * dpr),
                    (t[4] * dpr, t[5] * dpr),
                );
            }
            mask.composite(raster, color, opacity);
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

    /// Each stream's arrowhead as three points (tip, then the two base corners), x, y in CSS
    /// pixels: six numbers per stream.
    pub fn arrow_xy(&self) -> &[f32] {
        &self.arrow_xy
    }

    /// Where each stream's marks go: the unknown-quantity mark halfway along its route, then the
    /// dispute mark a third of the way; x, y in CSS pixels, four numbers per stream.
    pub fn mark_xy(&self) -> &[f32] {
        &self.mark_xy
    }

    /// Each stream's look at the current day.
    pub fn styles(&self) -> &[FlowStyle] {
        &self.styles
    }

    /// x, y in CSS pixels of each particle of the last frame.
    pub fn particle_xy(&self) -> &[f32] {
        &self.particle_xy
    }

    /// The stream index of each particle of the last frame.
    pub fn particle_stream(&self) -> &[u32] {
        &self.particle_stream
    }

    /// Each stream's estimate at the current day.
    pub fn estimates(&self) -> &[Estimate] {
        &self.estimates
    }

    /// The series of the story's streams.
    pub fn series(&self) -> &StorySeries {
        &self.series
    }

    /// The story drawn.
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The projection fitted at the last resize (before zoom and pan).
    pub fn projection(&self) -> &Projection {
        &self.fitted
    }

    /// The projected route of stream `i`, as drawn.
    pub fn route(&self, i: usize) -> Option<&Polyline> {
        self.routes.get(i)
    }

    /// The viewport's size in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// Whether stream `i` carries mark `mark` (see [`marks`]) at the current day.
    pub fn has_mark(&self, i: usize, mark: u8) -> bool {
        self.styles.get(i).is_some_and(|s| s.marks & mark != 0)
    }
}

/// Each stream's lane: streams between the same two places on the same route are spread side
/// by side around the centre line, in story order; a stream running the other way counts its
/// lane from the other side, so each direction keeps to its own. Lanes go at most
/// [`MAX_LANE`] from the centre: past that, streams share the outermost lanes, so a route
/// shared by thousands of streams stays a band, not paths offset thousands of pixels away
/// (whose loops made layout grow faster than the number of streams).
fn lanes(story: &Story) -> Vec<f64> {
    fn key(s: &crate::model::Stream) -> (&str, &str, &str) {
        let (a, b) = if s.from <= s.to {
            (s.from.as_str(), s.to.as_str())
        } else {
            (s.to.as_str(), s.from.as_str())
        };
        (a, b, s.route.as_deref().unwrap_or(""))
    }
    let mut count: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for s in &story.streams {
        *count.entry(key(s)).or_insert(0) += 1;
    }
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    story
        .streams
        .iter()
        .map(|s| {
            let k = key(s);
            let n = count.get(&k).copied().unwrap_or(1);
            let slot = seen.entry(k).or_insert(0);
            let lane = (*slot as f64 - (n as f64 - 1.0) / 2.0).clamp(-MAX_LANE, MAX_LANE);
            *slot += 1;
            if s.from <= s.to {
                lane
            } else {
                -lane
            }
        })
        .collect()
}

/// For each stream, the highest rate any stream of the same unit reaches between readings.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;
    use crate::encoding::marks;
    use crate::parse::load_json;
    use crate::particles::particle_count;

    fn story() -> Story {
        load_json(
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
        )
        .unwrap()
    }

    fn scene_at(date: &str) -> Scene {
        let mut s = Scene::new(story());
        s.resize(1000.0, 600.0);
        s.set_day(f64::from(parse_day(date).unwrap()));
        s
    }

    fn index(s: &Scene, id: &str) -> usize {
        s.story().streams.iter().position(|x| x.id == id).unwrap()
    }

    #[test]
    fn a_higher_rate_makes_particles_faster_and_denser() {
        assert!(particle_count(1.0) > particle_count(0.1));
        // Two moments of one stream with different rates: count particles on it.
        let mut slow = Scene::new(crate::synthetic::synthetic_story(2, 1, 2, 3));
        slow.resize(800.0, 500.0);
        let sr = slow.series().series(0).unwrap().clone();
        let r: Vec<(f64, f64)> = sr.readings().collect();
        let rates: Vec<(f64, f64)> = r
            .windows(2)
            .map(|w| {
                (
                    (w[0].0 + w[1].0) / 2.0,
                    (w[1].1 - w[0].1) / (w[1].0 - w[0].0),
                )
            })
            .collect();
        let fast_day = rates.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap().0;
        let slow_day = rates.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap().0;
        assert!(rates.iter().any(|r| r.1 > 0.0));
        let mut count_at = |day: f64| {
            slow.set_day(day);
            slow.frame(0.0);
            let first = slow.particle_xy()[..2].to_vec();
            slow.frame(1.0);
            let moved = (slow.particle_xy()[0] - first[0]).hypot(slow.particle_xy()[1] - first[1]);
            (slow.particle_stream().len(), moved)
        };
        let (n_fast, d_fast) = count_at(fast_day);
        let (n_slow, d_slow) = count_at(slow_day);
        assert!(n_fast >= n_slow, "denser: {n_fast} vs {n_slow}");
        assert!(
            d_fast > d_slow,
            "faster: {d_fast} px vs {d_slow} px in a second"
        );
    }

    #[test]
    fn widths_grow_with_the_figure_on_each_units_own_scale() {
        let early = scene_at("2024-03-01");
        let late = scene_at("2024-06-30");
        let c = index(&early, "munitions-containers");
        assert!(late.styles()[c].width > early.styles()[c].width);
        // The 9 million rounds do not make the containers thin: each unit has its own scale.
        let r = index(&late, "munitions-rounds");
        assert!(late.styles()[r].width > MIN_WIDTH);
        assert!(late.styles()[c].width > MIN_WIDTH);
    }

    const MIN_WIDTH: f64 = crate::encoding::MIN_WIDTH_PX + 1.0;

    #[test]
    fn an_unknown_quantity_is_thin_and_marked_never_given_a_width() {
        let s = scene_at("2025-01-15");
        let p = index(&s, "petroleum");
        let st = s.styles()[p];
        assert!(st.visible);
        assert_eq!(st.width, crate::encoding::UNKNOWN_WIDTH_PX);
        assert!(s.has_mark(p, marks::UNKNOWN));
    }

    #[test]
    fn an_open_ended_figure_and_an_inferred_destination_are_marked() {
        let s = scene_at("2025-05-01");
        let t = index(&s, "troops-deployed");
        assert!(s.has_mark(t, marks::OPEN_HIGH));
        assert!(s.has_mark(t, marks::INFERRED_DESTINATION));
    }

    #[test]
    fn a_denied_stream_is_marked_disputed_and_a_proposal_is_faint() {
        let s = scene_at("2024-10-20");
        assert!(s.has_mark(index(&s, "troops-vladivostok"), marks::DISPUTED));
        let w = index(&s, "workers-donbas");
        assert_eq!(s.styles()[w].style, LineStyle::Faint);
    }

    #[test]
    fn streams_between_the_same_places_are_drawn_side_by_side() {
        let s = scene_at("2024-10-20");
        let a = index(&s, "munitions-containers");
        let b = index(&s, "munitions-missiles");
        let (ra, rb) = (s.route(a).unwrap(), s.route(b).unwrap());
        let ((xa, ya), _) = ra.at(ra.length() / 2.0);
        let d = rb.distance_to(xa, ya);
        assert!(d > PARALLEL_GAP_PX * 0.5, "parallel streams are apart: {d}");
        assert!(d < PARALLEL_GAP_PX * 4.0, "and close together: {d}");
    }

    #[test]
    fn hiding_a_category_hides_its_streams_and_their_particles() {
        let mut s = scene_at("2024-04-15");
        s.frame(0.5);
        assert!(!s.particle_xy().is_empty());
        s.set_category_visible("munitions", false);
        let c = index(&s, "munitions-containers");
        assert!(!s.styles()[c].visible);
        s.frame(0.5);
        assert!(s
            .particle_stream()
            .iter()
            .all(|&i| s.story().streams[i as usize].category != "munitions"));
    }

    #[test]
    fn each_arrowhead_points_at_its_destination() {
        let s = scene_at("2024-10-20");
        let i = index(&s, "troops-deployed");
        let a = &s.arrow_xy()[i * 6..i * 6 + 6];
        let to = s
            .story()
            .places
            .iter()
            .position(|p| p.id == "kursk")
            .unwrap();
        let (px, py) = (s.place_xy()[to * 2], s.place_xy()[to * 2 + 1]);
        let tip = (a[0] - px).hypot(a[1] - py);
        let base = (((a[2] + a[4]) / 2.0) - px).hypot(((a[3] + a[5]) / 2.0) - py);
        assert!(tip < base, "the tip is nearer Kursk than the base");
        assert!(tip < 12.0, "the tip stops at the dot: {tip}");
    }

    #[test]
    fn labels_avoid_each_other_the_dots_and_the_arrowheads() {
        let s = scene_at("2024-10-20");
        let n = s.story().places.len();
        let widths = vec![70.0; n];
        let xy = s.place_labels(&widths, 16.0);
        let rects: Vec<Rect> = xy
            .chunks_exact(2)
            .filter(|p| !p[0].is_nan())
            .map(|p| Rect::new(f64::from(p[0]), f64::from(p[1]), 70.0, 16.0))
            .collect();
        let in_inset = s.inset_scene().map_or(0, |d| {
            let xy = d.place_labels(&widths, 16.0);
            s.inset().map_or(0, |i| {
                i.places.iter().filter(|&&p| !xy[2 * p].is_nan()).count()
            })
        });
        assert!(
            rects.len() + in_inset >= n / 2,
            "most of the story's places are labelled, on the map or in its inset"
        );
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
        for a in s
            .arrow_xy()
            .chunks_exact(6)
            .zip(s.styles())
            .filter(|(_, st)| st.visible)
        {
            let tip = (f64::from(a.0[0]), f64::from(a.0[1]));
            for r in &rects {
                let inside =
                    tip.0 > r.x && tip.0 < r.x + r.width && tip.1 > r.y && tip.1 < r.y + r.height;
                assert!(!inside, "a label covers an arrowhead's tip");
            }
        }
    }

    #[test]
    fn the_basemap_follows_zoom_and_pan() {
        let mut s = scene_at("2024-10-20");
        let b =
            crate::basemap::Basemap::from_json(include_str!("../../../data/basemap.json")).unwrap();
        s.set_basemap(b);
        let before = s.basemap().land_xy[..2].to_vec();
        assert!(!before.is_empty());
        s.zoom_at(0.0, 0.0, 2.0);
        let after = &s.basemap().land_xy[..2];
        assert!(
            (after[0] - 2.0 * before[0]).abs() < 0.01 && (after[1] - 2.0 * before[1]).abs() < 0.01
        );
    }

    #[test]
    fn a_dense_maps_routes_are_painted_where_they_run_and_nowhere_else() {
        let mut s = Scene::new(crate::synthetic::synthetic_story(50, 300, 5, 7));
        s.resize(400.0, 300.0);
        let mut r = Raster::new(400, 300);
        let mut m = StrokeMask::new(400, 300);
        s.paint_routes(&mut r, &mut m, 1.0);
        let i = s.styles().iter().position(|st| st.visible).unwrap();
        let route = s.route(i).unwrap();
        let ((x, y), _) = route.at(route.length() / 2.0);
        let px = r.pixel(x as usize, y as usize).unwrap();
        assert!(px[3] > 0, "the middle of a route is painted: {px:?}");
        let painted = r.rgba().chunks_exact(4).filter(|p| p[3] > 0).count();
        assert!(
            painted > 1_000 && painted < 400 * 300,
            "{painted} pixels painted"
        );
    }

    #[test]
    fn zooming_in_spreads_the_places_apart() {
        let mut s = scene_at("2024-10-20");
        let d = |s: &Scene| {
            (s.place_xy()[0] - s.place_xy()[2]).hypot(s.place_xy()[1] - s.place_xy()[3])
        };
        let before = d(&s);
        s.zoom_at(500.0, 300.0, 2.0);
        assert!((d(&s) - 2.0 * before).abs() < 0.01);
        s.reset_view();
        assert!((d(&s) - before).abs() < 0.01);
    }
}
