//! Reads the binary compact story ([`crate::compact`]) back into the model: the one reader of
//! that form, in the page's map module, its worker's hand-over and the tools.
//!
//! The form is the model's fields in order as postcard writes them (the writer stays
//! `postcard` over the model's derived `Serialize`): a count or a variant as an unsigned
//! LEB128 integer, a signed number zigzagged first, an `f64` as its eight bytes little-endian,
//! a text or a list as its length and then its bytes or items, an absent value as the byte 0
//! and a present one as 1 and then the value, an array of fixed size as its items alone.
//!
//! Read here by hand, one function a type, where serde's derived readers over postcard's
//! deserialiser (and a wrapper holding every text to the page's caps) built a visitor for
//! every type, field and option: those took 10.5 KB of the map module gzipped, this reader
//! about 3.4 KB (README, Weight, 6 December). Every text is held to the page's caps as it is
//! read, as the JSON scanner holds a JSON story's ([`crate::parse::limits`]); what repeats
//! from one reading to the next is held once, as [`crate::model::shared`] says. A test writes
//! a story with every field and every variant filled in and reads it back the same, so that a
//! field the model gains and this reader lacks fails it.

use crate::date::{DateSpec, Period};
use crate::model::{
    Category, Claimant, Confidence, Correction, CountedForm, CountedNames, Denial, Destination,
    Event, Measure, Mode, Names, Observation, PathCertainty, Place, PluralForms, Precision,
    ProjectionKind, ProjectionSpec, Quantity, Quote, Route, Sanction, Source, Story, StoryMeta,
    Stream, Text, Unit,
};
use crate::parse::limits::over_cap;
use crate::steps::Step;
use std::sync::Arc;

/// The story whose binary form (without its magic line) is all of `body`; not validated. The
/// error is the first thing found wrong.
pub(crate) fn story_of(body: &[u8]) -> Result<Story, String> {
    let mut r = Reader {
        rest: body,
        problem: None,
        ids: Default::default(),
        claimant: None,
    };
    let story = r.story();
    match (r.problem, r.rest.len()) {
        (Some(problem), _) => Err(problem),
        (None, 0) => Ok(story),
        (None, n) => Err(format!("{n} bytes after its end")),
    }
}

/// The problem of bytes that end before the story does, or of a count larger than the bytes
/// left.
const ENDED: &str = "it ends before the story does";

/// The bytes left to read, the first problem found, and what the last reading cited (see
/// [`crate::model::shared`]).
///
/// A read never stops half-way through a value: once something is wrong, the problem is kept,
/// the bytes left are dropped, and every read after it gives an empty value (an empty text,
/// zero, nothing), which [`story_of`] then throws away. So each type's reader builds its value
/// in one go, with no early return (and none of the code that drops the fields already read
/// at each), and a crafted count can make no loop run past the bytes there are.
struct Reader<'a> {
    rest: &'a [u8],
    problem: Option<String>,
    /// The last stream, unit and source ids a reading cited.
    ids: [Option<Arc<str>>; 3],
    /// The last reading's claimant.
    claimant: Option<Arc<Claimant>>,
}

impl<'a> Reader<'a> {
    /// Keeps `problem` unless one was found before, and drops the bytes left.
    #[inline(never)]
    fn fail(&mut self, problem: impl Into<String>) {
        self.problem.get_or_insert_with(|| problem.into());
        self.rest = &[];
    }

    /// The next `n` bytes; none when fewer are left.
    fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.rest.len() {
            self.fail(ENDED);
            return &[];
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        head
    }

    /// The next byte (0 when none is left).
    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }

    /// An unsigned LEB128 integer of at most 64 bits.
    fn unsigned(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 && (shift < 63 || b < 2) {
                return value;
            }
        }
        self.fail("a number longer than 64 bits");
        0
    }

    /// An unsigned integer that must fit in 32 bits.
    fn u32(&mut self) -> u32 {
        let n = self.unsigned();
        u32::try_from(n).unwrap_or_else(|_| {
            self.fail("a number over 32 bits");
            0
        })
    }

    /// A zigzagged signed integer that must fit in 32 bits.
    fn i32(&mut self) -> i32 {
        let z = self.u32();
        (z >> 1) as i32 ^ -((z & 1) as i32)
    }

    /// A count of items or bytes to come: never more than the bytes left, since each item
    /// takes at least one (so that no count in a crafted file reserves more than it holds).
    fn count(&mut self) -> usize {
        let n = self.unsigned();
        match usize::try_from(n) {
            Ok(n) if n <= self.rest.len() => n,
            _ => {
                self.fail(ENDED);
                0
            }
        }
    }

    /// A variant's index, below `variants` (0 once something is wrong).
    fn variant(&mut self, variants: u32) -> u32 {
        let v = self.u32();
        if v < variants {
            return v;
        }
        self.fail(format!("a variant {v} of {variants}"));
        0
    }

    /// An `f64`, its bits as written.
    fn f64(&mut self) -> f64 {
        let mut b = [0; 8];
        if let Ok(bytes) = <[u8; 8]>::try_from(self.take(8)) {
            b = bytes;
        }
        f64::from_le_bytes(b)
    }

    /// `N` numbers in a row.
    fn floats<const N: usize>(&mut self) -> [f64; N] {
        std::array::from_fn(|_| self.f64())
    }

    /// A text, held to the page's caps.
    fn str(&mut self) -> &'a str {
        let n = self.count();
        let Ok(text) = std::str::from_utf8(self.take(n)) else {
            self.fail("a text not in UTF-8");
            return "";
        };
        if let Some(problem) = over_cap(text) {
            self.fail(problem);
            return "";
        }
        text
    }

    /// A text as an owned string.
    fn string(&mut self) -> String {
        self.str().to_string()
    }

    /// A value that may be absent: `item` reads it when present.
    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(item(self)),
            _ => {
                self.fail("an optional value marked neither absent nor present");
                None
            }
        }
    }

    /// A list of the items `item` reads. Room is made at first for at most 1 MiB of items,
    /// as serde does (`size_hint::cautious`), whatever count the file gives.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.count();
        let mut out = Vec::with_capacity(n.min((1 << 20) / std::mem::size_of::<T>().max(1)));
        for _ in 0..n {
            if self.problem.is_some() {
                break;
            }
            out.push(item(self));
        }
        out
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(Self::string)
    }

    /// A text parsed as a `T` (a date or a period); `empty` once it does not parse.
    fn parsed<T: std::str::FromStr<Err = crate::date::DateError>>(&mut self, empty: T) -> T {
        let text = self.str();
        text.parse().unwrap_or_else(|e: crate::date::DateError| {
            self.fail(e.to_string());
            empty
        })
    }

    fn date(&mut self) -> DateSpec {
        self.parsed(DateSpec::default())
    }

    fn period(&mut self) -> Period {
        self.parsed(Period {
            start: DateSpec::default(),
            end: DateSpec::default(),
        })
    }

    fn names(&mut self) -> Names {
        Names {
            en: self.string(),
            ko: self.string(),
            uk: self.string(),
            ru: self.string(),
        }
    }

    fn text(&mut self) -> Text {
        match self.variant(2) {
            0 => Text::Plain(self.string()),
            _ => Text::Localised(Box::new(self.names())),
        }
    }

    fn note(&mut self) -> Option<Text> {
        self.option(Self::text)
    }

    fn quote(&mut self) -> Option<Quote> {
        self.option(|r| Quote {
            text: r.string(),
            line: r.u32(),
        })
    }

    fn story(&mut self) -> Story {
        Story {
            story: self.meta(),
            sources: self.list(Self::source),
            places: self.list(Self::place),
            categories: self.list(Self::category),
            units: self.list(Self::unit),
            routes: self.list(Self::route),
            streams: self.list(Self::stream),
            observations: self.list(Self::observation),
            sanctions: self.list(Self::sanction),
            events: self.list(Self::event),
            steps: self.list(Self::step),
        }
    }

    fn meta(&mut self) -> StoryMeta {
        StoryMeta {
            id: self.string(),
            title: self.text(),
            summary: self.note(),
            as_of: self.date(),
            version: self.string(),
            start: self.date(),
            end: self.date(),
            open_at: self.option(Self::date),
            credit: self.note(),
            caveat: self.note(),
            corrections: self.list(|r| Correction {
                date: r.date(),
                text: r.text(),
            }),
            projection: self.option(|r| ProjectionSpec {
                kind: r.projection_kind(),
                center: r.option(Self::floats::<2>),
                parallels: r.option(Self::floats::<2>),
            }),
        }
    }

    fn projection_kind(&mut self) -> ProjectionKind {
        match self.variant(2) {
            0 => ProjectionKind::Conic,
            _ => ProjectionKind::Azimuthal,
        }
    }

    fn source(&mut self) -> Source {
        Source {
            id: self.string(),
            file: self.string(),
            outlet: self.option(Self::string),
            title: self.text(),
            published: self.date(),
            published_inferred: self.note(),
        }
    }

    fn place(&mut self) -> Place {
        Place {
            id: self.string(),
            names: self.names(),
            label: self.option(Self::names),
            lon: self.f64(),
            lat: self.f64(),
            precision: match self.variant(4) {
                0 => Precision::Facility,
                1 => Precision::City,
                2 => Precision::Region,
                _ => Precision::Country,
            },
            country: self.string(),
            note: self.note(),
        }
    }

    fn category(&mut self) -> Category {
        Category {
            id: self.string(),
            names: self.names(),
            color: self.option(Self::string),
        }
    }

    fn unit(&mut self) -> Unit {
        Unit {
            id: self.string(),
            names: self.names(),
            counted: self.option(|r| CountedNames {
                en: r.option(Self::counted_form),
                ko: r.option(Self::counted_form),
                uk: r.option(Self::counted_form),
                ru: r.option(Self::counted_form),
            }),
        }
    }

    fn counted_form(&mut self) -> CountedForm {
        match self.variant(2) {
            0 => CountedForm::Same(self.string()),
            _ => CountedForm::ByPlural(PluralForms {
                one: self.option(Self::string),
                few: self.option(Self::string),
                many: self.option(Self::string),
                other: self.string(),
            }),
        }
    }

    fn route(&mut self) -> Route {
        Route {
            id: self.string(),
            from: self.string(),
            to: self.string(),
            mode: match self.variant(5) {
                0 => Mode::Sea,
                1 => Mode::Rail,
                2 => Mode::Air,
                3 => Mode::Road,
                _ => Mode::Unknown,
            },
            path: match self.variant(3) {
                0 => PathCertainty::Known,
                1 => PathCertainty::Assumed,
                _ => PathCertainty::Endpoints,
            },
            waypoints: self.list(Self::floats::<2>),
            countries: self.strings(),
            note: self.note(),
        }
    }

    fn stream(&mut self) -> Stream {
        Stream {
            id: self.string(),
            label: self.text(),
            category: self.string(),
            unit: self.string(),
            from: self.string(),
            to: self.string(),
            route: self.option(Self::string),
            destination: match self.variant(2) {
                0 => Destination::Reported,
                _ => Destination::Inferred,
            },
            part_of: self.option(Self::string),
            sanctions: self.strings(),
            note: self.note(),
        }
    }

    /// The id in place `slot` of a reading (0 stream, 1 unit, 2 source): the last reading's
    /// when it is the same text.
    fn id_in(&mut self, slot: usize) -> Arc<str> {
        let text = self.str();
        match &mut self.ids[slot] {
            Some(id) if **id == *text => id.clone(),
            last => last.insert(text.into()).clone(),
        }
    }

    fn claimant(&mut self) -> Claimant {
        Claimant {
            name: self.text(),
            role: self.note(),
            party: self.text(),
        }
    }

    fn observation(&mut self) -> Observation {
        Observation {
            id: self.string(),
            stream: self.id_in(0),
            quantity: self.quantity(),
            unit: self.id_in(1),
            measure: match self.variant(2) {
                0 => Measure::Cumulative,
                _ => Measure::InPeriod,
            },
            period: self.period(),
            reported: self.date(),
            claimant: {
                let read = self.claimant();
                match &mut self.claimant {
                    Some(same) if **same == read => same.clone(),
                    last => last.insert(Arc::new(read)).clone(),
                }
            },
            source: self.id_in(2),
            confidence: self.confidence(),
            denials: self.list(|r| Denial {
                by: r.claimant(),
                date: r.date(),
                source: r.string(),
                note: r.note(),
                quote: r.quote(),
            }),
            note: self.note(),
            quote: self.quote(),
        }
    }

    fn quantity(&mut self) -> Quantity {
        match self.variant(6) {
            0 => Quantity::Exact(self.f64()),
            1 => Quantity::About(self.f64()),
            2 => Quantity::AtLeast(self.f64()),
            3 => Quantity::AtMost(self.f64()),
            4 => Quantity::Range {
                low: self.f64(),
                high: self.f64(),
            },
            _ => Quantity::Unknown,
        }
    }

    /// A confidence: [`Confidence::ALL`] is its variants in the order they are declared.
    fn confidence(&mut self) -> Confidence {
        let v = self.variant(Confidence::ALL.len() as u32);
        Confidence::ALL[v as usize]
    }

    fn sanction(&mut self) -> Sanction {
        Sanction {
            id: self.string(),
            resolution: self.string(),
            year: self.i32(),
            paragraph: self.string(),
            text: self.text(),
            source: self.string(),
        }
    }

    fn event(&mut self) -> Event {
        Event {
            id: self.string(),
            date: self.date(),
            place: self.option(Self::string),
            label: self.text(),
            source: self.string(),
        }
    }

    fn step(&mut self) -> Step {
        Step {
            id: self.string(),
            date: self.date(),
            categories: self.option(Self::strings),
            stream: self.option(Self::string),
            place: self.option(Self::string),
            fit: self.strings(),
            extent: self.option(Self::floats::<4>),
            text: self.text(),
        }
    }
}

#[cfg(test)]
mod tests;
