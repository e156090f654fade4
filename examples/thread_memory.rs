//! Bytes per comment held by an open `Thread`, for a generated thread of N comments (default
//! 1,000,000), measured with a counting global allocator; also the time to add them and to report.
//!
//! ```text
//! cargo run --release --example thread_memory [-- N]
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use polso::thread::{Comment, Thread, ThreadOptions, Timestamp};
use polso::Lang;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const TEXTS: &[&str] = &[
    "Grazie mille, funziona!",
    "Does anyone know how to fix this?",
    "You're an idiot",
    "Secondo me hai ragione",
    "This doesn't work since the update",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    // Warm the lexicon tables so that they are not counted as the thread's memory.
    let _ = polso::score("warm up the tables, grazie");
    let before = LIVE.load(Ordering::Relaxed);
    let mut thread = Thread::new(ThreadOptions {
        lang: Some(Lang::En),
        ..ThreadOptions::default()
    });
    let started = Instant::now();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..n {
        // A deterministic pseudo-random tree: replies to a recent comment, 2,000 authors.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let parent = (i > 0).then(|| format!("c{}", i - 1 - (x as usize % i.min(50))));
        let comment = Comment::new(
            format!("c{i}"),
            parent.as_deref(),
            format!("user{}", x % 2_000),
            TEXTS[i % TEXTS.len()],
        )
        .at(Timestamp::from_millis(1_700_000_000_000 + i as i64 * 1_000));
        let _ = thread.add(comment);
    }
    let added = started.elapsed();
    let held = LIVE.load(Ordering::Relaxed) - before;
    let started = Instant::now();
    let report = thread.report();
    let reported = started.elapsed();
    println!("comments: {n}");
    println!(
        "held by the thread: {held} bytes = {:.1} bytes/comment",
        held as f64 / n as f64
    );
    println!(
        "peak heap during the run: {} bytes",
        PEAK.load(Ordering::Relaxed)
    );
    println!(
        "add: {:.2} s ({:.0} comments/s, text scoring included); report: {:.1} ms",
        added.as_secs_f64(),
        n as f64 / added.as_secs_f64(),
        reported.as_secs_f64() * 1e3
    );
    println!(
        "depth max {}, tension {} ({})",
        report.shape.depth_max,
        report.tension.score,
        report.tension.band.name()
    );
}
