//! A story's readings grouped by the stream they measure.

use crate::model::{Observation, Story};
use std::collections::HashMap;

/// A story's observations grouped by stream, each stream's in story order: one column of
/// positions in [`Story::observations`] and where each stream's run of it starts. The series
/// and the encoder both read readings stream by stream; this groups them once, in two
/// allocations (a vector per stream took 100,000 of them, and each grew as it was filled),
/// with a hash lookup only where a reading names another stream than the reading before it.
#[derive(Debug, Clone)]
pub struct StreamReadings<'a> {
    observations: &'a [Observation],
    /// Positions in `observations`, stream after stream.
    order: Vec<usize>,
    /// Where stream `i`'s readings start in `order`; one more entry than there are streams.
    start: Vec<usize>,
}

impl<'a> StreamReadings<'a> {
    /// Groups the observations of `story` by stream; `index` is [`Story::stream_index`]. A
    /// reading that names no stream is left out (validation reports it).
    pub fn new(story: &'a Story, index: &HashMap<&str, usize>) -> Self {
        let mut last: Option<(&str, Option<usize>)> = None;
        let stream_of: Vec<Option<usize>> = story
            .observations
            .iter()
            .map(|o| {
                let id = &*o.stream;
                let i = match last {
                    Some((same, i)) if same == id => i,
                    _ => index.get(id).copied(),
                };
                last = Some((id, i));
                i
            })
            .collect();
        let mut start = vec![0; story.streams.len() + 1];
        for &i in stream_of.iter().flatten() {
            start[i + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0; start[start.len() - 1]];
        for (k, &i) in stream_of.iter().enumerate() {
            if let Some(i) = i {
                order[next[i]] = k;
                next[i] += 1;
            }
        }
        StreamReadings {
            observations: &story.observations,
            order,
            start,
        }
    }

    /// The readings of stream `i`, in story order (none for a position past the last stream).
    pub fn of(&self, i: usize) -> impl Iterator<Item = &'a Observation> + '_ {
        let (a, b) = match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (0, 0),
        };
        self.order[a..b].iter().map(|&k| &self.observations[k])
    }

    /// How many streams the readings are grouped into.
    pub fn streams(&self) -> usize {
        self.start.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::synthetic_story;

    #[test]
    fn every_stream_gets_the_readings_naming_it_in_story_order_and_strays_are_left_out() {
        let mut story = synthetic_story(20, 30, 4, 11);
        // Shuffle the readings' order so that runs break, and add one naming no stream.
        story.observations.reverse();
        story.observations.swap(3, 40);
        let mut stray = story.observations[0].clone();
        stray.stream = "nowhere".into();
        story.observations.insert(7, stray);
        let index = story.stream_index();
        let grouped = StreamReadings::new(&story, &index);
        assert_eq!(grouped.streams(), 30);
        let mut seen = 0;
        for (i, s) in story.streams.iter().enumerate() {
            let expected: Vec<&Observation> = story
                .observations
                .iter()
                .filter(|o| *o.stream == *s.id)
                .collect();
            let got: Vec<&Observation> = grouped.of(i).collect();
            assert_eq!(got, expected, "stream {}", s.id);
            seen += got.len();
        }
        assert_eq!(seen, story.observations.len() - 1);
        assert_eq!(grouped.of(30).count(), 0);
    }
}
