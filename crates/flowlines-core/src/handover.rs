//! A validated story handed from the thread that read it to the thread that draws it, in parts
//! that each take one short task to read back.
//!
//! The page reads a large story in a Worker (`www/js/story-worker.js`): the plain reader and
//! the validator run there, off the main thread, in the page's second module
//! (`flowlines-extras-wasm`, which also packs, so that [`pack`] is not in the map module every
//! reader downloads). What comes back must still become a [`Story`] in the main thread's map
//! module, and building the model's strings and lists is most of a read's cost whatever the
//! format (measured on the 10 MiB benchmark story, native, opt-level "z": MessagePack with
//! named fields 290 ms, CBOR 400 ms, JSON 245 ms; the model's untagged texts need a
//! self-describing format, and `serde_json` is already in the map module, so no new crate). So
//! the story is handed over as the JSON it was written in, cut between entities into parts of
//! about [`PART_BYTES`] (no entity is formatted again, so no serialiser is added to the module
//! and every number reads back to the same bits): the main thread reads one part per task
//! ([`Unpacker::step`]), yielding to the browser in between, and never validates again (the
//! worker did, on the same model).
//!
//! The packed form: [`MAGIC`], then parts, each its length in bytes (4 bytes, little-endian)
//! and a story object of its own: the story's record (`"story"`, a few hundred bytes, in every
//! part) and a slice of one section's entities (`{"story": {...}, "observations": [...]}`),
//! read with the same deserialiser as a whole story, so the map module holds no other. An
//! entity is never split; a part holds at least one entity, so a part is larger than
//! [`PART_BYTES`] only when one entity is.
//!
//! [`pack`]: crate::handover::pack
//! [`Story`]: crate::model::Story
//! [`PART_BYTES`]: crate::handover::PART_BYTES
//! [`Unpacker::step`]: crate::handover::Unpacker::step
//! [`MAGIC`]: crate::handover::MAGIC

use crate::model::Story;
use crate::parse::SECTIONS;

/// The first bytes of a packed story, with the form's version.
pub const MAGIC: &[u8] = b"flowlines story parts 1\n";

/// The size a part is filled to, in bytes of JSON (512 KiB): on the shared 2-core machine the
/// page's module read a part of the 10 MiB benchmark story in 6 to 9 ms (median), 64 ms at
/// most (`make parse-bench`, load average 5.8 to 14.5), far from a 200 ms freeze.
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

/// The bytes after `i` in `b` that are JSON whitespace, skipped.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Where the string starting at `b[i]` (a quote) ends: the offset after its closing quote.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    i
}

/// Where the JSON value starting at `b[i]` ends: strings skipped whole, arrays and objects by
/// their depth, numbers and words up to the next separator.
fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => i = skip_string(b, i),
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                i += 1;
            }
            b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => i += 1,
        }
        if depth == 0 && matches!(c, b'"' | b']' | b'}') {
            return i;
        }
    }
    i
}

/// A valid story file's sections, in the order written: each key with its value's text, and
/// for a list, each entity's text. Linear in the text; an error for anything but an object of
/// the story's sections.
fn sections(text: &str) -> Result<Vec<(usize, Vec<&str>)>, String> {
    let b = text.as_bytes();
    let bad = || "not a story object".to_string();
    let mut out = Vec::new();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return Err(bad());
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b'}') => return Ok(out),
            Some(b',') => i = skip_ws(b, i + 1),
            _ => {}
        }
        let start = i;
        i = skip_string(b, i);
        // A section's name as written (a key spelt with escapes is refused: no writer does so).
        let key = text.get(start + 1..i.saturating_sub(1)).ok_or_else(bad)?;
        let tag = SECTIONS.iter().position(|&s| s == key).ok_or_else(bad)?;
        i = skip_ws(b, i);
        if b.get(i) != Some(&b':') {
            return Err(bad());
        }
        i = skip_ws(b, i + 1);
        let mut items = Vec::new();
        if tag > 0 {
            if b.get(i) != Some(&b'[') {
                return Err(bad());
            }
            i += 1;
            loop {
                i = skip_ws(b, i);
                match b.get(i) {
                    Some(b']') => break,
                    Some(b',') => i = skip_ws(b, i + 1),
                    None => return Err(bad()),
                    _ => {}
                }
                let start = i;
                i = skip_value(b, i);
                items.push(text.get(start..i).ok_or_else(bad)?);
            }
            i += 1;
        } else {
            let start = i;
            i = skip_value(b, i);
            items.push(text.get(start..i).ok_or_else(bad)?);
        }
        out.push((tag, items));
    }
}

/// Writes parts as they fill: the packed bytes, the part being filled, and how every part
/// starts (`{"story": <the story's record>`).
struct Packer {
    out: Vec<u8>,
    part: Vec<u8>,
    record: String,
}

impl Packer {
    /// Adds the entities `items` of section `tag` (an index in [`SECTIONS`]) in parts of about
    /// [`PART_BYTES`]; the story's own record, section 0, is one object.
    fn section(&mut self, tag: usize, items: &[&str]) -> Result<(), String> {
        let Some(&name) = SECTIONS.get(tag).filter(|_| tag > 0) else {
            return Ok(()); // the record: in every part
        };
        let mut open = false;
        for item in items {
            if !open {
                self.part.clear();
                self.part.extend_from_slice(self.record.as_bytes());
                self.part.extend_from_slice(b",\"");
                self.part.extend_from_slice(name.as_bytes());
                self.part.extend_from_slice(b"\":[");
                open = true;
            } else {
                self.part.push(b',');
            }
            self.part.extend_from_slice(item.as_bytes());
            if self.part.len() >= PART_BYTES {
                self.part.extend_from_slice(b"]}");
                self.close()?;
                open = false;
            }
        }
        if open {
            self.part.extend_from_slice(b"]}");
            self.close()?;
        }
        Ok(())
    }

    /// Moves the part being filled to the output, after its length.
    fn close(&mut self) -> Result<(), String> {
        let len = u32::try_from(self.part.len()).map_err(|_| "a part over 4 GiB".to_string())?;
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.append(&mut self.part);
        Ok(())
    }
}

/// The story file `text` packed in parts (see the module's doc), each entity as the file writes
/// it: nothing is formatted again, so every number reads back to the same value. The story
/// should have passed [`crate::parse::read_plain`]: the reader of the parts does not validate
/// it again.
pub fn pack(text: &str) -> Result<Vec<u8>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sections = sections(text)?;
    let record = sections
        .iter()
        .find(|(tag, _)| *tag == 0)
        .map(|(_, items)| items.concat())
        .ok_or("a story without its record")?;
    let mut p = Packer {
        out: MAGIC.to_vec(),
        part: Vec::new(),
        record: ["{\"story\":", &record].concat(),
    };
    // The record alone first: a story with no entity at all still reads back.
    p.part.extend_from_slice(p.record.as_bytes());
    p.part.push(b'}');
    p.close()?;
    for (tag, items) in sections {
        p.section(tag, &items)?;
    }
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
        // As a story of its own (the record and one slice of one section), with the reader the
        // page's plain reader uses: the module holds no other.
        let json = std::str::from_utf8(body).map_err(|e| e.to_string())?;
        let mut part: Story = serde_json::from_str(json).map_err(|e| e.to_string())?;
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
        for (file, text, story) in stories {
            let packed = pack(&text).unwrap_or_default();
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
        let packed = pack(&text).unwrap_or_default();
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
        let text = stories().pop().map(|(_, t, _)| t).unwrap_or_default();
        let packed = pack(&text).unwrap_or_default();
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
