//! # polso
//!
//! *Tenere il polso della community*: keep a finger on a community's pulse.
//!
//! polso scores the sentiment of Italian and English comments with bundled lexicons and rules,
//! and explains every score. It runs natively, as a command-line tool, and in WebAssembly (in the
//! browser, with nothing sent anywhere).
//!
//! ```
//! use polso::{score, Label};
//!
//! let result = polso::score_with("The food was not good, but the staff were AMAZING!!", polso::Options {
//!     explain: true,
//!     ..Default::default()
//! });
//! assert_eq!(result.label, Label::Positive);
//! assert_eq!(result.lang.code(), "en");
//! // every contributing token, with its UTF-16 span and the rules that changed it
//! let amazing = result.tokens.iter().find(|t| t.text == "AMAZING").unwrap();
//! assert!(amazing.rules.contains(&polso::Rule::Caps));
//! ```
//!
//! | module | what it does |
//! |---|---|
//! | [`text`] | tokenizer (words, emoji, emoticons, URLs, mentions, hashtags) with UTF-16 spans |
//! | [`lang`] | Italian / English / other detection |
//! | [`lexicon`] | the embedded lexicons, compiled from `lexicons/*.tsv` at build time, decoded on first use |
//! | [`sentiment`] | VADER's rules over a language profile, with explanations |
//! | [`signals`] | per-comment civility: hostility, insults aimed at someone, politeness, needs |
//! | [`thread`] | thread analytics: shape, responsiveness, people, mood, needs, heat, tension |

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The thread report crosses into JavaScript as JSON; the core package does without it.
#[cfg(any(test, all(target_family = "wasm", feature = "thread")))]
mod json;
pub mod lang;
pub mod lexicon;
pub mod sentiment;
pub mod signals;
mod sort;
pub mod text;
pub mod thread;
#[cfg(target_family = "wasm")]
pub mod wasm;

pub use lang::{DetectedLang, Lang};
pub use sentiment::{score, score_with, Contribution, Label, Options, Rule, Sentiment};
pub use signals::Signals;
pub use thread::{analyze, Comment, Thread, ThreadOptions, ThreadReport};
