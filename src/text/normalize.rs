//! Normalisation of a word before lexicon lookup: case, apostrophes, elongation, accents typed as
//! apostrophes. Each function is small and pure so the rules can be tested one by one.

use std::borrow::Cow;

/// [`fold`], borrowing the word when it is folded already (most words: ASCII in lowercase).
#[inline]
pub fn fold_cow(word: &str) -> Cow<'_, str> {
    let folded_ascii = |b: &u8| b.is_ascii() && !b.is_ascii_uppercase() && *b != b'`';
    if word.as_bytes().iter().all(folded_ascii) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// [`fold_cow`] and [`is_elongated`] of the folded word, in one pass over a word that is folded
/// already (most words).
#[inline]
pub fn fold_cow_elongated(word: &str) -> (Cow<'_, str>, bool) {
    let mut previous = 0u8;
    let mut run = 0;
    let mut elongated = false;
    for &b in word.as_bytes() {
        if !b.is_ascii() || b.is_ascii_uppercase() || b == b'`' {
            let folded = fold(word);
            let elongated = is_elongated(&folded);
            return (Cow::Owned(folded), elongated);
        }
        if b == previous {
            run += 1;
            elongated |= run >= 3 && b.is_ascii_alphabetic();
        } else {
            previous = b;
            run = 1;
        }
    }
    (Cow::Borrowed(word), elongated)
}

/// Lowercases and turns typographic apostrophes (’ ‘ ʼ) into `'`, as the lexicons are written.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => super::lowercase::push_lowercase(c, &mut out),
        }
    }
    out
}

/// Whether a word is written in capitals, as Python's `str.isupper()` decides: at least one cased
/// letter and no lowercase one. VADER's ALL-CAPS rule relies on exactly this test.
pub fn is_upper(word: &str) -> bool {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().any(u8::is_ascii_uppercase);
    }
    let mut cased = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

/// Collapses elongated letters ("bellooo", "sooooo", "nooo"): runs of three or more of the same
/// letter become `keep` letters. Returns `None` when nothing was elongated.
pub fn collapse_elongation(word: &str, keep: usize) -> Option<String> {
    if !is_elongated(word) {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        let copies = if run >= 3 && c.is_alphabetic() {
            changed = true;
            keep.min(run)
        } else {
            run
        };
        out.extend(std::iter::repeat(c).take(copies));
        i += run;
    }
    changed.then_some(out)
}

/// Whether a word has a run of three or more of the same letter, which
/// [`collapse_elongation`] would collapse (checked without allocating, on bytes when ASCII).
pub fn is_elongated(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut ascii = true;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            ascii = false;
            break;
        }
        if i >= 2 && b == bytes[i - 1] && b == bytes[i - 2] && b.is_ascii_alphabetic() {
            return true;
        }
    }
    if ascii {
        return false;
    }
    let mut previous = ('\0', 0);
    word.chars().any(|c| {
        previous = if c == previous.0 {
            (c, previous.1 + 1)
        } else {
            (c, 1)
        };
        previous.1 >= 3 && c.is_alphabetic()
    })
}

/// Laughter in its chat spellings: "ahah", "ahahahah", "hahaha", "haha", "ahaha", "jajaja", "lol"
/// is in the lexicons instead.
pub fn is_laughter(word: &str) -> bool {
    // Asked of every Italian word: pairs of neighbouring characters, without collecting them, and
    // the first pair that is no laughter ends it. Three alternations need four letters at least.
    let is_a = |c: char| c == 'a';
    let is_h = |c: char| c == 'h' || c == 'j';
    let mut chars = word.chars();
    let Some(mut previous) = chars.next() else {
        return false;
    };
    // alternating a/h pairs, possibly with a doubled letter ("ahahha", "ahhaha")
    let mut alternations = 0;
    for c in chars {
        match (previous, c) {
            (x, y) if is_a(x) && is_h(y) => alternations += 1,
            (x, y) if is_h(x) && is_a(y) => alternations += 1,
            (x, y) if x == y && (is_a(x) || is_h(x)) => {}
            _ => return false,
        }
        previous = c;
    }
    alternations >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("L’HO"), "l'ho");
        assert_eq!(fold("PERCHÉ"), "perché");
        for word in ["bello", "l'ho", "L’HO", "Bello", "it`s", "città", "x2"] {
            assert_eq!(fold_cow(word), fold(word), "{word}");
        }
        assert!(matches!(fold_cow("l'ho"), Cow::Borrowed(_)));
        for word in [
            "bello",
            "bellooo",
            "BELLOOO",
            "aaa",
            "aab",
            "Aaa",
            "111",
            "...",
            "sooo",
            "coool",
            "città",
            "cittàààà",
            "x",
            "",
            "l’hooo",
            "it`sss",
            "zzz!",
        ] {
            assert_eq!(
                fold_cow_elongated(word),
                (fold_cow(word), is_elongated(&fold(word))),
                "{word}"
            );
        }
    }

    #[test]
    fn elongation() {
        assert_eq!(collapse_elongation("bellooo", 1).as_deref(), Some("bello"));
        assert_eq!(collapse_elongation("sooooo", 2).as_deref(), Some("soo"));
        assert_eq!(collapse_elongation("coool", 2).as_deref(), Some("cool"));
        assert_eq!(collapse_elongation("bello", 1), None);
        assert_eq!(collapse_elongation("!!!", 1), None);
    }

    #[test]
    fn upper() {
        assert!(is_upper("GOOD"));
        assert!(is_upper(":D"));
        assert!(!is_upper("Good"));
        assert!(!is_upper("123"));
    }

    #[test]
    fn laughter() {
        for w in ["ahah", "ahahahah", "hahaha", "haha", "ahahha", "jajaja"] {
            assert!(is_laughter(w), "{w}");
        }
        for w in ["aha", "hah", "hallo", "ahi", "haah"] {
            assert!(!is_laughter(w), "{w}");
        }
    }
}
