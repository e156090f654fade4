//! Italian: the project's lemma lexicon expanded to inflected forms before lookup, the CLiPS
//! Pattern lexicon, idioms, and the rules Italian needs beyond VADER's.
//!
//! What differs from English, and why:
//! - **Elision** splits a written word into the units the rules see: `l'ho` is `l'` + `ho`,
//!   `dell'anno` is `dell'` + `anno`.
//! - **Spelling** is normalised before lookup: chat abbreviations (`nn`, `cmq`, `xké`), accents typed
//!   as apostrophes (`perche'`, `e'`, `piu'`), laughter (`ahahah`).
//! - **Morphology** is resolved by lookup, not by stemming: every inflected form was generated from
//!   its lemma before any lookup (`bellissime` ← `bello`, superlative). Enclitic pronouns are the one
//!   thing split at run time, from a closed list and only onto a verb stem the morphology generated
//!   (`piacermi` → `piacer` + `mi`), so `amare` never merges with `amaro`.
//! - **Negation** has negative concord: `non … mai`, `non … niente`, `né … né` are one negation, not
//!   two that cancel out; clitics and auxiliaries between `non` and the word do not use up the
//!   scope (`non mi è piaciuto`); a negative-polarity word after the negated word (`per niente`,
//!   `affatto`) makes the negation stronger instead of flipping it back.
//! - **Negation ends at the clause**: a comma, dash or bracket closes the scope of `non`
//!   ("non lo so, bravissimi"); `più`, `affatto` and `granché` only reinforce a negation before
//!   them and never negate alone ("il partito più violento").
//! - **Negativity bias**: negative contributions weigh 1.5 times as much as positive ones, as in
//!   SO-CAL; Italian comments use positive words loosely (greetings, politeness, fillers).
//!   Explanations name it on each negative token ([`Rule::NegativityBias`]).
//! - **Questions** ask, they do not assert: positive words in a sentence that ends with `?` count
//!   for nothing ("è bello?"); negative ones still complain ("che schifo è?"). Explanations keep
//!   the asked words, with valence 0 and [`Rule::Asked`].
//! - **Intensifying prefixes** `stra-`, `super-`, `iper-` boost the word they prefix (`strabello`).

use crate::lang::Lang;
use std::borrow::Cow;

use crate::lexicon::vocabulary::{self, Word};
use crate::lexicon::{
    Table, IT_FORMS, IT_IDIOMS, IT_MODIFIERS, IT_NEGATORS, IT_NORMALISE, IT_PATTERN, IT_WORDS,
};
use crate::text::normalize::{is_elongated, is_laughter};

use super::profile::{lookup_collapsed, Contrast, Lookup, Profile, Traits};
use super::Rule;

/// The Italian profile.
pub struct Italian;

/// Enclitic pronouns, longest first, that may follow an infinitive, gerund or imperative.
const ENCLITICS: &[&str] = &[
    "gliele", "glieli", "gliela", "glielo", "gliene", "mele", "meli", "mela", "melo", "mene",
    "tele", "teli", "tela", "telo", "tene", "cele", "celi", "cela", "celo", "cene", "vele", "veli",
    "vela", "velo", "vene", "sele", "seli", "sela", "selo", "sene", "gli", "mi", "ti", "ci", "vi",
    "si", "lo", "la", "li", "le", "ne",
];

/// The enclitic pronouns grouped by their last two letters ("lo": "glielo", "melo"... "lo"),
/// each group longest first as in [`ENCLITICS`]: a word is compared only with the pronouns that
/// end as it does (asked of every Italian word without a valence).
fn clitics_by_ending() -> &'static [([u8; 2], Vec<&'static str>)] {
    static GROUPS: std::sync::OnceLock<Vec<([u8; 2], Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<([u8; 2], Vec<&'static str>)> = Vec::new();
        for clitic in ENCLITICS {
            let [.., a, b] = *clitic.as_bytes() else {
                continue;
            };
            match groups.iter_mut().find(|(ending, _)| *ending == [a, b]) {
                Some((_, group)) => group.push(clitic),
                None => groups.push(([a, b], vec![clitic])),
            }
        }
        groups
    })
}

/// Intensifiers that follow the word: "mi piace un sacco", "bello da morire", "ci è piaciuto
/// tantissimo".
const POST_MODIFIERS: &[&str] = &[
    "tantissimo",
    "moltissimo",
    "un sacco",
    "da morire",
    "da matti",
    "da pazzi",
    "di brutto",
    "assai",
    "un casino",
    "un mondo",
    "alla follia",
    "tanto",
    "molto",
    "parecchio",
];

/// The longest of [`POST_MODIFIERS`], in words.
const POST_MODIFIER_WORDS: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < POST_MODIFIERS.len() {
        let bytes = POST_MODIFIERS[i].as_bytes();
        let mut words = 1;
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] == b' ' {
                words += 1;
            }
            at += 1;
        }
        if words > longest {
            longest = words;
        }
        i += 1;
    }
    longest
};

/// Prefixes that intensify the word they are glued to.
const INTENSIFYING_PREFIXES: &[&str] = &["stra", "super", "iper", "arci", "ultra"];

/// [`Profile::lookup`] from what the vocabulary holds for the word.
/// (`elongated`: whether `word` is elongated, when the caller knows.)
fn lookup_in(word: &str, facts: Option<&Word>, elongated: Option<bool>) -> Option<Lookup> {
    if let Some(hit) = Italian::with_elongation_in(word, facts, elongated) {
        return Some(hit);
    }
    // Enclitics on a verb stem: "piacermi", "odiarlo", "godendoselo", "dimmelo". (Most words
    // end in none of the pronouns' last two letters, and skip the list.)
    let clitics = match *word.as_bytes() {
        [.., a, b] => clitics_by_ending()
            .iter()
            .find(|(ending, _)| *ending == [a, b])
            .map_or(&[][..], |(_, group)| group.as_slice()),
        _ => &[],
    };
    for clitic in clitics {
        if let Some(stem) = word.strip_suffix(clitic) {
            if stem.chars().count() >= 3 {
                if let Some(mut hit) = form_lookup(stem, is_clitic_host) {
                    hit.form = Some("verb with enclitic pronoun");
                    return Some(hit);
                }
            }
        }
    }
    // Intensifying prefixes: "strabello", "superfigo", "iperveloce".
    // (compared byte by byte only with the prefixes that begin with the word's first letter)
    let first = word.as_bytes().first();
    for prefix in INTENSIFYING_PREFIXES
        .iter()
        .filter(|prefix| prefix.as_bytes().first() == first)
    {
        if let Some(rest) = word.strip_prefix(prefix) {
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            if rest.chars().count() >= 3 {
                if let Some(mut hit) = Italian::with_elongation(rest) {
                    hit.valence = (hit.valence
                        + super::engine::BOOSTER_INCREMENT.copysign(hit.valence))
                    .clamp(-4.0, 4.0);
                    hit.rules.push(Rule::Boosted);
                    return Some(hit);
                }
            }
        }
    }
    None
}

fn traits_in(facts: Option<&Word>) -> Traits {
    let category = category(facts);
    Traits {
        in_lexicon: in_lexicon(facts),
        modifier: facts.and_then(|w| w.it_modifiers()).and_then(|e| e.value),
        negator: is_negator(category),
        transparent: is_transparent(category),
        contrast: contrast(category),
    }
}

// The rule-word answers, from what the vocabulary holds for a word: `Profile`'s methods and
// `traits` both use these, so they cannot disagree.

fn in_lexicon(facts: Option<&Word>) -> bool {
    let Some(w) = facts else {
        return false;
    };
    // A word listed as a modifier or negator acts as one even if a sentiment lexicon also
    // has it (Pattern scores "molto" and "proprio").
    if w.it_modifiers().is_some() || w.it_negators().is_some() {
        return false;
    }
    w.it_words().is_some() || w.it_forms().is_some() || w.it_pattern().is_some()
}

/// The word's category in `negators.tsv`.
fn category(facts: Option<&Word>) -> Option<&'static str> {
    facts.and_then(|w| w.it_negators()).map(|e| e.first())
}

fn is_negator(category: Option<&str>) -> bool {
    matches!(category, Some("negator" | "npi"))
}

fn is_transparent(category: Option<&str>) -> bool {
    category == Some("clitic_or_aux")
}

fn contrast(category: Option<&str>) -> Option<Contrast> {
    match category {
        Some("contrast") => Some(Contrast::Adversative),
        Some("concessive") => Some(Contrast::Concessive),
        _ => None,
    }
}

/// Forms the morphology generated as stems for enclitics ("odiar" for "odiarlo").
fn is_clitic_host(tag: &str) -> bool {
    matches!(tag, "infinitive (clitic)" | "gerund" | "imperative")
}

impl Italian {
    /// A hit in the project's words, the generated forms, or Pattern, in that order of trust.
    fn direct(word: &str) -> Option<Lookup> {
        Italian::direct_in(vocabulary::word(word))
    }

    /// [`Italian::direct`] from what the vocabulary holds for the word.
    fn direct_in(facts: Option<&Word>) -> Option<Lookup> {
        let facts = facts?;
        if let Some(valence) = facts.it_words().and_then(|e| e.value) {
            let mut hit = Lookup::from_table(&IT_WORDS, valence);
            // The project's word list overrides a generated form's valence, but the form still
            // says what it is ("schifosa" ← "schifoso").
            if let Some(form) = form_lookup_in(Some(facts), |_| true) {
                hit.lemma = form.lemma;
                hit.form = form.form;
                hit.rules = form.rules;
            }
            return Some(hit);
        }
        if let Some(hit) = form_lookup_in(Some(facts), |_| true) {
            return Some(hit);
        }
        facts
            .it_pattern()
            .and_then(|e| e.value)
            .map(|valence| Lookup::from_table(&IT_PATTERN, valence))
    }

    fn with_elongation(word: &str) -> Option<Lookup> {
        Italian::with_elongation_in(word, vocabulary::word(word), None)
    }

    fn with_elongation_in(
        word: &str,
        facts: Option<&Word>,
        elongated: Option<bool>,
    ) -> Option<Lookup> {
        if let Some(hit) = Italian::direct_in(facts) {
            return Some(hit);
        }
        if !elongated.unwrap_or_else(|| is_elongated(word)) {
            return None;
        }
        lookup_collapsed(word, [1, 2], Italian::direct)
    }
}

/// Looks `word` up among the generated inflected forms, if `accept` takes its tag.
fn form_lookup(word: &str, accept: impl Fn(&str) -> bool) -> Option<Lookup> {
    form_lookup_in(vocabulary::word(word), accept)
}

/// [`form_lookup`] from what the vocabulary holds for the word.
fn form_lookup_in(facts: Option<&Word>, accept: impl Fn(&str) -> bool) -> Option<Lookup> {
    let row = facts?.it_forms()?.rest;
    let mut columns = row.split('\t');
    let valence = crate::lexicon::parse_thousandths(columns.next()?)?;
    let lemma = columns.next()?;
    let tag = columns.next()?;
    if !accept(tag) {
        return None;
    }
    let mut hit = Lookup::from_table(&IT_FORMS, valence);
    if tag != "lemma" {
        hit.lemma = Some(lemma);
        hit.form = Some(tag);
        hit.rules.push(Rule::Lemma);
    }
    Some(hit)
}

/// Turns an accent typed as an apostrophe into the accent: `perche'` → `perché`, `e'` → `è`,
/// `piu'` → `più`. `po'` (poco) keeps its apostrophe: it is an elision, not an accent.
fn accent_from_apostrophe(word: &str) -> Option<String> {
    let stem = word.strip_suffix('\'')?;
    if stem == "po" || stem.is_empty() {
        return None;
    }
    let vowel = stem.chars().next_back()?;
    let accented = match vowel {
        // -ché (perché, poiché, benché, finché, purché, affinché) and né
        'e' if stem.ends_with("che") || stem == "ne" => 'é',
        'a' => 'à',
        'e' => 'è',
        'i' => 'ì',
        'o' => 'ò',
        'u' => 'ù',
        _ => return None,
    };
    let mut out = String::with_capacity(stem.len() + 1);
    out.push_str(&stem[..stem.len() - vowel.len_utf8()]);
    out.push(accented);
    Some(out)
}

impl Profile for Italian {
    fn lang(&self) -> Option<Lang> {
        Some(Lang::It)
    }

    fn split(&self, word: &str) -> Option<usize> {
        // Elision: split after the first apostrophe when a word follows it ("l'ho", "dell'anno",
        // "c'è", "un'amica"); a final apostrophe is an accent or "po'", and stays.
        if let Some(position) = crate::text::find_ascii(word, b'\'') {
            let head = &word[..position];
            let tail = &word[position + 1..];
            let elidable = !head.is_empty()
                && head.chars().count() <= 6
                && head.chars().all(char::is_alphabetic);
            if elidable && tail.chars().next().is_some_and(char::is_alphabetic) {
                return Some(position + 1);
            }
        }
        None
    }

    fn normalise<'k>(&self, unit: Cow<'k, str>) -> (Cow<'k, str>, bool) {
        let facts = vocabulary::word(&unit);
        self.normalise_known(unit, facts)
    }

    fn normalise_known<'k>(
        &self,
        unit: Cow<'k, str>,
        facts: Option<&'static Word>,
    ) -> (Cow<'k, str>, bool) {
        if let Some(to) = facts.and_then(|w| w.it_normalise()).map(|e| e.first()) {
            return (Cow::Borrowed(to), true);
        }
        if let Some(accented) = accent_from_apostrophe(&unit) {
            let accented = IT_NORMALISE
                .column(&accented, 0)
                .map_or(Cow::Owned(accented), Cow::Borrowed);
            return (accented, true);
        }
        if is_laughter(&unit) {
            let changed = unit != "ahah";
            return (Cow::Borrowed("ahah"), changed);
        }
        (unit, false)
    }

    fn lookup(&self, word: &str) -> Option<Lookup> {
        lookup_in(word, vocabulary::word(word), None)
    }

    fn lookup_and_traits(&self, key: &str) -> (Option<Lookup>, Traits) {
        let facts = vocabulary::word(key);
        (lookup_in(key, facts, None), traits_in(facts))
    }

    fn lookup_and_traits_known(
        &self,
        key: &str,
        facts: Option<&'static Word>,
    ) -> (Option<Lookup>, Traits) {
        (lookup_in(key, facts, None), traits_in(facts))
    }

    fn lookup_and_traits_folded(
        &self,
        key: &str,
        facts: Option<&'static Word>,
        elongated: bool,
    ) -> (Option<Lookup>, Traits) {
        (lookup_in(key, facts, Some(elongated)), traits_in(facts))
    }

    fn in_lexicon(&self, word: &str) -> bool {
        in_lexicon(vocabulary::word(word))
    }

    fn traits(&self, key: &str) -> Traits {
        traits_in(vocabulary::word(key))
    }

    fn blocks_negation(&self, negator: &str, following: &[&str]) -> bool {
        // "niente di così bello", "nulla di più bello", "niente di meglio": a comparison, which
        // "non ho mai visto ..." turns into praise of the thing seen, not a negation of it.
        let comparative = |w: &&str| {
            matches!(
                *w,
                "così" | "più" | "tanto" | "meglio" | "peggio" | "migliore" | "peggiore"
            )
        };
        (negator == "mai" && following.iter().any(comparative))
            || matches!(negator, "niente" | "nulla" | "nessuno" | "nessuna")
                && following.first() == Some(&"di")
                && following.iter().any(comparative)
    }

    fn modifier(&self, phrase: &str) -> Option<f64> {
        IT_MODIFIERS.decimal(phrase, 0)
    }

    fn is_negator(&self, word: &str) -> bool {
        is_negator(category(vocabulary::word(word)))
    }

    fn is_transparent(&self, word: &str) -> bool {
        is_transparent(category(vocabulary::word(word)))
    }

    fn post_modifier(&self, phrase: &str) -> Option<f64> {
        POST_MODIFIERS
            .contains(&phrase)
            .then_some(super::engine::BOOSTER_INCREMENT)
    }

    fn max_post_modifier_words(&self) -> usize {
        POST_MODIFIER_WORDS
    }

    fn negative_concord(&self) -> bool {
        true
    }

    fn is_reinforcing_npi(&self, phrase: &str) -> bool {
        matches!(IT_NEGATORS.column(phrase, 0), Some("npi" | "npi_after"))
    }

    fn contrast(&self, phrase: &str) -> Option<Contrast> {
        contrast(IT_NEGATORS.column(phrase, 0))
    }

    fn asked_weight(&self, valence: f64) -> f64 {
        // A question asks about a quality, it does not assert it: "è bello?", "ha fatto bene?",
        // "dov'è la dignità?", "riusciranno a salvare l'euro?". In comments such questions are
        // neutral requests or rhetorical challenges, rarely praise, so positive words in them
        // count for nothing. Negative words keep their weight: a question that names a fault
        // ("ma non vi vergognate?", "che schifo è questo?") is a complaint. (The weight, 0, was
        // checked on the SENTIPOLC development tweets: +0.007 macro-F1, FEEL-IT unchanged.)
        if valence > 0.0 {
            0.0
        } else {
            1.0
        }
    }

    fn weighs_questions(&self) -> bool {
        true
    }

    fn negation_ends_at_clause(&self) -> bool {
        // "Non" negates its own clause: in "non lo so, estremo coraggio" or "non ci sono più,
        // bravi tutti" the words after the comma are not negated.
        true
    }

    fn negative_weight(&self) -> f64 {
        // Negativity bias: negative words are rarer than positive ones and weigh more when they
        // occur, while positive words are used loosely (politeness, greetings, "bene" as a
        // filler). SO-CAL (Taboada et al. 2011, "Lexicon-Based Methods for Sentiment Analysis",
        // Computational Linguistics 37:2) raises every negative expression by 50%; the same
        // published value is used here, not one tuned on our data. (It adds about +0.009
        // macro-F1 on the SENTIPOLC development tweets and +0.02 accuracy on FEEL-IT.) English
        // keeps VADER's symmetric scale, which was calibrated on English ratings.
        1.5
    }

    fn max_contrast_words(&self) -> usize {
        2
    }

    fn idioms(&self) -> &'static Table {
        &IT_IDIOMS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_typed_as_apostrophes() {
        assert_eq!(accent_from_apostrophe("perche'").as_deref(), Some("perché"));
        assert_eq!(accent_from_apostrophe("e'").as_deref(), Some("è"));
        assert_eq!(accent_from_apostrophe("piu'").as_deref(), Some("più"));
        assert_eq!(accent_from_apostrophe("citta'").as_deref(), Some("città"));
        assert_eq!(accent_from_apostrophe("po'"), None);
        assert_eq!(accent_from_apostrophe("bello"), None);
    }

    #[test]
    fn every_enclitic_passes_the_ending_filter() {
        for clitic in ENCLITICS {
            assert!(clitic.is_ascii() && clitic.len() >= 2, "{clitic}");
            let bytes = clitic.as_bytes();
            let ending = [bytes[bytes.len() - 2], bytes[bytes.len() - 1]];
            let group = clitics_by_ending().iter().find(|(e, _)| *e == ending);
            assert!(group.is_some_and(|(_, group)| group.contains(clitic)));
        }
        let hit = Italian
            .lookup("odiarlo")
            .expect("odiarlo is odiare with lo");
        assert_eq!(hit.form, Some("verb with enclitic pronoun"));
    }

    #[test]
    fn elision_splits_after_the_apostrophe() {
        let split = |w: &str| match Italian.split(w) {
            Some(at) => vec![w[..at].to_string(), w[at..].to_string()],
            None => vec![w.to_string()],
        };
        assert_eq!(split("l'ho"), ["l'", "ho"]);
        assert_eq!(split("dell'anno"), ["dell'", "anno"]);
        assert_eq!(split("c'è"), ["c'", "è"]);
        assert_eq!(split("po'"), ["po'"]);
        assert_eq!(split("perche'"), ["perche'"]);
    }
}
