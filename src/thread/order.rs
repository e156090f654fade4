//! Order statistics kept up to date as values come and go, so that an open thread reads its
//! median and p90 response times without sorting every response time again.
//!
//! [`QuantileSet`] is an ordered set with one cursor per quantile. A cursor sits on the element
//! whose rank is `⌊(n − 1)·q⌋` (the lower of the two closest ranks of Hyndman & Fan's definition
//! 7); an insertion or a removal moves each cursor by at most a step or two, and a step is one
//! B-tree search, so both cost O(log n) and reading a quantile costs O(log n).

use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Unbounded};

#[derive(Clone, Debug)]
struct Cursor<K> {
    q: f64,
    /// The element at rank `rank`, `None` when the set is empty.
    at: Option<K>,
    rank: usize,
}

/// An ordered set of distinct keys with cursors on fixed quantiles.
#[derive(Clone, Debug)]
pub(crate) struct QuantileSet<K> {
    set: BTreeSet<K>,
    cursors: Vec<Cursor<K>>,
}

/// The two closest ranks around a quantile and where it falls between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Between<K> {
    pub lower: K,
    pub upper: K,
    /// In [0, 1): 0 is `lower`.
    pub fraction: f64,
}

impl<K: Ord + Copy> QuantileSet<K> {
    /// An empty set with a cursor on each of `quantiles` (each clamped to [0, 1]).
    pub fn new(quantiles: &[f64]) -> QuantileSet<K> {
        QuantileSet {
            set: BTreeSet::new(),
            cursors: quantiles
                .iter()
                .map(|&q| Cursor {
                    q: if q.is_finite() {
                        q.clamp(0.0, 1.0)
                    } else {
                        0.5
                    },
                    at: None,
                    rank: 0,
                })
                .collect(),
        }
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Adds `key`; nothing happens if it is already there.
    pub fn insert(&mut self, key: K) {
        if !self.set.insert(key) {
            return;
        }
        for cursor in &mut self.cursors {
            if cursor.at.is_some_and(|at| key < at) {
                cursor.rank += 1;
            }
        }
        self.settle();
    }

    /// Removes `key`; nothing happens if it is not there.
    pub fn remove(&mut self, key: &K) {
        if !self.set.remove(key) {
            return;
        }
        let set = &self.set;
        for cursor in &mut self.cursors {
            let Some(at) = cursor.at else { continue };
            if *key < at {
                cursor.rank -= 1;
            } else if *key == at {
                // The cursor's element is gone: its successor now has its rank.
                if let Some(&next) = set.range((Excluded(at), Unbounded)).next() {
                    cursor.at = Some(next);
                } else if let Some(&previous) = set.range(..at).next_back() {
                    cursor.at = Some(previous);
                    cursor.rank -= 1;
                } else {
                    cursor.at = None;
                    cursor.rank = 0;
                }
            }
        }
        self.settle();
    }

    /// Moves every cursor to its target rank for the current size.
    fn settle(&mut self) {
        let set = &self.set;
        let n = set.len();
        for cursor in &mut self.cursors {
            if n == 0 {
                cursor.at = None;
                cursor.rank = 0;
                continue;
            }
            let target = ((n - 1) as f64 * cursor.q).floor() as usize;
            if cursor.at.is_none() {
                cursor.at = set.first().copied();
                cursor.rank = 0;
            }
            while cursor.rank < target {
                let Some(at) = cursor.at else { break };
                match set.range((Excluded(at), Unbounded)).next() {
                    Some(&next) => {
                        cursor.at = Some(next);
                        cursor.rank += 1;
                    }
                    None => break,
                }
            }
            while cursor.rank > target {
                let Some(at) = cursor.at else { break };
                match set.range(..at).next_back() {
                    Some(&previous) => {
                        cursor.at = Some(previous);
                        cursor.rank -= 1;
                    }
                    None => break,
                }
            }
        }
    }

    /// Where the `i`-th quantile given to [`QuantileSet::new`] falls; `None` when empty.
    pub fn quantile(&self, i: usize) -> Option<Between<K>> {
        let cursor = self.cursors.get(i)?;
        let lower = cursor.at?;
        let h = (self.set.len() - 1) as f64 * cursor.q;
        let fraction = h - h.floor();
        let upper = if h.ceil() > h.floor() {
            self.set
                .range((Excluded(lower), Unbounded))
                .next()
                .copied()
                .unwrap_or(lower)
        } else {
            lower
        };
        Some(Between {
            lower,
            upper,
            fraction,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::stats::quantile;
    use proptest::prelude::*;

    fn value(set: &QuantileSet<(i64, u32)>, i: usize) -> Option<f64> {
        set.quantile(i).map(|b| {
            let (a, c) = (b.lower.0 as f64, b.upper.0 as f64);
            a + (c - a) * b.fraction
        })
    }

    proptest! {
        /// After any mix of insertions and removals, each cursor gives exactly what sorting
        /// everything would.
        #[test]
        fn cursors_match_sorting(
            ops in prop::collection::vec((any::<bool>(), 0i64..40, 0u32..6), 0..200),
        ) {
            let quantiles = [0.0, 0.5, 0.9, 1.0];
            let mut set = QuantileSet::new(&quantiles);
            let mut plain: BTreeSet<(i64, u32)> = BTreeSet::new();
            for (add, v, tag) in ops {
                if add {
                    set.insert((v, tag));
                    plain.insert((v, tag));
                } else {
                    set.remove(&(v, tag));
                    plain.remove(&(v, tag));
                }
                prop_assert_eq!(set.len(), plain.len());
                let mut values: Vec<f64> = plain.iter().map(|k| k.0 as f64).collect();
                for (i, &q) in quantiles.iter().enumerate() {
                    prop_assert_eq!(value(&set, i), quantile(&mut values, q));
                }
            }
        }
    }
}
