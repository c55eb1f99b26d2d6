//! Where the title, date, notes, legend and map go in the image, and the words they say.

use super::legend::{layout_legend, legend_groups, PlacedSwatch};
use super::*;

/// The fixed words of the image in one language.
pub(super) struct Words {
    pub(super) what_moves: &'static str,
    pub(super) how_sure: &'static str,
    pub(super) marks: &'static str,
    pub(super) confidences: [&'static str; 4],
    pub(super) width: &'static str,
    pub(super) unknown: &'static str,
    pub(super) disputed: &'static str,
    pub(super) inferred: &'static str,
    pub(super) assumed: &'static str,
    pub(super) basemap: &'static str,
}

pub(super) fn words(lang: &str) -> Words {
    let l = Lang::from_code(lang);
    Words {
        what_moves: t(l, "what_moves"),
        how_sure: t(l, "how_sure"),
        marks: t(l, "marks"),
        confidences: [
            t(l, "confirmed"),
            t(l, "reported"),
            t(l, "claimed"),
            t(l, "proposed"),
        ],
        width: t(l, "mark_width"),
        unknown: t(l, "mark_unknown"),
        disputed: t(l, "mark_disputed"),
        inferred: t(l, "mark_inferred"),
        assumed: t(l, "mark_assumed"),
        basemap: t(l, "basemap_label"),
    }
}

/// The date of `day` (days since 1970-01-01) as the image says it: "As of 20 October 2024".
fn as_of_text(day: f64, lang: &str) -> String {
    let l = Lang::from_code(lang);
    tf(l, "as_of", &[&i18n::format_date(day.floor() as i32, l)])
}

/// Where everything but the map's content goes.
pub(super) struct Layout {
    pub(super) map: Rect,
    pub(super) texts: Vec<TextLine>,
    pub(super) swatches: Vec<PlacedSwatch>,
}

/// Lays out the image for `scene`: the header at the top, the notes at the bottom and the map
/// with its legend between them; an error if the map would be smaller than [`MIN_MAP`].
pub(super) fn layout<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    options: &MapOptions,
) -> Result<Layout, MapError> {
    let (w_px, h_px) = p.root.dim_in_pixel();
    let mut texts = Vec::new();
    let top = header(p, scene, options, &mut texts)?;
    let bottom = notes(p, scene, options, &mut texts)?;
    let (mut map, legend_texts, swatches) =
        map_and_legend(p, scene, &options.lang, top, bottom - top)?;
    texts.extend(legend_texts);
    if map.width < MIN_MAP.0 || map.height < MIN_MAP.1 {
        return Err(MapError::TooSmall {
            width: w_px,
            height: h_px,
            map_width: map.width.max(0.0),
            map_height: map.height.max(0.0),
        });
    }
    map.width = map.width.floor();
    map.height = map.height.floor();
    Ok(Layout {
        map,
        texts,
        swatches,
    })
}

/// The header: the title, wrapped, and the date shown. Pushes its lines to `texts` and returns
/// where the map may start, in pixels from the top.
fn header<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    options: &MapOptions,
    texts: &mut Vec<TextLine>,
) -> Result<f64, MapError> {
    let width = f64::from(p.root.dim_in_pixel().0);
    let inner = (width - 2.0 * MARGIN).max(1.0);
    let lang = options.lang.as_str();
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| scene.story().story.title.get(lang).to_string());
    let title_px = if width < SIDE_LEGEND_MIN_WIDTH {
        TITLE_PX - 2.0
    } else {
        TITLE_PX
    };
    let mut y = MARGIN - 4.0;
    for line in p.wrap(&title, title_px, true, inner)? {
        texts.push(TextLine {
            text: line,
            x: MARGIN,
            y,
            px: title_px,
            bold: true,
            color: INK,
            align: HPos::Left,
        });
        y += line_height(title_px);
    }
    y += 2.0;
    texts.push(TextLine {
        text: as_of_text(scene.day(), lang),
        x: MARGIN,
        y,
        px: AS_OF_PX,
        bold: false,
        color: MUTED,
        align: HPos::Left,
    });
    Ok(y + line_height(AS_OF_PX) + 8.0)
}

/// The notes, bottom up: the caveat, the sources cited and the credit with the basemap's
/// attribution, wrapped. Pushes their lines to `texts` and returns where the map must end, in
/// pixels from the top.
fn notes<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    options: &MapOptions,
    texts: &mut Vec<TextLine>,
) -> Result<f64, MapError> {
    let (w_px, h_px) = p.root.dim_in_pixel();
    let (width, height) = (f64::from(w_px), f64::from(h_px));
    let inner = (width - 2.0 * MARGIN).max(1.0);
    let mut note_lines = Vec::new();
    for (text, px, color) in note_texts(scene, options) {
        for line in p.wrap(&text, px, false, inner)? {
            note_lines.push((line, px, color));
        }
        note_lines.push((String::new(), 3.0, color));
    }
    note_lines.pop();
    let notes_h: f64 = note_lines.iter().map(|(_, px, _)| line_height(*px)).sum();
    let mut ny = height - MARGIN + 6.0 - notes_h;
    let bottom = ny - GAP;
    for (text, px, color) in note_lines {
        if !text.is_empty() {
            texts.push(TextLine {
                text,
                x: MARGIN,
                y: ny,
                px,
                bold: false,
                color,
                align: HPos::Left,
            });
        }
        ny += line_height(px);
    }
    Ok(bottom)
}

/// The notes' paragraphs with their text size and colour: the caveat (the story's, else the
/// default), the sources cited when any is, and the credit and attribution when given.
fn note_texts(scene: &Scene, options: &MapOptions) -> Vec<(String, f64, u32)> {
    let lang = options.lang.as_str();
    let wd = words(lang);
    let credits = flowlines_core::credits::credits(scene, lang);
    let mut credit = credits.credit_line(lang).unwrap_or_default();
    if let Some(a) = options.attribution.as_deref().filter(|a| !a.is_empty()) {
        if !credit.is_empty() {
            credit.push_str(" · ");
        }
        credit.push_str(&format!("{}: {a}", wd.basemap));
    }
    let mut notes: Vec<(String, f64, u32)> = vec![(credits.caveat.clone(), CAVEAT_PX, INK)];
    if let Some(sources) = credits.sources_line(lang) {
        notes.push((sources, NOTE_PX, MUTED));
    }
    if !credit.is_empty() {
        notes.push((credit, NOTE_PX, MUTED));
    }
    notes
}

/// The map's rectangle between `top` and `top + middle`, with the legend beside it when the
/// image is wide enough and the legend fits, else below it; the legend's texts and samples.
fn map_and_legend<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    lang: &str,
    top: f64,
    middle: f64,
) -> Result<(Rect, Vec<TextLine>, Vec<PlacedSwatch>), MapError> {
    let width = f64::from(p.root.dim_in_pixel().0);
    let inner = (width - 2.0 * MARGIN).max(1.0);
    let groups = legend_groups(scene, lang);
    let side_w = (width * 0.23).clamp(220.0, 300.0);
    let mut map = Rect::new(MARGIN, top, inner, middle);
    let mut legend = None;
    if width >= SIDE_LEGEND_MIN_WIDTH {
        let lx = width - MARGIN - side_w;
        let (lt, ls, lh) = layout_legend(p, &groups, lx, top, side_w, side_w)?;
        if lh <= middle {
            map.width = inner - side_w - GAP;
            legend = Some((lt, ls));
        }
    }
    let (lt, ls) = match legend {
        Some(l) => l,
        None => {
            let (lt, ls, lh) = layout_legend(p, &groups, MARGIN, 0.0, inner, 210.0)?;
            map.height = middle - lh - GAP;
            let ly = top + map.height + GAP;
            (
                lt.into_iter()
                    .map(|t| TextLine { y: t.y + ly, ..t })
                    .collect(),
                ls.into_iter()
                    .map(|s| PlacedSwatch { y: s.y + ly, ..s })
                    .collect(),
            )
        }
    };
    Ok((map, lt, ls))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_as_of_date_is_written_in_the_language() {
        let day = f64::from(flowlines_core::date::parse_day("2024-10-20").unwrap_or(0));
        assert_eq!(as_of_text(day, "en"), "As of 20 October 2024");
        assert_eq!(as_of_text(day, "ko"), "2024년 10월 20일 기준");
    }
}
