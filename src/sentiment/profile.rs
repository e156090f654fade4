//! What the engine needs to know about a language: its lexicon and its rule words.

use std::borrow::Cow;

use crate::lang::Lang;
use crate::lexicon::vocabulary::Word;
use crate::lexicon::{Table, EMOJI, EMOTICONS};
use crate::text::TokenKind;

use super::Rule;

/// A lexicon hit for one word.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// Valence on VADER's −4..4 scale.
    pub valence: f64,
    /// The lexicon file it came from.
    pub source: &'static str,
    /// The lemma, when the word was found as an inflected form of it.
    pub lemma: Option<&'static str>,
    /// What the form is ("superlative", "plural").
    pub form: Option<&'static str>,
    /// Rules the lookup itself applied (normalisation, elongation, adjustment, superlative).
    pub rules: Rules,
}

/// The rules one lookup applied, in the order it applied them, each once. Held inline: every
/// Italian lemma hit notes a rule, and a `Vec` would allocate for each of them on the path that
/// asks for no explanation at all.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Room for every rule there is (14), so that noting distinct rules can never run out.
    rules: [Rule; 16],
    len: u8,
}

impl Rules {
    /// No rules.
    pub const fn new() -> Rules {
        Rules {
            rules: [Rule::Negated; 16],
            len: 0,
        }
    }

    /// The rules, in order.
    pub fn as_slice(&self) -> &[Rule] {
        &self.rules[..usize::from(self.len)]
    }

    /// Notes `rule` after the others (nothing if it is already noted: the explanation lists
    /// each rule once).
    pub fn push(&mut self, rule: Rule) {
        self.insert(usize::from(self.len), rule);
    }

    /// Notes `rule` at position `at` (clamped to the end), unless it is already noted.
    pub fn insert(&mut self, at: usize, rule: Rule) {
        let len = usize::from(self.len);
        if len == self.rules.len() || self.as_slice().contains(&rule) {
            return;
        }
        let at = at.min(len);
        self.rules.copy_within(at..len, at + 1);
        self.rules[at] = rule;
        self.len += 1;
    }

    /// Whether no rule is noted.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Default for Rules {
    fn default() -> Rules {
        Rules::new()
    }
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'r> IntoIterator for &'r Rules {
    type Item = &'r Rule;
    type IntoIter = std::slice::Iter<'r, Rule>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl Lookup {
    /// A plain hit in `table`.
    pub fn from_table(table: &Table, valence: f64) -> Lookup {
        Lookup {
            valence,
            source: table.source,
            lemma: None,
            form: None,
            rules: Rules::new(),
        }
    }
}

/// What a unit is as a rule word: [`Profile::in_lexicon`], [`Profile::modifier`],
/// [`Profile::is_negator`], [`Profile::is_transparent`] and [`Profile::contrast`] of its key.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[allow(missing_docs)] // each field is the answer of the method of the same name
pub struct Traits {
    pub in_lexicon: bool,
    pub modifier: Option<f64>,
    pub negator: bool,
    pub transparent: bool,
    pub contrast: Option<Contrast>,
}

/// How a contrast word weights the text around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Contrast {
    /// "but", "ma": what follows dominates (× 0.5 before, × 1.5 after).
    Adversative,
    /// "although", "anche se": the clause it introduces weighs less than the main clause.
    Concessive,
}

/// One language's lexicon and rule words.
pub trait Profile {
    /// The language, `None` for the language-independent fallback (emoji and emoticons only).
    fn lang(&self) -> Option<Lang>;

    /// Where a folded word splits into the two units the rules see, as a byte offset of `word`
    /// (Italian elision: `l'ho` → `l'`, `ho` at 2). The default keeps the word whole (`None`).
    fn split(&self, _word: &str) -> Option<usize> {
        None
    }

    /// Spelling normalisation of a folded unit before any lookup ("perche'" → "perché"), and
    /// whether it changed anything. The unit comes back as it was when there is nothing to do.
    fn normalise<'k>(&self, unit: Cow<'k, str>) -> (Cow<'k, str>, bool) {
        (unit, false)
    }

    /// [`Profile::normalise`] of a unit whose vocabulary entry the caller already has (`facts`,
    /// `None` when no table has the unit); a profile overrides it to skip its own lookup.
    fn normalise_known<'k>(
        &self,
        unit: Cow<'k, str>,
        _facts: Option<&'static Word>,
    ) -> (Cow<'k, str>, bool) {
        self.normalise(unit)
    }

    /// The rule-word facts of a unit, which the engine asks about every unit near a sentiment
    /// word: computed once per unit. They must equal what the single methods answer (a test checks
    /// every lexicon key); a profile overrides this only to answer from one lookup.
    fn traits(&self, key: &str) -> Traits {
        Traits {
            in_lexicon: self.in_lexicon(key),
            modifier: self.modifier(key),
            negator: self.is_negator(key),
            transparent: self.is_transparent(key),
            contrast: self.contrast(key),
        }
    }

    /// The valence of a word, if the lexicon has it.
    fn lookup(&self, word: &str) -> Option<Lookup>;

    /// [`Profile::lookup`] and [`Profile::traits`] of one key together (a profile overrides it
    /// to look the key up once for both).
    fn lookup_and_traits(&self, key: &str) -> (Option<Lookup>, Traits) {
        (self.lookup(key), self.traits(key))
    }

    /// [`Profile::lookup_and_traits`] of a key whose vocabulary entry the caller already has
    /// (`facts`, `None` when no table has the key); a profile overrides it to skip the lookup.
    fn lookup_and_traits_known(
        &self,
        key: &str,
        _facts: Option<&'static Word>,
    ) -> (Option<Lookup>, Traits) {
        self.lookup_and_traits(key)
    }

    /// [`Profile::lookup_and_traits_known`] of a key whose elongation ([`is_elongated`]) the
    /// caller knows too, read while folding (a profile overrides it to skip asking again).
    ///
    /// [`is_elongated`]: crate::text::normalize::is_elongated
    fn lookup_and_traits_folded(
        &self,
        key: &str,
        facts: Option<&'static Word>,
        _elongated: bool,
    ) -> (Option<Lookup>, Traits) {
        self.lookup_and_traits_known(key, facts)
    }

    /// Whether the word is in the lexicon at all (VADER lets only words outside the lexicon act as
    /// modifiers and negators).
    fn in_lexicon(&self, word: &str) -> bool;

    /// The booster (positive) or dampener (negative) scalar of a word or phrase.
    fn modifier(&self, phrase: &str) -> Option<f64>;

    /// Whether the word negates what follows it.
    fn is_negator(&self, word: &str) -> bool;

    /// Whether the word may stand between a negator and what it negates without counting towards
    /// the three-word scope (Italian clitics and auxiliaries: "non **mi è** piaciuto").
    fn is_transparent(&self, _word: &str) -> bool {
        false
    }

    /// Whether several negators in one scope make one negation (Italian "non … mai", "non …
    /// niente") instead of cancelling out as in English ("not un-good").
    fn negative_concord(&self) -> bool {
        false
    }

    /// Whether a word or phrase after a negated word reinforces the negation ("per niente",
    /// "affatto" in "non mi piace per niente").
    fn is_reinforcing_npi(&self, _phrase: &str) -> bool {
        false
    }

    /// Whether the words after a negator, up to and including the word it would negate, turn
    /// the construction into something else (a comparison, an idiom). None do by default.
    fn blocks_negation(&self, _negator: &str, _following: &[&str]) -> bool {
        false
    }

    /// The scalar of a modifier that follows its word ("un sacco", "da morire"). None by default.
    fn post_modifier(&self, _phrase: &str) -> Option<f64> {
        None
    }

    /// The longest phrase [`Profile::post_modifier`] knows, in words (0: it knows none).
    fn max_post_modifier_words(&self) -> usize {
        0
    }

    /// The weight of a word of valence `valence` in a sentence that ends with a question mark.
    /// VADER counts it as asserted (1.0, the default).
    fn asked_weight(&self, _valence: f64) -> f64 {
        1.0
    }

    /// Whether [`Profile::asked_weight`] may be other than 1.0 (when not, questions are not
    /// looked for).
    fn weighs_questions(&self) -> bool {
        false
    }

    /// The weight of every negative contribution, after negation and modifiers. VADER treats the
    /// two polarities alike (1.0, the default).
    fn negative_weight(&self) -> f64 {
        1.0
    }

    /// Whether a negator's scope ends at a comma, dash or bracket. VADER's does not (the default).
    fn negation_ends_at_clause(&self) -> bool {
        false
    }

    /// Whether and how the word is a contrast marker.
    fn contrast(&self, phrase: &str) -> Option<Contrast>;

    /// Multi-word expressions with a valence of their own.
    fn idioms(&self) -> &'static Table;

    /// The longest contrast phrase, in words.
    fn max_contrast_words(&self) -> usize {
        1
    }
}

/// The lookup of an elongated word ("sooo goood", "bellooo") under its collapsed spellings: runs
/// cut to `keeps[0]` letters first, then to `keeps[1]`; the first spelling `direct` knows wins,
/// noted [`Rule::Elongated`].
pub(crate) fn lookup_collapsed(
    word: &str,
    keeps: [usize; 2],
    direct: impl Fn(&str) -> Option<Lookup>,
) -> Option<Lookup> {
    keeps.into_iter().find_map(|keep| {
        let mut hit = direct(&crate::text::normalize::collapse_elongation(word, keep)?)?;
        hit.rules.push(Rule::Elongated);
        Some(hit)
    })
}

/// Looks up an emoji in the project's table: VS16 and skin tones are stripped, and a ZWJ sequence
/// absent from the table is scored as its first component (👍🏽 as 👍, 👨‍💻 as 👨).
pub fn emoji_lookup(emoji: &str) -> Option<Lookup> {
    let decoration =
        |c: char| c == '\u{FE0F}' || c == '\u{FE0E}' || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c);
    // Most emoji carry no decoration: looked up as written, without a copy.
    let base: Cow<str> = if emoji.contains(decoration) {
        Cow::Owned(emoji.chars().filter(|&c| !decoration(c)).collect())
    } else {
        Cow::Borrowed(emoji)
    };
    let valence = EMOJI.decimal(&base, 0).or_else(|| {
        base.split('\u{200D}')
            .next()
            .and_then(|first| EMOJI.decimal(first, 0))
    })?;
    let mut lookup = Lookup::from_table(&EMOJI, valence);
    lookup.rules.push(Rule::Emoji);
    Some(lookup)
}

/// Looks up an emoticon (case-insensitive; a repeated mouth, `:)))`, counts as one).
pub fn emoticon_lookup(emoticon: &str) -> Option<Lookup> {
    let lower = if emoticon.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(emoticon.to_ascii_lowercase())
    } else {
        Cow::Borrowed(emoticon)
    };
    let mut key = lower.as_ref();
    loop {
        if let Some(valence) = EMOTICONS.decimal(key, 0) {
            let mut lookup = Lookup::from_table(&EMOTICONS, valence);
            lookup.rules.push(Rule::Emoticon);
            return Some(lookup);
        }
        let bytes = key.as_bytes();
        let n = bytes.len();
        if n > 2 && bytes[n - 1] == bytes[n - 2] {
            key = &key[..n - 1];
        } else {
            return None;
        }
    }
}

/// Lookup shared by every language for tokens that are not words.
pub fn symbol_lookup(kind: TokenKind, text: &str) -> Option<Lookup> {
    match kind {
        TokenKind::Emoji => emoji_lookup(text),
        TokenKind::Emoticon => emoticon_lookup(text),
        _ => None,
    }
}

/// The profile for text in neither language: only emoji and emoticons carry sentiment.
pub struct SymbolsOnly;

impl Profile for SymbolsOnly {
    fn lang(&self) -> Option<Lang> {
        None
    }
    fn lookup(&self, _word: &str) -> Option<Lookup> {
        None
    }
    fn in_lexicon(&self, _word: &str) -> bool {
        false
    }
    fn modifier(&self, _phrase: &str) -> Option<f64> {
        None
    }
    fn is_negator(&self, _word: &str) -> bool {
        false
    }
    fn contrast(&self, _phrase: &str) -> Option<Contrast> {
        None
    }
    fn idioms(&self) -> &'static Table {
        static EMPTY: Table = Table::new("none", "");
        &EMPTY
    }
}
