//! Embedded lexicons: the TSV files under `lexicons/`, validated and compiled by `build.rs`, and
//! the lookups the engine makes in them.
//!
//! Each file is embedded in the compact form of [`compact`] (front-coded keys, values as small
//! indices: a third of the gzip size of plain text). The first time a [`Table`] is used it decodes
//! that into one `&'static str` of sorted `key\tvalue...` lines, kept for the life of the program,
//! and indexes the lines into a hash map with keys and values borrowed from that text, so nothing
//! is parsed as a float: decimals are stored as integer thousandths.

mod compact;
mod hash;
mod italian_morphology;
pub mod vocabulary;

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
    /// Made on first use by a function (the Italian forms, expanded from their lemmas).
    Built(fn() -> String),
}

/// One embedded lexicon file, decoded and indexed on first use.
pub struct Table {
    /// The file it came from, relative to the repository (for explanations and errors).
    pub source: &'static str,
    data: Data,
    text: OnceLock<&'static str>,
    index: OnceLock<HashMap<&'static str, Entry, FxBuildHasher>>,
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
        Table::with_data(source, Data::Text(text))
    }

    const fn with_data(source: &'static str, data: Data) -> Table {
        Table {
            source,
            data,
            text: OnceLock::new(),
            index: OnceLock::new(),
            max_words: OnceLock::new(),
        }
    }

    /// The table as `key\tvalue...` lines sorted by key, materialised on first use and kept for
    /// the life of the program (the lookups hand out `&'static str` slices of it).
    pub fn text(&self) -> &'static str {
        self.text.get_or_init(|| match self.data {
            Data::Text(text) => text,
            Data::Compact(bytes) => Box::leak(compact::decode(bytes).into_boxed_str()),
            Data::Built(build) => Box::leak(build().into_boxed_str()),
        })
    }

    fn index(&self) -> &HashMap<&'static str, Entry, FxBuildHasher> {
        self.index.get_or_init(|| {
            let mut map = HashMap::with_capacity_and_hasher(self.text().len() / 12, FxBuildHasher);
            for (key, rest) in self.rows() {
                let value = rest.split('\t').next().and_then(parse_thousandths);
                map.insert(key, Entry { rest, value });
            }
            map
        })
    }

    /// `key`'s row, or `None` if `key` is absent.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.index().get(key)
    }

    /// The raw columns after the key, tab-separated, or `None` if `key` is absent.
    pub fn row(&self, key: &str) -> Option<&'static str> {
        self.entry(key).map(|entry| entry.rest)
    }

    /// Whether `key` is in the table.
    pub fn contains(&self, key: &str) -> bool {
        self.index().contains_key(key)
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
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.text()
            .lines()
            .map(|line| line.split_once('\t').unwrap_or((line, "")))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index().len()
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
/// expanded into all its inflected forms (`form\tvalence\tlemma\ttag`, sorted by form). The build
/// has already expanded them once and stopped on any lemma it could not inflect.
fn italian_forms() -> String {
    let lemmas = compact::decode(generated::IT_LEMMAS);
    let rows: Vec<(&str, &str, &str)> = lemmas
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some((cells.next()?, cells.next()?, cells.next()?))
        })
        .collect();
    italian_morphology::expand_lemmas(&rows).0
}

macro_rules! tables {
    ($($(#[$doc:meta])* $name:ident = $data:expr, $file:literal;)*) => {
        $( $(#[$doc])* pub static $name: Table = Table::with_data($file, $data); )*
        /// Every bundled table, for tests and statistics.
        pub fn all_tables() -> Vec<&'static Table> { vec![$(&$name),*] }
    };
}

tables! {
    /// VADER 3.3.2's lexicon (MIT).
    EN_VADER = Data::Compact(generated::EN_VADER), "lexicons/en/vader.tsv";
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
    IT_FORMS = Data::Built(italian_forms), "lexicons/it/lemmas.tsv";
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
