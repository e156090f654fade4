//! Sentiment scoring: VADER's rules, made language-aware, with an explanation for every score.
//!
//! The engine ([`engine`]) implements the rules of VADER 3.3.2 (Hutto & Gilbert, 2014) once, over a
//! [`Profile`](profile::Profile) that supplies a language's lexicon and rule words. English uses
//! VADER's own lexicon and constants ([`english`]); Italian plugs in as data and rules of its own.
//!
//! ```
//! let good = polso::score("The book was good.");
//! let very_good = polso::score("The book was VERY good!!!");
//! assert_eq!(good.label, polso::Label::Positive);
//! assert!(very_good.compound > good.compound);
//! assert!(polso::score("The book was not good.").compound < 0.0);
//! ```

pub mod engine;
pub mod english;
pub mod italian;
pub mod profile;

use serde::Serialize;

use crate::lang::{DetectedLang, Lang};
use crate::text::Span;

/// Compound scores at or above this are [`Label::Positive`] (VADER's published threshold).
pub const POSITIVE_THRESHOLD: f64 = 0.05;
/// Compound scores at or below this are [`Label::Negative`].
pub const NEGATIVE_THRESHOLD: f64 = -0.05;

/// The sentiment class of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Label {
    /// `compound >= 0.05`
    #[serde(rename = "pos")]
    Positive,
    /// `-0.05 < compound < 0.05`
    #[serde(rename = "neu")]
    Neutral,
    /// `compound <= -0.05`
    #[serde(rename = "neg")]
    Negative,
}

impl Label {
    /// The label of a compound score.
    pub fn from_compound(compound: f64) -> Label {
        if compound >= POSITIVE_THRESHOLD {
            Label::Positive
        } else if compound <= NEGATIVE_THRESHOLD {
            Label::Negative
        } else {
            Label::Neutral
        }
    }

    /// The short code used in JSON: `pos`, `neu`, `neg`.
    pub fn code(self) -> &'static str {
        match self {
            Label::Positive => "pos",
            Label::Neutral => "neu",
            Label::Negative => "neg",
        }
    }
}

/// A rule that changed a token's contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// Inside the scope of a negator: flipped and weakened (× −0.74).
    Negated,
    /// Intensified by a booster before it ("very", "molto").
    Boosted,
    /// Weakened by a dampener before it ("kind of", "un po'").
    Dampened,
    /// Weighted by a contrast word ("but", "ma"): less before it, more after it.
    Contrast,
    /// Written in capitals in otherwise mixed-case text.
    Caps,
    /// Exclamation or question marks that amplify the whole text.
    Emphasis,
    /// Part of a multi-word expression with a valence of its own.
    Idiom,
    /// An emoji.
    Emoji,
    /// A text emoticon.
    Emoticon,
    /// An Italian -issimo superlative, which also intensifies.
    Superlative,
    /// Found after collapsing elongated letters ("bellooo").
    Elongated,
    /// Found as an inflected form of a lemma ("bellissime" from "bello").
    Lemma,
    /// Spelling normalised before lookup ("perche'", "xké", "nn").
    Normalised,
    /// A project adjustment of an upstream lexicon value.
    Adjusted,
    /// In a sentence that ends with a question mark, where the language counts the word for
    /// less or nothing (Italian: positive words count for nothing, "è bello?" asks, it does not
    /// praise). A word weighed to nothing is still listed, with valence 0.
    Asked,
    /// A negative contribution weighed more because the language weighs negative words more
    /// than positive ones (Italian: × 1.5, as SO-CAL does).
    NegativityBias,
}

impl Rule {
    /// The rule's name in explanations (JSON and JavaScript): `negated`, `negativityBias`...
    pub fn name(self) -> &'static str {
        match self {
            Rule::Negated => "negated",
            Rule::Boosted => "boosted",
            Rule::Dampened => "dampened",
            Rule::Contrast => "contrast",
            Rule::Caps => "caps",
            Rule::Emphasis => "emphasis",
            Rule::Idiom => "idiom",
            Rule::Emoji => "emoji",
            Rule::Emoticon => "emoticon",
            Rule::Superlative => "superlative",
            Rule::Elongated => "elongated",
            Rule::Lemma => "lemma",
            Rule::Normalised => "normalised",
            Rule::Adjusted => "adjusted",
            Rule::Asked => "asked",
            Rule::NegativityBias => "negativityBias",
        }
    }
}

/// How one token contributed to the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    /// The token as written.
    pub text: String,
    /// Its position in UTF-16 code units (`text.slice(start, end)` in JavaScript).
    pub span: Span,
    /// The lexicon valence before any rule (VADER scale, −4..4).
    pub base: f64,
    /// What it finally added to the sum.
    pub valence: f64,
    /// The rules that changed it, in the order they applied.
    pub rules: Vec<Rule>,
    /// The lemma it was found under, when different from the word ("bello" for "bellissime").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    /// What the form is ("superlative", "past participle").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The lexicon file the valence came from.
    pub source: &'static str,
}

/// The sentiment of one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentiment {
    /// Normalised sum of valences, in [−1, 1].
    pub compound: f64,
    /// Share of positive weight, in [0, 1].
    pub pos: f64,
    /// Share of neutral tokens, in [0, 1].
    pub neu: f64,
    /// Share of negative weight, in [0, 1].
    pub neg: f64,
    /// The class of `compound` (±0.05 thresholds).
    pub label: Label,
    /// The language the text was scored as, and how sure the detector was.
    pub lang: DetectedLang,
    /// The tokens that contributed, when an explanation was asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Contribution>,
    /// Civility signals: hostility, insults aimed at someone, directness, politeness, shouting,
    /// questions, requests and complaints.
    pub signals: crate::signals::Signals,
}

/// How to score.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Options {
    /// Score as this language instead of detecting it.
    pub lang: Option<Lang>,
    /// Collect the explanation (the contributing tokens and their rules).
    pub explain: bool,
}

/// Scores `text`, detecting its language, without an explanation.
pub fn score(text: &str) -> Sentiment {
    score_with(text, Options::default())
}

/// Scores `text` with explicit options.
pub fn score_with(text: &str, options: Options) -> Sentiment {
    // One tokenization serves language detection, scoring and the civility signals.
    // Each word is folded and looked up in the vocabulary once for all three, too.
    // The token and word buffers are kept between calls (a batch scores thousands of texts),
    // emptied of the borrowed text after each.
    thread_local! {
        static BUFFERS: std::cell::Cell<Buffers> = Default::default();
    }
    #[derive(Default)]
    struct Buffers {
        tokens: Vec<crate::text::Token<'static>>,
        words: Vec<Option<crate::lexicon::vocabulary::FoldedWord<'static>>>,
    }
    BUFFERS.with(|buffers| {
        let Buffers { tokens, words } = buffers.take();
        let mut tokens = crate::text::reuse_allocation(tokens);
        crate::text::tokenize_into(text, &mut tokens);
        let mut words = crate::text::reuse_allocation(words);
        crate::lexicon::vocabulary::fold_words_into(&tokens, &mut words);
        let lang = match options.lang {
            Some(lang) => DetectedLang::given(lang),
            None => crate::lang::detect_folded(&words),
        };
        let mut result = engine::score_folded(text, &tokens, &words, lang, options.explain);
        result.signals =
            crate::signals::detect_folded(&tokens, &words, result.lang.lang, result.neg);
        buffers.set(Buffers {
            tokens: crate::text::reuse_allocation(tokens),
            words: crate::text::reuse_allocation(words),
        });
        result
    })
}
