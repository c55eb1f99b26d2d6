//! Each frame's particles: where they are at a moment along their routes, and their discs
//! drawn into a [`Raster`]. Which streams carry particles, how many and how fast is worked out
//! by the core (`flowlines_core::particles::movers`) only when the day, the filters or the view
//! change; what is here runs for every particle of every frame.
//!
//! [`Raster`]: crate::raster::Raster

use crate::pixel_rect::PixelRect;
use crate::raster::Raster;
use crate::tracks::{Track, Tracks};

/// Radius of a particle's disc, in CSS pixels.
pub const PARTICLE_RADIUS_PX: f64 = 2.5;

/// A stream that carries particles at the current day, with the current filters and view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mover {
    /// The stream's index.
    pub stream: u32,
    /// Its route's length on screen, in CSS pixels.
    pub length: f64,
    /// How fast its particles travel, in CSS pixels per second.
    pub speed: f64,
    /// How many particles it carries, evenly spaced.
    pub count: u32,
}

/// A stream's particle count `count` after thinning by `share` (0..=1): rounded, at least one.
pub fn thinned(count: u32, share: f64) -> u32 {
    if share >= 1.0 {
        count
    } else {
        ((f64::from(count) * share).round() as u32).clamp(1, count.max(1))
    }
}

/// Places the particles of `mover` on `track` at animation clock `clock_s` seconds, `count` of
/// them evenly spaced and advancing at the mover's speed, calling `out(x, y)` for each, the
/// one nearest the route's start first.
pub fn place(
    mover: &Mover,
    count: u32,
    mut track: Track,
    clock_s: f64,
    mut out: impl FnMut(f32, f32),
) {
    let len = mover.length;
    // The head's place along the route in CSS pixels: the fraction `turns.rem_euclid(1.0)` (for
    // every finite number of turns, but the sign of a zero, without the fmod behind
    // rem_euclid) of its length. The clock makes that in f64; the particles from the head on
    // are found in f32 (in Chromium placing takes a tenth less time than in f64).
    let turns = clock_s * mover.speed / len;
    let head = ((turns - turns.floor()) * len) as f32;
    let (lenf, step) = (len as f32, (len / f64::from(count.max(1))) as f32);
    // The particles rise along the route from the head, wrapping round once. Those past the
    // wrap are found first, then the rest, so that each is found by walking on from the last
    // one's segment (see `Track::point_at`) and the walk never starts again from the route's
    // start.
    let wrap = (0..count)
        .find(|&k| head + k as f32 * step >= lenf)
        .unwrap_or(count);
    let mut put = |s: f32| {
        let (x, y) = track.point_at(s);
        out(x, y);
    };
    for k in wrap..count {
        put(head + k as f32 * step - lenf);
    }
    for k in 0..wrap {
        put(head + k as f32 * step);
    }
}

/// One frame's particles: for each of `movers`, its count thinned by `share` (see [`thinned`])
/// placed on its stream's track in `tracks` at clock `clock_s` seconds. Clears and fills `xy`
/// with x, y in CSS pixels and `streams` with each particle's stream index.
pub fn place_all(
    movers: &[Mover],
    tracks: &Tracks,
    share: f64,
    clock_s: f64,
    xy: &mut Vec<f32>,
    streams: &mut Vec<u32>,
) {
    // Sized once, then written in place: no capacity check per particle.
    let total: usize = movers
        .iter()
        .filter(|m| (m.stream as usize) < tracks.len())
        .map(|m| thinned(m.count, share) as usize)
        .sum();
    xy.clear();
    streams.clear();
    xy.resize(total * 2, 0.0);
    streams.resize(total, 0);
    let (mut xy_out, mut stream_out) = (xy.chunks_exact_mut(2), streams.iter_mut());
    for m in movers {
        let Some(track) = tracks.track(m.stream as usize) else {
            continue;
        };
        place(m, thinned(m.count, share), track, clock_s, |x, y| {
            if let (Some(p), Some(s)) = (xy_out.next(), stream_out.next()) {
                p[0] = x;
                p[1] = y;
                *s = m.stream;
            }
        });
    }
}

/// Draws particles into `raster` (cleared first), whose pixels are `dpr` device pixels per
/// CSS pixel: one disc of `radius_css` CSS pixels at each x, y of `xy` (CSS pixels), in the
/// colour `colors[stream]` (`0xRRGGBB`, black when missing) of its stream in `streams`. Every
/// particle lies within `bounds` (least and greatest x, y in CSS pixels: their tracks'
/// [`Tracks::bounds`]; nothing is drawn without), and only the pixels round it are drawn,
/// cleared the next time and put (the raster's ink).
pub fn paint_discs(
    raster: &mut Raster,
    (xy, streams): (&[f32], &[u32]),
    bounds: Option<((f32, f32), (f32, f32))>,
    colors: &[u32],
    dpr: f32,
    radius_css: f32,
) {
    let Some(((x0, y0), (x1, y1))) = bounds else {
        raster.clear();
        return;
    };
    // A disc's stamp reaches a pixel past its radius each way (its soft edge, and its centre
    // rounded to a sub-pixel step); one more for the floats' rounding of the places.
    let margin = radius_css * dpr + 2.0;
    let size = (raster.width(), raster.height());
    let within = PixelRect::around((x0 * dpr, y0 * dpr), (x1 * dpr, y1 * dpr), margin, size);
    raster.redraw_discs_within(
        within,
        radius_css * dpr,
        xy.chunks_exact(2).zip(streams).map(|(p, &s)| {
            let color = colors.get(s as usize).copied().unwrap_or(0);
            (p[0] * dpr, p[1] * dpr, color)
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polyline::Polyline;

    fn mover(stream: u32, count: u32) -> Mover {
        Mover {
            stream,
            length: 100.0,
            speed: 50.0,
            count,
        }
    }

    #[test]
    fn a_streams_particles_are_evenly_spaced_and_move_with_the_clock() {
        let tracks = Tracks::new(&[Polyline::new(vec![(0.0, 0.0), (100.0, 0.0)])]);
        let mut xs = Vec::new();
        let track = tracks.track(0).expect("a track");
        place(&mover(0, 4), 4, track, 0.5, |x, _| xs.push(x));
        assert_eq!(xs, vec![0.0, 25.0, 50.0, 75.0]);
    }

    #[test]
    fn a_frame_lists_every_particle_with_its_stream_and_skips_a_stream_without_a_route() {
        let tracks = Tracks::new(&[
            Polyline::new(vec![(0.0, 0.0), (100.0, 0.0)]),
            Polyline::new(vec![(0.0, 10.0), (100.0, 10.0)]),
        ]);
        let movers = [mover(1, 2), mover(0, 3), mover(7, 2)];
        let (mut xy, mut streams) = (vec![9.0], vec![9]);
        place_all(&movers, &tracks, 1.0, 0.0, &mut xy, &mut streams);
        assert_eq!(streams, vec![1, 1, 0, 0, 0]);
        assert_eq!(&xy[..4], &[0.0, 10.0, 50.0, 10.0]);
        // Thinned to a third, each stream keeps at least one.
        place_all(&movers, &tracks, 0.3, 0.0, &mut xy, &mut streams);
        assert_eq!(streams, vec![1, 0]);
    }

    #[test]
    fn discs_are_painted_in_their_streams_colour_over_a_cleared_raster() {
        let mut raster = Raster::new(20, 10);
        let bounds = Some(((0.0, 0.0), (20.0, 10.0)));
        let colors = [0x0000ff, 0xff0000];
        paint_discs(&mut raster, (&[5.0, 5.0], &[1]), bounds, &colors, 1.0, 2.5);
        assert_eq!(raster.pixel(5, 5), Some([255, 0, 0, 255]));
        paint_discs(&mut raster, (&[15.0, 5.0], &[0]), bounds, &colors, 1.0, 2.5);
        assert_eq!(raster.pixel(5, 5), Some([0, 0, 0, 0]));
        assert_eq!(raster.pixel(15, 5), Some([0, 0, 255, 255]));
    }

    #[test]
    fn only_the_pixels_round_the_tracks_are_drawn_cleared_and_put() {
        // A track across the middle of a 400 x 300 raster at a device pixel ratio of 2: the
        // discs at its ends are whole, the ink is the box round it and no more, and a frame
        // after one drawn anywhere clears that frame's discs too.
        let tracks = Tracks::new(&[Polyline::new(vec![(50.0, 60.0), (150.0, 90.0)])]);
        let bounds = tracks.bounds();
        let mut raster = Raster::new(400, 300);
        raster.discs(5.0, [(390.0, 290.0, 0xffffff)]);
        let xy = [50.0, 60.0, 150.0, 90.0];
        paint_discs(&mut raster, (&xy, &[0, 0]), bounds, &[0xff0000], 2.0, 2.5);
        let ink = raster.ink();
        assert_eq!(
            (ink.left, ink.top, ink.right, ink.bottom),
            (93, 113, 307, 187)
        );
        let lit: Vec<(usize, usize)> = (0..300)
            .flat_map(|y| (0..400).map(move |x| (x, y)))
            .filter(|&(x, y)| raster.pixel(x, y).is_some_and(|p| p[3] > 0))
            .collect();
        let mut whole = Raster::new(400, 300);
        whole.discs(5.0, [(100.0, 120.0, 0xff0000), (300.0, 180.0, 0xff0000)]);
        assert_eq!(raster.rgba(), whole.rgba());
        assert!(lit
            .iter()
            .all(|&(x, y)| (93..307).contains(&x) && (113..187).contains(&y)));
    }
}
