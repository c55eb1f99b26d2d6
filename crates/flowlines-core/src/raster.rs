//! Rasterises moving particles straight into an RGBA pixel buffer, which the page shows with
//! one `putImageData`: on machines without a GPU this is faster than thousands of canvas calls.

/// An RGBA8 pixel buffer, row by row from the top left, premultiplied by nothing.
#[derive(Debug, Clone, Default)]
pub struct Raster {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

impl Raster {
    /// A transparent buffer of `width` by `height` device pixels.
    pub fn new(width: usize, height: usize) -> Self {
        Raster {
            width,
            height,
            rgba: vec![0; width * height * 4],
        }
    }

    /// Width in device pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in device pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixels, four bytes (red, green, blue, alpha) each.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// Makes every pixel transparent.
    pub fn clear(&mut self) {
        self.rgba.fill(0);
    }

    /// Draws a filled disc of `radius` device pixels centred at (`cx`, `cy`) in `color`
    /// (`0xRRGGBB`), blending its soft edge over what is there.
    pub fn disc(&mut self, cx: f32, cy: f32, radius: f32, color: u32) {
        let (r, g, b) = ((color >> 16) as u8, (color >> 8) as u8, color as u8);
        let x0 = (cx - radius - 1.0).floor().max(0.0) as usize;
        let y0 = (cy - radius - 1.0).floor().max(0.0) as usize;
        let x1 = ((cx + radius + 1.0).ceil() as isize).min(self.width as isize);
        let y1 = ((cy + radius + 1.0).ceil() as isize).min(self.height as isize);
        if x1 <= 0 || y1 <= 0 {
            return;
        }
        for y in y0..y1 as usize {
            let dy = y as f32 + 0.5 - cy;
            let row = y * self.width;
            for x in x0..x1 as usize {
                let dx = x as f32 + 0.5 - cx;
                let d = (dx * dx + dy * dy).sqrt();
                let cover = (radius + 0.5 - d).clamp(0.0, 1.0);
                if cover <= 0.0 {
                    continue;
                }
                let i = (row + x) * 4;
                let a = (cover * 255.0) as u16;
                let px = &mut self.rgba[i..i + 4];
                let keep = 255 - a;
                px[0] = ((u16::from(r) * a + u16::from(px[0]) * keep) / 255) as u8;
                px[1] = ((u16::from(g) * a + u16::from(px[1]) * keep) / 255) as u8;
                px[2] = ((u16::from(b) * a + u16::from(px[2]) * keep) / 255) as u8;
                px[3] = (a + u16::from(px[3]) * keep / 255).min(255) as u8;
            }
        }
    }

    /// The colour and alpha at pixel (`x`, `y`), if it is inside the buffer.
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 4;
        Some([
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disc_colours_its_centre_and_leaves_far_pixels_transparent() {
        let mut r = Raster::new(20, 10);
        r.disc(5.0, 5.0, 2.0, 0xD55E00);
        assert_eq!(r.pixel(4, 4), Some([0xD5, 0x5E, 0x00, 255]));
        assert_eq!(r.pixel(15, 5), Some([0, 0, 0, 0]));
        r.clear();
        assert_eq!(r.pixel(4, 4), Some([0, 0, 0, 0]));
    }

    #[test]
    fn a_disc_off_the_edge_draws_only_what_is_inside() {
        let mut r = Raster::new(4, 4);
        r.disc(-10.0, -10.0, 3.0, 0xFFFFFF);
        r.disc(3.9, 3.9, 2.0, 0xFFFFFF);
        assert_eq!(r.pixel(3, 3).map(|p| p[3]), Some(255));
        assert_eq!(r.pixel(0, 0), Some([0, 0, 0, 0]));
    }
}
