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
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut scanner = Scanner {
        text,
        pos: 0,
        utf16: 0,
    };
    while let Some((start, kind)) = scanner.next_token() {
        let end = scanner.pos;
        let piece = &text[start..end];
        // Merge adjacent punctuation (UAX #29 yields "!" "!" "!") into one run.
        if kind == TokenKind::Punct {
            if let Some(last) = tokens.last_mut() {
                let last: &mut Token = last;
                if last.kind == TokenKind::Punct && last.byte_end() == start {
                    last.text = &text[last.byte_start..end];
                    last.span.end = scanner.utf16;
                    continue;
                }
            }
        }
        let width = utf16_len(piece);
        tokens.push(Token {
            text: piece,
            kind,
            byte_start: start,
            span: Span {
                start: scanner.utf16 - width,
                end: scanner.utf16,
            },
        });
    }
    tokens
}

/// Number of UTF-16 code units in `s`.
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

struct Scanner<'a> {
    text: &'a str,
    /// Byte position.
    pos: usize,
    /// The same position in UTF-16 code units.
    utf16: u32,
}

impl<'a> Scanner<'a> {
    fn advance_to(&mut self, end: usize) {
        self.utf16 += utf16_len(&self.text[self.pos..end]);
        self.pos = end;
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn previous_char(&self) -> Option<char> {
        self.text[..self.pos].chars().next_back()
    }

    /// Finds the next token, advances past it and returns its start and kind.
    fn next_token(&mut self) -> Option<(usize, TokenKind)> {
        // Skip whitespace (and stray joiners/selectors that belong to nothing).
        let skip = self
            .rest()
            .char_indices()
            .find(|&(_, c)| !(c.is_whitespace() || is_invisible(c)))
            .map(|(i, _)| i)?;
        self.advance_to(self.pos + skip);
        let start = self.pos;
        let rest = self.rest();
        let at_boundary = self.previous_char().is_none_or(|c| !c.is_alphanumeric());

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

        let segment = rest.split_word_bounds().next().unwrap_or(rest);
        let mut len = segment.len();
        let kind = classify(segment);
        if kind == TokenKind::Word {
            // Hyphenated compounds are one word, as VADER sees them ("warm-up", "kind-of", "e-mail").
            while let Some(after) = rest[len..].strip_prefix('-') {
                let next = after.split_word_bounds().next().unwrap_or("");
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
                if ends_in_vowel && next.is_none_or(|c| !c.is_alphanumeric()) {
                    len += apostrophe.len_utf8();
                }
            }
        }
        self.advance_to(start + len);
        Some((start, kind))
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

fn classify(segment: &str) -> TokenKind {
    let mut chars = segment.chars();
    let first = chars.next().unwrap_or(' ');
    if segment.chars().any(is_emoji_char) || segment.contains('\u{20E3}') {
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
    let lower_prefix: String = s.chars().take(8).flat_map(char::to_lowercase).collect();
    let scheme = ["https://", "http://", "www."]
        .iter()
        .find(|p| lower_prefix.starts_with(**p))?;
    let end = s
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .unwrap_or(s.len());
    let url = s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '\u{2019}']);
    (url.len() > scheme.len()).then_some(url.len())
}

/// Length of an e-mail address at the start of `s` (`name@example.com`): an address, not words.
fn email_len(s: &str) -> Option<usize> {
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

/// Whether an emoticon in the table starts with this byte (a quick filter: most words cannot
/// start one, and need no lookups).
fn may_start_emoticon(first: u8) -> bool {
    static FIRST_BYTES: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let table = FIRST_BYTES.get_or_init(|| {
        let mut table = [false; 256];
        for (emoticon, _) in crate::lexicon::EMOTICONS.rows() {
            for b in [
                emoticon.as_bytes()[0],
                emoticon.as_bytes()[0].to_ascii_uppercase(),
            ] {
                table[usize::from(b)] = true;
            }
        }
        table
    });
    table[usize::from(first)]
}

/// Length of an emoticon at the start of `s`: the longest known emoticon (ASCII, case-insensitive),
/// plus any repetition of its last character (`:)))`), not followed by a letter or digit.
fn emoticon_len(s: &str) -> Option<usize> {
    let first = *s.as_bytes().first()?;
    if !may_start_emoticon(first) {
        return None;
    }
    // Emoticons are short and mostly ASCII; a few are not ("ç_ç"). Try the longest prefix of
    // up to 8 non-space characters first.
    let mut ends: Vec<usize> = s
        .char_indices()
        .take(8)
        .take_while(|&(_, c)| !c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.reverse();
    let best = ends
        .into_iter()
        .filter(|&end| end >= 2)
        .find(|&end| crate::lexicon::EMOTICONS.contains(&s[..end].to_lowercase()));
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
    fn spans_are_utf16_code_units() {
        let text = "😍 ok";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].span, Span { start: 0, end: 2 });
        assert_eq!(tokens[1].span, Span { start: 3, end: 5 });
    }
}
