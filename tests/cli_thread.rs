//! The `polso thread` command as a user runs it: JSONL comments grouped by `thread_id` in, one
//! report per thread out, holes in the input reported as warnings, unreadable lines reported by
//! number while the rest go on, exit statuses that say so, and the options changing what a
//! community manager would see.

mod cli_common;

use std::path::PathBuf;
use std::process::Output;

use cli_common::records;
use serde_json::Value;

fn polso(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&str> = ["thread"].iter().chain(args).copied().collect();
    // polso may refuse its arguments and exit before reading its input: a broken pipe is fine.
    let (_written, output) = cli_common::run(&args, stdin);
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The report of thread `id` among the records.
fn report<'a>(records: &'a [Value], id: &str) -> &'a Value {
    let found: Vec<&Value> = records.iter().filter(|r| r["threadId"] == id).collect();
    assert_eq!(found.len(), 1, "one report for thread {id}");
    found[0]
}

/// Warnings of a report, as (kind, the comment or loop they name).
fn warnings(report: &Value) -> Vec<(String, String)> {
    report["warnings"]
        .as_array()
        .expect("warnings listed")
        .iter()
        .map(|w| {
            let kind = w["kind"].as_str().unwrap_or("").to_string();
            let about = match &w["ids"] {
                Value::Array(ids) => ids
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(","),
                _ => w["id"].as_str().unwrap_or("").to_string(),
            };
            (kind, about)
        })
        .collect()
}

fn has(list: &[(String, String)], kind: &str, about: &str) -> bool {
    list.iter().any(|(k, a)| k == kind && a == about)
}

/// A help thread in Italian and a fight in English with a loop, a duplicate, an orphan and an
/// unreadable time.
const TWO_THREADS: &str = r#"{"thread_id": "help", "id": "1", "author": "anna", "ts": "2024-05-01T10:00:00Z", "text": "Come faccio a esportare i dati in CSV?"}
{"thread_id": "help", "id": "2", "parent_id": "1", "author": "marco", "ts": "2024-05-01T10:45:00Z", "text": "Da Impostazioni > Esporta, spero sia utile"}
{"thread_id": "help", "id": "3", "parent_id": "2", "author": "anna", "ts": "2024-05-01T10:50:00Z", "text": "Grazie mille, funziona!"}
{"thread_id": "help", "id": "4", "parent_id": "99", "author": "lucia", "ts": "2024-05-01T10:55:00Z", "text": "Anche io volevo saperlo"}
{"thread_id": "help", "id": "2", "parent_id": "1", "author": "marco", "ts": "2024-05-01T10:46:00Z", "text": "sent twice"}
{"thread_id": "fight", "id": "a", "author": "bob", "ts": 1714636800000, "text": "The new update is great"}
{"thread_id": "fight", "id": "b", "parent_id": "a", "author": "eve", "ts": "2024-05-02T08:05:00Z", "text": "You're an idiot, it broke everything"}
{"thread_id": "fight", "id": "x", "parent_id": "y", "author": "bob", "ts": "last tuesday", "text": "No, YOU are the idiot"}
{"thread_id": "fight", "id": "y", "parent_id": "x", "author": "eve", "ts": "2024-05-02T08:15:00Z", "text": "Shut up"}
"#;

#[test]
fn one_report_per_thread_with_its_holes_as_warnings() {
    let output = polso(&[], TWO_THREADS.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = records(&output);
    assert_eq!(out.len(), 2, "one report a thread");
    let help = report(&out, "help");
    let fight = report(&out, "fight");
    // The duplicate is not counted twice; the orphan is kept as a root.
    assert_eq!(help["comments"], 4);
    assert_eq!(help["shape"]["roots"], 2);
    let w = warnings(help);
    assert!(has(&w, "duplicateId", "2"), "{w:?}");
    assert!(has(&w, "missingParent", "4"), "{w:?}");
    assert_eq!(help["warningCounts"]["duplicateId"], 1);
    // The first answer came 45 minutes after the question.
    assert_eq!(help["responsiveness"]["firstResponseMinutes"], 45.0);
    assert_eq!(help["responsiveness"]["unansweredQuestions"], 0);

    assert_eq!(fight["comments"], 4);
    let w = warnings(fight);
    assert!(
        has(&w, "cycle", "x,y") || has(&w, "cycle", "y,x"),
        "the loop is named: {w:?}"
    );
    assert!(has(&w, "invalidTime", "x"), "{w:?}");
    assert!(
        !w.iter()
            .any(|(k, _)| k == "duplicateId" || k == "missingParent"),
        "warnings stay with their thread: {w:?}"
    );
    // An insult aimed at a person is not a calm thread.
    assert_ne!(fight["tension"]["band"], "calm");
    assert!(stderr(&output).contains("2 threads, 9 comments"));
}

#[test]
fn bad_lines_are_reported_by_number_and_the_rest_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"thread_id\": \"t\", \"id\": \"1\", \"author\": \"ann\", \"text\": \"Hello, anyone here?\"}\n",
    );
    input.extend_from_slice(b"this is not json\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"[1, 2, 3]\n");
    input.extend_from_slice(b"{\"thread_id\": \"t\", \"id\": \"9\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(b"{\"thread_id\": \"t\", \"id\": \"5\", \"text\": 5}\n");
    input.extend_from_slice(
        b"{\"thread_id\": \"t\", \"id\": \"2\", \"parent_id\": \"1\", \"author\": \"bob\", \"text\": \"Yes, hi!\"}\n",
    );
    let output = polso(&[], &input);
    assert_eq!(output.status.code(), Some(1), "some lines failed");
    let out = records(&output);
    let errors: Vec<(u64, &str)> = out
        .iter()
        .filter(|r| r.get("error").is_some())
        .map(|r| {
            (
                r["line"].as_u64().expect("line number"),
                r["error"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let lines: Vec<u64> = errors.iter().map(|e| e.0).collect();
    assert_eq!(lines, [2, 4, 5, 6], "{errors:?}");
    assert!(errors[0].1.contains("invalid JSON"));
    assert!(errors[1].1.contains("object"));
    assert!(errors[2].1.contains("UTF-8"));
    // The good lines still make one complete thread, the reply linked to its parent.
    let thread = report(&out, "t");
    assert_eq!(thread["comments"], 2);
    assert_eq!(thread["shape"]["depthMax"], 1);
    assert_eq!(thread["responsiveness"]["answered"], 1);
    assert!(stderr(&output).contains("4 line(s) could not be read"));
}

#[test]
fn threads_out_of_order_are_still_reported_whole() {
    let input = r#"{"thread_id": 1, "id": "1", "author": "ann", "text": "first"}
{"thread_id": 2, "id": "1", "author": "bob", "text": "other thread"}
{"thread_id": 1, "id": "2", "parent_id": "1", "author": "cat", "text": "back to the first"}
"#;
    let output = polso(&[], input.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("not grouped by thread_id"));
    let out = records(&output);
    assert_eq!(out.len(), 2);
    // Numeric thread ids are kept, as text; the same comment id in two threads is no duplicate.
    assert_eq!(report(&out, "1")["comments"], 2);
    assert_eq!(report(&out, "1")["shape"]["depthMax"], 1);
    assert_eq!(report(&out, "2")["comments"], 1);
    assert!(report(&out, "2")["warningCounts"]
        .as_object()
        .is_some_and(|c| !c.contains_key("duplicateId")));
}

/// A question nobody answers, then chatter among others; times 10:00 to 10:40.
const UNANSWERED: &str = r#"{"thread_id": "q", "id": "1", "author": "mod", "ts": "2024-05-01T10:00:00Z", "text": "Welcome to the release thread"}
{"thread_id": "q", "id": "2", "parent_id": "1", "author": "ann", "ts": "2024-05-01T10:05:00Z", "text": "When does the dark mode arrive?"}
{"thread_id": "q", "id": "3", "parent_id": "1", "author": "bob", "ts": "2024-05-01T10:20:00Z", "text": "Nice release"}
{"thread_id": "q", "id": "4", "parent_id": "3", "author": "mod", "ts": "2024-05-01T10:40:00Z", "text": "Thanks Bob"}
"#;

fn need_over_sla(report: &Value, id: &str) -> bool {
    report["needs"]["items"]
        .as_array()
        .expect("needs listed")
        .iter()
        .find(|n| n["id"] == id)
        .map(|n| n["overSla"] == true)
        .expect("the need is listed")
}

#[test]
fn sla_and_now_decide_who_has_waited_too_long() {
    // At the last comment (10:40) the question has waited 35 minutes.
    let out = records(&polso(&["--sla", "60"], UNANSWERED.as_bytes()));
    let q = report(&out, "q");
    assert_eq!(q["responsiveness"]["slaMinutes"], 60.0);
    assert_eq!(q["responsiveness"]["waitingOverSla"], 0);
    assert!(!need_over_sla(q, "2"));
    // The post was answered (by Ann) after 5 minutes: within 15, over 2.
    assert_eq!(q["responsiveness"]["answeredOverSla"], 0);
    let out = records(&polso(&["--sla", "15"], UNANSWERED.as_bytes()));
    let q = report(&out, "q");
    assert_eq!(q["responsiveness"]["answeredOverSla"], 0);
    assert_eq!(q["responsiveness"]["waitingOverSla"], 1);
    assert!(need_over_sla(q, "2"));
    let out = records(&polso(&["--sla", "2"], UNANSWERED.as_bytes()));
    assert_eq!(report(&out, "q")["responsiveness"]["answeredOverSla"], 1);

    // Measured at noon, the question has waited almost two hours.
    let out = records(&polso(
        &["--sla", "60", "--now", "2024-05-01T12:00:00Z"],
        UNANSWERED.as_bytes(),
    ));
    let q = report(&out, "q");
    assert_eq!(q["now"], "2024-05-01T12:00:00Z");
    assert_eq!(q["responsiveness"]["waitingOverSla"], 1);
    assert!(need_over_sla(q, "2"));
    // Without an SLA nothing is over it.
    let out = records(&polso(&[], UNANSWERED.as_bytes()));
    assert_eq!(report(&out, "q")["responsiveness"]["waitingOverSla"], 0);
}

#[test]
fn staff_are_left_out_of_the_people_lists() {
    let names = |report: &Value, list: &str| -> Vec<String> {
        report["people"][list]
            .as_array()
            .expect("a list")
            .iter()
            .map(|p| p["author"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let out = records(&polso(&[], UNANSWERED.as_bytes()));
    let q = report(&out, "q");
    assert_eq!(
        names(q, "topByComments").first().map(String::as_str),
        Some("mod")
    );
    let out = records(&polso(&["--staff", "mod, helper"], UNANSWERED.as_bytes()));
    let q = report(&out, "q");
    assert!(!names(q, "topByComments").contains(&"mod".to_string()));
    assert!(!names(q, "topByRepliesReceived").contains(&"mod".to_string()));
    assert_eq!(q["people"]["staff"], serde_json::json!(["mod"]));
    // Ann asked and nobody answered: a newcomer worth drawing in.
    let quiet = &q["people"]["quiet"];
    assert!(quiet
        .as_array()
        .expect("quiet listed")
        .iter()
        .any(|m| m["author"] == "ann" && m["reason"] == "unansweredNewcomer"));
}

#[test]
fn bucket_sets_the_mood_time_step() {
    let buckets = |args: &[&str]| {
        let out = records(&polso(args, UNANSWERED.as_bytes()));
        let mood = &report(&out, "q")["mood"];
        let counts: Vec<u64> = mood["buckets"]
            .as_array()
            .expect("buckets")
            .iter()
            .map(|b| b["comments"].as_u64().expect("count"))
            .collect();
        (mood["bucketMinutes"].as_u64(), counts)
    };
    assert_eq!(buckets(&[]), (Some(60), vec![4]));
    assert_eq!(buckets(&["--bucket", "15"]), (Some(15), vec![2, 1, 1]));
}

#[test]
fn summary_gives_figures_across_threads() {
    let output = polso(&["--summary"], TWO_THREADS.as_bytes());
    let out = records(&output);
    let summary = &out.last().expect("records")["summary"];
    assert_eq!(summary["threads"], 2);
    assert_eq!(summary["comments"], 8);
    assert_eq!(summary["warningCounts"]["cycle"], 1);
    let bands: u64 = summary["bands"]
        .as_object()
        .expect("bands")
        .values()
        .filter_map(Value::as_u64)
        .sum();
    assert_eq!(bands, 2, "every thread in one band");
}

#[test]
fn reads_a_file_argument() {
    let path: PathBuf =
        std::env::temp_dir().join(format!("polso-cli-thread-{}.jsonl", std::process::id()));
    std::fs::write(&path, UNANSWERED).expect("fixture written");
    let output = polso(&[path.to_str().expect("utf-8 path")], b"");
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(report(&records(&output), "q")["comments"], 4);
}

#[test]
fn usage_errors_exit_2_and_say_what_is_wrong() {
    for (args, message) in [
        (&["--sla", "soon"][..], "--sla"),
        (&["--sla", "-5"][..], "--sla"),
        (&["--bucket"][..], "--bucket needs a number"),
        (&["--now", "yesterday"][..], "--now"),
        (&["--lang", "fr"][..], "--lang"),
        (&["--loud"][..], "unknown option --loud"),
        (&["/nonexistent/comments.jsonl"][..], "cannot open"),
    ] {
        let output = polso(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}: no reports");
    }
    let help = polso(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("usage: polso thread"));
}

#[test]
fn options_can_come_from_a_json_file() {
    let dir = std::env::temp_dir();
    let write = |name: &str, text: &str| {
        let path = dir.join(format!(
            "polso-cli-thread-{}-{name}.json",
            std::process::id()
        ));
        std::fs::write(&path, text).expect("options written");
        path
    };
    let good = write(
        "good",
        r#"{"slaMinutes": 15, "staff": ["mod"], "bucketMinutes": 15, "now": "2024-05-01T12:00:00Z"}"#,
    );
    let output = polso(
        &["--options", good.to_str().expect("path")],
        UNANSWERED.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = records(&output);
    let q = report(&out, "q");
    assert_eq!(q["responsiveness"]["slaMinutes"], 15.0);
    assert_eq!(q["people"]["staff"], serde_json::json!(["mod"]));
    assert_eq!(q["mood"]["bucketMinutes"], 15);
    assert_eq!(q["now"], "2024-05-01T12:00:00Z");
    // A flag after the file overrides it.
    let output = polso(
        &["--options", good.to_str().expect("path"), "--bucket", "60"],
        UNANSWERED.as_bytes(),
    );
    assert_eq!(report(&records(&output), "q")["mood"]["bucketMinutes"], 60);

    for (name, text, message) in [
        ("unknown", r#"{"sla": 15}"#, "unknown field `sla`"),
        ("negative", r#"{"slaMinutes": -1}"#, "non-negative"),
        ("zero", r#"{"bucketMinutes": 0}"#, "at least 1"),
        ("time", r#"{"now": "tomorrow"}"#, "ISO-8601"),
        ("lang", r#"{"lang": "fr"}"#, "lang"),
        ("json", r#"{"slaMinutes": "#, "--options"),
    ] {
        let path = write(name, text);
        let output = polso(
            &["--options", path.to_str().expect("path")],
            UNANSWERED.as_bytes(),
        );
        let _ = std::fs::remove_file(&path);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            stderr(&output).contains(message),
            "{name}: {}",
            stderr(&output)
        );
    }
    let _ = std::fs::remove_file(&good);
}
