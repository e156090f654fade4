//! Per-comment civility signals: hostility and insults, whether they are aimed at a person,
//! directness, politeness, shouting, and whether the comment asks, requests or complains.
//!
//! These are the comment-level inputs of a thread's [tension](crate::thread::Tension), and they are
//! part of every [`Sentiment`](crate::Sentiment) so that an extension can flag a single comment
//! without building a thread.
//!
//! ```
//! let s = polso::score("You're an idiot and you know it.").signals;
//! assert!(s.insult && s.targeted);
//! assert!(s.hostility > 0.7);
//!
//! let s = polso::score("Sei proprio un cretino").signals;
//! assert!(s.targeted, "Italian drops the pronoun: the verb 'sei' addresses the reader");
//!
//! let s = polso::score("Thanks, I think you're right about the cache.").signals;
//! assert!(s.politeness > 0.5 && s.hostility < 0.2);
//! ```
//!
//! # How the cues are found
//! The words of the text are folded (lowercase, typographic apostrophes), Italian elisions are
//! split (`un'idiota` → `un'` `idiota`), and the longest phrase of the language's
//! `lexicons/*/civility.tsv` starting at each word wins (so "hai ragione" is politeness, not the
//! second-person verb "hai"). Elongated words are retried collapsed ("idiotaaa", "stuuupid").
//! An insult, slur, threat or dismissal is *targeted* when a second-person word (or, for Italian,
//! a second-person verb form such as "sei", "siete", "hai") or an @mention stands within
//! [`TARGET_BEFORE`] words before it or [`TARGET_AFTER`] after it.
//!
//! # Hostility
//! `hostility = 1 − exp(−raw / 2.5)` with
//! `raw = Σ insult, slur, threat weights + 0.6 Σ profanity + 0.7 Σ dismissive
//!        + 1.5 (if targeted) + 2 · neg + 1.0 · directness + 0.8 · shouting − 0.4 · politeness`,
//! where `neg` is the sentiment engine's share of negative weight.
//! See `docs/METRICS.md` for the reasoning and the measured ROC AUC.

use serde::Serialize;
use std::sync::OnceLock;

use crate::lang::Lang;
use std::borrow::Cow;
use std::collections::HashSet;

use crate::lexicon::vocabulary::{
    fold_words, known as known_word, FoldedWord, Known, STARTS_CIVILITY_PHRASE,
};
use crate::lexicon::{FxBuildHasher, Table, EN_CIVILITY, IT_CIVILITY};
use crate::text::normalize::{collapse_elongation, fold_cow, is_elongated, is_upper};
use crate::text::{count_ascii, find_ascii, reuse_allocation, tokenize, Span, TokenKind};

/// An insult stands this many words after the second-person word that aims it ("you're such a
/// complete idiot": 4).
pub const TARGET_BEFORE: usize = 4;
/// ... or this many words before it ("idiota che non sei altro": 2).
pub const TARGET_AFTER: usize = 2;
/// A comment whose hostility reaches this is counted as hostile in thread metrics.
pub const HOSTILE: f64 = 0.5;

/// The category of a civility cue, as in the `category` column of `civility.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Cue {
    /// Degrading name for a person ("idiot", "cretino").
    Insult,
    /// Coarse language ("fuck", "cazzo").
    Profanity,
    /// A slur against a group.
    Slur,
    /// Harm wished on someone.
    Threat,
    /// Shutting someone down ("shut up", "stai zitto", "ridiculous").
    Dismissive,
    /// Courtesy and agreement ("please", "hai ragione").
    Politeness,
    /// A greeting ("ciao", "hello").
    Greeting,
    /// Thanks.
    Thanks,
    /// An apology.
    Apology,
    /// A hedge that softens a claim ("I think", "secondo me").
    Hedge,
    /// A request or wish ("vorrei", "would be nice").
    Request,
    /// A question opener ("how do I", "qualcuno sa").
    Question,
    /// A complaint ("doesn't work", "non funziona").
    Complaint,
    /// A second-person pronoun ("you", "tu").
    SecondPerson,
    /// An Italian second-person verb form ("sei", "hai").
    SecondPersonVerb,
    /// A word that is shouting in itself.
    Shouting,
}

impl Cue {
    fn parse(category: &str) -> Option<Cue> {
        Some(match category {
            "insult" => Cue::Insult,
            "profanity" => Cue::Profanity,
            "slur" => Cue::Slur,
            "threat" => Cue::Threat,
            "dismissive" => Cue::Dismissive,
            "politeness" => Cue::Politeness,
            "greeting" => Cue::Greeting,
            "thanks" => Cue::Thanks,
            "apology" => Cue::Apology,
            "hedge" => Cue::Hedge,
            "request" => Cue::Request,
            "question" => Cue::Question,
            "complaint" => Cue::Complaint,
            "second_person" => Cue::SecondPerson,
            "second_person_verb" => Cue::SecondPersonVerb,
            "shouting" => Cue::Shouting,
            _ => return None,
        })
    }

    /// The category's name in explanations (JSON and JavaScript): `insult`, `secondPerson`...
    pub fn name(self) -> &'static str {
        match self {
            Cue::Insult => "insult",
            Cue::Profanity => "profanity",
            Cue::Slur => "slur",
            Cue::Threat => "threat",
            Cue::Dismissive => "dismissive",
            Cue::Politeness => "politeness",
            Cue::Greeting => "greeting",
            Cue::Thanks => "thanks",
            Cue::Apology => "apology",
            Cue::Hedge => "hedge",
            Cue::Request => "request",
            Cue::Question => "question",
            Cue::Complaint => "complaint",
            Cue::SecondPerson => "secondPerson",
            Cue::SecondPersonVerb => "secondPersonVerb",
            Cue::Shouting => "shouting",
        }
    }

    /// Whether the cue is abuse that can be aimed at a person.
    pub fn is_abuse(self) -> bool {
        matches!(
            self,
            Cue::Insult | Cue::Slur | Cue::Threat | Cue::Dismissive | Cue::Profanity
        )
    }

    fn is_polite(self) -> bool {
        matches!(
            self,
            Cue::Politeness | Cue::Greeting | Cue::Thanks | Cue::Apology | Cue::Hedge
        )
    }

    fn is_address(self) -> bool {
        matches!(self, Cue::SecondPerson | Cue::SecondPersonVerb)
    }
}

/// One cue found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CueHit {
    /// The lexicon entry that matched (folded, e.g. "stai zitto").
    pub term: String,
    /// Its category.
    pub cue: Cue,
    /// Its weight in the lexicon, 0..4.
    pub weight: f64,
    /// Where it is, in UTF-16 code units.
    pub span: Span,
    /// For abuse: whether a second-person word or a mention aims it at someone.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub targeted: bool,
}

/// The civility signals of one comment. Scores are in [0, 1].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signals {
    /// How hostile the comment reads: abuse, aimed abuse, negativity, shouting, less politeness.
    pub hostility: f64,
    /// An insult, slur or threat is present.
    pub insult: bool,
    /// Abuse is aimed at a person (second person or @mention near it).
    pub targeted: bool,
    /// Coarse language is present.
    pub profanity: bool,
    /// How directly the comment addresses someone (second person, mentions, direct questions).
    pub directness: f64,
    /// Thanks, greetings, apologies, hedges and agreement.
    pub politeness: f64,
    /// Share of the letters written in capitals, plus runs of `!!`.
    pub shouting: f64,
    /// The comment asks something (a `?` or a question opener).
    pub question: bool,
    /// The comment asks for something ("vorrei", "would be nice").
    pub request: bool,
    /// The comment complains ("non funziona", "doesn't work").
    pub complaint: bool,
    /// The cues behind these numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<CueHit>,
}

/// One word of the text as the matcher sees it.
struct Word<'a> {
    key: Cow<'a, str>,
    /// What the vocabulary knows about `key`, when it was looked up already (a whole word).
    known: Option<Known>,
    /// Whether `key` is elongated, when that was read already (a whole word).
    elongated: Option<bool>,
    span: Span,
    mention: bool,
}

fn tables_for(lang: Option<Lang>) -> &'static [&'static Table] {
    static EN: [&Table; 1] = [&EN_CIVILITY];
    static IT: [&Table; 1] = [&IT_CIVILITY];
    static BOTH: [&Table; 2] = [&IT_CIVILITY, &EN_CIVILITY];
    match lang {
        Some(Lang::En) => &EN,
        Some(Lang::It) => &IT,
        None => &BOTH,
    }
}

fn max_words() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| EN_CIVILITY.max_words().max(IT_CIVILITY.max_words()).max(1))
}

/// Whether some cue of several words in `tables` starts with the words of `phrase` and goes on
/// after them: only then is a longer phrase worth building and looking up.
fn continues(tables: &[&'static Table], phrase: &str) -> bool {
    type Prefixes = HashSet<&'static str, FxBuildHasher>;
    static PREFIXES: OnceLock<[Prefixes; 2]> = OnceLock::new();
    let [en, it] = PREFIXES.get_or_init(|| {
        [&EN_CIVILITY, &IT_CIVILITY].map(|table| {
            table
                .rows()
                .flat_map(|(key, _)| crate::lexicon::vocabulary::civility_prefixes(key))
                .collect()
        })
    });
    tables.iter().any(|table| {
        let prefixes = if std::ptr::eq(*table, &EN_CIVILITY) {
            en
        } else if std::ptr::eq(*table, &IT_CIVILITY) {
            it
        } else {
            // not a bundled table: assume it may
            return true;
        };
        prefixes.contains(phrase)
    })
}

/// The category and weight of `key` in the first table that has it.
fn lookup(tables: &[&'static Table], key: &str) -> Option<(&'static str, Cue, f64)> {
    lookup_known(tables, key, None)
}

/// [`lookup`], reading the civility rows from what the vocabulary knows about `key` when the
/// caller has that already (no table lookup then).
#[inline]
fn lookup_known(
    tables: &[&'static Table],
    key: &str,
    known: Option<Known>,
) -> Option<(&'static str, Cue, f64)> {
    // Most words are in no civility table: the vocabulary, which has every civility key, says so
    // from two row numbers.
    if let Some(known) = known {
        if !known.word?.in_civility() {
            return None;
        }
    }
    lookup_rows(tables, key, known)
}

/// [`lookup_known`] past its quick rejection.
fn lookup_rows(
    tables: &[&'static Table],
    key: &str,
    known: Option<Known>,
) -> Option<(&'static str, Cue, f64)> {
    for table in tables {
        let row = match known {
            Some(known) if std::ptr::eq(*table, &EN_CIVILITY) => {
                known.word.and_then(|w| w.en_civility()).map(|e| e.rest)
            }
            Some(known) if std::ptr::eq(*table, &IT_CIVILITY) => {
                known.word.and_then(|w| w.it_civility()).map(|e| e.rest)
            }
            _ => table.row(key),
        };
        if let Some(row) = row {
            // The columns after the key: category, then weight (1 when there is none).
            let (category, rest) = match find_ascii(row, b'\t') {
                Some(at) => (&row[..at], &row[at + 1..]),
                None => (row, ""),
            };
            let weight = match find_ascii(rest, b'\t') {
                Some(at) => &rest[..at],
                None => rest,
            };
            let cue = Cue::parse(category)?;
            let weight = crate::lexicon::parse_thousandths(weight).unwrap_or(1.0);
            return Some((table.source, cue, weight));
        }
    }
    None
}

/// The words are written into `words` and the shape into `shape` (both cleared first).
fn words_into<'a>(
    tokens: &[crate::text::Token<'a>],
    folded: &'a [Option<FoldedWord<'_>>],
    tables: &[&'static Table],
    words: &mut Vec<Word<'a>>,
    shape: &mut Shape,
) {
    words.clear();
    words.reserve(tokens.len() + 4);
    let mut question_at = std::mem::take(&mut shape.question_at);
    question_at.clear();
    *shape = Shape {
        question_at,
        ..Shape::default()
    };
    for (at_token, &token) in tokens.iter().enumerate() {
        match token.kind {
            TokenKind::Word | TokenKind::Hashtag => {
                let raw = match token.kind {
                    TokenKind::Hashtag => token.text.trim_start_matches('#'),
                    _ => token.text,
                };
                // Word tokens come folded already (a hashtag's body is folded here), their case,
                // elongation and letters read.
                let prefolded = folded.get(at_token).and_then(Option::as_ref);
                let letters = match prefolded {
                    Some(word) if raw.len() == token.text.len() => word.letters as usize,
                    _ if raw.is_ascii() => raw.bytes().filter(u8::is_ascii_alphabetic).count(),
                    _ => raw.chars().filter(|c| c.is_alphabetic()).count(),
                };
                shape.letters += letters;
                let upper = match prefolded {
                    Some(word) if raw.len() == token.text.len() => word.upper,
                    _ => is_upper(raw),
                };
                if letters >= 3 && upper {
                    shape.caps_letters += letters;
                }
                let (key, known, elongated, plain) =
                    match prefolded.filter(|_| raw.len() == token.text.len()) {
                        Some(word) => (
                            Cow::Borrowed(word.key.as_ref()),
                            Some(word.known),
                            Some(word.elongated),
                            word.plain,
                        ),
                        None => (fold_cow(raw), None, None, false),
                    };
                // Italian elision: "un'idiota" is "un'" + "idiota", "l'hai" is "l'" + "hai"; English
                // contractions ("you're", "doesn't") stay whole. (A plain word has no apostrophe.)
                match (!plain).then(|| find_ascii(&key, b'\'')).flatten() {
                    Some(at)
                        if at > 0
                            && key.len() - at > 3
                            && lookup_known(tables, &key, known).is_none() =>
                    {
                        let (head, tail) = match &key {
                            Cow::Borrowed(key) => {
                                let (head, tail) = key.split_at(at + 1);
                                (Cow::Borrowed(head), Cow::Borrowed(tail))
                            }
                            Cow::Owned(key) => {
                                let (head, tail) = key.split_at(at + 1);
                                (Cow::Owned(head.to_string()), Cow::Owned(tail.to_string()))
                            }
                        };
                        // Looked up once here, in the vocabulary, which has every civility key:
                        // the matcher then reads their rows and phrase bits without hashing.
                        let (head_known, tail_known) = (known_word(&head), known_word(&tail));
                        words.push(Word {
                            key: head,
                            known: Some(head_known),
                            elongated: None,
                            span: token.span,
                            mention: false,
                        });
                        words.push(Word {
                            key: tail,
                            known: Some(tail_known),
                            elongated: None,
                            span: token.span,
                            mention: false,
                        });
                    }
                    _ => words.push(Word {
                        key,
                        known,
                        elongated,
                        span: token.span,
                        mention: false,
                    }),
                }
            }
            TokenKind::Mention => words.push(Word {
                key: Cow::Borrowed(""),
                known: None,
                elongated: None,
                span: token.span,
                mention: true,
            }),
            TokenKind::Punct => {
                let questions = count_ascii(token.text, b'?');
                if questions > 0 {
                    shape.questions += 1;
                    shape.question_at.push(words.len());
                }
                if count_ascii(token.text, b'!') >= 2 {
                    shape.bang_runs += 1;
                }
            }
            _ => {}
        }
    }
}

#[derive(Default)]
struct Shape {
    letters: usize,
    caps_letters: usize,
    questions: usize,
    bang_runs: usize,
    /// Word index at which each `?` run stands (the question covers the words before it).
    question_at: Vec<usize>,
}

/// The signals of `text`, read with the cues of `lang` (both languages when `None`), given the
/// share of negative weight in the text's sentiment (the engine's `neg`; 0 when unknown).
pub fn detect(text: &str, lang: Option<Lang>, negative_share: f64) -> Signals {
    detect_tokens(&tokenize(text), lang, negative_share)
}

/// [`detect`] over tokens the caller already has.
pub fn detect_tokens(
    tokens: &[crate::text::Token<'_>],
    lang: Option<Lang>,
    negative_share: f64,
) -> Signals {
    detect_folded(tokens, &fold_words(tokens), lang, negative_share)
}

/// [`detect`] over tokens and their words folded and looked up
/// ([`fold_words`]), when the caller has them already.
pub fn detect_folded<'a>(
    tokens: &[crate::text::Token<'a>],
    folded: &[Option<FoldedWord<'a>>],
    lang: Option<Lang>,
    negative_share: f64,
) -> Signals {
    let tables = tables_for(lang);
    let buffers = BUFFERS.with(std::cell::Cell::take);
    let mut words = reuse_allocation(buffers.words);
    let mut shape = buffers.shape;
    words_into(tokens, folded, tables, &mut words, &mut shape);
    let longest = max_words();
    let mut hits = buffers.hits;
    hits.clear();
    let mut i = 0;
    let mut phrase = buffers.phrase;
    while i < words.len() {
        let mut matched = 0;
        if !words[i].mention && !words[i].key.is_empty() {
            let end_max = (i + longest).min(words.len());
            // The longest phrase of the table starting here: extend word by word while some cue
            // goes on with these words (no phrase spans a mention).
            let mut found = None;
            let mut end = i + 1;
            // A whole word's vocabulary bit says whether a cue may begin with it, unhashed.
            let may_begin = match words[i].known {
                Some(known) => known
                    .word
                    .is_some_and(|w| w.phrase_starts & STARTS_CIVILITY_PHRASE != 0),
                None => true,
            };
            if may_begin {
                phrase.clear();
                phrase.push_str(&words[i].key);
            }
            // Whether the phrase so far begins a longer cue in either language (the vocabulary
            // marks every such beginning): `continues` then says whether in these tables.
            let mut may_continue = may_begin;
            while may_continue && end < end_max && !words[end].mention && continues(tables, &phrase)
            {
                phrase.push(' ');
                phrase.push_str(&words[end].key);
                end += 1;
                // One lookup of the phrase in the vocabulary gives both its rows and its bits.
                let known = known_word(&phrase);
                if let Some(hit) = lookup_known(tables, &phrase, Some(known)) {
                    found = Some((end, phrase.clone(), hit));
                }
                may_continue = known
                    .word
                    .is_some_and(|w| w.phrase_starts & STARTS_CIVILITY_PHRASE != 0);
            }
            if found.is_none() {
                let key = &words[i].key;
                let hit = lookup_known(tables, key, words[i].known).or_else(|| {
                    if !words[i].elongated.unwrap_or_else(|| is_elongated(key)) {
                        return None;
                    }
                    collapse_elongation(key, 1)
                        .and_then(|k| lookup(tables, &k))
                        .or_else(|| collapse_elongation(key, 2).and_then(|k| lookup(tables, &k)))
                });
                found = hit.map(|hit| (i + 1, key.to_string(), hit));
            }
            if let Some((end, term, (_, cue, weight))) = found {
                let span = Span {
                    start: words[i].span.start,
                    end: words[end - 1].span.end,
                };
                hits.push((
                    i,
                    CueHit {
                        term,
                        cue,
                        weight,
                        span,
                        targeted: false,
                    },
                ));
                matched = end - i;
            }
        }
        i += matched.max(1);
    }

    // Who is addressed: word positions of second-person cues and mentions.
    let mut address = buffers.address;
    address.clear();
    address.extend(
        hits.iter()
            .filter(|(_, h)| h.cue.is_address())
            .map(|(at, _)| *at),
    );
    address.extend(
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.mention)
            .map(|(at, _)| at),
    );
    let aimed = |at: usize| {
        address
            .iter()
            .any(|&a| (a < at && at - a <= TARGET_BEFORE) || (a > at && a - at <= TARGET_AFTER))
    };

    let mut signals = Signals::default();
    let (mut abuse, mut polite, mut addressed) = (0.0f64, 0.0f64, 0.0f64);
    for (at, hit) in &mut hits {
        match hit.cue {
            Cue::Insult | Cue::Slur | Cue::Threat => {
                signals.insult = true;
                abuse += hit.weight;
            }
            Cue::Profanity => {
                signals.profanity = true;
                abuse += 0.6 * hit.weight;
            }
            Cue::Dismissive => abuse += 0.7 * hit.weight,
            Cue::Question => signals.question = true,
            Cue::Request => signals.request = true,
            Cue::Complaint => signals.complaint = true,
            Cue::SecondPerson | Cue::SecondPersonVerb => addressed += hit.weight,
            Cue::Shouting => {}
            _ if hit.cue.is_polite() => polite += hit.weight,
            _ => {}
        }
        // A threat is aimed at someone by nature ("ti denuncio", "watch your back").
        if hit.cue == Cue::Threat || (hit.cue.is_abuse() && hit.cue != Cue::Profanity && aimed(*at))
        {
            hit.targeted = true;
            signals.targeted = true;
        }
    }
    if shape.questions > 0 {
        signals.question = true;
    }
    // A question with the reader in it ("why do you...?", "ma sei serio?") is direct.
    let direct_questions = shape
        .question_at
        .iter()
        .filter(|&&q| address.iter().any(|&a| a < q && q - a <= 8))
        .count();
    let mentions = words.iter().filter(|w| w.mention).count();
    signals.directness = saturate(
        addressed + 0.5 * mentions as f64 + direct_questions as f64,
        2.0,
    );
    signals.politeness = saturate(polite, 1.5);
    let caps = if shape.letters >= 6 {
        shape.caps_letters as f64 / shape.letters as f64
    } else {
        0.0
    };
    signals.shouting = (caps + 0.2 * shape.bang_runs.min(2) as f64).min(1.0);

    let mut raw = abuse
        + 2.0 * negative_share.clamp(0.0, 1.0)
        + 0.8 * signals.shouting
        + 1.0 * signals.directness
        - 0.4 * signals.politeness;
    if signals.targeted {
        raw += 1.5;
    }
    signals.hostility = saturate(raw.max(0.0), 2.5);
    signals.cues = hits.drain(..).map(|(_, h)| h).collect();
    BUFFERS.with(|buffers| {
        buffers.set(Buffers {
            words: reuse_allocation(words),
            shape,
            hits,
            address,
            phrase,
        })
    });
    signals
}

/// The buffers [`detect_folded`] keeps between texts (a batch scores thousands of them),
/// emptied of the borrowed text after each.
#[derive(Default)]
struct Buffers {
    words: Vec<Word<'static>>,
    shape: Shape,
    hits: Vec<(usize, CueHit)>,
    address: Vec<usize>,
    phrase: String,
}

thread_local! {
    static BUFFERS: std::cell::Cell<Buffers> = Default::default();
}

/// `1 − exp(−x / scale)`: 0 at 0, rising quickly, never reaching 1.
fn saturate(x: f64, scale: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 0.0;
    }
    1.0 - (-x / scale).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> Signals {
        detect(text, Some(Lang::En), 0.0)
    }

    fn it(text: &str) -> Signals {
        detect(text, Some(Lang::It), 0.0)
    }

    #[test]
    fn targeted_insults_in_both_languages() {
        assert!(en("you're an idiot").targeted);
        assert!(en("you idiot").targeted);
        assert!(!en("the idiot who designed this road").targeted);
        assert!(it("sei un idiota").targeted);
        assert!(it("siete ridicoli").targeted);
        assert!(it("Sei un'idiota").targeted);
        assert!(it("@marco cretino").targeted);
        assert!(!it("che idiota il progettista").targeted);
    }

    #[test]
    fn longest_phrase_wins() {
        let s = it("hai ragione, grazie");
        assert!(s.cues.iter().all(|c| c.cue != Cue::SecondPersonVerb));
        assert!(s.politeness > 0.6);
    }

    #[test]
    fn elongated_and_shouted() {
        assert!(it("idiotaaa").insult);
        let s = en("THIS IS COMPLETELY WRONG!!!");
        assert!(s.shouting > 0.9);
    }

    #[test]
    fn needs() {
        assert!(it("sarebbe bello se ci fosse il tema scuro").request);
        assert!(it("l'app non funziona da ieri").complaint);
        assert!(en("It would be nice to export CSV").request);
        assert!(en("Login doesn't work since the update").complaint);
        assert!(en("how do I reset it").question);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for text in ["", "'", "''a", "@", "?!?!", "ü'", "a'b'c'd", "🙂'x"] {
            let _ = detect(text, None, 0.0);
        }
    }
}
