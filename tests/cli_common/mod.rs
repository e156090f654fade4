//! Running the `polso` binary as a user does, shared by `cli.rs` and `cli_thread.rs`.

use std::io::{self, Write};
use std::process::{Command, Output, Stdio};

/// Runs `polso ARGS` with `stdin` as its input. Returns whether writing the input worked (polso
/// may refuse its arguments and exit before reading it, which breaks the pipe) and its output.
pub fn run(args: &[&str], stdin: &[u8]) -> (io::Result<()>, Output) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polso runs");
    let written = child.stdin.take().expect("stdin").write_all(stdin);
    (written, child.wait_with_output().expect("polso finishes"))
}

/// The JSON records polso wrote, one a line.
pub fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}
