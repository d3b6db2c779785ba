//! The one sort the crate uses: a merge sort through a comparison passed as `&dyn Fn`.
//!
//! Why not the standard library's: its sorts are instantiated for every element type and every
//! comparison closure, each a few kilobytes of wasm (their quick sort, small sorts, pivot and
//! selection code): eight call sites cost the engine module 28 KB raw, about 9 KB brotli. This
//! one is compiled once per element type and is a few hundred bytes. Stable, `O(n log n)`
//! comparisons in every case, with one copy of the slice as its buffer (the elements sorted here
//! are small `Copy` values). BENCHMARKS.md has the measured bytes and times.

use std::cmp::Ordering;

/// Sorts `items` in ascending order of `compare`, keeping equal items in their order.
pub fn sort_by<T: Copy>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let len = items.len();
    let mut buffer = items.to_vec();
    let mut in_buffer = false;
    let mut width = 1;
    while width < len {
        // Runs of `width` sorted items, merged pairwise into runs of twice the width.
        let (from, to): (&[T], &mut [T]) = if in_buffer {
            (&buffer, &mut *items)
        } else {
            (&*items, &mut buffer)
        };
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            merge(
                &from[start..middle],
                &from[middle..end],
                &mut to[start..end],
                compare,
            );
            start = end;
        }
        in_buffer = !in_buffer;
        width *= 2;
    }
    if in_buffer {
        items.copy_from_slice(&buffer);
    }
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord + Copy>(items: &mut [T]) {
    sort_by(items, &T::cmp);
}

/// Two sorted runs into `out`, the left one's item first of equal ones.
fn merge<T: Copy>(left: &[T], right: &[T], out: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_left =
            j == right.len() || (i < left.len() && compare(&right[j], &left[i]) != Ordering::Less);
        if take_left {
            *slot = left[i];
            i += 1;
        } else {
            *slot = right[j];
            j += 1;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against the standard library's sorts
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): many lengths, many repeats.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % range
            })
            .collect()
    }

    // Mutations tried, each failing a test here: equal items taken from the right run (the
    // order test), the result left in the buffer (all three), runs split at half their width
    // (all three).
    #[test]
    fn sorts_like_the_standard_library() {
        for len in 0..70 {
            for range in [1, 3, 1000] {
                let mut ours = numbers(len as u64 * 31 + range, len, range);
                let mut theirs = ours.clone();
                sort(&mut ours);
                theirs.sort_unstable();
                assert_eq!(ours, theirs, "length {len}, values below {range}");
            }
        }
        let mut big = numbers(7, 20_000, 5_000);
        let mut expected = big.clone();
        sort(&mut big);
        expected.sort_unstable();
        assert_eq!(big, expected);
    }

    #[test]
    fn sorts_by_the_comparison_given() {
        let mut pairs: Vec<(u64, u64)> = numbers(3, 200, 10)
            .into_iter()
            .zip(numbers(5, 200, 1000))
            .collect();
        let mut expected = pairs.clone();
        let best_first = |a: &(u64, u64), b: &(u64, u64)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        sort_by(&mut pairs, &best_first);
        expected.sort_by(best_first);
        assert_eq!(pairs, expected);
    }

    #[test]
    fn keeps_equal_items_in_their_order() {
        let keys = numbers(11, 300, 4);
        let mut items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
        let mut expected = items.clone();
        sort_by(&mut items, &|a, b| a.0.cmp(&b.0));
        expected.sort_by_key(|item| item.0);
        assert_eq!(items, expected);
    }
}
