//! Properties that must hold for every input: scores stay in range and finite, scoring never
//! panics and is deterministic, and every span slices the original text.

use polso::text::{tokenize, Span};
use polso::{score_with, Lang, Options};
use proptest::prelude::*;

/// The UTF-16 span of `text` as a byte range, or `None` if it falls inside a character.
fn utf16_to_bytes(text: &str, span: Span) -> Option<(usize, usize)> {
    let mut units = 0u32;
    let (mut start, mut end) = (None, None);
    for (byte, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        if units == span.start {
            start.get_or_insert(byte);
        }
        if units == span.end {
            end.get_or_insert(byte);
        }
        units += c.len_utf16() as u32;
    }
    Some((start?, end?))
}

fn check_invariants(text: &str) {
    for lang in [None, Some(Lang::En), Some(Lang::It)] {
        let result = score_with(
            text,
            Options {
                lang,
                explain: true,
            },
        );
        assert!(
            result.compound.is_finite() && (-1.0..=1.0).contains(&result.compound),
            "compound {} for {text:?}",
            result.compound
        );
        for share in [result.pos, result.neu, result.neg] {
            assert!(
                share.is_finite() && (0.0..=1.0).contains(&share),
                "share {share} for {text:?}"
            );
        }
        let total = result.pos + result.neu + result.neg;
        assert!(
            total == 0.0 || (total - 1.0).abs() < 1e-9,
            "shares add up to {total}"
        );
        assert_eq!(
            result,
            score_with(
                text,
                Options {
                    lang,
                    explain: true
                }
            ),
            "not deterministic"
        );
        for token in &result.tokens {
            let (start, end) =
                utf16_to_bytes(text, token.span).expect("span on a character boundary");
            assert!(start <= end && end <= text.len());
            let slice = &text[start..end];
            // idioms join their words with single spaces; every other token is the slice itself
            let squeezed: String = slice.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                slice == token.text || squeezed == token.text,
                "span {:?} slices {slice:?}, token is {:?}",
                token.span,
                token.text
            );
        }
    }
    for token in tokenize(text) {
        let (start, end) = utf16_to_bytes(text, token.span).expect("span on a character boundary");
        assert_eq!((start, end), (token.byte_start, token.byte_end()));
        assert_eq!(&text[start..end], token.text);
    }
}

/// Characters that break naive text code: combining marks, bidi controls, joiners, emoji parts,
/// surrogate-range neighbours, apostrophes and the symbols emoticons are made of.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '\u{0301}',
            '\u{0300}',
            '\u{202E}',
            '\u{202D}',
            '\u{2066}',
            '\u{200D}',
            '\u{200B}',
            '\u{FE0F}',
            '\u{FE0E}',
            '\u{20E3}',
            '\u{1F3FD}',
            '\u{1F1EE}',
            '\u{1F1F9}',
            '\u{1F44D}',
            '\u{2764}',
            '\u{1F600}',
            '\u{FFFD}',
            '\u{E000}',
            '\u{10FFFF}',
            '\'',
            '\u{2019}',
            ':',
            ')',
            '(',
            '-',
            'D',
            '<',
            '3',
            '!',
            '?',
            '#',
            '@',
            '&',
            ';',
            ' ',
            '\n',
            '\t',
            'a',
            'e',
            'o',
            'n',
            'N',
            'è',
            'à',
        ]),
    ]
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "good",
        "not",
        "very",
        "but",
        "bad",
        "GREAT",
        "kind",
        "of",
        "never",
        "so",
        "without",
        "doubt",
        "least",
        "no",
        "non",
        "mi",
        "è",
        "piaciuto",
        "molto",
        "bello",
        "ma",
        "per",
        "niente",
        "l'ho",
        "mai",
        "perche'",
        "bellissimo",
        "😍",
        "😡",
        "👍🏽",
        ":)",
        ":-(",
        "xD",
        "<3",
        "!!!",
        "??",
        "http://x.example",
        "@mario",
        "#fail",
        "sooo",
        "goood",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_keeps_the_invariants(chars in prop::collection::vec(tricky_char(), 0..120)) {
        let text: String = chars.into_iter().collect();
        check_invariants(&text);
    }

    #[test]
    fn any_sentence_of_rule_words_keeps_the_invariants(words in prop::collection::vec(word(), 0..40), sep in prop::sample::select(vec![" ", "", ", ", "  \n"])) {
        check_invariants(&words.join(sep));
    }

    #[test]
    fn lone_combining_marks_and_controls_do_not_panic(prefix in "\\PC{0,20}", marks in "[\u{0300}-\u{036F}\u{200D}\u{202A}-\u{202E}\u{FE0F}]{1,30}") {
        check_invariants(&format!("{marks}{prefix}{marks}"));
    }
}

#[test]
fn one_megabyte_inputs_are_scored() {
    let sentence = "Non mi è piaciuto per niente, but the staff were VERY nice!!! 😍👍🏽 :) ";
    let text = sentence.repeat(1_000_000 / sentence.len() + 1);
    assert!(text.len() >= 1_000_000);
    let result = score_with(&text, Options::default());
    assert!(result.compound.is_finite() && (-1.0..=1.0).contains(&result.compound));
    // one long word, one long run of punctuation, one long run of emoji
    for text in [
        "a".repeat(1 << 20),
        "!".repeat(1 << 20),
        "😍".repeat(1 << 18),
        "\u{0301}".repeat(1 << 19),
    ] {
        let result = score_with(&text, Options::default());
        assert!(result.compound.is_finite());
    }
}

#[test]
fn empty_and_blank_texts_are_neutral() {
    for text in ["", " ", "\n\t", "...", "\u{200D}"] {
        let result = score_with(text, Options::default());
        assert_eq!(result.compound, 0.0, "{text:?}");
        assert_eq!(result.label, polso::Label::Neutral);
    }
}
