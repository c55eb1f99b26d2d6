//! The caps on what a story may hold: one source of truth for the readers, the validator and
//! the documentation (`docs/data-format.md`, "Limits").
//!
//! Each cap is well above what a real story needs (the default story has 20-odd streams; the
//! benchmark story has 100,000 flows) and low enough that whatever a file holds, reading,
//! validating and drawing it stays linear in its size and ends within seconds and a few hundred
//! megabytes. A file over a cap is refused with a located `file:line:column: message`, never
//! cut short silently.

/// The largest file the command line reads, in bytes (50 MiB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The message refusing a file of `bytes` bytes over [`MAX_FILE_BYTES`], naming what the file
/// holds (`what`: "a story", "a table"...); `None` when the file fits.
pub fn file_too_large(bytes: usize, what: &str) -> Option<String> {
    (bytes > MAX_FILE_BYTES).then(|| {
        format!(
            "the file is {} MiB: {what} may be at most {} MiB",
            bytes / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

/// The largest file the page reads, in bytes (10 MiB): the page parses on the main thread, and
/// a story this size parses within the time the README's parse benchmark prints.
pub const MAX_PAGE_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The deepest nesting of arrays and objects in a JSON file (a real story nests 5 deep:
/// `observations[i].denials[j].by.name.en`).
pub const MAX_DEPTH: usize = 32;

/// The longest string, in bytes, in a JSON file or a CSV text cell (64 KiB): a note or a
/// caveat is a few hundred characters.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// The most places a story may have.
pub const MAX_PLACES: usize = 100_000;

/// The most streams a story may have.
pub const MAX_STREAMS: usize = 100_000;

/// The most observations a story may have (ten per stream at the most streams).
pub const MAX_OBSERVATIONS: usize = 1_000_000;

/// The most routes a story may have.
pub const MAX_ROUTES: usize = 100_000;

/// The most entities of each other section (sources, categories, units, sanctions, events, steps).
pub const MAX_OTHER: usize = 10_000;

/// The most waypoints one route may have.
pub const MAX_WAYPOINTS_PER_ROUTE: usize = 100_000;

/// The most waypoints all streams together may be drawn through: a route shared by several
/// streams counts once per stream, since each stream is drawn along it.
pub const MAX_DRAWN_WAYPOINTS: usize = 2_000_000;

/// The most columns a CSV table may have (a story's widest table has about 20).
pub const MAX_CSV_COLUMNS: usize = 256;

/// The most dots in a CSV column's name (`claimant.name.en` has two).
pub const MAX_CSV_COLUMN_DOTS: usize = 4;

/// The most problems one load reports; past it, one last line says how many were left out.
pub const MAX_PROBLEMS: usize = 1_000;

/// The cap on a section's number of entities, or `None` for the `story` record.
pub fn max_entities(section: &str) -> Option<usize> {
    match section {
        "places" => Some(MAX_PLACES),
        "streams" => Some(MAX_STREAMS),
        "observations" => Some(MAX_OBSERVATIONS),
        "routes" => Some(MAX_ROUTES),
        "story" => None,
        _ => Some(MAX_OTHER),
    }
}

/// Whether a text may not hold `c`: the control characters XML 1.0 forbids (all below U+0020
/// but tab, line feed and carriage return) and the non-characters U+FFFE and U+FFFF. Texts are
/// printed into SVG images, which must stay well-formed XML.
pub fn is_forbidden_char(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// The message for a text holding `c` (see [`is_forbidden_char`]).
pub fn forbidden_char_message(c: char) -> String {
    format!(
        "a text may not hold the control character U+{:04X}: remove it",
        u32::from(c)
    )
}

/// The first forbidden character of `s` and its byte offset, if any.
pub fn first_forbidden_char(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| is_forbidden_char(c))
}

/// The cap on texts `s` is over, as the JSON scanner says it; `None` within them. The binary
/// compact story's reader ([`crate::compact`]) holds every text it reads to it.
pub(crate) fn over_cap(s: &str) -> Option<String> {
    if s.len() > MAX_STRING_BYTES {
        return Some(super::scan::too_long());
    }
    first_forbidden_char(s).map(|(_, c)| forbidden_char_message(c))
}
