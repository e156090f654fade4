//! The scoring engine: VADER's rules over a language [`Profile`].
//!
//! The constants and the order in which rules apply are those of VADER 3.3.2
//! (`vaderSentiment.py`), so that English scores match VADER's where VADER is right. Where polso
//! departs from it on purpose, the code says so and a golden case in `tests/data/` shows why.
//!
//! Outline, for a text of `n` units (words, emoji, emoticons; punctuation is not a unit):
//! 1. tokenize, split and normalise units, look each one up once;
//! 2. mark multi-word idioms, which carry one valence for the phrase;
//! 3. for each unit with a valence: caps, then modifiers and negators among the three units before
//!    it (distance-decayed), then "least";
//! 4. weight the units around the first contrast word;
//! 5. add `!`/`?` emphasis, normalise the sum into [−1, 1] (`x / sqrt(x² + 15)`), and compute
//!    the positive, neutral and negative shares.
//!
//! Every step is linear in `n` (each unit looks back at most three units), so scoring time grows
//! linearly with the text.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::{DetectedLang, Lang};
use crate::lexicon::vocabulary::{self, FoldedWord};
use crate::lexicon::{FxBuildHasher, Table};
use crate::text::normalize::{fold_cow, is_elongated, is_upper};
use crate::text::{reuse_allocation, tokenize, Span, TokenKind};

use super::english::English;
use super::profile::{symbol_lookup, Contrast, Lookup, Profile, SymbolsOnly, Traits};
use super::{Contribution, Label, Rule, Sentiment};

/// Increase in intensity for a booster word (VADER's `B_INCR`).
pub const BOOSTER_INCREMENT: f64 = 0.293;
/// Increase in intensity for a word in capitals within mixed-case text (VADER's `C_INCR`).
pub const CAPS_INCREMENT: f64 = 0.733;
/// Multiplier for a negated valence: flips and weakens (VADER's `N_SCALAR`).
pub const NEGATION_SCALAR: f64 = -0.74;
/// Decay of a modifier's effect two and three units away from the word it modifies.
pub const MODIFIER_DECAY: [f64; 3] = [1.0, 0.95, 0.9];
/// How far back modifiers and negators reach, in units.
pub const SCOPE: usize = 3;
/// Weight of what precedes and what follows an adversative contrast word ("but").
pub const CONTRAST_WEIGHTS: (f64, f64) = (0.5, 1.5);
/// Amplification per exclamation mark, at most [`MAX_EXCLAMATIONS`] counted.
pub const EXCLAMATION_INCREMENT: f64 = 0.292;
/// Exclamation marks beyond this add nothing.
pub const MAX_EXCLAMATIONS: usize = 4;
/// Amplification per question mark when there are two or three.
pub const QUESTION_INCREMENT: f64 = 0.18;
/// Amplification for four or more question marks.
pub const MAX_QUESTION_AMPLIFIER: f64 = 0.96;
/// Normalisation constant: `compound = x / sqrt(x² + ALPHA)`.
pub const ALPHA: f64 = 15.0;

/// One unit the rules see.
#[derive(Debug)]
pub(crate) struct Unit<'a> {
    /// As written.
    pub raw: &'a str,
    /// Folded and normalised, the lookup key (borrowed from the text when folding changed nothing).
    pub key: Cow<'a, str>,
    /// What the key is as a rule word, looked up once.
    pub traits: Traits,
    /// Which phrases the key may begin ([`vocabulary::STARTS_IDIOM`]...): phrases are built and
    /// looked up only from units with the bit.
    pub starts: u8,
    /// [`phrase_hash`] of `key` when the answer cache had it (a power of 0 when not: the
    /// power of any key is odd).
    pub key_hash: (u64, u64),
    pub span: Span,
    pub kind: TokenKind,
    pub upper: bool,
    /// Whether `key` has elongated letters, when folding the word found out already (`None`:
    /// ask [`is_elongated`]). Every unit but the last begins a pair that may be a modifier
    /// phrase, and an elongated word may begin one.
    pub elongated: Option<bool>,
    /// Its lexicon hit, as a position in the text's hits ([`Unit::hit`]): most units have none,
    /// and a unit stays small without one inline.
    pub lookup: Option<u32>,
    /// Set on the first unit of an idiom: its valence and length in units.
    pub idiom: Option<(f64, usize)>,
    /// Set on the other units of an idiom: they add nothing and modify nothing.
    pub inside_idiom: bool,
    /// A sentence boundary (`.`, `!`, `?`, `;`, `:`) stands between this unit and the one before:
    /// negators and modifiers do not reach across it.
    pub starts_sentence: bool,
    /// Some punctuation stands between this unit and the one before: idioms do not span it.
    pub after_punct: bool,
    /// A comma, dash or bracket stands between this unit and the one before: a clause boundary,
    /// which Italian negation does not cross ("non lo so, coraggio").
    pub starts_clause: bool,
}

impl<'a> Unit<'a> {
    fn new(
        raw: &'a str,
        key: Cow<'a, str>,
        span: Span,
        kind: TokenKind,
        lookup: Option<u32>,
        traits: Traits,
        starts: u8,
    ) -> Unit<'a> {
        // Emoticons are not shouting: ":D" is a face, not capitals.
        let upper = kind == TokenKind::Word && is_upper(raw);
        Unit::with_case(raw, key, span, kind, lookup, traits, starts, upper)
    }

    /// [`Unit::new`] when the caller knows whether the unit is in capitals.
    #[allow(clippy::too_many_arguments)]
    fn with_case(
        raw: &'a str,
        key: Cow<'a, str>,
        span: Span,
        kind: TokenKind,
        lookup: Option<u32>,
        traits: Traits,
        starts: u8,
        upper: bool,
    ) -> Unit<'a> {
        Unit {
            raw,
            traits,
            starts,
            key,
            span,
            kind,
            upper,
            elongated: None,
            key_hash: (0, 0),
            lookup,
            idiom: None,
            inside_idiom: false,
            starts_sentence: false,
            after_punct: false,
            starts_clause: false,
        }
    }

    /// The unit's lexicon hit among the text's hits (`hits`, filled by [`units_into`]).
    fn hit<'h>(&self, hits: &'h [Lookup]) -> Option<&'h Lookup> {
        hits.get(self.lookup? as usize)
    }
}

/// Keeps `hit` among the text's hits, and says where.
fn keep(hits: &mut Vec<Lookup>, hit: Option<Lookup>) -> Option<u32> {
    let hit = hit?;
    hits.push(hit);
    u32::try_from(hits.len() - 1).ok()
}

pub(crate) fn profile_for(lang: Option<Lang>) -> &'static dyn Profile {
    match lang {
        Some(Lang::En) => &English,
        Some(Lang::It) => &super::italian::Italian,
        None => &SymbolsOnly,
    }
}

/// Builds the units of a text: tokens, split (elisions) and normalised, looked up once. `words`
/// holds the word tokens already folded and looked up ([`vocabulary::fold_words`]).
/// The units are written into `units` (cleared first).
pub(crate) fn units_into<'a>(
    tokens: &[crate::text::Token<'a>],
    words: &'a [Option<FoldedWord<'_>>],
    profile: &dyn Profile,
    units: &mut Vec<Unit<'a>>,
    hits: &mut Vec<Lookup>,
    answers: &mut Answers,
    phrase: &mut String,
) {
    units.clear();
    hits.clear();
    units.reserve(tokens.len() + 4);
    let mut boundary = false;
    let mut punct = false;
    let mut clause = false;
    for (at_token, token) in tokens.iter().enumerate() {
        let first_new = units.len();
        match token.kind {
            TokenKind::Punct => {
                boundary |= ends_sentence(token.text);
                punct = true;
                clause |= ends_clause(token.text);
                continue;
            }
            // Numbers carry no sentiment: VADER's lexicon scores some as text-speak codes ("187",
            // "86"), which misfires on order numbers and dates.
            TokenKind::Number => {
                let key = fold_cow(token.text);
                let traits = profile.traits(&key);
                let starts = idiom_starts(profile, &key, vocabulary::STARTS_ANY);
                units.push(Unit::new(
                    token.text, key, token.span, token.kind, None, traits, starts,
                ));
            }
            TokenKind::Word | TokenKind::Hashtag => {
                let body = if token.kind == TokenKind::Hashtag {
                    &token.text[1..]
                } else {
                    token.text
                };
                let offset = token.text.len() - body.len();
                let known = words.get(at_token).and_then(Option::as_ref);
                if let Some(word) = known {
                    if let Some((answer, hit)) = answers.word(profile, word) {
                        // (Most units: built whole and pushed once.)
                        let lookup = match hit {
                            Some(hit) => keep(hits, Some(hit.clone())),
                            None => None,
                        };
                        units.push(Unit {
                            raw: token.text,
                            key: Cow::Borrowed(word.key.as_ref()),
                            traits: answer.traits,
                            starts: answer.starts,
                            key_hash: answer.key_hash,
                            span: token.span,
                            kind: token.kind,
                            upper: word.upper,
                            elongated: Some(word.elongated),
                            lookup,
                            idiom: None,
                            inside_idiom: false,
                            starts_sentence: std::mem::take(&mut boundary),
                            after_punct: std::mem::take(&mut punct),
                            starts_clause: std::mem::take(&mut clause),
                        });
                        continue;
                    }
                }
                // Borrowed from the folded words (no copy); `changed` says whether folding
                // changed the written word.
                let (folded, changed) = match known {
                    Some(word) => (Cow::Borrowed(word.key.as_ref()), word.changed),
                    None => {
                        let folded = fold_cow(body);
                        let changed = matches!(folded, Cow::Owned(_));
                        (folded, changed)
                    }
                };
                // Pieces are found in the folded word; map their offsets back to the written one
                // character by character ("L’ho" folds to "l'ho", two bytes shorter). Folding
                // that changes the number of characters (rare: "İ") keeps the word whole.
                let split = profile.split(&folded).and_then(|at| {
                    if !changed {
                        // nothing was folded: offsets are the same in both
                        return Some((at, at));
                    }
                    if folded.chars().count() != body.chars().count() {
                        return None;
                    }
                    let in_body = folded
                        .char_indices()
                        .zip(body.char_indices())
                        .find(|((f, _), _)| *f == at)
                        .map_or(body.len(), |(_, (b, _))| b);
                    Some((at, in_body))
                });
                match split {
                    None => {
                        let facts = known.map(|word| word.known.word);
                        let (key, normalised) = match facts {
                            Some(facts) => profile.normalise_known(folded, facts),
                            None => profile.normalise(folded),
                        };
                        let (lookup, traits, starts, elongated) = match facts {
                            // Normalisation left the key as folded: what is known of it holds.
                            Some(facts) if !normalised => {
                                let elongated = known.is_some_and(|word| word.elongated);
                                let (lookup, traits) =
                                    profile.lookup_and_traits_folded(&key, facts, elongated);
                                let starts = idiom_starts(
                                    profile,
                                    &key,
                                    facts.map_or(0, |w| w.phrase_starts),
                                );
                                (lookup, traits, starts, Some(elongated))
                            }
                            _ => {
                                let (lookup, traits, starts) =
                                    lookup_unit(profile, &key, normalised);
                                (lookup, traits, starts, None)
                            }
                        };
                        // (A word token's case was read while folding it.)
                        let upper = match known {
                            Some(word) => word.upper,
                            None => token.kind == TokenKind::Word && is_upper(token.text),
                        };
                        let lookup = keep(hits, lookup);
                        let mut unit = Unit::with_case(
                            token.text, key, token.span, token.kind, lookup, traits, starts, upper,
                        );
                        unit.elongated = elongated;
                        units.push(unit);
                    }
                    Some((at, in_body)) => {
                        let pieces = [(0, at, 0, in_body), (at, folded.len(), in_body, body.len())];
                        for (start, end, b_start, b_end) in pieces {
                            let piece = match &folded {
                                Cow::Borrowed(word) => Cow::Borrowed(&word[start..end]),
                                Cow::Owned(word) => Cow::Owned(word[start..end].to_string()),
                            };
                            let facts = vocabulary::word(&piece);
                            let (key, normalised) = profile.normalise_known(piece, facts);
                            let raw = body.get(b_start..b_end).unwrap_or(body);
                            // Spans of split pieces: folding kept byte lengths, so offsets carry over.
                            let before = crate::text::utf16_len(
                                token.text.get(..offset + b_start).unwrap_or(""),
                            );
                            let span = Span {
                                start: token.span.start + before,
                                end: token.span.start + before + crate::text::utf16_len(raw),
                            };
                            // (A piece normalisation left as it was has the entry looked up
                            // already, and its answer may be known.)
                            let known = match normalised {
                                false => answers
                                    .plain(profile, &key, facts, is_elongated(&key))
                                    .map(|(answer, hit)| {
                                        (hit.cloned(), answer.traits, answer.starts)
                                    }),
                                true => None,
                            };
                            let (lookup, traits, starts) = match known {
                                Some(answer) => answer,
                                None => lookup_unit(profile, &key, normalised),
                            };
                            let lookup = keep(hits, lookup);
                            units.push(Unit::new(
                                raw, key, span, token.kind, lookup, traits, starts,
                            ));
                        }
                    }
                }
            }
            TokenKind::Emoji | TokenKind::Emoticon => {
                // An emoticon in the language's own lexicon (VADER has many) is scored as VADER does.
                let lookup = match token.kind {
                    TokenKind::Emoticon => profile
                        .lookup(&lowercase(token.text))
                        .map(|mut hit| {
                            hit.rules.push(Rule::Emoticon);
                            hit
                        })
                        .or_else(|| symbol_lookup(token.kind, token.text)),
                    _ => symbol_lookup(token.kind, token.text),
                };
                let lookup = keep(hits, lookup);
                units.push(Unit::new(
                    token.text,
                    Cow::Borrowed(token.text),
                    token.span,
                    token.kind,
                    lookup,
                    profile.traits(token.text),
                    idiom_starts(profile, token.text, vocabulary::STARTS_ANY),
                ));
            }
            TokenKind::Url | TokenKind::Mention => {
                units.push(Unit::new(
                    token.text,
                    Cow::Borrowed(""),
                    token.span,
                    token.kind,
                    None,
                    profile.traits(""),
                    idiom_starts(profile, "", vocabulary::STARTS_ANY),
                ));
            }
        }
        mark_boundaries(units, first_new, &mut boundary, &mut punct, &mut clause);
    }
    mark_idioms(units, profile, phrase);
}

/// Notes on the first unit a token made (`first_new`, if it made any) the punctuation seen since
/// the unit before, and starts over.
fn mark_boundaries(
    units: &mut [Unit<'_>],
    first_new: usize,
    boundary: &mut bool,
    punct: &mut bool,
    clause: &mut bool,
) {
    if let Some(unit) = units.get_mut(first_new) {
        unit.starts_sentence = std::mem::take(boundary);
        unit.after_punct = std::mem::take(punct);
        unit.starts_clause = std::mem::take(clause);
    }
}

/// What a profile makes of a whole folded word that neither splits nor normalises: its lookup,
/// traits, the phrases it may begin, and its [`phrase_hash`].
type Fresh = (Option<Lookup>, Traits, u8, (u64, u64));

/// A [`Fresh`] answer as [`Answers`] keeps it: the lookup, which most words have none of, is kept
/// apart ([`Answers::hits`]) so that the others stay small.
#[derive(Clone, Copy)]
struct PlainAnswer {
    hit: Option<u32>,
    traits: Traits,
    starts: u8,
    key_hash: (u64, u64),
}

/// The answers of one profile for the folded words it has seen, kept between texts: a batch
/// meets the same words again and again, and Italian tries elongation, enclitics and prefixes on
/// every word it does not know.
#[derive(Default)]
pub(crate) struct Answers {
    /// Words the vocabulary has, direct-mapped by the address of their entry: the entries lie in
    /// one array, so neighbours take neighbouring slots, and nothing is hashed. Each slot holds
    /// the address (times two, plus the word's elongation; 0 when empty) and the position of the
    /// answer in `answers`. (One entry per key: a test checks.)
    known: Vec<(u64, u32)>,
    /// Words it does not have, direct-mapped by a hash of the folded word (times two, plus its
    /// elongation), and the position of the answer; the word is kept in `keys` and compared.
    unknown: Vec<(u64, u32)>,
    answers: Vec<Option<PlainAnswer>>,
    /// The folded word of each answer for a word the vocabulary does not have (empty for the
    /// others).
    keys: Vec<Box<str>>,
    /// The lookups of the answers that have one.
    hits: Vec<Lookup>,
}

impl Answers {
    /// Slots of each direct-mapped table (16 bytes each).
    const SLOTS: usize = 1 << 13;
    /// Answers kept at most (about 80 bytes each with their word); the cache starts over beyond.
    const CAPACITY: usize = 1 << 14;

    /// The answer for a whole word token, `None` when it splits or normalises.
    fn word(
        &mut self,
        profile: &dyn Profile,
        word: &FoldedWord<'_>,
    ) -> Option<(&PlainAnswer, Option<&Lookup>)> {
        self.plain(profile, word.key.as_ref(), word.known.word, word.elongated)
    }

    /// The answer for the folded unit `key`, its vocabulary entry (`facts`) and its elongation;
    /// `None` when it splits or normalises.
    fn plain(
        &mut self,
        profile: &dyn Profile,
        key: &str,
        facts: Option<&'static vocabulary::Word>,
        elongated: bool,
    ) -> Option<(&PlainAnswer, Option<&Lookup>)> {
        if self.known.len() != Answers::SLOTS || self.unknown.len() != Answers::SLOTS {
            self.known = vec![(0, 0); Answers::SLOTS];
            self.unknown = vec![(0, 0); Answers::SLOTS];
        }
        let (tag, at) = match facts {
            Some(entry) => {
                let address = std::ptr::from_ref(entry) as usize;
                let size = std::mem::size_of::<vocabulary::Word>().max(1);
                ((address as u64) << 1, address / size % Answers::SLOTS)
            }
            None => {
                let hash = std::hash::BuildHasher::hash_one(&FxBuildHasher, key);
                (hash << 1, hash as usize % Answers::SLOTS)
            }
        };
        let tag = tag | u64::from(elongated);
        let slots = match facts {
            Some(_) => &self.known,
            None => &self.unknown,
        };
        let found = slots
            .get(at)
            .filter(|&&(cached, position)| {
                cached == tag
                    && (facts.is_some()
                        || self
                            .keys
                            .get(position as usize)
                            .is_some_and(|k| **k == *key))
            })
            .map(|&(_, position)| position);
        let position = match found {
            Some(position) => position,
            None => {
                if self.answers.len() >= Answers::CAPACITY {
                    self.answers.clear();
                    self.keys.clear();
                    self.hits.clear();
                    self.known.fill((0, 0));
                    self.unknown.fill((0, 0));
                }
                let position = u32::try_from(self.answers.len()).ok()?;
                let answer = plain_answer(profile, key, facts, elongated).map(
                    |(lookup, traits, starts, key_hash)| PlainAnswer {
                        hit: keep(&mut self.hits, lookup),
                        traits,
                        starts,
                        key_hash,
                    },
                );
                self.answers.push(answer);
                let (slots, kept) = match facts {
                    Some(_) => (&mut self.known, Box::default()),
                    None => (&mut self.unknown, Box::from(key)),
                };
                self.keys.push(kept);
                if let Some(slot) = slots.get_mut(at) {
                    *slot = (tag, position);
                }
                position
            }
        };
        let answer = self.answers.get(position as usize)?.as_ref()?;
        let hit = answer.hit.and_then(|at| self.hits.get(at as usize));
        Some((answer, hit))
    }
}

/// [`PlainAnswer`] of a whole folded word, as the general path of [`units_into`] computes it.
fn plain_answer(
    profile: &dyn Profile,
    key: &str,
    facts: Option<&'static vocabulary::Word>,
    elongated: bool,
) -> Option<Fresh> {
    if profile.split(key).is_some() || profile.normalise_known(Cow::Borrowed(key), facts).1 {
        return None;
    }
    let (lookup, traits) = profile.lookup_and_traits_folded(key, facts, elongated);
    let starts = idiom_starts(profile, key, facts.map_or(0, |w| w.phrase_starts));
    Some((lookup, traits, starts, phrase_hash(key)))
}

/// `starts` (bits of [`vocabulary::Word::phrase_starts`]) of the unit `key`, with the idiom bit
/// made exact for `profile`: the vocabulary sets it for a word that begins an idiom in either
/// language, and it is cleared here when none of this profile's idioms begins with the key. (A
/// table that is not bundled keeps the bit: every unit is asked about then.) Marking idioms
/// then starts a phrase only at a unit with the bit.
fn idiom_starts(profile: &dyn Profile, key: &str, starts: u8) -> u8 {
    if starts & vocabulary::STARTS_IDIOM == 0 {
        return starts;
    }
    match idiom_phrases(profile.idioms()) {
        Some(index)
            if !index
                .phrases
                .get(key)
                .is_some_and(|phrase| phrase.continues) =>
        {
            starts & !vocabulary::STARTS_IDIOM
        }
        _ => starts,
    }
}

/// Whether a run of punctuation ends a sentence: `.`, `!`, `?`, `;`, `:` or `…`.
fn ends_sentence(punct: &str) -> bool {
    // (On bytes: an ASCII byte in UTF-8 is always that character, and `…` is the only wider one.)
    punct
        .bytes()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b':'))
        // (`chars().any`, not `contains`: a non-ASCII char pattern brings in the substring searcher.)
        || (!punct.is_ascii() && punct.chars().any(|c| c == '\u{2026}'))
}

/// Whether a run of punctuation ends a clause: a comma, a bracket, an en or em dash.
fn ends_clause(punct: &str) -> bool {
    punct
        .bytes()
        .any(|b| matches!(b, b',' | b'(' | b')' | b'[' | b']'))
        || (!punct.is_ascii() && punct.contains(['\u{2013}', '\u{2014}']))
}

/// How many `!` and how many `?` `text` holds, counted in one pass, eight bytes at a time.
fn count_marks(text: &str) -> (usize, usize) {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    // 1 in each byte of `word` equal to `mark`, 0 in the others: exact (no carries between
    // bytes).
    let equal = |word: u64, mark: u8| {
        let diff = word ^ (ONES * u64::from(mark));
        (!(((diff & LOW7) + LOW7) | diff | LOW7)) >> 7
    };
    // The sum of the bytes of `lanes`: added in pairs into four 16-bit lanes (at most 510
    // each), which one multiply adds up into the top 16 bits (at most 2040: no carry out).
    let total = |lanes: u64| {
        let pairs = (lanes & 0x00ff_00ff_00ff_00ff) + (lanes >> 8 & 0x00ff_00ff_00ff_00ff);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    };
    let (mut exclamations, mut questions) = (0, 0);
    let mut chunks = text.as_bytes().chunks_exact(8);
    // Byte lanes count up to 255 chunks before they are added up.
    while chunks.len() > 0 {
        let (mut lanes_exclamations, mut lanes_questions) = (0u64, 0u64);
        for chunk in chunks.by_ref().take(255) {
            if let Ok(bytes) = <[u8; 8]>::try_from(chunk) {
                let word = u64::from_le_bytes(bytes);
                lanes_exclamations += equal(word, b'!');
                lanes_questions += equal(word, b'?');
            }
        }
        exclamations += total(lanes_exclamations);
        questions += total(lanes_questions);
    }
    for &b in chunks.remainder() {
        exclamations += usize::from(b == b'!');
        questions += usize::from(b == b'?');
    }
    (exclamations, questions)
}

/// `text` in lowercase, borrowed when it is already (emoticons mostly are).
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(crate::text::lowercase::to_lowercase(text))
    }
}

/// A unit's lookup, with the normalisation noted first among its rules, and the phrases it may
/// begin.
fn lookup_unit(profile: &dyn Profile, key: &str, normalised: bool) -> (Option<Lookup>, Traits, u8) {
    let facts = vocabulary::word(key);
    let (mut lookup, traits) = profile.lookup_and_traits_known(key, facts);
    if normalised {
        if let Some(hit) = lookup.as_mut() {
            hit.rules.insert(0, Rule::Normalised);
        }
    }
    let starts = idiom_starts(profile, key, facts.map_or(0, |w| w.phrase_starts));
    (lookup, traits, starts)
}

/// What a phrase of units is to an idiom table: its valence, when it is an idiom, and whether
/// some idiom starts with it and goes on (a prefix that ends before a space or just after an
/// apostrophe, as units join). One lookup answers both while an idiom is being extended.
#[derive(Clone, Copy, Default)]
struct IdiomPhrase {
    valence: Option<f64>,
    continues: bool,
}

/// The idioms of one table and their prefixes ([`IdiomPhrase`]), by phrase and by
/// [`phrase_hash`] of the phrase.
struct IdiomIndex {
    phrases: HashMap<&'static str, IdiomPhrase, FxBuildHasher>,
    /// By hash: a phrase longer than one unit is extended by hashing only the unit added, and
    /// probed without building or comparing strings. Phrases whose hashes collide share an
    /// entry (valence set if either has one, `continues` if either goes on), so the entry of a
    /// phrase may say more than the phrase is, never less: a valence found here is confirmed in
    /// `phrases`.
    hashed: HashMap<u64, IdiomPhrase, FxBuildHasher>,
}

/// [`IdiomIndex`] of `idioms`, `None` for a table that is not bundled.
fn idiom_phrases(idioms: &Table) -> Option<&'static IdiomIndex> {
    static PHRASES: OnceLock<Vec<(&'static str, IdiomIndex)>> = OnceLock::new();
    let all = PHRASES.get_or_init(|| {
        crate::lexicon::all_tables()
            .into_iter()
            .filter(|table| table.source.ends_with("idioms.tsv"))
            .map(|table| {
                let mut phrases = HashMap::<&'static str, IdiomPhrase, FxBuildHasher>::default();
                // In row order, so that a key's last row wins, as in the table's own index.
                for (idiom, entry) in table.entries() {
                    phrases.entry(idiom).or_default().valence = entry.value;
                    for prefix in vocabulary::idiom_prefixes(idiom) {
                        phrases.entry(prefix).or_default().continues = true;
                    }
                }
                let mut hashed = HashMap::<u64, IdiomPhrase, FxBuildHasher>::default();
                for (phrase, found) in &phrases {
                    let shared = hashed.entry(phrase_hash(phrase).0).or_default();
                    shared.valence = shared.valence.or(found.valence);
                    shared.continues |= found.continues;
                }
                (table.source, IdiomIndex { phrases, hashed })
            })
            .collect()
    });
    all.iter()
        .find(|(source, _)| *source == idioms.source)
        .map(|(_, index)| index)
}

/// The multiplier of [`phrase_hash`] (odd).
const PHRASE_BASE: u64 = 0x0000_0100_0000_01b3;

/// A polynomial hash of `text` (wrapping), and `PHRASE_BASE` to the power of its length: the
/// hash of `a` followed by `b` is `hash(a) × power(b) + hash(b)`, so a phrase is hashed unit by
/// unit as it grows.
fn phrase_hash(text: &str) -> (u64, u64) {
    text.bytes().fold((0, 1), |(hash, power), byte| {
        (
            hash.wrapping_mul(PHRASE_BASE).wrapping_add(u64::from(byte)),
            power.wrapping_mul(PHRASE_BASE),
        )
    })
}

/// Marks the longest idiom starting at each unit, left to right, without overlaps. `phrase` is
/// a buffer for the phrases tried.
fn mark_idioms(units: &mut [Unit<'_>], profile: &dyn Profile, phrase: &mut String) {
    let idioms = profile.idioms();
    if idioms.is_empty() {
        return;
    }
    let longest = idioms.max_words().min(8);
    let index = idiom_phrases(idioms);
    // Units join with a space, except after an elision: "non c'è male".
    let joins_with_space = |unit: &Unit<'_>| !unit.key.ends_with('\'');
    let mut i = 0;
    while i < units.len() {
        // (With a bundled table the unit's idiom bit is exact ([`idiom_starts`]): no phrase
        // begins with a unit without it.)
        let may_start = match index {
            Some(_) => units[i].starts & vocabulary::STARTS_IDIOM != 0,
            None => true,
        };
        if !may_start {
            i += 1;
            continue;
        }
        // The longest idiom: extend unit by unit while some idiom goes on with the phrase, and
        // not across punctuation ("no, doubt" is not "no doubt").
        let mut matched = None;
        // (hashed when a second unit is added: most phrases get none)
        let mut hash = None;
        if index.is_none() {
            phrase.clear();
            phrase.push_str(&units[i].key);
        }
        let mut len = 1;
        while len < longest {
            let Some(next) = units.get(i + len).filter(|unit| !unit.after_punct) else {
                break;
            };
            let space = joins_with_space(&units[i + len - 1]);
            len += 1;
            let found = match index {
                Some(index) => {
                    let mut so_far = hash.unwrap_or_else(|| key_hash(&units[i]).0);
                    if space {
                        so_far = so_far
                            .wrapping_mul(PHRASE_BASE)
                            .wrapping_add(u64::from(b' '));
                    }
                    let (added, power) = key_hash(next);
                    so_far = so_far.wrapping_mul(power).wrapping_add(added);
                    hash = Some(so_far);
                    let mut found = index.hashed.get(&so_far).copied().unwrap_or_default();
                    if found.valence.is_some() {
                        // (confirmed on the phrase itself: the hash may be another phrase's)
                        build_phrase(phrase, &units[i..i + len]);
                        found.valence = index.phrases.get(phrase.as_str()).and_then(|p| p.valence);
                    }
                    found
                }
                // A table that is not bundled is asked directly, and any phrase may go on.
                None => {
                    if space {
                        phrase.push(' ');
                    }
                    phrase.push_str(&next.key);
                    IdiomPhrase {
                        valence: idioms.decimal(phrase, 0),
                        continues: true,
                    }
                }
            };
            if let Some(valence) = found.valence {
                matched = Some((valence, len));
            }
            if !found.continues {
                break;
            }
        }
        match matched {
            Some((valence, len)) => {
                units[i].idiom = Some((valence, len));
                for unit in &mut units[i + 1..i + len] {
                    unit.inside_idiom = true;
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

/// [`phrase_hash`] of a unit's key, cached or computed.
fn key_hash(unit: &Unit<'_>) -> (u64, u64) {
    match unit.key_hash {
        (_, 0) => phrase_hash(&unit.key),
        known => known,
    }
}

/// `phrase` set to the keys of `units` joined as [`mark_idioms`] joins them.
fn build_phrase(phrase: &mut String, units: &[Unit<'_>]) {
    phrase.clear();
    for (k, unit) in units.iter().enumerate() {
        if k > 0 && !units[k - 1].key.ends_with('\'') {
            phrase.push(' ');
        }
        phrase.push_str(&unit.key);
    }
}

/// VADER's `allcap_differential`: some, but not all, units are in capitals.
fn caps_differential(units: &[Unit<'_>]) -> bool {
    let upper = units.iter().filter(|u| u.upper).count();
    upper > 0 && upper < units.len()
}

/// The units a rule for unit `i` looks back at: up to [`SCOPE`] of them, nearest first, skipping
/// the ones the profile calls transparent (Italian clitics and auxiliaries) and idiom interiors.
/// `scope` is cleared and filled (one buffer serves every unit of a text).
fn scope_before(
    units: &[Unit<'_>],
    i: usize,
    profile: &dyn Profile,
    scope: &mut Vec<(usize, usize)>,
) {
    scope.clear();
    let english = profile.lang() == Some(Lang::En);
    let mut counted = 0;
    let mut j = i;
    while j > 0 && counted < SCOPE && !units[j].starts_sentence {
        j -= 1;
        // A contrast word starts a new clause: "non è brutto, anzi è bellissimo".
        if !english && units[j].traits.contrast.is_some() {
            break;
        }
        // Transparent words (clitics, auxiliaries) are in the scope but do not use it up.
        let transparent = !english && units[j].traits.transparent;
        scope.push((j, counted.min(SCOPE - 1)));
        if !transparent {
            counted += 1;
        }
    }
}

/// Whether the words between a negator at `j` and the word at `i` keep the negation from
/// reaching it (Italian "non ho mai visto niente **di così** bello" praises).
/// `between` is a buffer for the keys in between.
fn negation_blocked<'u>(
    units: &'u [Unit<'_>],
    j: usize,
    i: usize,
    profile: &dyn Profile,
    between: &mut Vec<&'u str>,
) -> bool {
    between.clear();
    between.extend(units[j + 1..=i].iter().map(|u| u.key.as_ref()));
    profile.blocks_negation(&units[j].key, between)
}

/// A modifier that follows the word it modifies ("mi piace **un sacco**", "bello **da morire**"),
/// within the next two units of the same clause: its scalar, positive for a booster.
fn modifier_after(
    units: &[Unit<'_>],
    i: usize,
    profile: &dyn Profile,
    phrase: &mut String,
) -> Option<f64> {
    // (A phrase longer than any the profile has cannot match: not built.)
    let longest = profile.max_post_modifier_words().min(3);
    phrase.clear();
    for (k, unit) in units.iter().enumerate().skip(i + 1).take(longest) {
        if unit.after_punct {
            break;
        }
        if k > i + 1 {
            phrase.push(' ');
        }
        phrase.push_str(&unit.key);
        if let Some(scalar) = profile.post_modifier(phrase) {
            return Some(scalar);
        }
    }
    None
}

/// Whether a negative-polarity word follows unit `i` in its sentence ("non mi piace **per
/// niente**", "non è **affatto** vero"), which makes a negation stronger.
/// `two` is a buffer for the two-word phrases.
fn reinforced_after(units: &[Unit<'_>], i: usize, profile: &dyn Profile, two: &mut String) -> bool {
    let mut j = i + 1;
    while j < units.len() && j <= i + SCOPE && !units[j].starts_sentence {
        let next = units.get(j + 1).filter(|u| !u.starts_sentence);
        if let Some(next) = next {
            two.clear();
            two.push_str(&units[j].key);
            two.push(' ');
            two.push_str(&next.key);
        }
        if profile.is_reinforcing_npi(&units[j].key)
            || (next.is_some() && profile.is_reinforcing_npi(two))
        {
            return true;
        }
        j += 1;
    }
    false
}

/// The modifier scalar of the unit at `j` for a following word of valence `valence`, matched in
/// sign (a booster makes a negative word more negative), with VADER's caps bonus.
fn modifier_scalar(
    units: &[Unit<'_>],
    j: usize,
    valence: f64,
    caps_diff: bool,
    profile: &dyn Profile,
) -> Option<f64> {
    let unit = &units[j];
    let mut scalar = unit.traits.modifier.or_else(|| {
        // two-word modifiers ending here: "kind of", "sort of", "un po'"
        (j > 0)
            .then(|| pair_modifier(&units[j - 1], unit, profile))
            .flatten()
    })?;
    if valence < 0.0 {
        scalar = -scalar;
    }
    if unit.upper && caps_diff {
        scalar += if valence > 0.0 {
            CAPS_INCREMENT
        } else {
            -CAPS_INCREMENT
        };
    }
    Some(scalar)
}

/// The modifier scalar of the two-word phrase `first second` ("kind of", "un po'").
#[inline]
fn pair_modifier(first: &Unit<'_>, second: &Unit<'_>, profile: &dyn Profile) -> Option<f64> {
    // Only a word that begins some modifier phrase can begin this one; an elongated word may be
    // one written long ("kiiind of"), which profiles collapse. (Asked of most units near a
    // sentiment word: this test stays inline, the phrase is built out of line.)
    if first.starts & vocabulary::STARTS_MODIFIER_PHRASE == 0
        && !first.elongated.unwrap_or_else(|| is_elongated(&first.key))
    {
        return None;
    }
    phrase_modifier(first, second, profile)
}

/// [`pair_modifier`] of a pair that may be a modifier phrase.
#[inline(never)]
fn phrase_modifier(first: &Unit<'_>, second: &Unit<'_>, profile: &dyn Profile) -> Option<f64> {
    let mut phrase = [0u8; 64];
    let len = first.key.len() + 1 + second.key.len();
    // Modifier phrases are short; a longer pair is none of them, but ask anyway to stay exact.
    if len > phrase.len() {
        return profile.modifier(&format!("{} {}", first.key, second.key));
    }
    phrase[..first.key.len()].copy_from_slice(first.key.as_bytes());
    phrase[first.key.len()] = b' ';
    phrase[first.key.len() + 1..len].copy_from_slice(second.key.as_bytes());
    std::str::from_utf8(&phrase[..len])
        .ok()
        .and_then(|phrase| profile.modifier(phrase))
}

/// Scores one text as `lang` (or as symbols only when `lang.lang` is `None`).
pub fn score(text: &str, lang: DetectedLang, explain: bool) -> Sentiment {
    score_tokens(text, &tokenize(text), lang, explain)
}

/// [`score`] over the tokens of `text`, when the caller has them already.
pub fn score_tokens(
    text: &str,
    tokens: &[crate::text::Token<'_>],
    lang: DetectedLang,
    explain: bool,
) -> Sentiment {
    score_folded(text, tokens, &vocabulary::fold_words(tokens), lang, explain)
}

/// [`score`] over the tokens of `text` and their words folded and looked up
/// ([`vocabulary::fold_words`]), when the caller has them already.
pub fn score_folded<'a>(
    text: &str,
    tokens: &[crate::text::Token<'a>],
    words: &[Option<FoldedWord<'a>>],
    lang: DetectedLang,
    explain: bool,
) -> Sentiment {
    BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
        Ok(mut buffers) => score_in(text, tokens, words, lang, explain, &mut buffers),
        // (Only if scoring were ever re-entered on this thread: fresh buffers then.)
        Err(_) => score_in(text, tokens, words, lang, explain, &mut Buffers::default()),
    })
}

/// [`score_folded`] with the buffers it keeps between texts, borrowed in place (the answer
/// caches are large to move).
fn score_in<'a>(
    text: &str,
    tokens: &[crate::text::Token<'a>],
    words: &[Option<FoldedWord<'a>>],
    lang: DetectedLang,
    explain: bool,
    buffers: &mut Buffers,
) -> Sentiment {
    let profile = profile_for(lang.lang);
    let mut units = reuse_allocation(std::mem::take(&mut buffers.units));
    let cache = match profile.lang() {
        Some(Lang::En) => 0,
        Some(Lang::It) => 1,
        None => 2,
    };
    let mut hits = std::mem::take(&mut buffers.hits);
    let mut phrase = std::mem::take(&mut buffers.phrase);
    units_into(
        tokens,
        words,
        profile,
        &mut units,
        &mut hits,
        &mut buffers.answers[cache],
        &mut phrase,
    );
    let caps_diff = caps_differential(&units);
    let n = units.len();
    let mut valences = std::mem::take(&mut buffers.valences);
    valences.clear();
    valences.resize(n, 0.0);
    let mut rules: Vec<Vec<Rule>> = if explain {
        vec![Vec::new(); n]
    } else {
        Vec::new()
    };
    let note = |rules: &mut Vec<Vec<Rule>>, i: usize, rule: Rule| {
        if explain && !rules[i].contains(&rule) {
            rules[i].push(rule);
        }
    };

    // What the profile is, asked once.
    let english = profile.lang() == Some(Lang::En);
    let concord = profile.negative_concord();
    let negation_ends_at_clause = profile.negation_ends_at_clause();

    // Buffers every unit reuses.
    let mut scope = std::mem::take(&mut buffers.scope);
    let mut between = reuse_allocation(std::mem::take(&mut buffers.between));
    for i in 0..n {
        let unit = &units[i];
        if unit.inside_idiom {
            continue;
        }
        // VADER: modifier words carry no valence of their own, and neither does "kind" in "kind of".
        // (Checked after the valence, which is cheaper: a unit without one is skipped either way.)
        let base = match (unit.idiom, unit.hit(&hits)) {
            (Some((valence, _)), _) => valence,
            (None, Some(hit)) => hit.valence,
            (None, None) => continue,
        };
        if unit.idiom.is_none() && unit.traits.modifier.is_some() {
            continue;
        }
        if unit.idiom.is_none()
            && i + 1 < n
            && pair_modifier(unit, &units[i + 1], profile).is_some()
        {
            continue;
        }
        if base == 0.0 {
            continue;
        }
        let mut valence = base;
        if unit.idiom.is_some() {
            note(&mut rules, i, Rule::Idiom);
        }
        if let Some(hit) = unit.hit(&hits) {
            if explain && unit.idiom.is_none() {
                for rule in &hit.rules {
                    note(&mut rules, i, *rule);
                }
            }
            if hit.form == Some("superlative") && unit.idiom.is_none() {
                valence += BOOSTER_INCREMENT.copysign(valence);
                note(&mut rules, i, Rule::Superlative);
            }
        }

        // VADER: "no" directly before a lexicon word is a negator, not a negative word.
        if english
            && unit.idiom.is_none()
            && unit.key == "no"
            && i + 1 < n
            && units[i + 1].traits.in_lexicon
        {
            continue;
        }
        if english && unit.idiom.is_none() {
            // (a "no" that starts an idiom, "no doubt", is part of the idiom, not a negator)
            let before = |k: usize| {
                (i >= k && units[i - k].idiom.is_none() && !units[i - k].inside_idiom)
                    .then(|| units[i - k].key.as_ref())
            };
            if before(1) == Some("no")
                || before(2) == Some("no")
                || (before(3) == Some("no") && matches!(before(1), Some("or" | "nor")))
            {
                valence = base * NEGATION_SCALAR;
                note(&mut rules, i, Rule::Negated);
            }
        }

        if unit.upper && caps_diff && unit.kind != TokenKind::Emoji {
            valence += CAPS_INCREMENT.copysign(valence);
            note(&mut rules, i, Rule::Caps);
        }

        // Emoji and emoticons say how the writer feels; negators and modifiers in the words
        // before them do not apply ("isn't it -_-" is not a happy face).
        let is_symbol = matches!(unit.kind, TokenKind::Emoji | TokenKind::Emoticon);
        // An idiom that carries its own negator ("nessun problema") is not negated again by a
        // negator before it where negation is concord ("non c'è nessun problema").
        let carries_negation = unit
            .idiom
            .is_some_and(|(_, len)| concord && units[i..i + len].iter().any(|u| u.traits.negator));
        if is_symbol || carries_negation {
            scope.clear();
        } else {
            scope_before(&units, i, profile, &mut scope);
        }
        let mut negations = 0;
        // A comparison after a negator ("non è mai stato così bello") is praise, not negation.
        let comparison = scope.iter().any(|&(j, _)| {
            units[j].traits.negator && negation_blocked(&units, j, i, profile, &mut between)
        });
        for (position, &(j, distance)) in scope.iter().enumerate() {
            let word = &units[j];
            if word.traits.in_lexicon || word.inside_idiom || word.idiom.is_some() {
                continue;
            }
            if let Some(scalar) = modifier_scalar(&units, j, valence, caps_diff, profile) {
                let scalar = scalar * MODIFIER_DECAY[distance];
                if scalar != 0.0 {
                    note(
                        &mut rules,
                        i,
                        if (valence + scalar).abs() > valence.abs() {
                            Rule::Boosted
                        } else {
                            Rule::Dampened
                        },
                    );
                }
                valence += scalar;
            }
            // VADER's special cases: "never so good" / "never this good" intensify rather than
            // negate; "without a doubt" does not negate.
            let intensifies = |k: usize| matches!(units[k].key.as_ref(), "so" | "this");
            if word.key == "never" && scope[..position].iter().any(|&(k, _)| intensifies(k)) {
                valence *= 1.25;
                note(&mut rules, i, Rule::Boosted);
            } else if word.key == "without"
                && scope[..position]
                    .iter()
                    .any(|&(k, _)| units[k].key == "doubt")
            {
                // "without a doubt, excellent": not a negation
            } else if word.traits.negator
                && !comparison
                && !(negation_ends_at_clause && units[j + 1..=i].iter().any(|u| u.starts_clause))
            {
                // With negative concord ("non l'ho mai apprezzato") a second negator in the
                // scope is the same negation, not a double one: it makes it firmer instead.
                if negations == 0 || !concord {
                    valence *= NEGATION_SCALAR;
                    note(&mut rules, i, Rule::Negated);
                } else if negations == 1 {
                    valence += BOOSTER_INCREMENT.copysign(valence);
                    note(&mut rules, i, Rule::Boosted);
                }
                negations += 1;
            }
        }
        if let Some(scalar) = modifier_after(&units, i, profile, &mut phrase) {
            note(
                &mut rules,
                i,
                if scalar > 0.0 {
                    Rule::Boosted
                } else {
                    Rule::Dampened
                },
            );
            valence += scalar * valence.signum();
        }
        if negations > 0 && reinforced_after(&units, i, profile, &mut phrase) {
            valence += BOOSTER_INCREMENT.copysign(valence);
            note(&mut rules, i, Rule::Boosted);
        }
        if negations == 0 {
            // VADER's "least": "the least good" negates, "at least good" and "very least" do not.
            if let Some(&(j, _)) = scope.first() {
                if units[j].key == "least" && !profile.in_lexicon("least") {
                    let previous = j.checked_sub(1).map(|k| units[k].key.as_ref());
                    if !matches!(previous, Some("at" | "very")) {
                        valence *= NEGATION_SCALAR;
                        note(&mut rules, i, Rule::Negated);
                    }
                }
            }
        }
        valences[i] = valence;
    }

    weigh_questions(tokens, &units, &mut valences, profile, |i| {
        note(&mut rules, i, Rule::Asked)
    });
    let negative_weight = profile.negative_weight();
    if negative_weight != 1.0 {
        for (i, valence) in valences.iter_mut().enumerate() {
            if *valence < 0.0 {
                *valence *= negative_weight;
                note(&mut rules, i, Rule::NegativityBias);
            }
        }
    }
    apply_contrast(&units, &mut valences, profile, &mut phrase, |i| {
        note(&mut rules, i, Rule::Contrast)
    });
    let result = finish(
        text,
        &units,
        &hits,
        profile.idioms().source,
        &valences,
        &rules,
        lang,
        explain,
    );
    buffers.between = reuse_allocation(between);
    buffers.units = reuse_allocation(units);
    buffers.valences = valences;
    buffers.scope = scope;
    buffers.hits = hits;
    buffers.phrase = phrase;
    result
}

/// The buffers [`score_folded`] keeps between texts (a batch scores thousands of them), emptied
/// of the borrowed text after each.
#[derive(Default)]
struct Buffers {
    units: Vec<Unit<'static>>,
    valences: Vec<f64>,
    scope: Vec<(usize, usize)>,
    /// Per profile (English, Italian, symbols only).
    answers: [Answers; 3],
    hits: Vec<Lookup>,
    /// For the phrases built while scoring (idioms, modifiers, contrast words).
    phrase: String,
    between: Vec<&'static str>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// Applies the profile's weight to the words of sentences that end with a question mark
/// ([`Profile::asked_weight`]): a question asks about a quality, it does not assert it. Emoji and
/// emoticons say how the writer feels whatever the sentence type, and keep their valence.
/// `mark` is told each unit whose valence the weight changed.
fn weigh_questions(
    tokens: &[crate::text::Token<'_>],
    units: &[Unit<'_>],
    valences: &mut [f64],
    profile: &dyn Profile,
    mut mark: impl FnMut(usize),
) {
    if !profile.weighs_questions()
        || !tokens
            .iter()
            .any(|t| t.kind == TokenKind::Punct && t.text.as_bytes().contains(&b'?'))
    {
        return;
    }
    let mut first_of_sentence = 0;
    for token in tokens {
        if token.kind != TokenKind::Punct || !ends_sentence(token.text) {
            continue;
        }
        let asked = token.text.contains('?');
        let mut k = first_of_sentence;
        while k < units.len() && units[k].span.start < token.span.start {
            let symbol = matches!(units[k].kind, TokenKind::Emoji | TokenKind::Emoticon);
            if asked && !symbol && valences[k] != 0.0 {
                let weight = profile.asked_weight(valences[k]);
                if weight != 1.0 {
                    valences[k] *= weight;
                    mark(k);
                }
            }
            k += 1;
        }
        first_of_sentence = k;
    }
}

/// Weights the valences around the first contrast word: VADER's `but` rule, done as intended
/// (VADER 3.3.2 finds each valence's position with `list.index`, which misplaces repeated values).
fn apply_contrast(
    units: &[Unit<'_>],
    valences: &mut [f64],
    profile: &dyn Profile,
    phrase: &mut String,
    mut mark: impl FnMut(usize),
) {
    let longest = profile.max_contrast_words();
    // Only a contrast word, or a word that begins a contrast phrase, can be one: the search
    // starts at the first of them.
    let Some(first) = units.iter().position(|unit| {
        unit.traits.contrast.is_some()
            || (longest > 1 && unit.starts & vocabulary::STARTS_CONTRAST_PHRASE != 0)
    }) else {
        return;
    };
    for i in first..units.len() {
        for len in (1..=longest.min(units.len() - i)).rev() {
            let contrast = if len == 1 {
                units[i].traits.contrast
            } else if units[i].starts & vocabulary::STARTS_CONTRAST_PHRASE == 0 {
                None
            } else {
                phrase.clear();
                for (k, unit) in units[i..i + len].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(&unit.key);
                }
                profile.contrast(phrase)
            };
            let Some(contrast) = contrast else {
                continue;
            };
            match contrast {
                Contrast::Adversative => {
                    let (before, after) = CONTRAST_WEIGHTS;
                    for (k, valence) in valences.iter_mut().enumerate() {
                        if *valence == 0.0 || (i..i + len).contains(&k) {
                            continue;
                        }
                        *valence *= if k < i { before } else { after };
                        mark(k);
                    }
                }
                // "anche se X, Y" and "Y, anche se X": the concessive clause X, up to the next
                // punctuation, weighs less; the main clause keeps its weight.
                Contrast::Concessive => {
                    let end = (i + len..units.len())
                        .find(|&k| k > i + len && units[k].after_punct)
                        .unwrap_or(units.len());
                    for (k, valence) in valences.iter_mut().enumerate().take(end).skip(i + len) {
                        if *valence != 0.0 {
                            *valence *= CONTRAST_WEIGHTS.0;
                            mark(k);
                        }
                    }
                }
            }
            return;
        }
    }
}

/// Where `part`, a slice of `text`, starts in it.
fn byte_offset(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

/// Punctuation emphasis of the whole text, as VADER computes it.
fn punctuation_emphasis(text: &str) -> f64 {
    let (exclamations, questions) = count_marks(text);
    let exclamations = exclamations.min(MAX_EXCLAMATIONS);
    let question_amplifier = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * QUESTION_INCREMENT,
        _ => MAX_QUESTION_AMPLIFIER,
    };
    exclamations as f64 * EXCLAMATION_INCREMENT + question_amplifier
}

/// VADER's normalisation into [−1, 1].
pub fn normalize(sum: f64) -> f64 {
    let score = sum / (sum * sum + ALPHA).sqrt();
    if score.is_finite() {
        score.clamp(-1.0, 1.0)
    } else if sum > 0.0 {
        1.0
    } else if sum < 0.0 {
        -1.0
    } else {
        0.0
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    text: &str,
    units: &[Unit<'_>],
    hits: &[Lookup],
    idioms_source: &'static str,
    valences: &[f64],
    rules: &[Vec<Rule>],
    lang: DetectedLang,
    explain: bool,
) -> Sentiment {
    let sum: f64 = valences.iter().sum();
    let emphasis = if sum != 0.0 {
        punctuation_emphasis(text)
    } else {
        0.0
    };
    let compound = normalize(if sum > 0.0 {
        sum + emphasis
    } else {
        sum - emphasis
    });

    // VADER's shares: each sentiment word counts its valence plus one, each neutral unit one.
    let mut positive = 0.0;
    let mut negative = 0.0;
    let mut neutral = 0usize;
    for &v in valences {
        if v > 0.0 {
            positive += v + 1.0;
        } else if v < 0.0 {
            negative += v - 1.0;
        } else {
            neutral += 1;
        }
    }
    if positive > negative.abs() {
        positive += emphasis;
    } else if positive < negative.abs() {
        negative -= emphasis;
    }
    let total = positive + negative.abs() + neutral as f64;
    let (pos, neg, neu) = if valences.is_empty() || total <= 0.0 || !total.is_finite() {
        (0.0, 0.0, if valences.is_empty() { 0.0 } else { 1.0 })
    } else {
        (
            (positive / total).abs(),
            (negative / total).abs(),
            (neutral as f64 / total).abs(),
        )
    };

    let mut tokens = Vec::new();
    if explain {
        for (i, unit) in units.iter().enumerate() {
            // A word a question weighed to nothing stays listed, so that the explanation says
            // why "è bello?" is neutral.
            if valences[i] == 0.0 && !rules[i].contains(&Rule::Asked) {
                continue;
            }
            let (base, source) = match (unit.idiom, unit.hit(hits)) {
                (Some((valence, _)), _) => (valence, idioms_source),
                (None, Some(hit)) => (hit.valence, hit.source),
                (None, None) => (0.0, ""),
            };
            let (text_span, shown) = match unit.idiom {
                Some((_, len)) => {
                    let last = &units[i + len - 1];
                    let span = Span {
                        start: unit.span.start,
                        end: last.span.end,
                    };
                    // the phrase as written, spaces squeezed
                    let start = byte_offset(text, unit.raw);
                    let end = byte_offset(text, last.raw) + last.raw.len();
                    let written = text.get(start..end).unwrap_or(unit.raw);
                    (
                        span,
                        written.split_whitespace().collect::<Vec<_>>().join(" "),
                    )
                }
                None => (unit.span, unit.raw.to_string()),
            };
            let hit = unit.hit(hits).filter(|_| unit.idiom.is_none());
            tokens.push(Contribution {
                text: shown,
                span: text_span,
                base,
                valence: valences[i],
                rules: rules[i].clone(),
                lemma: hit.and_then(|h| h.lemma).map(str::to_string),
                form: hit.and_then(|h| h.form).map(str::to_string),
                source,
            });
        }
        if emphasis > 0.0 {
            // The amplifier belongs to the whole text; show it on the runs that carry it, shared in
            // proportion to their marks.
            let marks = |s: &str| s.matches(['!', '?']).count();
            let runs: Vec<_> = tokenize(text)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Punct && marks(t.text) > 0)
                .collect();
            let total_marks: usize = runs.iter().map(|t| marks(t.text)).sum();
            for token in runs {
                {
                    tokens.push(Contribution {
                        text: token.text.to_string(),
                        span: token.span,
                        base: 0.0,
                        valence: (emphasis * marks(token.text) as f64 / total_marks as f64)
                            .copysign(sum),
                        rules: vec![Rule::Emphasis],
                        lemma: None,
                        form: None,
                        source: "",
                    });
                }
            }
        }
    }

    Sentiment {
        compound,
        pos,
        neu,
        neg,
        label: Label::from_compound(compound),
        lang,
        tokens,
        signals: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentiment::italian::Italian;

    #[test]
    fn marks_are_counted_wherever_they_stand() {
        let pieces = ["!", "?", "a", "é", "!!", "?!", "😀", " ", "??", "x!y"];
        // Every length from 0 to 40 bytes and every offset within the eight-byte words.
        for seed in 0..400usize {
            let mut text = String::new();
            let mut state = seed;
            while text.len() < seed % 41 {
                text.push_str(pieces[state % pieces.len()]);
                state = state.wrapping_mul(31).wrapping_add(7) / 3;
            }
            let expected = (
                text.chars().filter(|&c| c == '!').count(),
                text.chars().filter(|&c| c == '?').count(),
            );
            assert_eq!(count_marks(&text), expected, "{text:?}");
        }
        assert_eq!(count_marks("Great!!! Really?? ¡No!"), (4, 2));
        // More marks than a byte lane holds before it is added up.
        let long = "!?!!".repeat(1000);
        assert_eq!(count_marks(&long), (3000, 1000));
        assert_eq!(count_marks(&"!".repeat(8 * 256 + 3)), (8 * 256 + 3, 0));
    }

    /// Marking idioms extends a phrase's hash unit by unit: that must give the hash of the
    /// whole phrase, which is what the index holds.
    #[test]
    fn a_phrase_hashes_as_its_parts_joined() {
        let parts = ["non", " ", "c'", "è", " ", "male", "", "perché", "😀"];
        for start in 0..parts.len() {
            for end in start..=parts.len() {
                let (mut hash, mut power) = (0u64, 1u64);
                for part in &parts[start..end] {
                    let (added, part_power) = phrase_hash(part);
                    hash = hash.wrapping_mul(part_power).wrapping_add(added);
                    power = power.wrapping_mul(part_power);
                }
                assert_eq!((hash, power), phrase_hash(&parts[start..end].concat()));
                assert_eq!(power % 2, 1, "a power is never 0, the mark of no hash");
            }
        }
    }

    #[test]
    fn idioms_are_found_across_elisions_and_not_across_punctuation() {
        let it = DetectedLang::given(Lang::It);
        let idiom_of = |text: &str| {
            let scored = score(text, it, true);
            scored
                .tokens
                .iter()
                .find(|t| t.rules.contains(&Rule::Idiom))
                .map(|t| t.text.clone())
        };
        assert_eq!(
            idiom_of("oggi non c'è male").as_deref(),
            Some("non c'è male")
        );
        assert_eq!(idiom_of("oggi non c'è, male"), None);
    }

    #[test]
    fn a_profile_that_does_not_weigh_questions_counts_asked_words_in_full() {
        let profiles: [&dyn Profile; 3] = [&English, &Italian, &SymbolsOnly];
        for profile in profiles {
            if profile.weighs_questions() {
                continue;
            }
            for valence in [-4.0, -1.5, -0.1, 0.1, 0.7, 2.0, 4.0] {
                assert_eq!(profile.asked_weight(valence), 1.0, "{:?}", profile.lang());
            }
        }
        assert!(Italian.weighs_questions());
    }

    /// Answers are cached by the address of a word's vocabulary entry: that is sound only while
    /// every key has an entry of its own.
    #[test]
    fn every_vocabulary_key_has_an_entry_of_its_own() {
        let mut owner = HashMap::new();
        for table in crate::lexicon::all_tables() {
            for (key, _) in table.rows() {
                let Some(entry) = vocabulary::word(key) else {
                    continue;
                };
                let address = std::ptr::from_ref(entry) as usize;
                let first = *owner.entry(address).or_insert(key);
                assert_eq!(first, key, "{first:?} and {key:?} share an entry");
            }
        }
    }

    /// The same texts scored with the answers cache empty and then full of their words give the
    /// same results, explanations included.
    #[test]
    fn cached_answers_score_as_fresh_ones() {
        let texts = [
            "Non mi è piaciuto per niente, anzi è bruttissimo!!",
            "bellooo, strabello, piacermi, l'ho amato, perche' no? cmq ok",
            "The book was VERY good, but the ending was sooo bad :( 😀",
            "not bad at all, kind of nice... no doubt the best",
            "ahahah che schifo #fail @someone https://example.com 42",
        ];
        for lang in [Lang::En, Lang::It] {
            let given = DetectedLang::given(lang);
            BUFFERS.with(RefCell::take);
            let fresh: Vec<_> = texts.iter().map(|t| score(t, given, true)).collect();
            let again: Vec<_> = texts.iter().map(|t| score(t, given, true)).collect();
            let plain: Vec<_> = texts.iter().map(|t| score(t, given, false)).collect();
            assert_eq!(fresh, again, "{lang:?}");
            for (with, without) in fresh.iter().zip(&plain) {
                assert_eq!(with.compound, without.compound, "{lang:?}");
            }
        }
    }

    /// The engine reads each unit's traits and lookup from one combined call; they must be what
    /// the single methods answer, for every key of every table (a rule changed in one place only
    /// would show here).
    #[test]
    fn combined_lookups_answer_what_the_single_methods_answer() {
        let profiles: [&dyn Profile; 3] = [&English, &Italian, &SymbolsOnly];
        let mut keys: Vec<&str> = crate::lexicon::all_tables()
            .into_iter()
            .flat_map(|table| table.rows().map(|(key, _)| key))
            .collect();
        keys.extend([
            "",
            "sooo",
            "goooood",
            "piacermi",
            "strabello",
            "don't",
            "ahahah",
        ]);
        for profile in profiles {
            for &key in &keys {
                let single = Traits {
                    in_lexicon: profile.in_lexicon(key),
                    modifier: profile.modifier(key),
                    negator: profile.is_negator(key),
                    transparent: profile.is_transparent(key),
                    contrast: profile.contrast(key),
                };
                assert_eq!(
                    profile.traits(key),
                    single,
                    "{key:?} as {:?}",
                    profile.lang()
                );
                assert_eq!(
                    profile.lookup_and_traits(key),
                    (profile.lookup(key), single),
                    "{key:?} as {:?}",
                    profile.lang()
                );
                // Scoring hands over the vocabulary entry it looked up while folding.
                let facts = vocabulary::word(key);
                assert_eq!(
                    profile.lookup_and_traits_known(key, facts),
                    (profile.lookup(key), single),
                    "{key:?} as {:?}, entry given",
                    profile.lang()
                );
                assert_eq!(
                    profile.lookup_and_traits_folded(key, facts, is_elongated(key)),
                    (profile.lookup(key), single),
                    "{key:?} as {:?}, entry and elongation given",
                    profile.lang()
                );
                assert_eq!(
                    profile.normalise_known(Cow::Borrowed(key), facts),
                    profile.normalise(Cow::Borrowed(key)),
                    "{key:?} as {:?}, entry given",
                    profile.lang()
                );
            }
        }
    }
}
