//! English: VADER 3.3.2's lexicon and rule words, with the project's documented adjustments.

use crate::lang::Lang;
use crate::lexicon::{Table, EN_ADJUSTMENTS, EN_IDIOMS, EN_MODIFIERS, EN_NEGATORS, EN_VADER};
use crate::text::normalize::collapse_elongation;

use super::profile::{Contrast, Lookup, Profile};
use super::Rule;

/// The English profile.
pub struct English;

impl English {
    fn direct(word: &str) -> Option<Lookup> {
        if let Some(valence) = EN_ADJUSTMENTS.decimal(word, 0) {
            let mut lookup = Lookup::from_table(&EN_ADJUSTMENTS, valence);
            lookup.rules.push(Rule::Adjusted);
            return Some(lookup);
        }
        EN_VADER
            .decimal(word, 0)
            .map(|valence| Lookup::from_table(&EN_VADER, valence))
    }
}

impl Profile for English {
    fn lang(&self) -> Option<Lang> {
        Some(Lang::En)
    }

    fn lookup(&self, word: &str) -> Option<Lookup> {
        if let Some(hit) = English::direct(word) {
            return Some(hit);
        }
        // "sooo goood", "coooool": try the word with runs cut to two letters, then to one.
        for keep in [2, 1] {
            if let Some(collapsed) = collapse_elongation(word, keep) {
                if let Some(mut hit) = English::direct(&collapsed) {
                    hit.rules.push(Rule::Elongated);
                    return Some(hit);
                }
            }
        }
        None
    }

    fn in_lexicon(&self, word: &str) -> bool {
        EN_VADER.contains(word) || EN_ADJUSTMENTS.contains(word)
    }

    fn modifier(&self, phrase: &str) -> Option<f64> {
        EN_MODIFIERS.decimal(phrase, 0).or_else(|| {
            // "sooo good", "reallyyy"
            [2, 1].iter().find_map(|&keep| {
                collapse_elongation(phrase, keep).and_then(|w| EN_MODIFIERS.decimal(&w, 0))
            })
        })
    }

    fn is_negator(&self, word: &str) -> bool {
        EN_NEGATORS.column(word, 0) == Some("negator") || word.contains("n't")
    }

    fn contrast(&self, phrase: &str) -> Option<Contrast> {
        match EN_NEGATORS.column(phrase, 0) {
            Some("contrast") => Some(Contrast::Adversative),
            Some("concessive") => Some(Contrast::Concessive),
            _ => None,
        }
    }

    fn idioms(&self) -> &'static Table {
        &EN_IDIOMS
    }
}
