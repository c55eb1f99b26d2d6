//! The moving particles: which streams carry them, how many, how fast, where they are at a
//! moment, and how many fewer to draw where they are denser than a reader can tell apart.
//!
//! What depends only on the day, the filters and the view is worked out once into a list of
//! [`Mover`]s ([`movers`]); each frame then only walks that list ([`place`], [`place_all`]),
//! which is in the hot-path crate `flowlines-raster`, compiled for speed.
//!
//! [`Mover`]: crate::particles::Mover
//! [`movers`]: crate::particles::movers
//! [`place`]: crate::particles::place
//! [`place_all`]: crate::particles::place_all

use crate::encoding::{FlowStyle, LineStyle};
use crate::polyline::Polyline;
use crate::series::{Estimate, Phase};
pub use flowlines_raster::particles::{
    paint_discs, place, place_all, thinned, Mover, PARTICLE_RADIUS_PX,
};

/// How fast particles of a stream at its unit's highest rate travel, in CSS pixels per second.
pub const TOP_SPEED_PX_S: f64 = 120.0;
/// How fast particles of a barely moving stream travel, in CSS pixels per second.
pub const BASE_SPEED_PX_S: f64 = 30.0;
/// Particles on a stream at its unit's highest rate.
pub const MAX_PARTICLES: usize = 8;
/// Particles on a stream that barely moves, or whose amount is unknown.
pub const MIN_PARTICLES: usize = 2;

/// How many particles a stream at `share` (0..=1) of its unit's top rate carries.
pub fn particle_count(share: f64) -> usize {
    MIN_PARTICLES + ((MAX_PARTICLES - MIN_PARTICLES) as f64 * share).round() as usize
}

/// The streams that carry particles: visible, not faint, on a route of some length, and either
/// moving (particles as many and as fast as the stream's share of its unit's top rate,
/// `unit_top_rate[i]`) or moving by an unknown amount (the fewest, slowest particles). A stream
/// whose last reading is past carries none.
pub fn movers(
    estimates: &[Estimate],
    styles: &[FlowStyle],
    routes: &[Polyline],
    unit_top_rate: &[f64],
) -> Vec<Mover> {
    estimates
        .iter()
        .zip(styles)
        .zip(routes)
        .zip(unit_top_rate)
        .enumerate()
        .filter_map(|(i, (((e, st), route), &top))| {
            if !st.visible || st.style == LineStyle::Faint {
                return None;
            }
            let share = match e.phase {
                Phase::Moving if e.rate > 0.0 => (e.rate / top).clamp(0.0, 1.0),
                Phase::Unknown => 0.0,
                _ => return None,
            };
            let length = route.length();
            (length > 0.0).then(|| Mover {
                stream: i as u32,
                length,
                speed: BASE_SPEED_PX_S + (TOP_SPEED_PX_S - BASE_SPEED_PX_S) * share,
                count: particle_count(share) as u32,
            })
        })
        .collect()
}

/// The thinning rule: the share (0..=1) of each stream's particles to draw so that the
/// particles' discs together cover no more than the map's area, `area_px2` CSS pixels².
/// Beyond that, discs lie on discs and a reader sees no more of them; each stream keeps at
/// least one particle (see [`thinned`]), so every moving stream still shows that it moves.
pub fn thinning_share(movers: &[Mover], area_px2: f64) -> f64 {
    let total: u64 = movers.iter().map(|m| u64::from(m.count)).sum();
    let disc = std::f64::consts::PI * PARTICLE_RADIUS_PX * PARTICLE_RADIUS_PX;
    let covered = total as f64 * disc;
    if covered > area_px2 && covered > 0.0 {
        area_px2 / covered
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mover(count: u32) -> Mover {
        Mover {
            stream: 0,
            length: 100.0,
            speed: 50.0,
            count,
        }
    }

    #[test]
    fn particles_sparser_than_the_map_are_all_drawn() {
        let few = vec![mover(8); 100];
        assert_eq!(thinning_share(&few, 1200.0 * 700.0), 1.0);
        assert_eq!(thinned(8, 1.0), 8);
    }

    #[test]
    fn particles_denser_than_the_map_are_thinned_to_cover_it_about_once() {
        // 100,000 streams of 5 particles on a 1200 x 700 map: 500,000 discs of 19.6 px².
        let many = vec![mover(5); 100_000];
        let area = 1200.0 * 700.0;
        let share = thinning_share(&many, area);
        assert!(share < 0.1, "{share}");
        let kept: u32 = many.iter().map(|m| thinned(m.count, share)).sum();
        // Every stream keeps one; none keeps more than the rule allows.
        assert_eq!(kept, 100_000);
        // 10,000 streams of 8: a little over the map's area, most particles stay.
        let some = vec![mover(8); 10_000];
        let share = thinning_share(&some, area);
        let kept: u32 = some.iter().map(|m| thinned(m.count, share)).sum();
        let covered = f64::from(kept) * std::f64::consts::PI * 2.5 * 2.5;
        assert!(kept < 80_000, "{kept}");
        assert!(
            (covered - area).abs() / area < 0.1,
            "{covered} against {area}"
        );
    }
}
