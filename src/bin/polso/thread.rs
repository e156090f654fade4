//! `polso thread`: one report a thread from JSONL comments grouped by `thread_id`.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, Write};
use std::process::ExitCode;
use std::time::Instant;

use polso::thread::{CommentInput, Thread, ThreadOptions, ThreadReport, ThreadsSummary, Timestamp};
use serde_json::{json, Map, Value};

pub const USAGE: &str =
    "usage: polso thread [FILE] [--sla MINUTES] [--staff a,b] [--now ISO] [--bucket MINUTES]
                    [--window N] [--lang it|en] [--options FILE.json] [--summary]

  FILE          JSONL, one comment a line: thread_id, id, parent_id, author, ts, text
                (also threadId, parentId, time as ISO-8601 or epoch ms, reactions, isStaff;
                score and favorite_count are read as approval when reactions is absent)
                (default: standard input)
  --sla M       response time promised, in minutes: counts needs answered late or still waiting
  --staff a,b   staff and bot names, left out of the people lists
  --now ISO     measure at this time (default: each thread's latest comment)
  --bucket M    mood bucket length in minutes (default 60)
  --window N    comments in the tension window (default 30)
  --lang L      read every comment as L (it or en) instead of detecting it
  --options F   read the options from a JSON file: {\"slaMinutes\": 60, \"staff\": [\"mod\"],
                \"now\", \"bucketMinutes\", \"window\", \"top\", \"maxListed\", \"lang\"};
                options given after it on the command line override the file
  --summary     end with {\"summary\": ...}: first-response median and p90 across threads, bands

Writes one JSON report a line, {\"threadId\", ...}, warnings included. A thread is complete when
thread_id changes; if the input is not grouped by thread_id, polso says so on standard error and
buffers every thread until the end, so the reports are still complete.";

struct Args {
    input: Option<String>,
    options: ThreadOptions,
    summary: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        input: None,
        options: ThreadOptions::default(),
        summary: false,
    };
    let mut iter = args.iter();
    let number = |flag: &str, value: Option<&String>| -> Result<f64, String> {
        let value = value.ok_or(format!("{flag} needs a number"))?;
        value
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0)
            .ok_or(format!("{flag}: {value:?} is not a non-negative number"))
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--sla" => parsed.options.sla_minutes = Some(number("--sla", iter.next())?),
            "--bucket" => {
                parsed.options.bucket_minutes = number("--bucket", iter.next())?.max(1.0) as u32
            }
            "--window" => {
                parsed.options.window = number("--window", iter.next())?.max(1.0) as usize
            }
            "--staff" => {
                let value = iter.next().ok_or("--staff needs names, comma-separated")?;
                parsed.options.staff.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
            "--now" => {
                let value = iter.next().ok_or("--now needs an ISO-8601 time")?;
                parsed.options.now =
                    Some(Timestamp::parse(value).map_err(|e| format!("--now: {e}"))?);
            }
            "--lang" => parsed.options.lang = Some(super::args::lang(iter.next())?),
            "--options" => {
                let path = iter.next().ok_or("--options needs a JSON file")?;
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("--options: cannot read {path}: {e}"))?;
                parsed.options =
                    serde_json::from_str(&text).map_err(|e| format!("--options: {path}: {e}"))?;
            }
            "--summary" => parsed.summary = true,
            other => super::args::input_or_help(other, &mut parsed.input)?,
        }
    }
    Ok(parsed)
}

/// A parsed line: its thread and the comment, or why it could not be read.
fn parse_line(line: &str) -> Result<(String, CommentInput), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut object) = value else {
        return Err("expected a JSON object".into());
    };
    let thread_id = match object.get("thread_id").or_else(|| object.get("threadId")) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    // Reddit keeps "[deleted]" and "[removed]" as the author of deleted accounts: nobody.
    if matches!(object.get("author"), Some(Value::String(a)) if a == "[deleted]" || a == "[removed]")
    {
        object.insert("author".into(), Value::Null);
    }
    // Sources without `reactions`: Reddit's net `score`, Twitter's `favorite_count`.
    if !object.contains_key("reactions") {
        let approval = object
            .get("favorite_count")
            .or_else(|| object.get("score"))
            .and_then(Value::as_i64);
        if let Some(n) = approval {
            let (up, down) = if n >= 0 { (n, 0) } else { (0, -n) };
            object.insert("reactions".into(), json!({"up": up, "down": down}));
        }
    }
    let input: CommentInput =
        serde_json::from_value(Value::Object(object)).map_err(|e| format!("not a comment: {e}"))?;
    Ok((thread_id, input))
}

/// Whether every thread's lines are contiguous.
fn is_grouped(reader: impl BufRead) -> io::Result<bool> {
    let mut closed: HashSet<String> = HashSet::new();
    let mut current: Option<String> = None;
    // Bytes, not `lines()`: a line that is not UTF-8 is reported by `process`, not fatal here.
    for line in reader.split(b'\n') {
        let line = line?;
        let Ok(line) = std::str::from_utf8(&line) else {
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        #[derive(serde::Deserialize)]
        struct Id {
            #[serde(default, alias = "threadId")]
            thread_id: Option<Value>,
        }
        let id = match serde_json::from_str::<Id>(line) {
            Ok(Id {
                thread_id: Some(Value::String(s)),
            }) => s,
            Ok(Id {
                thread_id: Some(Value::Number(n)),
            }) => n.to_string(),
            _ => String::new(),
        };
        if current.as_deref() != Some(id.as_str()) {
            if closed.contains(&id) {
                return Ok(false);
            }
            if let Some(previous) = current.replace(id) {
                closed.insert(previous);
            }
        }
    }
    Ok(true)
}

struct Run<W: Write> {
    out: W,
    options: ThreadOptions,
    summary: ThreadsSummary,
    first_responses: Vec<f64>,
    comments: u64,
    failed: u64,
}

impl<W: Write> Run<W> {
    fn emit(&mut self, thread_id: &str, report: &ThreadReport) -> io::Result<()> {
        self.summary.add(report, &mut self.first_responses);
        let mut object = Map::new();
        object.insert("threadId".into(), json!(thread_id));
        if let Ok(Value::Object(fields)) = serde_json::to_value(report) {
            object.extend(fields);
        }
        serde_json::to_writer(&mut self.out, &Value::Object(object))?;
        self.out.write_all(b"\n")
    }

    fn error(&mut self, line: u64, message: String) -> io::Result<()> {
        self.failed += 1;
        serde_json::to_writer(&mut self.out, &json!({"line": line, "error": message}))?;
        self.out.write_all(b"\n")
    }

    /// Reads every line; `grouped` streams, otherwise every thread stays open until the end.
    fn process(&mut self, reader: impl BufRead, grouped: bool) -> io::Result<()> {
        let mut open: Vec<(String, Thread)> = Vec::new();
        let mut position: HashMap<String, usize> = HashMap::new();
        let mut line_number = 0u64;
        for line in reader.split(b'\n') {
            let bytes = line?;
            line_number += 1;
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    self.error(
                        line_number,
                        format!("not valid UTF-8 (byte {})", e.valid_up_to()),
                    )?;
                    continue;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            let (thread_id, input) = match parse_line(text) {
                Ok(parsed) => parsed,
                Err(message) => {
                    self.error(line_number, message)?;
                    continue;
                }
            };
            self.comments += 1;
            if grouped {
                if open.last().is_some_and(|(id, _)| *id != thread_id) {
                    if let Some((id, thread)) = open.pop() {
                        self.emit(&id, &thread.report())?;
                    }
                }
                if open.is_empty() {
                    open.push((thread_id, Thread::new(self.options.clone())));
                }
                if let Some((_, thread)) = open.last_mut() {
                    let _ = thread.add_input(input);
                }
            } else {
                let at = *position.entry(thread_id.clone()).or_insert_with(|| {
                    open.push((thread_id, Thread::new(self.options.clone())));
                    open.len() - 1
                });
                if let Some((_, thread)) = open.get_mut(at) {
                    let _ = thread.add_input(input);
                }
            }
        }
        for (id, thread) in open {
            self.emit(&id, &thread.report())?;
        }
        Ok(())
    }
}

/// Standard input is spooled to a temporary file so that ungrouped input can be read twice.
fn spool_stdin() -> io::Result<(File, std::path::PathBuf)> {
    let path = std::env::temp_dir().join(format!("polso-thread-{}.jsonl", std::process::id()));
    let mut file = File::options()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    io::copy(&mut io::stdin().lock().take(u64::MAX), &mut file)?;
    file.rewind()?;
    Ok((file, path))
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match super::args::or_usage(parse_args(args), "thread", USAGE) {
        Ok(args) => args,
        Err(status) => return status,
    };
    let (mut file, spooled) = match &args.input {
        Some(path) => match File::open(path) {
            Ok(file) => (file, None),
            Err(e) => {
                eprintln!("polso thread: cannot open {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => match spool_stdin() {
            Ok((file, path)) => (file, Some(path)),
            Err(e) => {
                eprintln!("polso thread: cannot buffer standard input: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let started = Instant::now();
    let result = (|| -> io::Result<Run<BufWriter<io::StdoutLock<'static>>>> {
        let grouped = is_grouped(BufReader::with_capacity(1 << 16, &mut file))?;
        if !grouped {
            eprintln!(
                "polso thread: the input is not grouped by thread_id; buffering every thread until the end"
            );
        }
        file.rewind()?;
        let mut run = Run {
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            options: args.options.clone(),
            summary: ThreadsSummary::default(),
            first_responses: Vec::new(),
            comments: 0,
            failed: 0,
        };
        run.process(BufReader::with_capacity(1 << 16, &mut file), grouped)?;
        run.summary.finish(&mut run.first_responses);
        if args.summary {
            serde_json::to_writer(&mut run.out, &json!({"summary": &run.summary}))?;
            run.out.write_all(b"\n")?;
        }
        run.out.flush()?;
        Ok(run)
    })();
    if let Some(path) = spooled {
        let _ = std::fs::remove_file(path);
    }
    match result {
        Ok(run) => {
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "polso thread: {} threads, {} comments in {:.2} s ({:.0} comments/s); first response median {} min, p90 {} min",
                run.summary.threads,
                run.comments,
                seconds,
                run.comments as f64 / seconds.max(1e-9),
                run.summary.first_response_minutes_median.map_or("-".into(), |m| m.to_string()),
                run.summary.first_response_minutes_p90.map_or("-".into(), |m| m.to_string()),
            );
            if run.failed > 0 {
                eprintln!(
                    "polso thread: {} line(s) could not be read; see the error records",
                    run.failed
                );
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("polso thread: {e}");
            ExitCode::from(2)
        }
    }
}
