//! Stable sorting compiled once.
//!
//! The standard library's sorts are generic over the element and the comparison, so every call
//! site compiles its own copy of the sorting code (with sorting networks for small inputs): about
//! 6 KB of wasm a call site, most of the code of the thread analytics. These sort the positions of
//! the elements with one non-generic merge sort and then move the elements into place, so each
//! call site adds only a few lines. The results are those of `slice::sort_by`, which is stable;
//! for `sort_unstable` over types whose equal values are identical (numbers, strings, tuples of
//! them) stable and unstable sorts agree too.

use std::cmp::Ordering;

/// Sorts `items` in ascending order, stably.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by `compare`, stably (equal elements keep their order), like `slice::sort_by`.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` by a key computed once per element, stably, like `slice::sort_by_cached_key`.
pub(crate) fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    apply(items, order);
}

/// The positions `0..n` in stably sorted order: a bottom-up merge sort of indices. It takes the
/// comparison as a trait object, so it is compiled once for every call site.
fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right, mut out) = (start, mid, start);
            while left < mid && right < end {
                // Ties take the left run first: that is what keeps the sort stable.
                if compare(order[right], order[left]) == Ordering::Less {
                    merged[out] = order[right];
                    right += 1;
                } else {
                    merged[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            let rest = mid - left;
            merged[out..out + rest].copy_from_slice(&order[left..mid]);
            merged[out + rest..end].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (no copies, so any element type works).
fn apply<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        loop {
            let source = order[current];
            order[current] = current;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random numbers (xorshift), so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        for (seed, n) in [
            (1, 0),
            (2, 1),
            (3, 2),
            (4, 3),
            (5, 17),
            (6, 100),
            (7, 1000),
            (8, 4097),
        ] {
            // Few distinct keys, so there are many ties; the second field is the original place.
            let pairs: Vec<(u64, usize)> = numbers(seed, n, 10).into_iter().zip(0..).collect();
            let mut ours = pairs.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = pairs.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");

            let mut descending = pairs.clone();
            sort_by_cached_key(&mut descending, |p| std::cmp::Reverse(p.0));
            let mut expected = pairs.clone();
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(descending, expected, "n = {n}");

            let mut words: Vec<String> = numbers(seed, n, 1000)
                .iter()
                .map(|x| format!("w{x}"))
                .collect();
            let mut sorted = words.clone();
            sorted.sort_unstable();
            sort(&mut words);
            assert_eq!(words, sorted, "n = {n}");
        }
    }

    #[test]
    fn floats_sort_by_total_order() {
        let mut values = vec![3.5, -0.0, f64::NAN, 0.0, -7.25, f64::INFINITY, 1e-9];
        let mut expected = values.clone();
        expected.sort_unstable_by(f64::total_cmp);
        sort_by(&mut values, f64::total_cmp);
        assert_eq!(
            values.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
