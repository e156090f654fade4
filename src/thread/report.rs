//! The report types: what a community manager reads about a thread. Every type serialises with
//! camelCase names so the wasm layer hands them to JavaScript as plain objects.
//! Formulas and sources are in `docs/METRICS.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::input::Warning;
use super::time::Timestamp;

/// Everything polso measures about one thread.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadReport {
    /// Comments analysed (duplicates excluded).
    pub comments: u32,
    /// Distinct known authors.
    pub participants: u32,
    /// The time the time-based metrics are measured at (option `now`, else the latest comment).
    pub now: Option<Timestamp>,
    /// Earliest comment time.
    pub first_time: Option<Timestamp>,
    /// Latest comment time.
    pub last_time: Option<Timestamp>,
    /// Structure: depth, breadth, re-entry, reciprocity, participation spread.
    pub shape: Shape,
    /// How fast and how fully people are answered.
    pub responsiveness: Responsiveness,
    /// Who carries the conversation and who is left out.
    pub people: People,
    /// Sentiment overall and per time bucket.
    pub mood: Mood,
    /// Questions, requests and complaints to act on.
    pub needs: Needs,
    /// Activity score and velocity.
    pub heat: Heat,
    /// Is it turning tense, and why.
    pub tension: Tension,
    /// Holes in the input that were worked around (sorted, at most `maxListed`).
    pub warnings: Vec<Warning>,
    /// Number of warnings of each kind, all of them.
    pub warning_counts: BTreeMap<&'static str, u32>,
}

/// The thread's structure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    /// Comments without a parent in the thread (the original post, orphans, broken loops).
    pub roots: u32,
    /// Longest reply chain below a root (a direct reply has depth 1).
    pub depth_max: u32,
    /// Mean depth over all comments.
    pub depth_mean: f64,
    /// Direct replies to roots: how many separate conversations the post started.
    pub breadth: u32,
    /// Share of participants who commented more than once.
    pub reentry_rate: f64,
    /// Share of directed reply relations (a answered b) that are returned (b answered a).
    pub reciprocity: f64,
    /// Author pairs who answered each other both ways.
    pub mutual_pairs: u32,
    /// Distinct directed pairs (a answered b), a ≠ b.
    pub directed_pairs: u32,
    /// How evenly the comments are spread among participants.
    pub spread: Spread,
}

/// Participation spread.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    /// Shannon entropy of authors' shares over ln(participants): 1 = everyone equal.
    pub entropy: f64,
    /// Gini of comments per author, small-sample corrected: 0 = equal, 1 = one voice.
    pub gini: f64,
    /// Share of the comments written by the most active author.
    pub top_author_share: f64,
    /// Fewest authors who wrote half of the comments.
    pub contributor_absence_factor: u32,
}

/// Response times and what is still unanswered.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Responsiveness {
    /// Minutes from the original post to its first reply by someone else.
    pub first_response_minutes: Option<f64>,
    /// Median, over the comments that got a reply, of minutes to the first reply by someone else.
    pub response_minutes_median: Option<f64>,
    /// 90th percentile of the same.
    pub response_minutes_p90: Option<f64>,
    /// Comments that got a reply from someone else.
    pub answered: u32,
    /// Comments with no reply from anyone else.
    pub unanswered: u32,
    /// Questions asked.
    pub questions: u32,
    /// Questions with no reply from anyone else.
    pub unanswered_questions: u32,
    /// The SLA the counts below use, when one was given.
    pub sla_minutes: Option<f64>,
    /// Needs (and the original post) answered later than the SLA.
    pub answered_over_sla: u32,
    /// Needs (and the original post) still unanswered and older than the SLA at `now`.
    pub waiting_over_sla: u32,
}

/// A person and a count.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonCount {
    /// Author name.
    pub author: String,
    /// The count the list is ranked by.
    pub count: u32,
}

/// Why a member is listed as quiet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum QuietReason {
    /// Their last comment got a hostile reply and they wrote nothing after it.
    LeftAfterHostileReply,
    /// A newcomer (one or two comments) whose first comment nobody answered.
    UnansweredNewcomer,
    /// Wrote once, got an answer, did not come back.
    OneTimer,
}

/// A member worth drawing in.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuietMember {
    /// Author name.
    pub author: String,
    /// Why.
    pub reason: QuietReason,
    /// The comment that shows it (their first or last comment).
    pub comment_id: String,
}

/// Who carries the conversation and who is left out (staff excluded).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct People {
    /// Most comments.
    pub top_by_comments: Vec<PersonCount>,
    /// Most replies received from others.
    pub top_by_replies_received: Vec<PersonCount>,
    /// Most distinct people talked with (replied to or replied by).
    pub top_by_interlocutors: Vec<PersonCount>,
    /// Members worth drawing in, most urgent first.
    pub quiet: Vec<QuietMember>,
    /// All quiet members, including those not listed.
    pub quiet_total: u32,
    /// Staff authors seen (named in the options or flagged `isStaff`).
    pub staff: Vec<String>,
}

/// Sentiment in one time bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MoodBucket {
    /// Start of the bucket.
    pub start: Timestamp,
    /// Comments in it.
    pub comments: u32,
    /// Mean compound.
    pub mean_compound: f64,
    /// Positive comments.
    pub positive: u32,
    /// Negative comments.
    pub negative: u32,
    /// Hostile comments (hostility ≥ 0.5).
    pub hostile: u32,
}

/// A comment and its score, for the extremes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentScore {
    /// Comment id.
    pub id: String,
    /// Its author.
    pub author: Option<String>,
    /// Its compound.
    pub compound: f64,
}

/// Sentiment overall and over time.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mood {
    /// Mean compound of all comments.
    pub mean_compound: f64,
    /// (positive − negative) / comments, in [−1, 1].
    pub net_sentiment: f64,
    /// Positive comments.
    pub positive: u32,
    /// Neutral comments.
    pub neutral: u32,
    /// Negative comments.
    pub negative: u32,
    /// Two-camp polarisation in [0, 1]: `2 · π₊ · π₋ · (μ₊ − μ₋)`.
    pub polarisation: f64,
    /// Bucket length in minutes.
    pub bucket_minutes: u32,
    /// Sentiment per bucket, in time order (empty buckets left out).
    pub buckets: Vec<MoodBucket>,
    /// The most positive comments.
    pub most_positive: Vec<CommentScore>,
    /// The most negative comments.
    pub most_negative: Vec<CommentScore>,
}

/// What a need is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NeedKind {
    /// A question.
    Question,
    /// A request or wish.
    Request,
    /// A complaint.
    Complaint,
}

/// A question, request or complaint, and how it was answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Need {
    /// Comment id.
    pub id: String,
    /// Its author.
    pub author: Option<String>,
    /// When it was written.
    pub time: Option<Timestamp>,
    /// What it is.
    pub kinds: Vec<NeedKind>,
    /// Someone else replied.
    pub answered: bool,
    /// Minutes to the first reply by someone else.
    pub response_minutes: Option<f64>,
    /// Answered later than the SLA, or unanswered past it.
    pub over_sla: bool,
}

/// Questions, requests and complaints.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Needs {
    /// Questions.
    pub questions: u32,
    /// Requests.
    pub requests: u32,
    /// Complaints.
    pub complaints: u32,
    /// Needs nobody else has answered.
    pub open: u32,
    /// The needs, unanswered first, then oldest first (at most `maxListed`).
    pub items: Vec<Need>,
}

/// Activity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Heat {
    /// Discourse's hot score: `(activity − 1) / (ageHours + 2)^gravity`.
    pub score: Option<f64>,
    /// Comments plus approval reactions.
    pub activity: u32,
    /// Hours from the first comment to `now`.
    pub age_hours: Option<f64>,
    /// The gravity used (Discourse's default 1.2).
    pub gravity: f64,
    /// Comments in the hour up to `now`.
    pub comments_last_hour: u32,
}

/// Tension bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Band {
    /// `< 0.25`
    Calm,
    /// `0.25 ≤ t < 0.5`
    Warm,
    /// `0.5 ≤ t < 0.75`
    Hot,
    /// `≥ 0.75`
    Overheated,
}

impl Band {
    /// The band of a tension score.
    pub fn of(score: f64) -> Band {
        if score >= 0.75 {
            Band::Overheated
        } else if score >= 0.5 {
            Band::Hot
        } else if score >= 0.25 {
            Band::Warm
        } else {
            Band::Calm
        }
    }

    /// `calm`, `warm`, `hot`, `overheated`.
    pub fn name(self) -> &'static str {
        match self {
            Band::Calm => "calm",
            Band::Warm => "warm",
            Band::Hot => "hot",
            Band::Overheated => "overheated",
        }
    }
}

/// One reason for the tension score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TensionComponent {
    /// `hostility`, `negativity`, `directness`, `backAndForth`, `pileOn`, `velocity`, `shouting`,
    /// `disapproval`, or `politeness` (which lowers tension).
    pub name: &'static str,
    /// The component's value in [0, 1].
    pub value: f64,
    /// Its weight.
    pub weight: f64,
    /// What it added to the score (negative for politeness).
    pub contribution: f64,
    /// The comments behind it, strongest first.
    pub comment_ids: Vec<String>,
}

/// Tension in [0, 1] over the recent window, with its reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tension {
    /// The score.
    pub score: f64,
    /// Its band.
    pub band: Band,
    /// Comments in the window it was measured over.
    pub window: u32,
    /// Names of the components that added most, strongest first.
    pub top: Vec<&'static str>,
    /// Every component.
    pub components: Vec<TensionComponent>,
}

/// Figures across many threads: the distribution of first-response times (median and p90, never
/// only a mean) and how many threads fall in each tension band.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadsSummary {
    /// Threads.
    pub threads: u32,
    /// Comments.
    pub comments: u64,
    /// Threads whose original post got a reply from someone else, with times.
    pub threads_with_first_response: u32,
    /// Median first-response time across threads, minutes.
    pub first_response_minutes_median: Option<f64>,
    /// 90th percentile of the same.
    pub first_response_minutes_p90: Option<f64>,
    /// Threads per tension band.
    pub bands: BTreeMap<&'static str, u32>,
    /// Warnings of each kind across threads.
    pub warning_counts: BTreeMap<&'static str, u64>,
}

impl ThreadsSummary {
    /// Adds one thread's report.
    pub fn add(&mut self, report: &ThreadReport, first_responses: &mut Vec<f64>) {
        self.threads += 1;
        self.comments += u64::from(report.comments);
        if let Some(m) = report.responsiveness.first_response_minutes {
            first_responses.push(m);
        }
        *self.bands.entry(report.tension.band.name()).or_insert(0) += 1;
        for (kind, count) in &report.warning_counts {
            *self.warning_counts.entry(kind).or_insert(0) += u64::from(*count);
        }
    }
}

/// Summarises reports across threads.
pub fn summarize(reports: &[ThreadReport]) -> ThreadsSummary {
    let mut summary = ThreadsSummary::default();
    let mut first = Vec::new();
    for report in reports {
        summary.add(report, &mut first);
    }
    summary.finish(&mut first);
    summary
}

impl ThreadsSummary {
    /// Computes the quantiles from the first-response times collected by [`ThreadsSummary::add`].
    pub fn finish(&mut self, first_responses: &mut [f64]) {
        self.threads_with_first_response = first_responses.len() as u32;
        self.first_response_minutes_median =
            super::stats::quantile(first_responses, 0.5).map(|x| super::round(x, 2));
        self.first_response_minutes_p90 =
            super::stats::quantile(first_responses, 0.9).map(|x| super::round(x, 2));
    }
}
