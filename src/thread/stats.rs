//! Small statistics used by the report: quantiles, normalised entropy, Gini, contributor absence
//! factor. Each takes plain numbers and never panics (empty input gives `None` or 0).

/// The `q`-quantile of `values` (any order) by linear interpolation between closest ranks
/// (Hyndman & Fan 1996, definition 7; the default of R and NumPy). `None` when empty.
pub fn quantile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() || !q.is_finite() {
        return None;
    }
    crate::sort::sort_by(values, f64::total_cmp);
    let h = (values.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    let a = *values.get(lo)?;
    let b = *values.get(hi)?;
    Some(a + (b - a) * (h - lo as f64))
}

/// Shannon entropy of the shares of `counts`, divided by `ln(n)` so that 1 means everyone took
/// part equally and 0 that one person did everything (Pielou's evenness). 0 for fewer than two.
pub fn normalised_entropy(counts: &[u32]) -> f64 {
    let n = counts.iter().filter(|&&c| c > 0).count();
    let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    if n < 2 || total <= 0.0 {
        return 0.0;
    }
    let h: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / total;
            -p * p.ln()
        })
        .sum();
    (h / (n as f64).ln()).clamp(0.0, 1.0)
}

/// Gini coefficient of `counts` with the small-sample correction `n / (n − 1)`, so that one
/// person doing everything gives 1 whatever the number of people (Deltas 2003). `counts` is
/// sorted in place. 0 for fewer than two.
pub fn gini(counts: &mut [u32]) -> f64 {
    let n = counts.len();
    let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    if n < 2 || total <= 0.0 {
        return 0.0;
    }
    crate::sort::sort(counts);
    let weighted: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| (i as f64 + 1.0) * f64::from(c))
        .sum();
    let n = n as f64;
    let g = 2.0 * weighted / (n * total) - (n + 1.0) / n;
    (g * n / (n - 1.0)).clamp(0.0, 1.0)
}

/// The contributor absence factor (CHAOSS): the fewest people who together wrote at least half
/// of the comments. `counts` is sorted in place. 0 when there are none.
pub fn contributor_absence_factor(counts: &mut [u32]) -> u32 {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    crate::sort::sort_by(counts, |a, b| b.cmp(a));
    let mut running = 0u64;
    for (i, &c) in counts.iter().enumerate() {
        running += u64::from(c);
        if running * 2 >= total {
            return i as u32 + 1;
        }
    }
    0
}

/// Comments per author, kept so that the spread figures come out without sorting every author's
/// count again: each add is O(log d) for d distinct counts, entropy and Gini are O(1) to read, and
/// the contributor absence factor reads at most as many distinct counts as its own value.
///
/// Gini uses the identity `Σᵢ i·c₍ᵢ₎` (counts ascending): when an author goes from `c` to `c + 1`
/// comments, they can be taken as the last of those with `c` and stay at that rank, so the sum
/// grows by the number of authors with at most `c` comments; a newcomer enters at rank 1 and
/// moves everyone up, adding the total so far plus one. Entropy uses `H = ln T − Σ c·ln c / T`,
/// with each author's `c·ln c` rounded to a fixed point so the sum is exact in any order.
#[derive(Clone, Debug, Default)]
pub(crate) struct CountSpread {
    authors: u64,
    total: u64,
    /// `at_least[k]`: authors with at least `k` comments.
    at_least: Vec<u64>,
    /// Authors by their number of comments.
    by_count: std::collections::BTreeMap<u32, u32>,
    rank_weighted: u128,
    c_ln_c_fixed: i128,
    top: u32,
    reentrant: u32,
}

const LN_SCALE: f64 = 4_294_967_296.0;

fn c_ln_c_fixed(c: u32) -> i128 {
    let c = f64::from(c);
    (c * c.ln() * LN_SCALE).round() as i128
}

impl CountSpread {
    /// One more comment by an author who had `before` comments (0 for a newcomer).
    pub fn add(&mut self, before: u32) {
        let after = before.saturating_add(1);
        if before == after {
            return;
        }
        if before == 0 {
            self.rank_weighted += u128::from(self.total) + 1;
            self.authors += 1;
        } else {
            let above = self.at_least.get(after as usize).copied().unwrap_or(0);
            self.rank_weighted += u128::from(self.authors - above);
            if let Some(f) = self.by_count.get_mut(&before) {
                *f -= 1;
                if *f == 0 {
                    self.by_count.remove(&before);
                }
            }
        }
        *self.by_count.entry(after).or_insert(0) += 1;
        if self.at_least.len() <= after as usize {
            self.at_least.resize(after as usize + 1, 0);
        }
        if let Some(slot) = self.at_least.get_mut(after as usize) {
            *slot += 1;
        }
        self.c_ln_c_fixed += c_ln_c_fixed(after) - c_ln_c_fixed(before.max(1));
        self.total += 1;
        self.top = self.top.max(after);
        if after == 2 {
            self.reentrant += 1;
        }
    }

    /// Comments with an author.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The most comments by one author.
    pub fn top(&self) -> u32 {
        self.top
    }

    /// Authors with more than one comment.
    pub fn reentrant(&self) -> u32 {
        self.reentrant
    }

    /// As [`normalised_entropy`] over the counts.
    pub fn normalised_entropy(&self) -> f64 {
        if self.authors < 2 || self.total == 0 {
            return 0.0;
        }
        let t = self.total as f64;
        let h = t.ln() - (self.c_ln_c_fixed as f64 / LN_SCALE) / t;
        (h / (self.authors as f64).ln()).clamp(0.0, 1.0)
    }

    /// As [`gini`] over the counts.
    pub fn gini(&self) -> f64 {
        if self.authors < 2 || self.total == 0 {
            return 0.0;
        }
        let (n, total) = (self.authors as f64, self.total as f64);
        let g = 2.0 * self.rank_weighted as f64 / (n * total) - (n + 1.0) / n;
        (g * n / (n - 1.0)).clamp(0.0, 1.0)
    }

    /// As [`contributor_absence_factor`] over the counts.
    pub fn contributor_absence_factor(&self) -> u32 {
        let mut running = 0u64;
        let mut people = 0u64;
        for (&c, &f) in self.by_count.iter().rev() {
            let (c, f) = (u64::from(c), u64::from(f));
            if (running + c * f) * 2 >= self.total {
                // The fewest of this group that reach half.
                let missing = self.total.saturating_sub(running * 2);
                let needed = missing.div_ceil(2 * c).max(1);
                return (people + needed.min(f)) as u32;
            }
            running += c * f;
            people += f;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The kept figures equal the ones computed from the plain counts, whatever the order in
        /// which comments come.
        #[test]
        fn count_spread_matches_the_plain_figures(authors in prop::collection::vec(0usize..12, 0..150)) {
            let mut counts = [0u32; 12];
            let mut spread = CountSpread::default();
            for a in authors {
                spread.add(counts[a]);
                counts[a] += 1;
                let mut present: Vec<u32> = counts.iter().copied().filter(|&c| c > 0).collect();
                // Entropy is a float sum either way: equal to far below the 4 decimals reported.
                prop_assert!((spread.normalised_entropy() - normalised_entropy(&present)).abs() < 1e-9);
                prop_assert_eq!(spread.gini(), gini(&mut present.clone()));
                prop_assert_eq!(spread.contributor_absence_factor(), contributor_absence_factor(&mut present));
                prop_assert_eq!(u64::from(spread.top()), present.iter().copied().max().map_or(0, u64::from));
            }
        }
    }

    #[test]
    fn quantiles() {
        assert_eq!(quantile(&mut [], 0.5), None);
        assert_eq!(quantile(&mut [3.0], 0.9), Some(3.0));
        assert_eq!(quantile(&mut [4.0, 1.0, 3.0, 2.0], 0.5), Some(2.5));
        let p90 = quantile(&mut (1..=10).map(f64::from).collect::<Vec<_>>(), 0.9);
        assert!((p90.unwrap() - 9.1).abs() < 1e-9);
    }

    #[test]
    fn spread() {
        assert!((normalised_entropy(&[5, 5, 5]) - 1.0).abs() < 1e-9);
        assert_eq!(normalised_entropy(&[7]), 0.0);
        assert!((gini(&mut [0, 0, 9]) - 1.0).abs() < 1e-9);
        assert!(gini(&mut [2, 2, 2, 2]).abs() < 1e-9);
        assert_eq!(contributor_absence_factor(&mut [10, 1, 1, 1]), 1);
        assert_eq!(contributor_absence_factor(&mut [1, 1, 1, 1]), 2);
        assert_eq!(contributor_absence_factor(&mut []), 0);
    }
}
