//! English: VADER 3.3.2's lexicon and rule words, with the project's documented adjustments.

use crate::lang::Lang;
use crate::lexicon::vocabulary::{self, Word};
use crate::lexicon::{Table, EN_ADJUSTMENTS, EN_IDIOMS, EN_MODIFIERS, EN_VADER};
use crate::text::normalize::{collapse_elongation, is_elongated};

use super::profile::{lookup_collapsed, Contrast, Lookup, Profile, Traits};
use super::Rule;

/// The English profile.
pub struct English;

impl English {
    fn direct(word: &str) -> Option<Lookup> {
        English::direct_in(vocabulary::word(word))
    }

    /// [`English::direct`] from what the vocabulary holds for the word.
    fn direct_in(facts: Option<&Word>) -> Option<Lookup> {
        let facts = facts?;
        if let Some(valence) = facts.en_adjustments().and_then(|e| e.value) {
            let mut lookup = Lookup::from_table(&EN_ADJUSTMENTS, valence);
            lookup.rules.push(Rule::Adjusted);
            return Some(lookup);
        }
        facts
            .en_vader()
            .and_then(|e| e.value)
            .map(|valence| Lookup::from_table(&EN_VADER, valence))
    }
}

/// Whether `word` is elongated ([`is_elongated`]), asked at most once however many rules ask.
struct Elongation<'w> {
    word: &'w str,
    answer: std::cell::OnceCell<bool>,
}

impl<'w> Elongation<'w> {
    fn of(word: &'w str) -> Elongation<'w> {
        Elongation {
            word,
            answer: std::cell::OnceCell::new(),
        }
    }

    /// The elongation of `word`, known already.
    fn known(word: &'w str, elongated: bool) -> Elongation<'w> {
        Elongation {
            word,
            answer: std::cell::OnceCell::from(elongated),
        }
    }

    fn get(&self) -> bool {
        *self.answer.get_or_init(|| is_elongated(self.word))
    }
}

/// [`Profile::lookup`] from what the vocabulary holds for the word.
fn lookup_in(word: &str, facts: Option<&Word>, elongation: &Elongation) -> Option<Lookup> {
    if let Some(hit) = English::direct_in(facts) {
        return Some(hit);
    }
    // "sooo goood", "coooool": try the word with runs cut to two letters, then to one.
    if !elongation.get() {
        return None;
    }
    lookup_collapsed(word, [2, 1], English::direct)
}

fn traits_in(key: &str, facts: Option<&Word>, elongation: &Elongation) -> Traits {
    Traits {
        in_lexicon: in_lexicon(facts),
        modifier: modifier(key, facts, elongation),
        negator: is_negator(key, facts),
        transparent: false,
        contrast: contrast(facts),
    }
}

// The rule-word answers, from what the vocabulary holds for a word: `Profile`'s methods and
// `traits` both use these, so they cannot disagree.

fn in_lexicon(facts: Option<&Word>) -> bool {
    facts.is_some_and(|w| w.en_vader().is_some() || w.en_adjustments().is_some())
}

fn modifier(phrase: &str, facts: Option<&Word>, elongation: &Elongation) -> Option<f64> {
    facts
        .and_then(|w| w.en_modifiers())
        .and_then(|e| e.value)
        .or_else(|| {
            // "sooo good", "reallyyy"
            if !elongation.get() {
                return None;
            }
            [2, 1].iter().find_map(|&keep| {
                collapse_elongation(phrase, keep).and_then(|w| EN_MODIFIERS.decimal(&w, 0))
            })
        })
}

fn category(facts: Option<&Word>) -> Option<&'static str> {
    facts.and_then(|w| w.en_negators()).map(|e| e.first())
}

fn is_negator(word: &str, facts: Option<&Word>) -> bool {
    category(facts) == Some("negator") || word.as_bytes().windows(3).any(|w| w == b"n't")
}

fn contrast(facts: Option<&Word>) -> Option<Contrast> {
    match category(facts) {
        Some("contrast") => Some(Contrast::Adversative),
        Some("concessive") => Some(Contrast::Concessive),
        _ => None,
    }
}

impl Profile for English {
    fn lang(&self) -> Option<Lang> {
        Some(Lang::En)
    }

    fn lookup(&self, word: &str) -> Option<Lookup> {
        lookup_in(word, vocabulary::word(word), &Elongation::of(word))
    }

    fn lookup_and_traits(&self, key: &str) -> (Option<Lookup>, Traits) {
        self.lookup_and_traits_known(key, vocabulary::word(key))
    }

    fn lookup_and_traits_known(
        &self,
        key: &str,
        facts: Option<&'static Word>,
    ) -> (Option<Lookup>, Traits) {
        let elongation = Elongation::of(key);
        (
            lookup_in(key, facts, &elongation),
            traits_in(key, facts, &elongation),
        )
    }

    fn lookup_and_traits_folded(
        &self,
        key: &str,
        facts: Option<&'static Word>,
        elongated: bool,
    ) -> (Option<Lookup>, Traits) {
        let elongation = Elongation::known(key, elongated);
        (
            lookup_in(key, facts, &elongation),
            traits_in(key, facts, &elongation),
        )
    }

    fn in_lexicon(&self, word: &str) -> bool {
        in_lexicon(vocabulary::word(word))
    }

    fn modifier(&self, phrase: &str) -> Option<f64> {
        modifier(phrase, vocabulary::word(phrase), &Elongation::of(phrase))
    }

    fn is_negator(&self, word: &str) -> bool {
        is_negator(word, vocabulary::word(word))
    }

    fn contrast(&self, phrase: &str) -> Option<Contrast> {
        contrast(vocabulary::word(phrase))
    }

    fn traits(&self, key: &str) -> Traits {
        traits_in(key, vocabulary::word(key), &Elongation::of(key))
    }

    fn idioms(&self) -> &'static Table {
        &EN_IDIOMS
    }
}
