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

#[cfg(test)]
mod tests {
    use super::*;

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
