//! Clustering for stories with more flows or places than a map can show (issue 14, item 6).
//!
//! Places are grouped by zoom level ([`tree`]), as FlowmapBlue and flowmap.gl do: at each zoom
//! a cluster gathers the places within [`CLUSTER_RADIUS_PX`] screen pixels of each other, and
//! zooming in splits clusters. Flows between clusters are added up one unit at a time
//! ([`flows`]): figures in different units are never added, and each unit keeps its own width
//! scale. The [`MAX_DRAWN_FLOWS`] largest (by their share of their unit's largest) are drawn
//! whole; the rest are summed per unit into one line ([`words::rest_line`]) that the map
//! shows. [`layer`] lays it out for the page; [`words`] says what a cluster holds.
//!
//! A story is clustered only when it has more than [`CLUSTER_ABOVE_STREAMS`] streams or
//! [`CLUSTER_ABOVE_PLACES`] places ([`needs_clustering`]), and only where the page asks for it:
//! small stories, such as the default one and the examples, are never clustered.
//!
//! [`tree`]: crate::cluster::tree
//! [`CLUSTER_RADIUS_PX`]: crate::cluster::CLUSTER_RADIUS_PX
//! [`flows`]: crate::cluster::flows
//! [`MAX_DRAWN_FLOWS`]: crate::cluster::MAX_DRAWN_FLOWS
//! [`words::rest_line`]: crate::cluster::words::rest_line
//! [`layer`]: crate::cluster::layer
//! [`words`]: crate::cluster::words
//! [`CLUSTER_ABOVE_STREAMS`]: crate::cluster::CLUSTER_ABOVE_STREAMS
//! [`CLUSTER_ABOVE_PLACES`]: crate::cluster::CLUSTER_ABOVE_PLACES
//! [`needs_clustering`]: crate::cluster::needs_clustering

pub mod flows;
pub mod layer;
pub mod tree;
pub mod words;

pub use flows::{aggregate, members, Aggregate, ClusterFlow, Member, Rest};
pub use layer::{ClusterHit, ClusterLayer};
pub use tree::{ClusterTree, Level};

/// Places closer than this on screen, in CSS pixels, are drawn as one cluster.
pub const CLUSTER_RADIUS_PX: f64 = 40.0;

/// The most flows a clustered map draws at once; the rest are summed per unit.
pub const MAX_DRAWN_FLOWS: usize = 500;

/// A story with more streams than this is clustered (where the page asks for it).
pub const CLUSTER_ABOVE_STREAMS: usize = 2_000;

/// A story with more places than this is clustered (where the page asks for it).
pub const CLUSTER_ABOVE_PLACES: usize = 500;

/// Whether a story of `places` places and `streams` streams has more than a map can show.
pub fn needs_clustering(places: usize, streams: usize) -> bool {
    places > CLUSTER_ABOVE_PLACES || streams > CLUSTER_ABOVE_STREAMS
}

/// The indices of `keys`, the largest key first, equal keys in index order: the one ordering
/// every clustering rule uses (one sort, so that the map's WebAssembly carries one).
pub fn heaviest_first(keys: &[f64]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        keys[b as usize]
            .total_cmp(&keys[a as usize])
            .then(a.cmp(&b))
    });
    order
}

/// The distance between two points, in their units.
fn distance((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> f64 {
    crate::polyline::length(x1 - x0, y1 - y0)
}
