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
///
/// ```
/// use flowlines_core::style::{category_color, css};
///
/// assert_eq!(css(category_color(0)), "#d55e00"); // Okabe and Ito's vermillion
/// assert_eq!(category_color(7), category_color(0));
/// ```
pub fn category_color(index: usize) -> u32 {
    PALETTE[index % PALETTE.len()]
}

/// A `0xRRGGBB` colour as a CSS hex string (`#d55e00`).
pub fn css(color: u32) -> String {
    format!("#{:06x}", color & 0xFF_FFFF)
}

// The light theme's colours, `0xRRGGBB`: every static image's, and the page's where a custom
// property does not set its own (`--fl-ink`, `--fl-land`, … in www/css/flowlines.css; keep
// them the same, tests/style-table.test.mjs checks the ink). The page reads them through
// `crate::line_style::table`.

/// Text, place dots and legend samples.
pub const INK: u32 = 0x1D1D1F;
/// Notes and other quiet text of a static image.
pub const MUTED: u32 = 0x5F5F66;
/// An assumed route's dotted outline.
pub const OUTLINE_GREY: u32 = 0x6B6B72;
/// Badges, hollow arrowheads and the rings around place dots.
pub const WHITE: u32 = 0xFFFFFF;
/// The paper around a static image's map.
pub const PAPER: u32 = 0xF7F5F0;
/// The land.
pub const LAND: u32 = 0xF4F1EA;
/// The sea.
pub const SEA: u32 = 0xDDE6EC;
/// Coastlines.
pub const COAST: u32 = 0x8FA3B0;
/// Borders between countries.
pub const BORDER: u32 = 0x9A9488;

/// The least contrast a category's own colour must have against every surface its flows are
/// drawn on: WCAG 2.1's 3:1 for graphical objects (success criterion 1.4.11).
pub const MIN_CONTRAST: f64 = 3.0;

/// The page's colour themes (www/css/flowlines.css, `theme="light|dark"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark ink on light land and sea: the default, and every static image.
    Light,
    /// Light ink on dark land and sea.
    Dark,
}

impl Theme {
    /// The theme named `name`: "dark", or light for anything else.
    pub fn of_name(name: &str) -> Theme {
        if name == "dark" {
            Theme::Dark
        } else {
            Theme::Light
        }
    }

    /// Its name, as the page writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The surfaces flows are drawn on, `0xRRGGBB`: the land and the sea (`--fl-land` and
    /// `--fl-sea` in www/css/flowlines.css; keep them the same).
    pub fn backgrounds(self) -> [u32; 2] {
        match self {
            Theme::Light => [LAND, SEA],
            Theme::Dark => [0x2A2D31, 0x14202B],
        }
    }
}

/// Why a colour a story or a host page gives a category is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ColorError {
    /// Not a CSS hex colour `#rgb` or `#rrggbb`.
    NotHex(String),
    /// Below [`MIN_CONTRAST`] against a surface of the theme.
    LowContrast {
        /// The colour, as written.
        color: String,
        /// Its contrast ratio against `background` (1 to 21).
        ratio: f64,
        /// The surface, `0xRRGGBB`.
        background: u32,
        /// The theme.
        theme: Theme,
    },
}

impl std::fmt::Display for ColorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColorError::NotHex(text) => {
                write!(f, "colour '{text}' is not written #rgb or #rrggbb")
            }
            ColorError::LowContrast {
                color,
                ratio,
                background,
                theme,
            } => write!(
                f,
                "colour {color} has a contrast of {}:1 against the {} theme's {}, below {}:1",
                crate::decimal::fixed((ratio * 100.0).floor() / 100.0, 2),
                theme.as_str(),
                css(*background),
                crate::decimal::short(MIN_CONTRAST)
            ),
        }
    }
}

impl std::error::Error for ColorError {}

/// A CSS hex colour, `#rgb` or `#rrggbb` (either case), as `0xRRGGBB`.
pub fn parse_hex_color(text: &str) -> Result<u32, ColorError> {
    let not_hex = || ColorError::NotHex(text.chars().take(40).collect());
    let digits = text.strip_prefix('#').ok_or_else(not_hex)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_hex());
    }
    let value = u32::from_str_radix(digits, 16).map_err(|_| not_hex())?;
    match digits.len() {
        6 => Ok(value),
        3 => {
            let (r, g, b) = ((value >> 8) & 0xF, (value >> 4) & 0xF, value & 0xF);
            Ok(((r * 0x11) << 16) | ((g * 0x11) << 8) | (b * 0x11))
        }
        _ => Err(not_hex()),
    }
}

/// WCAG 2.1's relative luminance of a `0xRRGGBB` colour, from 0 (black) to 1 (white).
pub fn relative_luminance(color: u32) -> f64 {
    let channel = |shift: u32| {
        let c = f64::from((color >> shift) & 0xFF) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            power_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

/// `v` to the power 2.4 (sRGB's), for `v` from 0.09 to 1: `v²` times the fifth root of `v²`,
/// the root found by Newton's method from 1, which falls to it and stops where it no longer
/// falls (within an ulp or two of `f64::powf`). `powf` is the only call of the map module to
/// libm's `pow`, 1 KB of its WebAssembly gzipped; this is a few dozen bytes.
fn power_2_4(v: f64) -> f64 {
    let square = v * v;
    let mut root: f64 = 1.0;
    for _ in 0..64 {
        let next = (4.0 * root + square / (root * root * root * root)) / 5.0;
        if next >= root {
            break;
        }
        root = next;
    }
    square * root
}

/// WCAG 2.1's contrast ratio of two `0xRRGGBB` colours, from 1 (the same) to 21.
pub fn contrast_ratio(a: u32, b: u32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `text` (a CSS hex colour) as `0xRRGGBB` when it reaches [`MIN_CONTRAST`] against every
/// surface of `theme`; otherwise why not.
pub fn check_color(text: &str, theme: Theme) -> Result<u32, ColorError> {
    let color = parse_hex_color(text.trim())?;
    for background in theme.backgrounds() {
        let ratio = contrast_ratio(color, background);
        if ratio < MIN_CONTRAST {
            return Err(ColorError::LowContrast {
                color: text.trim().chars().take(40).collect(),
                ratio,
                background,
                theme,
            });
        }
    }
    Ok(color)
}

/// The colour each of `categories` is drawn in under `theme`, `0xRRGGBB`: the host page's
/// (`overrides`, by category id, already checked against `theme`), else the story's own when it
/// passes [`check_color`] against `theme`, else the palette's ([`category_color`]); with a
/// sentence for each story colour refused under this theme.
pub fn category_colors(
    categories: &[crate::model::Category],
    theme: Theme,
    overrides: &[(String, u32)],
) -> (Vec<u32>, Vec<String>) {
    let mut refused = Vec::new();
    let colors = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if let Some((_, color)) = overrides.iter().rev().find(|(id, _)| *id == c.id) {
                return *color;
            }
            match c.color.as_deref().map(|text| check_color(text, theme)) {
                Some(Ok(color)) => color,
                Some(Err(e)) => {
                    refused.push(format!("{}: {e}", c.id));
                    category_color(i)
                }
                None => category_color(i),
            }
        })
        .collect();
    (colors, refused)
}

/// Category colours a host page asks for, `"munitions:#b30000 troops:#005a9c"` (pairs of
/// category id and CSS hex colour, separated by spaces or commas): the pairs that pass
/// [`check_color`] against `theme`, and a sentence for each one refused.
pub fn parse_color_list(text: &str, theme: Theme) -> (Vec<(String, u32)>, Vec<String>) {
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    for entry in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|e| !e.is_empty())
    {
        let short: String = entry.chars().take(60).collect();
        match entry.split_once(':') {
            Some((id, color)) if !id.is_empty() => match check_color(color, theme) {
                Ok(c) => kept.push((id.to_string(), c)),
                Err(e) => refused.push(format!("{id}: {e}")),
            },
            _ => refused.push(format!("'{short}' is not written category:#rrggbb")),
        }
    }
    (kept, refused)
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

    #[test]
    fn an_srgb_channel_is_raised_to_the_power_2_4_as_powf_raises_it() {
        for level in 11..=255 {
            let v = (f64::from(level) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (power_2_4(v), v.powf(2.4));
            assert!(
                (ours - libm).abs() <= 4.0 * f64::EPSILON * libm,
                "{level}: {ours} against {libm}"
            );
        }
    }

    #[test]
    fn contrast_is_wcag_s_ratio_from_1_to_21() {
        assert!((contrast_ratio(0x000000, 0xFFFFFF) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(0x777777, 0x777777) - 1.0).abs() < 1e-9);
        // WebAIM's checker gives #767676 on white 4.54:1.
        assert!((contrast_ratio(0x767676, 0xFFFFFF) - 4.54).abs() < 0.01);
        assert_eq!(
            contrast_ratio(0xB30000, 0xFFFFFF),
            contrast_ratio(0xFFFFFF, 0xB30000)
        );
    }

    #[test]
    fn a_dark_red_passes_on_the_light_theme_and_fails_on_the_dark_one() {
        assert_eq!(check_color("#b30000", Theme::Light), Ok(0xB30000));
        let err = check_color("#b30000", Theme::Dark).unwrap_err();
        assert!(matches!(err, ColorError::LowContrast { ratio, .. } if ratio < MIN_CONTRAST));
        assert!(err.to_string().contains("dark theme"), "{err}");
    }

    #[test]
    fn a_pale_colour_is_refused_on_the_light_theme_with_its_ratio() {
        let err = check_color("#f0e442", Theme::Light).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("colour #f0e442 has a contrast of 1."),
            "{err}"
        );
        assert!(err.to_string().ends_with("below 3:1"), "{err}");
    }

    #[test]
    fn hex_colours_are_read_in_both_lengths_and_nothing_else() {
        assert_eq!(parse_hex_color("#abc"), Ok(0xAABBCC));
        assert_eq!(parse_hex_color("#B30000"), Ok(0xB30000));
        for bad in ["b30000", "#b3000", "#gg0000", "red", "#+30000", "", "#"] {
            assert!(parse_hex_color(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_host_s_colour_list_keeps_the_good_pairs_and_says_why_each_other_is_refused() {
        let (kept, refused) =
            parse_color_list("munitions:#b30000, troops:#ffff00 nonsense", Theme::Light);
        assert_eq!(kept, vec![("munitions".to_string(), 0xB30000)]);
        assert_eq!(refused.len(), 2);
        assert!(refused[0].starts_with("troops: colour #ffff00 has a contrast of"));
        assert!(refused[1].contains("not written category:#rrggbb"));
    }
}
