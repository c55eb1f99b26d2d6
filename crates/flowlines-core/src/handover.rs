//! A validated story handed from the thread that read it to the thread that draws it, in parts
//! that each take one short task to read back.
//!
//! The page reads a large story in a Worker (`www/js/story-worker.js`): the reader and the
//! validator run there, off the main thread, in the page's second module
//! (`flowlines-extras-wasm`, which also packs, so that [`pack`] is not in the map module every
//! reader downloads). What comes back must still become a [`Story`] in the main thread's map
//! module, and building the model's strings and lists is most of a read's cost whatever the
//! format. So the story is handed over in the binary compact form ([`crate::compact`]), cut
//! between entities into parts of about [`PART_BYTES`]: the main thread reads one part per task
//! ([`Unpacker::step`]) with the reader the map module holds for that form anyway, yielding to
//! the browser in between, and never validates again (the worker did, on the same model). Every
//! number reads back to the same bits.
//!
//! The packed form: [`MAGIC`], then parts, each its length in bytes (4 bytes, little-endian)
//! and a story of its own in the binary form: the story's record (a few hundred bytes, in every
//! part) and a slice of one section's entities. An entity is never split; a part holds at least
//! one entity, so a part is larger than [`PART_BYTES`] only when one entity is.
//!
//! [`pack`]: crate::handover::pack
//! [`Story`]: crate::model::Story
//! [`PART_BYTES`]: crate::handover::PART_BYTES
//! [`Unpacker::step`]: crate::handover::Unpacker::step
//! [`MAGIC`]: crate::handover::MAGIC

use crate::model::Story;
use serde::Serialize;

/// The first bytes of a packed story, with the form's version.
pub const MAGIC: &[u8] = b"flowlines story parts 2\n";

/// The size a part is filled to, in bytes of the binary form (512 KiB). Measured with parts of
/// JSON of that size: on the shared 2-core machine the page's module read a part of the 10 MiB
/// benchmark story in 6 to 9 ms (median), 64 ms at most (`make parse-bench`, load average 5.8
/// to 14.5), far from a 200 ms freeze; a part in the binary form holds more entities (the
/// default story is 28 KB in it against 39 KB as compact JSON).
pub const PART_BYTES: usize = 512 * 1024;

/// The smallest story file, in bytes, that the page reads in its Worker (512 KiB): below it,
/// the plain reader on the main thread takes less time than starting the Worker (the default
/// story, 40 KiB, reads in a few milliseconds; see the README's parse benchmark).
pub const WORKER_MIN_BYTES: usize = 512 * 1024;

/// Whether the page reads a story file of `bytes` bytes in its Worker rather than on the main
/// thread: the one rule, which `www/js/story-read.js` asks through the map module.
pub fn reads_in_worker(bytes: usize) -> bool {
    bytes >= WORKER_MIN_BYTES
}

/// Writes parts as they fill: the packed bytes, and the story's record that every part starts
/// with.
struct Packer {
    out: Vec<u8>,
    record: crate::model::StoryMeta,
}

impl Packer {
    /// Adds the entities `items` of one section in parts of about [`PART_BYTES`]; `put` places a
    /// slice of them in a story of their own.
    fn section<T: Serialize>(
        &mut self,
        items: Vec<T>,
        put: fn(&mut Story, Vec<T>),
    ) -> Result<(), String> {
        let mut slice = Vec::new();
        let mut bytes = 0;
        for item in items {
            bytes += crate::compact::binary_size(&item).map_err(|e| e.to_string())?;
            slice.push(item);
            if bytes >= PART_BYTES {
                self.part(std::mem::take(&mut slice), put)?;
                bytes = 0;
            }
        }
        if slice.is_empty() {
            Ok(())
        } else {
            self.part(slice, put)
        }
    }

    /// Writes a part holding the story's record and `slice`, after its length.
    fn part<T>(&mut self, slice: Vec<T>, put: fn(&mut Story, Vec<T>)) -> Result<(), String> {
        let mut part = Story {
            story: self.record.clone(),
            ..Story::default()
        };
        put(&mut part, slice);
        // The length first, filled in once the body is written after it.
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        self.out = crate::compact::append_body(&part, std::mem::take(&mut self.out))
            .map_err(|e| e.to_string())?;
        let len = self.out.len() - at - 4;
        let len = u32::try_from(len).map_err(|_| "a part over 4 GiB".to_string())?;
        self.out[at..at + 4].copy_from_slice(&len.to_le_bytes());
        Ok(())
    }
}

/// `story` packed in parts (see the module's doc). It should have passed the page's reader
/// ([`crate::parse::read_plain`] or [`crate::compact::read_binary`]): the reader of the parts
/// does not validate it again.
pub fn pack(story: Story) -> Result<Vec<u8>, String> {
    let Story {
        story: record,
        sources,
        places,
        categories,
        units,
        routes,
        streams,
        observations,
        sanctions,
        events,
        steps,
    } = story;
    let mut p = Packer {
        out: MAGIC.to_vec(),
        record,
    };
    // The record alone first: a story with no entity at all still reads back.
    p.part(Vec::<()>::new(), |_, _| {})?;
    p.section(sources, |s, v| s.sources = v)?;
    p.section(places, |s, v| s.places = v)?;
    p.section(categories, |s, v| s.categories = v)?;
    p.section(units, |s, v| s.units = v)?;
    p.section(routes, |s, v| s.routes = v)?;
    p.section(streams, |s, v| s.streams = v)?;
    p.section(observations, |s, v| s.observations = v)?;
    p.section(sanctions, |s, v| s.sanctions = v)?;
    p.section(events, |s, v| s.events = v)?;
    p.section(steps, |s, v| s.steps = v)?;
    Ok(p.out)
}

/// Reads a packed story back, one part at a time.
#[derive(Debug)]
pub struct Unpacker {
    bytes: Vec<u8>,
    /// Where the next part starts in `bytes`.
    at: usize,
    story: Story,
}

impl Unpacker {
    /// Starts reading `bytes`; an error when they are not a packed story.
    pub fn new(bytes: Vec<u8>) -> Result<Self, String> {
        if !bytes.starts_with(MAGIC) {
            return Err("not a packed story".into());
        }
        Ok(Unpacker {
            bytes,
            at: MAGIC.len(),
            story: Story::default(),
        })
    }

    /// The story as read so far (all of it once [`Unpacker::done`]).
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// Whether every part has been read.
    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// Reads the next part; returns whether every part has now been read.
    pub fn step(&mut self) -> Result<bool, String> {
        if self.done() {
            return Ok(true);
        }
        let head = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or("a packed story cut short")?;
        let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let start = self.at + 4;
        let body = self
            .bytes
            .get(start..start + len)
            .ok_or("a packed story cut short")?;
        // As a story of its own (the record and one slice of one section), with the reader of
        // the binary compact form: the module holds no other.
        let mut part = crate::compact_reader::story_of(body)?;
        // Moved, not cloned: `append` copies the list's bytes (of the ways tried, the least
        // code in the map module every reader downloads).
        let s = &mut self.story;
        s.story = part.story;
        s.sources.append(&mut part.sources);
        s.places.append(&mut part.places);
        s.categories.append(&mut part.categories);
        s.units.append(&mut part.units);
        s.routes.append(&mut part.routes);
        s.streams.append(&mut part.streams);
        s.observations.append(&mut part.observations);
        s.sanctions.append(&mut part.sanctions);
        s.events.append(&mut part.events);
        s.steps.append(&mut part.steps);
        self.at = start + len;
        Ok(self.done())
    }

    /// The story, once every part has been read; an error before.
    pub fn finish(self) -> Result<Story, String> {
        if self.done() {
            Ok(self.story)
        } else {
            Err("a packed story not read to its end".into())
        }
    }
}

/// Reads a packed story back at once.
pub fn unpack(bytes: Vec<u8>) -> Result<Story, String> {
    let mut u = Unpacker::new(bytes)?;
    while !u.step()? {}
    u.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read_plain;
    use crate::test_support::valid_stories_in_data as stories;

    #[test]
    fn every_story_in_data_reads_back_from_its_parts_exactly() {
        let stories = stories();
        assert!(stories.len() >= 2, "{} stories", stories.len());
        for (file, _, story) in stories {
            let packed = pack(story.clone()).unwrap_or_default();
            assert!(
                unpack(packed).as_ref() == Ok(&story),
                "{file} reads back differently"
            );
        }
    }

    #[test]
    fn a_large_story_is_packed_in_many_parts_none_much_over_the_part_size() {
        let story = crate::synthetic::synthetic_story(500, 4_000, 5, 7);
        let text = serde_json::to_string(&story).unwrap_or_default();
        let story = read_plain(&text);
        assert_eq!(story.as_ref().map(|s| s.streams.len()), Ok(4_000));
        let story = story.unwrap_or_default();
        let packed = pack(story.clone()).unwrap_or_default();
        let mut u = Unpacker::new(packed.clone()).unwrap_or_else(|_| Unpacker {
            bytes: Vec::new(),
            at: 0,
            story: Story::default(),
        });
        let mut parts = 0;
        let mut at = MAGIC.len();
        while at < packed.len() {
            let len =
                u32::from_le_bytes([packed[at], packed[at + 1], packed[at + 2], packed[at + 3]])
                    as usize;
            assert!(len < PART_BYTES + 64 * 1024, "a part of {len} bytes");
            at += 4 + len;
            parts += 1;
        }
        assert!(parts > packed.len() / PART_BYTES, "{parts} parts");
        let mut steps = 0;
        while !u.step().unwrap_or(true) {
            steps += 1;
        }
        assert_eq!(steps + 1, parts);
        assert!(
            u.finish().as_ref() == Ok(&story),
            "the story read back differs"
        );
    }

    #[test]
    fn bytes_that_are_not_a_whole_packed_story_are_refused() {
        let story = stories().pop().map(|(_, _, s)| s).unwrap_or_default();
        let packed = pack(story).unwrap_or_default();
        assert!(unpack(packed[..packed.len() - 1].to_vec()).is_err());
        assert!(unpack(b"{\"story\": {}}".to_vec()).is_err());
        let partly = Unpacker::new(packed).map(|u| u.finish().is_err());
        assert_eq!(partly, Ok(true));
    }

    #[test]
    fn only_a_story_of_half_a_mebibyte_or_more_is_read_in_the_worker() {
        assert!(!reads_in_worker(40 * 1024));
        assert!(!reads_in_worker(WORKER_MIN_BYTES - 1));
        assert!(reads_in_worker(WORKER_MIN_BYTES));
        assert!(reads_in_worker(10 * 1024 * 1024));
    }
}
