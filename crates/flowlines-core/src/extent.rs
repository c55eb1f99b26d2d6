//! The part of the globe a story's map can show: the region its basemap is clipped to
//! (`flowlines basemap --story FILE`, see `docs/basemap.md`).
//!
//! The map is fitted to the story's places and routes ([`crate::scene::Scene::resize`]: the
//! projection [`crate::projection_choice`] chooses, the frame [`crate::frame`] fits) and the
//! reader can zoom in but never out past that fit, nor pan off it ([`crate::view`]). So what a
//! map shows is the fitted view of its viewport, which depends only on the viewport's shape.
//! The extent is the region the fitted views of [`VIEWPORTS`] show:
//!
//! 1. fit the story's scene to each viewport and take the rectangle holding their views, in
//!    the projection's plane, [`MARGIN_PX`] wider on every side;
//! 2. take its edges, [`EDGE_STEPS`] points to a side, back to longitude and latitude: that
//!    ring is the extent's [`Extent::outline`] (a fan between two parallels on a conic);
//!    longitudes are unwrapped to within 180° of the projection's centre, so a view across
//!    the antimeridian (Busan to Vancouver) gives one ring (say 115° E to 245° E, that is
//!    115° W) and not one round the globe;
//! 3. a view holding a pole, or reaching past the projection's edge, has no such ring: its
//!    extent is the box from its lowest latitude to the pole, round every longitude (or the
//!    whole globe).
//!
//! [`Extent::bbox`] is the outline's bounds, `[west, south, east, north]` in degrees with
//! `west` within -180 to 180 and `east` greater than `west`, possibly past 180. Its
//! [`Extent::width_deg`] decides the basemap's scale: past [`WIDE_EXTENT_DEG`] the map is drawn
//! from Natural Earth's 1:110m countries, which are fine enough for a map of a hemisphere and
//! a third of the size of the 1:50m ones.
//!
//! [`VIEWPORTS`]: crate::extent::VIEWPORTS
//! [`MARGIN_PX`]: crate::extent::MARGIN_PX
//! [`EDGE_STEPS`]: crate::extent::EDGE_STEPS
//! [`Extent::outline`]: crate::extent::Extent::outline
//! [`Extent::bbox`]: crate::extent::Extent::bbox
//! [`Extent::width_deg`]: crate::extent::Extent::width_deg
//! [`WIDE_EXTENT_DEG`]: crate::extent::WIDE_EXTENT_DEG

use crate::compact_basemap::STEPS_PER_DEGREE;
use crate::model::Story;
use crate::projection::Raw;
use crate::scene::Scene;
use crate::trig;
use crate::turn::lon_east_of;
use geo::{Contains, Coord, LineString, Point, Polygon};

/// The viewport shapes (width, height in CSS pixels) whose fitted views the extent covers: the
/// map of the static image (`flowlines render` at 1200 by 630, the page's fallback, whose
/// legend leaves the map 870 by 431) and the element at its default 5:3
/// (`www/css/flowlines.css`). On a narrower or wider shape (the element's 3:4 on a phone) the
/// fitted view may reach past the extent, where the map shows no land.
pub const VIEWPORTS: [(f64, f64); 2] = [(870.0, 431.0), (1000.0, 600.0)];
/// Points taken back along each edge of the views' rectangle.
pub const EDGE_STEPS: usize = 64;
/// CSS pixels added on every side of the views' rectangle, at the first viewport's scale.
pub const MARGIN_PX: f64 = 10.0;
/// An extent wider than this many degrees of arc ([`Extent::width_deg`]) gets the 1:110m
/// basemap; a narrower one 1:50m. The default story's extent, Ukraine to Korea, is 104°;
/// Busan to Vancouver 110°.
pub const WIDE_EXTENT_DEG: f64 = 120.0;

/// A region of the globe (see the module's documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct Extent {
    /// West, south, east, north in degrees; `west` within -180 to 180, `east` above `west`
    /// and at most `west + 360`.
    pub bbox: [f64; 4],
    /// The region's closed outline, `(lon, lat)` degrees, longitudes continuous (between
    /// `bbox`'s west and east); for a box, its four corners.
    pub outline: Vec<(f64, f64)>,
}

impl Extent {
    /// The box `[west, south, east, north]` (degrees), `west` moved within -180 to 180 and
    /// `east` with it; `None` unless `west < east <= west + 360` and `-90 <= south < north <= 90`.
    pub fn new([west, south, east, north]: [f64; 4]) -> Option<Extent> {
        let ok = [west, south, east, north].iter().all(|v| v.is_finite())
            && west < east
            && east - west <= 360.0
            && (-90.0..north).contains(&south)
            && north <= 90.0;
        let shift = (west + 180.0).div_euclid(360.0) * 360.0;
        let (w, e) = (west - shift, east - shift);
        ok.then(|| Extent {
            bbox: [w, south, e, north],
            outline: vec![(w, south), (e, south), (e, north), (w, north), (w, south)],
        })
    }

    /// The whole globe.
    pub fn world() -> Extent {
        Extent {
            bbox: [-180.0, -90.0, 180.0, 90.0],
            outline: vec![
                (-180.0, -90.0),
                (180.0, -90.0),
                (180.0, 90.0),
                (-180.0, 90.0),
                (-180.0, -90.0),
            ],
        }
    }

    /// The extent of `story`'s map: see the module's documentation.
    pub fn of_story(story: &Story) -> Extent {
        let mut scene = Scene::new(story.clone());
        let raw = scene.projection().raw();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut margin = None;
        for (w, h) in VIEWPORTS {
            scene.resize(w, h);
            let proj = *scene.projection();
            let (tx, ty) = proj.translate();
            let k = proj.scale();
            margin.get_or_insert(MARGIN_PX / k);
            (x0, x1) = (x0.min(-tx / k), x1.max((w - tx) / k));
            (y0, y1) = (y0.min((ty - h) / k), y1.max(ty / k));
        }
        let m = margin.unwrap_or(0.0);
        Extent::of_rect(raw, [x0 - m, y0 - m, x1 + m, y1 + m])
    }

    /// The region the rectangle `[x0, y0, x1, y1]` of `raw`'s plane (y up) shows.
    pub fn of_rect(raw: Raw, [x0, y0, x1, y1]: [f64; 4]) -> Extent {
        let centre = raw.center().0;
        let unwrap = |lon: f64| lon - 360.0 * ((lon - centre) / 360.0).round();
        let inside = |(x, y): (f64, f64)| (x0..=x1).contains(&x) && (y0..=y1).contains(&y);
        let mut ring = Vec::with_capacity(4 * EDGE_STEPS + 1);
        let mut whole = true;
        for side in 0..4 {
            for i in 0..EDGE_STEPS {
                let t = i as f64 / EDGE_STEPS as f64;
                let (x, y) = match side {
                    0 => (x0 + t * (x1 - x0), y0),
                    1 => (x1, y0 + t * (y1 - y0)),
                    2 => (x1 - t * (x1 - x0), y1),
                    _ => (x0, y1 - t * (y1 - y0)),
                };
                let (lon, lat) = raw.invert(x, y);
                // A point past the projection's edge does not come back where it was.
                let (bx, by) = raw.forward(lon, lat);
                whole &= lon.is_finite() && (bx - x).abs() + (by - y).abs() < 1e-6;
                ring.push((unwrap(lon), lat));
            }
        }
        // On a conic a pole is an arc: it is in view if any of its points is.
        let pole_in_view = |lat: f64| (0..360).any(|lon| inside(raw.forward(f64::from(lon), lat)));
        let (south_pole, north_pole) = (pole_in_view(-90.0), pole_in_view(90.0));
        let lats = ring.iter().map(|p| p.1);
        let (south, north) = (
            lats.clone().fold(f64::MAX, f64::min),
            lats.fold(f64::MIN, f64::max),
        );
        let box_to = |s: f64, n: f64| {
            Extent::new([centre - 180.0, s, centre + 180.0, n]).unwrap_or_else(Extent::world)
        };
        // Past a conic's pole the plane holds nothing: the box to the pole holds the rest.
        match (south_pole, north_pole) {
            (true, true) => return Extent::world(),
            (false, true) => return box_to(floor_to_grid(south), 90.0),
            (true, false) => return box_to(-90.0, ceil_to_grid(north)),
            (false, false) if !whole => return Extent::world(),
            (false, false) => {}
        }
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
        let lons = ring.iter().map(|p| p.0);
        let (west, east) = (
            lons.clone().fold(f64::MAX, f64::min),
            lons.fold(f64::MIN, f64::max),
        );
        let Some(mut extent) = Extent::new([
            floor_to_grid(west),
            floor_to_grid(south),
            ceil_to_grid(east),
            ceil_to_grid(north),
        ]) else {
            return Extent::world();
        };
        let shift = extent.bbox[0] - floor_to_grid(west);
        extent.outline = ring
            .into_iter()
            .map(|(lon, lat)| (lon + shift, lat))
            .collect();
        extent
    }

    /// How wide the extent is, in degrees of arc: the longer of its middle parallel's length
    /// (its longitudes' span times the cosine of its middle latitude) and its span of latitude.
    /// An extent holding a pole spans the globe's every longitude and counts as 180°.
    pub fn width_deg(&self) -> f64 {
        let [west, south, east, north] = self.bbox;
        if south <= -90.0 || north >= 90.0 {
            return 180.0;
        }
        let middle = trig::cos(((south + north) / 2.0).to_radians());
        ((east - west) * middle).max(north - south)
    }

    /// Whether the extent is wide ([`WIDE_EXTENT_DEG`]): drawn from 1:110m, not 1:50m.
    pub fn is_wide(&self) -> bool {
        self.width_deg() > WIDE_EXTENT_DEG
    }

    /// The outline as a polygon, `x` longitude and `y` latitude in degrees.
    pub fn polygon(&self) -> Polygon<f64> {
        Polygon::new(
            LineString::new(self.outline.iter().map(|&(x, y)| Coord { x, y }).collect()),
            vec![],
        )
    }

    /// `lon` moved by a whole number of turns into the extent's longitudes, if it falls there.
    pub fn lon_within(&self, lon: f64) -> Option<f64> {
        let [west, _, east, _] = self.bbox;
        let moved = lon_east_of(west, lon);
        (moved <= east).then_some(moved)
    }

    /// Whether every point of this extent's outline lies in the box `[west, south, east,
    /// north]` (degrees; a basemap's `bbox`), longitudes turned into the box's: whether a
    /// basemap of that box covers what this extent's map shows.
    pub fn lies_within(&self, [west, south, east, north]: [f64; 4]) -> bool {
        self.outline.iter().all(|&(lon, lat)| {
            let turned = lon_east_of(west, lon);
            (south..=north).contains(&lat) && (turned <= east || east - west >= 360.0)
        })
    }

    /// Whether the place at `lon`, `lat` (degrees) lies in the extent's outline.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let inside = |lon: f64| {
            let p = Point::new(lon, lat);
            let poly = self.polygon();
            poly.contains(&p) || poly.exterior().contains(&p)
        };
        self.lon_within(lon).is_some_and(inside)
    }
}

/// Rounded down to the basemap's grid ([`STEPS_PER_DEGREE`]).
fn floor_to_grid(v: f64) -> f64 {
    (v * STEPS_PER_DEGREE).floor() / STEPS_PER_DEGREE
}

/// Rounded up to the basemap's grid.
fn ceil_to_grid(v: f64) -> f64 {
    (v * STEPS_PER_DEGREE).ceil() / STEPS_PER_DEGREE
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_extent_across_the_antimeridian_holds_both_shores() {
        let pacific = Extent::new([120.0, 20.0, 250.0, 70.0]).unwrap();
        assert!(pacific.contains(129.04, 35.10), "Busan");
        assert!(pacific.contains(-123.12, 49.28), "Vancouver");
        assert_eq!(pacific.lon_within(-123.12), Some(-123.12 + 360.0));
        assert!(!pacific.contains(2.35, 48.86), "Paris");
    }

    #[test]
    fn an_extent_is_kept_with_its_west_within_a_turn() {
        let e = Extent::new([200.0, 0.0, 260.0, 10.0]).unwrap();
        assert_eq!(e.bbox, [-160.0, 0.0, -100.0, 10.0]);
        assert!(Extent::new([10.0, 0.0, 5.0, 10.0]).is_none());
        assert!(Extent::new([0.0, 0.0, 400.0, 10.0]).is_none());
        assert!(Extent::new([0.0, 10.0, 5.0, 0.0]).is_none());
    }

    fn story(text: &str) -> Story {
        crate::parse::load_json("story.json", text).unwrap()
    }

    #[test]
    fn the_default_story_s_extent_holds_its_places_and_crimea_and_is_regional() {
        let story = story(include_str!("../../../data/nk-russia.json"));
        let e = Extent::of_story(&story);
        for p in &story.places {
            assert!(e.contains(p.lon, p.lat), "{} at {:?}", p.id, (p.lon, p.lat));
        }
        assert!(e.contains(34.10, 44.95), "Simferopol");
        assert!(!e.contains(-3.7, 40.4), "Madrid");
        assert!(!e.is_wide(), "{}", e.width_deg());
    }

    #[test]
    fn the_pacific_story_s_extent_runs_across_the_antimeridian() {
        let story = story(include_str!("../../../data/fixtures/pacific.json"));
        let e = Extent::of_story(&story);
        let [west, _, east, _] = e.bbox;
        assert!(west < 129.04 && east > 180.0, "{:?}", e.bbox);
        assert!(e.contains(129.04, 35.10), "Busan");
        assert!(e.contains(-123.12, 49.28), "Vancouver");
        assert!(e.contains(-149.9, 61.2), "Anchorage");
    }

    #[test]
    fn every_edge_of_every_fitted_view_lies_in_the_extent() {
        let story = story(include_str!("../../../data/nk-russia.json"));
        let e = Extent::of_story(&story);
        let mut scene = Scene::new(story);
        for (w, h) in VIEWPORTS {
            scene.resize(w, h);
            let proj = *scene.projection();
            for i in 0..=20 {
                let t = f64::from(i) / 20.0;
                for (x, y) in [(t * w, 0.0), (t * w, h), (0.0, t * h), (w, t * h)] {
                    let (lon, lat) = proj.invert(x, y);
                    assert!(e.contains(lon, lat), "{w}x{h} at ({x}, {y}): {lon}, {lat}");
                }
            }
        }
    }

    #[test]
    fn the_default_basemap_covers_the_default_story_but_not_the_pacific_one() {
        let bbox = crate::basemap::Basemap::from_json(include_str!("../../../data/basemap.json"))
            .unwrap()
            .bbox;
        let nk = Extent::of_story(&story(include_str!("../../../data/nk-russia.json")));
        let pacific = Extent::of_story(&story(include_str!("../../../data/fixtures/pacific.json")));
        assert!(nk.lies_within(bbox));
        assert!(!pacific.lies_within(bbox));
        assert!(pacific.lies_within(pacific.bbox));
    }

    #[test]
    fn a_polar_extent_is_wide_and_a_regional_one_is_not() {
        assert!(Extent::new([-180.0, 60.0, 180.0, 90.0]).unwrap().is_wide());
        assert!(!Extent::new([20.0, 40.0, 40.0, 55.0]).unwrap().is_wide());
    }
}
