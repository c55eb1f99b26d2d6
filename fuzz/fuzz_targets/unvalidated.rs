//! The page's map module reads a story without validating it (`compact::read_validated`, caps
//! held, the rest trusted to the build or the second module): whatever bytes read, the map
//! they make is used as the page uses it without a panic (`tests/support/page_use.rs` of the
//! core, which `tests/unvalidated_scene.rs` runs on the default story's bytes changed anywhere).
#![no_main]

#[path = "../../crates/flowlines-core/tests/support/page_use.rs"]
mod page_use;

use flowlines_core::compact::read_validated;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(story) = read_validated(data) {
        page_use::use_as_the_page_does(story);
    }
});
