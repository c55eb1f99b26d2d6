//! The JSON reader: whatever the bytes, `load_json` returns a story or located problems, never
//! panics, and every problem's line and column are inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problems) = flowlines_core::parse::load_json("fuzz.json", text) {
        assert!(!problems.is_empty());
        let lines = text.split('\n').count();
        for d in &problems.0 {
            assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d}");
        }
    }
});
