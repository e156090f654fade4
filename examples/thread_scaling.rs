//! The cost of keeping an open thread's report current as the thread grows: for threads of 1,000,
//! 10,000 and 100,000 comments, the time to add one more comment and the time to read the report
//! (what a live dashboard does after each comment). Medians of repeated measurements are printed;
//! flat figures across sizes mean the work follows what changed, not the size of the thread.
//!
//! ```text
//! cargo run --release --example thread_scaling [-- SIZES...]
//! ```

use std::time::Instant;

use polso::thread::{Comment, Thread, ThreadOptions, Timestamp};
use polso::Lang;

const TEXTS: &[&str] = &[
    "Grazie mille, funziona!",
    "Does anyone know how to fix this?",
    "You're an idiot",
    "Secondo me hai ragione",
    "This doesn't work since the update",
    "Sarebbe bello se ci fosse il tema scuro",
    "ok",
];

/// A deterministic pseudo-random thread: replies to a recent comment (one in eight comes before
/// its parent), 2,000 authors, a comment every ten seconds.
struct Generator {
    x: u64,
    i: usize,
}

impl Generator {
    fn next(&mut self) -> Comment {
        self.x ^= self.x << 13;
        self.x ^= self.x >> 7;
        self.x ^= self.x << 17;
        let i = self.i;
        self.i += 1;
        let back = 1 + (self.x as usize % 50);
        // Now and then a reply names a parent that arrives later.
        let parent = if i == 0 {
            None
        } else if self.x % 8 == 0 {
            Some(format!("c{}", i + 1))
        } else {
            Some(format!("c{}", i.saturating_sub(back)))
        };
        Comment::new(
            format!("c{i}"),
            parent.as_deref(),
            format!("user{}", (self.x >> 8) % 2_000),
            TEXTS[(self.x >> 20) as usize % TEXTS.len()],
        )
        .at(Timestamp::from_millis(
            1_700_000_000_000 + i as i64 * 10_000,
        ))
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if given.is_empty() {
            vec![1_000, 10_000, 100_000]
        } else {
            given
        }
    };
    let options = ThreadOptions {
        lang: Some(Lang::En),
        sla_minutes: Some(30.0),
        staff: vec!["user7".into()],
        ..ThreadOptions::default()
    };
    println!("comments  add µs (median)  report µs (median)  add+report µs  mood buckets listed");
    for &size in &sizes {
        let mut generator = Generator {
            x: 0x9E37_79B9_7F4A_7C15,
            i: 0,
        };
        let mut thread = Thread::new(options.clone());
        for _ in 0..size {
            let _ = thread.add(generator.next());
        }
        // Then measure: 25 rounds of (add 40 comments, one at a time; read the report once).
        let (mut adds, mut reports) = (Vec::new(), Vec::new());
        let mut buckets = 0;
        for _ in 0..25 {
            let batch: Vec<Comment> = (0..40).map(|_| generator.next()).collect();
            let started = Instant::now();
            for comment in batch {
                let _ = thread.add(comment);
            }
            adds.push(started.elapsed().as_secs_f64() * 1e6 / 40.0);
            let started = Instant::now();
            let report = thread.report();
            reports.push(started.elapsed().as_secs_f64() * 1e6);
            // The report lists every mood bucket: its size grows with the thread's duration.
            buckets = report.mood.buckets.len();
        }
        let (add, report) = (median(adds), median(reports));
        println!(
            "{size:>8}  {add:>14.1}  {report:>18.1}  {:>13.1}  {buckets:>19}",
            add + report
        );
    }
}
