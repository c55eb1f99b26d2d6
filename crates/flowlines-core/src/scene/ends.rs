//! Each stream's two places and route as indices into the story's lists, looked up by id once,
//! so that grouping the streams that share a path or a pair of places compares numbers, not
//! strings: at 100,000 streams the grouping by ids was a tenth of a scene's making.

use crate::model::{positions, Story};

/// A stream's places and route, as positions in the story's `places` and `routes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Ends {
    /// Where it starts: `story.places[from]`.
    pub from: u32,
    /// Where it ends: `story.places[to]`.
    pub to: u32,
    /// Its route: 0 for none (or an id no route has, which draws as none), else `routes[route - 1]`.
    pub route: u32,
}

/// Each stream's [`Ends`], in story order; `None` where a place id matches no place.
pub(super) fn stream_ends(story: &Story) -> Vec<Option<Ends>> {
    let place = positions(&story.places, |p| &p.id);
    let route = positions(&story.routes, |r| &r.id);
    story
        .streams
        .iter()
        .map(|s| {
            Some(Ends {
                from: *place.get(s.from.as_str())?,
                to: *place.get(s.to.as_str())?,
                route: s
                    .route
                    .as_deref()
                    .and_then(|r| route.get(r))
                    .map_or(0, |&r| r + 1),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::synthetic_story;

    #[test]
    fn each_streams_ends_name_the_places_and_route_it_names() {
        let mut story = synthetic_story(6, 40, 2, 3);
        story.streams[1].from = "nowhere".into();
        let ends = stream_ends(&story);
        assert_eq!(ends.len(), 40);
        assert_eq!(ends[1], None);
        for (s, e) in story.streams.iter().zip(&ends).filter(|(_, e)| e.is_some()) {
            let e = e.expect("ends");
            assert_eq!(story.places[e.from as usize].id, s.from);
            assert_eq!(story.places[e.to as usize].id, s.to);
            assert_eq!(e.route, 0);
        }
    }

    #[test]
    fn a_stream_on_a_named_route_points_at_that_route() {
        for (name, _, story) in crate::test_support::valid_stories_in_data() {
            let ends = stream_ends(&story);
            for (s, e) in story.streams.iter().zip(&ends) {
                let e = e.expect("a valid story's places all exist");
                let route = (e.route > 0).then(|| story.routes[e.route as usize - 1].id.as_str());
                assert_eq!(route, s.route.as_deref(), "{name}: {}", s.id);
            }
        }
    }
}
