//! Which of a story's optional fields are left out when it is written.
//!
//! In JSON an absent note, an empty list or an empty text is left out, as a person would write the
//! file. The binary compact story ([`crate::compact`]) is read by position, not by name (postcard),
//! so there every field must be written: [`every_field`](crate::model::omit::every_field) says so
//! for the time of one write. The model's `skip_serializing_if` attributes name the functions here.

use std::cell::Cell;

thread_local! {
    /// Whether the write under way keeps every field (the binary form) or leaves out empty ones.
    static EVERY_FIELD: Cell<bool> = const { Cell::new(false) };
}

/// Whether a field is left out: never while [`every_field`] runs.
fn left_out(empty: bool) -> bool {
    empty && !EVERY_FIELD.with(Cell::get)
}

/// An absent optional field is left out of JSON.
pub(crate) fn none<T>(v: &Option<T>) -> bool {
    left_out(v.is_none())
}

/// An empty list is left out of JSON.
pub(crate) fn empty<T>(v: &[T]) -> bool {
    left_out(v.is_empty())
}

/// An empty text is left out of JSON.
pub(crate) fn blank(v: &str) -> bool {
    left_out(v.is_empty())
}

/// Runs `write` with every field of the model written, empty or not; the setting before is
/// restored afterwards, even if `write` panics.
pub(crate) fn every_field<R>(write: impl FnOnce() -> R) -> R {
    /// Puts the setting back when dropped.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            EVERY_FIELD.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(EVERY_FIELD.with(|c| c.replace(true)));
    write()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_left_out_except_while_every_field_is_written() {
        assert!(none::<u8>(&None) && empty::<u8>(&[]) && blank(""));
        assert!(every_field(|| !none::<u8>(&None)
            && !empty::<u8>(&[])
            && !blank("")));
        assert!(none::<u8>(&None), "the setting is restored");
        assert!(!none(&Some(1)) && !empty(&[1]) && !blank("a"));
    }
}
