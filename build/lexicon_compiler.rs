//! The lexicon compiler: reads the human-editable TSV files under `lexicons/`, validates them
//! strictly and turns each into rows sorted by key that `build.rs` embeds in compact form.
//!
//! Shared by `build.rs` (which fails the build on the first error, naming file and line) and by
//! `tests/lexicon_files.rs` (which checks every bundled file and the error messages themselves).
//! Only `std` is used: this runs inside the build script.
//!
//! # File format
//! UTF-8, one entry a line, tab-separated. Lines starting with `#` are comments; blank lines are
//! ignored. The first other line is the header: it names the columns, and the names decide how
//! each column is checked (see [`ColumnKind::for_header`]). The first column is the key: unique,
//! lowercase, trimmed, single-spaced. Decimal values are written as people write them (`-1.5`,
//! `0.293`) and stored as integer thousandths, so the wasm build never parses a float.

use std::collections::BTreeMap;
use std::fmt;

/// Values are stored as integer thousandths of the written decimal.
pub const SCALE: i32 = 1000;

/// Parts of speech accepted in a `pos` column.
pub const PARTS_OF_SPEECH: &[&str] = &["adj", "noun", "verb", "adv", "interj"];

/// Values accepted in a `kind` or `category` column. Adding a kind here is a code change on
/// purpose: the engine must know what to do with it.
pub const KINDS: &[&str] = &[
    // negators.tsv
    "negator",
    "npi",
    "npi_after",
    "clitic_or_aux",
    "contrast",
    "concessive",
    // civility.tsv
    "insult",
    "profanity",
    "slur",
    "threat",
    "dismissive",
    "politeness",
    "greeting",
    "thanks",
    "apology",
    "hedge",
    "request",
    "question",
    "complaint",
    "second_person",
    "second_person_verb",
    "shouting",
];

/// How a column is checked and stored, decided by its header name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnKind {
    /// The first column: unique, lowercase, trimmed, single-spaced.
    Key,
    /// A decimal in `[min, max]` thousandths, at most three decimals, stored as an integer.
    Decimal { min: i32, max: i32 },
    /// One of a fixed list of words.
    Enum(&'static [&'static str]),
    /// Free text that the engine uses (e.g. the `to` of a normalisation), must not be empty.
    Text,
    /// Free text for people (notes, names, reasons): checked for tabs, not embedded.
    Comment,
}

impl ColumnKind {
    /// The kind of a column from its header name, or `None` for an unknown name.
    pub fn for_header(name: &str, is_first: bool) -> Option<ColumnKind> {
        if is_first {
            return match name {
                "term" | "phrase" | "emoji" | "emoticon" | "lemma" | "from" => {
                    Some(ColumnKind::Key)
                }
                _ => None,
            };
        }
        Some(match name {
            "valence" => ColumnKind::Decimal {
                min: -4 * SCALE,
                max: 4 * SCALE,
            },
            "scalar" => ColumnKind::Decimal {
                min: -SCALE,
                max: SCALE,
            },
            "weight" => ColumnKind::Decimal {
                min: 0,
                max: 4 * SCALE,
            },
            "pos" => ColumnKind::Enum(PARTS_OF_SPEECH),
            "kind" | "category" => ColumnKind::Enum(KINDS),
            "to" => ColumnKind::Text,
            "note" | "name" | "why" | "source" => ColumnKind::Comment,
            _ => return None,
        })
    }
}

/// A validation error, naming the file and the 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One parsed row: the key, the embedded columns (decimals as thousandths), and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    pub values: Vec<String>,
    pub line: usize,
}

/// A parsed and validated table.
#[derive(Debug, Clone)]
pub struct Table {
    #[allow(dead_code)] // read by the tests, not by build.rs
    pub file: String,
    /// Header names of the embedded columns after the key, in order.
    pub columns: Vec<String>,
    /// Rows sorted by key.
    pub rows: Vec<Row>,
}

impl Table {
    /// The table as `key\tvalue\t...` lines sorted by key: the text the crate decodes from the
    /// compact form it embeds.
    #[allow(dead_code)] // the tests compare the crate's tables with it; build.rs encodes rows
    pub fn blob(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            out.push_str(&row.key);
            for value in &row.values {
                out.push('\t');
                out.push_str(value);
            }
            out.push('\n');
        }
        out
    }
}

/// Checks a key: what every key column must satisfy.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err("empty key".into());
    }
    if key.trim() != key {
        return Err(format!("key {key:?} has leading or trailing spaces"));
    }
    if key.contains("  ") {
        return Err(format!(
            "key {key:?} has a double space; separate words with one space"
        ));
    }
    if key.to_lowercase() != key {
        return Err(format!(
            "key {key:?} is not lowercase; the engine looks up lowercase text"
        ));
    }
    if key.chars().any(char::is_control) {
        return Err(format!(
            "key {key:?} contains a control character; the embedded tables use them as separators"
        ));
    }
    if key.contains('\u{2019}') {
        return Err(format!(
            "key {key:?} uses a typographic apostrophe; write ' (U+0027)"
        ));
    }
    if key.contains('\u{FE0F}') {
        return Err(format!(
            "key {key:?} contains VARIATION SELECTOR-16; the engine strips it before lookup"
        ));
    }
    if key
        .chars()
        .any(|c| ('\u{1F3FB}'..='\u{1F3FF}').contains(&c))
    {
        return Err(format!(
            "key {key:?} contains a skin-tone modifier; the engine strips it before lookup"
        ));
    }
    Ok(())
}

/// Parses a decimal such as `-1.5` or `0.293` into thousandths, without floats.
pub fn parse_decimal(text: &str) -> Result<i32, String> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || whole.len() > 4 {
        return Err(format!("{text:?} is not a decimal number"));
    }
    if fraction.len() > 3 {
        return Err(format!("{text:?} has more than three decimals"));
    }
    let mut value: i32 = whole
        .parse()
        .map_err(|_| format!("{text:?} is not a decimal number"))?;
    let mut fraction_digits = fraction.to_string();
    while fraction_digits.len() < 3 {
        fraction_digits.push('0');
    }
    value = value * SCALE + fraction_digits.parse::<i32>().unwrap_or(0);
    Ok(if negative { -value } else { value })
}

/// Parses and validates one TSV file. `file` is the name used in error messages.
pub fn parse_table(file: &str, text: &str) -> Result<Table, LexiconError> {
    let error = |line: usize, message: String| LexiconError {
        file: file.to_string(),
        line,
        message,
    };
    let mut header: Option<Vec<(String, ColumnKind)>> = None;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for (index, raw_line) in text.split('\n').enumerate() {
        let line_number = index + 1;
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(columns) = &header else {
            let mut columns = Vec::new();
            for (i, name) in cells.iter().enumerate() {
                let kind = ColumnKind::for_header(name, i == 0).ok_or_else(|| {
                    error(
                        line_number,
                        format!("unknown column {name:?} in the header"),
                    )
                })?;
                columns.push((name.to_string(), kind));
            }
            header = Some(columns);
            continue;
        };
        if cells.len() != columns.len() {
            return Err(error(
                line_number,
                format!(
                    "expected {} tab-separated columns ({}), found {}",
                    columns.len(),
                    columns
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    cells.len()
                ),
            ));
        }
        let key = cells[0];
        check_key(key).map_err(|m| error(line_number, m))?;
        if let Some(first) = seen.insert(key.to_string(), line_number) {
            return Err(error(
                line_number,
                format!("duplicate key {key:?} (first defined on line {first})"),
            ));
        }
        let mut values = Vec::new();
        for ((name, kind), cell) in columns.iter().zip(&cells).skip(1) {
            match kind {
                ColumnKind::Key => {}
                ColumnKind::Decimal { min, max } => {
                    let value = parse_decimal(cell)
                        .map_err(|m| error(line_number, format!("column {name}: {m}")))?;
                    if value < *min || value > *max {
                        return Err(error(
                            line_number,
                            format!(
                                "column {name}: {cell} is outside [{}, {}]",
                                *min as f64 / SCALE as f64,
                                *max as f64 / SCALE as f64
                            ),
                        ));
                    }
                    values.push(value.to_string());
                }
                ColumnKind::Enum(allowed) => {
                    if !allowed.contains(cell) {
                        return Err(error(
                            line_number,
                            format!(
                                "column {name}: {cell:?} is not one of {}",
                                allowed.join(", ")
                            ),
                        ));
                    }
                    values.push(cell.to_string());
                }
                ColumnKind::Text => {
                    if cell.trim().is_empty() {
                        return Err(error(line_number, format!("column {name} is empty")));
                    }
                    values.push(cell.to_string());
                }
                ColumnKind::Comment => {}
            }
        }
        rows.push(Row {
            key: key.to_string(),
            values,
            line: line_number,
        });
    }
    let Some(columns) = header else {
        return Err(error(
            1,
            "no header line (the first non-comment line names the columns)".into(),
        ));
    };
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    let columns = columns
        .into_iter()
        .skip(1)
        .filter(|(_, kind)| *kind != ColumnKind::Comment)
        .map(|(name, _)| name)
        .collect();
    Ok(Table {
        file: file.to_string(),
        columns,
        rows,
    })
}

/// The Rust constant name for a lexicon path: `en/vader.tsv` becomes `EN_VADER`.
pub fn constant_name(relative_path: &str) -> String {
    relative_path
        .trim_end_matches(".tsv")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}
