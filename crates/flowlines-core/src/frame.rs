//! The map's frame: how the flows fill the viewport, which crowded cluster of places gets a
//! detail inset at the same time, and which corner the zoom controls go to, so that neither the
//! inset nor the controls cover any flow.
//!
//! A news map of flows that span a continent has one region where many places crowd (here the
//! front line, with Kyiv, Kursk, Bryansk, Kharkiv and Donbas a few dozen pixels apart) and wide
//! empty land elsewhere. The frame is chosen in three steps:
//!
//! 1. fit the bounding box of every place and every route to the viewport;
//! 2. find the crowded cluster: places closer than [`CROWDED_PX`] to each other on that fit,
//!    joined into groups (single linkage); the largest group of [`MIN_INSET_PLACES`] to
//!    [`MAX_INSET_PLACES`] places, not all of them, gets an inset;
//! 3. try each position of the inset (a corner on a landscape map, the top or bottom band on a
//!    portrait one) with each corner for the controls, fitting the flows into the whole
//!    viewport or into the strip beside or above the inset, centred or pushed to a side; keep
//!    the largest scale at which no place and no route point lies under the inset or the
//!    controls. An inset that would shrink the flows below [`MIN_SCALE_SHARE`] of the plain
//!    fit is left out.
//!
//! All lengths are CSS pixels, y down, unless a name says otherwise.
//!
//! [`CROWDED_PX`]: crate::frame::CROWDED_PX
//! [`MIN_INSET_PLACES`]: crate::frame::MIN_INSET_PLACES
//! [`MAX_INSET_PLACES`]: crate::frame::MAX_INSET_PLACES
//! [`MIN_SCALE_SHARE`]: crate::frame::MIN_SCALE_SHARE

use crate::crowded::crowded_groups;
use crate::labels::Rect;
use crate::polyline::length;
use crate::projection::{Projection, Raw};

/// Places closer than this on the fitted map crowd each other: their labels cannot all be
/// placed beside their dots.
pub const CROWDED_PX: f64 = 60.0;
/// The fewest places a detail inset is made for.
pub const MIN_INSET_PLACES: usize = 3;
/// The most places a detail inset is made for: a larger crowd is the whole map, not a detail.
pub const MAX_INSET_PLACES: usize = 12;
/// Space kept between the flows' centre lines and the inset or the controls: room for
/// parallel streams drawn side by side, their widths and arrowheads.
pub const CLEAR_PX: f64 = 24.0;
/// Space between the inset or the controls and the viewport's edge.
pub const EDGE_PX: f64 = 8.0;
/// An inset is shown only if the flows keep at least this share of the scale they would have
/// without it.
pub const MIN_SCALE_SHARE: f64 = 0.7;
/// Most route points tested per candidate frame; a story with more is sampled evenly.
const MAX_TESTED_POINTS: usize = 20_000;

/// A corner of the viewport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    /// Top left.
    TopLeft,
    /// Top right.
    TopRight,
    /// Bottom left.
    BottomLeft,
    /// Bottom right.
    BottomRight,
}

impl Corner {
    /// Every corner, in the order the controls try them: top right first, where a reader looks
    /// last on a map read left to right.
    pub const ALL: [Corner; 4] = [
        Corner::TopRight,
        Corner::TopLeft,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];

    /// Its name for the page: `top-left`, `top-right`, `bottom-left` or `bottom-right`.
    pub fn as_str(self) -> &'static str {
        match self {
            Corner::TopLeft => "top-left",
            Corner::TopRight => "top-right",
            Corner::BottomLeft => "bottom-left",
            Corner::BottomRight => "bottom-right",
        }
    }

    /// A `width` by `height` box in this corner of a `vw` by `vh` viewport, [`EDGE_PX`] in.
    pub fn rect(self, width: f64, height: f64, vw: f64, vh: f64) -> Rect {
        let x = match self {
            Corner::TopLeft | Corner::BottomLeft => EDGE_PX,
            _ => vw - EDGE_PX - width,
        };
        let y = match self {
            Corner::TopLeft | Corner::TopRight => EDGE_PX,
            _ => vh - EDGE_PX - height,
        };
        Rect::new(x, y, width, height)
    }
}

/// A detail inset: a second, larger-scale view of a crowded cluster of places.
#[derive(Debug, Clone, PartialEq)]
pub struct Inset {
    /// Where the inset sits in the viewport.
    pub rect: Rect,
    /// Its projection, in the inset's own pixels (origin at its top-left corner).
    pub projection: Projection,
    /// The places it shows in detail, as indices into the story's places.
    pub places: Vec<usize>,
}

/// The frame of the map in one viewport.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The main map's projection.
    pub projection: Projection,
    /// The detail inset, if a cluster of places crowds.
    pub inset: Option<Inset>,
    /// The corner the zoom controls go to.
    pub controls: Corner,
}

/// What a frame is made for.
#[derive(Debug, Clone, Copy)]
pub struct FrameRequest<'a> {
    /// The raw projection.
    pub raw: Raw,
    /// Each place, `(lon, lat)` degrees, in story order.
    pub places: &'a [(f64, f64)],
    /// Each distinct route's points projected by `raw` (y up, as [`Raw::forward`] gives them;
    /// a path shared by many streams once), so that a scene projects its paths once and not
    /// on every resize.
    pub paths: &'a [&'a [(f64, f64)]],
    /// The viewport's width.
    pub width: f64,
    /// The viewport's height.
    pub height: f64,
    /// Space kept free around the flows, at each side of the region they are fitted to.
    pub padding: f64,
    /// The zoom controls' width and height (zero when there are none).
    pub controls: (f64, f64),
}

/// The points to fit, in raw projected coordinates (y up): their bounding box, and the points
/// a frame is tested against.
struct Shape {
    /// At most [`MAX_TESTED_POINTS`] of the points, evenly spread: every `n`th from the first.
    tested: Vec<(f64, f64)>,
    /// `x0, y0, x1, y1`.
    bbox: (f64, f64, f64, f64),
}

impl Shape {
    /// The shape of the points `lonlat` (degrees) projected by `raw` and the points `plane`,
    /// already projected by it; points that are not numbers are left out. Only the points
    /// tested are kept: a story of 100,000 flows has about two million route points, which
    /// were copied here whole (32 MB) to find their box and test a hundredth of them. Kept
    /// out of line, as [`Shape::clear_of`] is: the loops over every point are what V8 finds
    /// hot in a set-up, and it then optimises these two alone, not all of [`frame`] (whose
    /// optimising compile took 17 ms of a 1,000-flow page's two cores while its static layer
    /// was drawn).
    #[inline(never)]
    fn new(
        raw: &Raw,
        lonlat: impl Iterator<Item = (f64, f64)> + Clone,
        plane: impl Iterator<Item = (f64, f64)> + Clone,
    ) -> Option<Shape> {
        let finite = |&(a, b): &(f64, f64)| a.is_finite() && b.is_finite();
        let count = lonlat.clone().filter(finite).count() + plane.clone().filter(finite).count();
        if count == 0 {
            return None;
        }
        let step = count.div_ceil(MAX_TESTED_POINTS).max(1);
        let mut tested = Vec::with_capacity(count.div_ceil(step));
        let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let points = lonlat
            .filter(finite)
            .map(|(lon, lat)| raw.forward(lon, lat))
            .chain(plane.filter(finite));
        for (i, (x, y)) in points.enumerate() {
            bbox = (bbox.0.min(x), bbox.1.min(y), bbox.2.max(x), bbox.3.max(y));
            if i % step == 0 {
                tested.push((x, y));
            }
        }
        Some(Shape { tested, bbox })
    }

    /// The projection that fits the shape into `region` less `padding` on every side, pushed
    /// to share `fx` of the horizontal slack and `fy` of the vertical one (0 left or top, 0.5
    /// centred, 1 right or bottom).
    fn fit(&self, raw: Raw, region: Rect, padding: f64, fx: f64, fy: f64) -> Projection {
        let (x0, y0, x1, y1) = self.bbox;
        let w = (region.width - 2.0 * padding).max(1.0);
        let h = (region.height - 2.0 * padding).max(1.0);
        let (dx, dy) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
        let scale = (w / dx).min(h / dy);
        let slack_x = w - scale * dx;
        let slack_y = h - scale * dy;
        let tx = region.x + padding + fx * slack_x - scale * x0;
        let ty = region.y + padding + fy * slack_y + scale * y1;
        Projection::new(raw, scale, tx, ty)
    }

    /// Whether no point of the shape, projected by `p`, lies in any of `rects` grown by
    /// [`CLEAR_PX`]; at most [`MAX_TESTED_POINTS`] points are tested, evenly spread.
    #[inline(never)]
    fn clear_of(&self, p: &Projection, rects: &[Rect]) -> bool {
        let grown: Vec<Rect> = rects
            .iter()
            .filter(|r| r.width > 0.0 && r.height > 0.0)
            .map(|r| {
                Rect::new(
                    r.x - CLEAR_PX,
                    r.y - CLEAR_PX,
                    r.width + 2.0 * CLEAR_PX,
                    r.height + 2.0 * CLEAR_PX,
                )
            })
            .collect();
        self.tested.iter().all(|&(x, y)| {
            let (sx, sy) = p.from_raw(x, y);
            !grown
                .iter()
                .any(|r| sx > r.x && sx < r.right() && sy > r.y && sy < r.bottom())
        })
    }
}

/// Where the flows may go around an inset: the whole viewport, the strip beside it and the
/// strip above or below it.
fn regions(viewport: Rect, inset: Option<Rect>) -> Vec<Rect> {
    let mut out = vec![viewport];
    if let Some(r) = inset {
        let gap = EDGE_PX;
        if r.x > viewport.x + viewport.width / 2.0 {
            out.push(Rect::new(0.0, 0.0, r.x - gap, viewport.height));
        } else if r.right() < viewport.right() - 1.0 {
            let x = r.right() + gap;
            out.push(Rect::new(x, 0.0, viewport.right() - x, viewport.height));
        }
        if r.y > viewport.y + viewport.height / 2.0 {
            out.push(Rect::new(0.0, 0.0, viewport.width, r.y - gap));
        } else {
            let y = r.bottom() + gap;
            out.push(Rect::new(0.0, y, viewport.width, viewport.bottom() - y));
        }
    }
    out.retain(|r| r.width > 1.0 && r.height > 1.0);
    out
}

/// Where the flows are tried within a region: centred first, then pushed to each side.
const PUSHES: [(f64, f64); 9] = [
    (0.5, 0.5),
    (0.5, 0.0),
    (0.5, 1.0),
    (0.0, 0.5),
    (1.0, 0.5),
    (0.0, 0.0),
    (1.0, 0.0),
    (0.0, 1.0),
    (1.0, 1.0),
];

/// The inset's boxes to try in a `width` by `height` viewport: on a portrait viewport a band
/// across the whole width at the bottom (read after the whole map) or the top, on a landscape
/// one a box in a corner, nearest to `(cx, cy)` (the crowded cluster on the plain fit) first. None when the viewport
/// is too small for an inset to be legible.
fn inset_boxes(width: f64, height: f64, cx: f64, cy: f64) -> Vec<Rect> {
    let mut boxes = if height >= width {
        let (w, h) = (width - 2.0 * EDGE_PX, (0.48 * height).clamp(150.0, 360.0));
        vec![
            Rect::new(EDGE_PX, height - EDGE_PX - h, w, h),
            Rect::new(EDGE_PX, EDGE_PX, w, h),
        ]
    } else {
        let (w, h) = (
            (0.4 * width).clamp(200.0, 420.0),
            (0.56 * height).clamp(150.0, 360.0),
        );
        if w > 0.5 * width || h > 0.6 * height {
            return Vec::new();
        }
        [
            Corner::BottomLeft,
            Corner::TopLeft,
            Corner::BottomRight,
            Corner::TopRight,
        ]
        .map(|c| c.rect(w, h, width, height))
        .to_vec()
    };
    if boxes.iter().any(|b| b.width < 180.0 || b.height < 140.0) {
        return Vec::new();
    }
    if height < width {
        let distance = |r: &Rect| length(r.x + r.width / 2.0 - cx, r.y + r.height / 2.0 - cy);
        crate::order::sort_by_key(&mut boxes, |b| crate::order::f64_key(distance(b)));
    }
    boxes
}

/// The inset's projection: `raw` turned to the middle of `places`, so that north is up in the
/// detail, and `places` fitted into a `width` by `height` box with room for their labels.
/// Longitudes are averaged unwrapped around `raw`'s centre, so that a cluster across the
/// antimeridian has its middle among its places.
fn inset_projection(raw: Raw, places: &[(f64, f64)], width: f64, height: f64) -> Projection {
    let n = places.len().max(1) as f64;
    let mid = places.iter().map(|p| raw.unwrap_lon(p.0)).sum::<f64>() / n;
    let mid_lat = places.iter().map(|p| p.1).sum::<f64>() / n;
    let raw = raw.recentred(mid, mid_lat);
    let shape = Shape::new(&raw, places.iter().copied(), std::iter::empty());
    let pad_x = (0.2 * width).max(24.0);
    let pad_y = (0.13 * height).max(26.0);
    let region = Rect::new(pad_x, pad_y, width - 2.0 * pad_x, height - 2.0 * pad_y);
    match shape {
        Some(s) => s.fit(raw, region, 0.0, 0.5, 0.5),
        None => Projection::fit(raw, [], width, height, 0.0),
    }
}

/// The best frame for `req`: see the module's documentation.
pub fn frame(req: &FrameRequest<'_>) -> Frame {
    let (width, height) = (req.width.max(1.0), req.height.max(1.0));
    let viewport = Rect::new(0.0, 0.0, width, height);
    let paths = req.paths.iter().flat_map(|p| p.iter().copied());
    let Some(shape) = Shape::new(&req.raw, req.places.iter().copied(), paths) else {
        return Frame {
            projection: Projection::fit(req.raw, [], width, height, req.padding),
            inset: None,
            controls: Corner::TopRight,
        };
    };
    let plain = shape.fit(req.raw, viewport, req.padding, 0.5, 0.5);
    let controls = |corner: Corner| {
        let (w, h) = req.controls;
        (w > 0.0 && h > 0.0).then(|| corner.rect(w, h, width, height))
    };

    // The best frame for one inset box (or none): the largest scale with the flows clear of it
    // and of the controls.
    let best_for = |inset: Option<Rect>| -> Option<(Projection, Corner)> {
        let mut best: Option<(Projection, Corner)> = None;
        for corner in Corner::ALL {
            let ctl = controls(corner);
            if let (Some(c), Some(i)) = (ctl, inset) {
                if c.intersects(&i) {
                    continue;
                }
            }
            let obstacles: Vec<Rect> = inset.into_iter().chain(ctl).collect();
            for region in regions(viewport, inset) {
                for (fx, fy) in PUSHES {
                    let p = shape.fit(req.raw, region, req.padding, fx, fy);
                    let better = best.is_none_or(|(b, _)| p.scale() > b.scale() * (1.0 + 1e-9));
                    if better && shape.clear_of(&p, &obstacles) {
                        best = Some((p, corner));
                    }
                }
            }
            if req.controls.0 <= 0.0 || req.controls.1 <= 0.0 {
                break; // no controls: one corner is as good as another
            }
        }
        best
    };

    let without = best_for(None).unwrap_or((plain, Corner::TopRight));
    let on_plain: Vec<(f64, f64)> = req
        .places
        .iter()
        .map(|&(lon, lat)| plain.forward(lon, lat))
        .collect();
    let cluster = crowded_groups(&on_plain).into_iter().find(|g| {
        (MIN_INSET_PLACES..=MAX_INSET_PLACES).contains(&g.len()) && g.len() < req.places.len()
    });
    if let Some(places) = cluster {
        let n = places.len() as f64;
        let cx = places.iter().map(|&i| on_plain[i].0).sum::<f64>() / n;
        let cy = places.iter().map(|&i| on_plain[i].1).sum::<f64>() / n;
        let mut best: Option<(Projection, Corner, Rect)> = None;
        for b in inset_boxes(width, height, cx, cy) {
            if let Some((p, corner)) = best_for(Some(b)) {
                if best.is_none_or(|(q, _, _)| p.scale() > q.scale() * (1.0 + 1e-9)) {
                    best = Some((p, corner, b));
                }
            }
        }
        if let Some((projection, controls, rect)) = best {
            if projection.scale() >= MIN_SCALE_SHARE * without.0.scale() {
                let lonlat: Vec<(f64, f64)> = places.iter().map(|&i| req.places[i]).collect();
                return Frame {
                    projection,
                    inset: Some(Inset {
                        rect,
                        projection: inset_projection(req.raw, &lonlat, rect.width, rect.height),
                        places,
                    }),
                    controls,
                };
            }
        }
    }
    Frame {
        projection: without.0,
        inset: None,
        controls: without.1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::ConicEqualArea;

    #[test]
    fn a_shape_boxes_every_point_and_tests_every_nth_of_a_large_story() {
        let raw = Raw::from(ConicEqualArea::new(45.0, 55.0, 60.0));
        let n = 3 * MAX_TESTED_POINTS + 7;
        let plane = (0..n).map(|i| (i as f64, -(i as f64)));
        let broken = [(f64::NAN, 1.0), (2.0, f64::INFINITY)];
        let shape = Shape::new(&raw, std::iter::empty(), plane.chain(broken)).unwrap();
        assert_eq!(shape.bbox, (0.0, -(n as f64 - 1.0), n as f64 - 1.0, 0.0));
        let step = n.div_ceil(MAX_TESTED_POINTS);
        let every: Vec<(f64, f64)> = (0..n)
            .step_by(step)
            .map(|i| (i as f64, -(i as f64)))
            .collect();
        assert_eq!(shape.tested, every);
        assert!(shape.tested.len() <= MAX_TESTED_POINTS);
        assert!(Shape::new(&raw, [(f64::NAN, 0.0)].into_iter(), std::iter::empty()).is_none());
    }
}
