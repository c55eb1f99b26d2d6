//! The binary compact story's reader (the only story reader of the page's map module): whatever
//! the bytes, `read_binary` returns a valid story or a problem, never panics, and a story it
//! reads is written back by postcard to bytes it reads again to the same story.
#![no_main]

use flowlines_core::compact::{binary_story, read_binary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(story) = read_binary(data) else {
        return;
    };
    let again = binary_story(&story).map(|bytes| read_binary(&bytes));
    assert!(matches!(again, Ok(Ok(ref s)) if *s == story), "{again:?}");
});
