//! Each stream's path projected once by the raw projection, kept until the projection changes:
//! fitting the map to a new size and laying it out then scale and shift these points, where
//! each resize projected every point of every path twice (sines, cosines and a floating-point
//! remainder per point, most of a layout's time at 1,000 flows).

use super::{distinct_paths, Scene};
use crate::projection::Raw;
use std::collections::HashMap;
use std::sync::Arc;

/// A path's points, shared by the streams that follow it.
type Path = Arc<[(f64, f64)]>;

/// Paths in raw projected coordinates (y up, as [`Raw::forward`] gives them), and the raw
/// projection they were made with.
#[derive(Debug, Clone, Default)]
pub(super) struct PlanePaths {
    /// The projection of `paths`; `None` until first asked for.
    raw: Option<Raw>,
    /// Each stream's path, streams sharing a path on the globe sharing it here too.
    paths: Vec<Path>,
}

impl Scene {
    /// Each stream's path projected by `raw` (see [`PlanePaths`]), projected now if it was
    /// last projected by another.
    pub(super) fn plane_paths(&mut self, raw: Raw) -> &[Path] {
        if self.plane.raw != Some(raw) {
            let mut done: HashMap<*const (f64, f64), Path> = HashMap::new();
            let paths = self
                .paths_lonlat
                .iter()
                .map(|path| {
                    done.entry(path.as_ptr())
                        .or_insert_with(|| {
                            path.iter()
                                .map(|&(lon, lat)| raw.forward(lon, lat))
                                .collect()
                        })
                        .clone()
                })
                .collect();
            self.plane = PlanePaths {
                raw: Some(raw),
                paths,
            };
        }
        &self.plane.paths
    }

    /// Each distinct path projected by `raw`, once however many streams share it.
    pub(super) fn distinct_plane_paths(&mut self, raw: Raw) -> Vec<&[(f64, f64)]> {
        distinct_paths(self.plane_paths(raw))
            .map(|p| &p[..])
            .collect()
    }
}

#[cfg(test)]
mod tests {
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
            assert_eq!(&projected[..], &b[..]);
        }
        // Streams that share a path on the globe share it projected.
        for (i, j) in (0..lonlat.len()).flat_map(|i| (0..i).map(move |j| (i, j))) {
            let shared = std::ptr::eq(lonlat[i].as_ptr(), lonlat[j].as_ptr());
            assert_eq!(shared, std::ptr::eq(plane[i].as_ptr(), plane[j].as_ptr()));
        }
        // Asked again with the same projection: the same paths, not projected again.
        assert!(std::ptr::eq(
            scene.plane_paths(raw)[0].as_ptr(),
            plane[0].as_ptr()
        ));
        // Another projection: projected again.
        let turned = raw.recentred(100.0, 40.0);
        let again = scene.plane_paths(turned)[0].clone();
        let first = lonlat[0].first().map(|&(lo, la)| turned.forward(lo, la));
        assert_eq!(again.first().copied(), first);
    }
}
