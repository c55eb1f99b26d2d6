//! Which URLs a map may load its story and basemap from.
//!
//! A newsroom publishes whatever its embed shows, so a link must not be able to make the embed
//! show other figures (`embed.html?data=https://anywhere.example/x.json`, or a `data:` URL that
//! needs no server at all) or other borders (`basemap=`). A file may load only when it is
//!
//! - under the map's own folder (`home`: the folder the page's modules are deployed in), or
//! - on an allow-list the publisher wrote: the host page's `allowed-data` attribute or the
//!   deployed `allowed-data.json`, never the page's URL. An entry ending in `/` allows every
//!   file under that folder; any other entry allows that one file.
//!
//! Every URL here is absolute and already normalised by the browser's `URL` (the page resolves
//! relative values and `..` segments before asking), so the rule is a comparison of strings:
//! a scheme, then a prefix that ends at a `/`, so `https://cdn.example/` never matches
//! `https://cdn.example.evil/`. Query and fragment do not count.

use crate::text::contains;
use std::fmt;

/// The longest part of a refused URL a message quotes, in characters: a `data:` URL may be
/// megabytes long, and the message is for a reader.
const QUOTED_CHARS: usize = 80;

/// Why a URL may not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not `http:` or `https:` (a `data:`, `blob:`, `javascript:` or `file:` URL): its content
    /// comes from whoever wrote the link, not from a server the publisher runs.
    Scheme(String),
    /// The path holds an encoded `/` or `\` (`%2f`, `%5c`), which some servers decode into a
    /// separator and so step out of the allowed folder.
    EncodedSeparator(String),
    /// Neither under the map's own folder nor on the publisher's allow-list.
    NotAllowed(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Scheme(url) => write!(
                f,
                "refused to load {}: only http and https files may load, not data:, blob: or other kinds of URL",
                quote(url)
            ),
            Refusal::EncodedSeparator(url) => write!(
                f,
                "refused to load {}: its path holds an encoded / or \\ (%2F, %5C)",
                quote(url)
            ),
            Refusal::NotAllowed(url) => write!(
                f,
                "refused to load {}: a map loads data only from its own folder or from the publisher's allowed-data list",
                quote(url)
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// `url` in quotes, cut to [`QUOTED_CHARS`] characters.
fn quote(url: &str) -> String {
    let mut chars = url.chars();
    let head: String = chars.by_ref().take(QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("'{head}…'")
    } else {
        format!("'{head}'")
    }
}

/// Whether `url` is an `http:` or `https:` URL (case-insensitive scheme).
fn is_http(url: &str) -> bool {
    let scheme = url.split(':').next().unwrap_or_default();
    url.contains(':')
        && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
}

/// `url` without its query and fragment.
fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or_default()
}

/// Whether `url` is the file or under the folder an allow-list `entry` names (see the module's
/// doc); an entry that is not an `http(s)` URL allows nothing.
fn allows(entry: &str, url: &str) -> bool {
    let entry = without_query(entry);
    if !is_http(entry) || !contains(entry, "://") {
        return false;
    }
    if entry.ends_with('/') {
        url.starts_with(entry)
    } else {
        url == entry
    }
}

/// Whether the page may load `url` (absolute, normalised), given the map's own folder `home`
/// (absolute, ending in `/`) and the publisher's `allowed` entries (absolute URLs).
pub fn check_source<S: AsRef<str>>(url: &str, home: &str, allowed: &[S]) -> Result<(), Refusal> {
    if !is_http(url) {
        return Err(Refusal::Scheme(url.to_string()));
    }
    let path = without_query(url);
    let lower = path.to_ascii_lowercase();
    if contains(&lower, "%2f") || contains(&lower, "%5c") || path.contains('\\') {
        return Err(Refusal::EncodedSeparator(url.to_string()));
    }
    let home_folder = home.ends_with('/').then_some(home);
    if home_folder.is_some_and(|h| allows(h, path))
        || allowed.iter().any(|e| allows(e.as_ref(), path))
    {
        Ok(())
    } else {
        Err(Refusal::NotAllowed(url.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: &str = "https://maps.example.org/flowlines/";
    const NONE: [&str; 0] = [];

    #[test]
    fn a_file_under_the_maps_own_folder_loads() {
        let url = "https://maps.example.org/flowlines/data/nk-russia.json?v=abc";
        assert_eq!(check_source(url, HOME, &NONE), Ok(()));
    }

    #[test]
    fn another_origin_is_refused_unless_the_publisher_allows_it() {
        let url = "https://anywhere.example/x.json";
        assert!(matches!(
            check_source(url, HOME, &NONE),
            Err(Refusal::NotAllowed(_))
        ));
        assert_eq!(
            check_source(url, HOME, &["https://anywhere.example/"]),
            Ok(())
        );
    }

    #[test]
    fn the_same_origin_outside_the_maps_folder_is_refused() {
        let url = "https://maps.example.org/uploads/x.json";
        assert!(check_source(url, HOME, &NONE).is_err());
    }

    #[test]
    fn data_and_blob_urls_are_refused_even_when_listed() {
        for url in [
            "data:application/json,{}",
            "blob:https://maps.example.org/1234",
            "javascript:alert(1)",
        ] {
            assert!(matches!(
                check_source(url, HOME, &[url, "data:"]),
                Err(Refusal::Scheme(_))
            ));
        }
    }

    #[test]
    fn a_folder_entry_does_not_match_a_longer_host_or_folder_name() {
        let allowed = ["https://cdn.example/stories/"];
        assert!(check_source("https://cdn.example/stories/a.json", HOME, &allowed).is_ok());
        assert!(check_source("https://cdn.example/stories-evil/a.json", HOME, &allowed).is_err());
        assert!(check_source("https://cdn.example.evil/stories/a.json", HOME, &allowed).is_err());
    }

    #[test]
    fn an_entry_without_a_final_slash_allows_that_file_only() {
        let allowed = ["https://cdn.example/stories/a.json"];
        assert!(check_source("https://cdn.example/stories/a.json", HOME, &allowed).is_ok());
        assert!(check_source("https://cdn.example/stories/a.json.evil", HOME, &allowed).is_err());
    }

    #[test]
    fn an_encoded_separator_is_refused_inside_an_allowed_folder() {
        let url = "https://maps.example.org/flowlines/data/..%2F..%2Fuploads/x.json";
        assert!(matches!(
            check_source(url, HOME, &NONE),
            Err(Refusal::EncodedSeparator(_))
        ));
    }

    #[test]
    fn a_refusal_quotes_a_long_url_cut_short() {
        let url = format!("data:application/json,{}", "x".repeat(10_000));
        let message = check_source(&url, HOME, &NONE).unwrap_err().to_string();
        assert!(message.len() < 300, "{message}");
        assert!(message.starts_with("refused to load 'data:application/json,xxx"));
    }
}
