//! The page's caps on every string of a story read from a form that has no scanner of its own.
//!
//! A JSON story passes [`super::scan::json_caps`] before it is parsed: no string longer than
//! [`MAX_STRING_BYTES`], none holding a forbidden control character ([`is_forbidden_char`]).
//! A binary compact story ([`crate::compact::read_binary`]) cannot be scanned so, since its
//! numbers are raw bytes among its strings; instead [`StringCaps`] wraps its deserialiser and
//! checks each string as it is read, whatever field it is read into. The same story is refused
//! either way, with the scanner's message.

use super::limits::{first_forbidden_char, forbidden_char_message, MAX_STRING_BYTES};
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::cell::Cell;
use std::fmt;

/// A deserialiser, visitor, seed or access whose every string is checked against the page's
/// caps before it reaches the model. The first string over a cap is refused, and its message
/// kept in `problem` (a format's own error may not carry a message: postcard's does not).
pub(crate) struct StringCaps<'p, T> {
    /// The deserialiser, visitor, seed or access wrapped.
    pub(crate) inner: T,
    /// Where the message of the string refused is kept.
    pub(crate) problem: &'p Cell<Option<String>>,
}

/// `inner` wrapped, its problem kept in `problem`.
fn caps<U>(problem: &Cell<Option<String>>, inner: U) -> StringCaps<'_, U> {
    StringCaps { inner, problem }
}

impl<T> StringCaps<'_, T> {
    /// Refuses `s` when it is over a cap, keeping the message.
    fn check<E: de::Error>(&self, s: &str) -> Result<(), E> {
        match over_cap(s) {
            None => Ok(()),
            Some(message) => {
                let e = E::custom(&message);
                self.problem.set(Some(message));
                Err(e)
            }
        }
    }
}

/// The cap `s` is over, as the JSON scanner says it; `None` within them.
fn over_cap(s: &str) -> Option<String> {
    if s.len() > MAX_STRING_BYTES {
        return Some(super::scan::too_long());
    }
    first_forbidden_char(s).map(|(_, c)| forbidden_char_message(c))
}

/// Forwards each named `deserialize_*` method to the wrapped deserialiser, the visitor wrapped.
macro_rules! forward_deserialize {
    ($($method:ident),+) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
            self.inner.$method(caps(self.problem, v))
        }
    )+};
}

impl<'de, 'p, D: Deserializer<'de>> Deserializer<'de> for StringCaps<'p, D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_unit_struct(name, caps(self.problem, v))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_newtype_struct(name, caps(self.problem, v))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_tuple(len, caps(self.problem, v))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_tuple_struct(name, len, caps(self.problem, v))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_struct(name, fields, caps(self.problem, v))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_enum(name, variants, caps(self.problem, v))
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Forwards each named `visit_*` method of a plain value to the wrapped visitor.
macro_rules! forward_visit {
    ($($method:ident($ty:ty)),+) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )+};
}

impl<'de, 'p, V: Visitor<'de>> Visitor<'de> for StringCaps<'p, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>)
    );

    fn visit_str<E: de::Error>(self, s: &str) -> Result<V::Value, E> {
        self.check(s)?;
        self.inner.visit_str(s)
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<V::Value, E> {
        self.check(s)?;
        self.inner.visit_borrowed_str(s)
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<V::Value, E> {
        self.check(&s)?;
        self.inner.visit_string(s)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(caps(self.problem, d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(caps(self.problem, d))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(caps(self.problem, a))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(caps(self.problem, a))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(caps(self.problem, a))
    }
}

impl<'de, 'p, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StringCaps<'p, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(caps(self.problem, d))
    }
}

impl<'de, 'p, A: de::SeqAccess<'de>> de::SeqAccess<'de> for StringCaps<'p, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.inner.next_element_seed(caps(self.problem, seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, 'p, A: de::MapAccess<'de>> de::MapAccess<'de> for StringCaps<'p, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(caps(self.problem, seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(caps(self.problem, seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, 'p, A: de::EnumAccess<'de>> de::EnumAccess<'de> for StringCaps<'p, A> {
    type Error = A::Error;
    type Variant = StringCaps<'p, A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.inner.variant_seed(caps(self.problem, seed))?;
        Ok((value, caps(self.problem, variant)))
    }
}

impl<'de, 'p, A: de::VariantAccess<'de>> de::VariantAccess<'de> for StringCaps<'p, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.newtype_variant_seed(caps(self.problem, seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, A::Error> {
        self.inner.tuple_variant(len, caps(self.problem, v))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, A::Error> {
        self.inner.struct_variant(fields, caps(self.problem, v))
    }
}
