//! `polso`: score exported comment archives from the command line.
//!
//! ```text
//! polso score [FILE] [--lines] [--explain] [--lang it|en]
//! polso thread [FILE] [--sla MINUTES] [--staff a,b] [--now ISO] [--bucket MINUTES]
//! ```
//!
//! Reads JSONL (`{"id": ..., "text": ..., "lang"?: "it"|"en"}`) or, with `--lines`, one plain
//! comment a line, from FILE or standard input, and writes one JSON object a line. Memory stays
//! constant whatever the input size: each line is read, scored, written and dropped.
//! A line that cannot be scored becomes an error record naming its line number and the reason;
//! the others go on, and the exit status is 1 if any line failed (2 for a usage error).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

mod args;
mod thread;

use polso::{Lang, Options};
use serde_json::{json, Map, Value};

const USAGE: &str = "usage: polso score [FILE] [--lines] [--explain] [--lang it|en]

  FILE        JSONL input, one {\"id\", \"text\", \"lang\"?} object a line (default: standard input)
  --lines     the input is plain text, one comment a line; ids are line numbers
  --explain   add the contributing tokens, their spans and rules
  --lang L    score every comment as L (it or en) instead of detecting it

Writes one JSON object a line: id, compound, pos, neu, neg, label, lang, langConfidence,
signals (hostility, insult, targeted, profanity, directness, politeness, shouting, question,
request, complaint; with --explain also the cues found and their spans).
A bad line yields {\"line\": N, \"error\": ...}; the exit status is then 1.";

struct ScoreArgs {
    input: Option<String>,
    lines: bool,
    explain: bool,
    lang: Option<Lang>,
}

fn parse_score_args(args: &[String]) -> Result<ScoreArgs, String> {
    let mut parsed = ScoreArgs {
        input: None,
        lines: false,
        explain: false,
        lang: None,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lines" => parsed.lines = true,
            "--explain" => parsed.explain = true,
            "--lang" => parsed.lang = Some(args::lang(iter.next())?),
            other => args::input_or_help(other, &mut parsed.input)?,
        }
    }
    Ok(parsed)
}

/// The JSON record for one scored comment: the input's id, then the result's fields.
fn record(id: Value, text: &str, options: Options) -> Value {
    let result = polso::score_with(text, options);
    let mut object = Map::new();
    object.insert("id".into(), id);
    object.insert("compound".into(), json!(round(result.compound, 4)));
    object.insert("pos".into(), json!(round(result.pos, 3)));
    object.insert("neu".into(), json!(round(result.neu, 3)));
    object.insert("neg".into(), json!(round(result.neg, 3)));
    object.insert("label".into(), json!(result.label.code()));
    object.insert("lang".into(), json!(result.lang.code()));
    object.insert(
        "langConfidence".into(),
        json!(round(result.lang.confidence, 3)),
    );
    let mut signals = serde_json::to_value(&result.signals).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut signals {
        for key in ["hostility", "directness", "politeness", "shouting"] {
            if let Some(x) = fields.get(key).and_then(Value::as_f64) {
                fields.insert(key.into(), json!(round(x, 3)));
            }
        }
        if !options.explain {
            fields.remove("cues");
        }
    }
    object.insert("signals".into(), signals);
    if options.explain {
        let mut tokens = serde_json::to_value(&result.tokens).unwrap_or(Value::Null);
        // Valences are products of rule weights (1.5 × −2.8 is −4.199999999999999 in floating
        // point): printed to four places, like the compound score.
        for token in tokens.as_array_mut().into_iter().flatten() {
            for key in ["base", "valence"] {
                if let Some(x) = token.get(key).and_then(Value::as_f64) {
                    token[key] = json!(round(x, 4));
                }
            }
        }
        object.insert("tokens".into(), tokens);
    }
    Value::Object(object)
}

fn round(x: f64, digits: i32) -> f64 {
    let factor = 10f64.powi(digits);
    (x * factor).round() / factor
}

/// Scores one JSONL line, or explains why it cannot be scored.
fn score_json_line(line: &str, args: &ScoreArgs) -> Result<Value, (Option<Value>, String)> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let Value::Object(object) = value else {
        return Err((None, "expected a JSON object with \"text\"".into()));
    };
    let id = object.get("id").cloned();
    let text = match object.get("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            return Err((
                id,
                format!("field \"text\" must be a string, found {}", kind_of(other)),
            ))
        }
        None => return Err((id, "missing field \"text\"".into())),
    };
    let lang = match (args.lang, object.get("lang")) {
        (Some(lang), _) => Some(lang),
        (None, None | Some(Value::Null)) => None,
        (None, Some(Value::String(code))) => Some(
            code.parse::<Lang>()
                .map_err(|e| (id.clone(), format!("field \"lang\": {e}")))?,
        ),
        (None, Some(other)) => {
            return Err((
                id,
                format!("field \"lang\" must be a string, found {}", kind_of(other)),
            ))
        }
    };
    Ok(record(
        id.unwrap_or(Value::Null),
        text,
        Options {
            lang,
            explain: args.explain,
        },
    ))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn run_score(args: &[String]) -> ExitCode {
    let args = match args::or_usage(parse_score_args(args), "score", USAGE) {
        Ok(args) => args,
        Err(status) => return status,
    };
    let input: Box<dyn BufRead> = match &args.input {
        Some(path) => match File::open(path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(e) => {
                eprintln!("polso score: cannot open {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufReader::with_capacity(1 << 16, io::stdin().lock())),
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match score_stream(input, &mut out, &args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("polso score: {failed} line(s) could not be scored; see the error records");
            ExitCode::from(1)
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("polso score: {e}");
            ExitCode::from(2)
        }
    }
}

/// Scores every line of `input` into `out`; returns how many lines failed.
fn score_stream(
    mut input: impl BufRead,
    out: &mut impl Write,
    args: &ScoreArgs,
) -> io::Result<usize> {
    let mut failed = 0;
    let mut buffer = Vec::new();
    let mut line_number = 0u64;
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer)? == 0 {
            break;
        }
        line_number += 1;
        let bytes = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let result = match std::str::from_utf8(bytes) {
            Err(e) => Err((None, format!("not valid UTF-8 (byte {})", e.valid_up_to()))),
            Ok(line) if args.lines => Ok(record(
                json!(line_number),
                line,
                Options {
                    lang: args.lang,
                    explain: args.explain,
                },
            )),
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => score_json_line(line, args),
        };
        let value = match result {
            Ok(value) => value,
            Err((id, error)) => {
                failed += 1;
                let mut object = Map::new();
                object.insert("line".into(), json!(line_number));
                if let Some(id) = id {
                    object.insert("id".into(), id);
                }
                object.insert("error".into(), json!(error));
                Value::Object(object)
            }
        };
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(failed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("score") => run_score(&args[1..]),
        Some("thread") => thread::run(&args[1..]),
        Some("-h" | "--help") | None => {
            println!(
                "polso: sentiment and thread health for Italian and English comments\n\n{USAGE}\n\n{}",
                thread::USAGE
            );
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("polso {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("polso: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
