//! Embedded lexicons: the TSV files under `lexicons/`, validated and compiled by `build.rs`, and
//! the lookups the engine makes in them.
//!
//! Each file becomes one `&'static str` of sorted `key\tvalue...` lines. A [`Table`] indexes its
//! lines into a hash map the first time it is used (a few milliseconds for the largest), with keys
//! and values borrowed from the embedded text, so nothing is copied and nothing is parsed as a
//! float: decimals are stored as integer thousandths.

mod hash;
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

/// One embedded lexicon file, indexed on first use.
pub struct Table {
    /// The file it came from, relative to the repository (for explanations and errors).
    pub source: &'static str,
    data: &'static str,
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
        self.rest.split('\t').next().unwrap_or("")
    }
}

impl Table {
    /// A table over a generated blob.
    pub const fn new(source: &'static str, data: &'static str) -> Table {
        Table {
            source,
            data,
            index: OnceLock::new(),
            max_words: OnceLock::new(),
        }
    }

    fn index(&self) -> &HashMap<&'static str, Entry, FxBuildHasher> {
        self.index.get_or_init(|| {
            let mut map = HashMap::with_capacity_and_hasher(self.data.len() / 12, FxBuildHasher);
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
        self.data
            .lines()
            .map(|line| line.split_once('\t').unwrap_or((line, "")))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index().len()
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
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

macro_rules! tables {
    ($($(#[$doc:meta])* $name:ident = $constant:ident, $file:literal;)*) => {
        $( $(#[$doc])* pub static $name: Table = Table::new($file, generated::$constant); )*
        /// Every bundled table, for tests and statistics.
        pub fn all_tables() -> Vec<&'static Table> { vec![$(&$name),*] }
    };
}

tables! {
    /// VADER 3.3.2's lexicon (MIT).
    EN_VADER = EN_VADER, "lexicons/en/vader.tsv";
    /// The project's changes to VADER's valences, each with its reason.
    EN_ADJUSTMENTS = EN_ADJUSTMENTS, "lexicons/en/adjustments.tsv";
    /// English multi-word expressions whose meaning is not the sum of their words.
    EN_IDIOMS = EN_IDIOMS, "lexicons/en/idioms.tsv";
    /// English boosters (positive scalar) and dampeners (negative).
    EN_MODIFIERS = EN_MODIFIERS, "lexicons/en/modifiers.tsv";
    /// English negators and contrast words.
    EN_NEGATORS = EN_NEGATORS, "lexicons/en/negators.tsv";
    /// Italian lemmas the project scored, expanded to every inflected form at build time:
    /// `form\tvalence\tlemma\ttag` (built from `lexicons/it/lemmas.tsv`).
    IT_FORMS = IT_LEMMAS, "lexicons/it/lemmas.tsv";
    /// Uninflected Italian entries the project wrote: interjections, slang, loanwords.
    IT_WORDS = IT_WORDS, "lexicons/it/words.tsv";
    /// The CLiPS Pattern Italian lexicon (BSD-3-Clause), rescaled to VADER's scale.
    IT_PATTERN = IT_PATTERN, "lexicons/it/pattern.tsv";
    /// Italian multi-word expressions.
    IT_IDIOMS = IT_IDIOMS, "lexicons/it/idioms.tsv";
    /// Italian boosters and dampeners.
    IT_MODIFIERS = IT_MODIFIERS, "lexicons/it/modifiers.tsv";
    /// Italian negators, negative-polarity words, clitics and auxiliaries, contrast words.
    IT_NEGATORS = IT_NEGATORS, "lexicons/it/negators.tsv";
    /// Italian spelling normalisation: abbreviations and accents typed as apostrophes.
    IT_NORMALISE = IT_NORMALISE, "lexicons/it/normalise.tsv";
    /// Emoji valences written by the project (keys without VS16 or skin tones).
    EMOJI = EMOJI, "lexicons/emoji.tsv";
    /// Emoticons recognised by the tokenizer, with valences.
    EMOTICONS = EMOTICONS, "lexicons/emoticons.tsv";
    /// English civility cues (insults, politeness, needs, second person), written by the project.
    EN_CIVILITY = EN_CIVILITY, "lexicons/en/civility.tsv";
    /// Italian civility cues (insulti, cortesia, richieste, seconda persona), written by the project.
    IT_CIVILITY = IT_CIVILITY, "lexicons/it/civility.tsv";
}
