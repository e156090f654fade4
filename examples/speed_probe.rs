use polso::{Lang, Options};
fn main() {
    let text = std::fs::read_to_string("/tmp/corpus.txt").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let langs: Vec<Option<Lang>> = lines.iter().map(|l| polso::lang::detect(l).lang).collect();
    let per = |name: &str, f: &dyn Fn() -> f64| {
        let t = std::time::Instant::now();
        let s = f();
        let e = t.elapsed().as_secs_f64();
        println!(
            "{name:>12}: {:>8.0}/s  {:>6.2} µs/comment ({s:.1})",
            lines.len() as f64 / e,
            e * 1e6 / lines.len() as f64
        );
    };
    for _ in 0..2 {
        per("score", &|| {
            lines.iter().map(|l| polso::score(l).compound).sum()
        });
        per("tokenize", &|| {
            lines
                .iter()
                .map(|l| polso::text::tokenize(l).len() as f64)
                .sum()
        });
        per("detect", &|| {
            lines
                .iter()
                .map(|l| polso::lang::detect(l).confidence)
                .sum()
        });
        per("engine", &|| {
            lines
                .iter()
                .zip(&langs)
                .map(|(l, g)| {
                    polso::sentiment::engine::score(
                        l,
                        polso::DetectedLang {
                            lang: *g,
                            confidence: 1.0,
                        },
                        false,
                    )
                    .compound
                })
                .sum()
        });
        per("signals", &|| {
            lines
                .iter()
                .zip(&langs)
                .map(|(l, g)| polso::signals::detect(l, *g, 0.1).hostility)
                .sum()
        });
    }
}
