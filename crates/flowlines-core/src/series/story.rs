//! The series of every stream of a story, in the story's stream order.

use super::wholes::wholes_at_least_their_parts;
use super::{Estimate, Series, StreamReadings};
use crate::model::{Confidence, Story};
use std::collections::HashMap;

/// The series of every stream of a story, in the story's stream order.
#[derive(Debug, Clone)]
pub struct StorySeries {
    series: Vec<Series>,
    strongest: Vec<Option<Confidence>>,
    disputed: Vec<bool>,
}

impl StorySeries {
    /// Builds the series of every stream once; evaluate them at any moment with [`Self::at`].
    pub fn new(story: &Story) -> Self {
        let index = story.stream_index();
        Self::of_readings(story, &index, &StreamReadings::new(story, &index))
    }

    /// As [`Self::new`], from readings already grouped by stream (`index` is
    /// [`Story::stream_index`]), for a caller that groups them once for other uses too.
    pub fn of_readings(
        story: &Story,
        index: &HashMap<&str, usize>,
        readings: &StreamReadings<'_>,
    ) -> Self {
        let streams = 0..story.streams.len();
        let strongest = streams
            .clone()
            .map(|i| readings.of(i).map(|o| o.confidence).max())
            .collect();
        let disputed = streams
            .clone()
            .map(|i| {
                readings
                    .of(i)
                    .any(|o| !o.denials.is_empty() || o.confidence == Confidence::Denied)
            })
            .collect();
        let own: Vec<Series> = streams.map(|i| Series::new(readings.of(i))).collect();
        let series = wholes_at_least_their_parts(story, index, own);
        StorySeries {
            series,
            strongest,
            disputed,
        }
    }

    /// Every stream's estimate at `day`, in stream order.
    pub fn at(&self, day: f64) -> Vec<Estimate> {
        self.series.iter().map(|s| s.at(day)).collect()
    }

    /// Every stream's estimate at `day`, written into `out` (cleared first) to reuse its memory.
    pub fn at_into(&self, day: f64, out: &mut Vec<Estimate>) {
        out.clear();
        out.extend(self.series.iter().map(|s| s.at(day)));
    }

    /// The series of stream `i`.
    pub fn series(&self, i: usize) -> Option<&Series> {
        self.series.get(i)
    }

    /// The strongest confidence any observation of stream `i` has.
    pub fn strongest(&self, i: usize) -> Option<Confidence> {
        self.strongest.get(i).copied().flatten()
    }

    /// Whether any party denies something about stream `i`.
    pub fn disputed(&self, i: usize) -> bool {
        self.disputed.get(i).copied().unwrap_or(false)
    }

    /// How many streams there are.
    pub fn len(&self) -> usize {
        self.series.len()
    }

    /// Whether there are no streams.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}
