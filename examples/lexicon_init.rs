//! What the first use of each lexicon costs natively: decoding its compact form (and, for the
//! Italian forms, expanding the lemmas) plus indexing it. First use happens once a process, so
//! run this several times and take the median:
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
        let entries = table.len();
        let ms = start.elapsed().as_secs_f64() * 1e3;
        total += ms;
        println!("{:<32} {ms:>7.2} ms  {entries:>6} entries", table.source);
    }
    println!("total {total:.2} ms");
}
