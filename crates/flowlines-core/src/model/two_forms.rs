//! Serde for an enum whose JSON form does not name its variant (a string, or an object), and
//! whose binary form does.
//!
//! JSON says what comes next (a string or an object), so a person writes such a text or form
//! without naming its variant (serde's `untagged`). The binary compact story is read by
//! position (postcard), which cannot be asked what comes next: there the variant is written
//! first, by its index. The two are told apart by the format's `is_human_readable`.

/// Implements `Serialize` and `Deserialize` for enum `$name`, whose variants each hold one
/// value: untagged in JSON, by variant index in a binary form. `$label` is the enum's name as a
/// string (serde's attributes take only a literal): the name in errors, and the type that the
/// derived readers build directly (serde's `remote`, which spares a copy and its code).
macro_rules! two_forms {
    ($name:ident, $label:literal, { $($index:literal $variant:ident($ty:ty)),+ $(,)? }) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant(v) => if s.is_human_readable() {
                        v.serialize(s)
                    } else {
                        s.serialize_newtype_variant($label, $index, stringify!($variant), v)
                    },)+
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                /// As JSON writes it: the variant told by what the value is.
                #[derive(serde::Deserialize)]
                #[serde(remote = $label, untagged, rename = $label)]
                enum Json {
                    $($variant($ty),)+
                }
                /// As a binary form writes it: the variant's index first.
                #[derive(serde::Deserialize)]
                #[serde(remote = $label, rename = $label)]
                enum Binary {
                    $($variant($ty),)+
                }
                if d.is_human_readable() {
                    Json::deserialize(d)
                } else {
                    Binary::deserialize(d)
                }
            }
        }
    };
}

pub(crate) use two_forms;
