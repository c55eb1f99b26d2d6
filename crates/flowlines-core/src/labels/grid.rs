//! The label grid: a uniform grid of buckets over the viewport holding every label, dot and
//! obstacle placed so far, so a candidate is tested only against what shares its cells.

use super::{LabelRequest, Rect};

/// Most grid cells along either side of the viewport, so that a tiny label size on a huge
/// viewport cannot make the index larger than the work it saves.
const MAX_CELLS_PER_SIDE: usize = 256;

/// Smallest grid cell side, in CSS pixels.
const MIN_CELL_PX: f64 = 4.0;

/// The side of a square with the mean label area, in CSS pixels: a grid cell of about one
/// label keeps both the cells a label spans and the items per cell few.
pub(super) fn typical_label_side(requests: &[LabelRequest]) -> f64 {
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
pub(super) enum Shape {
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
    #[inline]
    pub(super) fn overlaps(&self, rect: &Rect) -> bool {
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
pub(super) struct Grid {
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
    pub(super) fn new(viewport: Rect, side: f64, fixed: impl IntoIterator<Item = Shape>) -> Self {
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
            each_cell(cols, *span, |cell| grid.fixed_start[cell + 1] += 1);
        }
        for i in 1..grid.fixed_start.len() {
            grid.fixed_start[i] += grid.fixed_start[i - 1];
        }
        let mut next = grid.fixed_start.clone();
        grid.fixed_ids = vec![0; next.last().copied().unwrap_or(0) as usize];
        for (id, span) in spans.iter().enumerate() {
            each_cell(cols, *span, |cell| {
                grid.fixed_ids[next[cell] as usize] = id as u32;
                next[cell] += 1;
            });
        }
        grid
    }

    /// The first and last column and the first and last row of the cells that `r` touches,
    /// clamped to the grid.
    #[inline]
    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        // Zero below zero first, so `as` truncates like `floor` (and cheaper); NaN fails the
        // test too, and `as` saturates, so any input maps into the grid. A comparison, not
        // `f64::max`, which the map module's size-built code calls out of line.
        let cell = |v: f64, origin: f64, per: f64, n: usize| {
            let at = (v - origin) * per;
            let at = if at > 0.0 { at as usize } else { 0 };
            at.min(n - 1)
        };
        let vp = &self.viewport;
        (
            cell(r.x, vp.x, self.per_x, self.cols),
            cell(r.right(), vp.x, self.per_x, self.cols),
            cell(r.y, vp.y, self.per_y, self.rows),
            cell(r.bottom(), vp.y, self.per_y, self.rows),
        )
    }

    /// Records a placed label.
    pub(super) fn place(&mut self, rect: Rect) {
        let Ok(id) = u32::try_from(self.placed.len()) else {
            return;
        };
        self.placed.push(rect);
        let span = self.span(&rect);
        let cells = &mut self.placed_cells;
        each_cell(self.cols, span, |cell| cells[cell].push(id));
    }

    /// Whether `rect` overlaps a placed label, a dot or an obstacle. Plain loops, not
    /// iterator adapters: the map module builds this crate for size, and there (and in a
    /// browser's first, quick compile) each adapter is a call per cell and per shape; this
    /// runs for every position of every label.
    pub(super) fn overlaps(&self, rect: &Rect) -> bool {
        let (c0, c1, r0, r1) = self.span(rect);
        for row in r0..r1 + 1 {
            for cell in row * self.cols + c0..row * self.cols + c1 + 1 {
                for &id in &self.placed_cells[cell] {
                    if self.placed[id as usize].intersects(rect) {
                        return true;
                    }
                }
                let (lo, hi) = (self.fixed_start[cell], self.fixed_start[cell + 1]);
                for &id in &self.fixed_ids[lo as usize..hi as usize] {
                    if self.fixed[id as usize].overlaps(rect) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Calls `f` with the index of each cell of a span (first and last column, first and last
/// row) of a grid `cols` cells wide, row by row. Nested loops inlined into the caller rather
/// than an iterator of iterators, which the map module's size-built code steps through a call
/// at a time.
#[inline(always)]
fn each_cell(
    cols: usize,
    (c0, c1, r0, r1): (usize, usize, usize, usize),
    mut f: impl FnMut(usize),
) {
    for row in r0..r1 + 1 {
        for cell in row * cols + c0..row * cols + c1 + 1 {
            f(cell);
        }
    }
}
