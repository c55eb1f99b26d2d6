//! FlowmapBlue's flow sheets and GeoJSON places: the input is up to four files separated by NUL
//! bytes, in the order of `SHEETS` (an empty part is a missing file); the first byte picks
//! whether the places come as `locations.csv` or as a `.geojson` file. Whatever they hold,
//! `load_flowmap_blue` returns a story or located problems inside the files and never panics.
#![no_main]

use flowlines_core::parse::{load_flowmap_blue, SheetSettings};
use libfuzzer_sys::fuzz_target;

/// The files of a folder of flow sheets, in the order the input gives them; the first is the
/// places' file, named by the input's first byte.
const SHEETS: [&str; 4] = ["locations.csv", "flows.csv", "story.csv", "properties.csv"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let files: Vec<(String, String)> = text
        .split('\0')
        .zip(SHEETS)
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, name)| {
            let name = if name == "locations.csv" && pick % 2 == 1 {
                "places.geojson"
            } else {
                name
            };
            (name.to_string(), t.to_string())
        })
        .collect();
    let none = SheetSettings::default();
    if let Err(problems) = load_flowmap_blue(&files, &none, &none) {
        assert!(!problems.is_empty());
        for d in &problems.0 {
            let lines = files
                .iter()
                .find(|(name, _)| *name == d.file)
                .map_or(1, |(_, text)| text.split('\n').count());
            assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d}");
        }
    }
});
