//! Embedded lexicons: the TSV files under `lexicons/`, validated and compiled by `build.rs`, and
//! the lookups the engine makes in them.
//!
//! Each file is embedded in the compact form of [`compact`] (front-coded keys, values as small
//! indices: a third of the gzip size of plain text). The first time a [`Table`] is used it decodes
//! that into one `&'static str` of sorted `key\tvalue...` lines, kept for the life of the program,
//! and reads the lines once into entries borrowed from that text, so nothing is parsed as a float
//! again: decimals are stored as integer thousandths.
//!
//! Small tables index their entries in a hash map of their own. The two large per-word tables
//! (VADER, the Italian forms: most of all rows) are found through the [`vocabulary`], which holds
//! every per-word table's entries anyway: a second index of the same rows would double the work of
//! first use, the time a page waits before its first score.

mod compact;
mod hash;
mod italian_morphology;
pub mod vocabulary;
mod word_index;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use hash::FxBuildHasher;

/// The generated constants, one per lexicon file (`EN_VADER` for `lexicons/en/vader.tsv`).
#[allow(missing_docs)]
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}

/// Decimal values in the lexicons are stored as thousandths.
pub const SCALE: f64 = 1000.0;

/// Where a table's `key\tvalue...` text comes from.
enum Data {
    /// The text itself.
    Text(&'static str),
    /// The compact bytes of [`compact`], decoded on first use.
    Compact(&'static [u8]),
    /// Made on first use by a function (the Italian forms, expanded from their lemmas), with
    /// where each line ends its key, its first column and itself.
    Built(fn() -> (String, Vec<[u32; 3]>)),
}

/// How a table finds a key's entry.
enum Lookup {
    /// In a hash map of its own, from key to position in the entries.
    Own,
    /// Through the vocabulary, which indexes this table's entries with the other per-word tables'
    /// (the function reads this table's field of a [`vocabulary::Word`]).
    Vocabulary(fn(&vocabulary::Word) -> Option<&'static Entry>),
}

/// One embedded lexicon file, decoded and indexed on first use.
pub struct Table {
    /// The file it came from, relative to the repository (for explanations and errors).
    pub source: &'static str,
    data: Data,
    lookup: Lookup,
    text: OnceLock<&'static str>,
    entries: OnceLock<Vec<(&'static str, Entry)>>,
    index: OnceLock<HashMap<&'static str, u32, FxBuildHasher>>,
    max_words: OnceLock<usize>,
}

/// One row of a table as the index holds it: the columns after the key, and the first column
/// already read as a decimal, so the lookups the engine makes for every word parse nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// The raw columns after the key, tab-separated.
    pub rest: &'static str,
    /// The first column as a decimal (stored as thousandths), when it is one.
    pub value: Option<f64>,
}

impl Entry {
    /// Column `column` (0 = first after the key).
    pub fn column(&self, column: usize) -> Option<&'static str> {
        self.rest.split('\t').nth(column)
    }

    /// The first column, up to the first tab.
    pub fn first(&self) -> &'static str {
        match crate::text::find_ascii(self.rest, b'\t') {
            Some(end) => &self.rest[..end],
            None => self.rest,
        }
    }
}

impl Table {
    /// A table over `key\tvalue...` lines sorted by key.
    pub const fn new(source: &'static str, text: &'static str) -> Table {
        Table::with_data(source, Data::Text(text), Lookup::Own)
    }

    const fn with_data(source: &'static str, data: Data, lookup: Lookup) -> Table {
        Table {
            source,
            data,
            lookup,
            text: OnceLock::new(),
            entries: OnceLock::new(),
            index: OnceLock::new(),
            max_words: OnceLock::new(),
        }
    }

    /// The table as `key\tvalue...` lines (sorted by key, but for the Italian forms),
    /// materialised on first use and kept for the life of the program (the lookups hand out
    /// `&'static str` slices of it).
    pub fn text(&self) -> &'static str {
        self.text.get_or_init(|| match self.data {
            Data::Text(text) => text,
            Data::Compact(bytes) => {
                let (text, lines) = compact::decode_with_rows(bytes);
                self.keep_with_rows(text, lines)
            }
            Data::Built(build) => {
                let (text, lines) = build();
                self.keep_with_rows(text, Some(lines))
            }
        })
    }

    /// `text` kept for the life of the program, and its entries set from where its rows are
    /// (`lines`, when known), so that the text need not be read again to find them: `entries`
    /// asks for the text before its own initialisation, so this never runs inside it.
    fn keep_with_rows(&self, text: String, lines: Option<Vec<[u32; 3]>>) -> &'static str {
        let text: &'static str = Box::leak(text.into_boxed_str());
        if let Some(lines) = lines {
            let _ = self.entries.set(entries_at(text, &lines));
        }
        text
    }

    /// Every row in key order, read once: the key and its [`Entry`].
    pub(crate) fn entries(&self) -> &[(&'static str, Entry)] {
        let text = self.text();
        self.entries.get_or_init(|| read_entries(text))
    }

    /// The table's own index (for [`Lookup::Own`]): key to position in [`Table::entries`], the
    /// last row of a key winning.
    fn index(&self) -> &HashMap<&'static str, u32, FxBuildHasher> {
        self.index.get_or_init(|| {
            let entries = self.entries();
            let mut map = HashMap::with_capacity_and_hasher(entries.len(), FxBuildHasher);
            for (at, (key, _)) in entries.iter().enumerate() {
                map.insert(*key, at as u32);
            }
            map
        })
    }

    /// `key`'s row, or `None` if `key` is absent.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match self.lookup {
            Lookup::Own => {
                let at = *self.index().get(key)?;
                self.entries().get(at as usize).map(|(_, entry)| entry)
            }
            Lookup::Vocabulary(field) => vocabulary::word(key).and_then(field),
        }
    }

    /// The raw columns after the key, tab-separated, or `None` if `key` is absent.
    pub fn row(&self, key: &str) -> Option<&'static str> {
        self.entry(key).map(|entry| entry.rest)
    }

    /// Whether `key` is in the table.
    pub fn contains(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// Column `column` (0 = first after the key) of `key`'s row.
    pub fn column(&self, key: &str, column: usize) -> Option<&'static str> {
        self.entry(key).and_then(|entry| entry.column(column))
    }

    /// Column `column` of `key`'s row read as a decimal (stored as thousandths).
    pub fn decimal(&self, key: &str, column: usize) -> Option<f64> {
        let entry = self.entry(key)?;
        match column {
            0 => entry.value,
            _ => entry.column(column).and_then(parse_thousandths),
        }
    }

    /// Every row, in key order: `(key, rest)`.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.entries().iter().map(|(key, entry)| (*key, entry.rest))
    }

    /// Number of entries (distinct keys).
    pub fn len(&self) -> usize {
        match self.lookup {
            Lookup::Own => self.index().len(),
            // VADER's rows are sorted by key, so a repeated key follows its first row; the
            // Italian forms have one row a form.
            Lookup::Vocabulary(_) => {
                let entries = self.entries();
                let repeated = entries.windows(2).filter(|w| w[0].0 == w[1].0).count();
                entries.len() - repeated
            }
        }
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// The longest key, in words (for multi-word matching windows).
    pub fn max_words(&self) -> usize {
        *self.max_words.get_or_init(|| {
            self.rows()
                .map(|(k, _)| k.split(' ').count())
                .max()
                .unwrap_or(0)
        })
    }
}

/// The rows of a table's text, as [`str::lines`] splits them (a final line without `\n` counts,
/// a `\r` just before a `\n` is dropped), each cut at its first tab into key and rest.
///
/// One pass over the bytes, noting the first two tabs and each line end: `split_once` and
/// `lines` each search the text again, with a searcher that in wasm is a plain byte loop anyway,
/// and this runs over every row of every table at first use (650 KB for the Italian forms).
fn read_entries(text: &'static str) -> Vec<(&'static str, Entry)> {
    let bytes = text.as_bytes();
    let mut entries = Vec::with_capacity(bytes.iter().filter(|&&b| b == b'\n').count() + 1);
    let mut push = |start: usize, tabs: [usize; 2], mut end: usize| {
        if end < bytes.len() && end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        // Tabs and line ends are ASCII, so every cut falls between characters.
        let (key, rest, first) = if tabs[0] < end {
            let first_end = tabs[1].min(end);
            (
                &text[start..tabs[0]],
                &text[tabs[0] + 1..end],
                &text[tabs[0] + 1..first_end],
            )
        } else {
            (&text[start..end], "", "")
        };
        let value = parse_thousandths(first);
        entries.push((key, Entry { rest, value }));
    };
    let mut start = 0;
    let mut tabs = [usize::MAX; 2];
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b'\t' {
            if tabs[0] == usize::MAX {
                tabs[0] = at;
            } else if tabs[1] == usize::MAX {
                tabs[1] = at;
            }
        } else if byte == b'\n' {
            push(start, tabs, at);
            start = at + 1;
            tabs = [usize::MAX; 2];
        }
    }
    if start < bytes.len() {
        push(start, tabs, bytes.len());
    }
    entries
}

/// The rows of `text` whose key, first column and line end at the offsets of `lines` (each line
/// starting after the previous one's end), as [`read_entries`] would read them.
fn entries_at(text: &'static str, lines: &[[u32; 3]]) -> Vec<(&'static str, Entry)> {
    let mut start = 0;
    lines
        .iter()
        .map(|&[key_end, first_end, end]| {
            let [key_end, first_end, end] = [key_end, first_end, end].map(|at| at as usize);
            let key = text.get(start..key_end).unwrap_or("");
            let rest = text.get(key_end + 1..end).unwrap_or("");
            let value = parse_thousandths(text.get(key_end + 1..first_end).unwrap_or(""));
            start = end + 1;
            (key, Entry { rest, value })
        })
        .collect()
}

/// Integer thousandths, as the build script writes them, to a float.
pub fn parse_thousandths(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut value: i64 = 0;
    if digits.is_empty() {
        return None;
    }
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let value = value as f64 / SCALE;
    Some(if negative { -value } else { value })
}

/// The Italian forms table: the lemmas of `lexicons/it/lemmas.tsv`, shipped in file order, each
/// expanded into all its inflected forms (`form\tvalence\tlemma\ttag`, one row a form, in the
/// order they were generated). The build has already expanded them once and stopped on any lemma
/// it could not inflect.
fn italian_forms() -> (String, Vec<[u32; 3]>) {
    let (lemmas, lines) = compact::decode_with_rows(generated::IT_LEMMAS);
    // From where the decoder says each row's cells end, rather than by searching the text again.
    // (`lines` is `None` only for a table that is not UTF-8, which the build never writes: no
    // forms then.)
    let mut start = 0;
    let rows: Vec<(&str, &str, &str)> = lines
        .unwrap_or_default()
        .iter()
        .filter_map(|&[key_end, first_end, end]| {
            let [key_end, first_end, end] = [key_end, first_end, end].map(|at| at as usize);
            let line_start = std::mem::replace(&mut start, end + 1);
            // The second column, up to a third if there is one.
            let second = lemmas.get(first_end + 1..end)?;
            let valence = match crate::text::find_ascii(second, b'\t') {
                Some(tab) => &second[..tab],
                None => second,
            };
            Some((
                lemmas.get(line_start..key_end)?,
                lemmas.get(key_end + 1..first_end)?,
                valence,
            ))
        })
        .collect();
    let (text, lines, _) = italian_morphology::expand_lemmas_with_rows(&rows);
    (text, lines)
}

macro_rules! tables {
    ($($(#[$doc:meta])* $name:ident = $data:expr, $file:literal $(, $lookup:expr)?;)*) => {
        $( $(#[$doc])* pub static $name: Table =
            Table::with_data($file, $data, tables!(@lookup $($lookup)?)); )*
        /// Every bundled table, for tests and statistics.
        pub fn all_tables() -> Vec<&'static Table> { vec![$(&$name),*] }
    };
    (@lookup) => { Lookup::Own };
    (@lookup $lookup:expr) => { $lookup };
}

tables! {
    /// VADER 3.3.2's lexicon (MIT).
    EN_VADER = Data::Compact(generated::EN_VADER), "lexicons/en/vader.tsv",
        Lookup::Vocabulary(|word| word.en_vader());
    /// The project's changes to VADER's valences, each with its reason.
    EN_ADJUSTMENTS = Data::Compact(generated::EN_ADJUSTMENTS), "lexicons/en/adjustments.tsv";
    /// English multi-word expressions whose meaning is not the sum of their words.
    EN_IDIOMS = Data::Compact(generated::EN_IDIOMS), "lexicons/en/idioms.tsv";
    /// English boosters (positive scalar) and dampeners (negative).
    EN_MODIFIERS = Data::Compact(generated::EN_MODIFIERS), "lexicons/en/modifiers.tsv";
    /// English negators and contrast words.
    EN_NEGATORS = Data::Compact(generated::EN_NEGATORS), "lexicons/en/negators.tsv";
    /// Italian lemmas the project scored, expanded to every inflected form on first use:
    /// `form\tvalence\tlemma\ttag` (built from `lexicons/it/lemmas.tsv`).
    IT_FORMS = Data::Built(italian_forms), "lexicons/it/lemmas.tsv",
        Lookup::Vocabulary(|word| word.it_forms());
    /// Uninflected Italian entries the project wrote: interjections, slang, loanwords.
    IT_WORDS = Data::Compact(generated::IT_WORDS), "lexicons/it/words.tsv";
    /// The CLiPS Pattern Italian lexicon (BSD-3-Clause), rescaled to VADER's scale.
    IT_PATTERN = Data::Compact(generated::IT_PATTERN), "lexicons/it/pattern.tsv";
    /// Italian multi-word expressions.
    IT_IDIOMS = Data::Compact(generated::IT_IDIOMS), "lexicons/it/idioms.tsv";
    /// Italian boosters and dampeners.
    IT_MODIFIERS = Data::Compact(generated::IT_MODIFIERS), "lexicons/it/modifiers.tsv";
    /// Italian negators, negative-polarity words, clitics and auxiliaries, contrast words.
    IT_NEGATORS = Data::Compact(generated::IT_NEGATORS), "lexicons/it/negators.tsv";
    /// Italian spelling normalisation: abbreviations and accents typed as apostrophes.
    IT_NORMALISE = Data::Compact(generated::IT_NORMALISE), "lexicons/it/normalise.tsv";
    /// Emoji valences written by the project (keys without VS16 or skin tones).
    EMOJI = Data::Compact(generated::EMOJI), "lexicons/emoji.tsv";
    /// Emoticons recognised by the tokenizer, with valences.
    EMOTICONS = Data::Compact(generated::EMOTICONS), "lexicons/emoticons.tsv";
    /// English civility cues (insults, politeness, needs, second person), written by the project.
    EN_CIVILITY = Data::Compact(generated::EN_CIVILITY), "lexicons/en/civility.tsv";
    /// Italian civility cues (insulti, cortesia, richieste, seconda persona), written by the project.
    IT_CIVILITY = Data::Compact(generated::IT_CIVILITY), "lexicons/it/civility.tsv";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read_entries` replaced: `lines`, then `split_once` at the first tab.
    fn entries_by_lines(text: &'static str) -> Vec<(&'static str, Entry)> {
        text.lines()
            .map(|line| {
                let (key, rest) = line.split_once('\t').unwrap_or((line, ""));
                let value = parse_thousandths(rest.split('\t').next().unwrap_or(""));
                (key, Entry { rest, value })
            })
            .collect()
    }

    #[test]
    fn rows_are_split_as_lines_and_the_first_tab_split_them() {
        for text in [
            "",
            "\n",
            "a\t1\n",
            "a\t1",
            "a\t-250\tx\ty\nb\t\tz\n\nc\n",
            "only key\nwindows\t500\r\nlast\t7\r",
            "\t\t\n\t9\n",
            "è\t1000\tà\nnaïve\tnot a number\n",
        ] {
            assert_eq!(read_entries(text), entries_by_lines(text), "{text:?}");
        }
        // The Italian forms' rows come from where the expansion says they are.
        for table in all_tables() {
            assert_eq!(
                table.entries(),
                entries_by_lines(table.text()),
                "{}",
                table.source
            );
        }
    }
}
