//! The page's map module reads a story without validating it (`compact::read_validated`: it
//! holds the caps but trusts the build, or the second module, to have validated the story). The
//! page hands it nothing else, but a host calling the wasm itself could hand it crafted bytes:
//! whatever those read to, the map must not panic. The default story's binary form with a
//! byte changed anywhere: whatever reads is laid out, moved to its first day, its 'as of' and
//! its last, animated, painted (flows, routes, outlines, particles), hit-tested, zoomed, and
//! asked for every flow's and place's details, its labels, its summary and its table.
#![allow(clippy::unwrap_used)]

mod support {
    pub mod page_use;
}

use flowlines_core::compact::{binary_story, read_validated};
use flowlines_core::parse::load_json;
use proptest::prelude::*;
use std::sync::OnceLock;
use support::page_use::use_as_the_page_does;

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");

/// The default story's binary compact form, as the build writes it.
fn default_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| binary_story(&load_json("nk-russia.json", NK_RUSSIA).unwrap()).unwrap())
}

#[test]
fn the_default_story_read_without_validating_is_used_as_the_page_uses_it() {
    use_as_the_page_does(read_validated(default_bytes()).unwrap());
}

proptest! {
    // About two in five of the changed files still read (842 of 2,000, 6 December 2026).
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_story_read_from_changed_bytes_never_panics_the_map(at in any::<prop::sample::Index>(), how in 0u8..6, bit in 0u32..8) {
        let mut bytes = default_bytes().to_vec();
        let i = at.index(bytes.len());
        match how {
            0 => bytes[i] ^= 1 << bit,
            1 => bytes[i] = 0,
            2 => bytes[i] = 0xff,
            3 => bytes[i] = bytes[i].wrapping_add(1),
            4 => bytes[i] = bytes[i].wrapping_sub(1),
            _ => bytes.truncate(i),
        }
        if let Ok(story) = read_validated(&bytes) {
            use_as_the_page_does(story);
        }
    }
}
