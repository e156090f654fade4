//! Thread analytics at scale: generates a deterministic comment thread of N comments, adds them one
//! by one to an open [`Thread`], asks for the report, and prints one JSON line with the time spent
//! and the memory used. `bench/scale.mjs` runs it once per size, each in a fresh process, so that
//! the peak resident set size of the process belongs to that size alone.
//!
//! ```text
//! cargo run --release --example thread_scale -- 100000
//! ```
//!
//! The thread is generated here, from sentences written for this benchmark (no evaluation data):
//! Italian and English comments of several kinds (questions, complaints, thanks, insults, replies
//! that agree or disagree), a reply tree where most comments answer a recent one and some answer an
//! older one or start a new branch, authors whose activity follows a steep power law (a few
//! regulars, a long tail of one-time commenters), a moderator who answers questions, and times
//! that advance by random gaps which are shorter in the evening than at night.
//!
//! Memory is measured two ways: the heap, exactly, with a counting global allocator (bytes held by
//! the open thread after the last comment, and the peak during the run), and the operating
//! system's view, the peak resident set size (`VmHWM` in `/proc/self/status`, Linux only; `null`
//! elsewhere), read once after warming up and once at the end.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use polso::thread::{Comment, Reactions, Thread, ThreadOptions, Timestamp};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged and only counts bytes.
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

/// splitmix64: small, fast and the same on every platform, so every run builds the same thread.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

// Sentences written for this benchmark. Each comment is an optional opener, one body sentence of a
// kind, and an optional closer, so that texts vary in length and wording the way comments do.
const IT_OPENERS: &[&str] = &[
    "Allora,",
    "Scusate,",
    "Ragazzi,",
    "Ciao a tutti,",
    "Sinceramente",
    "Secondo me",
    "Boh,",
    "Aggiornamento:",
];
const IT_QUESTIONS: &[&str] = &[
    "qualcuno sa quando riapre lo sportello?",
    "come si cambia l'indirizzo di consegna dopo l'ordine?",
    "è normale che l'app chieda di nuovo la password ogni giorno?",
    "dove trovo la ricevuta del pagamento?",
    "si può avere il rimborso se il pacco arriva rotto?",
];
const IT_COMPLAINTS: &[&str] = &[
    "il pacco è arrivato con tre giorni di ritardo e nessuno mi ha avvisato.",
    "da quando avete aggiornato l'app non riesco più ad accedere.",
    "ho scritto due volte all'assistenza e non ha risposto nessuno.",
    "il prodotto si è rotto dopo una settimana, che delusione.",
];
const IT_THANKS: &[&str] = &[
    "grazie mille, adesso funziona tutto!",
    "ottimo servizio, consegna velocissima.",
    "gentilissimi, problema risolto in dieci minuti.",
    "bellissima iniziativa, complimenti a chi l'ha organizzata.",
];
const IT_AGREE: &[&str] = &[
    "hai ragione, è successo anche a me.",
    "confermo, stesso problema da ieri sera.",
    "sono d'accordo, bisognerebbe scriverlo chiaramente nel sito.",
];
const IT_DISAGREE: &[&str] = &[
    "non sono d'accordo, a me è arrivato tutto in orario.",
    "guarda che basta leggere le istruzioni.",
    "non mi sembra un problema così grave.",
];
const IT_HOSTILE: &[&str] = &[
    "ma sei scemo? Leggi prima di scrivere.",
    "che schifo di servizio, vergognatevi.",
    "stai zitto, non capisci niente.",
];
const IT_NEUTRAL: &[&str] = &[
    "il negozio in centro chiude alle sette.",
    "la nuova versione esce lunedì prossimo.",
    "il modulo si trova nella pagina del profilo.",
];
const IT_CLOSERS: &[&str] = &[
    "",
    "",
    "",
    " Grazie.",
    " Vediamo.",
    " :)",
    " 😡",
    " Buona serata.",
];

const EN_OPENERS: &[&str] = &[
    "Honestly,",
    "Hi all,",
    "Quick update:",
    "Well,",
    "To be fair,",
    "Hey,",
    "Sorry but",
    "So",
];
const EN_QUESTIONS: &[&str] = &[
    "does anyone know when the store opens again?",
    "how do I change the delivery address after ordering?",
    "is it normal that the app logs me out every day?",
    "where can I download the invoice?",
    "can I get a refund if the parcel arrives damaged?",
];
const EN_COMPLAINTS: &[&str] = &[
    "my order arrived three days late and nobody told me.",
    "since the last update I cannot log in anymore.",
    "I emailed support twice and never heard back.",
    "the charger stopped working after a week, really disappointing.",
];
const EN_THANKS: &[&str] = &[
    "thanks a lot, it works now!",
    "great service, super fast delivery.",
    "the team fixed it in ten minutes, amazing.",
    "lovely event, well done to everyone involved.",
];
const EN_AGREE: &[&str] = &[
    "you're right, same thing happened to me.",
    "agreed, they should say so on the website.",
    "confirmed, same issue since last night.",
];
const EN_DISAGREE: &[&str] = &[
    "I don't agree, mine arrived on time.",
    "just read the instructions, it's all there.",
    "not sure this is such a big deal.",
];
const EN_HOSTILE: &[&str] = &[
    "are you stupid? Read before you post.",
    "what a garbage company, shame on you.",
    "shut up, you have no idea what you're talking about.",
];
const EN_NEUTRAL: &[&str] = &[
    "the shop downtown closes at seven.",
    "the new version comes out next Monday.",
    "the form is on the profile page.",
];
const EN_CLOSERS: &[&str] = &[
    "",
    "",
    "",
    " Thanks.",
    " We'll see.",
    " :)",
    " 😡",
    " Cheers.",
];

const MODERATOR: &str = "mod_giulia";
const IT_MODERATOR: &[&str] = &[
    "Ciao, ti scriviamo in privato per sistemare l'ordine.",
    "Grazie della segnalazione, stiamo verificando.",
];
const EN_MODERATOR: &[&str] = &[
    "Hi, we've sent you a private message to sort out the order.",
    "Thanks for reporting this, we're looking into it.",
];

/// One generated comment's text: Italian or English (60/40), of a kind drawn by weight; replies
/// agree, disagree or insult more often than top-level comments do.
fn text(random: &mut Random, is_reply: bool) -> String {
    let italian = random.unit() < 0.6;
    let (openers, kinds, closers) = if italian {
        (
            IT_OPENERS,
            [
                IT_QUESTIONS,
                IT_COMPLAINTS,
                IT_THANKS,
                IT_AGREE,
                IT_DISAGREE,
                IT_HOSTILE,
                IT_NEUTRAL,
            ],
            IT_CLOSERS,
        )
    } else {
        (
            EN_OPENERS,
            [
                EN_QUESTIONS,
                EN_COMPLAINTS,
                EN_THANKS,
                EN_AGREE,
                EN_DISAGREE,
                EN_HOSTILE,
                EN_NEUTRAL,
            ],
            EN_CLOSERS,
        )
    };
    let weights: [u32; 7] = if is_reply {
        [10, 10, 15, 25, 20, 8, 12]
    } else {
        [30, 25, 20, 0, 0, 5, 20]
    };
    let mut draw = random.below(weights.iter().sum::<u32>() as usize) as u32;
    let mut kind = 0;
    while draw >= weights[kind] {
        draw -= weights[kind];
        kind += 1;
    }
    let body = random.pick(kinds[kind]);
    let mut out = String::with_capacity(96);
    if random.unit() < 0.35 {
        out.push_str(random.pick(openers));
        out.push(' ');
        out.push_str(body);
    } else {
        // Capitalise the body's first letter when it starts the comment.
        let mut chars = body.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out.push_str(random.pick(closers));
    out
}

/// Generates the thread comment by comment, so that the texts never all sit in memory at once: what
/// is measured is the thread, not the generator's input.
struct Generator {
    random: Random,
    next: usize,
    time_ms: i64,
    authors: usize,
}

impl Generator {
    fn new(comments: usize) -> Generator {
        Generator {
            random: Random(0x706F_6C73_6F5F_7363),
            next: 0,
            time_ms: 1_767_261_600_000, // 2026-01-01T10:00:00Z
            // The number of people grows more slowly than the thread: a large thread is written
            // largely by regulars.
            authors: ((comments as f64).powf(0.8) as usize).max(20),
        }
    }

    fn comment(&mut self) -> Comment {
        let i = self.next;
        self.next += 1;
        let random = &mut self.random;

        // Gaps are exponential with a mean that follows the hour of the day: busy in the evening
        // (20 s), slow at night (5 min).
        let hour = (self.time_ms / 3_600_000) % 24;
        let mean_gap_s = match hour {
            0..=6 => 300.0,
            7..=16 => 60.0,
            _ => 20.0,
        };
        self.time_ms += (-(1.0 - random.unit()).ln() * mean_gap_s * 1000.0) as i64;

        // The first comment is the post. Later ones reply to a recent comment (a conversation
        // going on), to any earlier one (someone scrolling back), or to the post, or start a
        // separate branch of their own.
        let roll = random.unit();
        let parent = if i == 0 || roll < 0.03 {
            None
        } else if roll < 0.25 {
            Some(0)
        } else if roll < 0.85 {
            // Recent: geometric over the last comments, mostly the last few.
            let back = (-(1.0 - random.unit()).ln() * 6.0) as usize;
            Some(i - 1 - back.min(i - 1))
        } else {
            Some(random.below(i))
        };

        let is_reply = parent.is_some();
        let (author, text) = if is_reply && random.unit() < 0.03 {
            let replies = if random.unit() < 0.6 {
                IT_MODERATOR
            } else {
                EN_MODERATOR
            };
            (MODERATOR.to_string(), random.pick(replies).to_string())
        } else {
            // A steep power law: u^3 puts most comments on the first authors.
            let who = (random.unit().powi(3) * self.authors as f64) as usize;
            (format!("user{who}"), text(random, is_reply))
        };

        let mut comment = Comment::new(
            format!("c{i}"),
            parent.map(|p| format!("c{p}")).as_deref(),
            author,
            text,
        )
        .at(Timestamp::from_millis(self.time_ms));
        if random.unit() < 0.4 {
            let up = (random.unit().powi(4) * 200.0) as u32;
            let down = (random.unit().powi(6) * 30.0) as u32;
            comment.reactions = Some(Reactions { up, down });
        }
        comment
    }
}

/// The process's peak resident set size in bytes (Linux `VmHWM`), or `None` where unavailable.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// CPU time this thread has run, in seconds, or `None` where it is not available. On a shared
/// machine the wall clock also counts the time spent waiting for a core; CPU time does not, so it
/// shows the cost of the work itself. `clock_gettime(CLOCK_THREAD_CPUTIME_ID)` is exact (unlike
/// `/proc/thread-self/schedstat`, which moves only at scheduler ticks); std links the C library
/// already, so the call is declared here rather than adding a dependency for it.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn cpu_seconds() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `time` is a valid, writable timespec (two 64-bit fields on 64-bit Linux).
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then(|| time.seconds as f64 + time.nanoseconds as f64 / 1e9)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn cpu_seconds() -> Option<f64> {
    None
}

fn seconds_or_null(value: Option<f64>) -> String {
    value.map_or_else(|| "null".to_string(), |s| format!("{s:.6}"))
}

fn json_or_null(value: Option<u64>) -> String {
    value.map_or_else(|| "null".to_string(), |v| v.to_string())
}

fn main() {
    let comments: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(n)) => n,
        None => 1_000,
        Some(Err(_)) => {
            eprintln!("usage: thread_scale [COMMENTS]");
            std::process::exit(2);
        }
    };

    // Warm up on 2,000 generated texts, scored but not added to a thread: the lexicon tables and
    // the language detector build their indexes lazily, on first use, and that one-time cost (and
    // memory) belongs to the baseline, not to the thread.
    let mut warm_up = Generator::new(2_000);
    for _ in 0..2_000 {
        let _ = polso::score(&warm_up.comment().text);
    }
    let baseline_heap = LIVE.load(Ordering::Relaxed);
    let baseline_rss = peak_rss();
    PEAK.store(baseline_heap, Ordering::Relaxed);

    let mut thread = Thread::new(ThreadOptions {
        staff: vec![MODERATOR.to_string()],
        sla_minutes: Some(60.0),
        ..ThreadOptions::default()
    });
    let mut generator = Generator::new(comments);
    let mut adding = Duration::ZERO;
    let mut text_bytes = 0usize;
    let mut rejected = 0usize;
    let tenth = (comments / 10).max(1);
    let loop_cpu_start = cpu_seconds();
    let mut tenths_cpu = Vec::new();
    let mut tenth_started = cpu_seconds();
    for i in 0..comments {
        let comment = generator.comment();
        text_bytes += comment.text.len();
        // Only the call into the thread is timed; building the comment is the generator's cost.
        let started = Instant::now();
        if thread.add(comment).is_err() {
            rejected += 1;
        }
        adding += started.elapsed();
        if (i + 1) % tenth == 0 {
            let now = cpu_seconds();
            if let (Some(end), Some(start)) = (now, tenth_started) {
                tenths_cpu.push(end - start);
            }
            tenth_started = now;
        }
    }
    let loop_cpu = cpu_seconds()
        .zip(loop_cpu_start)
        .map(|(end, start)| end - start);
    let held_heap = LIVE.load(Ordering::Relaxed) - baseline_heap;

    let started = Instant::now();
    let report = thread.report();
    let reporting = started.elapsed();
    let peak_heap = PEAK.load(Ordering::Relaxed) - baseline_heap;
    let end_rss = peak_rss();

    // The generator alone, run again over the same comments and dropped: its CPU time is taken out
    // of the loop's, leaving what adding to the thread cost.
    let mut generator = Generator::new(comments);
    let generating_start = cpu_seconds();
    let mut generated_bytes = 0usize;
    for _ in 0..comments {
        generated_bytes += generator.comment().text.len();
    }
    let generating = cpu_seconds()
        .zip(generating_start)
        .map(|(end, start)| end - start);
    assert_eq!(
        generated_bytes, text_bytes,
        "the generator is deterministic"
    );
    let add_cpu = loop_cpu.zip(generating).map(|(all, gen)| all - gen);

    // The generator again, now scoring each text the way `Thread::add` does (same options): what
    // the loop cost beyond this is the thread's own bookkeeping (links, authors, pairs, buckets),
    // which tells whether a growing cost comes from the thread or from scoring.
    let mut generator = Generator::new(comments);
    let scoring_start = cpu_seconds();
    let mut compound_sum = 0.0;
    for _ in 0..comments {
        let comment = generator.comment();
        compound_sum += polso::score_with(
            &comment.text,
            polso::Options {
                lang: None,
                explain: false,
            },
        )
        .compound;
    }
    let scoring = cpu_seconds()
        .zip(scoring_start)
        .zip(generating)
        .map(|((end, start), gen)| end - start - gen);
    let bookkeeping = add_cpu.zip(scoring).map(|(add, score)| add - score);
    let per_comment_generating = generating.map(|g| g / comments as f64);
    // Per tenth of the thread, CPU seconds of adding (generator taken out): does a comment cost
    // more when the thread is larger?
    let tenths: Vec<String> = tenths_cpu
        .iter()
        .map(|t| {
            format!(
                "{:.6}",
                t - per_comment_generating.unwrap_or(0.0) * tenth as f64
            )
        })
        .collect();

    println!(
        concat!(
            "{{\"comments\":{},\"rejected\":{},\"textBytes\":{},\"addSeconds\":{:.6},",
            "\"addCpuSeconds\":{},\"addCpuSecondsByTenth\":[{}],",
            "\"scoreCpuSeconds\":{},\"bookkeepingCpuSeconds\":{},\"compoundMean\":{:.4},",
            "\"reportSeconds\":{:.6},\"heldHeapBytes\":{},\"peakHeapBytes\":{},",
            "\"baselineRssBytes\":{},\"peakRssBytes\":{},\"participants\":{},\"roots\":{},",
            "\"depthMax\":{},\"questions\":{},\"tension\":{:.3}}}"
        ),
        comments,
        rejected,
        text_bytes,
        adding.as_secs_f64(),
        seconds_or_null(add_cpu),
        tenths.join(","),
        seconds_or_null(scoring),
        seconds_or_null(bookkeeping),
        compound_sum / comments.max(1) as f64,
        reporting.as_secs_f64(),
        held_heap,
        peak_heap,
        json_or_null(baseline_rss),
        json_or_null(end_rss),
        report.participants,
        report.shape.roots,
        report.shape.depth_max,
        report.responsiveness.questions,
        report.tension.score,
    );
}
