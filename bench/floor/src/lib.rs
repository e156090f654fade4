//! AFINN word counting in wasm, as cheaply as it can be done: the floor of what polso's batch call
//! could reach. It splits each text on ASCII punctuation and spaces, lowercases ASCII letters,
//! looks each word up in one hash map of valences and normalises the sum as VADER does. No
//! negation, no idioms, no language detection, no civility signals, no Unicode rules.
//!
//! It crosses the boundary exactly as polso's packed batch does (the texts joined into one string
//! with their UTF-16 lengths in, ten numbers a text out), so that `tests/js/bench.mjs` can put
//! polso's own JavaScript layer (`www/src/api.js`: packing, unpacking into result objects) over it
//! and measure what is left for the scoring itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use wasm_bindgen::prelude::*;

/// The Fx hash (as in polso's lexicon maps): the cheapest good hash for short words.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

type Valences = HashMap<Box<[u8]>, f64, BuildHasherDefault<Fx>>;

thread_local! {
    static VALENCES: RefCell<Valences> = RefCell::new(Valences::default());
}

/// Loads the word list (the `sentiment` package's AFINN labels, passed in by the benchmark).
#[wasm_bindgen]
pub fn init_lexicon(words: Vec<String>, valences: Vec<f64>) {
    VALENCES.with(|map| {
        let mut map = map.borrow_mut();
        for (word, valence) in words.into_iter().zip(valences) {
            map.insert(word.into_bytes().into_boxed_slice(), valence);
        }
    });
}

/// The byte length of the first `units` UTF-16 code units of `bytes` (valid UTF-8).
fn utf8_len(bytes: &[u8], units: usize) -> usize {
    if bytes.get(..units).is_some_and(<[u8]>::is_ascii) {
        return units;
    }
    let (mut seen, mut end) = (0, 0);
    while seen < units && end < bytes.len() {
        let lead = bytes[end];
        let (width, utf16) = match lead {
            0x00..=0x7f => (1, 1),
            0x80..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            _ => (4, 2),
        };
        end += width;
        seen += utf16;
    }
    end.min(bytes.len())
}

/// Scores texts packed as polso's `__scorePacked` takes them; returns polso's packed layout
/// (compound, pos, neu, neg, language confidence, four signals, flags): the compound score and its
/// label; the other fields, which word counting does not compute, are zero.
#[wasm_bindgen(js_name = __scorePacked)]
pub fn score_packed(joined: &str, lengths: &[u32], _options: JsValue, _call: &str) -> Vec<f64> {
    let mut out = Vec::with_capacity(lengths.len() * 10);
    let mut rest = joined.as_bytes();
    let mut word: Vec<u8> = Vec::with_capacity(32);
    VALENCES.with(|map| {
        let map = map.borrow();
        let look_up = |word: &mut Vec<u8>, sum: &mut f64| {
            if let Some(valence) = map.get(&word[..]) {
                *sum += valence;
            }
            word.clear();
        };
        for &length in lengths {
            let end = utf8_len(rest, length as usize);
            let (text, after) = rest.split_at(end);
            rest = after;
            let mut sum = 0.0;
            for &byte in text {
                if byte.is_ascii_alphanumeric() || byte == b'\'' || byte >= 0x80 {
                    word.push(byte.to_ascii_lowercase());
                } else if !word.is_empty() {
                    look_up(&mut word, &mut sum);
                }
            }
            if !word.is_empty() {
                look_up(&mut word, &mut sum);
            }
            let compound = sum / (sum * sum + 15.0).sqrt();
            let label = if compound >= 0.05 {
                0.0
            } else if compound <= -0.05 {
                2.0
            } else {
                1.0
            };
            out.extend_from_slice(&[compound, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, label]);
        }
    });
    out
}
