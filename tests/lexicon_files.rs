//! Every bundled lexicon file parses strictly, and a bad line is reported with file and line.

#[path = "../build/lexicon_compiler.rs"]
#[allow(dead_code)]
mod lexicon_compiler;

use lexicon_compiler::{parse_decimal, parse_table};

fn lexicon_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("lexicons/ is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            lexicon_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
}

#[test]
fn every_bundled_lexicon_parses_strictly() {
    let mut files = Vec::new();
    lexicon_files(std::path::Path::new("lexicons"), &mut files);
    assert!(
        files.len() >= 7,
        "expected the bundled lexicons, found {files:?}"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let table =
            parse_table(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(!table.rows.is_empty(), "{} has no entries", path.display());
    }
}

#[test]
fn the_embedded_tables_match_the_files() {
    for table in polso::lexicon::all_tables() {
        let text = std::fs::read_to_string(table.source).expect("source file exists");
        let parsed = parse_table(table.source, &text).expect("valid");
        if table.source.ends_with("it/lemmas.tsv") {
            // every lemma is expanded into itself and its inflected forms
            assert!(
                table.len() >= parsed.rows.len(),
                "{}: {} forms from {} lemmas",
                table.source,
                table.len(),
                parsed.rows.len()
            );
            for row in &parsed.rows {
                let form = table
                    .row(&row.key)
                    .expect("every lemma is one of its forms");
                assert!(form.ends_with("\tlemma"), "{}: {form}", row.key);
            }
        } else if table.source.ends_with("it/pattern.tsv") {
            // Pattern is read last, so only its entries for forms that neither words.tsv nor the
            // lemmas have are embedded; the others could never be read.
            use polso::lexicon::{IT_FORMS, IT_WORDS};
            let mut kept = 0;
            for row in &parsed.rows {
                let shadowed = IT_WORDS.contains(&row.key) || IT_FORMS.contains(&row.key);
                let embedded = table.row(&row.key);
                if shadowed {
                    assert_eq!(embedded, None, "{} is never read", row.key);
                } else {
                    assert_eq!(
                        embedded,
                        Some(row.values.join("\t").as_str()),
                        "{}",
                        row.key
                    );
                    kept += 1;
                }
            }
            assert_eq!(table.len(), kept);
            assert!(
                // Since the weakest Pattern entries are dropped at import (see
                // scripts/import_pattern_it.py) about 40% are not shadowed; a much smaller share
                // would mean the shadowing check itself went wrong.
                kept > parsed.rows.len() / 4,
                "{kept} of {}",
                parsed.rows.len()
            );
        } else {
            // The compact form the crate embeds decodes to exactly the rows of the file.
            assert_eq!(table.text(), parsed.blob(), "{}", table.source);
            assert_eq!(parsed.rows.len(), table.len(), "{}", table.source);
        }
    }
}

#[test]
fn bad_lines_fail_with_file_and_line() {
    let cases = [
        (
            "term\tvalence\ngood\t1.9\ngood\t2\n",
            3,
            "duplicate key \"good\" (first defined on line 2)",
        ),
        ("term\tvalence\nawful\t-5\n", 2, "outside [-4, 4]"),
        (
            "term\tvalence\nbad\t-2.5\textra\n",
            2,
            "expected 2 tab-separated columns",
        ),
        ("term\tvalence\nGood\t1\n", 2, "not lowercase"),
        ("term\tvalence\nok\tone\n", 2, "is not a decimal number"),
        (
            "term\tvalence\nok\t0.12345\n",
            2,
            "more than three decimals",
        ),
        ("term\tkind\nnon\tnegatore\n", 2, "is not one of"),
        ("term\tcolour\nred\tred\n", 1, "unknown column \"colour\""),
        ("# only comments\n", 1, "no header line"),
        (
            "term\tvalence\nbad\u{7}word\t-1\n",
            2,
            "contains a control character",
        ),
        (
            "emoji\tvalence\tname\n❤\u{FE0F}\t3\tred heart\n",
            2,
            "VARIATION SELECTOR-16",
        ),
    ];
    for (text, line, message) in cases {
        let error = parse_table("lexicons/test.tsv", text).expect_err(text);
        assert_eq!(error.file, "lexicons/test.tsv");
        assert_eq!(error.line, line, "{error}");
        assert!(
            error.message.contains(message),
            "{error} should mention {message:?}"
        );
        assert!(error
            .to_string()
            .starts_with(&format!("lexicons/test.tsv:{line}: ")));
    }
}

#[test]
fn decimals_become_thousandths_without_floats() {
    assert_eq!(parse_decimal("-1.5"), Ok(-1500));
    assert_eq!(parse_decimal("0.293"), Ok(293));
    assert_eq!(parse_decimal("4"), Ok(4000));
    assert_eq!(parse_decimal("+2.25"), Ok(2250));
    assert!(parse_decimal("1e3").is_err());
    assert!(parse_decimal("").is_err());
    assert!(parse_decimal("-").is_err());
}
