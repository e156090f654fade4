//! One index over every word the per-word lexicons know, so that a word is hashed once and not
//! once per table: scoring asks several tables about each word (valence, modifier, negator,
//! normalisation), language detection asks about function words and both languages' lexicons,
//! and the civility signals ask the civility tables. A [`Word`] holds each table's row for the
//! word, borrowed from the tables' own indexes, and the word's function-word bits.
//!
//! Built on first use from each table's entries (read once from however the table is stored), not
//! from their indexes: VADER and the Italian forms have no index of their own, their
//! [`Table::entry`](super::Table::entry) looks here.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::{
    word_index::{self, WordIndex},
    Entry, Table, EN_ADJUSTMENTS, EN_CIVILITY, EN_IDIOMS, EN_MODIFIERS, EN_NEGATORS, EN_VADER,
    IT_CIVILITY, IT_FORMS, IT_IDIOMS, IT_MODIFIERS, IT_NEGATORS, IT_NORMALISE, IT_PATTERN,
    IT_WORDS,
};
use crate::text::normalize::{fold_cow_elongated, is_upper};
use crate::text::{Token, TokenKind};

/// What the lexicons say about one word (or phrase): the row of each table that has it.
///
/// Each row is held as its position in the table's entries (16 bits: the largest table, the
/// Italian forms, has some 17,000 rows) rather than as a reference: 26 bytes a word instead of
/// 104 is less memory to fault in and fill at first use (the vocabulary has a `Word` for every
/// key of every table), and more words to a cache line after.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// For each table of [`TABLES`], in that order, the position of the word's row in the
    /// table's entries plus one; 0 when the table does not have the word.
    rows: [u16; TABLES.len()],
    /// Which function-word lists of language detection have the word (bit 0 Italian, bit 1
    /// English, bit 2 other languages).
    pub function_word: u8,
    /// Which kinds of phrase the word may begin ([`STARTS_IDIOM`], [`STARTS_MODIFIER_PHRASE`],
    /// [`STARTS_CONTRAST_PHRASE`], [`STARTS_CIVILITY_PHRASE`]), in either language: a unit
    /// without the bit needs no phrase built and looked up. A bit may be set where a language's
    /// tables have no such phrase (it only saves work when clear).
    pub phrase_starts: u8,
}

macro_rules! rows {
    ($($at:literal $name:ident $table:ident;)*) => {
        /// The tables the vocabulary covers, in the order of [`Word`]'s rows.
        const TABLES: [&Table; 12] = [$(&$table),*];

        impl Word {
            $(
                #[doc = concat!("The word's row of [`", stringify!($table), "`](super::", stringify!($table), "), if it has one.")]
                #[inline]
                pub fn $name(&self) -> Option<&'static Entry> {
                    self.row($at)
                }
            )*
        }
    };
}

rows! {
    0 en_vader EN_VADER;
    1 en_adjustments EN_ADJUSTMENTS;
    2 en_modifiers EN_MODIFIERS;
    3 en_negators EN_NEGATORS;
    4 en_civility EN_CIVILITY;
    5 it_words IT_WORDS;
    6 it_forms IT_FORMS;
    7 it_pattern IT_PATTERN;
    8 it_modifiers IT_MODIFIERS;
    9 it_negators IT_NEGATORS;
    10 it_normalise IT_NORMALISE;
    11 it_civility IT_CIVILITY;
}

/// Where the civility tables are in [`TABLES`].
const EN_CIVILITY_AT: usize = 4;
/// See [`EN_CIVILITY_AT`].
const IT_CIVILITY_AT: usize = 11;

impl Word {
    /// Whether a civility table of either language has the word (a check of two row numbers,
    /// before reading either row).
    #[inline]
    pub fn in_civility(&self) -> bool {
        self.rows[EN_CIVILITY_AT] != 0 || self.rows[IT_CIVILITY_AT] != 0
    }

    /// The word's row of `TABLES[table]`.
    #[inline]
    fn row(&self, table: usize) -> Option<&'static Entry> {
        let at = self.rows.get(table)?.checked_sub(1)?;
        // The vocabulary was built from every covered table's entries, so they are there: the
        // plain read keeps their initialisation out of the engine's inlined lookups.
        let entries: &'static [(&'static str, Entry)] = TABLES.get(table)?.entries.get()?;
        entries.get(at as usize).map(|(_, entry)| entry)
    }
}

/// Bits of [`flags`]: the function-word lists of language detection.
pub const ITALIAN_FUNCTION_WORD: u8 = 1;
/// See [`ITALIAN_FUNCTION_WORD`].
pub const ENGLISH_FUNCTION_WORD: u8 = 1 << 1;
/// See [`ITALIAN_FUNCTION_WORD`].
pub const OTHER_FUNCTION_WORD: u8 = 1 << 2;
/// Bit of [`flags`]: an Italian sentiment lexicon (words, forms, Pattern) has the word.
pub const IN_ITALIAN_LEXICON: u8 = 1 << 3;
/// Bit of [`flags`]: VADER's lexicon has the word.
pub const IN_VADER: u8 = 1 << 4;

/// Bit of [`Word::phrase_starts`]: the word (or a phrase of whole units) begins an idiom and
/// goes on ([`idiom_prefixes`]).
pub const STARTS_IDIOM: u8 = 1;
/// Bit of [`Word::phrase_starts`]: the first word of a modifier of several words ("kind of").
pub const STARTS_MODIFIER_PHRASE: u8 = 1 << 1;
/// Bit of [`Word::phrase_starts`]: the first word of a negator-table phrase of several words
/// (contrast phrases such as "anche se").
pub const STARTS_CONTRAST_PHRASE: u8 = 1 << 2;
/// Bit of [`Word::phrase_starts`]: the words before a space in a civility cue ("hai" of "hai
/// ragione"), see [`civility_prefixes`].
pub const STARTS_CIVILITY_PHRASE: u8 = 1 << 3;
/// Every bit of [`Word::phrase_starts`]: what a unit may begin when nothing is known about it.
pub const STARTS_ANY: u8 =
    STARTS_IDIOM | STARTS_MODIFIER_PHRASE | STARTS_CONTRAST_PHRASE | STARTS_CIVILITY_PHRASE;

/// The beginnings of `idiom` that a longer phrase of units continues: every prefix that ends
/// before a space or just after an apostrophe (units join that way: "non c'è male").
pub fn idiom_prefixes(idiom: &str) -> impl Iterator<Item = &str> {
    idiom.char_indices().filter_map(move |(at, c)| match c {
        ' ' => Some(&idiom[..at]),
        '\'' => Some(&idiom[..at + 1]),
        _ => None,
    })
}

/// The beginnings of a civility cue that a longer cue continues: the words before each space.
pub fn civility_prefixes(cue: &str) -> impl Iterator<Item = &str> {
    cue.match_indices(' ').map(move |(at, _)| &cue[..at])
}

/// The beginnings of one key of a phrase table that a longer phrase continues.
type Beginnings = fn(&'static str) -> Vec<&'static str>;

/// The phrase tables whose beginnings [`Word::phrase_starts`] marks, with the bit and the
/// beginnings of one key.
fn phrase_tables() -> [(&'static Table, u8, Beginnings); 8] {
    fn first_word(key: &'static str) -> Vec<&'static str> {
        key.split_once(' ')
            .map(|(first, _)| first)
            .into_iter()
            .collect()
    }
    [
        (&EN_IDIOMS, STARTS_IDIOM, |k| idiom_prefixes(k).collect()),
        (&IT_IDIOMS, STARTS_IDIOM, |k| idiom_prefixes(k).collect()),
        (&EN_MODIFIERS, STARTS_MODIFIER_PHRASE, first_word),
        (&IT_MODIFIERS, STARTS_MODIFIER_PHRASE, first_word),
        (&EN_NEGATORS, STARTS_CONTRAST_PHRASE, first_word),
        (&IT_NEGATORS, STARTS_CONTRAST_PHRASE, first_word),
        (&EN_CIVILITY, STARTS_CIVILITY_PHRASE, |k| {
            civility_prefixes(k).collect()
        }),
        (&IT_CIVILITY, STARTS_CIVILITY_PHRASE, |k| {
            civility_prefixes(k).collect()
        }),
    ]
}

/// The words, and what is known about each. The index holds only a word's position, the start
/// of its key and a few summary bits, so that its slots stay compact in the cache (most lookups
/// are of words no table has) and language detection needs nothing else.
struct Vocabulary {
    index: WordIndex,
    words: Vec<Word>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let function_words = crate::lang::function_word_lists();
        // Room for every key at once: growing the map rehashes every key again.
        let keys = TABLES
            .iter()
            .map(|table| table.entries().len())
            .chain(function_words.iter().map(|list| list.len()))
            .chain(
                phrase_tables()
                    .iter()
                    .map(|(table, _, _)| table.entries().len()),
            )
            .sum();
        let mut vocabulary = Vocabulary {
            index: WordIndex::with_capacity(keys),
            words: Vec::with_capacity(keys),
        };
        // (The index has room for every key counted above, so it takes each of them.)
        fn word_of<'v>(vocabulary: &'v mut Vocabulary, key: &'static str) -> Option<&'v mut Word> {
            let at = vocabulary.index.insert(key)? as usize;
            if at == vocabulary.words.len() {
                vocabulary.words.push(Word::default());
            }
            vocabulary.words.get_mut(at)
        }
        for (table_at, table) in TABLES.into_iter().enumerate() {
            // In row order, so a key's last row wins, as in a table's own index.
            for (at, (key, _)) in table.entries().iter().enumerate() {
                // Every covered table has fewer rows than `u16` counts (a test checks it); a
                // row past that would be left out here rather than stored under a wrong number.
                let Ok(row) = u16::try_from(at + 1) else {
                    break;
                };
                if let Some(word) = word_of(&mut vocabulary, key) {
                    word.rows[table_at] = row;
                }
            }
        }
        for (bit, list) in function_words.into_iter().enumerate() {
            for word in list {
                if let Some(word) = word_of(&mut vocabulary, word) {
                    word.function_word |= 1 << bit;
                }
            }
        }
        for (table, bit, beginnings) in phrase_tables() {
            for (key, _) in table.rows() {
                for beginning in beginnings(key) {
                    if let Some(word) = word_of(&mut vocabulary, beginning) {
                        word.phrase_starts |= bit;
                    }
                }
            }
        }
        let words = &vocabulary.words;
        vocabulary.index.set_flags(|at| {
            let Some(word) = words.get(at as usize) else {
                return 0;
            };
            let mut flags = word.function_word;
            if word.it_words().is_some() || word.it_forms().is_some() || word.it_pattern().is_some()
            {
                flags |= IN_ITALIAN_LEXICON;
            }
            if word.en_vader().is_some() {
                flags |= IN_VADER;
            }
            flags
        });
        vocabulary
    })
}

/// The summary bits of `key` (`ITALIAN_FUNCTION_WORD`, `IN_VADER`...), 0 for an unknown word.
pub fn flags(key: &str) -> u8 {
    vocabulary()
        .index
        .find(key.as_bytes())
        .map_or(0, |found| found.flags)
}

/// All one lookup of a folded word tells: its summary bits ([`flags`]) and its rows ([`word`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Known {
    /// The summary bits, 0 for an unknown word.
    pub flags: u8,
    /// What the tables hold for the word, `None` when no table has it.
    pub word: Option<&'static Word>,
}

/// [`flags`] and [`word`] of `key` from one lookup.
pub fn known(key: &str) -> Known {
    vocabulary().known(key.as_bytes()).1
}

/// A word token folded once and looked up once: language detection, scoring and the civility
/// signals all start from the folded word and what the vocabulary knows about it.
#[derive(Clone, Debug)]
pub struct FoldedWord<'a> {
    /// The token folded ([`fold_cow`](crate::text::normalize::fold_cow)): borrowed from the text
    /// when folding left it as it was, from the vocabulary's own key when folding changed it and
    /// the vocabulary has it (a capitalised "Non", "The"), and owned only otherwise.
    pub key: Cow<'a, str>,
    /// What the vocabulary knows about `key`.
    pub known: Known,
    /// Folding changed the written word (`key` is not the token's text).
    pub changed: bool,
    /// The token is written in capitals ([`is_upper`](crate::text::normalize::is_upper)).
    pub upper: bool,
    /// `key` has elongated letters ([`is_elongated`](crate::text::normalize::is_elongated)).
    pub elongated: bool,
    /// `key` is plain ASCII without an apostrophe: no accent, foreign letter or elision to look
    /// for in it.
    pub plain: bool,
    /// How many letters (alphabetic characters) the token has, which the civility signals
    /// weigh capitals against.
    pub letters: u32,
}

/// [`FoldedWord`]s of `tokens`, one per token: `Some` for each [`TokenKind::Word`], `None` for
/// every other kind.
pub fn fold_words<'a>(tokens: &[Token<'a>]) -> Vec<Option<FoldedWord<'a>>> {
    let mut words = Vec::with_capacity(tokens.len());
    fold_words_into(tokens, &mut words);
    words
}

/// [`fold_words`] into `words` (cleared first), to reuse one buffer over many texts.
pub fn fold_words_into<'a>(tokens: &[Token<'a>], words: &mut Vec<Option<FoldedWord<'a>>>) {
    words.clear();
    let vocabulary = vocabulary();
    words.extend(
        tokens.iter().map(|token| {
            (token.kind == TokenKind::Word).then(|| fold_word(vocabulary, token.text))
        }),
    );
}

/// The longest word folded on the stack; longer ones (rare) take the general path.
const STACK_WORD: usize = 32;

/// Every byte of a `u64` set to 1.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of every byte of a `u64`.
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each byte of `word` that is zero (and no other bit). Exact: no carry crosses
/// from one byte into the next.
#[inline]
fn zero_bytes(word: u64) -> u64 {
    !(((word & !HIGH).wrapping_add(!HIGH)) | word | !HIGH)
}

/// The high bit of each byte of `word` that lies in `low..=high`, for a `word` of ASCII bytes
/// (high bits clear: the sums then carry into no other byte) and `low` above zero.
#[inline]
fn bytes_in(word: u64, low: u8, high: u8) -> u64 {
    let at_least_low = word.wrapping_add(ONES * u64::from(0x80 - low));
    let above_high = word.wrapping_add(ONES * u64::from(0x7F - high));
    at_least_low & !above_high & HIGH
}

/// Folds `text` and looks it up. Plain ASCII words (most) are read eight bytes at a time: each
/// group is lowercased on the stack while its case and apostrophes are read, with no allocation
/// whether or not folding changes the word, and no pass over the word byte by byte.
fn fold_word<'a>(vocabulary: &'static Vocabulary, text: &'a str) -> FoldedWord<'a> {
    let bytes = text.as_bytes();
    if bytes.len() <= 8 {
        // Most words: one group, held in a register.
        let word = word_index::head(bytes);
        if word & HIGH == 0 && zero_bytes(word ^ (ONES * u64::from(b'`'))) == 0 {
            let upper = bytes_in(word, b'A', b'Z');
            let lower = bytes_in(word, b'a', b'z');
            let folded = word | upper >> 2;
            let plain = zero_bytes(word ^ (ONES * u64::from(b'\''))) == 0;
            let elongated = elongation_in(folded) != 0;
            let letters = count_bytes(upper | lower);
            if upper == 0 {
                return FoldedWord {
                    key: Cow::Borrowed(text),
                    known: vocabulary.known_with_head(bytes, word).1,
                    changed: false,
                    upper: false,
                    elongated,
                    plain,
                    letters,
                };
            }
            let folded_le = folded.to_le_bytes();
            let folded_bytes = folded_le.get(..bytes.len()).unwrap_or_default();
            let (key, known) = vocabulary.known_with_head(folded_bytes, folded);
            return FoldedWord {
                // (ASCII, so the lossy conversion loses nothing.)
                key: key.map_or_else(
                    || Cow::Owned(String::from_utf8_lossy(folded_bytes).into_owned()),
                    Cow::Borrowed,
                ),
                known,
                changed: true,
                // Python's `isupper()` on ASCII: an uppercase letter and no lowercase one.
                upper: lower == 0,
                elongated,
                plain,
                letters,
            };
        }
    } else if bytes.len() <= STACK_WORD {
        // Eight bytes more than the longest word, so that the elongation windows below read
        // zeros past its end.
        let mut lower = [0u8; STACK_WORD + 8];
        let mut has_upper = false;
        let mut has_lower = false;
        let mut apostrophe = false;
        let mut letters = 0;
        let mut ascii = true;
        let mut rest = bytes;
        let mut at = 0;
        while !rest.is_empty() {
            let (group, tail) = rest.split_at(rest.len().min(8));
            rest = tail;
            let word = word_index::head(group);
            // A backquote folds to an apostrophe, and other characters to whatever they fold
            // to: such words take the general path.
            if word & HIGH != 0 || zero_bytes(word ^ (ONES * u64::from(b'`'))) != 0 {
                ascii = false;
                break;
            }
            let upper = bytes_in(word, b'A', b'Z');
            let lowercase = bytes_in(word, b'a', b'z');
            has_upper |= upper != 0;
            has_lower |= lowercase != 0;
            letters += count_bytes(upper | lowercase);
            apostrophe |= zero_bytes(word ^ (ONES * u64::from(b'\''))) != 0;
            // (0x80 >> 2 is 0x20, the bit that makes an ASCII capital lowercase.)
            let folded = word | upper >> 2;
            if let Some(slot) = lower.get_mut(at..at + 8) {
                slot.copy_from_slice(&folded.to_le_bytes());
            }
            at += 8;
        }
        if ascii {
            let folded = lower.get(..bytes.len()).unwrap_or_default();
            let elongated = has_elongation(&lower, bytes.len());
            let plain = !apostrophe;
            if !has_upper {
                return FoldedWord {
                    key: Cow::Borrowed(text),
                    known: vocabulary.known(bytes).1,
                    changed: false,
                    upper: false,
                    elongated,
                    plain,
                    letters,
                };
            }
            let (key, known) = vocabulary.known(folded);
            return FoldedWord {
                // (ASCII, so the lossy conversion loses nothing.)
                key: key.map_or_else(
                    || Cow::Owned(String::from_utf8_lossy(folded).into_owned()),
                    Cow::Borrowed,
                ),
                known,
                changed: true,
                // Python's `isupper()` on ASCII: an uppercase letter and no lowercase one.
                upper: !has_lower,
                elongated,
                plain,
                letters,
            };
        }
    }
    let (folded, elongated) = fold_cow_elongated(text);
    let changed = matches!(folded, Cow::Owned(_));
    let (key, known) = vocabulary.known(folded.as_bytes());
    let plain = folded.is_ascii() && !folded.contains('\'');
    FoldedWord {
        key: match key {
            Some(key) if changed => Cow::Borrowed(key),
            _ => folded,
        },
        known,
        changed,
        // A word that folding left as it was has no capital letter to shout with.
        upper: changed && is_upper(text),
        elongated,
        plain,
        letters: text.chars().filter(|c| c.is_alphabetic()).count() as u32,
    }
}

/// How many bytes a mask of high bits ([`zero_bytes`], [`bytes_in`]) marks: a multiply adds the
/// eight bits up in the top byte (a popcount is a library call on baseline x86-64).
#[inline]
fn count_bytes(mask: u64) -> u32 {
    ((mask >> 7).wrapping_mul(ONES) >> 56) as u32
}

/// Whether the folded ASCII word in `lower[..len]` (zeros after it) has a run of three of the
/// same letter ([`is_elongated`](crate::text::normalize::is_elongated)): windows of eight bytes
/// compare each byte with the next two at once.
#[inline]
fn has_elongation(lower: &[u8; STACK_WORD + 8], len: usize) -> bool {
    // Runs start at the first six bytes of a window: windows six bytes apart cover every start.
    let mut start = 0;
    while start + 2 < len {
        let Some(window) = lower
            .get(start..start + 8)
            .and_then(|w| w.first_chunk::<8>())
        else {
            return false;
        };
        if elongation_in(u64::from_le_bytes(*window)) != 0 {
            return true;
        }
        start += 6;
    }
    false
}

/// The high bit of each of the first six bytes of `word` (folded ASCII) that starts a run of
/// three of the same letter in it.
#[inline]
fn elongation_in(word: u64) -> u64 {
    // A run starts at one of the first six bytes (the last two have no two bytes after them
    // here).
    const STARTS: u64 = u64::from_le_bytes([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 0]);
    // (Letters only: zeros past a word never make a run of letters.)
    zero_bytes(word ^ word >> 8)
        & zero_bytes(word ^ word >> 16)
        & bytes_in(word, b'a', b'z')
        & STARTS
}

impl Vocabulary {
    /// What the vocabulary knows about `key`, and its own copy of `key` when it has it.
    #[inline]
    fn known(&'static self, key: &[u8]) -> (Option<&'static str>, Known) {
        self.known_with_head(key, word_index::head(key))
    }

    /// [`Vocabulary::known`] for a caller that has the key's first eight bytes as a number
    /// already ([`word_index::head`]).
    #[inline]
    fn known_with_head(&'static self, key: &[u8], head: u64) -> (Option<&'static str>, Known) {
        match self.index.find_with_head(key, head) {
            Some(found) => (
                Some(found.key),
                Known {
                    flags: found.flags,
                    word: self.words.get(found.at as usize),
                },
            ),
            None => (None, Known::default()),
        }
    }
}

/// [`Word::phrase_starts`] of `key`, 0 when the vocabulary does not have it.
pub fn phrase_starts(key: &str) -> u8 {
    word(key).map_or(0, |w| w.phrase_starts)
}

/// What the lexicons know about `key` (folded), or `None` when no table has it.
pub fn word(key: &str) -> Option<&'static Word> {
    let vocabulary = vocabulary();
    let found = vocabulary.index.find(key.as_bytes())?;
    vocabulary.words.get(found.at as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folded_word_is_what_folding_and_looking_up_the_word_apart_say() {
        use crate::text::normalize::{fold, fold_cow, is_elongated};
        // Every string of up to four pieces over case, apostrophes (typed, typographic,
        // backquote), accents, elongation and known words, and some long words.
        let pieces = [
            "a", "A", "o", "O", "x", "'", "\u{2019}", "`", "é", "É", "ß", "İ", "non", "Non", "NON",
            "the", "The", "l'", "L'", "bell", "ooo", "000",
        ];
        let mut texts: Vec<String> = vec![
            "Bellissimooooooooooooooooooooooooooooo".into(),
            "PRECIPITEVOLISSIMEVOLMENTEEEEEEEEEEEEE".into(),
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u{2019}".into(),
        ];
        // Runs of three, capitals and apostrophes at every place of words of every length
        // around the groups of eight bytes the fold reads.
        for len in 3..=STACK_WORD + 2 {
            let word: Vec<u8> = (0..len).map(|i| b'a' + (i % 7) as u8).collect();
            for at in 0..len {
                for (mark, width) in [(b'o', 3), (b'O', 3), (b'O', 1), (b'\'', 1), (b'7', 3)] {
                    let mut marked = word.clone();
                    for byte in marked.iter_mut().skip(at).take(width) {
                        *byte = mark;
                    }
                    texts.extend(String::from_utf8(marked).ok());
                }
            }
        }
        let mut digits = Vec::new();
        for len in 1..=4 {
            digits.clear();
            digits.resize(len, 0usize);
            'all: loop {
                texts.push(digits.iter().map(|&d| pieces[d]).collect());
                for digit in digits.iter_mut() {
                    *digit += 1;
                    if *digit < pieces.len() {
                        continue 'all;
                    }
                    *digit = 0;
                }
                break;
            }
        }
        let vocabulary = vocabulary();
        for text in &texts {
            let folded = fold_word(vocabulary, text);
            let expected = fold(text);
            assert_eq!(folded.key, expected, "{text:?}");
            let changed = matches!(fold_cow(text), Cow::Owned(_));
            assert_eq!(folded.changed, changed, "{text:?}");
            assert_eq!(folded.upper, changed && is_upper(text), "{text:?}");
            assert_eq!(folded.elongated, is_elongated(&expected), "{text:?}");
            assert_eq!(
                folded.plain,
                expected.is_ascii() && !expected.contains('\''),
                "{text:?}"
            );
            assert_eq!(folded.known.flags, flags(&expected), "{text:?}");
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(folded.letters as usize, letters, "{text:?}");
            assert_eq!(
                folded.known.word.map(|w| w as *const Word),
                word(&expected).map(|w| w as *const Word),
                "{text:?}"
            );
            // A changed word the vocabulary has is its key, not a copy.
            if changed && folded.known.word.is_some() {
                assert!(matches!(folded.key, Cow::Borrowed(_)), "{text:?}");
            }
        }
        assert!(texts.len() > 200_000);
    }

    #[test]
    fn the_civility_rows_are_where_in_civility_reads_them() {
        assert!(std::ptr::eq(TABLES[EN_CIVILITY_AT], &EN_CIVILITY));
        assert!(std::ptr::eq(TABLES[IT_CIVILITY_AT], &IT_CIVILITY));
        for (key, _) in EN_CIVILITY.rows().chain(IT_CIVILITY.rows()) {
            assert!(word(key).is_some_and(Word::in_civility), "{key:?}");
        }
        assert!(!word("the").is_some_and(Word::in_civility));
    }

    #[test]
    fn every_covered_table_is_small_enough_for_the_row_numbers_of_a_word() {
        for table in TABLES {
            assert!(
                table.entries().len() < usize::from(u16::MAX),
                "{} has {} rows: widen Word::rows",
                table.source,
                table.entries().len()
            );
        }
    }

    #[test]
    fn every_row_of_every_covered_table_is_found_through_the_vocabulary() {
        for (table_at, table) in TABLES.into_iter().enumerate() {
            for (key, rest) in table.rows() {
                let found = word(key).unwrap_or_else(|| panic!("{key:?} missing"));
                let entry = found
                    .row(table_at)
                    .unwrap_or_else(|| panic!("{key:?} of {}", table.source));
                assert_eq!(entry.rest, rest, "{key:?} in {}", table.source);
            }
        }
        // Every table answers for its own rows, whether through its own index or through here.
        for table in crate::lexicon::all_tables() {
            let mut keys = 0;
            for (key, rest) in table.rows() {
                let entry = table.entry(key);
                assert_eq!(
                    entry.map(|e| e.rest),
                    Some(rest),
                    "{key:?} in {}",
                    table.source
                );
                assert!(table.contains(key));
                keys += 1;
            }
            assert_eq!(table.len(), keys, "{}", table.source);
            assert!(table.entry("zzqxj").is_none() && !table.contains("zzqxj"));
        }
        // A function word no table has is in the vocabulary, but not in the tables it reaches.
        assert!(!crate::lexicon::EN_VADER.contains("the"));
        assert!(word("the").is_some_and(|w| w.function_word & ENGLISH_FUNCTION_WORD != 0));
        assert_eq!(flags("the") & ENGLISH_FUNCTION_WORD, ENGLISH_FUNCTION_WORD);
        assert_eq!(flags("bellissimo") & IN_ITALIAN_LEXICON, IN_ITALIAN_LEXICON);
        assert_eq!(flags("good") & IN_VADER, IN_VADER);
        assert_eq!(flags("zzqxj"), 0);
        assert!(word("zzqxj").is_none());
    }
}
