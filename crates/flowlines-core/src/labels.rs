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

use std::f64::consts::FRAC_1_SQRT_2;

/// The space between a label and the edge of its point's dot, in CSS pixels, so that the text
/// does not touch the dot.
pub const LABEL_GAP_PX: f64 = 2.0;

/// Most grid cells along either side of the viewport, so that a tiny label size on a huge
/// viewport cannot make the index larger than the work it saves.
const MAX_CELLS_PER_SIDE: usize = 256;

/// Smallest grid cell side, in CSS pixels.
const MIN_CELL_PX: f64 = 4.0;

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
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge, in CSS pixels (y down).
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the two rectangles share some area. Rectangles that only touch along an edge or
    /// at a corner do not intersect, so labels may sit flush against each other; an empty
    /// rectangle intersects nothing.
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
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Whether this rectangle shares some area with the open disc of radius `r` centred on
    /// (`cx`, `cy`); a disc of radius zero overlaps nothing.
    fn overlaps_disc(&self, cx: f64, cy: f64, r: f64) -> bool {
        if !(r > 0.0 && self.width > 0.0 && self.height > 0.0) {
            return false;
        }
        let dx = cx - cx.clamp(self.x, self.right());
        let dy = cy - cy.clamp(self.y, self.bottom());
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
    // A stable sort, so that ties keep input order.
    order.sort_by(|&a, &b| priority_key(&requests[b]).total_cmp(&priority_key(&requests[a])));

    for i in order {
        let req = &requests[i];
        if !req.is_valid() {
            continue;
        }
        let found = candidates(*req, viewport).find_map(|(anchor, rect)| {
            (viewport.contains_rect(&rect) && !grid.overlaps(&rect))
                .then_some(Placement { rect, anchor })
        });
        if let Some(p) = found {
            grid.place(p.rect);
            out[i] = Some(p);
        }
    }
    out
}

/// The positions tried for a label, in order: each anchor's ([`Anchor::CANDIDATES`]); above
/// and below its dot, a label that sticks out of the viewport at the side is slid back in, and
/// one blocked there is tried ending just past its dot, then starting just before it: a long
/// name in a small view (a detail inset) reads as well off-centre as centred, as long as it
/// spans its dot.
fn candidates(req: LabelRequest, viewport: Rect) -> impl Iterator<Item = (Anchor, Rect)> {
    let (x, r) = (req.x, req.radius.max(0.0));
    Anchor::CANDIDATES.into_iter().flat_map(move |anchor| {
        let rect = req.rect_at(anchor);
        let side = matches!(anchor, Anchor::North | Anchor::South)
            && rect.width.is_finite()
            && x.is_finite()
            && rect.width <= viewport.width;
        let at = |left: f64| Rect::new(left, rect.y, rect.width, rect.height);
        let shifts = if side {
            let slid = rect
                .x
                // A hair inside, so that rounding cannot put the right edge past the viewport's.
                .clamp(viewport.x + 1e-6, viewport.right() - rect.width - 1e-6)
                .clamp(x - rect.width, x);
            vec![at(slid), at(x + r - rect.width), at(x - r)]
        } else {
            vec![rect]
        };
        shifts.into_iter().map(move |rect| (anchor, rect))
    })
}

/// The request's priority for sorting, with NaN as the lowest.
fn priority_key(r: &LabelRequest) -> f64 {
    if r.priority.is_nan() {
        f64::NEG_INFINITY
    } else {
        r.priority
    }
}

/// The side of a square with the mean label area, in CSS pixels: a grid cell of about one
/// label keeps both the cells a label spans and the items per cell few.
fn typical_label_side(requests: &[LabelRequest]) -> f64 {
    let (mut area, mut n) = (0.0, 0.0);
    for r in requests.iter().filter(|r| r.is_valid()) {
        area += r.width * r.height;
        n += 1.0;
    }
    if n > 0.0 {
        (area / n).sqrt()
    } else {
        MIN_CELL_PX
    }
}

/// Something a label must not overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// An obstacle such as an arrowhead or the legend.
    Rect(Rect),
    /// A point's dot: the open disc of radius `r` around (`x`, `y`), in CSS pixels.
    Disc { x: f64, y: f64, r: f64 },
}

impl Shape {
    /// The smallest rectangle around the shape.
    fn bounds(&self) -> Rect {
        match *self {
            Shape::Rect(r) => r,
            Shape::Disc { x, y, r } => Rect::new(x - r, y - r, 2.0 * r, 2.0 * r),
        }
    }

    /// Whether the shape shares some area with `rect`.
    fn overlaps(&self, rect: &Rect) -> bool {
        match *self {
            Shape::Rect(r) => r.intersects(rect),
            Shape::Disc { x, y, r } => rect.overlaps_disc(x, y, r),
        }
    }
}

/// A uniform grid of buckets over the viewport. What is known up front (dots and obstacles)
/// is packed once into one array of indices with each cell's start, with no allocation per
/// cell; labels placed as we go are kept per cell. Only shapes that reach into the viewport
/// are kept, since every candidate label lies inside it.
#[derive(Debug)]
struct Grid {
    viewport: Rect,
    cols: usize,
    rows: usize,
    /// Columns per CSS pixel.
    per_x: f64,
    /// Rows per CSS pixel.
    per_y: f64,
    /// Dots and obstacles.
    fixed: Vec<Shape>,
    /// Where each cell's entries start in `fixed_ids`; one more entry than cells.
    fixed_start: Vec<u32>,
    /// Indices into `fixed`, cell after cell.
    fixed_ids: Vec<u32>,
    /// Labels placed so far.
    placed: Vec<Rect>,
    /// For each cell, indices into `placed`.
    placed_cells: Vec<Vec<u32>>,
}

impl Grid {
    /// A grid over `viewport` (finite, positive size) with cells of about `side` CSS pixels,
    /// holding `fixed` shapes.
    fn new(viewport: Rect, side: f64, fixed: impl IntoIterator<Item = Shape>) -> Self {
        let side = side.max(MIN_CELL_PX);
        let count = |len: f64| ((len / side).ceil() as usize).clamp(1, MAX_CELLS_PER_SIDE);
        let (cols, rows) = (count(viewport.width), count(viewport.height));
        let mut grid = Grid {
            viewport,
            cols,
            rows,
            per_x: cols as f64 / viewport.width,
            per_y: rows as f64 / viewport.height,
            fixed: Vec::new(),
            fixed_start: vec![0; cols * rows + 1],
            fixed_ids: Vec::new(),
            placed: Vec::new(),
            placed_cells: vec![Vec::new(); cols * rows],
        };
        grid.fixed = fixed
            .into_iter()
            .filter(|s| s.bounds().intersects(&viewport))
            .take(u32::MAX as usize)
            .collect();
        // Count the entries of each cell, turn the counts into starts, then fill.
        let spans: Vec<_> = grid.fixed.iter().map(|s| grid.span(&s.bounds())).collect();
        for span in &spans {
            for cell in grid.cells(*span) {
                grid.fixed_start[cell + 1] += 1;
            }
        }
        for i in 1..grid.fixed_start.len() {
            grid.fixed_start[i] += grid.fixed_start[i - 1];
        }
        let mut next = grid.fixed_start.clone();
        grid.fixed_ids = vec![0; next.last().copied().unwrap_or(0) as usize];
        for (id, span) in spans.iter().enumerate() {
            for cell in grid.cells(*span) {
                grid.fixed_ids[next[cell] as usize] = id as u32;
                next[cell] += 1;
            }
        }
        grid
    }

    /// The first and last column and the first and last row of the cells that `r` touches,
    /// clamped to the grid.
    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        // Clamped at zero first, so `as` truncates like `floor` (and cheaper); `f64::max`
        // ignores NaN and `as` saturates, so any input maps into the grid.
        let cell = |v: f64, origin: f64, per: f64, n: usize| {
            (((v - origin) * per).max(0.0) as usize).min(n - 1)
        };
        let vp = &self.viewport;
        (
            cell(r.x, vp.x, self.per_x, self.cols),
            cell(r.right(), vp.x, self.per_x, self.cols),
            cell(r.y, vp.y, self.per_y, self.rows),
            cell(r.bottom(), vp.y, self.per_y, self.rows),
        )
    }

    /// The indices of the cells in a span.
    fn cells(&self, (c0, c1, r0, r1): (usize, usize, usize, usize)) -> impl Iterator<Item = usize> {
        let cols = self.cols;
        (r0..=r1).flat_map(move |row| row * cols + c0..=row * cols + c1)
    }

    /// Records a placed label.
    fn place(&mut self, rect: Rect) {
        let Ok(id) = u32::try_from(self.placed.len()) else {
            return;
        };
        self.placed.push(rect);
        for cell in self.cells(self.span(&rect)) {
            self.placed_cells[cell].push(id);
        }
    }

    /// Whether `rect` overlaps a placed label, a dot or an obstacle.
    fn overlaps(&self, rect: &Rect) -> bool {
        self.cells(self.span(rect)).any(|cell| {
            let placed = self.placed_cells[cell]
                .iter()
                .any(|&id| self.placed[id as usize].intersects(rect));
            let (lo, hi) = (self.fixed_start[cell], self.fixed_start[cell + 1]);
            placed
                || self.fixed_ids[lo as usize..hi as usize]
                    .iter()
                    .any(|&id| self.fixed[id as usize].overlaps(rect))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEWPORT: Rect = Rect::new(0.0, 0.0, 800.0, 500.0);

    /// A small deterministic generator (xorshift64*), so tests need no random crate.
    struct Rng(u64);

    impl Rng {
        fn next_f64(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn request(x: f64, y: f64, priority: f64) -> LabelRequest {
        LabelRequest {
            x,
            y,
            width: 60.0,
            height: 14.0,
            radius: 3.0,
            priority,
        }
    }

    /// 200 places at pseudo-random points of an 800x500 viewport with labels of about 60x14
    /// pixels, and 40 arrowhead-sized obstacles.
    fn dense_places() -> (Vec<LabelRequest>, Vec<Rect>) {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let requests = (0..200)
            .map(|_| LabelRequest {
                x: rng.next_f64() * 800.0,
                y: rng.next_f64() * 500.0,
                width: 40.0 + rng.next_f64() * 40.0,
                height: 14.0,
                radius: 2.0 + rng.next_f64() * 4.0,
                priority: (rng.next_f64() * 10.0).floor(),
            })
            .collect();
        let obstacles = (0..40)
            .map(|_| Rect::new(rng.next_f64() * 800.0, rng.next_f64() * 500.0, 8.0, 8.0))
            .collect();
        (requests, obstacles)
    }

    /// The same greedy placement, testing every candidate against everything: a reference
    /// for the grid.
    fn place_by_brute_force(
        requests: &[LabelRequest],
        obstacles: &[Rect],
        viewport: Rect,
    ) -> Vec<Option<Placement>> {
        let mut order: Vec<usize> = (0..requests.len()).collect();
        order.sort_by(|&a, &b| requests[b].priority.total_cmp(&requests[a].priority));
        let mut out = vec![None; requests.len()];
        let mut placed: Vec<Rect> = Vec::new();
        for i in order {
            let req = &requests[i];
            out[i] = candidates(*req, viewport).find_map(|(anchor, rect)| {
                let free = viewport.contains_rect(&rect)
                    && !placed.iter().any(|p| p.intersects(&rect))
                    && !obstacles.iter().any(|o| o.intersects(&rect))
                    && !requests
                        .iter()
                        .any(|d| rect.overlaps_disc(d.x, d.y, d.radius));
                free.then_some(Placement { rect, anchor })
            });
            if let Some(p) = out[i] {
                placed.push(p.rect);
            }
        }
        out
    }

    #[test]
    fn dense_labels_never_overlap_labels_dots_or_obstacles_and_stay_inside() {
        let (requests, obstacles) = dense_places();
        let out = place_labels(&requests, &obstacles, VIEWPORT);
        assert_eq!(out.len(), requests.len());
        let placed: Vec<Rect> = out.iter().flatten().map(|p| p.rect).collect();
        for (i, a) in placed.iter().enumerate() {
            assert!(VIEWPORT.contains_rect(a), "{a:?} leaves the viewport");
            for b in &placed[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
            for d in &requests {
                assert!(!a.overlaps_disc(d.x, d.y, d.radius), "{a:?} covers {d:?}");
            }
            for o in &obstacles {
                assert!(!a.intersects(o), "{a:?} overlaps obstacle {o:?}");
            }
        }
        assert!(
            placed.len() * 10 >= requests.len() * 4,
            "only {} of {} placed",
            placed.len(),
            requests.len()
        );
    }

    #[test]
    fn the_grid_places_exactly_what_testing_every_pair_would() {
        let (requests, obstacles) = dense_places();
        assert_eq!(
            place_labels(&requests, &obstacles, VIEWPORT),
            place_by_brute_force(&requests, &obstacles, VIEWPORT)
        );
    }

    #[test]
    fn each_label_keeps_the_gap_from_its_own_dot() {
        let r = request(400.0, 250.0, 1.0);
        for anchor in Anchor::CANDIDATES {
            let rect = r.rect_at(anchor);
            assert!(!rect.overlaps_disc(r.x, r.y, r.radius + LABEL_GAP_PX - 1e-9));
            assert!(rect.overlaps_disc(r.x, r.y, r.radius + LABEL_GAP_PX + 1e-6));
        }
        assert_eq!(r.rect_at(Anchor::East), Rect::new(405.0, 243.0, 60.0, 14.0));
    }

    #[test]
    fn the_highest_priority_label_is_placed_even_when_it_comes_last() {
        // Two points side by side: whichever goes first takes the east slot of the pair and
        // blocks the other's east and west.
        let low = request(100.0, 100.0, 1.0);
        let high = request(140.0, 100.0, 5.0);
        let out = place_labels(&[low, high], &[], VIEWPORT);
        assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::East));
        assert_ne!(out[0].map(|p| p.anchor), Some(Anchor::East));

        let (mut requests, obstacles) = dense_places();
        requests.push(request(400.0, 250.0, 100.0));
        let out = place_labels(&requests, &obstacles, VIEWPORT);
        assert!(
            out[200].is_some(),
            "the top label must be placed when it fits"
        );
    }

    #[test]
    fn a_label_blocked_to_the_east_goes_west() {
        let r = request(200.0, 200.0, 1.0);
        let east = Rect::new(210.0, 195.0, 10.0, 10.0);
        let out = place_labels(&[r], &[east], VIEWPORT);
        let p = out[0].map(|p| p.anchor);
        assert_eq!(p, Some(Anchor::West));

        // With the west blocked too, the next free anchor is north.
        let west = Rect::new(180.0, 195.0, 10.0, 10.0);
        let out = place_labels(&[r], &[east, west], VIEWPORT);
        assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::North));
    }

    #[test]
    fn a_label_near_the_right_edge_does_not_leave_the_viewport() {
        let r = request(790.0, 250.0, 1.0);
        let out = place_labels(&[r], &[], VIEWPORT);
        assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::West));
    }

    #[test]
    fn a_long_label_above_a_dot_near_the_edge_slides_in_and_still_spans_its_dot() {
        // Blocked east and west by neighbours' dots, too long to centre above its dot.
        let long = LabelRequest {
            width: 300.0,
            ..request(700.0, 250.0, 2.0)
        };
        let west = request(640.0, 250.0, 1.0);
        let east = request(760.0, 250.0, 1.0);
        let out = place_labels(&[long, west, east], &[], VIEWPORT);
        let p = out[0].unwrap();
        assert_eq!(p.anchor, Anchor::North);
        assert!(VIEWPORT.contains_rect(&p.rect));
        assert!(p.rect.x <= 700.0 && p.rect.right() >= 700.0, "{:?}", p.rect);
    }

    #[test]
    fn a_label_that_fits_nowhere_is_hidden() {
        let too_wide = LabelRequest {
            width: 900.0,
            ..request(400.0, 250.0, 1.0)
        };
        let boxed_in = request(100.0, 100.0, 1.0);
        let cover = Rect::new(0.0, 0.0, 300.0, 300.0);
        // The boxed-in point's dot lies under the cover, but so does every candidate position.
        let out = place_labels(&[too_wide, boxed_in], &[cover], VIEWPORT);
        assert_eq!(out, vec![None, None]);

        let nan = LabelRequest {
            x: f64::NAN,
            ..request(400.0, 250.0, 1.0)
        };
        assert_eq!(place_labels(&[nan], &[], VIEWPORT), vec![None]);
        let empty = Rect::new(0.0, 0.0, 0.0, 500.0);
        assert_eq!(
            place_labels(&[request(0.0, 0.0, 1.0)], &[], empty),
            vec![None]
        );
    }

    #[test]
    fn the_same_input_gives_the_same_output() {
        let (requests, obstacles) = dense_places();
        let a = place_labels(&requests, &obstacles, VIEWPORT);
        let b = place_labels(&requests, &obstacles, VIEWPORT);
        assert_eq!(a, b);
    }

    #[test]
    fn equal_priorities_keep_input_order() {
        // Two labels of one point compete for its east side: the first listed wins it.
        let long = request(300.0, 100.0, 2.0);
        let short = LabelRequest {
            width: 30.0,
            ..long
        };
        let out = place_labels(&[long, short], &[], VIEWPORT);
        assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::East));
        assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::West));
        let out = place_labels(&[short, long], &[], VIEWPORT);
        assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::East));
        assert_eq!(out[1].map(|p| p.anchor), Some(Anchor::West));
    }

    #[test]
    fn obstacles_reaching_in_from_outside_the_viewport_still_block() {
        let r = request(20.0, 20.0, 1.0);
        // A legend hanging over the top-left corner from outside covers every position above
        // the point and east of it; west would leave the viewport, and south slides in.
        let legend = Rect::new(-1_000.0, -1_000.0, 1_090.0, 1_020.0);
        let out = place_labels(&[r], &[legend], VIEWPORT);
        assert_eq!(out[0].map(|p| p.anchor), Some(Anchor::South));
        assert!(out[0].is_some_and(|p| !p.rect.intersects(&legend)));
    }
}
