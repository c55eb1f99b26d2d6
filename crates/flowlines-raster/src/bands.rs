//! A frame's discs put in the order of the raster's bands of rows, top to bottom, so that
//! drawing them walks the pixels a band at a time.
//!
//! A frame's particles come stream by stream, and a stream's few particles lie far apart along
//! its route: drawn in that order, each disc lands somewhere else in a raster of several
//! megabytes (3.4 MB at 1200 x 700), more than a core's second-level cache, and most of a
//! disc's rows are fetched from further out. A band of [`BAND_ROWS`](crate::bands::BAND_ROWS)
//! rows of a 1200-pixel raster is 77 KB: drawn band by band, the pixels a band's discs blend
//! stay at hand. In Chromium (`node tools/frame-time.mjs 10000 100000 --browser --paced`,
//! 7 December 2026) a frame of 10,000 flows took 6.05 -> 5.33 and 6.04 -> 5.42 ms with bands
//! of 32 rows, one of 100,000 flows 61.2 -> 51.8 ms; bands of 16 rows came out quickest of 8,
//! 16, 32 and 64 (at 10,000 flows 5.59, 5.46, 5.96 ms for 8, 16, 32 in one run; 5.59, 5.70,
//! 5.84 for 16, 32, 64 in another).
//!
//! Within a band the discs keep the order they came in; two overlapping discs whose centres
//! lie in neighbouring bands are laid upper first. Which of them covers the other where they
//! overlap is all that can differ from drawing them as they came.

/// Rows of pixels per band.
pub const BAND_ROWS: usize = 16;

/// The discs of the last frame in band order, and each band's first, kept between frames so
/// that a frame allocates nothing once the particle count settles.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bands {
    /// While sorting, each band's next free place in `discs`; once sorted, each band's end
    /// (the last entry their count).
    starts: Vec<u32>,
    /// Each disc's centre x, y (device pixels) and colour (`0xRRGGBB`), band by band.
    discs: Vec<(f32, f32, u32)>,
}

impl Bands {
    /// `discs` (centre x, y in device pixels, colour) listed band by band from the top of a
    /// raster `height` pixels high, each band's in the order given: a centre above the raster
    /// (or not a number) counts in the first band, one below it in the last. Counting sort:
    /// two passes over `discs`, time and memory linear in their number.
    pub(crate) fn sort<I>(&mut self, height: usize, discs: I) -> &[(f32, f32, u32)]
    where
        I: Iterator<Item = (f32, f32, u32)> + Clone,
    {
        let bands = height.div_ceil(BAND_ROWS).max(1);
        // `as usize` takes a negative row or not a number to 0.
        let band = |y: f32| ((y / BAND_ROWS as f32) as usize).min(bands - 1);
        // Each band's count one place on, then summed, so that `starts[b]` is band b's first.
        self.starts.clear();
        self.starts.resize(bands + 1, 0);
        for (_, y, _) in discs.clone() {
            if let Some(count) = self.starts.get_mut(band(y) + 1) {
                *count += 1;
            }
        }
        let mut run = 0;
        for start in &mut self.starts {
            run += *start;
            *start = run;
        }
        self.discs.clear();
        self.discs.resize(run as usize, (0.0, 0.0, 0));
        // `starts[b]` is band b's next free place from here on; the iterator gives no more
        // discs than it did when counted, so every place lies inside.
        for disc in discs {
            if let Some(next) = self.starts.get_mut(band(disc.1)) {
                if let Some(place) = self.discs.get_mut(*next as usize) {
                    *place = disc;
                    *next += 1;
                }
            }
        }
        &self.discs
    }

    /// The discs of the last [`Bands::sort`], band by band from the top: each band's index and
    /// its discs (none for an empty band).
    pub(crate) fn by_band(&self) -> impl Iterator<Item = (usize, &[(f32, f32, u32)])> {
        let bands = self.starts.len().saturating_sub(1);
        let mut start = 0;
        self.starts[..bands]
            .iter()
            .enumerate()
            .map(move |(band, &end)| {
                let (from, to) = (start, end as usize);
                start = to;
                (band, self.discs.get(from..to).unwrap_or_default())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discs_come_band_by_band_from_the_top_each_band_in_the_order_given() {
        let rows = BAND_ROWS as f32;
        let discs = [
            (1.0, 2.5 * rows, 1),
            (2.0, 0.5 * rows, 2),
            (3.0, 2.1 * rows, 3),
            (4.0, -40.0, 4),
            (5.0, 99.0 * rows, 5),
            (6.0, f32::NAN, 6),
            (7.0, 0.9 * rows, 7),
        ];
        let mut bands = Bands::default();
        let sorted = bands.sort(3 * BAND_ROWS, discs.iter().copied());
        let colours: Vec<u32> = sorted.iter().map(|d| d.2).collect();
        // Band 0: 2, 4 (above), 6 (not a number), 7; band 2: 1, 3, 5 (below).
        assert_eq!(colours, vec![2, 4, 6, 7, 1, 3, 5]);
        assert_eq!(sorted[0], (2.0, 0.5 * rows, 2), "each disc whole");
        let by_band: Vec<(usize, Vec<u32>)> = bands
            .by_band()
            .map(|(b, discs)| (b, discs.iter().map(|d| d.2).collect()))
            .collect();
        assert_eq!(
            by_band,
            vec![(0, vec![2, 4, 6, 7]), (1, vec![]), (2, vec![1, 3, 5])]
        );
    }

    #[test]
    fn a_second_frame_of_fewer_discs_lists_only_them() {
        let mut bands = Bands::default();
        let many: Vec<(f32, f32, u32)> = (0..100).map(|i| (0.0, i as f32, i)).collect();
        assert_eq!(bands.sort(100, many.iter().copied()).len(), 100);
        let few = [(0.0, 70.0, 1), (0.0, 10.0, 2)];
        assert_eq!(bands.sort(100, few.iter().copied()), &[few[1], few[0]]);
        assert!(bands.sort(0, std::iter::empty()).is_empty());
    }
}
