//! What many readings repeat, held once: the stream, unit and source a reading cites, and who
//! claims it. A story of 100,000 flows has 500,000 readings, and readings of one stream come
//! one after another; held once, the benchmark's story at 100,000 flows makes 2.4 million
//! allocations fewer.
//!
//! A reader shares them while it reads ([`sharing`](crate::model::shared::sharing)): a reading's
//! stream, unit, source and claimant are the ones of the reading read before it when they are
//! equal, so a run of readings citing the same ones holds one of each. (Equal to the last one, not
//! to any one before: a table of every id would cost the page's module more code than it saves.)
//! Outside a reader (a story made in code) each is its own unless the maker shares it
//! (`crate::synthetic` does).

use super::Claimant;
use serde::de::{Deserializer, Error, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

/// The last stream, unit and source ids read (in that order) and the last claimant, while a
/// reader reads.
#[derive(Default)]
struct Last {
    ids: [Option<Arc<str>>; 3],
    claimant: Option<Arc<Claimant>>,
}

thread_local! {
    /// Set while a reader reads ([`sharing`]); `None` otherwise.
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

/// Ends the sharing when the read ends, by return or by unwinding.
struct Scope;

impl Drop for Scope {
    fn drop(&mut self) {
        LAST.with(|t| *t.borrow_mut() = None);
    }
}

/// Runs `read` with what it reads shared (see the module's notes); a read within a read shares
/// the outer one's. Nothing is kept once the outer read ends.
pub(crate) fn sharing<R>(read: impl FnOnce() -> R) -> R {
    let outer = LAST.with(|t| {
        let mut t = t.borrow_mut();
        let outer = t.is_some();
        if !outer {
            *t = Some(Last::default());
        }
        outer
    });
    if outer {
        return read();
    }
    let _scope = Scope;
    read()
}

/// Reads the id in place `slot` of a reading (0 stream, 1 unit, 2 source) as a string is read:
/// the last one read there when it is the same text and a reader is reading.
fn id_in<'de, D: Deserializer<'de>>(d: D, slot: usize) -> Result<Arc<str>, D::Error> {
    struct Id(usize);
    impl Visitor<'_> for Id {
        type Value = Arc<str>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: Error>(self, text: &str) -> Result<Arc<str>, E> {
            Ok(LAST.with(|t| match t.borrow_mut().as_mut() {
                Some(last) => match &mut last.ids[self.0] {
                    Some(id) if **id == *text => id.clone(),
                    slot => slot.insert(text.into()).clone(),
                },
                None => text.into(),
            }))
        }
    }
    // As a `String` field asks for its text (the page's readers hold each text to its cap
    // on this path; a borrowed text still comes to `visit_str`).
    d.deserialize_string(Id(slot))
}

/// Reads the stream id a reading cites (`#[serde(deserialize_with = "shared::stream")]`).
pub(crate) fn stream<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    id_in(d, 0)
}

/// Reads the unit id a reading counts in.
pub(crate) fn unit<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    id_in(d, 1)
}

/// Reads the source id a reading cites.
pub(crate) fn source<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    id_in(d, 2)
}

/// Reads a reading's claimant (`#[serde(deserialize_with = "shared::claimant")]`): the one of
/// the reading before when they are equal and a reader is reading.
pub(crate) fn claimant<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Claimant>, D::Error> {
    let read = Claimant::deserialize(d)?;
    Ok(LAST.with(|t| match t.borrow_mut().as_mut() {
        Some(last) => match &mut last.claimant {
            Some(same) if **same == read => same.clone(),
            slot => slot.insert(Arc::new(read)).clone(),
        },
        None => Arc::new(read),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    fn two_readings_of_one_stream() -> String {
        let reading = |id: &str| {
            format!(
                r#"{{"id":"{id}","stream":"s","quantity":{{"exact":1}},"unit":"troops",
                "measure":"cumulative","period":"2024","reported":"2024-05",
                "claimant":{{"name":"a","party":"b"}},"source":"doc","confidence":"claimed"}}"#
            )
        };
        format!("[{},{}]", reading("o1"), reading("o2"))
    }

    #[test]
    fn readings_read_together_point_at_one_stream_unit_source_and_claimant() {
        let text = two_readings_of_one_stream();
        let read: Vec<Observation> = sharing(|| serde_json::from_str(&text)).unwrap();
        let [a, b] = &read[..] else {
            panic!("two readings")
        };
        assert_eq!(&*a.stream, "s");
        assert!(Arc::ptr_eq(&a.stream, &b.stream));
        assert!(Arc::ptr_eq(&a.unit, &b.unit));
        assert!(Arc::ptr_eq(&a.source, &b.source));
        assert!(Arc::ptr_eq(&a.claimant, &b.claimant));
    }

    #[test]
    fn a_reading_citing_other_ids_than_the_one_before_keeps_its_own() {
        let text = two_readings_of_one_stream()
            .replacen(r#""stream":"s""#, r#""stream":"t""#, 1)
            .replacen(r#""name":"a""#, r#""name":"c""#, 1);
        let read: Vec<Observation> = sharing(|| serde_json::from_str(&text)).unwrap();
        assert_eq!((&*read[0].stream, &*read[1].stream), ("t", "s"));
        assert_eq!(read[0].claimant.name, crate::model::Text::Plain("c".into()));
        assert_eq!(read[1].claimant.name, crate::model::Text::Plain("a".into()));
        assert!(Arc::ptr_eq(&read[0].unit, &read[1].unit));
    }

    #[test]
    fn readings_read_outside_a_reader_share_nothing_and_say_the_same() {
        let text = two_readings_of_one_stream();
        let shared: Vec<Observation> = sharing(|| serde_json::from_str(&text)).unwrap();
        let apart: Vec<Observation> = serde_json::from_str(&text).unwrap();
        assert_eq!(shared, apart);
        assert!(!Arc::ptr_eq(&apart[0].stream, &apart[1].stream));
        assert!(!Arc::ptr_eq(&apart[0].claimant, &apart[1].claimant));
    }

    #[test]
    fn nothing_is_kept_from_one_read_to_the_next() {
        let text = two_readings_of_one_stream();
        let first: Vec<Observation> = sharing(|| serde_json::from_str(&text)).unwrap();
        let second: Vec<Observation> = sharing(|| serde_json::from_str(&text)).unwrap();
        assert!(!Arc::ptr_eq(&first[0].stream, &second[0].stream));
        assert!(LAST.with(|t| t.borrow().is_none()));
    }

    #[test]
    fn an_id_that_is_not_a_string_is_refused_as_a_string_would_be() {
        let text = two_readings_of_one_stream().replacen(r#""stream":"s""#, r#""stream":5"#, 1);
        let e = sharing(|| serde_json::from_str::<Vec<Observation>>(&text)).unwrap_err();
        assert!(e.to_string().contains("expected a string"), "{e}");
    }
}
