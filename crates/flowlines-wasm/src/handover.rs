//! A story read in the page's story worker, handed to the map (`flowlines_core::handover`):
//! the worker (`www/js/story-worker.js`) reads, validates and packs the file with the second
//! module (`Extras.pack`); the main thread reads the packed story back here with
//! [`StoryParts`](crate::handover::StoryParts), one part per task, and makes the map with
//! [`StoryParts::map`](crate::handover::StoryParts::map), without validating again. Only this
//! reading side is in the map module every reader downloads.

use crate::FlowMap;
use flowlines_core::handover::Unpacker;
use wasm_bindgen::prelude::*;

/// Whether the page reads a story file of `bytes` bytes in its story worker (the rule:
/// `flowlines_core::handover::reads_in_worker`).
#[wasm_bindgen]
pub fn reads_in_worker(bytes: usize) -> bool {
    flowlines_core::handover::reads_in_worker(bytes)
}

/// A packed story being read back on the main thread, one part per call of [`StoryParts::step`].
#[wasm_bindgen]
pub struct StoryParts {
    /// None once the map is made.
    unpacker: Option<Unpacker>,
}

#[wasm_bindgen]
impl StoryParts {
    /// Starts reading the bytes `Extras.pack` made; throws when they are not a packed story.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<StoryParts, JsError> {
        let unpacker = Unpacker::new(bytes).map_err(|e| JsError::new(&e))?;
        Ok(StoryParts {
            unpacker: Some(unpacker),
        })
    }

    /// Reads the next part (about 512 KiB of the story's JSON): returns whether every part is
    /// read. Throws when a part does not read, or once the map is made.
    pub fn step(&mut self) -> Result<bool, JsError> {
        let unpacker = self.unpacker.as_mut().ok_or_else(used)?;
        unpacker.step().map_err(|e| JsError::new(&e))
    }

    /// Whether the story read so far has more flows or places than a map can show (the core's
    /// rule, `flowlines_core::cluster::needs_clustering`): asked once every part is read, so
    /// that a story to be clustered is read into the clustering build without making a map of
    /// it here first. False once the map is made.
    pub fn needs_clustering(&self) -> bool {
        self.unpacker.as_ref().is_some_and(|u| {
            let story = u.story();
            flowlines_core::cluster::needs_clustering(story.places.len(), story.streams.len())
        })
    }

    /// The map of the story read to its end (the map's first layout: the long part of a large
    /// story's load, after the reading). Throws when a part is left unread, or on a second call.
    pub fn map(&mut self) -> Result<FlowMap, JsError> {
        let unpacker = self.unpacker.take().ok_or_else(used)?;
        let story = unpacker.finish().map_err(|e| JsError::new(&e))?;
        Ok(FlowMap::of_story(story))
    }
}

/// The error of a handle whose map has been made.
fn used() -> JsError {
    JsError::new("the story's map was already made from these parts")
}
