//! Each path projected once by the raw projection, kept until the projection changes:
//! fitting the map to a new size and laying it out then scale and shift these points, where
//! each resize projected every point of every path twice (sines, cosines and a floating-point
//! remainder per point, most of a layout's time at 1,000 flows).

use super::Scene;
use crate::projection::Raw;
use std::sync::Arc;

/// The scene's distinct paths in raw projected coordinates (y up, as [`Raw::forward`] gives
/// them), in the order of its paths on the globe, and the raw projection they were made with;
/// shared by a scene's clones (its inset's among them), whose raw projection is the same.
#[derive(Debug, Clone, Default)]
pub(super) struct PlanePaths {
    /// The projection of `paths`; `None` until first asked for.
    raw: Option<Raw>,
    /// Each path, projected.
    paths: Arc<[Vec<(f64, f64)>]>,
}

impl Scene {
    /// Each distinct path projected by `raw` (see [`PlanePaths`]), projected now if it was
    /// last projected by another.
    pub(super) fn plane_paths(&mut self, raw: Raw) -> &[Vec<(f64, f64)>] {
        if self.plane.raw != Some(raw) {
            let paths = self
                .paths_lonlat
                .iter()
                .map(|path| {
                    path.iter()
                        .map(|&(lon, lat)| raw.forward(lon, lat))
                        .collect()
                })
                .collect();
            self.plane = PlanePaths {
                raw: Some(raw),
                paths,
            };
        }
        &self.plane.paths
    }
}

#[cfg(test)]
mod tests {
    use super::Scene;
    use crate::test_support::default_scene_at;

    #[test]
    fn each_path_is_projected_once_per_projection_exactly_as_point_by_point() {
        let mut scene = default_scene_at("2024-12-01");
        let raw = scene.raw;
        let lonlat = scene.paths_lonlat.clone();
        let plane = scene.plane_paths(raw).to_vec();
        assert_eq!(plane.len(), lonlat.len());
        for (a, b) in lonlat.iter().zip(&plane) {
            let projected: Vec<(f64, f64)> =
                a.iter().map(|&(lo, la)| raw.forward(lo, la)).collect();
            assert_eq!(&projected, b);
        }
        // Asked again with the same projection: the same paths, not projected again.
        let first = scene.plane_paths(raw)[0].as_ptr();
        assert!(std::ptr::eq(scene.plane_paths(raw)[0].as_ptr(), first));
        // Another projection: projected again.
        let turned = raw.recentred(100.0, 40.0);
        let again = scene.plane_paths(turned)[0].clone();
        let want = lonlat[0].first().map(|&(lo, la)| turned.forward(lo, la));
        assert_eq!(again.first().copied(), want);
    }

    #[test]
    fn streams_with_the_same_places_and_route_share_one_path() {
        // 6 places and 200 streams: many pairs of places with several streams.
        let scene = Scene::new(crate::synthetic::synthetic_story(6, 200, 2, 7));
        let story = scene.story();
        let mut shared = 0;
        for (i, a) in story.streams.iter().enumerate() {
            for (j, b) in story.streams.iter().enumerate().take(i) {
                let same = (&a.from, &a.to, &a.route) == (&b.from, &b.to, &b.route);
                assert_eq!(
                    same,
                    scene.path_of[i] == scene.path_of[j],
                    "{} and {}",
                    a.id,
                    b.id
                );
                shared += usize::from(same);
            }
        }
        assert!(shared > 0);
        assert!(scene.path_of.iter().all(Option::is_some));
        assert!(scene.paths_lonlat.len() <= 30);
    }
}
