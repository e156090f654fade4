//! The JavaScript API: the only module that knows about JavaScript (compiled for wasm only).
//!
//! Public so the wasm-bindgen tests in `tests/wasm_*.rs` can call it from Rust; JavaScript sees
//! it through the generated glue as `score`, `scoreBatch`, `Analyzer` and so on.
//!
//! Calls are coarse, so a page crosses the boundary once per batch, not once per token: score one
//! text, score an array of texts. Results are plain JS objects, parsed from JSON written by `json`
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
use crate::thread::{
    CommentInput, Loose, LooseReactions, Reactions, Thread, ThreadOptions, Timestamp,
};
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

/** A comment of a thread. Ids may be strings or numbers; `time` is ISO 8601 text or epoch
 * milliseconds; `reactions` a count of approvals or `{up, down}`. Other fields are ignored. */
export interface ThreadComment {
  id: string | number;
  /** The comment it replies to; absent or null for a root. */
  parentId?: string | number | null;
  author?: string | number | null;
  time?: string | number | null;
  text: string;
  reactions?: number | { up?: number; down?: number } | null;
  /** Staff (moderators, the brand) are left out of the people lists. */
  isStaff?: boolean | null;
}

/** How to analyse a thread. */
export interface ThreadOptions {
  /** Score every comment as this language instead of detecting it per comment. */
  lang?: Lang | "auto";
  /** Staff and bot author names, left out of the people lists. */
  staff?: readonly string[];
  /** The response time promised, in minutes: enables the SLA counts. */
  slaMinutes?: number;
  /** Measure at this time (ISO 8601 or epoch ms); default: the latest comment's time. */
  now?: string | number;
  /** Length of a mood bucket in minutes (default 60). */
  bucketMinutes?: number;
  /** Comments in the tension window: the most recent ones (default 30). */
  window?: number;
  /** Length of the people rankings (default 5). */
  top?: number;
  /** Most items in the needs, quiet members and warnings lists (default 50). */
  maxListed?: number;
}

/** Tension bands: calm < 0.25 ≤ warm < 0.5 ≤ hot < 0.75 ≤ overheated. */
export type Band = "calm" | "warm" | "hot" | "overheated";

/** A component of the tension score, and the comments behind it. */
export interface TensionComponent {
  name: "hostility" | "negativity" | "directness" | "backAndForth" | "pileOn" | "velocity" | "shouting" | "disapproval" | "politeness";
  /** In [0, 1]. */
  value: number;
  weight: number;
  /** What it added to the score (negative for politeness). */
  contribution: number;
  /** The comments behind it, strongest first. */
  commentIds: string[];
}

export interface Tension {
  /** In [0, 1]. */
  score: number;
  band: Band;
  /** Comments in the window it was measured over. */
  window: number;
  /** Names of the components that added most, strongest first. */
  top: TensionComponent["name"][];
  components: TensionComponent[];
}

export interface Spread { entropy: number; gini: number; topAuthorShare: number; contributorAbsenceFactor: number }

export interface Shape {
  roots: number; depthMax: number; depthMean: number; breadth: number; reentryRate: number;
  reciprocity: number; mutualPairs: number; directedPairs: number; spread: Spread;
}

export interface Responsiveness {
  firstResponseMinutes: number | null;
  responseMinutesMedian: number | null;
  responseMinutesP90: number | null;
  answered: number; unanswered: number; questions: number; unansweredQuestions: number;
  slaMinutes: number | null; answeredOverSla: number; waitingOverSla: number;
}

export interface PersonCount { author: string; count: number }

export interface QuietMember {
  author: string;
  reason: "leftAfterHostileReply" | "unansweredNewcomer" | "oneTimer";
  /** The comment that shows it. */
  commentId: string;
}

export interface People {
  topByComments: PersonCount[];
  topByRepliesReceived: PersonCount[];
  topByInterlocutors: PersonCount[];
  quiet: QuietMember[];
  quietTotal: number;
  staff: string[];
}

export interface MoodBucket { start: string; comments: number; meanCompound: number; positive: number; negative: number; hostile: number }

export interface CommentScore { id: string; author: string | null; compound: number }

export interface Mood {
  meanCompound: number; netSentiment: number; positive: number; neutral: number; negative: number;
  polarisation: number; bucketMinutes: number; buckets: MoodBucket[];
  mostPositive: CommentScore[]; mostNegative: CommentScore[];
}

export interface Need {
  id: string; author: string | null; time: string | null;
  kinds: ("question" | "request" | "complaint")[];
  answered: boolean; responseMinutes: number | null; overSla: boolean;
}

export interface Needs { questions: number; requests: number; complaints: number; open: number; items: Need[] }

export interface Heat { score: number | null; activity: number; ageHours: number | null; gravity: number; commentsLastHour: number }

/** Something wrong in the input that the analysis worked around; each names the comment. */
export type ThreadWarning =
  | { kind: "missingId"; generated: string }
  | { kind: "duplicateId"; id: string }
  | { kind: "missingParent"; id: string; parentId: string }
  | { kind: "cycle"; ids: string[] }
  | { kind: "missingTime"; id: string }
  | { kind: "invalidTime"; id: string; value: string }
  | { kind: "missingAuthor"; id: string }
  | { kind: "missingText"; id: string }
  | { kind: "tooManyComments"; id: string }
  | { kind: "invalidField"; id: string; field: string; expected: string };

/** Everything polso measures about a thread. Times are ISO 8601 strings. */
export interface ThreadReport {
  comments: number;
  participants: number;
  now: string | null;
  firstTime: string | null;
  lastTime: string | null;
  shape: Shape;
  responsiveness: Responsiveness;
  people: People;
  mood: Mood;
  needs: Needs;
  heat: Heat;
  tension: Tension;
  warnings: ThreadWarning[];
  warningCounts: Partial<Record<ThreadWarning["kind"], number>>;
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
/// the detector's confidence (the core serialises only the code), and the explanation (`tokens`,
/// `signals.cues`) present exactly when it was asked for.
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
    signals: JsSignals<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Contribution]>,
}

/// The core's [`Signals`](crate::Signals), with the cues (the explanation) only when asked for.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsSignals<'a> {
    hostility: f64,
    insult: bool,
    targeted: bool,
    profanity: bool,
    directness: f64,
    politeness: f64,
    shouting: f64,
    question: bool,
    request: bool,
    complaint: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cues: Option<&'a [crate::signals::CueHit]>,
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
            signals: JsSignals {
                hostility: s.signals.hostility,
                insult: s.signals.insult,
                targeted: s.signals.targeted,
                profanity: s.signals.profanity,
                directness: s.signals.directness,
                politeness: s.signals.politeness,
                shouting: s.signals.shouting,
                question: s.signals.question,
                request: s.signals.request,
                complaint: s.signals.complaint,
                cues: explain.then_some(s.signals.cues.as_slice()),
            },
            tokens: explain.then_some(s.tokens.as_slice()),
        }
    }
}

use crate::json;

/// Converts a result to plain JS objects: written as JSON here and parsed by the engine, so the
/// whole result crosses the boundary once (see [`json`]). Writing numbers, strings and arrays
/// cannot fail; should it ever, the caller gets an `Error` rather than a panic.
fn to_js<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<JsValue, JsError> {
    json::to_json(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .ok_or_else(|| JsError::new(&format!("polso: could not build the {what}")))
}

/// Converts a thread report: maps become plain objects and absent values `null`, as in the CLI's
/// JSON.
fn report_to_js(report: &crate::ThreadReport) -> Result<JsValue, JsError> {
    to_js(report, "thread report")
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
                    "polso: {call}: unknown option {other:?}; the options are lang and explain"
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

/// Reads a non-negative number option.
fn read_number(field: &JsValue, call: &str, name: &str) -> Result<f64, JsError> {
    match field.as_f64() {
        Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(JsError::new(&format!(
            "polso: {call}: options.{name} must be a non-negative number, got {}",
            if field.as_f64().is_some() {
                format!("{:?}", field.as_f64().unwrap_or_default())
            } else {
                type_name(field)
            }
        ))),
    }
}

/// Reads a whole-number option of at least 1.
fn read_count(field: &JsValue, call: &str, name: &str) -> Result<usize, JsError> {
    let x = read_number(field, call, name)?;
    if x < 1.0 || x.fract() != 0.0 {
        return Err(JsError::new(&format!(
            "polso: {call}: options.{name} must be a whole number of at least 1, got {x}"
        )));
    }
    Ok(x.min(1e9) as usize)
}

/// Reads the options of a thread analysis; an unknown key is an error.
fn read_thread_options(value: &Option<JsValue>, call: &str) -> Result<ThreadOptions, JsError> {
    let mut options = ThreadOptions::default();
    let value = match value {
        Some(value) if !value.is_undefined() && !value.is_null() => value,
        _ => return Ok(options),
    };
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!(
            "polso: {call}: options must be an object like {{ slaMinutes: 60, staff: [\"mod\"] }}, got {}",
            type_name(value)
        )));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let field = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        if field.is_undefined() {
            continue;
        }
        match name.as_str() {
            "lang" => options.lang = read_lang(&field, call)?,
            "staff" => {
                let list: &Array = field.dyn_ref().ok_or_else(|| {
                    JsError::new(&format!(
                        "polso: {call}: options.staff must be an array of author names, got {}",
                        type_name(&field)
                    ))
                })?;
                for (i, item) in list.iter().enumerate() {
                    options.staff.push(item.as_string().ok_or_else(|| {
                        JsError::new(&format!(
                            "polso: {call}: options.staff[{i}] must be a string, got {}",
                            type_name(&item)
                        ))
                    })?);
                }
            }
            "slaMinutes" => options.sla_minutes = Some(read_number(&field, call, "slaMinutes")?),
            "now" => {
                options.now = Some(if let Some(ms) = field.as_f64() {
                    Timestamp::from_millis(ms as i64)
                } else if let Some(text) = field.as_string() {
                    Timestamp::parse(&text)
                        .map_err(|e| JsError::new(&format!("polso: {call}: options.now: {e}")))?
                } else {
                    return Err(JsError::new(&format!(
                        "polso: {call}: options.now must be an ISO 8601 string or epoch milliseconds, got {}",
                        type_name(&field)
                    )));
                })
            }
            "bucketMinutes" => {
                options.bucket_minutes =
                    read_count(&field, call, "bucketMinutes")?.min(u32::MAX as usize) as u32
            }
            "window" => options.window = read_count(&field, call, "window")?,
            "top" => options.top = read_count(&field, call, "top")?,
            "maxListed" => options.max_listed = read_count(&field, call, "maxListed")?,
            other => {
                return Err(JsError::new(&format!(
                    "polso: {call}: unknown option {other:?}; the options are lang, staff, \
                     slaMinutes, now, bucketMinutes, window, top and maxListed"
                )))
            }
        }
    }
    Ok(options)
}

/// Reads one comment, naming its position and id when a field has the wrong type.
fn read_comment(item: &JsValue, index: usize, call: &str) -> Result<CommentInput, JsError> {
    if !item.is_object() || Array::is_array(item) {
        return Err(JsError::new(&format!(
            "polso: {call}: comments[{index}] must be an object like {{ id, parentId, author, time, text }}, got {}",
            type_name(item)
        )));
    }
    let id = Reflect::get(item, &JsValue::from_str("id"))
        .ok()
        .filter(|id| id.is_string() || id.as_f64().is_some())
        .map(|id| {
            id.as_string()
                .map(|s| format!(" (id {s:?})"))
                .unwrap_or_else(|| format!(" (id {})", id.as_f64().unwrap_or_default()))
        })
        .unwrap_or_default();
    let text = Reflect::get(item, &JsValue::from_str("text")).unwrap_or(JsValue::UNDEFINED);
    if !(text.is_undefined() || text.is_null() || text.is_string()) {
        return Err(JsError::new(&format!(
            "polso: {call}: comments[{index}]{id}: text must be a string, got {}",
            type_name(&text)
        )));
    }
    comment_from_js(item).map_err(|e| {
        JsError::new(&format!(
            "polso: {call}: comments[{index}]{id}: {e} (expected id and parentId as strings or \
             numbers, time as ISO 8601 or epoch milliseconds, reactions as a number or {{up, down}})"
        ))
    })
}

/// The fields of a comment and the names each may go by (the CLI's JSON accepts the same).
const COMMENT_FIELDS: [(&str, &[&str]); 7] = [
    ("id", &["id"]),
    ("parentId", &["parent", "parentId", "parent_id"]),
    ("author", &["author", "user", "username"]),
    ("time", &["created_at", "time", "timestamp", "ts"]),
    ("text", &["body", "text"]),
    ("reactions", &["reactions"]),
    ("isStaff", &["isStaff", "is_staff"]),
];

/// Reads a comment object as the core's [`CommentInput`], by hand rather than through serde so
/// the wasm carries no deserializer. It accepts what the CLI's JSON reading accepts: a field under
/// any of its names (two names for one field is an error), `null` or `undefined` for an absent
/// value, ids and times as strings or numbers (safe integers as integers), reactions as a
/// whole-number count, `{up, down}` or `[up, down]`; other fields are ignored.
fn comment_from_js(item: &JsValue) -> Result<CommentInput, String> {
    let mut input = CommentInput::default();
    for (field, names) in COMMENT_FIELDS {
        let mut present = names
            .iter()
            .map(|name| JsValue::from_str(name))
            .filter(|key| Reflect::has(item, key).unwrap_or(false));
        let Some(key) = present.next() else {
            continue;
        };
        if present.next().is_some() {
            return Err(format!("{field} is given twice, under two of its names"));
        }
        let value = Reflect::get(item, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let wrong =
            |expected: &str| format!("{field} must be {expected}, got {}", type_name(&value));
        match field {
            "text" => input.text = Some(value.as_string().ok_or_else(|| wrong("a string"))?),
            "isStaff" => {
                input.is_staff = Some(value.as_bool().ok_or_else(|| wrong("true or false"))?)
            }
            "reactions" => {
                input.reactions = Some(
                    loose_reactions(&value).ok_or_else(|| wrong("a whole number or {up, down}"))?,
                )
            }
            _ => {
                let loose = loose(&value).ok_or_else(|| wrong("a string or a number"))?;
                match field {
                    "id" => input.id = Some(loose),
                    "parentId" => input.parent_id = Some(loose),
                    "author" => input.author = Some(loose),
                    _ => input.time = Some(loose),
                }
            }
        }
    }
    Ok(input)
}

/// A string, number or boolean as [`Loose`]; numbers that are safe integers become integers.
fn loose(value: &JsValue) -> Option<Loose> {
    if let Some(text) = value.as_string() {
        Some(Loose::Text(text))
    } else if let Some(flag) = value.as_bool() {
        Some(Loose::Bool(flag))
    } else if let Some(number) = value.as_f64() {
        Some(match safe_integer(number) {
            Some(integer) => Loose::Integer(integer),
            None => Loose::Float(number),
        })
    } else if value.is_bigint() {
        match i64::try_from(value.clone()) {
            Ok(integer) => Some(Loose::Integer(integer)),
            Err(big) => u64::try_from(big).ok().map(|n| Loose::Float(n as f64)),
        }
    } else {
        None
    }
}

/// The value as an integer when it is one JavaScript represents exactly (`Number.isSafeInteger`).
fn safe_integer(number: f64) -> Option<i64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    (number.fract() == 0.0 && number.abs() <= MAX_SAFE).then_some(number as i64)
}

/// Reactions as a count, `{up, down}` (each optional, other keys ignored) or `[up, down]`.
fn loose_reactions(value: &JsValue) -> Option<LooseReactions> {
    let count = |v: &JsValue| v.as_f64().and_then(safe_integer);
    let up_down = |v: &JsValue| count(v).and_then(|n| u32::try_from(n).ok());
    if value.as_f64().is_some() {
        return count(value).map(LooseReactions::Count);
    }
    if let Some(pair) = value.dyn_ref::<Array>() {
        return match pair.length() {
            2 => Some(LooseReactions::UpDown(Reactions {
                up: up_down(&pair.get(0))?,
                down: up_down(&pair.get(1))?,
            })),
            _ => None,
        };
    }
    if !value.is_object() {
        return None;
    }
    let mut reactions = Reactions::default();
    for (name, slot) in [("up", &mut reactions.up), ("down", &mut reactions.down)] {
        let key = JsValue::from_str(name);
        if Reflect::has(value, &key).unwrap_or(false) {
            *slot = up_down(&Reflect::get(value, &key).ok()?)?;
        }
    }
    Some(LooseReactions::UpDown(reactions))
}

/// Reads an array of comments (or one comment object, for `OpenThread.add`).
fn read_comments(value: &JsValue, call: &str, single: bool) -> Result<Vec<CommentInput>, JsError> {
    if let Some(array) = value.dyn_ref::<Array>() {
        return array
            .iter()
            .enumerate()
            .map(|(i, item)| read_comment(&item, i, call))
            .collect();
    }
    if single && value.is_object() {
        return Ok(vec![read_comment(value, 0, call)?]);
    }
    Err(JsError::new(&format!(
        "polso: {call}(comments) expects an array of comments, got {}",
        type_name(value)
    )))
}

fn score_one(text: &str, options: Options) -> Result<JsValue, JsError> {
    let result = crate::score_with(text, options);
    to_js(&JsSentiment::new(&result, options.explain), "score result")
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
    to_js(&shaped, "scoreBatch result")
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
        let mut units = usize::from(split_pair);
        let mut end = 0;
        let mut straddles = false;
        for c in rest.chars() {
            let width = c.len_utf16();
            if units + width > length as usize {
                straddles = units < length as usize;
                break;
            }
            units += width;
            end += c.len_utf8();
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
        score_many(&read_texts(&texts, "Analyzer.scoreBatch")?, self.options)
    }
}

/// Analyses a whole thread at once: shape, responsiveness, people, mood, needs, heat and tension.
/// Holes in the input (a missing parent, a bad time) become `warnings` in the report; a value of
/// the wrong type is an `Error` naming the comment.
#[wasm_bindgen(js_name = analyzeThread, unchecked_return_type = "ThreadReport")]
pub fn js_analyze_thread(
    #[wasm_bindgen(unchecked_param_type = "readonly ThreadComment[]")] comments: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ThreadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_thread_options(&options, "analyzeThread")?;
    let inputs = read_comments(&comments, "analyzeThread", false)?;
    let mut thread = Thread::new(options);
    for input in inputs {
        // A duplicate id is refused and recorded in the report's warnings.
        let _ = thread.add_input(input);
    }
    report_to_js(&thread.report())
}

/// A thread that stays open: add comments as they arrive (in any order: a reply may come before
/// its parent) and ask for the report at any time. Texts are scored once, when added. Free it
/// with `free()` (or `using`) when the thread is closed.
#[wasm_bindgen]
pub struct OpenThread {
    thread: Thread,
}

#[wasm_bindgen]
impl OpenThread {
    /// An empty thread with these options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ThreadOptions")] options: Option<JsValue>,
    ) -> Result<OpenThread, JsError> {
        Ok(OpenThread {
            thread: Thread::new(read_thread_options(&options, "new OpenThread")?),
        })
    }

    /// Adds comments (an array, or one comment); returns how many were accepted (a comment whose
    /// id is already in the thread is refused and listed in the report's warnings). All comments
    /// are checked before any is added, so a bad one leaves the thread unchanged.
    pub fn add(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly ThreadComment[] | ThreadComment")]
        comments: JsValue,
    ) -> Result<u32, JsError> {
        let inputs = read_comments(&comments, "OpenThread.add", true)?;
        let mut accepted = 0;
        for input in inputs {
            if self.thread.add_input(input).is_ok() {
                accepted += 1;
            }
        }
        Ok(accepted)
    }

    /// The report on the thread as it is now.
    #[wasm_bindgen(unchecked_return_type = "ThreadReport")]
    pub fn report(&self) -> Result<JsValue, JsError> {
        report_to_js(&self.thread.report())
    }

    /// Comments in the thread.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.thread.len() as u32
    }
}

/// The version of the polso crate this build came from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
