//! Lowercasing, as `char::to_lowercase` does it, from a table a tenth the size of std's.
//!
//! The lexicons are looked up in lowercase, so every word with a capital is lowercased. std's
//! mapping is exact but brings a 12 KB table into the wasm; build.rs derives runs from that same
//! mapping (`lowercase.rs` in `OUT_DIR`), which fit in 1.5 KB, and the tests below check every
//! Unicode character against std.

include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// The lowercase of `c` when it is one character: every character but U+0130 (`İ`, whose
/// lowercase is `i` followed by a combining dot).
fn one_char(c: char) -> char {
    let code = c as u32;
    // The last run starting at or before `c`.
    let at = LOWERCASE_RUNS.partition_point(|&(packed, _)| packed >> 8 <= code);
    let Some(&(packed, offset)) = at.checked_sub(1).and_then(|i| LOWERCASE_RUNS.get(i)) else {
        return c;
    };
    let (first, count, stride) = (packed >> 8, (packed >> 1) & 0x7F, 1 + (packed & 1));
    let step = code - first;
    if step % stride != 0 || step / stride >= count {
        return c;
    }
    code.checked_add_signed(offset)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// Appends the lowercase of `c` to `out`, as `out.extend(c.to_lowercase())` would.
#[inline]
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{130}' {
        out.push_str("i\u{307}");
    } else {
        out.push(one_char(c));
    }
}

/// The first character of the lowercase of `c` (`c.to_lowercase().next()`).
pub fn first_lowercase(c: char) -> char {
    match c {
        '\u{130}' => 'i',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => one_char(c),
    }
}

/// `text` lowercased character by character. Unlike `str::to_lowercase` it does not write a
/// Greek capital sigma at the end of a word as final `ς`; no lexicon key holds a sigma, so no
/// lookup can tell the difference.
pub fn to_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_lowercase(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowercases_as_std_does() {
        let mut mapped = 0;
        let mut out = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            out.clear();
            push_lowercase(c, &mut out);
            let expected: String = c.to_lowercase().collect();
            assert_eq!(out, expected, "U+{:04X}", c as u32);
            assert_eq!(Some(first_lowercase(c)), expected.chars().next());
            mapped += usize::from(expected != c.to_string());
        }
        // The table is not empty by accident: Unicode has well over a thousand cased pairs.
        assert!(mapped > 1400, "{mapped}");
    }

    #[test]
    fn words_lowercase_as_std_does_without_sigma() {
        for word in [
            "PERCHÉ",
            "ÀÈÌÒÙ",
            "Ĳssel",
            "ǅemal",
            "ΑΘΗΝΑ",
            "МОСКВА",
            "İstanbul",
            "ＦＵＬＬ",
        ] {
            assert_eq!(to_lowercase(word), word.to_lowercase(), "{word}");
        }
    }
}
