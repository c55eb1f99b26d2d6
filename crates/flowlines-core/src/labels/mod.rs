//! Placing place labels so that they overlap neither each other nor the flows.
//!
//! Placement is greedy: labels are taken highest priority first and each goes to the first
//! free one of eight candidate positions around its point. "Free" means inside the viewport
//! and overlapping no label already placed, no dot of any requested point (every dot is drawn,
//! labelled or not) and no obstacle such as an arrowhead or the legend. A label with no free
//! position is hidden rather than drawn over something.
//!
//! Everything placed so far lives in a uniform grid of buckets over the viewport, so a
//! candidate is tested only against what shares its cells: hundreds of labels and thousands of
//! obstacles take well under a millisecond, with no pass over all pairs.
//!
//! All lengths are CSS pixels, with y growing downwards as on a canvas.

use flowlines_raster::within::within;
use std::f64::consts::FRAC_1_SQRT_2;

/// The grid of buckets that holds everything placed so far.
mod grid;

use grid::{typical_label_side, Grid, Shape};

/// The space between a label and the edge of its point's dot, in CSS pixels, so that the text
/// does not touch the dot.
pub const LABEL_GAP_PX: f64 = 2.0;

/// An axis-aligned rectangle in CSS pixels: `x`, `y` is its top-left corner and `width`,
/// `height` (non-negative) its extent to the right and downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge, in CSS pixels.
    pub x: f64,
    /// Top edge, in CSS pixels (y down).
    pub y: f64,
    /// Width, in CSS pixels.
    pub width: f64,
    /// Height, in CSS pixels.
    pub height: f64,
}

impl Rect {
    /// A rectangle with top-left corner (`x`, `y`) and the given `width` and `height`, all in
    /// CSS pixels.
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The right edge, in CSS pixels.
    #[inline]
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge, in CSS pixels (y down).
    #[inline]
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the two rectangles share some area. Rectangles that only touch along an edge or
    /// at a corner do not intersect, so labels may sit flush against each other; an empty
    /// rectangle intersects nothing.
    #[inline]
    pub fn intersects(&self, other: &Rect) -> bool {
        self.width > 0.0
            && self.height > 0.0
            && other.width > 0.0
            && other.height > 0.0
            && self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this rectangle; its edges may lie on this one's.
    #[inline]
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Whether this rectangle shares some area with the open disc of radius `r` centred on
    /// (`cx`, `cy`); a disc of radius zero overlaps nothing.
    #[inline]
    fn overlaps_disc(&self, cx: f64, cy: f64, r: f64) -> bool {
        if !(r > 0.0 && self.width > 0.0 && self.height > 0.0) {
            return false;
        }
        // The rectangle's point nearest the centre, by comparisons (`f64::max` and `min` are
        // calls out of line in the map module); a NaN centre overlaps nothing either way.
        let near = |v: f64, low: f64, high: f64| {
            if v < low {
                low
            } else if v > high {
                high
            } else {
                v
            }
        };
        let dx = cx - near(cx, self.x, self.right());
        let dy = cy - near(cy, self.y, self.bottom());
        dx * dx + dy * dy < r * r
    }
}

/// A label to place next to a point, such as a place's name beside its dot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    /// The point's x, in CSS pixels.
    pub x: f64,
    /// The point's y, in CSS pixels (y down).
    pub y: f64,
    /// The label's width, in CSS pixels (as measured by the page).
    pub width: f64,
    /// The label's height, in CSS pixels.
    pub height: f64,
    /// The radius of the point's dot, in CSS pixels; labels keep [`LABEL_GAP_PX`] clear of it.
    pub radius: f64,
    /// How much the label matters: higher is placed first and so wins contested space. Equal
    /// priorities keep input order; NaN counts as the lowest.
    pub priority: f64,
}

impl LabelRequest {
    /// The rectangle this label would occupy at `anchor`, keeping [`LABEL_GAP_PX`] between it
    /// and the edge of its dot. Side anchors centre the label on the point along the other
    /// axis; corner anchors put the label's nearest corner on the 45° diagonal.
    pub fn rect_at(&self, anchor: Anchor) -> Rect {
        let (w, h) = (self.width, self.height);
        let off = self.radius.max(0.0) + LABEL_GAP_PX;
        let diag = off * FRAC_1_SQRT_2;
        let (x, y) = match anchor {
            Anchor::East => (self.x + off, self.y - h / 2.0),
            Anchor::West => (self.x - off - w, self.y - h / 2.0),
            Anchor::North => (self.x - w / 2.0, self.y - off - h),
            Anchor::South => (self.x - w / 2.0, self.y + off),
            Anchor::NorthEast => (self.x + diag, self.y - diag - h),
            Anchor::NorthWest => (self.x - diag - w, self.y - diag - h),
            Anchor::SouthEast => (self.x + diag, self.y + diag),
            Anchor::SouthWest => (self.x - diag - w, self.y + diag),
        };
        Rect::new(x, y, w, h)
    }

    /// Whether the request can be placed at all: a finite point and a finite, non-negative
    /// label size.
    fn is_valid(&self) -> bool {
        self.x.is_finite()
            && self.y.is_finite()
            && self.width.is_finite()
            && self.height.is_finite()
            && self.width >= 0.0
            && self.height >= 0.0
    }

    /// The point's dot, for the index; a dot with an unusable radius is left out.
    fn dot(&self) -> Option<Shape> {
        (self.x.is_finite() && self.y.is_finite() && self.radius.is_finite() && self.radius > 0.0)
            .then_some(Shape::Disc {
                x: self.x,
                y: self.y,
                r: self.radius,
            })
    }
}

/// Which side of its point a label went to, as a compass direction on the screen (north is
/// up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Right of the point, vertically centred.
    East,
    /// Left of the point, vertically centred.
    West,
    /// Above the point, horizontally centred.
    North,
    /// Below the point, horizontally centred.
    South,
    /// Above and to the right.
    NorthEast,
    /// Above and to the left.
    NorthWest,
    /// Below and to the right.
    SouthEast,
    /// Below and to the left.
    SouthWest,
}

impl Anchor {
    /// The candidate positions in the order they are tried: east first, as map labels are
    /// read left to right, then west, then straight above and below, then the corners.
    pub const CANDIDATES: [Anchor; 8] = [
        Anchor::East,
        Anchor::West,
        Anchor::North,
        Anchor::South,
        Anchor::NorthEast,
        Anchor::NorthWest,
        Anchor::SouthEast,
        Anchor::SouthWest,
    ];
}

/// Where a label went: its rectangle in CSS pixels and the side of its point it is on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The label's rectangle, in CSS pixels.
    pub rect: Rect,
    /// Which side of its point the label is on, for text alignment.
    pub anchor: Anchor,
}

/// Places labels greedily, highest priority first, each at the first of eight candidate
/// positions around its point ([`Anchor::CANDIDATES`], east first, as map labels are read)
/// that stays inside `viewport` and overlaps no placed label, no dot of any requested point,
/// and no obstacle (arrowheads, legend). Returns one entry per request, in request order,
/// `None` where no position is free (the label is hidden; the dot is still drawn).
///
/// Equal priorities keep input order, so the same input always gives the same output. A
/// viewport that is not finite with a positive size places nothing; a request with a
/// non-finite point or size, or a negative size, is `None`.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    viewport: Rect,
) -> Vec<Option<Placement>> {
    let mut out = vec![None; requests.len()];
    let usable = [viewport.x, viewport.y, viewport.width, viewport.height]
        .iter()
        .all(|v| v.is_finite())
        && viewport.width > 0.0
        && viewport.height > 0.0;
    if !usable || requests.is_empty() {
        return out;
    }

    let fixed = requests
        .iter()
        .filter_map(LabelRequest::dot)
        .chain(obstacles.iter().map(|&o| Shape::Rect(o)));
    let mut grid = Grid::new(viewport, typical_label_side(requests), fixed);

    let mut order: Vec<usize> = (0..requests.len()).collect();
    // Highest priority first (the key's order reversed); ties keep input order.
    crate::order::sort_by_key(&mut order, |&i| {
        !crate::order::f64_key(priority_key(&requests[i]))
    });

    for i in order {
        let req = &requests[i];
        if !req.is_valid() {
            continue;
        }
        // Plain loops, not iterator adapters: the map module builds this crate for size, and
        // there (and in a browser's first, quick compile) each adapter is a call per position.
        'anchors: for anchor in Anchor::CANDIDATES {
            let (rects, count) = positions(req, anchor, viewport);
            for &rect in &rects[..count] {
                if viewport.contains_rect(&rect) && !grid.overlaps(&rect) {
                    grid.place(rect);
                    out[i] = Some(Placement { rect, anchor });
                    break 'anchors;
                }
            }
        }
    }
    out
}

/// The positions tried for a label, in order: each anchor's ([`Anchor::CANDIDATES`]) from
/// [`positions`].
#[cfg(test)]
fn candidates(req: LabelRequest, viewport: Rect) -> impl Iterator<Item = (Anchor, Rect)> {
    Anchor::CANDIDATES.into_iter().flat_map(move |anchor| {
        let (rects, count) = positions(&req, anchor, viewport);
        rects
            .into_iter()
            .take(count)
            .map(move |rect| (anchor, rect))
    })
}

/// The positions tried for a label at `anchor`, in order, and how many of the three there
/// are: above and below its dot, a label that sticks out of the viewport at the side is slid
/// back in, and one blocked there is tried ending just past its dot, then starting just
/// before it: a long name in a small view (a detail inset) reads as well off-centre as
/// centred, as long as it spans its dot. Elsewhere, the one position at the anchor. An array,
/// not a vector: this runs eight times a label, twice, and an allocation each time was a fair
/// part of the labels' time.
fn positions(req: &LabelRequest, anchor: Anchor, viewport: Rect) -> ([Rect; 3], usize) {
    let (x, r) = (req.x, req.radius.max(0.0));
    let rect = req.rect_at(anchor);
    let side = matches!(anchor, Anchor::North | Anchor::South)
        && rect.width.is_finite()
        && x.is_finite()
        && rect.width <= viewport.width;
    if !side {
        return ([rect; 3], 1);
    }
    let at = |left: f64| Rect::new(left, rect.y, rect.width, rect.height);
    // A hair inside, so that rounding cannot put the right edge past the viewport's.
    let inside = within(
        rect.x,
        viewport.x + 1e-6,
        viewport.right() - rect.width - 1e-6,
    );
    let slid = within(inside, x - rect.width, x);
    ([at(slid), at(x + r - rect.width), at(x - r)], 3)
}

/// The request's priority for sorting, with NaN as the lowest.
fn priority_key(r: &LabelRequest) -> f64 {
    if r.priority.is_nan() {
        f64::NEG_INFINITY
    } else {
        r.priority
    }
}

#[cfg(test)]
mod tests;
