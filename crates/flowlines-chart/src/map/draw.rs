//! The map itself drawn: basemap, flows with their styles and marks, places and labels.

use super::*;
use flowlines_core::line_style::{
    self, BADGES, BAND_ALPHA, BORDER_DASH, OUTLINE_DASH, OUTLINE_EXTRA_PX, PLACE_RING_PX,
};

/// Draws a polyline in a line style, its dash pattern from the core's table
/// ([`line_style::dash`]): solid, dashed, dotted (round dots as wide as the line) or faint.
pub(super) fn styled_line<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    pts: &[(f64, f64)],
    style: LineStyle,
    color: u32,
    alpha: f64,
    width: f64,
) -> Result<(), MapError> {
    let c = rgba(color, alpha);
    let look = line_style::look(style);
    match line_style::dash(style, width)[..] {
        [on, off] if look.round => {
            for d in dots(pts, on + off) {
                p.circle(d, (width / 2.0).max(1.0), fill(c))?;
            }
            Ok(())
        }
        [on, off] => {
            for d in dashes(pts, on, off) {
                p.path(&d, stroke(c, width))?;
            }
            Ok(())
        }
        _ => p.path(pts, stroke(c, width)),
    }
}

pub(super) fn draw_basemap<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
    area: &Rect,
) -> Result<(), MapError> {
    let b = scene.basemap();
    let points = |xy: &[f32], starts: &[u32], k: usize| -> Vec<(f64, f64)> {
        let (a, z) = (starts[k] as usize, starts[k + 1] as usize);
        xy.get(a * 2..z * 2)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|q| to.apply(q[0], q[1]))
            .collect()
    };
    // The land's outline filled, then stroked as the coast: its rings run along the coasts but
    // where the map's edge cuts them, and they are cut a pixel outside it, so that the paper
    // around the map hides the stroke there. The same path twice, which gzip all but drops.
    let beyond = Rect::new(
        area.x - 1.0,
        area.y - 1.0,
        area.width + 2.0,
        area.height + 2.0,
    );
    let outline: Vec<_> = land_outline(&b.land_xy, &b.land_rings)
        .into_iter()
        .map(|ring| {
            let pts: Vec<(f64, f64)> = ring.points.iter().map(|&(x, y)| to.apply(x, y)).collect();
            (clip_ring(&pts, &beyond), ring.hole)
        })
        .collect();
    for (ring, hole) in &outline {
        p.polygon(ring, rgba(if *hole { SEA } else { LAND }, 1.0))?;
    }
    for (ring, _) in &outline {
        p.path(ring, stroke(rgba(COAST, 1.0), 1.0))?;
    }
    for k in 0..b.border_lines.len().saturating_sub(1) {
        for run in runs_near(&points(&b.border_xy, &b.border_lines, k), area) {
            for d in dashes(&run, BORDER_DASH[0], BORDER_DASH[1]) {
                p.path(&d, stroke(rgba(BORDER, 1.0), 1.0))?;
            }
        }
    }
    // Lines run a point past the map's edge; the paper around it hides them.
    let (w, h) = p.root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    for r in [
        Rect::new(0.0, 0.0, w, area.y),
        Rect::new(0.0, area.bottom(), w, h - area.bottom()),
        Rect::new(0.0, area.y, area.x, area.height),
        Rect::new(area.right(), area.y, w - area.right(), area.height),
    ] {
        if r.width > 0.0 && r.height > 0.0 {
            p.rect(r, rgba(PAPER, 1.0))?;
        }
    }
    Ok(())
}

/// A dotted grey outline `width` pixels wide, its dots `spacing` pixels apart; dots that would
/// touch make a continuous halo.
pub(super) fn outline<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    pts: &[(f64, f64)],
    width: f64,
    spacing: f64,
) -> Result<(), MapError> {
    let color = rgba(OUTLINE, line_style::OUTLINE_ALPHA);
    if width >= spacing {
        return p.path(pts, stroke(color, width));
    }
    for d in dots(pts, spacing) {
        p.circle(d, width / 2.0, fill(color))?;
    }
    Ok(())
}

/// A small circled glyph: `?` for an unknown amount, `!` for a dispute.
pub(super) fn badge<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    at: (f64, f64),
    glyph: char,
    color: u32,
) -> Result<(), MapError> {
    if !(at.0.is_finite() && at.1.is_finite()) {
        return Ok(());
    }
    p.circle(at, BADGE_RADIUS, fill(rgba(WHITE, 1.0)))?;
    p.circle(at, BADGE_RADIUS, stroke(rgba(color, 1.0), 2.0))?;
    p.text(
        &glyph.to_string(),
        (at.0, at.1 + 0.5),
        10.0,
        true,
        INK,
        Pos::new(HPos::Center, VPos::Center),
    )
}

pub(super) fn draw_flows<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
) -> Result<(), MapError> {
    let xy = scene.route_xy();
    let offsets = scene.route_offsets();
    let arrows = scene.arrow_xy();
    let mark_xy = scene.mark_xy();
    let s = to.scale;
    for (i, st) in scene.styles().iter().enumerate() {
        if !st.visible {
            continue;
        }
        let (Some(&a), Some(&b)) = (offsets.get(i), offsets.get(i + 1)) else {
            continue;
        };
        let pts: Vec<(f64, f64)> = xy
            .get(a as usize * 2..b as usize * 2)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|q| to.apply(q[0], q[1]))
            .collect();
        if pts.len() < 2 {
            continue;
        }
        let color = scene.stream_color().get(i).copied().unwrap_or(INK);
        let (w, low, high) = (st.width * s, st.width_low * s, st.width_high * s);
        // An assumed or endpoints-only path: a dotted grey outline around the flow (on a wide
        // flow the dots merge into a halo, as on the live map).
        if st.marks & marks::ASSUMED_ROUTE != 0 {
            let spacing = (OUTLINE_DASH[0] + OUTLINE_DASH[1]) * s;
            outline(p, &pts, w.max(high) + OUTLINE_EXTRA_PX * s, spacing)?;
        }
        // A range: a pale band from the low to the high width, under the central line.
        if high - low > 1.0 {
            p.path(&pts, stroke(rgba(color, BAND_ALPHA), high))?;
        }
        let look = line_style::look(st.style);
        let line_w = st.line_width() * s;
        styled_line(p, &pts, st.style, color, look.alpha, line_w)?;
        // The arrowhead: filled, or hollow when the destination is inferred.
        if let Some(tri) = arrows.get(i * 6..i * 6 + 6) {
            let corners = [
                to.apply(tri[0], tri[1]),
                to.apply(tri[2], tri[3]),
                to.apply(tri[4], tri[5]),
            ];
            let alpha = look.arrow_alpha;
            if st.marks & marks::INFERRED_DESTINATION != 0 {
                p.polygon(&corners, rgba(WHITE, alpha))?;
                let closed = [corners[0], corners[1], corners[2], corners[0]];
                p.path(&closed, stroke(rgba(color, alpha), 2.0))?;
            } else {
                p.polygon(&corners, rgba(color, alpha))?;
            }
        }
        if let Some(m) = mark_xy.get(i * 4..i * 4 + 4) {
            for (b, at) in BADGES.iter().zip(m.chunks_exact(2)) {
                if st.marks & b.mark != 0 {
                    badge(p, to.apply(at[0], at[1]), b.glyph, color)?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn draw_places<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    scene: &Scene,
    to: &Transform,
    lang: &str,
) -> Result<(), MapError> {
    let story = scene.story();
    let names: Vec<&str> = story.places.iter().map(|pl| pl.map_label(lang)).collect();
    let s = to.scale;
    let widths = names
        .iter()
        .map(|n| Ok(p.measure(n, LABEL_PX, false)? / s))
        .collect::<Result<Vec<f64>, MapError>>()?;
    let labels = scene.place_labels(&widths, LABEL_HEIGHT / s);
    let radius = line_style::place_radius(scene.size().0);
    for xy in scene.place_xy().chunks_exact(2) {
        let at = to.apply(xy[0], xy[1]);
        p.circle(at, (radius + PLACE_RING_PX) * s, fill(rgba(WHITE, 1.0)))?;
        p.circle(at, radius * s, fill(rgba(INK, 1.0)))?;
    }
    for (i, name) in names.iter().enumerate() {
        let (Some(&lx), Some(&ly)) = (labels.get(i * 2), labels.get(i * 2 + 1)) else {
            continue;
        };
        if lx.is_nan() || ly.is_nan() {
            continue; // no free spot: the core hid this label
        }
        let (x, y) = to.apply(lx, ly);
        p.rect(
            Rect::new(x - 1.0, y, widths[i] * s + 2.0, LABEL_HEIGHT),
            rgba(PAPER, 0.75),
        )?;
        p.text(
            name,
            (x, y + 1.5),
            LABEL_PX,
            false,
            INK,
            Pos::new(HPos::Left, VPos::Top),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recording::RecordingBackend;
    use crate::style_check::{drawn, expected, LINE};
    use plotters::drawing::IntoDrawingArea;

    #[test]
    fn the_static_map_draws_each_line_style_as_the_core_s_table_says() {
        for style in line_style::STYLES {
            let backend = RecordingBackend::new(220, 40);
            let recording = backend.recording();
            let root = backend.into_drawing_area();
            let p = Painter {
                root: &root,
                family: "sans-serif",
            };
            styled_line(&p, &LINE, style, INK, 1.0, 2.0).unwrap();
            assert_eq!(drawn(&recording), expected(style, 2.0), "{style:?}");
        }
    }
}
