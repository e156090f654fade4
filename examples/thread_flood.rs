//! Hash flooding: whether a thread whose comment ids and author names were chosen to collide in a
//! hash function costs more to analyse than an ordinary one. Comment ids and author names come from
//! the page or export being analysed, so whoever writes them (any site the browser extension
//! runs on) chooses them. A map hashed with a fixed, public function lets them pick thousands of
//! keys with the same hash, and every insert then compares the new key with all the others: the
//! work grows with the square of the thread.
//!
//! The colliding keys are built for the Fx hash (the one the lexicon maps use, with its fixed
//! multiplier): two 8-byte words `w1`, `w2` with `rotl(w1 * SEED, 5) ^ w2` the same for every key
//! leave the hash state the same after both words, whatever `w1` is. Both words are kept to ASCII
//! bytes, so the keys are valid UTF-8 ids a JSON export could hold.
//!
//! Prints, for each size, the time to add every comment of an ordinary thread and of a colliding
//! one and read the report, and their ratio. It asserts nothing about them.
//!
//! ```text
//! cargo run --release --example thread_flood [-- SIZES...]
//! ```

use std::time::Instant;

use polso::thread::{Comment, Thread, ThreadOptions, Timestamp};
use polso::Lang;

/// The Fx hash's multiplier (`src/lexicon/hash.rs`).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
/// What `rotl(w1 * SEED, 5) ^ w2` equals for every colliding key: any ASCII word.
const TARGET: u64 = u64::from_le_bytes(*b"polso-id");

/// `count` distinct 16-byte ASCII keys with the same Fx hash state, from a deterministic search.
fn colliding_keys(count: usize, salt: u64) -> Vec<String> {
    let mut keys = Vec::with_capacity(count);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15 ^ salt;
    while keys.len() < count {
        // A random ASCII first word (xorshift), then the second word the collision requires.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let w1 = x & 0x7f7f_7f7f_7f7f_7f7f;
        let w2 = w1.wrapping_mul(SEED).rotate_left(5) ^ TARGET;
        if w2 & 0x8080_8080_8080_8080 != 0 {
            continue; // not ASCII
        }
        let mut bytes = w1.to_le_bytes().to_vec();
        bytes.extend_from_slice(&w2.to_le_bytes());
        if let Ok(key) = String::from_utf8(bytes) {
            keys.push(key);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Ordinary keys of the same length: `c` and a zero-padded number.
fn ordinary_keys(count: usize, prefix: char) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}{i:015}")).collect()
}

/// Seconds to add a thread where comment `i` has id `ids[i]`, author `authors[i]` and answers
/// comment `i / 2` (a binary tree, so the parents are looked up by id too), then read its report.
fn analyse(ids: &[String], authors: &[String]) -> f64 {
    let options = ThreadOptions {
        lang: Some(Lang::En),
        ..ThreadOptions::default()
    };
    let start = Instant::now();
    let mut thread = Thread::new(options);
    for (i, (id, author)) in ids.iter().zip(authors).enumerate() {
        let parent = (i > 0).then(|| ids[i / 2].as_str());
        let comment = Comment::new(id.clone(), parent, author.clone(), "ok")
            .at(Timestamp::from_millis(1_700_000_000_000 + i as i64 * 1_000));
        if let Err(error) = thread.add(comment) {
            eprintln!("comment {id:?} rejected: {error}");
        }
    }
    let report = thread.report();
    let elapsed = start.elapsed().as_secs_f64();
    assert_eq!(report.comments as usize, ids.len());
    elapsed
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if given.is_empty() {
            vec![1_000, 5_000, 20_000]
        } else {
            given
        }
    };
    println!(
        "{:>8}  {:>12}  {:>12}  {:>7}",
        "comments", "ordinary s", "colliding s", "ratio"
    );
    for &n in &sizes {
        let colliding_ids = colliding_keys(n, 1);
        let colliding_authors = colliding_keys(n, 2);
        let n = colliding_ids.len().min(colliding_authors.len());
        let ordinary = analyse(&ordinary_keys(n, 'c')[..], &ordinary_keys(n, 'u')[..]);
        let colliding = analyse(&colliding_ids[..n], &colliding_authors[..n]);
        println!(
            "{n:>8}  {ordinary:>12.4}  {colliding:>12.4}  {:>6.1}x",
            colliding / ordinary
        );
    }
}
