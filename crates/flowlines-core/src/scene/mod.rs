//! Ready-to-draw columns for the live map: projected places, each stream's route with its
//! width, style, marks and arrowhead, and each frame's particles, as flat arrays the page reads.
//!
//! The scene keeps no clock: the page passes the story's day and its animation clock in, so
//! every frame is a pure function of (data, filters, viewport, time) and is tested natively.
//! What changes only with the view, the filters or the day ([`Scene::set_day`](crate::scene::Scene::set_day)) is the static
//! layer; [`Scene::frame`](crate::scene::Scene::frame) computes only what moves.

use crate::basemap::{Basemap, BasemapColumns};
use crate::encoding::{Encoder, FlowStyle};
use crate::frame::{frame, Corner, FrameRequest, Inset};
use crate::model::{Confidence, Story};
use crate::particles::Mover;
use crate::polyline::Polyline;
use crate::projection::{Projection, Raw};
use crate::projection_choice::{choose_projection, route_samples};
use crate::route::{geodesic_path, path_length_m, MAX_DENSIFIED_POINTS, MAX_SEGMENT_M};
use crate::series::{Estimate, StorySeries, StreamReadings};
use crate::style::{category_colors, Theme};
use crate::tracks::Tracks;
use crate::view::View;
use ends::{stream_ends, Ends};
use std::collections::HashMap;
use std::sync::Arc;

mod ends;
mod flow_layer;
mod labels;
mod lanes;
mod layout;
mod navigation;
mod overlays;
mod particles;
mod plane;

use lanes::lanes;
use layout::top_rates;

pub use crate::particles::{BASE_SPEED_PX_S, MAX_PARTICLES, MIN_PARTICLES, TOP_SPEED_PX_S};
/// Padding around the fitted map, in CSS pixels.
pub const PADDING_PX: f64 = 40.0;
pub use crate::line_style::PLACE_RADIUS_PX;
/// Space between the detailed places' dots and their outline on the map, in CSS pixels.
pub const INSET_OUTLINE_MARGIN_PX: f32 = 10.0;
/// Distance between the centre lines of parallel streams, in CSS pixels.
pub const PARALLEL_GAP_PX: f64 = 12.0;

/// Which streams the reader has chosen to see.
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Hidden category ids.
    pub hidden_categories: Vec<String>,
    /// Hidden confidences (a stream is hidden when its strongest claim so far is hidden).
    pub hidden_confidences: Vec<Confidence>,
}

/// The live map's geometry and the current frame's particles.
///
/// What a scene works out once from its story (the story itself, its series, its encoder, its
/// paths on the globe and their lanes) is shared, behind an [`Arc`], with the scene of its
/// inset ([`Scene::inset_scene`]) and any other clone: a clone copies only what depends on
/// the view.
#[derive(Debug, Clone)]
pub struct Scene {
    story: Arc<Story>,
    series: Arc<StorySeries>,
    encoder: Arc<Encoder>,
    /// Each distinct path on the globe, `(lon, lat)` degrees: streams with the same places
    /// and route share one.
    paths_lonlat: Arc<[Vec<(f64, f64)>]>,
    /// Each stream's path in `paths_lonlat`; `None` for a stream whose places are unknown.
    path_of: Arc<[Option<u32>]>,
    /// Each stream's places and route as positions in the story's lists, looked up by id
    /// once ([`ends::stream_ends`]); `None` where a place is unknown.
    ends: Arc<[Option<Ends>]>,
    /// The same paths projected by the raw projection last laid out with.
    plane: plane::PlanePaths,
    /// Each stream's sideways offset from its path's centre line, in gaps, signed.
    lane: Arc<[f64]>,
    /// Each category's colour (`0xRRGGBB`), in the story's order (see [`Scene::set_colors`]).
    category_color: Vec<u32>,
    /// Each stream's category's colour (`0xRRGGBB`).
    stream_color: Vec<u32>,
    /// For each stream, the highest rate any stream of its unit reaches (units per day).
    unit_top_rate: Arc<[f64]>,
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
    basemap: Option<Arc<Basemap>>,
    filters: Filters,
    day: f64,
    estimates: Vec<Estimate>,
    styles: Vec<FlowStyle>,
    /// What the layout works out for the view, and the last frame's particles.
    laid: Laid,
    /// Whether particles denser than a reader can see are thinned (see [`crate::particles`]).
    thinning: bool,
}

/// What a scene lays out for its view (see [`Scene::resize`]), all in CSS pixels, and its last
/// frame's particles: empty until the first layout, and in a new inset's scene.
#[derive(Debug, Clone, Default, PartialEq)]
struct Laid {
    /// The basemap projected by the fitted projection, before zoom and pan.
    basemap_fitted: BasemapColumns,
    /// The basemap as shown.
    basemap_shown: BasemapColumns,
    place_xy: Vec<f32>,
    routes: Vec<Polyline>,
    /// `routes` as flat `f32` records, for placing particles each frame.
    tracks: Tracks,
    route_xy: Vec<f32>,
    route_offsets: Vec<u32>,
    arrow_xy: Vec<f32>,
    mark_xy: Vec<f32>,
    /// The streams that carry particles, from the day, the filters and the view.
    movers: Vec<Mover>,
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
        let index = story.stream_index();
        let readings = StreamReadings::new(&story, &index);
        let series = StorySeries::of_readings(&story, &index, &readings);
        let encoder = Encoder::new(&story, &series, &readings);
        let ends = stream_ends(&story);
        // Streams with the same ends and route share one path, computed once.
        let mut shared: HashMap<Ends, usize> = HashMap::new();
        // Each distinct path: its ends, its waypoints and how many streams follow it.
        type Distinct<'a> = ((f64, f64), &'a [[f64; 2]], (f64, f64), usize);
        let mut distinct: Vec<Distinct<'_>> = Vec::new();
        let lonlat = |i: u32| story.places.get(i as usize).map(|p| (p.lon, p.lat));
        let path_of: Vec<Option<u32>> = ends
            .iter()
            .map(|e| {
                let e = (*e)?;
                let (a, b) = (lonlat(e.from)?, lonlat(e.to)?);
                let k = *shared.entry(e).or_insert_with(|| {
                    let waypoints = (e.route as usize)
                        .checked_sub(1)
                        .and_then(|r| story.routes.get(r))
                        .map(|r| r.waypoints.as_slice())
                        .unwrap_or(&[]);
                    distinct.push((a, waypoints, b, 0));
                    distinct.len() - 1
                });
                distinct[k].3 += 1;
                Some(k as u32)
            })
            .collect();
        let drawn_m: f64 = distinct
            .iter()
            .map(|&(a, w, b, n)| path_length_m(a, w, b) * n as f64)
            .sum();
        let segment_m = segment_m.max(drawn_m / MAX_DENSIFIED_POINTS as f64);
        let paths_lonlat: Vec<Vec<(f64, f64)>> = distinct
            .iter()
            .map(|&(a, w, b, _)| geodesic_path(a, w, b, segment_m))
            .collect();
        let raw = choose_projection(
            story.story.projection.as_ref(),
            (story.places.iter().map(|p| (p.lon, p.lat))).chain(route_samples(&paths_lonlat)),
        );
        let (category_color, _) = category_colors(&story.categories, Theme::Light, &[]);
        let stream_color = stream_colors(&story, &category_color);
        let unit_top_rate = top_rates(&story, &series);
        let lane = lanes(&story, &ends);
        Scene {
            series: Arc::new(series),
            encoder: Arc::new(encoder),
            paths_lonlat: paths_lonlat.into(),
            path_of: path_of.into(),
            ends: ends.into(),
            plane: plane::PlanePaths::default(),
            lane: lane.into(),
            category_color,
            stream_color,
            unit_top_rate: unit_top_rate.into(),
            width: 0.0,
            height: 0.0,
            raw,
            fitted: Projection::fit(raw, [], 1.0, 1.0, 0.0),
            controls_size: (0.0, 0.0),
            controls: Corner::TopRight,
            inset: None,
            view: View::default(),
            basemap: None,
            filters: Filters {
                hidden_categories: Vec::new(),
                hidden_confidences: Vec::new(),
            },
            day: f64::from(story.story.as_of.last()),
            story: Arc::new(story),
            estimates: Vec::new(),
            styles: Vec::new(),
            thinning: false,
            laid: Laid::default(),
        }
    }

    /// Fits the map to a `width` by `height` CSS-pixel viewport (see [`crate::frame`]: the
    /// flows fill it, a crowded cluster of places gets a detail inset, the controls go to a
    /// corner clear of both), resets the zoom, and lays the static layer out again.
    pub fn resize(&mut self, width: f64, height: f64) {
        let places: Vec<(f64, f64)> = self.story.places.iter().map(|p| (p.lon, p.lat)).collect();
        let (raw, controls) = (self.raw, self.controls_size);
        let paths: Vec<&[(f64, f64)]> = self.plane_paths(raw).iter().map(|p| &p[..]).collect();
        let f = frame(&FrameRequest {
            raw,
            places: &places,
            paths: &paths,
            width,
            height,
            padding: PADDING_PX,
            controls,
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
            self.laid.basemap_fitted = b.project(&self.fitted);
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

    /// Each stream's colour, `0xRRGGBB`, in stream order.
    pub fn stream_color(&self) -> &[u32] {
        &self.stream_color
    }

    /// x, y in CSS pixels of each place, in the story's place order.
    pub fn place_xy(&self) -> &[f32] {
        &self.laid.place_xy
    }

    /// x, y in CSS pixels of every route's points, route after route in stream order.
    pub fn route_xy(&self) -> &[f32] {
        &self.laid.route_xy
    }

    /// Where each stream's route starts in [`Scene::route_xy`], in points; one more entry than
    /// streams, the last being the total.
    pub fn route_offsets(&self) -> &[u32] {
        &self.laid.route_offsets
    }

    /// Each stream's arrowhead as three points (tip, then the two base corners), x, y in CSS
    /// pixels: six numbers per stream.
    pub fn arrow_xy(&self) -> &[f32] {
        &self.laid.arrow_xy
    }

    /// Where each stream's marks go: the unknown-quantity mark halfway along its route, then the
    /// dispute mark a third of the way, in the order of [`crate::line_style::BADGES`]; x, y in
    /// CSS pixels, four numbers per stream.
    pub fn mark_xy(&self) -> &[f32] {
        &self.laid.mark_xy
    }

    /// Each stream's look at the current day.
    pub fn styles(&self) -> &[FlowStyle] {
        &self.styles
    }

    /// x, y in CSS pixels of each particle of the last frame.
    pub fn particle_xy(&self) -> &[f32] {
        &self.laid.particle_xy
    }

    /// The stream index of each particle of the last frame.
    pub fn particle_stream(&self) -> &[u32] {
        &self.laid.particle_stream
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
        self.laid.routes.get(i)
    }

    /// The viewport's size in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// Whether stream `i` carries mark `mark` (see [`marks`](crate::encoding::marks)) at the current day.
    pub fn has_mark(&self, i: usize, mark: u8) -> bool {
        self.styles.get(i).is_some_and(|s| s.marks & mark != 0)
    }
}

#[cfg(test)]
mod tests;
