//! Languages polso scores, and detection of the language of a comment.
//!
//! Detection is tuned for what comments are: short, informal, full of loanwords. It counts
//! function words (articles, prepositions, pronouns, auxiliaries: the words every sentence of a
//! language needs and other languages lack), chat abbreviations, and a few orthographic cues (accented
//! final vowels, elisions such as `l'` and `dell'`). Content words are weak evidence: an Italian
//! comment full of English loanwords ("il meeting è stato top") still has Italian function words,
//! so it stays Italian. Function words of Spanish, French, German and Portuguese are counted too,
//! so a comment in one of those comes out as *other* instead of being guessed.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

use crate::lexicon::vocabulary::{
    self, FoldedWord, ENGLISH_FUNCTION_WORD, IN_ITALIAN_LEXICON, IN_VADER, ITALIAN_FUNCTION_WORD,
    OTHER_FUNCTION_WORD,
};
use crate::text::{find_ascii, tokenize};

/// A language polso has a lexicon and rules for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Italian.
    It,
}

impl Lang {
    /// ISO 639-1 code: `en`, `it`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The text names no language polso knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language {:?}: expected \"it\" or \"en\"",
            self.0
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" | "en-us" | "en-gb" => Ok(Lang::En),
            "it" | "ita" | "italian" | "italiano" | "it-it" => Ok(Lang::It),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// Below this confidence the detector answers "other" rather than guess.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// The language a text was scored as: a [`Lang`], or `None` for a text in neither language
/// (serialised as `"und"`, undetermined), with the detector's confidence in [0, 1]
/// (1 when the language was given).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DetectedLang {
    /// The language, or `None` for neither Italian nor English.
    pub lang: Option<Lang>,
    /// How sure the detector is, in [0, 1].
    pub confidence: f64,
}

impl DetectedLang {
    /// A language the caller stated.
    pub fn given(lang: Lang) -> DetectedLang {
        DetectedLang {
            lang: Some(lang),
            confidence: 1.0,
        }
    }

    /// The code shown to users: `it`, `en`, or `und`.
    pub fn code(&self) -> &'static str {
        self.lang.map_or("und", Lang::code)
    }
}

impl Serialize for DetectedLang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

const ITALIAN: &[&str] = &[
    "buongiorno",
    "buonasera",
    "buonanotte",
    "ragazzi",
    "daje",
    "dai",
    "il",
    "lo",
    "la",
    "i",
    "gli",
    "le",
    "un",
    "uno",
    "una",
    "di",
    "da",
    "del",
    "della",
    "dei",
    "delle",
    "dello",
    "degli",
    "al",
    "alla",
    "ai",
    "alle",
    "allo",
    "agli",
    "nel",
    "nella",
    "nei",
    "nelle",
    "sul",
    "sulla",
    "per",
    "con",
    "tra",
    "fra",
    "che",
    "non",
    "è",
    "sono",
    "sei",
    "siamo",
    "siete",
    "era",
    "ho",
    "hai",
    "ha",
    "abbiamo",
    "avete",
    "hanno",
    "mi",
    "ti",
    "ci",
    "vi",
    "si",
    "ne",
    "io",
    "tu",
    "lui",
    "lei",
    "noi",
    "voi",
    "loro",
    "questo",
    "questa",
    "quello",
    "quella",
    "ma",
    "però",
    "anche",
    "come",
    "perché",
    "più",
    "molto",
    "tutto",
    "tutti",
    "sempre",
    "ancora",
    "già",
    "mai",
    "niente",
    "nulla",
    "cosa",
    "quando",
    "dove",
    "chi",
    "qui",
    "qua",
    "così",
    "poi",
    "solo",
    "proprio",
    "ed",
    "od",
    "oppure",
    "sto",
    "sta",
    "stai",
    "fa",
    "fatto",
    "essere",
    "stato",
    "stata",
    "cmq",
    "nn",
    "xké",
    "xche",
    "ke",
    "comunque",
    "grazie",
    "bello",
    "bella",
    "brutto",
    "anzi",
    "ora",
    "adesso",
    "oggi",
    "domani",
    "ieri",
    "mio",
    "mia",
    "tuo",
    "tua",
    "suo",
    "sua",
    "nostro",
    "vostro",
    "po'",
    "perche'",
    "e'",
    "dell'",
    "nell'",
    "all'",
    "dall'",
    "sull'",
    "l'",
    "un'",
    "c'",
    "d'",
    "quest'",
    "po",
    "tra",
    "senza",
    "voglio",
    "vuoi",
    "può",
    "posso",
    "devo",
    "deve",
    "bene",
    "male",
    "davvero",
    "troppo",
];

const ENGLISH: &[&str] = &[
    "see", "everyone", "tomorrow", "today", "one", "kinda", "idk", "tbh", "lmao", "gonna", "wanna",
    "nice", "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and",
    "or", "but", "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had",
    "do", "does", "did", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
    "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those", "what",
    "which", "who", "whom", "whose", "not", "no", "don't", "doesn't", "didn't", "isn't", "aren't",
    "wasn't", "can't", "won't", "i'm", "it's", "you're", "they're", "that's", "there", "here",
    "so", "very", "just", "about", "would", "could", "should", "will", "can", "if", "then", "than",
    "because", "when", "where", "how", "why", "all", "some", "any", "more", "most", "really",
    "thanks", "thank", "please", "yes", "lol", "omg", "get", "got", "like", "love", "good",
    "great", "bad", "think", "know", "make", "much", "too", "out", "up", "now", "only", "also",
    "well", "even", "still", "never", "always", "u", "ur", "im", "dont",
];

/// Function words of other languages that Italian and English lack (or rarely use), so a comment in
/// Spanish, French, German or Portuguese is reported as "other" rather than guessed.
const OTHER: &[&str] = &[
    "no", "me", "lo", "estaba", "vamos", "creo", "era", "fue", "était", "c'était", "nul", "esta",
    "este", "estos", "mucho", "nada", "todos", "todo", "buenas", "buenos", "dónde", "cómo",
    "gusta", "estoy", "soy", "hay", "tengo", "tiene", "aquí", "ahora", "entiendo", "noches",
    "días", "quand", "fait", "elle", "sont", "aussi", "beaucoup", "toujours", "rien", "vie",
    "n'est", "qu'il", // Spanish
    "el", "los", "las", "es", "está", "pero", "muy", "y", "para", "con", "una", "del", "por",
    "qué", "que", "yo", "tú", "usted", "nosotros", "esto", "eso", "también", "gracias", "hola",
    "bueno", "sí", // French
    "le", "les", "des", "est", "et", "je", "tu", "il", "nous", "vous", "ils", "pas", "ce", "cette",
    "très", "merci", "avec", "sur", "dans", "pour", "mais", "où", "qui", "j'ai", "c'est",
    "bonjour", // German
    "der", "die", "das", "und", "ist", "nicht", "ich", "du", "wir", "ihr", "sie", "mit", "auf",
    "für", "sehr", "danke", "ein", "eine", "auch", "aber", "gut", "schön",
    // Portuguese
    "não", "você", "os", "as", "uma", "em", "obrigado", "obrigada", "muito", "isso", "está", "mas",
];

/// The function-word lists, Italian, English, other: the vocabulary index marks their words, so
/// detection learns everything about a word from one lookup.
pub(crate) fn function_word_lists() -> [&'static [&'static str]; 3] {
    [ITALIAN, ENGLISH, OTHER]
}

/// Which of the three function-word lists a word is in (bit 0 Italian, 1 English, 2 other),
/// from its vocabulary flags.
fn membership(flags: u8) -> u8 {
    flags & (ITALIAN_FUNCTION_WORD | ENGLISH_FUNCTION_WORD | OTHER_FUNCTION_WORD)
}

/// Evidence from a content word found in a language's lexicon, against 1 for a function word.
const CONTENT_WORD_WEIGHT: f64 = 0.4;

/// Letters of Spanish, Portuguese, French and German that Italian and English do not use.
const FOREIGN_LETTERS: &[char] = &[
    'ñ', '¿', '¡', 'ã', 'õ', 'ê', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'ç', 'ß', 'ü', 'ö', 'ä',
];

fn in_italian_lexicon(flags: u8) -> bool {
    flags & IN_ITALIAN_LEXICON != 0
}

/// The vocabulary flags that decide how much evidence a word is.
const EVIDENCE_BITS: u8 = ITALIAN_FUNCTION_WORD
    | ENGLISH_FUNCTION_WORD
    | OTHER_FUNCTION_WORD
    | IN_ITALIAN_LEXICON
    | IN_VADER;

/// How much evidence a word with these flags is for Italian, English and other languages.
fn word_evidence(facts: u8) -> [f64; 3] {
    let bits = membership(facts);
    let bit = |b: u8| f64::from(bits >> b & 1);
    let (mut wi, mut we, wo) = (bit(0), bit(1), bit(2));
    if bits == 0 {
        // Content words are weak evidence, but all a one-word comment has ("bellissimo!").
        wi = if in_italian_lexicon(facts) {
            CONTENT_WORD_WEIGHT
        } else {
            0.0
        };
        we = if facts & IN_VADER != 0 {
            CONTENT_WORD_WEIGHT
        } else {
            0.0
        };
    }
    // A word shared with other Romance languages ("che" vs "que" are distinct, but "la",
    // "con", "una" are not) is weaker evidence for any of them.
    let shared = [wi, we, wo].iter().filter(|w| **w > 0.0).count().max(1) as f64;
    [wi / shared, we / shared, wo / shared]
}

/// [`word_evidence`] of every combination of [`EVIDENCE_BITS`], worked out once: detection
/// reads each word's evidence instead of working it out again for every word of every text.
fn evidence_table() -> &'static [[f64; 3]; EVIDENCE_BITS as usize + 1] {
    static TABLE: std::sync::OnceLock<[[f64; 3]; EVIDENCE_BITS as usize + 1]> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [[0.0; 3]; EVIDENCE_BITS as usize + 1];
        for (facts, evidence) in table.iter_mut().enumerate() {
            *evidence = word_evidence(facts as u8);
        }
        table
    })
}

/// Detects whether `text` is Italian, English, or neither.
///
/// ```
/// use polso::lang::{detect, Lang};
/// assert_eq!(detect("Non mi è piaciuto per niente").lang, Some(Lang::It));
/// assert_eq!(detect("I didn't like it at all").lang, Some(Lang::En));
/// assert_eq!(detect("Me gusta mucho, pero es muy caro").lang, None);
/// assert_eq!(detect("il meeting è stato top, very cool il team building").lang, Some(Lang::It));
/// ```
pub fn detect(text: &str) -> DetectedLang {
    detect_tokens(&tokenize(text))
}

/// [`detect`] over tokens the caller already has (scoring tokenizes once for everything).
pub fn detect_tokens(tokens: &[crate::text::Token<'_>]) -> DetectedLang {
    detect_folded(&vocabulary::fold_words(tokens))
}

/// [`detect`] over the words of a text already folded and looked up
/// ([`vocabulary::fold_words`]; scoring folds once for everything).
pub fn detect_folded(words: &[Option<FoldedWord<'_>>]) -> DetectedLang {
    let evidence = evidence_table();
    let mut it = 0.0;
    let mut en = 0.0;
    let mut other = 0.0;
    for folded in words.iter().flatten() {
        let word = folded.key.as_ref();
        let whole = folded.known.flags;
        let mut pieces = [(word, whole), ("", 0)];
        let mut count = 1;
        // (Foreign letters and accented vowels are not ASCII: most words need neither check.)
        let ascii = folded.plain || word.is_ascii();
        if !ascii && word.contains(FOREIGN_LETTERS) {
            // ñ, ã, ê, ß...: letters Italian and English do not use
            other += 1.0;
        }
        // Italian elision: "l'ho" counts as "l'" and "ho" (but French "c'est" is a word of its own).
        if let Some(at) = (!folded.plain).then(|| find_ascii(word, b'\'')).flatten() {
            let (head, tail) = (&word[..at], &word[at + 1..]);
            if membership(whole) == 0 && !tail.is_empty() && head.len() <= 6 && !head.ends_with('n')
            {
                let head = &word[..head.len() + 1];
                pieces = [
                    (head, vocabulary::flags(head)),
                    (tail, vocabulary::flags(tail)),
                ];
                count = 2;
                it += 0.5;
            }
        }
        for &(piece, facts) in &pieces[..count] {
            let [wi, we, wo] = evidence[usize::from(facts & EVIDENCE_BITS)];
            it += wi;
            en += we;
            other += wo;
            if !ascii
                && piece
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, 'à' | 'è' | 'ì' | 'ò' | 'ù'))
            {
                it += 0.5;
            }
        }
    }
    let total = it + en + other;
    if total < CONTENT_WORD_WEIGHT {
        return DetectedLang {
            lang: None,
            confidence: 0.0,
        };
    }
    let (lang, best) = if it >= en && it >= other {
        (Some(Lang::It), it)
    } else if en > it && en >= other {
        (Some(Lang::En), en)
    } else {
        (None, other)
    };
    // Confidence grows with the share of the evidence and with how much evidence there is.
    let share = best / total;
    let amount = 1.0 - 1.0 / (1.0 + total);
    let confidence = (share * amount).clamp(0.0, 1.0);
    match lang {
        Some(_) if share < MIN_CONFIDENCE => DetectedLang {
            lang: None,
            confidence: 1.0 - share,
        },
        _ => DetectedLang { lang, confidence },
    }
}
