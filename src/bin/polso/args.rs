//! What both commands' argument parsing shares: the input file, help, unknown flags, `--lang`,
//! and what a usage error prints.

use std::process::ExitCode;

use polso::Lang;

/// An argument no flag of the command took: the input file (at most one), `-h`/`--help` (the
/// empty error, which the caller turns into the usage text), or an unknown `--flag`.
pub fn input_or_help(arg: &str, input: &mut Option<String>) -> Result<(), String> {
    match arg {
        "-h" | "--help" => Err(String::new()),
        flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
        path => match input.replace(path.to_string()) {
            Some(_) => Err("more than one input file given".into()),
            None => Ok(()),
        },
    }
}

/// The value of `--lang`.
pub fn lang(value: Option<&String>) -> Result<Lang, String> {
    let value = value.ok_or("--lang needs a value: it or en")?;
    value.parse().map_err(|e| format!("--lang: {e}"))
}

/// The parsed arguments, or the exit status after printing the usage (status 0, for help) or the
/// error and the usage (status 2).
pub fn or_usage<T>(parsed: Result<T, String>, command: &str, usage: &str) -> Result<T, ExitCode> {
    parsed.map_err(|message| {
        if message.is_empty() {
            println!("{usage}");
            ExitCode::SUCCESS
        } else {
            eprintln!("polso {command}: {message}\n\n{usage}");
            ExitCode::from(2)
        }
    })
}
