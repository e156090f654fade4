//! The `polso score` command as a user runs it: JSONL in, one record a line out, bad lines
//! reported with their line number while the rest go on, and an exit status that says so.

mod cli_common;

use std::process::Output;

use cli_common::records;

fn polso(args: &[&str], stdin: &str) -> Output {
    let (written, output) = cli_common::run(args, stdin.as_bytes());
    written.expect("write stdin");
    output
}

#[test]
fn scores_jsonl_and_keeps_the_input_id() {
    let output = polso(
        &["score"],
        "{\"id\": 7, \"text\": \"Non mi è piaciuto per niente 😡\"}\n{\"id\": \"b\", \"text\": \"I love it!\", \"lang\": \"en\"}\n",
    );
    assert!(output.status.success());
    let out = records(&output);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], 7);
    assert_eq!(out[0]["label"], "neg");
    assert_eq!(out[0]["lang"], "it");
    assert_eq!(out[1]["id"], "b");
    assert_eq!(out[1]["label"], "pos");
    for record in &out {
        let compound = record["compound"].as_f64().expect("compound");
        assert!((-1.0..=1.0).contains(&compound));
        for share in ["pos", "neu", "neg"] {
            assert!(record[share].is_number(), "{share} missing");
        }
    }
}

#[test]
fn a_bad_line_is_reported_and_the_rest_goes_on() {
    let input = "{\"id\": 1, \"text\": \"great\"}\nnot json\n{\"id\": 3}\n{\"id\": 4, \"text\": 5}\n{\"id\": 5, \"text\": \"ok\", \"lang\": \"fr\"}\n{\"id\": 6, \"text\": \"terrible\"}\n";
    let output = polso(&["score"], input);
    assert_eq!(output.status.code(), Some(1), "some lines failed");
    let out = records(&output);
    assert_eq!(out.len(), 6, "one record per input line");
    assert_eq!(out[0]["label"], "pos");
    assert_eq!(out[1]["line"], 2);
    assert!(out[1]["error"]
        .as_str()
        .unwrap_or("")
        .contains("invalid JSON"));
    assert_eq!(out[2]["line"], 3);
    assert_eq!(out[2]["id"], 3);
    assert!(out[2]["error"]
        .as_str()
        .unwrap_or("")
        .contains("missing field \"text\""));
    assert!(out[3]["error"]
        .as_str()
        .unwrap_or("")
        .contains("\"text\" must be a string"));
    assert!(out[4]["error"].as_str().unwrap_or("").contains("\"lang\""));
    assert_eq!(out[5]["label"], "neg");
    assert!(String::from_utf8_lossy(&output.stderr).contains("4 line(s) could not be scored"));
}

#[test]
fn plain_lines_with_an_explanation_whose_spans_slice_the_text() {
    let text = "Bellissime 😍 ma troppo care";
    let output = polso(
        &["score", "--lines", "--explain", "--lang", "it"],
        &format!("{text}\n"),
    );
    assert!(output.status.success());
    let out = records(&output);
    assert_eq!(out[0]["id"], 1);
    let units: Vec<u16> = text.encode_utf16().collect();
    let tokens = out[0]["tokens"].as_array().expect("tokens with --explain");
    let bellissime = tokens
        .iter()
        .find(|t| t["text"] == "Bellissime")
        .expect("Bellissime explained");
    assert_eq!(bellissime["lemma"], "bello");
    assert_eq!(bellissime["form"], "superlative");
    for token in tokens {
        let (start, end) = (
            token["span"]["start"].as_u64().unwrap() as usize,
            token["span"]["end"].as_u64().unwrap() as usize,
        );
        let slice = String::from_utf16(&units[start..end]).expect("span on code unit boundaries");
        assert_eq!(slice, token["text"].as_str().unwrap());
    }
}

/// The explanation of a token of a `--explain` record, by its text.
fn explained<'a>(record: &'a serde_json::Value, text: &str) -> &'a serde_json::Value {
    record["tokens"]
        .as_array()
        .expect("tokens with --explain")
        .iter()
        .find(|t| t["text"] == text)
        .unwrap_or_else(|| panic!("{text:?} explained in {record}"))
}

fn rule_names(token: &serde_json::Value) -> Vec<&str> {
    token["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r.as_str())
        .collect()
}

#[test]
fn italian_questions_and_negativity_bias_are_named_in_the_explanation() {
    let output = polso(
        &["score", "--lines", "--explain", "--lang", "it"],
        "È bello?\nServizio orribile\nÈ bello? Servizio orribile.\n",
    );
    assert!(output.status.success());
    let out = records(&output);

    // "è bello?" is neutral, and the explanation says why: bello is listed, asked, worth nothing.
    assert_eq!(out[0]["label"], "neu");
    let bello = explained(&out[0], "bello");
    assert!(bello["base"].as_f64().unwrap() > 0.0, "{bello}");
    assert_eq!(bello["valence"].as_f64(), Some(0.0));
    assert_eq!(rule_names(bello), ["asked"]);

    // A negative word weighs 1.5 times its lexicon value, and says so.
    let orribile = explained(&out[1], "orribile");
    let (base, valence) = (
        orribile["base"].as_f64().unwrap(),
        orribile["valence"].as_f64().unwrap(),
    );
    assert!(base < 0.0, "{orribile}");
    assert!((valence - 1.5 * base).abs() < 1e-3, "{orribile}");
    assert_eq!(rule_names(orribile), ["negativityBias"]);

    // Only the sentence with the question mark is asked; the asked word adds nothing.
    assert_eq!(rule_names(explained(&out[2], "bello")), ["asked"]);
    assert_eq!(
        rule_names(explained(&out[2], "orribile")),
        ["negativityBias"]
    );
    assert_eq!(out[2]["compound"], out[1]["compound"]);
}

#[test]
fn english_explanations_name_neither_italian_weight() {
    let output = polso(
        &["score", "--lines", "--explain", "--lang", "en"],
        "Is it good?\nThis is disgusting\n",
    );
    assert!(output.status.success());
    let out = records(&output);
    // VADER counts asked words as asserted and weighs both polarities alike.
    let good = explained(&out[0], "good");
    assert!(good["valence"].as_f64().unwrap() > 0.0, "{good}");
    let disgusting = explained(&out[1], "disgusting");
    assert_eq!(disgusting["valence"], disgusting["base"]);
    for token in [good, disgusting] {
        let rules = rule_names(token);
        assert!(
            !rules.contains(&"asked") && !rules.contains(&"negativityBias"),
            "{token}"
        );
    }
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(polso(&["score", "--lang", "xx"], "").status.code(), Some(2));
    assert_eq!(polso(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        polso(&["score", "/nonexistent/file.jsonl"], "")
            .status
            .code(),
        Some(2)
    );
}
