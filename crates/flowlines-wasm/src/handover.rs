//! Reading a story in a Worker and handing it to the map (`flowlines_core::handover`): the
//! page's story worker (`www/js/story-worker.js`) calls [`pack_story`] on the file's bytes;
//! the main thread reads the packed story back with [`StoryParts`], one part per task, and
//! makes the map with [`FlowMap::from_parts`], without validating again.

use crate::FlowMap;
use flowlines_core::handover::{pack, Unpacker};
use flowlines_core::parse::read_plain_bytes;
use wasm_bindgen::prelude::*;

/// Reads and validates the bytes of a JSON story file as `FlowMap.from_bytes` does, and packs
/// the file's text for the main thread (in the Worker). Throws an `Error` saying the first problem,
/// as `FlowMap.from_bytes` does.
#[wasm_bindgen]
pub fn pack_story(file: &str, bytes: &[u8]) -> Result<Vec<u8>, JsError> {
    let fail = |e: String| JsError::new(&format!("{file}: {e}"));
    read_plain_bytes(bytes).map_err(fail)?;
    // read_plain_bytes has checked that the bytes are UTF-8.
    let text = std::str::from_utf8(bytes).map_err(|e| fail(e.to_string()))?;
    pack(text).map_err(fail)
}

/// Whether the page reads a story file of `bytes` bytes in its Worker (the rule:
/// `flowlines_core::handover::reads_in_worker`).
#[wasm_bindgen]
pub fn reads_in_worker(bytes: usize) -> bool {
    flowlines_core::handover::reads_in_worker(bytes)
}

/// A packed story being read back on the main thread, one part per call of [`StoryParts::step`].
#[wasm_bindgen]
pub struct StoryParts {
    unpacker: Unpacker,
}

#[wasm_bindgen]
impl StoryParts {
    /// Starts reading the bytes [`pack_story`] made; throws when they are not a packed story.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<StoryParts, JsError> {
        let unpacker = Unpacker::new(bytes).map_err(|e| JsError::new(&e))?;
        Ok(StoryParts { unpacker })
    }

    /// Reads the next part (about 512 KiB of the story): returns whether every part is read.
    pub fn step(&mut self) -> Result<bool, JsError> {
        self.unpacker.step().map_err(|e| JsError::new(&e))
    }
}

#[wasm_bindgen]
impl FlowMap {
    /// The map of a packed story read to its end with [`StoryParts::step`] (the `parts` handle
    /// is used up); throws when a part is left unread.
    pub fn from_parts(parts: StoryParts) -> Result<FlowMap, JsError> {
        let story = parts.unpacker.finish().map_err(|e| JsError::new(&e))?;
        Ok(FlowMap::of_story(story))
    }
}
