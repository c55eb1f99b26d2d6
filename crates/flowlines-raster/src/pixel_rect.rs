//! A rectangle of a raster's pixels: where a frame's particles can fall, and what of the
//! particle layer must be put on the canvas again.
//!
//! A frame's particles lie on their routes, so a rectangle round the routes (known when the
//! view changes) holds every disc: the frame clears, draws and puts only that part of the
//! buffer. On the benchmark's map it is about three quarters of the canvas, and
//! `putImageData` of a part costs in proportion to its pixels.

/// Pixels `left..right` of rows `top..bottom`, in device pixels (the ends excluded). Empty
/// when either range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PixelRect {
    /// The first column.
    pub left: usize,
    /// The first row.
    pub top: usize,
    /// One past the last column.
    pub right: usize,
    /// One past the last row.
    pub bottom: usize,
}

impl PixelRect {
    /// Every pixel of a `width` by `height` buffer.
    pub fn whole(width: usize, height: usize) -> Self {
        PixelRect {
            left: 0,
            top: 0,
            right: width,
            bottom: height,
        }
    }

    /// The pixels of a `width` by `height` buffer within `margin` device pixels of the box
    /// from (`min_x`, `min_y`) to (`max_x`, `max_y`) device pixels, widened to whole pixels;
    /// empty for a box with an end that is not a number.
    pub fn around(
        (min_x, min_y): (f32, f32),
        (max_x, max_y): (f32, f32),
        margin: f32,
        (width, height): (usize, usize),
    ) -> Self {
        // `as usize` takes a negative start to 0, and an end past the buffer is cut to it;
        // NaN becomes 0, and so an empty range.
        let start = |v: f32| (v - margin).floor() as usize;
        let end = |v: f32, size: usize| ((v + margin).ceil() as usize).min(size);
        let (right, bottom) = (end(max_x, width), end(max_y, height));
        PixelRect {
            left: start(min_x).min(right),
            top: start(min_y).min(bottom),
            right,
            bottom,
        }
    }

    /// Whether it holds no pixel.
    pub fn is_empty(&self) -> bool {
        self.left >= self.right || self.top >= self.bottom
    }

    /// Its width in pixels.
    pub fn width(&self) -> usize {
        self.right.saturating_sub(self.left)
    }

    /// Its height in pixels.
    pub fn height(&self) -> usize {
        self.bottom.saturating_sub(self.top)
    }

    /// The smallest rectangle that holds both (an empty one adds nothing).
    pub fn union(self, other: PixelRect) -> PixelRect {
        if self.is_empty() {
            return other;
        }
        if other.is_empty() {
            return self;
        }
        PixelRect {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    /// The pixels both hold (empty if none).
    pub fn intersection(self, other: PixelRect) -> PixelRect {
        PixelRect {
            left: self.left.max(other.left),
            top: self.top.max(other.top),
            right: self.right.min(other.right),
            bottom: self.bottom.min(other.bottom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_is_widened_by_its_margin_to_whole_pixels_and_cut_to_the_buffer() {
        let r = PixelRect::around((10.2, 5.9), (30.5, 8.0), 3.5, (32, 100));
        assert_eq!(
            r,
            PixelRect {
                left: 6,
                top: 2,
                right: 32,
                bottom: 12
            }
        );
        assert_eq!((r.width(), r.height()), (26, 10));
        let off = PixelRect::around((-50.0, -50.0), (-40.0, -40.0), 2.0, (32, 100));
        assert!(off.is_empty());
        let nan = PixelRect::around((f32::NAN, 0.0), (f32::NAN, 5.0), 2.0, (32, 100));
        assert!(nan.is_empty());
    }

    #[test]
    fn a_union_holds_both_and_an_empty_rectangle_adds_nothing() {
        let a = PixelRect {
            left: 1,
            top: 2,
            right: 5,
            bottom: 6,
        };
        let b = PixelRect {
            left: 4,
            top: 0,
            right: 9,
            bottom: 3,
        };
        assert_eq!(
            a.union(b),
            PixelRect {
                left: 1,
                top: 0,
                right: 9,
                bottom: 6
            }
        );
        assert_eq!(a.union(PixelRect::default()), a);
        assert_eq!(PixelRect::default().union(b), b);
        assert_eq!(
            a.intersection(b),
            PixelRect {
                left: 4,
                top: 2,
                right: 5,
                bottom: 3
            }
        );
        assert!(a.intersection(PixelRect::whole(0, 0)).is_empty());
    }
}
