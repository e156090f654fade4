//! An open thread's report equals the one computed from scratch, whatever the order in which the
//! comments arrive (replies before their parents included), and the model survives hostile input:
//! 100,000-deep reply chains, loops, duplicates, missing parents and unreadable times.

use polso::thread::{analyze, Comment, CommentInput, Thread, ThreadOptions, Timestamp, Warning};
use polso::Lang;
use proptest::prelude::*;

const TEXTS: &[&str] = &[
    "Come faccio a cambiare la password?",
    "Grazie mille, gentilissimo!",
    "Sei un idiota, stai zitto",
    "I think you're right, thanks",
    "This doesn't work since the update",
    "You're an idiot and a liar!!!",
    "Sarebbe bello se ci fosse il tema scuro",
    "ok",
    "",
    "WHY IS NOBODY ANSWERING???",
];

fn comments(spec: &[(usize, usize, Option<u32>, usize, u32)]) -> Vec<Comment> {
    spec.iter()
        .enumerate()
        .map(|(i, &(parent, author, minute, text, up))| Comment {
            id: format!("c{i}"),
            // A parent among the earlier comments, or none (a root); index i itself means root.
            parent_id: (i > 0 && parent % (i + 1) != i).then(|| format!("c{}", parent % (i + 1))),
            author: Some(format!("u{}", author % 6)),
            time: minute.map(|m| Timestamp::from_millis(1_700_000_000_000 + i64::from(m) * 60_000)),
            text: TEXTS[text % TEXTS.len()].to_string(),
            reactions: (up > 0).then_some(polso::thread::Reactions { up, down: up % 3 }),
            is_staff: None,
        })
        .collect()
}

fn options() -> ThreadOptions {
    ThreadOptions {
        sla_minutes: Some(30.0),
        window: 8,
        staff: vec!["u5".into()],
        ..ThreadOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_equals_from_scratch(
        spec in prop::collection::vec(
            (0usize..50, 0usize..6, prop::option::weighted(0.9, 0u32..600), 0usize..10, 0u32..5),
            1..40,
        ),
        order in prop::collection::vec(any::<prop::sample::Index>(), 40),
    ) {
        let all = comments(&spec);
        let expected = analyze(all.clone(), &options());
        // A random arrival order: a permutation drawn from `order`.
        let mut pending = all.clone();
        let mut thread = Thread::new(options());
        let mut arrived = Vec::new();
        let mut k = 0;
        while !pending.is_empty() {
            let pick = order[k % order.len()].index(pending.len());
            k += 1;
            let comment = pending.swap_remove(pick);
            arrived.push(comment.clone());
            prop_assert!(thread.add(comment).is_ok());
            // Every intermediate report equals the from-scratch report of what has arrived.
            if k % 7 == 0 {
                prop_assert_eq!(thread.report(), analyze(arrived.clone(), &options()));
            }
        }
        prop_assert_eq!(thread.report(), expected);
    }
}

fn chain(n: usize, reversed: bool) -> Vec<Comment> {
    let mut chain: Vec<Comment> = (0..n)
        .map(|i| {
            let parent = (i > 0).then(|| format!("{}", i - 1));
            Comment::new(
                format!("{i}"),
                parent.as_deref(),
                format!("u{}", i % 2),
                "ok",
            )
        })
        .collect();
    if reversed {
        chain.reverse();
    }
    chain
}

#[test]
fn a_100_000_deep_chain_in_either_order() {
    for reversed in [false, true] {
        let report = analyze(
            chain(100_000, reversed),
            &ThreadOptions {
                lang: Some(Lang::En),
                ..ThreadOptions::default()
            },
        );
        assert_eq!(report.shape.depth_max, 99_999);
        assert_eq!(report.shape.roots, 1);
        assert_eq!(report.shape.breadth, 1);
        assert!((report.shape.depth_mean - 49_999.5).abs() < 1e-6);
        assert_eq!(report.shape.reciprocity, 1.0);
        serde_json::to_string(&report).expect("serialises without recursion limits");
    }
}

#[test]
fn holes_become_warnings_and_the_rest_is_analysed() {
    let input = r#"[
        {"id": 1, "author": "ann", "time": "2024-05-01T10:00:00Z", "text": "Root post"},
        {"id": "2", "parentId": 1, "author": "bob", "time": 1714557900000, "text": "reply"},
        {"id": "3", "parent_id": "99", "author": "cat", "ts": "2024-05-01T10:10:00Z", "text": "orphan"},
        {"id": "4", "parentId": "5", "author": "dan", "time": "ieri", "text": "loop a"},
        {"id": "5", "parentId": "4", "author": "eve", "text": "loop b"},
        {"id": "2", "parentId": "1", "author": "bob", "text": "duplicate"},
        {"parentId": "1", "author": "fay", "time": "2024-05-01T10:20:00Z", "text": "no id", "reactions": 3},
        {"id": "7", "parentId": "1", "time": "2024-05-01T10:30:00Z", "reactions": {"up": 1, "down": 4}}
    ]"#;
    let inputs: Vec<CommentInput> = serde_json::from_str(input).expect("loose input parses");
    let mut thread = Thread::new(ThreadOptions::default());
    let results: Vec<_> = inputs.into_iter().map(|c| thread.add_input(c)).collect();
    assert!(matches!(&results[5], Err(Warning::DuplicateId { id }) if id == "2"));
    let report = thread.report();
    let w = &report.warnings;
    let has = |f: &dyn Fn(&Warning) -> bool| w.iter().any(f);
    assert!(has(
        &|w| matches!(w, Warning::MissingParent { id, parent_id } if id == "3" && parent_id == "99")
    ));
    assert!(has(
        &|w| matches!(w, Warning::Cycle { ids } if ids.len() == 2)
    ));
    assert!(has(
        &|w| matches!(w, Warning::DuplicateId { id } if id == "2")
    ));
    assert!(has(
        &|w| matches!(w, Warning::InvalidTime { id, value } if id == "4" && value == "ieri")
    ));
    assert!(has(
        &|w| matches!(w, Warning::MissingTime { id } if id == "5")
    ));
    assert!(
        !has(&|w| matches!(w, Warning::MissingTime { id } if id == "4")),
        "reported once"
    );
    assert!(has(
        &|w| matches!(w, Warning::MissingId { generated } if generated == "#6")
    ));
    assert!(has(
        &|w| matches!(w, Warning::MissingAuthor { id } if id == "7")
    ));
    assert!(has(
        &|w| matches!(w, Warning::MissingText { id } if id == "7")
    ));
    assert_eq!(report.comments, 7);
    // Root, orphan, and the loop broken at one of its members.
    assert_eq!(report.shape.roots, 3);
    assert_eq!(report.responsiveness.first_response_minutes, Some(5.0));
    assert_eq!(report.warning_counts.get("cycle"), Some(&1));
    let json = serde_json::to_value(&report).expect("serialisable");
    assert_eq!(json["warnings"][0]["kind"], "missingId");
    assert!(json["responsiveness"]["firstResponseMinutes"].is_number());
}

#[test]
fn time_metrics_are_null_without_times() {
    let report = analyze(
        vec![
            Comment::new("1", None, "a", "Does anyone know why?"),
            Comment::new("2", Some("1"), "b", "No idea, sorry"),
        ],
        &ThreadOptions::default(),
    );
    assert_eq!(report.responsiveness.first_response_minutes, None);
    assert_eq!(report.heat.score, None);
    assert!(report.mood.buckets.is_empty());
    assert_eq!(report.responsiveness.unanswered_questions, 0);
    assert_eq!(report.warning_counts.get("missingTime"), Some(&2));
}
