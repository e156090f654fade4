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
use std::collections::HashMap;
use std::sync::OnceLock;

use super::{
    Entry, FxBuildHasher, Table, EN_ADJUSTMENTS, EN_CIVILITY, EN_MODIFIERS, EN_NEGATORS, EN_VADER,
    IT_CIVILITY, IT_FORMS, IT_MODIFIERS, IT_NEGATORS, IT_NORMALISE, IT_PATTERN, IT_WORDS,
};
use crate::text::{normalize::fold_cow, Token, TokenKind};

/// What the lexicons say about one word (or phrase): the row of each table that has it.
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)] // each field is the row of the table of the same name
pub struct Word {
    pub en_vader: Option<&'static Entry>,
    pub en_adjustments: Option<&'static Entry>,
    pub en_modifiers: Option<&'static Entry>,
    pub en_negators: Option<&'static Entry>,
    pub en_civility: Option<&'static Entry>,
    pub it_words: Option<&'static Entry>,
    pub it_forms: Option<&'static Entry>,
    pub it_pattern: Option<&'static Entry>,
    pub it_modifiers: Option<&'static Entry>,
    pub it_negators: Option<&'static Entry>,
    pub it_normalise: Option<&'static Entry>,
    pub it_civility: Option<&'static Entry>,
    /// Which function-word lists of language detection have the word (bit 0 Italian, bit 1
    /// English, bit 2 other languages).
    pub function_word: u8,
}

type Field = fn(&mut Word) -> &mut Option<&'static Entry>;

/// The tables the vocabulary covers, with the field each fills.
const TABLES: [(&Table, Field); 12] = [
    (&EN_VADER, |w| &mut w.en_vader),
    (&EN_ADJUSTMENTS, |w| &mut w.en_adjustments),
    (&EN_MODIFIERS, |w| &mut w.en_modifiers),
    (&EN_NEGATORS, |w| &mut w.en_negators),
    (&EN_CIVILITY, |w| &mut w.en_civility),
    (&IT_WORDS, |w| &mut w.it_words),
    (&IT_FORMS, |w| &mut w.it_forms),
    (&IT_PATTERN, |w| &mut w.it_pattern),
    (&IT_MODIFIERS, |w| &mut w.it_modifiers),
    (&IT_NEGATORS, |w| &mut w.it_negators),
    (&IT_NORMALISE, |w| &mut w.it_normalise),
    (&IT_CIVILITY, |w| &mut w.it_civility),
];

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

/// The words, and what is known about each. The map holds only a small index per key and a few
/// summary bits, so that its buckets stay compact in the cache (most lookups are of words no
/// table has) and language detection needs nothing else.
struct Vocabulary {
    index: HashMap<&'static str, (u32, u8), FxBuildHasher>,
    words: Vec<Word>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let function_words = crate::lang::function_word_lists();
        // Room for every key at once: growing the map rehashes every key again.
        let keys = TABLES
            .iter()
            .map(|(table, _)| table.entries().len())
            .chain(function_words.iter().map(|list| list.len()))
            .sum();
        let mut vocabulary = Vocabulary {
            index: HashMap::with_capacity_and_hasher(keys, FxBuildHasher),
            words: Vec::with_capacity(keys),
        };
        fn word_of<'v>(vocabulary: &'v mut Vocabulary, key: &'static str) -> &'v mut Word {
            let next = vocabulary.words.len() as u32;
            let (at, _) = *vocabulary.index.entry(key).or_insert((next, 0));
            if at == next {
                vocabulary.words.push(Word::default());
            }
            &mut vocabulary.words[at as usize]
        }
        for (table, field) in TABLES {
            // In row order, so a key's last row wins, as in a table's own index.
            for (key, entry) in table.entries() {
                *field(word_of(&mut vocabulary, key)) = Some(entry);
            }
        }
        for (bit, list) in function_words.into_iter().enumerate() {
            for word in list {
                word_of(&mut vocabulary, word).function_word |= 1 << bit;
            }
        }
        for (at, flags) in vocabulary.index.values_mut() {
            let word = &vocabulary.words[*at as usize];
            *flags = word.function_word;
            if word.it_words.is_some() || word.it_forms.is_some() || word.it_pattern.is_some() {
                *flags |= IN_ITALIAN_LEXICON;
            }
            if word.en_vader.is_some() {
                *flags |= IN_VADER;
            }
        }
        vocabulary
    })
}

/// The summary bits of `key` (`ITALIAN_FUNCTION_WORD`, `IN_VADER`...), 0 for an unknown word.
pub fn flags(key: &str) -> u8 {
    vocabulary().index.get(key).map_or(0, |&(_, flags)| flags)
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
    let vocabulary = vocabulary();
    match vocabulary.index.get(key) {
        Some(&(at, flags)) => Known {
            flags,
            word: vocabulary.words.get(at as usize),
        },
        None => Known::default(),
    }
}

/// A word token folded once and looked up once: language detection, scoring and the civility
/// signals all start from the folded word and what the vocabulary knows about it.
#[derive(Clone, Debug)]
pub struct FoldedWord<'a> {
    /// The token folded ([`fold_cow`](crate::text::normalize::fold_cow)).
    pub key: Cow<'a, str>,
    /// What the vocabulary knows about `key`.
    pub known: Known,
}

/// [`FoldedWord`]s of `tokens`, one per token: `Some` for each [`TokenKind::Word`], `None` for
/// every other kind.
pub fn fold_words<'a>(tokens: &[Token<'a>]) -> Vec<Option<FoldedWord<'a>>> {
    tokens
        .iter()
        .map(|token| {
            (token.kind == TokenKind::Word).then(|| {
                let key = fold_cow(token.text);
                let known = known(&key);
                FoldedWord { key, known }
            })
        })
        .collect()
}

/// What the lexicons know about `key` (folded), or `None` when no table has it.
pub fn word(key: &str) -> Option<&'static Word> {
    let vocabulary = vocabulary();
    let (at, _) = *vocabulary.index.get(key)?;
    vocabulary.words.get(at as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_every_covered_table_is_found_through_the_vocabulary() {
        for (table, field) in TABLES {
            for (key, rest) in table.rows() {
                let mut found = *word(key).unwrap_or_else(|| panic!("{key:?} missing"));
                let entry =
                    field(&mut found).unwrap_or_else(|| panic!("{key:?} of {}", table.source));
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
