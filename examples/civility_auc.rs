//! ROC AUC of the comment-level hostility signal on the Unhealthy Comments Corpus.
//!
//! ```text
//! cargo run --release --example civility_auc [-- PATH]
//! ```
//! PATH defaults to `../shared/eval/dev/en_ucc_val.jsonl`. The data is read at run time and never
//! copied into the repository (it is research-only). Prints the AUC for `hostile`, `antagonize`
//! and the other labels, with the number of positives.

use std::io::{BufRead, BufReader};

use polso::{Lang, Options};

/// Mann–Whitney AUC with average ranks for ties.
fn auc(scores: &[(f64, bool)]) -> Option<f64> {
    let mut sorted: Vec<(f64, bool)> = scores.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        let average = (i + j + 1) as f64 / 2.0; // ranks i+1..=j
        rank_sum += average * sorted[i..j].iter().filter(|s| s.1).count() as f64;
        i = j;
    }
    let positives = sorted.iter().filter(|s| s.1).count() as f64;
    let negatives = sorted.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return None;
    }
    Some((rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives))
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/dev/en_ucc_val.jsonl".to_string());
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let labels = [
        "hostile",
        "antagonize",
        "condescending",
        "dismissive",
        "sarcastic",
        "generalisation_unfair",
        "healthy",
    ];
    let mut columns: Vec<Vec<(f64, bool)>> = vec![Vec::new(); labels.len()];
    let mut negativity: Vec<(f64, bool)> = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.expect("readable line");
        let value: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let text = value["text"].as_str().unwrap_or("");
        let result = polso::score_with(
            text,
            Options {
                lang: Some(Lang::En),
                explain: false,
            },
        );
        let h = result.signals.hostility;
        for (k, label) in labels.iter().enumerate() {
            let positive = value["labels"][label].as_i64() == Some(1);
            columns[k].push((h, positive));
        }
        negativity.push((
            -result.compound,
            value["labels"]["hostile"].as_i64() == Some(1),
        ));
    }
    println!("file: {path} ({} comments)", columns[0].len());
    for (k, label) in labels.iter().enumerate() {
        let positives = columns[k].iter().filter(|s| s.1).count();
        let a = auc(&columns[k]).unwrap_or(f64::NAN);
        println!("hostility AUC for {label:<22} {a:.4}  ({positives} positive)");
    }
    println!(
        "baseline: -compound AUC for hostile    {:.4}",
        auc(&negativity).unwrap_or(f64::NAN)
    );
}
