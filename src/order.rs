//! One stable sort for the whole crate.
//!
//! The standard library's sorts are generic over the element and the comparison, so each call
//! site compiles its own copy of the sort, about 2.5 KB of WebAssembly each. Here the sort runs
//! once, on positions compared through a `dyn` comparison, and the elements are then moved
//! into place: one copy of the sort serves every caller.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`; items already in order are left as they are, with
/// nothing allocated.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.is_sorted_by(|a, b| compare(a, b) != Ordering::Greater) {
        return;
    }
    let order = {
        let items = &*items;
        positions_in_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Sorts `items` stably by the key `key` gives each: items already in order are told so by
/// their keys compared pairwise (each computed twice, nothing allocated); otherwise the keys
/// are computed once more and kept for the sort.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    // Items already in order (a report's findings usually are) stay where they are.
    if items.is_sorted_by(|a, b| key(a) <= key(b)) {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions_in_order(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// `0..len` sorted stably by `compare`: the position each place takes its item from. The one
/// instance of the standard library's sort in the crate.
fn positions_in_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[i]` to place `i`, for every `i`, by following each cycle of the
/// permutation (each item moves once).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut place = start;
        loop {
            let from = order[place];
            order[place] = place; // placed: a later cycle stops here
            if from == start || from == place {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut words = ["pear", "fig", "apple", "kiwi"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
    }

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items.clone();
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &theirs);

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |item| item.0);
            prop_assert_eq!(by_key, theirs);
        }
    }
}
