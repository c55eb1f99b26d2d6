//! `flowlines render`: the static map of a story at one date, as SVG or PNG.
//!
//! The map is drawn once, as SVG, by `flowlines_chart::map` through plotters' SVG backend; a
//! PNG is that same SVG rasterised by resvg with the system's fonts (Noto Sans CJK KR from
//! Debian's `fonts-noto-cjk`, DejaVu Sans from `fonts-dejavu-core`), so text looks the same
//! in both and Korean renders on every machine set up by `tools/setup.sh`; a letter Noto Sans
//! CJK KR lacks (the Ukrainian і, ї, є) is drawn in DejaVu Sans of the same style and weight.

use crate::load;
use flowlines_chart::map::{
    default_height, map_area, render_map, MapOptions, DEFAULT_HEIGHT, DEFAULT_WIDTH,
};
use flowlines_core::basemap::Basemap;
use flowlines_core::date::parse_day;
use flowlines_core::scene::Scene;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use std::path::Path;

/// What `flowlines render` was asked for: its command-line arguments.
#[derive(clap::Args)]
pub struct Options {
    /// A JSON story file, or a folder of CSV tables.
    pub file: String,
    /// The date shown, YYYY-MM-DD.
    #[arg(long)]
    pub at: String,
    /// The image to write: a .svg or .png file.
    #[arg(long)]
    pub out: String,
    /// Width in pixels [default: 1200].
    #[arg(long)]
    pub width: Option<u32>,
    /// Height in pixels [default: 630 at the default width, else from the width].
    #[arg(long)]
    pub height: Option<u32>,
    /// Language of names and notes: en, ko, uk or ru.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// The basemap file (see `flowlines basemap`).
    #[arg(long, default_value = "data/basemap.json")]
    pub basemap: String,
    /// A headline instead of the story's title.
    #[arg(long)]
    pub title: Option<String>,
}

/// What was written.
pub struct Written {
    /// The image's path.
    pub path: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its width and height in pixels.
    pub size: (u32, u32),
}

/// The image formats `render` writes.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Svg,
    Png,
}

/// The largest side accepted, in pixels: large enough for print, small enough for memory.
const MAX_SIDE: u32 = 8000;

/// Draws the map and writes it. Every error names the argument or file it is about.
pub fn run(o: &Options) -> Result<Written, String> {
    let format = match Path::new(&o.out)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => Format::Svg,
        Some("png") => Format::Png,
        _ => {
            return Err(format!(
                "--out {}: the file name must end in .svg or .png",
                o.out
            ))
        }
    };
    let day = parse_day(&o.at).map_err(|e| format!("--at: {e}"))?;
    let width = o.width.unwrap_or(DEFAULT_WIDTH);
    let height = o.height.unwrap_or(if o.width.is_some() {
        default_height(width)
    } else {
        DEFAULT_HEIGHT
    });
    for (name, v) in [("--width", width), ("--height", height)] {
        if v == 0 || v > MAX_SIDE {
            return Err(format!(
                "{name} {v}: must be between 1 and {MAX_SIDE} pixels"
            ));
        }
    }
    let story = load::story(&o.file)?;
    let basemap_text = std::fs::read_to_string(&o.basemap).map_err(|e| {
        format!(
            "{}:1:1: cannot read the basemap ({e}); build it with `flowlines basemap` or pass \
             --basemap PATH",
            o.basemap
        )
    })?;
    let basemap = Basemap::from_json(&basemap_text).map_err(|e| format!("{}: {e}", o.basemap))?;
    if !flowlines_core::extent::Extent::of_story(&story).lies_within(basemap.bbox) {
        eprintln!(
            "warning: {} does not cover what {}'s map shows: land past its edge is left out; \
             build the story's own with `flowlines basemap --story {} --out FILE` and pass \
             --basemap FILE",
            o.basemap, o.file, o.file
        );
    }
    let options = MapOptions {
        lang: o.lang.clone(),
        title: o.title.clone(),
        attribution: Some(basemap.attribution.clone()),
        ..MapOptions::default()
    };
    let svg = draw_svg(story, basemap, f64::from(day), (width, height), &options)?;
    let bytes = match format {
        Format::Svg => svg.into_bytes(),
        Format::Png => to_png(&svg, (width, height))?,
    };
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: cannot write: {e}", o.out))?;
    Ok(Written {
        path: o.out.clone(),
        bytes: bytes.len(),
        size: (width, height),
    })
}

/// The map of `story` at `day` as an SVG document of `size` pixels.
fn draw_svg(
    story: flowlines_core::Story,
    basemap: Basemap,
    day: f64,
    size: (u32, u32),
    options: &MapOptions,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let mut scene = Scene::new(story);
        scene.set_basemap(basemap);
        // The day first: it decides which sources the notes cite, and so how much room the
        // map keeps.
        scene.set_day(day);
        let area = map_area(&root, &scene, options).map_err(|e| e.to_string())?;
        scene.resize(area.width, area.height);
        render_map(&root, &scene, options).map_err(|e| e.to_string())?;
        root.present()
            .map_err(|e| format!("cannot finish the SVG: {e}"))?;
    }
    Ok(svg)
}

/// The font resvg draws a character in when the SVG's first font lacks it: the face of
/// [`FALLBACK_FAMILY`] of the text's style, weight and stretch, and where that lacks it too,
/// resvg's own choice. Noto Sans CJK KR lacks the Ukrainian і, ї and є (U+0456, U+0457,
/// U+0454); resvg's own choice is the first face in the font database that has the character
/// and differs from the text's face in not all of style, weight and stretch, which on a Debian
/// machine was DejaVu Sans Oblique: the letter came out slanted in an upright word.
fn upright_fallback() -> resvg::usvg::FallbackSelectionFn<'static> {
    use resvg::usvg::FontResolver;
    let resvg_choice = FontResolver::default_fallback_selector();
    Box::new(move |c, used, db| {
        let base = db.face(*used.first()?)?;
        let alike = db.faces().find(|f| {
            f.families.iter().any(|(name, _)| name == FALLBACK_FAMILY)
                && (f.style, f.weight, f.stretch) == (base.style, base.weight, base.stretch)
        });
        // resvg asks again, with this face among the used ones, if it lacks the character.
        match alike {
            Some(f) if !used.contains(&f.id) => Some(f.id),
            _ => resvg_choice(c, used, db),
        }
    })
}

/// The family a character missing from Noto Sans CJK KR is drawn in, the second font the
/// map's texts ask for (`flowlines_chart::map::DEFAULT_FONT_FAMILY`).
const FALLBACK_FAMILY: &str = "DejaVu Sans";

/// `svg` rasterised at `size` pixels, with the system's fonts, as PNG bytes.
fn to_png(svg: &str, size: (u32, u32)) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    // The first font the SVG asks for carries every script the map writes; without it the
    // PNG would depend on whatever the machine has, and Korean could come out as boxes.
    let has_noto = opt.fontdb.faces().any(|f| {
        f.families
            .iter()
            .any(|(name, _)| name == "Noto Sans CJK KR")
    });
    if !has_noto {
        return Err(
            "cannot draw the PNG: the font Noto Sans CJK KR is not installed (Debian's \
             fonts-noto-cjk; tools/setup.sh installs it)"
                .into(),
        );
    }
    opt.font_resolver.select_fallback = upright_fallback();
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.0, size.1)
        .ok_or_else(|| format!("cannot make a {}x{} image", size.0, size.1))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::usvg::fontdb::{Database, Style, Weight, ID};
    use std::sync::Arc;

    /// The face of `family` in `style` and `weight` at normal stretch, among the system's.
    fn face(db: &Database, family: &str, style: Style, weight: Weight) -> Option<ID> {
        db.faces()
            .find(|f| {
                f.families.iter().any(|(name, _)| name == family)
                    && f.style == style
                    && f.weight == weight
                    && f.stretch == resvg::usvg::fontdb::Stretch::Normal
            })
            .map(|f| f.id)
    }

    #[test]
    fn a_ukrainian_letter_missing_from_the_first_font_is_drawn_upright_in_dejavu_sans() {
        let mut db = Database::new();
        db.load_system_fonts();
        let mut db = Arc::new(db);
        let select = upright_fallback();
        for weight in [Weight::NORMAL, Weight::BOLD] {
            let noto = face(&db, "Noto Sans CJK KR", Style::Normal, weight)
                .expect("Noto Sans CJK KR (tools/setup.sh installs fonts-noto-cjk)");
            let dejavu = face(&db, "DejaVu Sans", Style::Normal, weight)
                .expect("DejaVu Sans (fonts-dejavu-core)");
            assert_eq!(select('і', &[noto], &mut db), Some(dejavu), "{weight:?}");
            // Where DejaVu Sans lacks it too, resvg's own choice, never DejaVu Sans again.
            assert_ne!(select('і', &[noto, dejavu], &mut db), Some(dejavu));
        }
    }
}
