//! Native throughput of polso's core: comments per second and MB/s for tokenizing, language
//! detection, scoring, and scoring with an explanation, each the median of several rounds over the
//! same texts. It prints figures and asserts nothing about them.
//!
//! ```text
//! cargo run --release --example throughput -- FILE [ROUNDS [PASSES]]
//! ```
//!
//! `FILE` holds one comment a line: plain text, or JSONL objects with a `"text"` field (the format
//! `polso score` reads; other fields are ignored). `ROUNDS` defaults to 7. `PASSES` picks some of the passes by name, comma-separated
//! (`score,detect`), for profiling one of them (`perf record`, `perf stat`). Every measured pass
//! follows one warm-up pass, which also builds the lexicon indexes, so start-up is not counted.
//! The figures are the machine's, not polso's: compare runs on the same machine only.

use std::time::Instant;

use polso::{Lang, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE [ROUNDS]   (FILE: one comment a line, text or JSONL)");
        std::process::exit(2);
    };
    let rounds: usize = match args.next().map(|r| r.parse()) {
        None => 7,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("ROUNDS must be a positive whole number");
            std::process::exit(2);
        }
    };
    let only: Option<Vec<String>> = args
        .next()
        .map(|names| names.split(',').map(str::to_string).collect());
    let content = match std::fs::read_to_string(&path) {
        Ok(content) => content,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let texts = read_texts(&content);
    if texts.is_empty() {
        eprintln!("{path} holds no comments");
        std::process::exit(1);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let langs: Vec<Option<Lang>> = texts.iter().map(|t| polso::lang::detect(t).lang).collect();
    let italian = langs.iter().filter(|l| **l == Some(Lang::It)).count();
    let english = langs.iter().filter(|l| **l == Some(Lang::En)).count();
    println!(
        "{path}: {} comments, {:.1} bytes on average ({italian} detected Italian, {english} English), median of {rounds} rounds",
        texts.len(),
        bytes as f64 / texts.len() as f64,
    );

    // Each pass returns a number that depends on every result, so nothing is optimised away.
    type Pass<'p> = (&'p str, &'p dyn Fn(&str) -> f64);
    let passes: [Pass; 4] = [
        ("tokenize", &|t| polso::text::tokenize(t).len() as f64),
        ("detect", &|t| polso::lang::detect(t).confidence),
        ("score", &|t| {
            polso::score_with(t, Options::default()).compound
        }),
        ("score+explain", &|t| {
            let result = polso::score_with(
                t,
                Options {
                    explain: true,
                    ..Default::default()
                },
            );
            result.compound + result.tokens.len() as f64
        }),
    ];
    for (name, pass) in passes {
        if only
            .as_ref()
            .is_some_and(|only| !only.iter().any(|n| n == name))
        {
            continue;
        }
        let run = || texts.iter().map(|t| pass(t)).sum::<f64>();
        let check = run(); // warm-up
        let mut seconds: Vec<f64> = (0..rounds)
            .map(|_| {
                let start = Instant::now();
                let sum = run();
                let elapsed = start.elapsed().as_secs_f64();
                assert!(
                    sum.to_bits() == check.to_bits(),
                    "{name}: results differ between rounds"
                );
                elapsed
            })
            .collect();
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        println!(
            "{name:>14}: {:>10.0} comments/s  {:>7.2} MB/s  {:>7.2} µs/comment",
            texts.len() as f64 / median,
            bytes as f64 / median / 1e6,
            median * 1e6 / texts.len() as f64,
        );
    }
}

/// The comments of a file: a line that parses as a JSON object with a string `"text"` is that
/// text, any other non-empty line is a comment as written.
fn read_texts(content: &str) -> Vec<String> {
    content
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            if line.trim_start().starts_with('{') {
                if let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(line) {
                    if let Some(serde_json::Value::String(text)) = fields.get("text") {
                        return text.clone();
                    }
                }
            }
            line.to_string()
        })
        .collect()
}
