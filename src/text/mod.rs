//! Text handling: the tokenizer and its spans.
//!
//! [`tokenize`] splits a comment into [`Token`]s: words (apostrophes inside and elisions kept
//! together, `l'ho`, `don't`), numbers, punctuation runs (`!!!`, `?!`), emoticons (`:)`, `:-(`,
//! `xD`, `<3`), emoji (whole ZWJ sequences, skin tones, flags, keycaps, variation selectors), URLs,
//! @mentions and #hashtags. Words follow Unicode word boundaries (UAX #29, from
//! `unicode-segmentation`); the other kinds are recognised first, because UAX #29 would cut them
//! into pieces.
//!
//! Every token records its byte range (for Rust) and its span in UTF-16 code units, which is what
//! JavaScript's `String.prototype.slice` counts, so `text.slice(start, end)` in the browser returns
//! the token, emoji included.

pub mod lowercase;
pub mod normalize;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes or a trailing accent apostrophe (`perche'`).
    Word,
    /// Digits, possibly with separators (`3.5`, `1,000`).
    Number,
    /// A run of punctuation or symbols (`!!!`, `?!`, `...`).
    Punct,
    /// A text emoticon such as `:)` or `xD`.
    Emoticon,
    /// One emoji, including ZWJ sequences, modifiers, flags and keycaps.
    Emoji,
    /// A web address.
    Url,
    /// An @mention.
    Mention,
    /// A #hashtag.
    Hashtag,
}

/// A half-open range `[start, end)` in UTF-16 code units, as JavaScript counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// What it is.
    pub kind: TokenKind,
    /// Byte offset in the original text.
    pub byte_start: usize,
    /// Position in UTF-16 code units.
    pub span: Span,
}

impl Token<'_> {
    /// Byte offset one past the token's end.
    pub fn byte_end(&self) -> usize {
        self.byte_start + self.text.len()
    }
}

/// Splits `text` into tokens. Whitespace is dropped; everything else belongs to a token.
///
/// ```
/// use polso::text::{tokenize, TokenKind};
/// let text = "Non mi è piaciuto 😡 :( www.example.com";
/// let tokens = tokenize(text);
/// let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
/// assert_eq!(tokens[4].text, "😡");
/// assert_eq!(kinds[4..], [TokenKind::Emoji, TokenKind::Emoticon, TokenKind::Url]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokenize_with(text, true)
}

/// [`tokenize`], with or without the shortcut for plain ASCII words and punctuation
/// ([`plain_ascii_len`]); the tests hold the two equal.
fn tokenize_with(text: &str, shortcut: bool) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into_with(text, &mut tokens, shortcut);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so that a caller scoring many texts reuses one
/// buffer.
pub fn tokenize_into<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>) {
    tokenize_into_with(text, tokens, true);
}

/// An empty vector of another element type of the same size and alignment (another lifetime,
/// mostly) that keeps `vec`'s allocation, so that a buffer outlives the borrowed data it held.
/// (Collecting in place reuses the allocation; were it not to, this would only allocate anew.)
pub(crate) fn reuse_allocation<T, U>(mut vec: Vec<T>) -> Vec<U> {
    vec.clear();
    vec.into_iter().filter_map(|_| None).collect()
}

fn tokenize_into_with<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>, shortcut: bool) {
    tokens.clear();
    let mut scanner = Scanner {
        text,
        pos: 0,
        utf16: 0,
        token_utf16_start: 0,
        emoticons: emoticon_starts(),
    };
    let bytes = text.as_bytes();
    loop {
        let (start, kind) = match shortcut.then(|| scanner.next_plain_ascii(bytes)).flatten() {
            Some(found) => found,
            None => match scanner.next_token() {
                Some(found) => found,
                None => break,
            },
        };
        let end = scanner.pos;
        let utf16_start = scanner.token_utf16_start;
        let piece = text.get(start..end).unwrap_or_default();
        // Merge adjacent punctuation (UAX #29 yields "!" "!" "!") into one run.
        if kind == TokenKind::Punct {
            if let Some(last) = tokens.last_mut() {
                let last: &mut Token = last;
                if last.kind == TokenKind::Punct && last.byte_end() == start {
                    last.text = text.get(last.byte_start..end).unwrap_or(last.text);
                    last.span.end = scanner.utf16;
                    continue;
                }
            }
        }
        tokens.push(Token {
            text: piece,
            kind,
            byte_start: start,
            span: Span {
                start: utf16_start,
                end: scanner.utf16,
            },
        });
    }
}

/// Byte offset of the first `mark` (an ASCII character) in `text`. A plain byte loop: on the
/// short words and tokens it is asked about per word, faster than `str::find`'s searcher.
#[inline]
pub fn find_ascii(text: &str, mark: u8) -> Option<usize> {
    debug_assert!(mark.is_ascii());
    text.bytes().position(|b| b == mark)
}

/// How many times `mark` (an ASCII character) occurs in `text` (see [`find_ascii`]).
#[inline]
pub fn count_ascii(text: &str, mark: u8) -> usize {
    debug_assert!(mark.is_ascii());
    text.bytes().filter(|&b| b == mark).count()
}

/// Number of UTF-16 code units in `s`.
#[inline]
pub fn utf16_len(s: &str) -> u32 {
    if s.is_ascii() {
        return s.len() as u32;
    }
    // Counted on bytes: every character starts with a non-continuation byte, and the ones written
    // with four bytes in UTF-8 (lead byte 0xF0 and up) take two UTF-16 units.
    s.as_bytes()
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

struct Scanner<'a> {
    text: &'a str,
    /// Byte position.
    pos: usize,
    /// The same position in UTF-16 code units.
    utf16: u32,
    /// Where the last token found starts, in UTF-16 code units.
    token_utf16_start: u32,
    /// [`emoticon_starts`], fetched once per text rather than once per token.
    emoticons: &'static EmoticonStarts,
}

impl<'a> Scanner<'a> {
    #[inline]
    fn advance_to(&mut self, end: usize) {
        self.utf16 += utf16_len(&self.text[self.pos..end]);
        self.pos = end;
    }

    #[inline]
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn previous_char(&self) -> Option<char> {
        match self.pos.checked_sub(1).map(|i| self.text.as_bytes()[i]) {
            Some(b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[..self.pos].chars().next_back(),
        }
    }

    /// Byte length of the whitespace (and stray invisible characters) at the current position.
    fn blank_len(&self) -> usize {
        let bytes = self.rest().as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, CR, space.
                if !matches!(b, b'\t'..=b'\r' | b' ') {
                    return i;
                }
                i += 1;
            } else {
                let c = self.rest()[i..].chars().next().unwrap_or(' ');
                if !(c.is_whitespace() || is_invisible(c)) {
                    return i;
                }
                i += c.len_utf8();
            }
        }
        i
    }

    /// The next token when it is a plain word or mark ([`plain_ascii_len`]) after ASCII
    /// whitespace, as [`Scanner::next_token`] would find it, advancing past it; `None` leaves
    /// the scanner before the next token (past the ASCII whitespace) for
    /// [`Scanner::next_token`]. Most tokens of most texts are found here, in a byte loop that
    /// counts UTF-16 units as it goes.
    #[inline]
    fn next_plain_ascii(&mut self, bytes: &[u8]) -> Option<(usize, TokenKind)> {
        let mut pos = self.pos;
        while bytes
            .get(pos)
            .is_some_and(|b| matches!(b, b'\t'..=b'\r' | b' '))
        {
            pos += 1;
        }
        self.utf16 += (pos - self.pos) as u32;
        self.pos = pos;
        let first = *bytes.get(pos)?;
        // (Words may begin with a Latin-1 letter, "è", "È", written with the lead byte 0xC3.)
        if !first.is_ascii() && first != 0xC3 {
            return None;
        }
        let at_boundary = match pos.checked_sub(1).map(|before| bytes.get(before)) {
            None => true,
            Some(Some(&b)) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            Some(_) => self.previous_char().map_or(true, |c| !c.is_alphanumeric()),
        };
        let (len, kind, utf16) =
            plain_ascii_len(self.text.get(pos..)?, at_boundary, self.emoticons)?;
        self.token_utf16_start = self.utf16;
        self.pos += len;
        self.utf16 += utf16;
        Some((pos, kind))
    }

    /// Finds the next token, advances past it and returns its start and kind.
    fn next_token(&mut self) -> Option<(usize, TokenKind)> {
        // Skip whitespace (and stray joiners/selectors that belong to nothing).
        let skip = self.blank_len();
        self.advance_to(self.pos + skip);
        if self.pos == self.text.len() {
            return None;
        }
        let start = self.pos;
        self.token_utf16_start = self.utf16;
        let rest = self.rest();
        let at_boundary = self.previous_char().map_or(true, |c| !c.is_alphanumeric());

        if at_boundary {
            if let Some(len) = url_len(rest) {
                self.advance_to(start + len);
                return Some((start, TokenKind::Url));
            }
            if let Some(len) = email_len(rest) {
                self.advance_to(start + len);
                return Some((start, TokenKind::Url));
            }
            if let Some(len) = tagged_len(rest, '@') {
                self.advance_to(start + len);
                return Some((start, TokenKind::Mention));
            }
            if let Some(len) = tagged_len(rest, '#') {
                self.advance_to(start + len);
                return Some((start, TokenKind::Hashtag));
            }
            if let Some(len) = emoticon_len(rest) {
                self.advance_to(start + len);
                return Some((start, TokenKind::Emoticon));
            }
        }

        if let Some(len) = html_entity_len(rest) {
            // "&gt;", "&#39;": markup left in scraped text is punctuation, not the word "gt".
            self.advance_to(start + len);
            return Some((start, TokenKind::Punct));
        }

        let segment = first_word_segment(rest);
        let mut len = segment.len();
        let kind = classify(segment);
        if kind == TokenKind::Word {
            // Hyphenated compounds are one word, as VADER sees them ("warm-up", "kind-of", "e-mail").
            while let Some(after) = rest[len..].strip_prefix('-') {
                let next = first_word_segment(after);
                if next.is_empty() || classify(next) != TokenKind::Word {
                    break;
                }
                len += 1 + next.len();
            }
            let segment = &rest[..len];
            // Keep an apostrophe that ends a word in Italian accent spelling ("perche'", "po'"),
            // which UAX #29 leaves outside the word.
            let after = &rest[len..];
            if let Some(apostrophe) = after
                .chars()
                .next()
                .filter(|&c| c == '\'' || c == '\u{2019}')
            {
                let next = after[apostrophe.len_utf8()..].chars().next();
                let ends_in_vowel = segment.chars().next_back().is_some_and(is_vowel);
                if ends_in_vowel && next.map_or(true, |c| !c.is_alphanumeric()) {
                    len += apostrophe.len_utf8();
                }
            }
        }
        self.advance_to(start + len);
        Some((start, kind))
    }
}

/// The token at the start of `bytes` when it is a plain word or a single punctuation mark that
/// no special kind can claim, as the general path of [`Scanner::next_token`] would find it
/// (`None` leaves it to that path), with its length in bytes and in UTF-16 units. Most tokens
/// are such words ("the", "bello", "l'ho", "perché") and marks:
/// - a word of ASCII letters and digits and Latin-1 letters (U+00C0 to U+00FF but `×` `÷`, which
///   UAX #29 counts as letters like ASCII ones), with apostrophes between two letters, that is
///   not the start of a URL or, at a boundary, an emoticon (`xD`, `ç_ç`), and that ends at an
///   ASCII byte that joins nothing under UAX #29 and extends nothing here: not `_`, a hyphen, an
///   apostrophe, `@` or `+` (which could make an e-mail address); `,` `;` only after a letter
///   (they join digits); `.` `:` only before a byte that is no letter, digit or e-mail
///   character (they join letters, and `.` digits);
/// - a punctuation mark is a segment of its own unless it is `_` (which joins letters), starts a
///   mention, hashtag, HTML reference or emoticon, could start an e-mail address, or has a
///   non-ASCII character after it.
#[inline(always)]
fn plain_ascii_len(
    rest: &str,
    at_boundary: bool,
    emoticons: &EmoticonStarts,
) -> Option<(usize, TokenKind, u32)> {
    let bytes = rest.as_bytes();
    let first = *bytes.first()?;
    let may_start_emoticon = at_boundary && emoticons.first_bytes[usize::from(first)];
    let first_latin1 = latin1_letter_at(bytes, 0);
    if first.is_ascii_alphabetic() || first_latin1 {
        // (These checks reject most words on their first two bytes.)
        // (Every URL begins "http" or "www.", in any case.)
        if at_boundary
            && matches!(first, b'h' | b'H' | b'w' | b'W')
            && matches!(bytes.get(1), Some(b't' | b'T' | b'w' | b'W'))
            && url_len(rest).is_some()
        {
            return None;
        }
        if may_start_emoticon {
            if first_latin1 {
                // Few emoticons begin with a Latin-1 letter ("ç_ç"): words that begin like one
                // are left to the general path.
                let first_char = rest.chars().next().map(lowercase::first_lowercase);
                if first_char.is_some_and(|c| emoticons.first_chars.contains(&c)) {
                    return None;
                }
            } else if may_be_emoticon(bytes, emoticons) && emoticon_len(rest).is_some() {
                return None;
            }
        }
        let (end, wide, last_letter) = plain_word_end(bytes)?;
        let email_char =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-' | b'@');
        let ends_here = match bytes.get(end) {
            None => true,
            Some(&next) if !next.is_ascii() => false,
            Some(b'_' | b'-' | b'\'' | b'@' | b'+') => false,
            Some(b',' | b';') => last_letter,
            Some(b'.' | b':') => match bytes.get(end + 1) {
                None => true,
                Some(&after) => after.is_ascii() && !email_char(after),
            },
            Some(_) => true,
        };
        return ends_here.then_some((end, TokenKind::Word, (end - wide) as u32));
    }
    let claimed = matches!(first, b'_' | b'@' | b'#' | b'&')
        || may_start_emoticon
        || (at_boundary && matches!(first, b'.' | b'+' | b'-'));
    // (A combining mark after it would join its segment: a non-ASCII byte next is left alone.)
    let next_ascii = bytes.get(1).map_or(true, u8::is_ascii);
    (first.is_ascii_punctuation() && !claimed && next_ascii).then_some((1, TokenKind::Punct, 1))
}

/// ASCII letters and digits, the bytes a word runs on.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether a Latin-1 letter (U+00C0 to U+00FF but `×` U+00D7 and `÷` U+00F7: 0xC3 and a second
/// byte) starts at `at`. UAX #29 counts these as letters, as it does ASCII ones.
#[inline]
fn latin1_letter_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0xC3)
        && bytes
            .get(at + 1)
            .is_some_and(|&b| matches!(b, 0x80..=0xBF) && b != 0x97 && b != 0xB7)
}

/// Where the run of ASCII letters and digits and Latin-1 letters at the start of `bytes` ends,
/// taking in an apostrophe between two letters (UAX #29 joins "l'ho"), with the number of
/// two-byte letters in it (each one UTF-16 unit) and whether it ends with a letter. `None` when
/// an apostrophe stands between a digit and a letter or digit (UAX #29 decides apart for digits).
#[inline(always)]
fn plain_word_end(bytes: &[u8]) -> Option<(usize, usize, bool)> {
    let mut end = 0;
    let mut wide = 0;
    // (The last byte of a Latin-1 letter is not ASCII; the run has no other.)
    let ends_with_letter = |end: usize| {
        end.checked_sub(1)
            .and_then(|last| bytes.get(last))
            .is_some_and(|&b| b.is_ascii_alphabetic() || !b.is_ascii())
    };
    loop {
        while bytes
            .get(end)
            .is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)])
        {
            end += 1;
        }
        match bytes.get(end) {
            Some(0xC3) if latin1_letter_at(bytes, end) => {
                end += 2;
                wide += 1;
            }
            Some(b'\'') if end > 0 => {
                let last_letter = ends_with_letter(end);
                let letter_after = bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
                    || latin1_letter_at(bytes, end + 1);
                let digit_after = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if last_letter && letter_after {
                    end += 1;
                } else if last_letter || !(letter_after || digit_after) {
                    // No join: the word ends before the apostrophe.
                    return Some((end, wide, last_letter));
                } else {
                    return None;
                }
            }
            _ => return Some((end, wide, ends_with_letter(end))),
        }
    }
}

/// Whether the first two bytes of `bytes`, lowercased, begin some emoticon (all emoticons are
/// two bytes or more): the check [`emoticon_len`] makes first, made before calling it.
#[inline]
fn may_be_emoticon(bytes: &[u8], emoticons: &EmoticonStarts) -> bool {
    match *bytes {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            let pair =
                usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
            emoticons.first_pairs[pair / 64] & (1 << (pair % 64)) != 0
        }
        _ => true,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Characters that carry no text of their own when they stand alone.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FE0E}' | '\u{FE0F}'
    )
}

/// The first segment of `s` by Unicode word boundaries (UAX #29), as `unicode-segmentation`
/// finds it, with a fast path for ASCII: when the segment and the characters that decide where it
/// ends are all ASCII, the rules reduce to letters, digits and `_` joining, and `.` `'` `:` `,` `;`
/// joining only between two letters or two digits. Anything else (a non-ASCII character within
/// reach, which could be a letter, a combining mark or a joiner) is left to the full algorithm.
fn first_word_segment(s: &str) -> &str {
    match ascii_word_segment_len(s.as_bytes()) {
        Some(len) => &s[..len],
        None => s.split_word_bounds().next().unwrap_or(s),
    }
}

/// UAX #29 word classes of the ASCII characters that join with their neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiWordClass {
    Letter,
    Numeric,
    /// `_`: joins letters and digits on both sides.
    ExtendNumLet,
    /// `:` joins letters only.
    MidLetter,
    /// `.` and `'` join letters, and digits.
    MidNumLet,
    /// `,` and `;` join digits only.
    MidNum,
    Other,
}

#[inline(always)]
fn ascii_word_class(b: u8) -> AsciiWordClass {
    use AsciiWordClass::*;
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Letter,
        b'0'..=b'9' => Numeric,
        b'_' => ExtendNumLet,
        b':' => MidLetter,
        b'.' | b'\'' => MidNumLet,
        b',' | b';' => MidNum,
        _ => Other,
    }
}

/// Length of the first word segment of `bytes` when ASCII rules decide it, `None` when a
/// non-ASCII byte is within reach or the text starts with whitespace.
fn ascii_word_segment_len(bytes: &[u8]) -> Option<usize> {
    use AsciiWordClass::*;
    let first = *bytes.first()?;
    // (Segments of spaces and line breaks have rules of their own; the tokenizer skips them.)
    if !first.is_ascii() || matches!(first, b'\t'..=b'\r' | b' ') {
        return None;
    }
    // `at` is the last byte of the segment so far; look at what follows it.
    let mut at = 0;
    loop {
        let Some(&next) = bytes.get(at + 1) else {
            return Some(at + 1);
        };
        if !next.is_ascii() {
            return None;
        }
        let (here, then) = (ascii_word_class(bytes[at]), ascii_word_class(next));
        // Runs of letters and digits, the bulk of any text, first.
        if next.is_ascii_alphanumeric() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let alnum = |c| matches!(c, Letter | Numeric | ExtendNumLet);
        if alnum(here) && alnum(then) {
            at += 1;
            continue;
        }
        let joins_letters = here == Letter && matches!(then, MidLetter | MidNumLet);
        let joins_digits = here == Numeric && matches!(then, MidNum | MidNumLet);
        if joins_letters || joins_digits {
            match bytes.get(at + 2) {
                None => return Some(at + 1),
                Some(b) if !b.is_ascii() => return None,
                Some(&b) if ascii_word_class(b) == here => {
                    at += 2;
                    continue;
                }
                Some(_) => return Some(at + 1),
            }
        }
        return Some(at + 1);
    }
}

fn classify(segment: &str) -> TokenKind {
    if segment.is_ascii() {
        let bytes = segment.as_bytes();
        return if bytes.iter().any(u8::is_ascii_alphabetic) {
            TokenKind::Word
        } else if bytes.first().is_some_and(u8::is_ascii_digit) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
    }
    let mut chars = segment.chars();
    let first = chars.next().unwrap_or(' ');
    // (Not `contains('\u{20E3}')`: a non-ASCII char pattern brings the substring searcher into the wasm.)
    if segment.chars().any(|c| is_emoji_char(c) || c == '\u{20E3}') {
        return TokenKind::Emoji;
    }
    if segment.chars().any(char::is_alphabetic) {
        return TokenKind::Word;
    }
    if first.is_numeric() {
        return TokenKind::Number;
    }
    TokenKind::Punct
}

/// Whether `c` is an emoji base character (pictographs, dingbats, regional indicators).
///
/// A range test rather than the full Extended_Pictographic table: it covers what comments use
/// and keeps the wasm small. Text symbols such as `©` count only with VS16, which UAX #29 keeps in
/// the same segment, so they are recognised through [`classify`]'s caller seeing `\u{FE0F}`.
pub fn is_emoji_char(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF   // pictographs, emoticons, transport, supplemental symbols, flags
        | 0x2600..=0x27BF   // miscellaneous symbols, dingbats (☀ ✔ ❤ ✨)
        | 0x2300..=0x23FF   // ⌚ ⏰ ⏳
        | 0x2B00..=0x2BFF   // ⭐ ⬆
        | 0x2190..=0x21FF   // arrows used as emoji
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x24C2
        | 0x25AA..=0x25FE
        | 0xFE0F)
}

/// Length of an HTML character reference (`&amp;`, `&#39;`, `&#x27;`) at the start of `s`.
fn html_entity_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?;
    // References are short: look no further than that, so a run of '&' stays linear.
    let window = &body.as_bytes()[..body.len().min(10)];
    let end = window.iter().position(|&b| b == b';')?;
    let name = &body[..end];
    let valid = match name.strip_prefix('#') {
        Some(number) => {
            let digits = number.strip_prefix(['x', 'X']).unwrap_or(number);
            !digits.is_empty() && digits.len() <= 6 && digits.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => (2..=8).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphabetic()),
    };
    valid.then_some(end + 2)
}

/// Length of a URL at the start of `s`, if there is one. Trailing sentence punctuation is left out.
fn url_len(s: &str) -> Option<usize> {
    // Compared byte by byte ignoring ASCII case: no other character lowercases to these letters.
    let scheme = ["https://", "http://", "www."].iter().find(|p| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    })?;
    let end = s
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .unwrap_or(s.len());
    let url = s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '\u{2019}']);
    (url.len() > scheme.len()).then_some(url.len())
}

/// Length of an e-mail address at the start of `s` (`name@example.com`): an address, not words.
fn email_len(s: &str) -> Option<usize> {
    // Most tokens are words that end before any '@': find out on bytes first.
    let ascii_local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-');
    match s.as_bytes().iter().take(64).find(|b| !ascii_local(b)) {
        Some(b'@') => {}
        Some(b) if !b.is_ascii() => {}
        _ => return None,
    }
    let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    let at = s
        .char_indices()
        .take(64)
        .take_while(|&(_, c)| is_local(c) || c == '@')
        .find(|&(_, c)| c == '@')?
        .0;
    if at == 0 {
        return None;
    }
    let domain = &s[at + 1..];
    let len = domain
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(domain.len());
    let domain = domain[..len].trim_end_matches(['.', '-']);
    let dot = domain.find('.')?;
    (dot > 0 && dot + 1 < domain.len()).then_some(at + 1 + domain.len())
}

/// Length of `@name` or `#tag` at the start of `s`.
fn tagged_len(s: &str, sigil: char) -> Option<usize> {
    let body = s.strip_prefix(sigil)?;
    let first = body.chars().next()?;
    if !(first.is_alphanumeric() || first == '_')
        || (sigil == '#' && first.is_numeric() && body.len() < 2)
    {
        return None;
    }
    let mut end = 0;
    for (i, c) in body.char_indices() {
        if c.is_alphanumeric() || c == '_' || (sigil == '@' && (c == '.' || c == '-') && i > 0) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let name = body[..end].trim_end_matches(['.', '-']);
    Some(sigil.len_utf8() + name.len())
}

/// What the emoticon table looks like from the front, for quick rejections: most words cannot
/// start an emoticon and need no lookups.
struct EmoticonStarts {
    /// Bytes that start an emoticon, in either case.
    first_bytes: [bool; 256],
    /// The first characters of the (lowercase) emoticons.
    first_chars: Vec<char>,
    /// Pairs of leading bytes of the (lowercase) emoticons, as a bit set of 2^16.
    first_pairs: Vec<u64>,
    /// The longest emoticon, in bytes.
    longest: usize,
}

fn emoticon_starts() -> &'static EmoticonStarts {
    static STARTS: std::sync::OnceLock<EmoticonStarts> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = EmoticonStarts {
            first_bytes: [false; 256],
            first_chars: Vec::new(),
            first_pairs: vec![0; 1 << 10],
            longest: 0,
        };
        for (emoticon, _) in crate::lexicon::EMOTICONS.rows() {
            let bytes = emoticon.as_bytes();
            for b in [bytes[0], bytes[0].to_ascii_uppercase()] {
                starts.first_bytes[usize::from(b)] = true;
            }
            starts.first_chars.extend(emoticon.chars().next());
            if let [a, b, ..] = bytes {
                let pair = usize::from(*a) << 8 | usize::from(*b);
                starts.first_pairs[pair / 64] |= 1 << (pair % 64);
            }
            starts.longest = starts.longest.max(bytes.len());
        }
        starts
    })
}

/// Length of an emoticon at the start of `s`: the longest known emoticon (ASCII, case-insensitive),
/// plus any repetition of its last character (`:)))`), not followed by a letter or digit.
fn emoticon_len(s: &str) -> Option<usize> {
    let first = *s.as_bytes().first()?;
    let starts = emoticon_starts();
    if !starts.first_bytes[usize::from(first)] {
        return None;
    }
    // Most words that begin like an emoticon ("so", "the") are told apart by their first two
    // bytes: every emoticon's first two, lowercased, are in `first_pairs` (checked again below
    // on the whole window, which this only anticipates).
    if let [a, b, ..] = *s.as_bytes() {
        if a.is_ascii() && b.is_ascii() {
            let pair =
                usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
            if starts.first_pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                return None;
            }
        }
    }
    // Emoticons are short and mostly ASCII; a few are not ("ç_ç"). Try the longest prefix of
    // up to 8 non-space characters first.
    let mut ends = [0usize; 8];
    let mut count = 0;
    for (i, c) in s.char_indices().take(8) {
        if c.is_whitespace() {
            break;
        }
        ends[count] = i + c.len_utf8();
        count += 1;
    }
    let ends = &ends[..count];
    let window = &s[..ends.last().copied().unwrap_or(0)];
    let best = if window.is_ascii() {
        let mut lower = [0u8; 8];
        lower[..window.len()].copy_from_slice(window.as_bytes());
        lower.make_ascii_lowercase();
        let pair = match lower[..window.len()] {
            [a, b, ..] => usize::from(a) << 8 | usize::from(b),
            _ => return None,
        };
        if starts.first_pairs[pair / 64] & (1 << (pair % 64)) == 0 {
            return None;
        }
        ends.iter()
            .rev()
            .filter(|&&end| end >= 2 && end <= starts.longest)
            .copied()
            .find(|&end| {
                std::str::from_utf8(&lower[..end])
                    .is_ok_and(|key| crate::lexicon::EMOTICONS.contains(key))
            })
    } else {
        // The first character lowercased is the first character of every lowercased prefix.
        let first_char = lowercase::first_lowercase(s.chars().next()?);
        if !starts.first_chars.contains(&first_char) {
            return None;
        }
        ends.iter()
            .rev()
            .copied()
            .filter(|&end| end >= 2)
            .find(|&end| crate::lexicon::EMOTICONS.contains(&lowercase::to_lowercase(&s[..end])))
    };
    let mut len = best?;
    let bytes = s.as_bytes();
    let last = bytes[len - 1];
    // Mouths repeat (":)))", ":DDD"), eyes do not.
    if last.is_ascii()
        && (!last.is_ascii_alphanumeric() || matches!(last, b'D' | b'P' | b'd' | b'p'))
    {
        while len < bytes.len() && bytes[len] == last {
            len += 1;
        }
    }
    let next = s[len..].chars().next();
    let starts_with_letter = first.is_ascii_alphanumeric();
    let ends_with_letter = last.is_ascii_alphanumeric();
    match next {
        Some(c) if c.is_alphanumeric() && ends_with_letter => None,
        // "xD" must be a token of its own; ":)" may touch a following word less strictly.
        Some(c) if c.is_alphanumeric() && starts_with_letter => None,
        _ => Some(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s).into_iter().map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_accent_apostrophes() {
        use TokenKind::*;
        assert_eq!(
            texts("don't l'ho perche' po' bello"),
            vec![
                ("don't", Word),
                ("l'ho", Word),
                ("perche'", Word),
                ("po'", Word),
                ("bello", Word)
            ]
        );
        assert_eq!(texts("l’ho"), vec![("l’ho", Word)]);
    }

    #[test]
    fn punctuation_runs_are_one_token() {
        assert_eq!(
            texts("wow!!! really?!"),
            vec![
                ("wow", TokenKind::Word),
                ("!!!", TokenKind::Punct),
                ("really", TokenKind::Word),
                ("?!", TokenKind::Punct)
            ]
        );
    }

    #[test]
    fn emoticons_are_recognised_but_not_inside_words() {
        let t = texts("great :) :-( <3 :)))");
        assert_eq!(
            t[1..],
            [
                (":)", TokenKind::Emoticon),
                (":-(", TokenKind::Emoticon),
                ("<3", TokenKind::Emoticon),
                (":)))", TokenKind::Emoticon)
            ]
        );
        // ":D" followed by letters is not an emoticon
        assert!(texts(":Don").iter().all(|(_, k)| *k != TokenKind::Emoticon));
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        let family = "👨\u{200D}👩\u{200D}👧";
        let thumbs = "👍🏽";
        let flag = "🇮🇹";
        let heart = "❤\u{FE0F}";
        let keycap = "1\u{FE0F}\u{20E3}";
        let text = format!("{family} {thumbs}{flag} {heart} {keycap} 😍😍");
        let t = texts(&text);
        assert_eq!(
            t,
            vec![
                (family, TokenKind::Emoji),
                (thumbs, TokenKind::Emoji),
                (flag, TokenKind::Emoji),
                (heart, TokenKind::Emoji),
                (keycap, TokenKind::Emoji),
                ("😍", TokenKind::Emoji),
                ("😍", TokenKind::Emoji)
            ]
        );
    }

    #[test]
    fn urls_mentions_hashtags() {
        let t = texts("@mario_rossi guarda https://example.com/a?b=1. #SempreMilan #1");
        assert_eq!(t[0], ("@mario_rossi", TokenKind::Mention));
        assert_eq!(t[2], ("https://example.com/a?b=1", TokenKind::Url));
        assert_eq!(t[3], (".", TokenKind::Punct));
        assert_eq!(t[4], ("#SempreMilan", TokenKind::Hashtag));
    }

    #[test]
    fn hyphenated_words_and_html_entities() {
        assert_eq!(
            texts("warm-up &gt;&gt; e-mail")[0],
            ("warm-up", TokenKind::Word)
        );
        assert_eq!(
            texts("warm-up &gt;&gt; e-mail")[1],
            ("&gt;&gt;", TokenKind::Punct)
        );
        assert_eq!(
            texts("warm-up &gt;&gt; e-mail")[2],
            ("e-mail", TokenKind::Word)
        );
        assert_eq!(texts("well -- ok")[1], ("--", TokenKind::Punct));
    }

    #[test]
    fn ascii_fast_path_finds_the_same_word_boundaries_as_uax29() {
        // Every string of up to five characters over the classes the fast path tells apart, plus
        // characters it must leave to the full algorithm (a letter, a combining mark, a joiner).
        let alphabet = [
            'a', 'Z', '7', '_', ':', '.', '\'', ',', ';', '-', ' ', '!', '\n', '\r', 'é',
            '\u{301}', '\u{200D}',
        ];
        let mut text = String::new();
        let mut checked = 0;
        let mut stack = vec![0usize];
        while let Some(&len) = stack.last() {
            // odometer over alphabet^len for len in 1..=5
            let mut digits = vec![0usize; len + 1];
            loop {
                text.clear();
                text.extend(digits.iter().map(|&d| alphabet[d]));
                let expected = text.split_word_bounds().next().unwrap_or("");
                if let Some(fast) = ascii_word_segment_len(text.as_bytes()) {
                    assert_eq!(&text[..fast], expected, "in {text:?}");
                    checked += 1;
                }
                assert_eq!(first_word_segment(&text), expected, "in {text:?}");
                let mut k = 0;
                while k < digits.len() {
                    digits[k] += 1;
                    if digits[k] < alphabet.len() {
                        break;
                    }
                    digits[k] = 0;
                    k += 1;
                }
                if k == digits.len() {
                    break;
                }
            }
            stack.pop();
            if len < 4 {
                stack.push(len + 1);
            }
        }
        assert!(
            checked > 100_000,
            "the fast path decided only {checked} cases"
        );
    }

    #[test]
    fn the_ascii_shortcut_finds_the_tokens_the_general_path_finds() {
        // Every string of up to four pieces over characters and fragments that decide where
        // tokens end or what they are (URL and e-mail starts, emoticon letters, joiners, a
        // non-ASCII letter, an accent apostrophe).
        let pieces = [
            "a", "Z", "x", "D", "h", "w", "7", "_", ":", ".", "'", ",", ";", "-", "+", "@", "#",
            "&", "!", "(", ")", "<", " ", "\n", "é", "’", "ok", "www.", "http://", "gt;", "3", "o",
            "t", "@a", ".o", "1,5",
        ];
        let checked = shortcut_agrees_on_every_text_of(&pieces, 4);
        assert!(checked > 1_500_000, "only {checked} texts");
        // and on whole comments
        for line in include_str!("../../tests/data/golden_en.tsv")
            .lines()
            .chain(include_str!("../../tests/data/golden_it.tsv").lines())
        {
            assert_eq!(
                tokenize_with(line, true),
                tokenize_with(line, false),
                "in {line:?}"
            );
        }
    }

    #[test]
    fn the_shortcut_reads_latin1_letters_and_elisions_as_the_general_path_does() {
        // Every string of up to four pieces over Latin-1 letters (and the two Latin-1 signs
        // that are no letters), letters outside Latin-1, a combining mark, apostrophes between
        // letters and digits, and the marks that decide where a word ends.
        let pieces = [
            "a", "Z", "x", "d", "o", "7", "è", "È", "ç", "ÿ", "×", "÷", "ª", "ā", "\u{301}", "'",
            "\u{2019}", " ", ",", ".", "-", "@", "_", ":", "l'", "po'", "ç_ç",
        ];
        let checked = shortcut_agrees_on_every_text_of(&pieces, 4);
        assert!(checked > 500_000, "only {checked} texts");
    }

    /// Tokenizes every concatenation of 1 to `longest` of `pieces` with and without the ASCII
    /// shortcut, asserts the two agree, and returns how many texts were checked.
    fn shortcut_agrees_on_every_text_of(pieces: &[&str], longest: usize) -> usize {
        let mut text = String::new();
        let mut digits = Vec::new();
        let mut checked = 0;
        for len in 1..=longest {
            digits.clear();
            digits.resize(len, 0usize);
            'all: loop {
                text.clear();
                text.extend(digits.iter().map(|&d| pieces[d]));
                assert_eq!(
                    tokenize_with(&text, true),
                    tokenize_with(&text, false),
                    "in {text:?}"
                );
                checked += 1;
                // The next combination: count in base `pieces.len()`, first digit lowest.
                for digit in digits.iter_mut() {
                    *digit += 1;
                    if *digit < pieces.len() {
                        continue 'all;
                    }
                    *digit = 0;
                }
                break;
            }
        }
        checked
    }

    #[test]
    fn utf16_lengths_count_surrogate_pairs() {
        for s in ["", "abc", "è", "😍", "a😍b€", "👨\u{200D}👩"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count() as u32, "{s:?}");
        }
    }

    #[test]
    fn emoticons_in_any_case_and_with_non_ascii_letters() {
        assert_eq!(texts("XD")[0], ("XD", TokenKind::Emoticon));
        assert_eq!(texts("ç_ç ok")[0], ("ç_ç", TokenKind::Emoticon));
        assert_eq!(texts(":-Þ")[0], (":-Þ", TokenKind::Emoticon));
        assert_eq!(texts("xylophone")[0], ("xylophone", TokenKind::Word));
        assert_eq!(texts("è")[0], ("è", TokenKind::Word));
    }

    #[test]
    fn spans_are_utf16_code_units() {
        let text = "😍 ok";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].span, Span { start: 0, end: 2 });
        assert_eq!(tokens[1].span, Span { start: 3, end: 5 });
    }
}
