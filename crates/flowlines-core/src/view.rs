//! Zoom and pan: a scale and translation applied to the fitted projection, with the rules a
//! reader expects (zoom about the pointer, limits on how far in and out).

use flowlines_raster::within::within;

/// The least zoom: the fitted map.
pub const MIN_ZOOM: f64 = 1.0;
/// The greatest zoom, sixteen times the fitted map.
pub const MAX_ZOOM: f64 = 16.0;

/// The farthest in a fit to a few places goes ([`View::framing`]): one place, or a few close
/// together, are shown with the region around them, not alone on a blank map.
pub const MAX_FIT_ZOOM: f64 = 6.0;

/// A zoom factor `k` and translation (`tx`, `ty`) in CSS pixels: a fitted point (x, y) is shown
/// at (k·x + tx, k·y + ty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Zoom factor, 1 for the fitted map.
    pub k: f64,
    /// Horizontal shift, CSS pixels.
    pub tx: f64,
    /// Vertical shift, CSS pixels.
    pub ty: f64,
}

impl Default for View {
    fn default() -> Self {
        View {
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

impl View {
    /// Where fitted point (`x`, `y`) is shown.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (self.k * x + self.tx, self.k * y + self.ty)
    }

    /// The fitted point shown at (`x`, `y`).
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.tx) / self.k, (y - self.ty) / self.k)
    }

    /// The view that shows the fitted box `[x0, y0, x1, y1]` (CSS pixels on the fitted map)
    /// whole and centred in a `width` by `height` viewport, `padding` in from each side: as
    /// far in as that allows, between [`MIN_ZOOM`] and [`MAX_FIT_ZOOM`], kept in the viewport.
    pub fn framing(bbox: [f64; 4], width: f64, height: f64, padding: f64) -> View {
        let [x0, y0, x1, y1] = bbox;
        let room = |side: f64| (side - 2.0 * padding).max(1.0);
        let k = (room(width) / (x1 - x0).max(1e-9))
            .min(room(height) / (y1 - y0).max(1e-9))
            .clamp(MIN_ZOOM, MAX_FIT_ZOOM);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let mut view = View {
            k,
            tx: width / 2.0 - k * cx,
            ty: height / 2.0 - k * cy,
        };
        view.clamp(width, height);
        view
    }

    /// Zooms by `factor` keeping the point under (`x`, `y`) where it is, within the zoom limits,
    /// then keeps the map in a `width` by `height` viewport.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64, width: f64, height: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (fx, fy) = self.invert(x, y);
        self.k = k;
        self.tx = x - k * fx;
        self.ty = y - k * fy;
        self.clamp(width, height);
    }

    /// Moves the map by (`dx`, `dy`) CSS pixels, then keeps it in the viewport.
    pub fn pan_by(&mut self, dx: f64, dy: f64, width: f64, height: f64) {
        if dx.is_finite() && dy.is_finite() {
            self.tx += dx;
            self.ty += dy;
        }
        self.clamp(width, height);
    }

    /// The view as shares of a `width` by `height` viewport: `[k, cx, cy]`, the zoom factor and
    /// the fitted point at the centre of the viewport as shares of its width and height (0.5,
    /// 0.5 for the fitted map). The same shares show the same part of the map in a viewport of
    /// any size: a link copied on a desktop opens on the same place on a phone, and the view
    /// outlives a resize.
    pub fn to_shares(&self, width: f64, height: f64) -> [f64; 3] {
        let (cx, cy) = self.invert(width / 2.0, height / 2.0);
        [self.k, cx / width, cy / height]
    }

    /// The view that [`View::to_shares`] gave `[k, cx, cy]` in a `width` by `height` viewport:
    /// zoom `k` with the fitted point (`cx`·width, `cy`·height) at the viewport's centre. Not
    /// yet kept within the limits: [`crate::scene::Scene::set_view`] does that.
    pub fn from_shares([k, cx, cy]: [f64; 3], width: f64, height: f64) -> View {
        View {
            k,
            tx: width / 2.0 - k * cx * width,
            ty: height / 2.0 - k * cy * height,
        }
    }

    /// Keeps the zoomed map covering the viewport: it cannot be dragged off screen.
    fn clamp(&mut self, width: f64, height: f64) {
        let (w, h) = (width * self.k, height * self.k);
        self.tx = within(self.tx, width - w, 0.0);
        self.ty = within(self.ty, height - h, 0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fitted_map_is_centred_at_half_the_width_and_half_the_height() {
        assert_eq!(View::default().to_shares(800.0, 500.0), [1.0, 0.5, 0.5]);
    }

    #[test]
    fn a_view_read_as_shares_and_set_again_is_the_same_view() {
        let mut v = View::default();
        v.zoom_at(300.0, 200.0, 3.0, 800.0, 500.0);
        let back = View::from_shares(v.to_shares(800.0, 500.0), 800.0, 500.0);
        assert!((back.k - v.k).abs() < 1e-12);
        assert!((back.tx - v.tx).abs() < 1e-9 && (back.ty - v.ty).abs() < 1e-9);
    }

    #[test]
    fn the_same_shares_show_the_same_place_at_the_centre_of_a_smaller_viewport() {
        let mut desktop = View::default();
        desktop.zoom_at(200.0, 100.0, 4.0, 800.0, 500.0);
        let shares = desktop.to_shares(800.0, 500.0);
        let phone = View::from_shares(shares, 400.0, 700.0);
        let (cx, cy) = phone.invert(200.0, 350.0);
        assert!((cx / 400.0 - shares[1]).abs() < 1e-12);
        assert!((cy / 700.0 - shares[2]).abs() < 1e-12);
        assert_eq!(phone.k, 4.0);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_in_place() {
        let mut v = View::default();
        v.zoom_at(300.0, 200.0, 2.0, 800.0, 500.0);
        let (x, y) = v.apply(300.0, 200.0);
        assert!((x - 300.0).abs() < 1e-9 && (y - 200.0).abs() < 1e-9);
        assert_eq!(v.k, 2.0);
    }

    #[test]
    fn zoom_stays_between_its_limits() {
        let mut v = View::default();
        v.zoom_at(0.0, 0.0, 0.1, 800.0, 500.0);
        assert_eq!(v.k, MIN_ZOOM);
        for _ in 0..20 {
            v.zoom_at(0.0, 0.0, 2.0, 800.0, 500.0);
        }
        assert_eq!(v.k, MAX_ZOOM);
    }

    #[test]
    fn framing_a_box_centres_it_as_large_as_the_padding_allows() {
        let v = View::framing([100.0, 100.0, 200.0, 150.0], 800.0, 500.0, 40.0);
        assert_eq!(v.k, 6.0, "(800 - 80) / 100 = 7.2 is past MAX_FIT_ZOOM");
        let v = View::framing([100.0, 100.0, 300.0, 200.0], 800.0, 500.0, 40.0);
        assert!(
            (v.k - 3.6).abs() < 1e-9,
            "(800 - 80) / 200 = 3.6, (500 - 80) / 100 = 4.2"
        );
        let (x, y) = v.apply(200.0, 150.0);
        assert!(
            (x - 400.0).abs() < 1e-9 && (y - 250.0).abs() < 1e-9,
            "centred: {x}, {y}"
        );
        let whole = View::framing([0.0, 0.0, 800.0, 500.0], 800.0, 500.0, 40.0);
        assert_eq!(
            whole,
            View::default(),
            "a box as large as the map is the fitted map"
        );
    }

    #[test]
    fn the_map_cannot_be_dragged_off_screen() {
        let mut v = View::default();
        v.pan_by(500.0, 500.0, 800.0, 500.0);
        assert_eq!(
            (v.tx, v.ty),
            (0.0, 0.0),
            "at zoom 1 the fitted map does not move"
        );
        v.zoom_at(400.0, 250.0, 2.0, 800.0, 500.0);
        v.pan_by(-10_000.0, 0.0, 800.0, 500.0);
        assert_eq!(v.tx, 800.0 - 1600.0);
    }
}
