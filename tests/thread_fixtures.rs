//! The thread fixtures in `tests/data/threads/`: Italian and English threads written by the
//! project (calm help, two-person fights, polite disagreement, pile-ons, threads that recover),
//! each with its expected tension band, top contributors and quiet members.
//! Regenerate them from `scripts/make_thread_fixtures.py`.

use std::collections::BTreeMap;

use polso::thread::{CommentInput, Thread, ThreadOptions};
use polso::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expect {
    band: String,
    top_contributors: Vec<String>,
    quiet: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct FixtureOptions {
    #[serde(default)]
    staff: Vec<String>,
    sla_minutes: Option<f64>,
}

#[derive(Deserialize)]
struct Fixture {
    name: String,
    lang: String,
    kind: String,
    expect: Expect,
    #[serde(default)]
    options: FixtureOptions,
    comments: Vec<CommentInput>,
}

fn load() -> Vec<(String, Fixture)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/threads");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/threads exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable fixture");
            let fixture: Fixture =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), fixture)
        })
        .collect()
}

#[test]
fn fixtures_meet_their_expectations() {
    let fixtures = load();
    assert!(fixtures.len() >= 30, "at least 30 fixtures");
    for lang in ["it", "en"] {
        assert!(fixtures.iter().filter(|(_, f)| f.lang == lang).count() >= 12);
    }
    let mut failures = Vec::new();
    for (path, fixture) in &fixtures {
        let options = ThreadOptions {
            lang: fixture.lang.parse::<Lang>().ok(),
            staff: fixture.options.staff.clone(),
            sla_minutes: fixture.options.sla_minutes,
            ..ThreadOptions::default()
        };
        let mut thread = Thread::new(options);
        for input in fixture.comments.iter().cloned() {
            thread
                .add_input(input)
                .expect("no duplicate ids in fixtures");
        }
        let report = thread.report();
        let band = report.tension.band.name();
        let max = report.people.top_by_comments.first().map_or(0, |p| p.count);
        let mut top: Vec<String> = report
            .people
            .top_by_comments
            .iter()
            .filter(|p| p.count == max)
            .map(|p| p.author.clone())
            .collect();
        top.sort();
        let mut expected_top = fixture.expect.top_contributors.clone();
        expected_top.sort();
        let quiet: BTreeMap<String, String> = report
            .people
            .quiet
            .iter()
            .map(|q| {
                let reason = serde_json::to_value(q.reason).expect("serialisable");
                (q.author.clone(), reason.as_str().unwrap_or("").to_string())
            })
            .collect();
        let line = format!(
            "{:<42} {:<20} expected {:<10} got {:<10} {:.3} {:?}",
            fixture.name,
            fixture.kind,
            fixture.expect.band,
            band,
            report.tension.score,
            report.tension.top
        );
        println!("{line}");
        if band != fixture.expect.band {
            failures.push(format!("{path}: band: {line}"));
        }
        if top != expected_top {
            failures.push(format!(
                "{path}: top contributors {top:?}, expected {expected_top:?}"
            ));
        }
        if quiet != fixture.expect.quiet {
            failures.push(format!(
                "{path}: quiet {quiet:?}, expected {:?}",
                fixture.expect.quiet
            ));
        }
        assert!(report.warnings.is_empty(), "{path}: {:?}", report.warnings);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn polite_disagreement_is_never_hot() {
    for (path, fixture) in load() {
        if fixture.kind == "polite-disagreement" {
            let options = ThreadOptions {
                lang: fixture.lang.parse::<Lang>().ok(),
                ..ThreadOptions::default()
            };
            let mut thread = Thread::new(options);
            for input in fixture.comments {
                let _ = thread.add_input(input);
            }
            let score = thread.report().tension.score;
            assert!(
                score < 0.5,
                "{path}: disagreement alone is not tension ({score})"
            );
        }
    }
}
