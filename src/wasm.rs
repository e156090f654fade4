//! The JavaScript API: the only module that knows about JavaScript (compiled for wasm only).
//!
//! Public so the wasm-bindgen tests in `tests/wasm_*.rs` can call it from Rust; JavaScript sees
//! it through the generated glue as `score`, `scoreBatch`, `Analyzer` and so on.
//!
//! Calls are coarse, so a page crosses the boundary once per batch, not once per token: score one
//! text, score an array of texts. Results are plain JS objects built with `serde-wasm-bindgen`
//! from the core's `Serialize` types (camelCase names); their TypeScript types are declared below,
//! next to the code that produces them, and the generated `.d.ts` uses them instead of `any`.
//! Long-lived configuration is a class (`Analyzer`) that JS can `free()`.
//!
//! Input comes from arbitrary JavaScript, so nothing here trusts a type: every argument is read as
//! a `JsValue` and checked, and a wrong one becomes a JS `Error` that names the argument, the
//! field or the array index, and what was expected. Nothing panics.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::sentiment::{Contribution, Label, Options, Sentiment};
use crate::Lang;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A language polso has lexicons and rules for. */
export type Lang = "it" | "en";

/** The class of a compound score: `pos` (≥ 0.05), `neg` (≤ −0.05) or `neu`. */
export type Label = "pos" | "neu" | "neg";

/** A rule that changed a token's contribution. */
export type Rule =
  | "negated" | "boosted" | "dampened" | "contrast" | "caps" | "emphasis" | "idiom"
  | "emoji" | "emoticon" | "superlative" | "elongated" | "lemma" | "normalised" | "adjusted";

/** A half-open range of UTF-16 code units: `text.slice(span.start, span.end)` is the token. */
export interface Span {
  start: number;
  end: number;
}

/** How one token contributed to a score. */
export interface Contribution {
  /** The token as written. */
  text: string;
  /** Where it is in the scored text, in UTF-16 code units (emoji included). */
  span: Span;
  /** Its lexicon valence before any rule (VADER scale, −4..4). */
  base: number;
  /** What it finally added to the sum. */
  valence: number;
  /** The rules that changed it, in the order they applied. */
  rules: Rule[];
  /** The lemma it was found under, when different from the word ("bello" for "bellissime"). */
  lemma?: string;
  /** What the form is ("superlative", "past participle"). */
  form?: string;
  /** The lexicon file the valence came from. */
  source: string;
}

/** The sentiment of one text. */
export interface Sentiment {
  /** Normalised sum of valences, in [−1, 1]. */
  compound: number;
  /** Share of positive weight, in [0, 1]. */
  pos: number;
  /** Share of neutral tokens, in [0, 1]. */
  neu: number;
  /** Share of negative weight, in [0, 1]. */
  neg: number;
  /** The class of `compound`. */
  label: Label;
  /** The language the text was scored as; `"und"` when it is neither Italian nor English. */
  lang: Lang | "und";
  /** How sure the language detector was, in [0, 1]; 1 when the language was given. */
  langConfidence: number;
  /** The contributing tokens: present when scored with `explain: true`. */
  tokens?: Contribution[];
}

/** How to score. */
export interface ScoreOptions {
  /** Score as this language instead of detecting it (`"auto"`, the default, detects). */
  lang?: Lang | "auto";
  /** Add `tokens`, the explanation of the score. Default `false`. */
  explain?: boolean;
}
"#;

/// A result as JS sees it: the core's [`Sentiment`] with the language split into its code and
/// the detector's confidence (the core serialises only the code), and `tokens` present exactly
/// when an explanation was asked for.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsSentiment<'a> {
    compound: f64,
    pos: f64,
    neu: f64,
    neg: f64,
    label: Label,
    lang: &'static str,
    lang_confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Contribution]>,
}

impl<'a> JsSentiment<'a> {
    fn new(s: &'a Sentiment, explain: bool) -> Self {
        JsSentiment {
            compound: s.compound,
            pos: s.pos,
            neu: s.neu,
            neg: s.neg,
            label: s.label,
            lang: s.lang.code(),
            lang_confidence: s.lang.confidence,
            tokens: explain.then_some(s.tokens.as_slice()),
        }
    }
}

/// Converts a result to a plain JS object. Serialising plain numbers, strings and arrays cannot
/// fail; should it ever, the caller gets an `Error` rather than a panic.
fn to_js<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| JsError::new(&format!("polso: could not build the {what} result: {e}")))
}

/// A short name for the type of a JS value, for error messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

use js_sys::{Array, Object, Reflect};

/// Reads a text argument.
fn read_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "polso: {what} must be a string, got {}",
            type_name(value)
        ))
    })
}

/// Reads the `texts` array of a batch call, naming the first element that is not a string.
fn read_texts(value: &JsValue, call: &str) -> Result<Vec<String>, JsError> {
    let array: &Array = value.dyn_ref().ok_or_else(|| {
        JsError::new(&format!(
            "polso: {call}(texts) expects an array of strings, got {}",
            type_name(value)
        ))
    })?;
    let mut texts = Vec::with_capacity(array.length() as usize);
    for (i, item) in array.iter().enumerate() {
        texts.push(read_text(&item, &format!("{call}: texts[{i}]"))?);
    }
    Ok(texts)
}

/// Reads an options bag (`undefined`, `null` or an object); an unknown key is an error, so a typo
/// ("explian") does not silently change nothing.
fn read_options(value: &Option<JsValue>, call: &str) -> Result<Options, JsError> {
    let mut options = Options::default();
    let value = match value {
        Some(value) if !value.is_undefined() && !value.is_null() => value,
        _ => return Ok(options),
    };
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!(
            "polso: {call}: options must be an object like {{ lang: \"it\", explain: true }}, got {}",
            type_name(value)
        )));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let field = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        match name.as_str() {
            "lang" => {
                if field.is_undefined() {
                    continue;
                }
                let code = field.as_string().ok_or_else(|| {
                    JsError::new(&format!(
                        "polso: {call}: options.lang must be \"it\", \"en\" or \"auto\", got {}",
                        type_name(&field)
                    ))
                })?;
                options.lang = if code == "auto" {
                    None
                } else {
                    Some(code.parse::<Lang>().map_err(|e| {
                        JsError::new(&format!(
                            "polso: {call}: options.lang: {e} (or \"auto\" to detect)"
                        ))
                    })?)
                };
            }
            "explain" => {
                if field.is_undefined() {
                    continue;
                }
                options.explain = field.as_bool().ok_or_else(|| {
                    JsError::new(&format!(
                        "polso: {call}: options.explain must be true or false, got {}",
                        type_name(&field)
                    ))
                })?;
            }
            other => {
                return Err(JsError::new(&format!(
                    "polso: {call}: unknown option {other:?}; the options are lang and explain"
                )))
            }
        }
    }
    Ok(options)
}

fn score_one(text: &str, options: Options) -> Result<JsValue, JsError> {
    let result = crate::score_with(text, options);
    to_js(&JsSentiment::new(&result, options.explain), "score")
}

fn score_many(texts: &[String], options: Options) -> Result<JsValue, JsError> {
    let results: Vec<Sentiment> = texts
        .iter()
        .map(|t| crate::score_with(t, options))
        .collect();
    let shaped: Vec<JsSentiment<'_>> = results
        .iter()
        .map(|s| JsSentiment::new(s, options.explain))
        .collect();
    to_js(&shaped, "scoreBatch")
}

/// Scores one text, detecting its language unless `options.lang` says which.
#[wasm_bindgen(js_name = score, unchecked_return_type = "Sentiment")]
pub fn js_score(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options, "score")?;
    score_one(&read_text(&text, "score(text): text")?, options)
}

/// Scores an array of texts in one call: the result has one `Sentiment` per text, in order.
#[wasm_bindgen(js_name = scoreBatch, unchecked_return_type = "Sentiment[]")]
pub fn js_score_batch(
    #[wasm_bindgen(unchecked_param_type = "readonly string[]")] texts: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options, "scoreBatch")?;
    score_many(&read_texts(&texts, "scoreBatch")?, options)
}

/// Scores with fixed options, so a page that scores many texts the same way states them once.
/// Free it with `free()` (or `using`) when done; an unfreed one is reclaimed by the garbage
/// collector where the engine supports it.
#[wasm_bindgen]
pub struct Analyzer {
    options: Options,
}

#[wasm_bindgen]
impl Analyzer {
    /// An analyzer with these options (`lang`, `explain`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<JsValue>,
    ) -> Result<Analyzer, JsError> {
        Ok(Analyzer {
            options: read_options(&options, "new Analyzer")?,
        })
    }

    /// Scores one text.
    #[wasm_bindgen(unchecked_return_type = "Sentiment")]
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        score_one(
            &read_text(&text, "Analyzer.score(text): text")?,
            self.options,
        )
    }

    /// Scores an array of texts in one call.
    #[wasm_bindgen(js_name = scoreBatch, unchecked_return_type = "Sentiment[]")]
    pub fn score_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "readonly string[]")] texts: JsValue,
    ) -> Result<JsValue, JsError> {
        score_many(&read_texts(&texts, "Analyzer.scoreBatch")?, self.options)
    }
}

/// The version of the polso crate this build came from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
