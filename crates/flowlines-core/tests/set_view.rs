//! Setting the view directly (a shared link's zoom): limits and the viewport still hold.
#![allow(clippy::unwrap_used)]

use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;
use flowlines_core::view::{View, MAX_ZOOM, MIN_ZOOM};

fn scene() -> Scene {
    let story = load_json(
        "nk-russia.json",
        include_str!("../../../data/nk-russia.json"),
    )
    .unwrap();
    let mut s = Scene::new(story);
    s.resize(1000.0, 600.0);
    s
}

#[test]
fn a_view_set_from_outside_is_the_view_zooming_would_give() {
    let mut zoomed = scene();
    zoomed.zoom_at(300.0, 200.0, 2.5);
    zoomed.pan_by(-40.0, 25.0);
    let mut set = scene();
    set.set_view(zoomed.view());
    assert_eq!(set.view(), zoomed.view());
    assert_eq!(set.place_xy(), zoomed.place_xy());
    assert_eq!(set.route_xy(), zoomed.route_xy());
}

#[test]
fn a_view_set_from_outside_keeps_the_limits_and_the_map_on_screen() {
    let mut s = scene();
    s.set_view(View {
        k: 100.0,
        tx: 50.0,
        ty: -1e9,
    });
    let v = s.view();
    assert_eq!(v.k, MAX_ZOOM);
    assert_eq!(v.tx, 0.0);
    assert_eq!(v.ty, 600.0 - 600.0 * MAX_ZOOM);
    s.set_view(View {
        k: 0.2,
        tx: 10.0,
        ty: 10.0,
    });
    assert_eq!(
        s.view(),
        View {
            k: MIN_ZOOM,
            tx: 0.0,
            ty: 0.0
        }
    );
    let before = s.view();
    s.set_view(View {
        k: f64::NAN,
        tx: 0.0,
        ty: 0.0,
    });
    assert_eq!(s.view(), before, "a non-finite view is ignored");
}
