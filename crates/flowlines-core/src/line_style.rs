//! The look of the map's lines and dots, one table every renderer reads: the static map and the
//! charts (flowlines-chart), the live page (`FlowMap.style_table`, read once by
//! www/js/style-table.js) and the legends of both.
//!
//! - **Line styles** ([`look`](crate::line_style::look)): confirmed solid, reported dashed, claimed
//!   dotted with round caps, proposed and denied faint. Dash and gap lengths grow with the line's
//!   width where a thin line's pattern would be too fine to read on a wide one
//!   ([`Length`](crate::line_style::Length)).
//! - **Marks**: the bits of [`crate::encoding::marks`], named for the page in [`table`].
//! - **Colours**: the light theme's ink, land, sea, coasts and borders ([`crate::style`]).
//! - **Radii**: a place's dot ([`place_radius`](crate::line_style::place_radius), smaller on
//!   a phone's map), which label placement keeps clear of, and the badges' circles.
//!
//! Every length is in CSS pixels (image pixels for a static image).

use crate::encoding::{marks, LineStyle};
use crate::style::{css, BORDER, COAST, INK, LAND, MUTED, OUTLINE_GREY, PAPER, SEA, WHITE};
use serde::Serialize;

/// One length of a dash pattern, a rule of the line's width `w`:
/// `max(min, per_width × w) + plus_width × w + plus` pixels ([`Length::at`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Length {
    /// The least length, in pixels, whatever the width.
    pub min: f64,
    /// The length per pixel of width, once it exceeds `min`.
    pub per_width: f64,
    /// Width added on top: a round cap's dot is as wide as the line.
    pub plus_width: f64,
    /// Pixels added on top.
    pub plus: f64,
}

impl Length {
    /// A fixed length of `px` pixels.
    pub const fn fixed(px: f64) -> Length {
        Length {
            min: px,
            per_width: 0.0,
            plus_width: 0.0,
            plus: 0.0,
        }
    }

    /// The length for a line `width` pixels wide, in pixels.
    pub fn at(self, width: f64) -> f64 {
        self.min.max(self.per_width * width) + self.plus_width * width + self.plus
    }
}

/// A dash pattern: strokes `on` long with gaps `off` long, as canvas `setLineDash` and SVG
/// `stroke-dasharray` read them (with round caps each stroke grows by the width).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pattern {
    /// The stroke's length.
    pub on: Length,
    /// The gap's length.
    pub off: Length,
}

/// The length of a claimed flow's dash: next to nothing, so that its round caps make a dot as
/// wide as the line (a zero-length dash is not drawn by every canvas).
pub const DOT_DASH_PX: f64 = 0.1;

/// How a line style is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Look {
    /// Its dash pattern; `None` for a continuous line.
    pub dash: Option<Pattern>,
    /// Whether its ends are round (a dotted line's dots).
    pub round: bool,
    /// Its opacity, 0 to 1.
    pub alpha: f64,
    /// Its arrowhead's opacity, 0 to 1.
    pub arrow_alpha: f64,
    /// A width it always has, in pixels, whatever its figure; `None` to draw the figure's width.
    pub width: Option<f64>,
}

/// How a flow of `style` is stroked.
///
/// A dotted line's dots are as wide as the line, with a clear gap of `max(4, 1.6 w)` between
/// them; dashes are `max(6, 2.5 w)` long with gaps of `max(4, 1.2 w)`; a faint line is 1.5
/// pixels wide at 40 %, in short dashes.
pub fn look(style: LineStyle) -> Look {
    let plain = Look {
        dash: None,
        round: false,
        alpha: 0.9,
        arrow_alpha: 1.0,
        width: None,
    };
    match style {
        LineStyle::Solid => plain,
        LineStyle::Dashed => Look {
            dash: Some(Pattern {
                on: Length {
                    min: 6.0,
                    per_width: 2.5,
                    plus_width: 0.0,
                    plus: 0.0,
                },
                off: Length {
                    min: 4.0,
                    per_width: 1.2,
                    plus_width: 0.0,
                    plus: 0.0,
                },
            }),
            ..plain
        },
        LineStyle::Dotted => Look {
            dash: Some(Pattern {
                on: Length::fixed(DOT_DASH_PX),
                off: Length {
                    min: 4.0,
                    per_width: 1.6,
                    plus_width: 1.0,
                    plus: -DOT_DASH_PX,
                },
            }),
            round: true,
            ..plain
        },
        LineStyle::Faint => Look {
            dash: Some(Pattern {
                on: Length::fixed(2.0),
                off: Length::fixed(4.0),
            }),
            alpha: 0.4,
            arrow_alpha: 0.5,
            width: Some(1.5),
            ..plain
        },
    }
}

/// The dash array of `style` for a line `width` pixels wide: `[on, off]` in pixels, empty for a
/// continuous line.
pub fn dash(style: LineStyle, width: f64) -> Vec<f64> {
    look(style)
        .dash
        .map_or_else(Vec::new, |p| vec![p.on.at(width), p.off.at(width)])
}

/// The distance between the centres of a dotted line's dots, for a line `width` pixels wide.
pub fn dot_spacing(width: f64) -> f64 {
    dash(LineStyle::Dotted, width).iter().sum()
}

/// The four line styles in the order of their codes ([`LineStyle::code`]).
pub const STYLES: [LineStyle; 4] = [
    LineStyle::Solid,
    LineStyle::Dashed,
    LineStyle::Dotted,
    LineStyle::Faint,
];

/// The opacity of a range's pale band, 0 to 1.
pub const BAND_ALPHA: f64 = 0.22;
/// The width of a hollow arrowhead's outline (a destination inferred), in pixels.
pub const HOLLOW_ARROW_PX: f64 = 1.5;
/// The dots of an assumed route's grey outline: `[on, off]` with round caps, in pixels.
pub const OUTLINE_DASH: [f64; 2] = [1.0, 5.0];
/// How much wider than its flow an assumed route's outline is, in pixels.
pub const OUTLINE_EXTRA_PX: f64 = 3.0;
/// The opacity of an assumed route's outline, 0 to 1.
pub const OUTLINE_ALPHA: f64 = 0.45;
/// The dash of a border between countries: `[on, off]` in pixels.
pub const BORDER_DASH: [f64; 2] = [3.0, 2.0];
/// The dash of the outline around the places an inset shows in detail: `[on, off]` in pixels.
pub const INSET_DASH: [f64; 2] = [4.0, 3.0];

/// Maps narrower than this are a phone's, in CSS pixels: their place dots are smaller.
pub const NARROW_MAP_PX: f64 = 480.0;
/// A place dot's radius on a map at least [`NARROW_MAP_PX`] wide, in pixels.
pub const PLACE_RADIUS_PX: f64 = 4.0;
/// A place dot's radius on a narrower map, in pixels.
pub const NARROW_PLACE_RADIUS_PX: f64 = 3.0;
/// The width of the light ring around a place dot, in pixels.
pub const PLACE_RING_PX: f64 = 1.5;
/// The radius of a `?` or `!` badge's circle, in pixels.
pub const BADGE_RADIUS_PX: f64 = 7.0;

/// A mark shown as a glyph in a small circle on its flow (see [`BADGES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// The mark's bit ([`crate::encoding::marks`]).
    pub mark: u8,
    /// The glyph in the circle.
    pub glyph: char,
}

/// The marks a flow shows as badges, in the order of its badge positions in
/// [`crate::scene::Scene::mark_xy`] (the `k`th at numbers `2k` and `2k + 1` of the flow's
/// four): `?` for an unknown quantity, `!` for a dispute. The live map, its legend, the static
/// map and its legend all draw them from here.
pub const BADGES: [Badge; 2] = [
    Badge {
        mark: marks::UNKNOWN,
        glyph: '?',
    },
    Badge {
        mark: marks::DISPUTED,
        glyph: '!',
    },
];

/// The radius of a place's dot on a map `map_width` pixels wide, in pixels: what the dot is
/// drawn with and what label placement keeps clear of.
pub fn place_radius(map_width: f64) -> f64 {
    if map_width < NARROW_MAP_PX {
        NARROW_PLACE_RADIUS_PX
    } else {
        PLACE_RADIUS_PX
    }
}

/// The table as the page reads it, once (`FlowMap.style_table`): plain numbers, arrays and
/// strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// Each line style's look, indexed by its code (0 solid, 1 dashed, 2 dotted, 3 faint).
    pub styles: Vec<Look>,
    /// The mark bits by name ([`crate::encoding::marks`]).
    pub marks: Marks,
    /// The light theme's colours as CSS hex strings.
    pub colors: Colors,
    /// See [`BAND_ALPHA`].
    pub band_alpha: f64,
    /// See [`HOLLOW_ARROW_PX`].
    pub hollow_arrow: f64,
    /// See [`OUTLINE_DASH`].
    pub outline_dash: [f64; 2],
    /// See [`OUTLINE_EXTRA_PX`].
    pub outline_extra: f64,
    /// See [`OUTLINE_ALPHA`].
    pub outline_alpha: f64,
    /// See [`BORDER_DASH`].
    pub border_dash: [f64; 2],
    /// See [`INSET_DASH`].
    pub inset_dash: [f64; 2],
    /// See [`NARROW_MAP_PX`].
    pub narrow_map: f64,
    /// See [`PLACE_RADIUS_PX`].
    pub place_radius: f64,
    /// See [`NARROW_PLACE_RADIUS_PX`].
    pub narrow_place_radius: f64,
    /// See [`PLACE_RING_PX`].
    pub place_ring: f64,
    /// See [`BADGE_RADIUS_PX`].
    pub badge_radius: f64,
    /// See [`BADGES`].
    pub badges: [Badge; 2],
}

/// The mark bits by name, for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marks {
    /// [`marks::UNKNOWN`].
    pub unknown: u8,
    /// [`marks::DISPUTED`].
    pub disputed: u8,
    /// [`marks::INFERRED_DESTINATION`].
    pub inferred_destination: u8,
    /// [`marks::ASSUMED_ROUTE`].
    pub assumed_route: u8,
    /// [`marks::OPEN_HIGH`].
    pub open_high: u8,
    /// [`marks::HELD`].
    pub held: u8,
}

/// The colours of the table, as CSS hex strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Colors {
    /// Text, place dots and legend samples ([`crate::style::INK`]).
    pub ink: String,
    /// An assumed route's outline ([`crate::style::OUTLINE_GREY`]).
    pub outline: String,
    /// A badge's and a hollow arrowhead's fill, and the ring around a place dot.
    pub white: String,
    /// Quiet text.
    pub muted: String,
    /// The land ([`crate::style::LAND`]).
    pub land: String,
    /// The sea ([`crate::style::SEA`]).
    pub sea: String,
    /// The paper around a map in an image.
    pub paper: String,
    /// Coastlines.
    pub coast: String,
    /// Borders between countries.
    pub border: String,
}

/// The whole table.
pub fn table() -> Table {
    Table {
        styles: STYLES.iter().map(|&s| look(s)).collect(),
        marks: Marks {
            unknown: marks::UNKNOWN,
            disputed: marks::DISPUTED,
            inferred_destination: marks::INFERRED_DESTINATION,
            assumed_route: marks::ASSUMED_ROUTE,
            open_high: marks::OPEN_HIGH,
            held: marks::HELD,
        },
        colors: Colors {
            ink: css(INK),
            outline: css(OUTLINE_GREY),
            white: css(WHITE),
            muted: css(MUTED),
            land: css(LAND),
            sea: css(SEA),
            paper: css(PAPER),
            coast: css(COAST),
            border: css(BORDER),
        },
        band_alpha: BAND_ALPHA,
        hollow_arrow: HOLLOW_ARROW_PX,
        outline_dash: OUTLINE_DASH,
        outline_extra: OUTLINE_EXTRA_PX,
        outline_alpha: OUTLINE_ALPHA,
        border_dash: BORDER_DASH,
        inset_dash: INSET_DASH,
        narrow_map: NARROW_MAP_PX,
        place_radius: PLACE_RADIUS_PX,
        narrow_place_radius: NARROW_PLACE_RADIUS_PX,
        place_ring: PLACE_RING_PX,
        badge_radius: BADGE_RADIUS_PX,
        badges: BADGES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map module's copy of the table, which it hands the page as JSON.
    const PAGE_COPY: &str = "../flowlines-wasm/src/style_table.json";

    #[test]
    fn the_page_s_copy_of_the_table_is_the_table() {
        let table = serde_json::to_string(&table()).unwrap_or_default();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE_COPY);
        if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
            std::fs::write(&path, &table).unwrap_or_default();
        }
        let copy = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            copy == table,
            "{} differs from line_style::table(): rewrite it with \
             `UPDATE_GOLDEN=1 cargo test -p flowlines-core --lib line_style`",
            path.display()
        );
    }

    #[test]
    fn confirmed_is_solid_reported_dashed_claimed_dotted_and_proposed_faint() {
        assert!(dash(LineStyle::Solid, 3.0).is_empty());
        assert_eq!(dash(LineStyle::Dashed, 2.0), vec![6.0, 4.0]);
        assert_eq!(dash(LineStyle::Dashed, 4.0), vec![10.0, 4.8]);
        assert!(look(LineStyle::Dotted).round);
        assert_eq!(dash(LineStyle::Faint, 9.0), vec![2.0, 4.0]);
        assert_eq!(look(LineStyle::Faint).width, Some(1.5));
    }

    #[test]
    fn a_dotted_line_keeps_a_clear_gap_of_at_least_four_pixels_between_dots() {
        for w in [1.0, 1.5, 3.0, 10.0] {
            let clear = dot_spacing(w) - w;
            assert!((clear - (1.6 * w).max(4.0)).abs() < 1e-9, "{w}: {clear}");
        }
    }

    #[test]
    fn a_phone_s_map_has_smaller_place_dots() {
        assert_eq!(place_radius(360.0), 3.0);
        assert_eq!(place_radius(480.0), 4.0);
        assert_eq!(place_radius(1200.0), 4.0);
    }

    #[test]
    fn the_page_s_table_names_the_mark_bits_and_lists_styles_by_code() {
        let t = table();
        assert_eq!(t.marks.assumed_route, marks::ASSUMED_ROUTE);
        assert_eq!(t.marks.inferred_destination, marks::INFERRED_DESTINATION);
        for s in STYLES {
            assert_eq!(t.styles[usize::from(s.code())], look(s));
        }
        assert_eq!(t.colors.ink, "#1d1d1f");
    }
}
