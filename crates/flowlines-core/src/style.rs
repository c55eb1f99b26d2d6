//! Colours the map draws with: one per category, from a palette safe for colour-blind readers.
//!
//! The palette is Okabe and Ito's (2008), chosen so that the common forms of colour blindness
//! still tell the colours apart. Colour is never the only cue: confidence is drawn by line style.

/// Okabe–Ito colours as `0xRRGGBB`, in the order categories take them.
pub const PALETTE: [u32; 7] = [
    0xD55E00, // vermillion
    0x0072B2, // blue
    0x009E73, // bluish green
    0xE69F00, // orange
    0xCC79A7, // reddish purple
    0x56B4E9, // sky blue
    0xF0E442, // yellow
];

/// The colour of the `index`-th category, as `0xRRGGBB`; the palette repeats after seven.
pub fn category_color(index: usize) -> u32 {
    PALETTE[index % PALETTE.len()]
}

/// A `0xRRGGBB` colour as a CSS hex string (`#d55e00`).
pub fn css(color: u32) -> String {
    format!("#{:06x}", color & 0xFF_FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_get_distinct_colours_until_the_palette_runs_out() {
        let first: Vec<u32> = (0..PALETTE.len()).map(category_color).collect();
        let mut unique = first.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), first.len());
        assert_eq!(category_color(7), category_color(0));
        assert_eq!(css(0x0072B2), "#0072b2");
    }
}
