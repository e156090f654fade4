//! The JavaScript API of thread analytics: `analyzeThread` and `OpenThread`, with their
//! comment and option readers and their TypeScript types.
//!
//! Compiled only with the `thread` feature. The npm package builds the wasm twice: the core
//! (`polso`: scoring only, which must stay small) without it, and `polso/thread` with it, so a
//! page that only scores texts does not download the thread analytics.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{option_fields, read_lang, type_name};
use crate::thread::{
    CommentInput, Loose, LooseReactions, Reactions, Thread, ThreadOptions, Timestamp,
};

#[wasm_bindgen(typescript_custom_section)]
const THREAD_TYPES: &'static str = r#"
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

"#;

/// Converts a thread report: maps become plain objects and absent values `null`, as in the CLI's
/// JSON.
fn report_to_js(report: &crate::ThreadReport) -> Result<JsValue, JsError> {
    // Written as JSON here and parsed by the engine, so the report crosses the boundary once.
    // Writing numbers, strings and arrays cannot fail; should it ever, the caller gets an `Error`
    // rather than a panic.
    crate::json::to_json(report)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .ok_or_else(|| JsError::new("polso: could not build the thread report"))
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
    for (name, field) in option_fields(value, call, r#"{ slaMinutes: 60, staff: ["mod"] }"#)? {
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
