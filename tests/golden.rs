//! Golden cases: behaviours a user would notice, kept as data in `tests/data/golden_*.tsv` so a
//! linguist can add a case without touching code. Each file is scored in its own language
//! (`golden_en.tsv` as English, `golden_it.tsv` as Italian, `golden_emoji.tsv` as English).
//!
//! Columns: `id`, `check`, `text`, `expected`, `why`. Checks:
//! - `label`: the label of `text` is `expected` (`pos`, `neu`, `neg`);
//! - `gt` / `lt`: compound of `text` is greater / less than that of the text in `expected`;
//! - `eq`: the two compounds are equal;
//! - `zero`: compound is exactly 0;
//! - `rule`: `expected` is `token:rule` (or `token:lemma=LEMMA`): the explanation shows that token
//!   changed by that rule (or found under that lemma).
//!
//! Every failing case is listed, with its id and reason, before the test fails.

use polso::{score_with, Lang, Options, Rule, Sentiment};

fn score(text: &str, lang: Lang) -> Sentiment {
    score_with(
        text,
        Options {
            lang: Some(lang),
            explain: true,
        },
    )
}

/// The rule's name as serialised (camelCase).
fn rule_name(rule: Rule) -> String {
    let debug = format!("{rule:?}");
    let mut chars = debug.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn check_case(lang: Lang, check: &str, text: &str, expected: &str) -> Result<(), String> {
    let result = score(text, lang);
    let compound = result.compound;
    match check {
        "label" => {
            let label = result.label.code();
            if label == expected {
                Ok(())
            } else {
                Err(format!(
                    "label {label} (compound {compound:.4}), expected {expected}"
                ))
            }
        }
        "gt" | "lt" | "eq" => {
            let other = score(expected, lang).compound;
            let ok = match check {
                "gt" => compound > other,
                "lt" => compound < other,
                _ => (compound - other).abs() < 1e-9,
            };
            if ok {
                Ok(())
            } else {
                Err(format!(
                    "{compound:.4} is not {check} {other:.4} (for {expected:?})"
                ))
            }
        }
        "zero" => {
            if compound == 0.0 {
                Ok(())
            } else {
                Err(format!("compound {compound:.4}, expected exactly 0"))
            }
        }
        "rule" => {
            let (token, rule) = expected
                .rsplit_once(':')
                .ok_or_else(|| format!("bad expectation {expected:?}: want token:rule"))?;
            let found = result.tokens.iter().any(|t| {
                let text = t.text.to_lowercase();
                let token = token.to_lowercase();
                // an idiom matches any of its words, elided parts included ("ora" in "l'ora")
                let same_token = text == token || text.split([' ', '\'']).any(|w| w == token);
                if !same_token {
                    return false;
                }
                match rule.strip_prefix("lemma=") {
                    Some(lemma) => t.lemma.as_deref() == Some(lemma),
                    None => t.rules.iter().any(|r| rule_name(*r) == rule),
                }
            });
            if found {
                Ok(())
            } else {
                let seen: Vec<String> = result
                    .tokens
                    .iter()
                    .map(|t| {
                        format!(
                            "{}{:?}{}",
                            t.text,
                            t.rules.iter().map(|r| rule_name(*r)).collect::<Vec<_>>(),
                            t.lemma
                                .as_deref()
                                .map(|l| format!("←{l}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                Err(format!(
                    "no token {token:?} with {rule}; explanation: {}",
                    seen.join(", ")
                ))
            }
        }
        other => Err(format!("unknown check {other:?}")),
    }
}

/// Cases that fail today for a documented reason (`tests/data/golden_known_gaps.tsv`: `id`, `why`).
/// They still run: a known gap that starts passing fails the test until its line is removed, so
/// the list can only shrink honestly.
fn known_gaps() -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string("tests/data/golden_known_gaps.tsv").unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("id\t"))
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(id, why)| (id.to_string(), why.to_string()))
        })
        .collect()
}

/// The data rows of a golden file as `(0-based line index, cells)`: comment and blank lines skipped,
/// the header checked to start with `columns`, every row checked to have at least as many cells.
fn rows(path: &str, columns: &[&str]) -> Vec<(usize, Vec<String>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'));
    let header = lines.next().map(|(_, line)| line).unwrap_or_default();
    assert!(
        header.starts_with(&columns.join("\t")),
        "{path}: header must start with {}",
        columns.join(", ")
    );
    lines
        .map(|(index, line)| {
            let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            assert!(
                cells.len() >= columns.len(),
                "{path}:{}: expected at least {} columns",
                index + 1,
                columns.len()
            );
            (index, cells)
        })
        .collect()
}

fn run_file(path: &str, lang: Lang, minimum: usize) {
    let gaps = known_gaps();
    let mut still_gaps = 0;
    let mut fixed = Vec::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (number, cells) in rows(path, &["id", "check", "text", "expected"]) {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        cases += 1;
        let id = cells[0];
        match (
            check_case(lang, cells[1], cells[2], cells[3]),
            gaps.contains_key(id),
        ) {
            (Ok(()), true) => fixed.push(format!(
                "{path}:{} [{id}] now passes: remove it from golden_known_gaps.tsv",
                number + 1
            )),
            (Err(_), true) => still_gaps += 1,
            (Ok(()), false) => {}
            (Err(reason), false) => failures.push(format!(
                "{path}:{} [{id}] {:?}: {reason}",
                number + 1,
                cells[2]
            )),
        }
    }
    assert!(
        cases >= minimum,
        "{path}: {cases} cases, expected at least {minimum}"
    );
    println!(
        "{path}: {cases} cases, {still_gaps} known gaps, {} unexpected failures",
        failures.len()
    );
    failures.extend(fixed);
    assert!(
        failures.is_empty(),
        "{} of {cases} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_golden_cases() {
    run_file("tests/data/golden_en.tsv", Lang::En, 150);
}

#[test]
fn emoji_golden_cases() {
    run_file("tests/data/golden_emoji.tsv", Lang::En, 40);
}

#[test]
fn italian_golden_cases() {
    run_file("tests/data/golden_it.tsv", Lang::It, 300);
}

#[test]
fn italian_colloquial_golden_cases() {
    run_file("tests/data/golden_it_colloquial.tsv", Lang::It, 300);
}

/// Language detection on `tests/data/golden_lang.tsv` (columns `id`, `text`, `expected`, `why`;
/// expected `it`, `en` or `other`, the last shown by the detector as `und`). Detection of a
/// two-word comment is inherently uncertain, so up to 10% of the cases may fail; every failure
/// is listed and the accuracy printed.
#[test]
fn language_detection_golden_cases() {
    check_language_file("tests/data/golden_lang.tsv");
    check_language_file("tests/data/golden_lang_short.tsv");
}

fn check_language_file(path: &str) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (number, cells) in rows(path, &["id", "text", "expected"]) {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let (id, sample, expected) = (cells[0], cells[1], cells[2]);
        let want = match expected {
            "it" => "it",
            "en" => "en",
            "other" => "und",
            other => panic!("{path}:{}: unknown expected language {other:?}", number + 1),
        };
        cases += 1;
        let detected = polso::lang::detect(sample);
        if detected.code() != want {
            failures.push(format!(
                "{path}:{} [{id}] {sample:?}: detected {} (confidence {:.2}), expected {want}{}",
                number + 1,
                detected.code(),
                detected.confidence,
                cells
                    .get(3)
                    .map(|why| format!(" ({why})"))
                    .unwrap_or_default()
            ));
        }
    }
    assert!(cases >= 60, "{path}: {cases} cases, expected at least 60");
    let passed = cases - failures.len();
    println!(
        "language detection: {passed} of {cases} correct ({:.1}%)",
        100.0 * passed as f64 / cases as f64
    );
    for failure in &failures {
        println!("{failure}");
    }
    assert!(
        failures.len() * 10 <= cases,
        "{} of {cases} language cases failed (more than 10%):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
