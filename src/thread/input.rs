//! Comments as they arrive: the typed [`Comment`], and [`CommentInput`], the loosely typed shape
//! that scraped pages and exports give (ids as numbers or strings, times as ISO-8601 text or epoch
//! milliseconds, reactions as a count or `{up, down}`), with the warnings met while reading it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// Approval and disapproval on a comment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reactions {
    /// Likes, upvotes, hearts.
    #[serde(default)]
    pub up: u32,
    /// Dislikes, downvotes.
    #[serde(default)]
    pub down: u32,
}

/// One comment of a thread.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comment {
    /// Unique within the thread.
    pub id: String,
    /// The comment it replies to; `None` for a root.
    pub parent_id: Option<String>,
    /// Who wrote it; `None` when unknown (deleted accounts, scraped pages).
    pub author: Option<String>,
    /// When it was written; `None` leaves its time-based metrics empty.
    pub time: Option<Timestamp>,
    /// The text.
    pub text: String,
    /// Reactions, where the source has them.
    pub reactions: Option<Reactions>,
    /// Whether the author is staff (moderators, the brand); staff are left out of the people lists.
    pub is_staff: Option<bool>,
}

impl Comment {
    /// A comment with an id, an optional parent, an author and a text; no time or reactions.
    pub fn new(
        id: impl Into<String>,
        parent_id: Option<&str>,
        author: impl Into<String>,
        text: impl Into<String>,
    ) -> Comment {
        Comment {
            id: id.into(),
            parent_id: parent_id.map(str::to_string),
            author: Some(author.into()),
            text: text.into(),
            ..Comment::default()
        }
    }

    /// The same comment with a time.
    pub fn at(mut self, time: Timestamp) -> Comment {
        self.time = Some(time);
        self
    }
}

/// A string or a number, as ids come in JSON.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Loose {
    /// Text.
    Text(String),
    /// An integer id.
    Integer(i64),
    /// A number with a fraction (epoch seconds with milliseconds, odd ids).
    Float(f64),
    /// `true` / `false`, which is never a valid id or time.
    Bool(bool),
}

impl Loose {
    fn as_id(&self) -> Option<String> {
        match self {
            Loose::Text(s) if !s.trim().is_empty() => Some(s.clone()),
            Loose::Text(_) | Loose::Bool(_) => None,
            Loose::Integer(n) => Some(n.to_string()),
            Loose::Float(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 => {
                Some(format!("{}", *x as i64))
            }
            Loose::Float(x) => Some(x.to_string()),
        }
    }
}

/// Reactions as a bare count (all approval) or as `{up, down}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum LooseReactions {
    /// A count of approvals.
    Count(i64),
    /// Separate approval and disapproval counts.
    UpDown(Reactions),
}

/// A comment as JSON or JavaScript gives it: every field optional and loosely typed. Accepts
/// `parentId` or `parent_id`, `time` or `ts`, `isStaff` or `is_staff`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentInput {
    /// Id (string or number).
    #[serde(default)]
    pub id: Option<Loose>,
    /// Parent id (string or number), absent or `null` for a root.
    #[serde(default, alias = "parent_id", alias = "parent")]
    pub parent_id: Option<Loose>,
    /// Author name.
    #[serde(default, alias = "user", alias = "username")]
    pub author: Option<Loose>,
    /// ISO-8601 text, or epoch milliseconds as a number.
    #[serde(default, alias = "ts", alias = "timestamp", alias = "created_at")]
    pub time: Option<Loose>,
    /// The text.
    #[serde(default, alias = "body")]
    pub text: Option<String>,
    /// A count or `{up, down}`.
    #[serde(default)]
    pub reactions: Option<LooseReactions>,
    /// Whether the author is staff.
    #[serde(default, alias = "is_staff")]
    pub is_staff: Option<bool>,
}

/// Something wrong in the input that analysis worked around. Every warning names the comment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Warning {
    /// A comment without an id; it was given `generated` so the rest can refer to it.
    MissingId {
        /// The id given to it (`#n`, its position in arrival order).
        generated: String,
    },
    /// Two comments with the same id; the first to arrive was kept, the other ignored.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// The parent is not in the thread: the comment is analysed as a root.
    MissingParent {
        /// The comment.
        id: String,
        /// The parent it names.
        parent_id: String,
    },
    /// Replies that form a loop; the comment whose arrival closed it is analysed as a root.
    Cycle {
        /// The ids in the loop, starting with the one made a root.
        ids: Vec<String>,
    },
    /// No time: time-based metrics leave this comment out.
    MissingTime {
        /// The comment.
        id: String,
    },
    /// A time that is not ISO-8601 or epoch milliseconds: treated as missing.
    InvalidTime {
        /// The comment.
        id: String,
        /// What was given.
        value: String,
    },
    /// No author: the comment counts, but not towards any person.
    MissingAuthor {
        /// The comment.
        id: String,
    },
    /// No text (deleted or not captured): scored as neutral.
    MissingText {
        /// The comment.
        id: String,
    },
    /// The thread already holds 4,294,967,294 comments; this one was refused.
    TooManyComments {
        /// The comment.
        id: String,
    },
    /// A field of the wrong type, ignored.
    InvalidField {
        /// The comment.
        id: String,
        /// The field name, as in the input.
        field: &'static str,
        /// What was expected.
        expected: &'static str,
    },
}

impl Warning {
    /// The kind, as in JSON (`missingParent`).
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::MissingId { .. } => "missingId",
            Warning::DuplicateId { .. } => "duplicateId",
            Warning::MissingParent { .. } => "missingParent",
            Warning::Cycle { .. } => "cycle",
            Warning::MissingTime { .. } => "missingTime",
            Warning::InvalidTime { .. } => "invalidTime",
            Warning::MissingAuthor { .. } => "missingAuthor",
            Warning::MissingText { .. } => "missingText",
            Warning::TooManyComments { .. } => "tooManyComments",
            Warning::InvalidField { .. } => "invalidField",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingId { generated } => {
                write!(f, "a comment has no id; it is called {generated:?}")
            }
            Warning::DuplicateId { id } => {
                write!(f, "comment {id:?} appears twice; the second was ignored")
            }
            Warning::MissingParent { id, parent_id } => write!(
                f,
                "comment {id:?} replies to {parent_id:?}, which is not in the thread; treated as a root"
            ),
            Warning::Cycle { ids } => write!(
                f,
                "comments {} reply to each other in a loop; {:?} is treated as a root",
                ids.join(" → "),
                ids.first().map_or("", String::as_str)
            ),
            Warning::MissingTime { id } => {
                write!(f, "comment {id:?} has no time; time metrics leave it out")
            }
            Warning::InvalidTime { id, value } => write!(
                f,
                "comment {id:?}: time {value:?} is neither ISO-8601 nor epoch milliseconds"
            ),
            Warning::MissingAuthor { id } => write!(f, "comment {id:?} has no author"),
            Warning::MissingText { id } => write!(f, "comment {id:?} has no text"),
            Warning::TooManyComments { id } => {
                write!(f, "comment {id:?} refused: the thread is full")
            }
            Warning::InvalidField {
                id,
                field,
                expected,
            } => write!(f, "comment {id:?}: field {field:?} should be {expected}"),
        }
    }
}

impl CommentInput {
    /// Turns loose input into a [`Comment`], with the warnings met. `position` (0-based arrival
    /// order) names a comment that has no id.
    pub fn into_comment(self, position: usize) -> (Comment, Vec<Warning>) {
        let mut warnings = Vec::new();
        let id = match self.id.as_ref().and_then(Loose::as_id) {
            Some(id) => id,
            None => {
                let generated = format!("#{position}");
                warnings.push(Warning::MissingId {
                    generated: generated.clone(),
                });
                generated
            }
        };
        let parent_id = match &self.parent_id {
            None => None,
            Some(Loose::Text(s)) if s.trim().is_empty() => None,
            Some(Loose::Bool(_)) => {
                warnings.push(Warning::InvalidField {
                    id: id.clone(),
                    field: "parentId",
                    expected: "a string or a number",
                });
                None
            }
            Some(other) => other.as_id(),
        };
        let author = match &self.author {
            Some(Loose::Bool(_)) | None => None,
            Some(other) => other.as_id(),
        };
        let time = match &self.time {
            None => None,
            Some(Loose::Text(s)) if s.trim().is_empty() => None,
            Some(Loose::Text(s)) => match Timestamp::parse(s) {
                Ok(t) => Some(t),
                // Epoch milliseconds written as a string.
                Err(_) => match s.trim().parse::<i64>() {
                    Ok(ms) => Some(Timestamp::from_millis(ms)),
                    Err(_) => {
                        warnings.push(Warning::InvalidTime {
                            id: id.clone(),
                            value: s.chars().take(64).collect(),
                        });
                        None
                    }
                },
            },
            Some(Loose::Integer(ms)) => Some(Timestamp::from_millis(*ms)),
            Some(Loose::Float(ms)) if ms.is_finite() && ms.abs() < 9.0e15 => {
                Some(Timestamp::from_millis(*ms as i64))
            }
            Some(other) => {
                warnings.push(Warning::InvalidTime {
                    id: id.clone(),
                    value: format!("{other:?}"),
                });
                None
            }
        };
        let reactions = match self.reactions {
            None => None,
            Some(LooseReactions::Count(n)) => Some(Reactions {
                up: n.clamp(0, i64::from(u32::MAX)) as u32,
                down: 0,
            }),
            Some(LooseReactions::UpDown(r)) => Some(r),
        };
        let comment = Comment {
            id,
            parent_id,
            author: author.filter(|a| !a.trim().is_empty()),
            time,
            text: self.text.unwrap_or_default(),
            reactions,
            is_staff: self.is_staff,
        };
        (comment, warnings)
    }
}
