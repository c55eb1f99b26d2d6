//! Sorting by a number, with one compiled sort for the whole core.
//!
//! Each `sort_by` or `sort_by_key` on another element type or comparison compiles another
//! copy of the standard library's stable sort, about 3.7 KB of WebAssembly each: ten of them
//! were 37 KB of the map module's 467 KB (twiggy, 4 December 2026). Here every sort is of
//! `(key, position)` pairs, one type, so the module holds one copy: the key is a number whose
//! order is the one wanted ([`f64_key`](crate::order::f64_key), [`i32_key`](crate::order::i32_key),
//! [`pair_key`](crate::order::pair_key)) and the position breaks
//! ties, so that items with equal keys keep their order, as `sort_by_key` keeps it.

/// The key of `x` in [`f64::total_cmp`]'s order (−NaN, −∞, …, −0, +0, …, +∞, NaN): a
/// negative number's bits all flipped, so that larger magnitudes come first; any other's
/// sign bit set, so that it comes after every negative one.
pub fn f64_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// The key of `x` in its own order, in the low 32 bits (so that two make a [`pair_key`]).
pub fn i32_key(x: i32) -> u64 {
    u64::from((x as u32) ^ (1 << 31))
}

/// Two keys of at most 32 bits each (such as [`i32_key`]s) as one: by `first`, then by `second`.
pub fn pair_key(first: u64, second: u64) -> u64 {
    (first << 32) | (second & u64::from(u32::MAX))
}

/// Sorts `items` by `key`, smallest first; items with equal keys keep their order.
pub fn sort_by_key<T>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> u64) {
    // Already in order (days often are): nothing to move, and nothing allocated to find out.
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut keyed: Vec<(u64, usize)> = items.iter().map(&mut key).zip(0..).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        keyed
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_in_total_order_as_f64_total_cmp_sorts_them() {
        let mut xs = vec![
            3.5,
            -0.0,
            f64::NAN,
            0.0,
            -f64::NAN,
            f64::INFINITY,
            -2.0,
            f64::NEG_INFINITY,
            1e-300,
            -1e300,
            2.0,
            -f64::MIN_POSITIVE,
        ];
        let mut expected = xs.clone();
        expected.sort_by(f64::total_cmp);
        sort_by_key(&mut xs, |&x| f64_key(x));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&xs), bits(&expected));
    }

    #[test]
    fn items_with_equal_keys_keep_their_order_as_a_stable_sort_keeps_it() {
        let mut items: Vec<(i32, &str)> = vec![(2, "a"), (-1, "b"), (2, "c"), (-7, "d"), (-1, "e")];
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut items, |p| i32_key(p.0));
        assert_eq!(items, expected);
    }

    #[test]
    fn pairs_sort_by_their_first_number_then_their_second_as_tuples_sort() {
        let mut items = vec![
            (3, -2),
            (-5, 9),
            (3, -9),
            (i32::MIN, i32::MAX),
            (i32::MAX, i32::MIN),
            (-5, -9),
        ];
        let mut expected = items.clone();
        expected.sort();
        sort_by_key(&mut items, |&(a, b)| pair_key(i32_key(a), i32_key(b)));
        assert_eq!(items, expected);
    }
}
