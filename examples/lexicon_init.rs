//! What the first use of each lexicon costs natively, in its two steps: materialising the text
//! (decoding the compact form; for the Italian forms, expanding the lemmas) and indexing it; then
//! building the vocabulary over the per-word tables. First use happens once a process, so run
//! this several times and take the median:
//!
//! ```sh
//! cargo build --release --example lexicon_init
//! for i in $(seq 9); do target/release/examples/lexicon_init; done | sort -n -k2 | grep total
//! ```
use std::time::Instant;

fn main() {
    let mut total = 0.0;
    for table in polso::lexicon::all_tables() {
        let start = Instant::now();
        let bytes = table.text().len();
        let text_ms = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let entries = table.len();
        let index_ms = start.elapsed().as_secs_f64() * 1e3;
        total += text_ms + index_ms;
        println!(
            "{:<32} text {text_ms:>6.2} ms  index {index_ms:>6.2} ms  {entries:>6} entries  {bytes:>7} bytes",
            table.source
        );
    }
    let start = Instant::now();
    let known = polso::lexicon::vocabulary::flags("the");
    let vocabulary_ms = start.elapsed().as_secs_f64() * 1e3;
    total += vocabulary_ms;
    println!("vocabulary {vocabulary_ms:>6.2} ms (flags of \"the\": {known})");
    println!("total {total:.2} ms");
}
