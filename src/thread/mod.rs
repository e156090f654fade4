//! Thread analytics: shape, responsiveness, people, mood over time, needs, heat and tension.
//!
//! A [`Thread`] is open: comments are [added](Thread::add) as they arrive, in any order (a reply
//! may come before its parent), and [`Thread::report`] describes the thread at any moment.
//! [`analyze`] does both at once for a closed thread.
//!
//! ```
//! use polso::thread::{analyze, Comment, ThreadOptions, Timestamp, Band};
//!
//! let t = |s: &str| Timestamp::parse(s).unwrap();
//! let comments = vec![
//!     Comment::new("1", None, "anna", "Come faccio a esportare i dati in CSV?").at(t("2024-05-01T10:00Z")),
//!     Comment::new("2", Some("1"), "marco", "Ciao! Da Impostazioni > Esporta. Spero sia utile").at(t("2024-05-01T10:12Z")),
//!     Comment::new("3", Some("2"), "anna", "Grazie mille, funziona!").at(t("2024-05-01T10:20Z")),
//! ];
//! let report = analyze(comments, &ThreadOptions::default());
//! assert_eq!(report.responsiveness.first_response_minutes, Some(12.0));
//! assert_eq!(report.tension.band, Band::Calm);
//! assert_eq!(report.needs.questions, 1);
//! ```
//!
//! # Cost
//! Adding a comment scores its text once and updates every aggregate the report reads, in
//! amortised O(log n) (a union-find with path compression keeps depths exact when a parent
//! arrives after its replies; the response-time median and p90 are cursors on an ordered set;
//! the participation spread comes from a count histogram; rankings, quiet members, needs, SLA
//! counts and warnings are kept sorted as they change), so an open thread never re-reads its
//! texts or rescans its comments. [`Thread::report`] then costs what it lists: the top people,
//! at most `max_listed` needs, quiet members and warnings, one entry per mood bucket, and the
//! tension window. Nothing is recursive, so a 100,000-deep reply chain is fine.
//! `cargo run --release --example thread_scaling` prints the per-add and per-report cost at
//! 1,000, 10,000 and 100,000 comments.
//!
//! Formulas and sources: `docs/METRICS.md`.

mod input;
mod order;
mod report;
pub mod stats;
mod time;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use order::QuantileSet;
use stats::CountSpread;

use crate::sort;

pub use input::{Comment, CommentInput, Loose, LooseReactions, Reactions, Warning};
pub use report::{
    summarize, Band, CommentScore, Heat, Mood, MoodBucket, Need, NeedKind, Needs, People,
    PersonCount, QuietMember, QuietReason, Responsiveness, Shape, Spread, Tension,
    TensionComponent, ThreadReport, ThreadsSummary,
};
pub use time::{TimeError, Timestamp};

use serde::Deserialize;

use crate::lang::Lang;
use crate::signals::HOSTILE;

/// How to analyse a thread.
///
/// Also read from JSON with camelCase names, every field optional, unknown names refused:
///
/// ```
/// use polso::thread::ThreadOptions;
/// let options: ThreadOptions =
///     serde_json::from_str(r#"{"slaMinutes": 60, "staff": ["mod"], "now": "2024-05-01T12:00Z"}"#)
///         .unwrap();
/// assert_eq!(options.sla_minutes, Some(60.0));
/// assert_eq!(options.bucket_minutes, 60); // the default
/// let error = serde_json::from_str::<ThreadOptions>(r#"{"sla": 60}"#).unwrap_err();
/// assert!(error.to_string().contains("unknown field `sla`"));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ThreadOptions {
    /// Score every comment as this language instead of detecting it per comment.
    #[serde(deserialize_with = "options::lang")]
    pub lang: Option<Lang>,
    /// Staff and bot author names: left out of the people lists.
    pub staff: Vec<String>,
    /// The response time promised, in minutes; enables the SLA counts.
    #[serde(deserialize_with = "options::minutes")]
    pub sla_minutes: Option<f64>,
    /// The time to measure at (default: the latest comment's time).
    pub now: Option<Timestamp>,
    /// Length of a mood bucket in minutes (default 60).
    #[serde(deserialize_with = "options::at_least_one")]
    pub bucket_minutes: u32,
    /// Comments in the tension window: the most recent ones (default 30).
    #[serde(deserialize_with = "options::at_least_one")]
    pub window: usize,
    /// Length of the people rankings (default 5).
    pub top: usize,
    /// Most items in the needs, quiet members and warnings lists (default 50).
    pub max_listed: usize,
}

/// Checks on the options read from JSON, with errors that say what was expected.
mod options {
    use serde::de::{Deserialize, Deserializer, Error};

    use crate::lang::Lang;

    pub fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(code) => code
                .parse()
                .map(Some)
                .map_err(|e| D::Error::custom(format!("lang: {e}"))),
        }
    }

    pub fn minutes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        match Option::<f64>::deserialize(d)? {
            Some(m) if !m.is_finite() || m < 0.0 => Err(D::Error::custom(format!(
                "slaMinutes must be a non-negative number of minutes, got {m}"
            ))),
            other => Ok(other),
        }
    }

    pub fn at_least_one<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + TryFrom<u8> + PartialOrd + std::fmt::Display,
    {
        let value = T::deserialize(d)?;
        match T::try_from(1) {
            Ok(one) if value >= one => Ok(value),
            _ => Err(D::Error::custom(format!(
                "expected a whole number of at least 1, got {value}"
            ))),
        }
    }
}

impl Default for ThreadOptions {
    fn default() -> ThreadOptions {
        ThreadOptions {
            lang: None,
            staff: Vec::new(),
            sla_minutes: None,
            now: None,
            bucket_minutes: 60,
            window: 30,
            top: 5,
            max_listed: 50,
        }
    }
}

/// Analyses a closed thread: every comment added, then the report.
pub fn analyze(
    comments: impl IntoIterator<Item = Comment>,
    options: &ThreadOptions,
) -> ThreadReport {
    let mut thread = Thread::new(options.clone());
    thread.add_many(comments);
    thread.report()
}

const NONE: u32 = u32::MAX;
const NO_TIME: i64 = i64::MIN;
const NO_REPLY: i64 = i64::MAX;
const MICRO: f64 = 1_000_000.0;

const QUESTION: u8 = 1;
const REQUEST: u8 = 2;
const COMPLAINT: u8 = 4;
const HAS_PARENT_REF: u8 = 8;
const HOSTILE_REPLY: u8 = 16;
const STAFF: u8 = 32;
const NEEDS: u8 = QUESTION | REQUEST | COMPLAINT;

/// What the thread keeps of a comment: numbers, not the text.
#[derive(Clone, Debug)]
struct Node {
    id: Box<str>,
    /// Linked parent, or NONE for a root.
    parent: u32,
    author: u32,
    time: i64,
    /// Earliest reply by someone else.
    first_reply: i64,
    /// Compound in millionths, so sums are exact whatever the arrival order.
    compound: i32,
    hostility: f32,
    directness: u8,
    politeness: u8,
    shouting: u8,
    flags: u8,
    children: u32,
    replies_from_others: u32,
    up: u32,
    down: u32,
    // Union-find over the reply forest: `uf` points towards the set's top (a root), `rel` is the
    // depth below `uf`; `size` and `max_rel` are kept on the top.
    uf: u32,
    rel: u32,
    size: u32,
    max_rel: u32,
}

#[derive(Clone, Debug)]
struct Author {
    /// Shared with the rankings and the quiet list, which order by name.
    name: Arc<str>,
    comments: u32,
    replies_received: u32,
    interlocutors: u32,
    staff: bool,
    first: u32,
    last: u32,
    /// This author's entry in the quiet list: reason, time and comment.
    quiet: Option<(QuietReason, i64, u32)>,
}

/// The top authors of a ranking (non-staff, count above zero), best first: most, ties by name.
/// Counts only grow, so only the author whose count just grew can enter or move up: keeping the
/// top `options.top` is O(top) per change, with no index over every author.
type Ranking = Vec<u32>;

/// Which count an author ranking is by.
#[derive(Clone, Copy)]
enum Ranked {
    Comments,
    RepliesReceived,
    Interlocutors,
}

impl Ranked {
    const ALL: [Ranked; 3] = [
        Ranked::Comments,
        Ranked::RepliesReceived,
        Ranked::Interlocutors,
    ];

    fn of(self, a: &Author) -> u32 {
        match self {
            Ranked::Comments => a.comments,
            Ranked::RepliesReceived => a.replies_received,
            Ranked::Interlocutors => a.interlocutors,
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Bucket {
    comments: u32,
    compound: i64,
    positive: u32,
    negative: u32,
    hostile: u32,
}

/// An open thread that accepts comments as they arrive and reports at any time.
///
/// ```
/// use polso::thread::{Comment, Thread, ThreadOptions};
/// let mut thread = Thread::new(ThreadOptions::default());
/// thread.add(Comment::new("2", Some("1"), "bob", "you're an idiot")).unwrap();
/// assert_eq!(thread.report().shape.roots, 1); // "1" has not arrived: "2" is a root for now
/// thread.add(Comment::new("1", None, "ann", "New release is out")).unwrap();
/// let report = thread.report();
/// assert_eq!((report.shape.roots, report.shape.depth_max), (1, 1));
/// assert!(!report.warning_counts.contains_key("missingParent")); // only the missing times
/// ```
#[derive(Clone, Debug)]
pub struct Thread {
    options: ThreadOptions,
    nodes: Vec<Node>,
    // Ordered maps, not hash maps, for everything keyed by what the input chooses (comment ids,
    // author names, who replies to whom): the thread's writer picks those keys, and a hash with a
    // fixed function (wasm has no entropy to seed one) lets them pick thousands that collide, which
    // makes each insert compare against all the others (`examples/thread_flood.rs`: 20,000
    // colliding comments took 118x longer than ordinary ones with the Fx hash). A B-tree costs
    // O(log n) comparisons whatever the keys.
    index: BTreeMap<Box<str>, u32>,
    authors: Vec<Author>,
    author_index: BTreeMap<Arc<str>, u32>,
    /// Replies waiting for a parent that has not arrived, by parent id.
    waiting: BTreeMap<Box<str>, Vec<u32>>,
    /// Directed reply counts between authors (a replied to b), a ≠ b.
    edges: BTreeMap<(u32, u32), u32>,
    /// Every warning, sorted, with how many times it was met; `missingParent` ones leave when
    /// the parent arrives.
    warnings: BTreeMap<Warning, u32>,
    warning_counts: BTreeMap<&'static str, u32>,
    arrivals: usize,
    /// The original post: the earliest comment that names no parent.
    main_root: u32,
    /// Needs in report order: unanswered first, then by time and id.
    needs: BTreeSet<(bool, i64, Box<str>, u32)>,
    need_requests: u32,
    need_complaints: u32,
    open_needs: u32,
    /// With an SLA: needs answered later than it.
    late_needs: u32,
    /// With an SLA: unanswered needs with a time, by time; those up to `waiting_cut` have waited
    /// longer than the SLA at `now`, and `waiting_needs` counts them.
    open_timed: BTreeSet<(i64, u32)>,
    waiting_cut: Option<i64>,
    waiting_needs: u32,
    /// Time from each answered comment to its first reply by others, in ms, with the comment.
    delays: QuantileSet<(i64, u32)>,
    spread: CountSpread,
    rankings: [Ranking; 3],
    quiet: BTreeSet<(QuietReason, i64, Arc<str>, u32)>,
    staff_names: BTreeSet<Arc<str>>,
    // Aggregates kept as comments arrive.
    depth_sum: u64,
    depth_max: u32,
    breadth: u32,
    linked: u32,
    mutual_pairs: u32,
    answered: u32,
    questions: u32,
    answered_questions: u32,
    compound_sum: i64,
    positive: u32,
    negative: u32,
    positive_sum: i64,
    negative_sum: i64,
    up: u64,
    down: u64,
    first_time: i64,
    last_time: i64,
    buckets: BTreeMap<i64, Bucket>,
    per_minute: BTreeMap<i64, u32>,
    /// The most recent comments, by (time, id): the tension window.
    recent: BTreeSet<(i64, Box<str>, u32)>,
    extremes_pos: Vec<u32>,
    extremes_neg: Vec<u32>,
    scratch: Vec<u32>,
}

impl Thread {
    /// An empty thread.
    pub fn new(options: ThreadOptions) -> Thread {
        let waiting_cut = match (options.now, options.sla_minutes) {
            (Some(now), Some(sla)) => Some(waiting_cut(now.millis(), sla)),
            _ => None,
        };
        Thread {
            options,
            nodes: Vec::new(),
            index: BTreeMap::new(),
            authors: Vec::new(),
            author_index: BTreeMap::new(),
            waiting: BTreeMap::new(),
            edges: BTreeMap::new(),
            warnings: BTreeMap::new(),
            warning_counts: BTreeMap::new(),
            arrivals: 0,
            main_root: NONE,
            needs: BTreeSet::new(),
            need_requests: 0,
            need_complaints: 0,
            open_needs: 0,
            late_needs: 0,
            open_timed: BTreeSet::new(),
            waiting_cut,
            waiting_needs: 0,
            delays: QuantileSet::new(&[0.5, 0.9]),
            spread: CountSpread::default(),
            rankings: Default::default(),
            quiet: BTreeSet::new(),
            staff_names: BTreeSet::new(),
            depth_sum: 0,
            depth_max: 0,
            breadth: 0,
            linked: 0,
            mutual_pairs: 0,
            answered: 0,
            questions: 0,
            answered_questions: 0,
            compound_sum: 0,
            positive: 0,
            negative: 0,
            positive_sum: 0,
            negative_sum: 0,
            up: 0,
            down: 0,
            first_time: NO_TIME,
            last_time: NO_TIME,
            buckets: BTreeMap::new(),
            per_minute: BTreeMap::new(),
            recent: BTreeSet::new(),
            extremes_pos: Vec::new(),
            extremes_neg: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// The options the thread was opened with.
    pub fn options(&self) -> &ThreadOptions {
        &self.options
    }

    /// Comments accepted so far.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether no comment was accepted yet.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Adds loosely typed input (from JSON or JavaScript), recording the warnings met in reading
    /// it. Errors as [`Thread::add`].
    pub fn add_input(&mut self, input: CommentInput) -> Result<(), Warning> {
        let (comment, warnings) = input.into_comment(self.arrivals);
        let time_reported = warnings
            .iter()
            .any(|w| matches!(w, Warning::InvalidTime { .. }));
        for warning in warnings {
            self.warn(warning);
        }
        self.insert(comment, time_reported)
    }

    /// Adds every comment; duplicates are recorded as warnings and skipped.
    pub fn add_many(&mut self, comments: impl IntoIterator<Item = Comment>) {
        for comment in comments {
            let _ = self.add(comment);
        }
    }

    /// Adds one comment. A comment whose id is already in the thread is refused with
    /// [`Warning::DuplicateId`] (also kept in the report); everything else is accepted, and its
    /// holes (no time, no author, unknown parent) become warnings in the report.
    pub fn add(&mut self, comment: Comment) -> Result<(), Warning> {
        self.insert(comment, false)
    }

    fn insert(&mut self, comment: Comment, time_reported: bool) -> Result<(), Warning> {
        self.arrivals += 1;
        if self.index.contains_key(comment.id.as_str()) {
            let warning = Warning::DuplicateId { id: comment.id };
            self.warn(warning.clone());
            return Err(warning);
        }
        // Indices are u32 (half the memory of usize on 64-bit); u32::MAX means "none".
        let idx = match u32::try_from(self.nodes.len()) {
            Ok(idx) if idx != NONE => idx,
            _ => return Err(Warning::TooManyComments { id: comment.id }),
        };
        let id: Box<str> = comment.id.as_str().into();
        let sentiment = crate::score_with(
            &comment.text,
            crate::Options {
                lang: self.options.lang,
                explain: false,
            },
        );
        let s = &sentiment.signals;
        let staff = comment.is_staff == Some(true)
            || comment
                .author
                .as_deref()
                .is_some_and(|a| self.options.staff.iter().any(|s| s == a));
        let mut flags = 0u8;
        if s.question {
            flags |= QUESTION;
        }
        if s.request {
            flags |= REQUEST;
        }
        if s.complaint {
            flags |= COMPLAINT;
        }
        if staff {
            flags |= STAFF;
        }
        if comment.parent_id.is_some() {
            flags |= HAS_PARENT_REF;
        }
        let author = match comment.author.as_deref() {
            Some(name) => self.author(name, staff),
            None => {
                self.warn(Warning::MissingAuthor {
                    id: comment.id.clone(),
                });
                NONE
            }
        };
        if comment.text.trim().is_empty() {
            self.warn(Warning::MissingText {
                id: comment.id.clone(),
            });
        }
        let time = match comment.time {
            Some(t) => t.millis(),
            None => {
                // An unreadable time was already reported as `invalidTime` by the input reader.
                if !time_reported {
                    self.warn(Warning::MissingTime {
                        id: comment.id.clone(),
                    });
                }
                NO_TIME
            }
        };
        let reactions = comment.reactions.unwrap_or_default();
        let compound = (sentiment.compound.clamp(-1.0, 1.0) * MICRO).round() as i32;
        let quantise = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
        self.nodes.push(Node {
            id: id.clone(),
            parent: NONE,
            author,
            time,
            first_reply: NO_REPLY,
            compound,
            hostility: s.hostility as f32,
            directness: quantise(s.directness),
            politeness: quantise(s.politeness),
            shouting: quantise(s.shouting),
            flags,
            children: 0,
            replies_from_others: 0,
            up: reactions.up,
            down: reactions.down,
            uf: idx,
            rel: 0,
            size: 1,
            max_rel: 0,
        });
        self.index.insert(id.clone(), idx);

        // Mood and reactions.
        self.compound_sum += i64::from(compound);
        let label = crate::Label::from_compound(sentiment.compound);
        match label {
            crate::Label::Positive => {
                self.positive += 1;
                self.positive_sum += i64::from(compound);
            }
            crate::Label::Negative => {
                self.negative += 1;
                self.negative_sum += i64::from(compound);
            }
            crate::Label::Neutral => {}
        }
        self.up += u64::from(reactions.up);
        self.down += u64::from(reactions.down);
        self.push_extreme(idx, true);
        self.push_extreme(idx, false);
        if flags & QUESTION != 0 {
            self.questions += 1;
        }

        // Time.
        if time != NO_TIME {
            self.first_time = if self.first_time == NO_TIME {
                time
            } else {
                self.first_time.min(time)
            };
            if time > self.last_time {
                self.last_time = time;
                self.now_moved();
            }
            let bucket_ms = i64::from(self.options.bucket_minutes.max(1)) * 60_000;
            let bucket = self.buckets.entry(time.div_euclid(bucket_ms)).or_default();
            bucket.comments += 1;
            bucket.compound += i64::from(compound);
            match label {
                crate::Label::Positive => bucket.positive += 1,
                crate::Label::Negative => bucket.negative += 1,
                crate::Label::Neutral => {}
            }
            if s.hostility >= HOSTILE {
                bucket.hostile += 1;
            }
            *self.per_minute.entry(time.div_euclid(60_000)).or_insert(0) += 1;
        }
        self.push_recent(idx);
        if flags & NEEDS != 0 {
            self.add_need(idx, id.clone());
        }

        // Author.
        if author != NONE {
            self.author_saw(author, idx);
        }

        // Structure.
        match comment.parent_id {
            None => {
                if self.main_root == NONE || self.key(idx) < self.key(self.main_root) {
                    self.main_root = idx;
                }
            }
            Some(parent) if parent == comment.id => {
                self.warn(Warning::Cycle {
                    ids: vec![comment.id.clone()],
                });
            }
            Some(parent) => match self.index.get(parent.as_str()) {
                Some(&p) => self.link(idx, p),
                None => {
                    self.warn(Warning::MissingParent {
                        id: comment.id.clone(),
                        parent_id: parent.clone(),
                    });
                    self.waiting
                        .entry(parent.into_boxed_str())
                        .or_default()
                        .push(idx);
                }
            },
        }
        if let Some(children) = self.waiting.remove(&id) {
            for child in children {
                self.unwarn(&Warning::MissingParent {
                    id: self.key(child).1.to_string(),
                    parent_id: id.to_string(),
                });
                self.link(child, idx);
            }
        }
        Ok(())
    }

    fn warn(&mut self, warning: Warning) {
        *self.warning_counts.entry(warning.kind()).or_insert(0) += 1;
        *self.warnings.entry(warning).or_insert(0) += 1;
    }

    fn unwarn(&mut self, warning: &Warning) {
        let forget = |counts: Option<&mut u32>| {
            counts.is_some_and(|count| {
                *count = count.saturating_sub(1);
                *count == 0
            })
        };
        if forget(self.warning_counts.get_mut(warning.kind())) {
            self.warning_counts.remove(warning.kind());
        }
        if forget(self.warnings.get_mut(warning)) {
            self.warnings.remove(warning);
        }
    }

    /// `now` moved forward (a later comment, no `now` option): needs that have now waited longer
    /// than the SLA join the waiting count. Each need crosses the cut once, so this is amortised
    /// O(log n) per comment.
    fn now_moved(&mut self) {
        let (Some(sla), None) = (self.options.sla_minutes, self.options.now) else {
            return;
        };
        let cut = waiting_cut(self.last_time, sla);
        let crossed = match self.waiting_cut {
            Some(old) if old >= cut => 0,
            Some(old) => self
                .open_timed
                .range((old.saturating_add(1), 0)..=(cut, u32::MAX))
                .count(),
            None => self.open_timed.range(..=(cut, u32::MAX)).count(),
        };
        self.waiting_needs += crossed as u32;
        self.waiting_cut = Some(cut);
    }

    fn waits_past_sla(&self, time: i64) -> bool {
        self.waiting_cut.is_some_and(|cut| time <= cut)
    }

    fn add_need(&mut self, idx: u32, id: Box<str>) {
        let Some(node) = self.nodes.get(idx as usize) else {
            return;
        };
        let (flags, time) = (node.flags, node.time);
        self.need_requests += u32::from(flags & REQUEST != 0);
        self.need_complaints += u32::from(flags & COMPLAINT != 0);
        self.open_needs += 1;
        self.needs.insert((false, time, id, idx));
        if self.options.sla_minutes.is_some() && time != NO_TIME {
            self.open_timed.insert((time, idx));
            if self.waits_past_sla(time) {
                self.waiting_needs += 1;
            }
        }
    }

    /// A need got its first reply from someone else.
    fn need_answered(&mut self, idx: u32) {
        let Some(node) = self.nodes.get(idx as usize) else {
            return;
        };
        let time = node.time;
        let key = (false, time, node.id.clone(), idx);
        if let Some(mut entry) = self.needs.take(&key) {
            entry.0 = true;
            self.needs.insert(entry);
        }
        self.open_needs = self.open_needs.saturating_sub(1);
        if self.open_timed.remove(&(time, idx)) && self.waits_past_sla(time) {
            self.waiting_needs = self.waiting_needs.saturating_sub(1);
        }
    }

    /// Whether a comment was answered later than the SLA.
    fn answered_late(&self, node: &Node) -> bool {
        match (self.options.sla_minutes, Self::response_minutes(node)) {
            (Some(sla), Some(m)) => m > sla,
            _ => false,
        }
    }

    /// Takes author `a` out of the quiet list and the rankings (they turned out to be staff).
    /// The rankings are rebuilt from every author: each author turns staff at most once.
    fn unlist_author(&mut self, a: u32) {
        let Some(author) = self.authors.get(a as usize) else {
            return;
        };
        if let Some((reason, time, node)) = author.quiet {
            self.quiet
                .remove(&(reason, time, author.name.clone(), node));
        }
        for by in Ranked::ALL {
            if !self.rankings[by as usize].contains(&a) {
                continue;
            }
            let mut all: Vec<u32> = (0..self.authors.len() as u32)
                .filter(|&b| {
                    b != a
                        && self
                            .authors
                            .get(b as usize)
                            .is_some_and(|x| !x.staff && by.of(x) > 0)
                })
                .collect();
            sort::sort_by(&mut all, |&x, &y| {
                self.rank_key(by, x).cmp(&self.rank_key(by, y))
            });
            all.truncate(self.options.top);
            self.rankings[by as usize] = all;
        }
    }

    fn rank_key(&self, by: Ranked, a: u32) -> (Reverse<u32>, &str) {
        match self.authors.get(a as usize) {
            Some(author) => (Reverse(by.of(author)), &author.name),
            None => (Reverse(0), ""),
        }
    }

    /// Author `a`'s count in ranking `by` grew: they may enter the top or move up.
    fn rank_up(&mut self, by: Ranked, a: u32) {
        let top = self.options.top;
        let mut list = std::mem::take(&mut self.rankings[by as usize]);
        let listed = list.contains(&a);
        if !listed {
            if list.len() < top {
                list.push(a);
            } else if let Some(last) = list.last_mut() {
                if self.rank_key(by, a) < self.rank_key(by, *last) {
                    *last = a;
                }
            }
        }
        sort::sort_by(&mut list, |&x, &y| {
            self.rank_key(by, x).cmp(&self.rank_key(by, y))
        });
        self.rankings[by as usize] = list;
    }

    /// Author `a`'s ranked counts, to pass to [`Thread::relist_author`] after they change.
    fn ranked_counts(&self, a: u32) -> [u32; 3] {
        self.authors
            .get(a as usize)
            .map_or([0; 3], |author| Ranked::ALL.map(|by| by.of(author)))
    }

    /// Moves author `a` in the rankings whose count changed from `before`, and in the quiet list
    /// if their status there changed: only the entries that changed are touched.
    fn relist_author(&mut self, a: u32, before: [u32; 3]) {
        let quiet = self.quiet_status(a);
        let Some(author) = self.authors.get_mut(a as usize) else {
            return;
        };
        if author.staff {
            author.quiet = None;
            return;
        }
        let grew = Ranked::ALL.map(|by| by.of(author)) != before;
        if quiet != author.quiet {
            if let Some((reason, time, node)) = author.quiet {
                self.quiet
                    .remove(&(reason, time, author.name.clone(), node));
            }
            if let Some((reason, time, node)) = quiet {
                self.quiet.insert((reason, time, author.name.clone(), node));
            }
            author.quiet = quiet;
        }
        if grew {
            for (by, old) in Ranked::ALL.into_iter().zip(before) {
                let new = self.authors.get(a as usize).map_or(0, |x| by.of(x));
                if new > old {
                    self.rank_up(by, a);
                }
            }
        }
    }

    /// Why author `a` is worth drawing in, if they are, and the comment that shows it.
    fn quiet_status(&self, a: u32) -> Option<(QuietReason, i64, u32)> {
        let author = self.authors.get(a as usize)?;
        let (Some(first), Some(last)) = (
            self.nodes.get(author.first as usize),
            self.nodes.get(author.last as usize),
        ) else {
            return None;
        };
        // Someone hostile themselves is not a quiet member to draw in: a fighter whose last
        // insult got one back, or a troll nobody answered.
        let hostile = |n: &Node| f64::from(n.hostility) >= HOSTILE;
        let (reason, node) = if last.flags & HOSTILE_REPLY != 0 && !hostile(last) {
            (QuietReason::LeftAfterHostileReply, author.last)
        } else if hostile(first) || hostile(last) {
            return None;
        } else if first.replies_from_others == 0 && author.comments <= 2 {
            (QuietReason::UnansweredNewcomer, author.first)
        } else if author.comments == 1 {
            (QuietReason::OneTimer, author.first)
        } else {
            return None;
        };
        let time = self.nodes.get(node as usize)?.time;
        Some((reason, time, node))
    }

    fn author(&mut self, name: &str, staff: bool) -> u32 {
        if let Some(&a) = self.author_index.get(name) {
            let becomes_staff = staff && self.authors.get(a as usize).is_some_and(|a| !a.staff);
            if becomes_staff {
                self.unlist_author(a);
                if let Some(author) = self.authors.get_mut(a as usize) {
                    author.staff = true;
                    author.quiet = None;
                    self.staff_names.insert(author.name.clone());
                }
            }
            return a;
        }
        let a = self.authors.len() as u32;
        let name: Arc<str> = name.into();
        if staff {
            self.staff_names.insert(name.clone());
        }
        self.authors.push(Author {
            name: name.clone(),
            comments: 0,
            replies_received: 0,
            interlocutors: 0,
            staff,
            first: NONE,
            last: NONE,
            quiet: None,
        });
        self.author_index.insert(name, a);
        a
    }

    /// Order of comments in time, ties and missing times broken by id, so that results never
    /// depend on arrival order.
    fn key(&self, idx: u32) -> (i64, &str) {
        match self.nodes.get(idx as usize) {
            Some(n) => (n.time, &n.id),
            None => (NO_TIME, ""),
        }
    }

    fn author_saw(&mut self, a: u32, idx: u32) {
        let (first, last) = match self.authors.get(a as usize) {
            Some(author) => (author.first, author.last),
            None => return,
        };
        let new_first = if first == NONE || self.key(idx) < self.key(first) {
            idx
        } else {
            first
        };
        let new_last = if last == NONE || self.key(idx) > self.key(last) {
            idx
        } else {
            last
        };
        let before = self.ranked_counts(a);
        if let Some(author) = self.authors.get_mut(a as usize) {
            self.spread.add(author.comments);
            author.comments += 1;
            author.first = new_first;
            author.last = new_last;
        }
        self.relist_author(a, before);
    }

    fn push_extreme(&mut self, idx: u32, positive: bool) {
        const KEEP: usize = 3;
        let list = if positive {
            std::mem::take(&mut self.extremes_pos)
        } else {
            std::mem::take(&mut self.extremes_neg)
        };
        let mut list = list;
        let rank = |t: &Thread, i: u32| {
            let c = t.nodes.get(i as usize).map_or(0, |n| n.compound);
            let c = if positive { -c } else { c };
            (c, t.key(i).1.to_string())
        };
        let c = self.nodes.get(idx as usize).map_or(0, |n| n.compound);
        if (positive && c > 0) || (!positive && c < 0) {
            list.push(idx);
            sort::sort_by_cached_key(&mut list, |&i| rank(self, i));
            list.truncate(KEEP);
        }
        if positive {
            self.extremes_pos = list;
        } else {
            self.extremes_neg = list;
        }
    }

    fn push_recent(&mut self, idx: u32) {
        let Some(node) = self.nodes.get(idx as usize) else {
            return;
        };
        let entry = (node.time, node.id.clone(), idx);
        let window = self.options.window.max(1);
        if self.recent.len() >= window {
            match self.recent.first() {
                Some(oldest) if (oldest.0, &oldest.1) < (entry.0, &entry.1) => {
                    self.recent.pop_first();
                }
                _ => return,
            }
        }
        self.recent.insert(entry);
    }

    /// The top of `x`'s tree and `x`'s depth below it, compressing the path on the way.
    fn find(&mut self, x: u32) -> (u32, u32) {
        let mut path = std::mem::take(&mut self.scratch);
        path.clear();
        let mut cur = x;
        while let Some(node) = self.nodes.get(cur as usize) {
            if node.uf == cur {
                break;
            }
            path.push(cur);
            cur = node.uf;
        }
        let top = cur;
        let mut depth = 0u32;
        for &n in path.iter().rev() {
            if let Some(node) = self.nodes.get_mut(n as usize) {
                depth = depth.saturating_add(node.rel);
                node.rel = depth;
                node.uf = top;
            }
        }
        self.scratch = path;
        let d = if x == top {
            0
        } else {
            self.nodes.get(x as usize).map_or(0, |n| n.rel)
        };
        (top, d)
    }

    /// Makes `child` (a root until now) a reply of `parent`.
    fn link(&mut self, child: u32, parent: u32) {
        let (top, parent_depth) = self.find(parent);
        if top == child {
            // `parent` is below `child`: the reply closes a loop. Name it and keep `child` a root.
            let mut ids = vec![self.key(child).1.to_string()];
            let mut cur = parent;
            let mut steps = 0usize;
            while cur != child && cur != NONE && steps <= self.nodes.len() {
                ids.push(self.key(cur).1.to_string());
                cur = self.nodes.get(cur as usize).map_or(NONE, |n| n.parent);
                steps += 1;
            }
            ids[1..].reverse();
            self.warn(Warning::Cycle { ids });
            return;
        }
        let (child_children, child_size, child_max) = match self.nodes.get(child as usize) {
            Some(n) => (n.children, n.size, n.max_rel),
            None => return,
        };
        let parent_is_root = self
            .nodes
            .get(parent as usize)
            .is_some_and(|n| n.parent == NONE);
        self.breadth = self.breadth.saturating_sub(child_children);
        if parent_is_root {
            self.breadth += 1;
        }
        let offset = parent_depth.saturating_add(1);
        self.depth_sum += u64::from(child_size) * u64::from(offset);
        if let Some(t) = self.nodes.get_mut(top as usize) {
            t.size = t.size.saturating_add(child_size);
            t.max_rel = t.max_rel.max(offset.saturating_add(child_max));
            self.depth_max = self.depth_max.max(t.max_rel);
        }
        let (child_author, child_time, child_hostility) = match self.nodes.get_mut(child as usize) {
            Some(c) => {
                c.uf = top;
                c.rel = offset;
                c.parent = parent;
                (c.author, c.time, c.hostility)
            }
            None => return,
        };
        let Some(p) = self.nodes.get_mut(parent as usize) else {
            return;
        };
        p.children += 1;
        self.linked += 1;
        let parent_author = p.author;
        let from_other =
            child_author == NONE || parent_author == NONE || child_author != parent_author;
        if !from_other {
            return;
        }
        let before = [parent_author, child_author].map(|a| self.ranked_counts(a));
        let Some(p) = self.nodes.get(parent as usize) else {
            return;
        };
        let is_need = p.flags & NEEDS != 0;
        let was_late = is_need && self.answered_late(p);
        let old_delay = Self::response_ms(p);
        let Some(p) = self.nodes.get_mut(parent as usize) else {
            return;
        };
        p.replies_from_others += 1;
        let newly_answered = p.replies_from_others == 1;
        let parent_question = p.flags & QUESTION != 0;
        if child_time != NO_TIME && p.time != NO_TIME {
            p.first_reply = p.first_reply.min(child_time);
        }
        if f64::from(child_hostility) >= HOSTILE {
            p.flags |= HOSTILE_REPLY;
        }
        let new_delay = Self::response_ms(p);
        if new_delay != old_delay {
            if let Some(ms) = old_delay {
                self.delays.remove(&(ms, parent));
            }
            if let Some(ms) = new_delay {
                self.delays.insert((ms, parent));
            }
        }
        if is_need {
            let late = self
                .nodes
                .get(parent as usize)
                .is_some_and(|p| self.answered_late(p));
            if late != was_late {
                if late {
                    self.late_needs += 1;
                } else {
                    self.late_needs = self.late_needs.saturating_sub(1);
                }
            }
        }
        if newly_answered {
            self.answered += 1;
            if parent_question {
                self.answered_questions += 1;
            }
            if is_need {
                self.need_answered(parent);
            }
        }
        self.count_reply(child_author, parent_author);
        for (a, before) in [parent_author, child_author].into_iter().zip(before) {
            if a != NONE {
                self.relist_author(a, before);
            }
        }
    }

    /// Author counts for a reply by `child_author` to `parent_author`, who are different people.
    fn count_reply(&mut self, child_author: u32, parent_author: u32) {
        if parent_author != NONE && child_author != NONE {
            if let Some(a) = self.authors.get_mut(parent_author as usize) {
                a.replies_received += 1;
            }
            let count = self.edges.entry((child_author, parent_author)).or_insert(0);
            *count += 1;
            if *count == 1 {
                let reverse = self.edges.contains_key(&(parent_author, child_author));
                if reverse {
                    self.mutual_pairs += 1;
                } else {
                    for a in [child_author, parent_author] {
                        if let Some(a) = self.authors.get_mut(a as usize) {
                            a.interlocutors += 1;
                        }
                    }
                }
            }
        }
    }

    /// The report on the thread as it stands.
    pub fn report(&self) -> ThreadReport {
        let n = self.nodes.len() as u32;
        let now = self
            .options
            .now
            .map(Timestamp::millis)
            .or((self.last_time != NO_TIME).then_some(self.last_time));
        let ts = |ms: i64| (ms != NO_TIME).then(|| Timestamp::from_millis(ms));
        ThreadReport {
            comments: n,
            participants: self.authors.len() as u32,
            now: now.map(Timestamp::from_millis),
            first_time: ts(self.first_time),
            last_time: ts(self.last_time),
            shape: self.shape(),
            responsiveness: self.responsiveness(now),
            people: self.people(),
            mood: self.mood(),
            needs: self.needs_report(now),
            heat: self.heat(now),
            tension: self.tension(now),
            warnings: self.listed_warnings(),
            warning_counts: self.warning_counts.clone(),
        }
    }

    fn listed_warnings(&self) -> Vec<Warning> {
        self.warnings
            .iter()
            .flat_map(|(w, &count)| std::iter::repeat(w).take(count as usize))
            .take(self.options.max_listed)
            .cloned()
            .collect()
    }

    fn shape(&self) -> Shape {
        let n = self.nodes.len();
        let participants = self.authors.len();
        let spread = &self.spread;
        let directed = self.edges.len() as u32;
        let roots = n as u32 - self.linked.min(n as u32);
        Shape {
            roots,
            depth_max: self.depth_max,
            depth_mean: ratio(self.depth_sum as f64, n as f64, 3),
            breadth: self.breadth,
            reentry_rate: ratio(f64::from(spread.reentrant()), participants as f64, 4),
            reciprocity: ratio(2.0 * f64::from(self.mutual_pairs), f64::from(directed), 4),
            mutual_pairs: self.mutual_pairs,
            directed_pairs: directed,
            spread: Spread {
                entropy: round(spread.normalised_entropy(), 4),
                gini: round(spread.gini(), 4),
                top_author_share: ratio(f64::from(spread.top()), spread.total() as f64, 4),
                contributor_absence_factor: spread.contributor_absence_factor(),
            },
        }
    }

    /// Milliseconds from a comment to its first reply by someone else.
    fn response_ms(node: &Node) -> Option<i64> {
        (node.time != NO_TIME && node.first_reply != NO_REPLY)
            .then(|| (node.first_reply - node.time).max(0))
    }

    /// Minutes from a comment to its first reply by someone else.
    fn response_minutes(node: &Node) -> Option<f64> {
        Self::response_ms(node).map(|ms| ms as f64 / 60_000.0)
    }

    fn main_root(&self) -> Option<u32> {
        (self.main_root != NONE).then_some(self.main_root)
    }

    /// Whether a comment held to the SLA (needs and the original post) was answered late, or is
    /// still waiting past it.
    fn sla_status(&self, idx: u32, now: Option<i64>) -> (bool, bool) {
        let (Some(sla), Some(node)) = (self.options.sla_minutes, self.nodes.get(idx as usize))
        else {
            return (false, false);
        };
        match Self::response_minutes(node) {
            Some(m) => (m > sla, false),
            None if node.replies_from_others == 0 && node.time != NO_TIME => {
                let waited = now.map_or(0.0, |now| (now - node.time) as f64 / 60_000.0);
                (false, waited > sla)
            }
            None => (false, false),
        }
    }

    /// A response-time quantile in minutes, as [`stats::quantile`] gives it.
    fn delay_quantile(&self, i: usize) -> Option<f64> {
        self.delays.quantile(i).map(|b| {
            let (a, c) = (b.lower.0 as f64 / 60_000.0, b.upper.0 as f64 / 60_000.0);
            round(a + (c - a) * b.fraction, 2)
        })
    }

    fn responsiveness(&self, now: Option<i64>) -> Responsiveness {
        let first = self
            .main_root()
            .and_then(|r| self.nodes.get(r as usize))
            .and_then(Self::response_minutes);
        let (mut late, mut waiting) = (0, 0);
        if self.options.sla_minutes.is_some() {
            late = self.late_needs;
            waiting = self.waiting_needs;
            // The original post counts once, whether or not it is also a need.
            let root = self.main_root().filter(|&r| {
                self.nodes
                    .get(r as usize)
                    .is_some_and(|n| n.flags & NEEDS == 0)
            });
            if let Some(root) = root {
                let (l, w) = self.sla_status(root, now);
                late += u32::from(l);
                waiting += u32::from(w);
            }
        }
        let n = self.nodes.len() as u32;
        Responsiveness {
            first_response_minutes: first.map(|m| round(m, 2)),
            response_minutes_median: self.delay_quantile(0),
            response_minutes_p90: self.delay_quantile(1),
            answered: self.answered,
            unanswered: n - self.answered.min(n),
            questions: self.questions,
            unanswered_questions: self.questions - self.answered_questions.min(self.questions),
            sla_minutes: self.options.sla_minutes,
            answered_over_sla: late,
            waiting_over_sla: waiting,
        }
    }

    fn ranked(&self, by: Ranked) -> Vec<PersonCount> {
        self.rankings[by as usize]
            .iter()
            .filter_map(|&a| self.authors.get(a as usize))
            .map(|author| PersonCount {
                author: author.name.to_string(),
                count: by.of(author),
            })
            .collect()
    }

    fn people(&self) -> People {
        People {
            top_by_comments: self.ranked(Ranked::Comments),
            top_by_replies_received: self.ranked(Ranked::RepliesReceived),
            top_by_interlocutors: self.ranked(Ranked::Interlocutors),
            quiet: self
                .quiet
                .iter()
                .take(self.options.max_listed)
                .map(|(reason, _, author, node)| QuietMember {
                    author: author.to_string(),
                    reason: *reason,
                    comment_id: self.key(*node).1.to_string(),
                })
                .collect(),
            quiet_total: self.quiet.len() as u32,
            staff: self.staff_names.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn comment_score(&self, idx: u32) -> Option<CommentScore> {
        let node = self.nodes.get(idx as usize)?;
        Some(CommentScore {
            id: node.id.to_string(),
            author: self.author_name(node.author),
            compound: round(f64::from(node.compound) / MICRO, 4),
        })
    }

    fn author_name(&self, a: u32) -> Option<String> {
        self.authors.get(a as usize).map(|a| a.name.to_string())
    }

    fn mood(&self) -> Mood {
        let n = self.nodes.len() as f64;
        let (p, q) = (f64::from(self.positive), f64::from(self.negative));
        let mean_pos = ratio(self.positive_sum as f64 / MICRO, p, 6);
        let mean_neg = ratio(self.negative_sum as f64 / MICRO, q, 6);
        let polarisation = if n > 0.0 {
            2.0 * (p / n) * (q / n) * (mean_pos - mean_neg)
        } else {
            0.0
        };
        let bucket_ms = i64::from(self.options.bucket_minutes.max(1)) * 60_000;
        Mood {
            mean_compound: ratio(self.compound_sum as f64 / MICRO, n, 4),
            net_sentiment: ratio(p - q, n, 4),
            positive: self.positive,
            neutral: self.nodes.len() as u32 - self.positive - self.negative,
            negative: self.negative,
            polarisation: round(polarisation.clamp(0.0, 1.0), 4),
            bucket_minutes: self.options.bucket_minutes.max(1),
            buckets: self
                .buckets
                .iter()
                .map(|(&start, b)| MoodBucket {
                    start: Timestamp::from_millis(start.saturating_mul(bucket_ms)),
                    comments: b.comments,
                    mean_compound: ratio(b.compound as f64 / MICRO, f64::from(b.comments), 4),
                    positive: b.positive,
                    negative: b.negative,
                    hostile: b.hostile,
                })
                .collect(),
            most_positive: self
                .extremes_pos
                .iter()
                .filter_map(|&i| self.comment_score(i))
                .collect(),
            most_negative: self
                .extremes_neg
                .iter()
                .filter_map(|&i| self.comment_score(i))
                .collect(),
        }
    }

    fn needs_report(&self, now: Option<i64>) -> Needs {
        let items = self
            .needs
            .iter()
            .take(self.options.max_listed)
            .filter_map(|&(answered, time, ref id, idx)| {
                let node = self.nodes.get(idx as usize)?;
                let kinds = [
                    (QUESTION, NeedKind::Question),
                    (REQUEST, NeedKind::Request),
                    (COMPLAINT, NeedKind::Complaint),
                ]
                .into_iter()
                .filter(|(flag, _)| node.flags & flag != 0)
                .map(|(_, kind)| kind)
                .collect();
                let (late, waiting) = self.sla_status(idx, now);
                Some(Need {
                    id: id.to_string(),
                    author: self.author_name(node.author),
                    time: (time != NO_TIME).then(|| Timestamp::from_millis(time)),
                    kinds,
                    answered,
                    response_minutes: Self::response_minutes(node).map(|m| round(m, 2)),
                    over_sla: late || waiting,
                })
            })
            .collect();
        Needs {
            questions: self.questions,
            requests: self.need_requests,
            complaints: self.need_complaints,
            open: self.open_needs,
            items,
        }
    }

    fn comments_last_hour(&self, now: Option<i64>) -> u32 {
        let Some(now) = now else { return 0 };
        let to = now.div_euclid(60_000);
        self.per_minute
            .range(to.saturating_sub(59)..=to)
            .map(|(_, c)| *c)
            .sum()
    }

    fn heat(&self, now: Option<i64>) -> Heat {
        const GRAVITY: f64 = 1.2;
        let activity = (self.nodes.len() as u64 + self.up).min(u64::from(u32::MAX)) as u32;
        let age = match (now, self.first_time) {
            (Some(now), first) if first != NO_TIME => {
                Some(((now - first).max(0)) as f64 / 3_600_000.0)
            }
            _ => None,
        };
        Heat {
            score: age.map(|h| {
                round(
                    (f64::from(activity) - 1.0).max(0.0) / (h + 2.0).powf(GRAVITY),
                    4,
                )
            }),
            activity,
            age_hours: age.map(|h| round(h, 2)),
            gravity: GRAVITY,
            comments_last_hour: self.comments_last_hour(now),
        }
    }

    fn tension(&self, now: Option<i64>) -> Tension {
        let window: Vec<u32> = self.recent.iter().map(|(_, _, i)| *i).collect();
        let velocity = self.comments_last_hour(now);
        tension::measure(self, &window, velocity)
    }
}

mod tension;

/// The cut for "waited longer than the SLA" at `now`: a comment written at or before it has
/// waited `sla` minutes or more, by the same floating-point test as the report's
/// `(now − time) / 60000 > sla`, so that the kept count and a direct check agree.
fn waiting_cut(now: i64, sla: f64) -> i64 {
    // Beyond ±10^17 ms (three million years) no real wait compares differently.
    const FAR: f64 = 1e17;
    let over = |ms: i64| ms as f64 / 60_000.0 > sla;
    let estimate = sla * 60_000.0;
    if sla.is_nan() || estimate >= FAR {
        return i64::MIN;
    }
    if estimate <= -FAR {
        return i64::MAX;
    }
    // The smallest wait in ms that is over the SLA: sla·60000 is within a few ms of it.
    let mut least = estimate.floor() as i64;
    for _ in 0..64 {
        if over(least) {
            break;
        }
        least += 1;
    }
    for _ in 0..64 {
        if !over(least - 1) {
            break;
        }
        least -= 1;
    }
    now.saturating_sub(least)
}

/// Rounds to `digits` decimals (for stable, readable output).
pub(crate) fn round(x: f64, digits: i32) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let factor = 10f64.powi(digits);
    (x * factor).round() / factor
}

/// `a / b` rounded, 0 when `b` is 0.
fn ratio(a: f64, b: f64, digits: i32) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        round(a / b, digits)
    }
}
