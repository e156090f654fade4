//! The JavaScript API: the only module that knows about JavaScript (compiled for wasm only).
//!
//! Public so the wasm-bindgen tests in `tests/wasm_*.rs` can call it from Rust; JavaScript sees
//! it through the generated glue as `score`, `scoreBatch`, `Analyzer` and so on.
//!
//! Calls are coarse, so a page crosses the boundary once per batch, not once per token: score one
//! text, score an array of texts. Results are plain JS objects: a batch without explanations comes
//! back packed in one Float64Array that `www/src/api.js` unpacks, explained results are built as
//! objects here. Their TypeScript types are declared below, next to the code that produces them,
//! and the generated `.d.ts` uses them instead of `any`.
//! Long-lived configuration is a class (`Analyzer`) that JS can `free()`.
//!
//! Input comes from arbitrary JavaScript, so nothing here trusts a type: every argument is read as
//! a `JsValue` and checked, and a wrong one becomes a JS `Error` that names the argument, the
//! field or the array index, and what was expected. Nothing panics.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::sentiment::{Contribution, Label, Options, Sentiment};
use crate::Lang;

#[cfg(feature = "thread")]
mod thread;
#[cfg(feature = "thread")]
pub use thread::{js_analyze_thread, OpenThread};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A language polso has lexicons and rules for. */
export type Lang = "it" | "en";

/** The class of a compound score: `pos` (≥ 0.05), `neg` (≤ −0.05) or `neu`. */
export type Label = "pos" | "neu" | "neg";

/** A rule that changed a token's contribution. */
export type Rule =
  | "negated" | "boosted" | "dampened" | "contrast" | "caps" | "emphasis" | "idiom"
  | "emoji" | "emoticon" | "superlative" | "elongated" | "lemma" | "normalised" | "adjusted"
  | "asked" | "negativityBias";

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

/** A civility cue category. */
export type Cue =
  | "insult" | "profanity" | "slur" | "threat" | "dismissive" | "politeness" | "greeting" | "thanks"
  | "apology" | "hedge" | "request" | "question" | "complaint" | "secondPerson" | "secondPersonVerb"
  | "shouting";

/** One civility cue found in a text. */
export interface CueHit {
  /** The lexicon entry that matched (folded, e.g. "stai zitto"). */
  term: string;
  cue: Cue;
  /** Its weight in the lexicon, 0..4. */
  weight: number;
  /** Where it is, in UTF-16 code units. */
  span: Span;
  /** For abuse: aimed at someone (a second-person word or a mention near it). */
  targeted?: boolean;
}

/** Civility signals of one comment; scores in [0, 1]. */
export interface Signals {
  /** How hostile the comment reads: abuse, aimed abuse, negativity, shouting, less politeness. */
  hostility: number;
  /** An insult, slur or threat is present. */
  insult: boolean;
  /** Abuse is aimed at a person. */
  targeted: boolean;
  /** Coarse language is present. */
  profanity: boolean;
  /** How directly it addresses someone (second person, mentions, direct questions). */
  directness: number;
  /** Thanks, greetings, apologies, hedges and agreement. */
  politeness: number;
  /** Share of letters in capitals, plus runs of `!!`. */
  shouting: number;
  /** It asks something. */
  question: boolean;
  /** It asks for something. */
  request: boolean;
  /** It complains. */
  complaint: boolean;
  /** The cues behind these numbers: present when scored with `explain: true`. */
  cues?: CueHit[];
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
  /** Civility signals: hostility, insults aimed at someone, directness, politeness, shouting. */
  signals: Signals;
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
/// the detector's confidence, and the explanation (`tokens`, `signals.cues`) present exactly when
/// it was asked for. Only explained results come this way (the wrapper unpacks the others from
/// numbers, see [`PACKED_STRIDE`]).
///
/// The objects are built field by field in JavaScript rather than written as JSON and parsed: the
/// core package then carries no float-to-text formatting (about 12 KB of gzip), and the numbers
/// cross as numbers, exactly. The shape matches the `Sentiment` type declared above;
/// `tests/js/batch.test.mjs` holds it equal to the packed path's, text by text.
fn sentiment_to_js(s: &Sentiment, explain: bool) -> JsValue {
    let signals = JsObject::new()
        .number("hostility", s.signals.hostility)
        .boolean("insult", s.signals.insult)
        .boolean("targeted", s.signals.targeted)
        .boolean("profanity", s.signals.profanity)
        .number("directness", s.signals.directness)
        .number("politeness", s.signals.politeness)
        .number("shouting", s.signals.shouting)
        .boolean("question", s.signals.question)
        .boolean("request", s.signals.request)
        .boolean("complaint", s.signals.complaint);
    let signals = if explain {
        signals.value("cues", array(s.signals.cues.iter().map(cue_to_js)))
    } else {
        signals
    };
    let result = JsObject::new()
        .number("compound", s.compound)
        .number("pos", s.pos)
        .number("neu", s.neu)
        .number("neg", s.neg)
        .string("label", s.label.code())
        .string("lang", s.lang.code())
        .number("langConfidence", s.lang.confidence)
        .value("signals", signals.into());
    let result = if explain {
        result.value("tokens", array(s.tokens.iter().map(contribution_to_js)))
    } else {
        result
    };
    result.into()
}

fn span_to_js(span: crate::text::Span) -> JsValue {
    JsObject::new()
        .number("start", span.start.into())
        .number("end", span.end.into())
        .into()
}

fn contribution_to_js(token: &Contribution) -> JsValue {
    let mut object = JsObject::new()
        .string("text", &token.text)
        .value("span", span_to_js(token.span))
        .number("base", token.base)
        .number("valence", token.valence)
        .value(
            "rules",
            array(token.rules.iter().map(|rule| rule.name().into())),
        );
    if let Some(lemma) = &token.lemma {
        object = object.string("lemma", lemma);
    }
    if let Some(form) = &token.form {
        object = object.string("form", form);
    }
    object.string("source", token.source).into()
}

fn cue_to_js(hit: &crate::signals::CueHit) -> JsValue {
    let object = JsObject::new()
        .string("term", &hit.term)
        .string("cue", hit.cue.name())
        .number("weight", hit.weight)
        .value("span", span_to_js(hit.span));
    // As in the CLI's JSON: `targeted` only when true.
    if hit.targeted {
        object.boolean("targeted", true).into()
    } else {
        object.into()
    }
}

fn array(items: impl Iterator<Item = JsValue>) -> JsValue {
    items.collect::<Array>().into()
}

/// A plain JS object under construction.
struct JsObject(Object);

impl JsObject {
    fn new() -> Self {
        JsObject(Object::new())
    }

    fn value(self, key: &str, value: JsValue) -> Self {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value);
        self
    }

    fn number(self, key: &str, value: f64) -> Self {
        self.value(key, JsValue::from_f64(value))
    }

    fn string(self, key: &str, value: &str) -> Self {
        self.value(key, JsValue::from_str(value))
    }

    fn boolean(self, key: &str, value: bool) -> Self {
        self.value(key, JsValue::from_bool(value))
    }
}

impl From<JsObject> for JsValue {
    fn from(object: JsObject) -> JsValue {
        object.0.into()
    }
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

/// The fields of an options bag, named: none for `undefined` or `null`, an error naming the call
/// for anything but a plain object (`example` shows what one looks like).
fn option_fields(
    value: &Option<JsValue>,
    call: &str,
    example: &str,
) -> Result<Vec<(String, JsValue)>, JsError> {
    let value = match value {
        Some(value) if !value.is_undefined() && !value.is_null() => value,
        _ => return Ok(Vec::new()),
    };
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!(
            "polso: {call}: options must be an object like {example}, got {}",
            type_name(value)
        )));
    }
    Ok(Object::keys(value.unchecked_ref::<Object>())
        .iter()
        .map(|key| {
            let field = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
            (key.as_string().unwrap_or_default(), field)
        })
        .collect())
}

/// Reads an options bag (`undefined`, `null` or an object); an unknown key is an error, so a typo
/// ("explian") does not silently change nothing.
fn read_options(value: &Option<JsValue>, call: &str) -> Result<Options, JsError> {
    let mut options = Options::default();
    for (name, field) in option_fields(value, call, r#"{ lang: "it", explain: true }"#)? {
        match name.as_str() {
            "lang" => {
                if !field.is_undefined() {
                    options.lang = read_lang(&field, call)?;
                }
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
                    "polso: {call}: unknown option \"{other}\"; the options are lang and explain"
                )))
            }
        }
    }
    Ok(options)
}

/// Reads a language option: a code, or "auto" (detect).
fn read_lang(field: &JsValue, call: &str) -> Result<Option<Lang>, JsError> {
    let code = field.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "polso: {call}: options.lang must be \"it\", \"en\" or \"auto\", got {}",
            type_name(field)
        ))
    })?;
    if code == "auto" {
        return Ok(None);
    }
    code.parse::<Lang>().map(Some).map_err(|e| {
        JsError::new(&format!(
            "polso: {call}: options.lang: {e} (or \"auto\" to detect)"
        ))
    })
}

fn score_one(text: &str, options: Options) -> JsValue {
    sentiment_to_js(&crate::score_with(text, options), options.explain)
}

fn score_many(texts: &[String], options: Options) -> JsValue {
    array(
        texts
            .iter()
            .map(|text| sentiment_to_js(&crate::score_with(text, options), options.explain)),
    )
}

/// Numbers per text in a packed batch result. `www/src/api.js` (`unpack`) reads the same layout:
/// compound, pos, neu, neg, langConfidence, hostility, directness, politeness, shouting, flags.
/// The flags hold the label (bits 0-1: pos, neu, neg), the language (bits 2-3: und, it, en) and
/// the boolean signals (bit 4 insult, 5 targeted, 6 profanity, 7 question, 8 request,
/// 9 complaint). Small integers are exact in an f64, so one Float64Array carries everything.
pub const PACKED_STRIDE: usize = 10;

/// Appends one result in the packed layout of [`PACKED_STRIDE`].
fn pack_sentiment(s: &Sentiment, out: &mut Vec<f64>) {
    let label = match s.label {
        Label::Positive => 0,
        Label::Neutral => 1,
        Label::Negative => 2,
    };
    let lang = match s.lang.lang {
        None => 0,
        Some(Lang::It) => 1,
        Some(Lang::En) => 2,
    };
    let signals = &s.signals;
    let flags = label
        | lang << 2
        | u32::from(signals.insult) << 4
        | u32::from(signals.targeted) << 5
        | u32::from(signals.profanity) << 6
        | u32::from(signals.question) << 7
        | u32::from(signals.request) << 8
        | u32::from(signals.complaint) << 9;
    out.extend_from_slice(&[
        s.compound,
        s.pos,
        s.neu,
        s.neg,
        s.lang.confidence,
        signals.hostility,
        signals.directness,
        signals.politeness,
        signals.shouting,
        f64::from(flags),
    ]);
}

/// Splits the concatenated texts of a packed batch by their lengths in UTF-16 code units (what
/// JavaScript's `length` counts) and scores each one.
///
/// JavaScript encodes a lone surrogate as U+FFFD, but a text ending in a high surrogate followed
/// by one starting with a low surrogate join into a valid pair, one 4-byte character that
/// straddles the boundary. Each side then gets the U+FFFD it would have had on its own, so a batch
/// scores exactly as its texts one by one. Lengths that run past the end (only a caller other than
/// the wrapper could send them) give empty texts rather than a panic.
fn score_packed(joined: &str, lengths: &[u32], options: Options) -> Vec<f64> {
    let mut out = Vec::with_capacity(lengths.len() * PACKED_STRIDE);
    let mut rest = joined;
    // The low half of a pair split by the previous boundary, replaced by U+FFFD.
    let mut split_pair = false;
    for &length in lengths {
        let length = length as usize;
        let mut units = usize::from(split_pair);
        let mut end = 0;
        let mut straddles = false;
        // Most texts are ASCII, where a byte is a UTF-16 unit: no need to walk the characters.
        let ascii = !split_pair && rest.as_bytes().get(..length).is_some_and(<[u8]>::is_ascii);
        if ascii {
            end = length;
        } else {
            for c in rest.chars() {
                let width = c.len_utf16();
                if units + width > length {
                    straddles = units < length;
                    break;
                }
                units += width;
                end += c.len_utf8();
            }
        }
        let text = &rest[..end];
        let result = if split_pair || straddles {
            let mut owned = String::with_capacity(text.len() + 6);
            if split_pair {
                owned.push(char::REPLACEMENT_CHARACTER);
            }
            owned.push_str(text);
            if straddles {
                owned.push(char::REPLACEMENT_CHARACTER);
            }
            crate::score_with(&owned, options)
        } else {
            crate::score_with(text, options)
        };
        pack_sentiment(&result, &mut out);
        rest = &rest[end..];
        if straddles {
            // Skip the straddling character; its low half opens the next text.
            let width = rest.chars().next().map_or(0, char::len_utf8);
            rest = &rest[width..];
        }
        split_pair = straddles;
    }
    out
}

/// The batch call's fast path, used by the JavaScript wrapper (`www/src/api.js`): the texts come
/// concatenated with their UTF-16 lengths, the results go back as one Float64Array in the layout
/// of [`PACKED_STRIDE`], so a batch crosses the boundary once each way. The explanation does not
/// fit in numbers: the wrapper calls `scoreBatch` for `explain: true`, and this refuses it.
#[wasm_bindgen(js_name = __scorePacked, skip_typescript)]
pub fn js_score_packed(
    joined: &str,
    lengths: &[u32],
    options: Option<JsValue>,
    call: &str,
) -> Result<Vec<f64>, JsError> {
    let options = read_options(&options, call)?;
    if options.explain {
        return Err(JsError::new(&format!(
            "polso: {call}: the packed path cannot explain; call scoreBatch"
        )));
    }
    Ok(score_packed(joined, lengths, options))
}

/// Scores one text, detecting its language unless `options.lang` says which.
#[wasm_bindgen(js_name = score, unchecked_return_type = "Sentiment")]
pub fn js_score(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options, "score")?;
    Ok(score_one(&read_text(&text, "score(text): text")?, options))
}

/// Scores an array of texts in one call: the result has one `Sentiment` per text, in order.
#[wasm_bindgen(js_name = scoreBatch, unchecked_return_type = "Sentiment[]")]
pub fn js_score_batch(
    #[wasm_bindgen(unchecked_param_type = "readonly string[]")] texts: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options, "scoreBatch")?;
    Ok(score_many(&read_texts(&texts, "scoreBatch")?, options))
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
        Ok(score_one(
            &read_text(&text, "Analyzer.score(text): text")?,
            self.options,
        ))
    }

    /// Whether this analyzer explains its scores (the wrapper then takes the rich path).
    #[wasm_bindgen(js_name = __explains, skip_typescript)]
    pub fn explains(&self) -> bool {
        self.options.explain
    }

    /// The packed batch path with this analyzer's options (see [`js_score_packed`]); without an
    /// explanation only.
    #[wasm_bindgen(js_name = __scorePacked, skip_typescript)]
    pub fn score_packed(&self, joined: &str, lengths: &[u32]) -> Vec<f64> {
        let options = Options {
            explain: false,
            ..self.options
        };
        score_packed(joined, lengths, options)
    }

    /// Scores an array of texts in one call.
    #[wasm_bindgen(js_name = scoreBatch, unchecked_return_type = "Sentiment[]")]
    pub fn score_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "readonly string[]")] texts: JsValue,
    ) -> Result<JsValue, JsError> {
        Ok(score_many(
            &read_texts(&texts, "Analyzer.scoreBatch")?,
            self.options,
        ))
    }
}

/// The version of the polso crate this build came from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
