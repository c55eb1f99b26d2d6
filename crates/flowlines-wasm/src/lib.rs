//! The WebAssembly boundary of flowlines' live map: one opaque handle, [`FlowMap`], that the
//! page drives.
//!
//! The page passes data text, the viewport and the time in; the handle hands back typed arrays
//! of what to draw and paints the moving particles into a canvas with one `putImageData`.
//! No function here panics on any input; [`FlowMap::from_validated_bytes`] asks for a story that
//! was validated when it was written.
//!
//! This is the module every reader loads, so it holds only what the map needs: the charts, the
//! SVG and CSV downloads and the reader that locates every problem in a broken file as
//! `file:line:column: message` are in the second module, `flowlines-extras-wasm`, which the
//! page loads when they are first needed. The map module reads only the binary compact form of a
//! story ([`FlowMap::from_validated_bytes`]), which needs no JSON parser, and does not validate
//! it: the build writes it for our own stories after validating them (`flowlines compact`), and
//! any other story (a host's JSON or compact file) is validated and turned into it by the second
//! module, which also lists a broken file's located problems.
//!
//! **Stream and flow.** The data file and the core call one movement of one category from one
//! place to another a *stream* (`Story::streams`, `streams[i]` in JSON); the reader sees it as a
//! *flow* on the map, and the page's words say flow. An index `i` given to or returned by the
//! handle is the same either way: the position in the story's `streams`. Methods that name the
//! data itself keep the data's word (`stream_details`, `stream_id`, `stream_index`, a hit's
//! `kind: "stream"`); methods about what the page draws or steps through say flow
//! (`frame_columns`, `flow_count`, `visible_flows`, `flow_anchor`).
//!
//! **Columns per redraw.** The page draws the flows from one object of columns
//! ([`FlowMap::frame_columns`]) and the basemap from another ([`FlowMap::basemap_columns`]):
//! views of the module's memory where the scene keeps the column, read at once.

/// Keyboard access to the flows: where a flow chosen with the keyboard is shown.
mod a11y;
/// What the `<flowlines-map>` element's API asks the core: ids, fitted views, colours.
mod api;
/// The core's pixels put onto the page's canvases: particles and the static layer's routes.
mod canvas;
/// The clustered map of a story too large to show flow by flow: a switch and its columns.
#[cfg(feature = "clusters")]
mod clusters;
/// The columns the page draws each redraw: flows and basemap, as views of wasm memory.
mod columns;
/// Fault injection for the browser test of a panic (cargo feature `fault`).
#[cfg(feature = "fault")]
mod fault;
/// A story read in the page's story worker, handed to the map.
mod handover;
/// The detail inset and the zoom controls' corner, as the core frames the map.
mod inset;
/// The story's own record: checked-up-to date, version and corrections.
mod record;
/// The map's state for the page's second module, so charts and downloads show the same.
mod state;
/// The story's guided tour for the page, each step with its day and text.
mod steps;
/// The core's style table for the page: dashes, mark bits, colours and radii.
mod style;
/// The view (zoom and pan) as numbers, kept across a resize and in the page's URL.
mod view;
/// The page's words: the catalog, dates, the summary and the data table's rows.
mod words;

/// The module's allocator: talc, quicker than the default (dlmalloc) and smaller.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use flowlines_core::basemap::Basemap;
use flowlines_core::compact::read_validated;
use flowlines_core::date::{format_day, parse_day};
use flowlines_core::details;
use flowlines_core::model::Confidence;
use flowlines_core::pixel_rect::PixelRect;
use flowlines_core::raster::Raster;
use flowlines_core::scene::Scene;
use flowlines_core::source::check_source;
use flowlines_core::stroke_mask::StrokeMask;
use flowlines_core::style::css;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// Radius of a particle, in CSS pixels.
const PARTICLE_RADIUS_CSS: f32 = flowlines_core::particles::PARTICLE_RADIUS_PX as f32;

/// A legend entry: one category.
#[derive(Serialize)]
struct LegendEntry {
    id: String,
    name: String,
    color: String,
}

/// Runs once when the module is instantiated: a panic logs its Rust message (file, line and
/// text) with `console.error` before the module traps, instead of a bare "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Converts a value to a plain JS object (maps as objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A loaded story, fitted to a viewport, ready to draw frame after frame.
#[wasm_bindgen]
pub struct FlowMap {
    pub(crate) scene: Scene,
    /// The detail inset's scene, kept at the same day and filters as the map.
    pub(crate) inset: Option<Scene>,
    /// Whether `scene` and `inset` are swapped, so that the drawing columns read the inset.
    pub(crate) inset_focused: bool,
    /// The particle layer, and the static layer's routes while they are being drawn and put
    /// (see [`FlowMap::fit_route_layer`]).
    pub(crate) raster: Raster,
    /// Whether `raster` holds the routes last drawn rather than the last frame's particles:
    /// [`FlowMap::paint`] then draws the particles again before putting them.
    pub(crate) raster_holds_routes: bool,
    /// The canvas [`FlowMap::paint`] last put the particles on: `None` before the first paint
    /// and after a resize.
    pub(crate) painted: Option<CanvasRenderingContext2d>,
    /// The part of that canvas that may hold particles (the raster's ink when it was last put;
    /// the canvas is transparent elsewhere): the next paint onto it puts that part and the new
    /// frame's ink, not the whole layer.
    pub(crate) shown: PixelRect,
    /// The routes of the static layer when the scene drawn is not the particle layer's size
    /// (the focused inset); empty otherwise.
    pub(crate) route_layer: Raster,
    /// Scratch coverage for [`FlowMap::paint_routes`] (empty until first used).
    pub(crate) route_mask: StrokeMask,
    pub(crate) dpr: f32,
    /// The clustered layer, while the map is clustered (see `set_clustering`).
    #[cfg(feature = "clusters")]
    pub(crate) clusters: Option<Box<flowlines_core::cluster::ClusterLayer>>,
}

impl FlowMap {
    /// A map of `story` before its first resize: no canvas yet, the light theme.
    fn of_story(story: flowlines_core::model::Story) -> FlowMap {
        FlowMap {
            scene: Scene::new(story),
            inset: None,
            inset_focused: false,
            raster: Raster::new(0, 0),
            raster_holds_routes: false,
            painted: None,
            shown: PixelRect::default(),
            route_layer: Raster::new(0, 0),
            route_mask: StrokeMask::new(0, 0),
            dpr: 1.0,
            #[cfg(feature = "clusters")]
            clusters: None,
        }
    }
}

#[wasm_bindgen]
impl FlowMap {
    /// Parses and validates `text` (a JSON story of at most 10 MiB, `MAX_PAGE_FILE_BYTES`) with
    /// the plain reader; `file` names it in the error. Only with the cargo feature `testing`:
    /// the page's module reads the binary compact form ([`FlowMap::from_validated_bytes`]) and
    /// holds no JSON reader. Throws an `Error` saying the first problem.
    #[cfg(feature = "testing")]
    #[wasm_bindgen(constructor)]
    pub fn new(file: &str, text: &str) -> Result<FlowMap, JsError> {
        let story = flowlines_core::parse::read_plain(text)
            .map_err(|e| JsError::new(&format!("{file}: {e}")))?;
        Ok(FlowMap::of_story(story))
    }

    /// Reads a story in the binary compact form that was validated when it was written: one
    /// the build wrote (`flowlines compact`, which validates first) and the page found
    /// unchanged (its sha256 the manifest's: `isBuiltStory` in `www/js/versioned.js`), or one
    /// `Extras.binary` wrote, which validates any other story first (a host's JSON or compact
    /// file, a reader's). At most 10 MiB; small and quick to read. The module does not validate
    /// again, which keeps the validator out of what every reader downloads (README, Weight);
    /// the caps on the file's size, texts and sections still hold. `file` names it in the error.
    /// Throws an `Error` saying the first problem: for a file that is not in that form, that
    /// it is not.
    pub fn from_validated_bytes(file: &str, bytes: &[u8]) -> Result<FlowMap, JsError> {
        let story = read_validated(bytes).map_err(|e| JsError::new(&format!("{file}: {e}")))?;
        Ok(FlowMap::of_story(story))
    }

    /// Parses and validates a story kept as CSV tables: `names[i]` (`places.csv`, ...) is the
    /// file whose text is `texts[i]`. Throws like the constructor. Only with the cargo feature
    /// `csv`: the page loads JSON, and the CSV reader would add 13 KB gzipped to every reader's
    /// download.
    #[cfg(feature = "csv")]
    pub fn from_csv(names: Vec<String>, texts: Vec<String>) -> Result<FlowMap, JsError> {
        let files: flowlines_core::parse::CsvFiles = names.into_iter().zip(texts).collect();
        let story =
            flowlines_core::parse::load_csv(&files).map_err(|d| JsError::new(&d.to_string()))?;
        Ok(FlowMap::of_story(story))
    }

    /// A synthetic story of `flows` animated flows among `places` places over Eurasia, the
    /// same for the same `seed`: for benchmarks.
    pub fn synthetic(places: usize, flows: usize, seed: u64) -> FlowMap {
        let story = flowlines_core::synthetic::synthetic_story(places.max(2), flows, 5, seed);
        FlowMap::of_story(story)
    }

    /// How many particles the last frame drew.
    pub fn particle_count(&self) -> usize {
        self.scene.particle_stream().len()
    }

    /// Fits the map to `width` by `height` CSS pixels on a screen of `dpr` device pixels per
    /// CSS pixel; the particle layer is rasterised at device resolution.
    pub fn resize(&mut self, width: f64, height: f64, dpr: f64) {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        let height = if height.is_finite() {
            height.max(1.0)
        } else {
            1.0
        };
        let dpr = if dpr.is_finite() {
            dpr.clamp(0.5, 4.0)
        } else {
            1.0
        };
        self.dpr = dpr as f32;
        self.focus_inset(false);
        self.scene.resize(width, height);
        self.remake_inset();
        self.raster = Raster::new(
            (width * dpr).round() as usize,
            (height * dpr).round() as usize,
        );
        self.raster_holds_routes = false;
        self.painted = None;
        self.route_layer = Raster::new(0, 0);
        self.route_mask = StrokeMask::new(0, 0);
    }

    /// Moves the story to `day` (days since 1970-01-01, fractions allowed). Returns whether the
    /// static layer (routes, widths, styles) changed and must be drawn again.
    pub fn set_day(&mut self, day: f64) -> bool {
        if day.is_finite() {
            self.on_both(|s| s.set_day(day))
        } else {
            false
        }
    }

    /// Computes the particles at animation clock `clock_s` seconds and rasterises them.
    pub fn frame(&mut self, clock_s: f64) {
        let clock_s = if clock_s.is_finite() { clock_s } else { 0.0 };
        #[cfg(feature = "fault")]
        fault::maybe_panic(&self.scene, clock_s);
        #[cfg(feature = "clusters")]
        if self.clusters.is_some() {
            self.draw_particles();
            return;
        }
        self.scene.frame(clock_s);
        self.draw_particles();
    }

    /// Draws the last frame's particles into the particle layer (a clustered map carries
    /// none: its flows are sums, not the streams).
    fn draw_particles(&mut self) {
        self.raster_holds_routes = false;
        #[cfg(feature = "clusters")]
        if self.clusters.is_some() {
            self.raster.clear();
            return;
        }
        self.scene
            .paint_particles(&mut self.raster, self.dpr, PARTICLE_RADIUS_CSS);
    }

    /// Whether the story has more flows or places than a map can show (the core's rule,
    /// `flowlines_core::cluster::needs_clustering`): the page then reads it again with the map
    /// module built with clustering (pkg/flowlines_wasm_clusters.js) and draws it clustered.
    pub fn needs_clustering(&self) -> bool {
        let story = self.scene.story();
        flowlines_core::cluster::needs_clustering(story.places.len(), story.streams.len())
    }

    /// Thins particles where they are denser than a reader can see (off until asked for): past
    /// the point where the particles' discs together would cover the whole map, each moving
    /// flow keeps the same share of its particles, at least one.
    pub fn set_thinning(&mut self, on: bool) {
        self.scene.set_thinning(on);
    }

    /// Computes the particles without rasterising them: for `tools/frame-time.mjs --place`,
    /// which times placing alone (only with the feature `testing`; the page never calls it).
    #[cfg(feature = "testing")]
    pub fn frame_positions(&mut self, clock_s: f64) {
        let clock_s = if clock_s.is_finite() { clock_s } else { 0.0 };
        self.scene.frame(clock_s);
    }

    /// Zooms by `factor` about (`x`, `y`) CSS pixels.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64) {
        if x.is_finite() && y.is_finite() {
            self.focus_inset(false);
            self.scene.zoom_at(x, y, factor);
        }
    }

    /// Pans by (`dx`, `dy`) CSS pixels.
    pub fn pan_by(&mut self, dx: f64, dy: f64) {
        self.focus_inset(false);
        self.scene.pan_by(dx, dy);
    }

    /// Back to the fitted map.
    pub fn reset_view(&mut self) {
        self.focus_inset(false);
        self.scene.reset_view();
    }

    /// The zoom factor (1 for the fitted map).
    pub fn zoom(&self) -> f64 {
        self.scene.view().k
    }

    /// Shows or hides the streams of category `id`.
    pub fn set_category_visible(&mut self, id: &str, visible: bool) {
        self.on_both(|s| {
            s.set_category_visible(id, visible);
            false
        });
    }

    /// Shows or hides the flows that the legend's row for `confidence` governs ("confirmed",
    /// "reported", "claimed", "proposed", "denied"): those whose strongest claim is that
    /// confidence, and for "proposed" also the denied ones, which have no row of their own (the
    /// rule: `flowlines_core::legend_toggle`). Throws on any other word.
    pub fn set_confidence_visible(
        &mut self,
        confidence: &str,
        visible: bool,
    ) -> Result<(), JsError> {
        let c = Confidence::ALL
            .into_iter()
            .find(|c| c.as_str() == confidence)
            .ok_or_else(|| JsError::new(&format!("unknown confidence '{confidence}'")))?;
        self.on_both(|s| {
            flowlines_core::legend_toggle::toggle_confidence_row(s, c, visible);
            false
        });
        Ok(())
    }

    /// What is under (`x`, `y`) CSS pixels: `{kind: "place" | "stream", index}`, or `null`.
    pub fn hit(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        to_js(&flowlines_core::hit::hit(&self.scene, x, y))
    }

    /// What the reader is told about stream `i`, names in `lang`; `null` for no such stream.
    pub fn stream_details(&self, i: usize, lang: &str) -> Result<JsValue, JsError> {
        to_js(&details::stream_details(&self.scene, i, lang))
    }

    /// What the reader is told about place `i`, names in `lang`; `null` for no such place.
    pub fn place_details(&self, i: usize, lang: &str) -> Result<JsValue, JsError> {
        to_js(&details::place_details(&self.scene, i, lang))
    }

    /// The categories with their names in `lang` and colours: `[{id, name, color}]`.
    pub fn categories(&self, lang: &str) -> Result<JsValue, JsError> {
        let story = self.scene.story();
        let list: Vec<LegendEntry> = story
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| LegendEntry {
                id: c.id.clone(),
                name: c.names.get(lang).to_string(),
                color: css(self.scene.color_of_category(i)),
            })
            .collect();
        to_js(&list)
    }

    /// The timeline's events: `[{day, at, date, label, place}]`, oldest first; `at` is where
    /// the day falls on the timeline, from 0 (start) to 1 (end) (the rules:
    /// `flowlines_core::timeline`).
    pub fn events(&self, lang: &str) -> Result<JsValue, JsError> {
        to_js(&flowlines_core::timeline::timeline_events(
            self.scene.story(),
            lang,
        ))
    }

    /// x, y in CSS pixels of each place, in the story's order.
    pub fn place_xy(&self) -> Vec<f32> {
        self.scene.place_xy().to_vec()
    }

    /// Each place's label beside its dot in `lang` ("en", "ko", "uk", "ru"), in the story's
    /// order: its map label where the data gives one ("Moscow" for Russia), else its name.
    pub fn place_names(&self, lang: &str) -> Vec<String> {
        self.scene
            .story()
            .places
            .iter()
            .map(|p| p.map_label(lang).to_string())
            .collect()
    }

    /// x, y in CSS pixels of each particle of the last frame.
    #[cfg(feature = "testing")]
    pub fn particle_xy(&self) -> Vec<f32> {
        self.scene.particle_xy().to_vec()
    }

    /// The story's title in `lang`.
    pub fn title(&self, lang: &str) -> String {
        self.scene.story().story.title.get(lang).to_string()
    }

    /// The story's summary in `lang` (empty when it has none).
    pub fn summary(&self, lang: &str) -> String {
        let s = &self.scene.story().story;
        s.summary
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default()
    }

    /// The story's caveat in `lang` (empty when it has none).
    pub fn caveat(&self, lang: &str) -> String {
        let s = &self.scene.story().story;
        s.caveat
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default()
    }

    /// Loads the basemap (the JSON `flowlines basemap` writes); throws when it does not parse.
    /// Only with the feature `testing`: the page loads either form with `set_basemap_bytes`.
    #[cfg(feature = "testing")]
    pub fn set_basemap(&mut self, text: &str) -> Result<(), JsError> {
        let b = Basemap::from_json(text).map_err(|e| JsError::new(&format!("basemap: {e}")))?;
        self.on_both(|s| {
            s.set_basemap(b.clone());
            false
        });
        Ok(())
    }

    /// Loads the basemap from the bytes of its compact form (`basemap.bin`, `flowlines basemap
    /// --bin`); throws when they are not that form: the map module holds no JSON reader, and
    /// the page asks the second module for the compact form of a JSON basemap
    /// (`Extras.compact_basemap`).
    pub fn set_basemap_bytes(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        let b = Basemap::from_compact(bytes).map_err(|e| JsError::new(&format!("basemap: {e}")))?;
        self.scene.set_basemap(b);
        Ok(())
    }

    /// The basemap's land rings, x, y in CSS pixels.
    #[cfg(feature = "testing")]
    pub fn land_xy(&self) -> Vec<f32> {
        self.scene.basemap().land_xy.clone()
    }

    /// The basemap's land borders, x, y in CSS pixels.
    #[cfg(feature = "testing")]
    pub fn border_xy(&self) -> Vec<f32> {
        self.scene.basemap().border_xy.clone()
    }

    /// Where each border line starts in `border_xy`, in points, plus the total.
    #[cfg(feature = "testing")]
    pub fn border_lines(&self) -> Vec<u32> {
        self.scene.basemap().border_lines.clone()
    }

    /// Where each place's label goes (top-left x, y in CSS pixels; NaN when hidden), given the
    /// labels' measured `widths` and their `height`, avoiding dots, arrowheads and each other.
    pub fn place_labels(&self, widths: Vec<f32>, height: f64) -> Vec<f32> {
        let widths: Vec<f64> = widths.into_iter().map(f64::from).collect();
        self.scene.place_labels(&widths, height)
    }

    /// The first day of the story's timeline (days since 1970-01-01).
    pub fn start_day(&self) -> f64 {
        f64::from(self.scene.story().story.start.first())
    }

    /// The day the map opens at when no `at=` asks for another: the story's `open_at`, else
    /// the first day of its timeline (days since 1970-01-01).
    pub fn open_day(&self) -> f64 {
        let meta = &self.scene.story().story;
        f64::from(meta.open_at.as_ref().unwrap_or(&meta.start).first())
    }

    /// The last day of the story's timeline (days since 1970-01-01).
    pub fn end_day(&self) -> f64 {
        f64::from(self.scene.story().story.end.last())
    }

    /// Whether the page may load its story or basemap from `url`: throws an `Error` saying why
    /// not. `home` is the map's own folder and `allowed` the publisher's allow-list, all
    /// absolute URLs normalised by the browser (the rule: `flowlines_core::source`).
    pub fn check_source(url: &str, home: &str, allowed: Vec<String>) -> Result<(), JsError> {
        check_source(url, home, &allowed).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The day number of a `YYYY-MM-DD` date; throws on anything else.
    pub fn day_of(date: &str) -> Result<f64, JsError> {
        parse_day(date)
            .map(f64::from)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// A day number as `YYYY-MM-DD`.
    pub fn date_of(day: f64) -> String {
        if day.is_finite() {
            format_day(day.floor().clamp(-1.0e6, 1.0e6) as i32)
        } else {
            String::new()
        }
    }
}
