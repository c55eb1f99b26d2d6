//! The default story's routes lie on real ground: an overland route stays on the land of the
//! countries it lists, and a sea route stays at sea, against the basemap the page draws: the
//! compact `data/basemap.bin` the page loads, built for this story's extent by `flowlines
//! basemap --story data/nk-russia.json`.
#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use flowlines_core::basemap::Basemap;
use flowlines_core::model::{Mode, Route, Story};
use flowlines_core::parse::load_json;
use flowlines_core::route::{distance_m, geodesic_path};
use geo::{Closest, ClosestPoint, Coord, LineString, Point, Polygon};
use isocountry::CountryCode;

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");
const BASEMAP: &[u8] = include_bytes!("../../../data/basemap.bin");

/// How far an overland route's point may stray from its countries' land: the basemap's coasts
/// and borders are simplified to about 5 km, and a railway may run along a border river.
const LAND_TOLERANCE_M: f64 = 5_000.0;
/// How far from its ends a sea route may still be on land: a port lies in a city.
const PORT_REACH_M: f64 = 30_000.0;
/// The spacing of the points checked along a path: finer than the 50 km pieces drawn.
const STEP_M: f64 = 5_000.0;

fn story() -> Story {
    load_json("nk-russia.json", NK_RUSSIA).unwrap_or_else(|d| panic!("{d}"))
}

/// The path a route draws, in `(longitude, latitude)` degrees, every [`STEP_M`] at most.
fn path(story: &Story, route: &Route) -> Vec<(f64, f64)> {
    let at = |id: &str| {
        let p = story.places.iter().find(|p| p.id == id).unwrap();
        (p.lon, p.lat)
    };
    geodesic_path(at(&route.from), &route.waypoints, at(&route.to), STEP_M)
}

/// The world-atlas id (ISO 3166-1 numeric, as the basemap keeps it) of an alpha-2 code.
fn basemap_id(alpha2: &str) -> String {
    let code = CountryCode::for_alpha2(alpha2).unwrap_or_else(|e| panic!("{alpha2}: {e}"));
    format!("{:03}", code.numeric_id())
}

fn polygons(map: &Basemap, id: &str) -> Vec<Polygon<f64>> {
    let country = map
        .countries
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no country {id} in the basemap"));
    country
        .polygons
        .iter()
        .map(|rings| {
            let ring = |flat: &Vec<f64>| {
                LineString::new(
                    flat.chunks_exact(2)
                        .map(|p| Coord { x: p[0], y: p[1] })
                        .collect(),
                )
            };
            let mut it = rings.iter().map(ring);
            Polygon::new(it.next().unwrap(), it.collect())
        })
        .collect()
}

/// How far the point is from the land of `lands`, in metres: zero on it, else the distance to
/// a nearest point of their outlines (an upper bound: the nearest in degrees, measured on the
/// globe).
fn metres_off_land(lands: &[Polygon<f64>], p: (f64, f64)) -> f64 {
    let point = Point::new(p.0, p.1);
    lands
        .iter()
        .map(|poly| match poly.closest_point(&point) {
            Closest::Intersection(_) => 0.0,
            Closest::SinglePoint(q) => distance_m(p, (q.x(), q.y())),
            Closest::Indeterminate => f64::INFINITY,
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn every_rail_and_road_route_lists_the_countries_it_crosses() {
    for r in &story().routes {
        if matches!(r.mode, Mode::Rail | Mode::Road) {
            assert!(!r.countries.is_empty(), "route {} lists no countries", r.id);
        }
    }
}

#[test]
fn every_overland_route_stays_on_the_land_of_the_countries_it_lists() {
    let story = story();
    let map = Basemap::from_compact(BASEMAP).unwrap();
    let mut checked = 0;
    for r in story.routes.iter().filter(|r| !r.countries.is_empty()) {
        let lands: Vec<Polygon<f64>> = r
            .countries
            .iter()
            .flat_map(|c| polygons(&map, &basemap_id(c)))
            .collect();
        let off: Vec<String> = path(&story, r)
            .into_iter()
            .filter_map(|p| {
                let d = metres_off_land(&lands, p);
                (d > LAND_TOLERANCE_M)
                    .then(|| format!("({:.2}, {:.2}) is {:.0} km off", p.0, p.1, d / 1000.0))
            })
            .collect();
        assert!(
            off.is_empty(),
            "route {} leaves {:?}: {}",
            r.id,
            r.countries,
            off.join("; ")
        );
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the rail route and the troops' route are checked"
    );
}

#[test]
fn every_sea_route_stays_at_sea_away_from_its_ports() {
    let story = story();
    let map = Basemap::from_compact(BASEMAP).unwrap();
    let mut checked = 0;
    for r in story.routes.iter().filter(|r| r.mode == Mode::Sea) {
        let points = path(&story, r);
        let (first, last) = (points[0], points[points.len() - 1]);
        let ashore: Vec<String> = points
            .iter()
            .filter(|&&p| distance_m(p, first) > PORT_REACH_M && distance_m(p, last) > PORT_REACH_M)
            .filter_map(|&p| {
                map.country_at(p.0, p.1)
                    .map(|c| format!("({:.2}, {:.2}) in {}", p.0, p.1, c.name))
            })
            .collect();
        assert!(
            ashore.is_empty(),
            "sea route {} crosses land: {}",
            r.id,
            ashore.join("; ")
        );
        checked += 1;
    }
    assert!(checked >= 1);
}

#[test]
fn a_route_off_its_land_is_caught() {
    // Beijing lies in China, hundreds of kilometres from Russia's or North Korea's land.
    let map = Basemap::from_compact(BASEMAP).unwrap();
    let lands: Vec<Polygon<f64>> = ["KP", "RU"]
        .iter()
        .flat_map(|c| polygons(&map, &basemap_id(c)))
        .collect();
    assert!(metres_off_land(&lands, (116.4, 39.9)) > 300_000.0);
    assert_eq!(metres_off_land(&lands, (37.62, 55.76)), 0.0, "Moscow");
}

#[test]
fn a_country_that_is_not_an_iso_code_is_refused() {
    let text = NK_RUSSIA.replacen(
        "\"countries\": [\"KP\", \"RU\"]",
        "\"countries\": [\"KP\", \"Russia\"]",
        1,
    );
    let errors = load_json("nk-russia.json", &text).unwrap_err().to_string();
    assert!(
        errors.contains("'Russia' is not an ISO 3166-1 alpha-2 country code"),
        "{errors}"
    );
}

#[test]
fn the_basemap_the_page_draws_is_the_default_story_s_and_holds_every_route() {
    let story = story();
    let map = Basemap::from_compact(BASEMAP).unwrap();
    let extent = flowlines_core::extent::Extent::of_story(&story);
    assert_eq!(
        map.bbox, extent.bbox,
        "rebuild it: flowlines basemap --story data/nk-russia.json"
    );
    for r in &story.routes {
        for p in path(&story, r) {
            assert!(extent.contains(p.0, p.1), "route {} at {p:?}", r.id);
        }
    }
}
