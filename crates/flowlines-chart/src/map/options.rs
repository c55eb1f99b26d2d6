//! What the static map is asked to say (its options) and why it may fail (its errors).

use super::*;

/// What the static map says and in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// The language of names and notes: "en", "ko", "uk" or "ru" (others fall back to English).
    pub lang: String,
    /// The headline; the story's own title in `lang` when `None`.
    pub title: Option<String>,
    /// Where the basemap comes from (the basemap file's `attribution`), printed with the credit.
    pub attribution: Option<String>,
    /// The SVG `font-family` of every text; [`DEFAULT_FONT_FAMILY`] by default.
    pub font_family: String,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            lang: "en".into(),
            title: None,
            attribution: None,
            font_family: DEFAULT_FONT_FAMILY.into(),
        }
    }
}

/// Why the static map could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// The image is too small to hold a map beside its title, legend and notes.
    #[error(
        "the image, {width}x{height} pixels, is too small: the title, legend and notes leave \
         the map {map_width:.0}x{map_height:.0} pixels (at least {}x{} are needed)",
        MIN_MAP.0,
        MIN_MAP.1
    )]
    TooSmall {
        /// The image's width, in pixels.
        width: u32,
        /// The image's height, in pixels.
        height: u32,
        /// The width left for the map, in pixels.
        map_width: f64,
        /// The height left for the map, in pixels.
        map_height: f64,
    },
    /// The scene has no size yet: it must be resized (to [`map_area`]'s size) before drawing.
    #[error("the scene has not been laid out: resize it to the map area before drawing")]
    NotLaidOut,
    /// The drawing backend failed, or could not measure a text.
    #[error("drawing the map failed: {0}")]
    Drawing(String),
}

/// The height that goes with `width` when only the width is given: the social card's
/// proportion for wide images, and a taller shape for narrow ones (an article column), whose
/// legend and notes stack under the map.
pub fn default_height(width: u32) -> u32 {
    if f64::from(width) >= SIDE_LEGEND_MIN_WIDTH {
        (u64::from(width) * u64::from(DEFAULT_HEIGHT) / u64::from(DEFAULT_WIDTH)) as u32
    } else {
        (u64::from(width) * 10 / 9) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_images_are_taller_than_the_card_proportion() {
        assert_eq!(default_height(1200), 630);
        assert_eq!(default_height(720), 800);
    }
}
