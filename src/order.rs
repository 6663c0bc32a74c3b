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

/// The indexes of `0..len` whose item compares equal (`compare` over indexes) to a later one,
/// in order: the members a later repeat of their key shadows. A few items are compared each
/// with each; more are grouped by the crate's one sort, so nothing is hashed (a hash set would
/// bring a second hash table and its hasher into the WebAssembly module).
pub(crate) fn shadowed(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<usize> {
    // A request's objects hold a dozen keys: comparing them beats sorting them.
    const SCAN_LIMIT: usize = 16;
    if len <= SCAN_LIMIT {
        return (0..len)
            .filter(|&i| (i + 1..len).any(|later| compare(i, later) == Ordering::Equal))
            .collect();
    }
    let mut repeated = vec![false; len];
    for_each_equal_run(len, compare, &mut |run| {
        if let Some((_last, earlier)) = run.split_last() {
            for &index in earlier {
                repeated[index] = true;
            }
        }
    });
    (0..len).filter(|&index| repeated[index]).collect()
}

/// A total order of strings that only has to group equal ones ([`shadowed`], [`first_equal`]):
/// the lengths first, so that most pairs are told apart without reading their bytes.
pub(crate) fn grouping(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// For each index of `0..len`, the first index whose item compares equal to its own (itself
/// for the first of its kind), by the crate's one sort.
pub(crate) fn first_equal(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<usize> {
    let mut first: Vec<usize> = (0..len).collect();
    for_each_equal_run(len, compare, &mut |run| {
        if let Some((&head, rest)) = run.split_first() {
            for &index in rest {
                first[index] = head;
            }
        }
    });
    first
}

/// Calls `each` with every run of indexes whose items compare equal, each run in ascending
/// order (the sort is stable).
fn for_each_equal_run(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
    each: &mut dyn FnMut(&[usize]),
) {
    let order = positions_in_order(len, compare);
    let mut start = 0;
    for end in 1..=order.len() {
        let run_ends = match (order.get(end - 1), order.get(end)) {
            (Some(&a), Some(&b)) => compare(a, b) != Ordering::Equal,
            _ => true,
        };
        if run_ends {
            if let Some(run) = order.get(start..end) {
                each(run);
            }
            start = end;
        }
    }
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

    #[test]
    fn shadowed_and_first_equal_group_equal_keys() {
        let keys = ["a", "b", "a", "c", "b", "a"];
        let mut compare = |i: usize, j: usize| keys[i].cmp(keys[j]);
        assert_eq!(shadowed(keys.len(), &mut compare), [0, 1, 2]);
        assert_eq!(first_equal(keys.len(), &mut compare), [0, 1, 0, 3, 1, 0]);
        assert!(shadowed(0, &mut compare).is_empty());
        assert!(first_equal(0, &mut compare).is_empty());
    }

    proptest! {
        /// Past the scan's limit too, the same answers as comparing each key with every other.
        #[test]
        fn shadowed_and_first_equal_agree_with_comparing_all(keys in proptest::collection::vec(0u8..6, 0..60)) {
            let mut compare = |i: usize, j: usize| keys[i].cmp(&keys[j]);
            let later: Vec<usize> = (0..keys.len())
                .filter(|&i| keys[i + 1..].contains(&keys[i]))
                .collect();
            prop_assert_eq!(shadowed(keys.len(), &mut compare), later);
            let first: Vec<usize> = keys
                .iter()
                .map(|key| keys.iter().position(|k| k == key).unwrap_or(usize::MAX))
                .collect();
            prop_assert_eq!(first_equal(keys.len(), &mut compare), first);
        }

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
