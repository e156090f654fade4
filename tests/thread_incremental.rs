//! An open thread's report equals the one computed from scratch, whatever the order in which the
//! comments arrive (replies before their parents included), and the model survives hostile input:
//! 100,000-deep reply chains, loops, duplicates, missing parents and unreadable times.

use std::collections::{BTreeMap, BTreeSet};

use polso::thread::{
    analyze, stats, Comment, CommentInput, PersonCount, QuietReason, Thread, ThreadOptions,
    ThreadReport, Timestamp, Warning,
};
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
            // Some of u4's comments say u4 is staff: u4 leaves the people lists when one arrives.
            is_staff: (author % 6 == 4 && up == 4).then_some(true),
        })
        .collect()
}

fn options() -> ThreadOptions {
    ThreadOptions {
        sla_minutes: Some(SLA_MINUTES),
        window: 8,
        staff: vec![STAFF.into()],
        ..ThreadOptions::default()
    }
}

const STAFF: &str = "u5";
const SLA_MINUTES: f64 = 30.0;

/// The order the report uses: time (none first), then id.
fn key(c: &Comment) -> (i64, &str) {
    (c.time.map_or(i64::MIN, Timestamp::millis), c.id.as_str())
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// The thread's figures recomputed the plain way, by rescanning every comment for every comment,
/// for the aggregates that an open thread keeps incrementally: response-time quantiles, SLA
/// counts, needs, people rankings, quiet members and the participation spread.
fn check_against_rescan(all: &[Comment], report: &ThreadReport) -> Result<(), TestCaseError> {
    let hostility = |c: &Comment| {
        let s = polso::score_with(&c.text, polso::Options::default());
        // The thread keeps hostility as an f32.
        f64::from(s.signals.hostility as f32)
    };
    let author = |c: &Comment| c.author.clone().unwrap_or_default();
    let replies_by_others = |c: &Comment| -> Vec<&Comment> {
        all.iter()
            .filter(|r| r.parent_id.as_deref() == Some(c.id.as_str()) && author(r) != author(c))
            .collect()
    };
    let response_ms = |c: &Comment| -> Option<i64> {
        let first = replies_by_others(c)
            .iter()
            .filter_map(|r| r.time)
            .map(Timestamp::millis)
            .min()?;
        Some((first - c.time?.millis()).max(0))
    };

    // Responsiveness.
    let delays: Vec<f64> = all
        .iter()
        .filter_map(response_ms)
        .map(|ms| ms as f64 / 60_000.0)
        .collect();
    let r = &report.responsiveness;
    let quantile = |q| stats::quantile(&mut delays.clone(), q).map(|m| round(m, 2));
    prop_assert_eq!(r.response_minutes_median, quantile(0.5));
    prop_assert_eq!(r.response_minutes_p90, quantile(0.9));
    let answered = all
        .iter()
        .filter(|c| !replies_by_others(c).is_empty())
        .count();
    prop_assert_eq!(r.answered as usize, answered);

    // Needs, in report order, and the SLA over needs and the original post.
    let now = all
        .iter()
        .filter_map(|c| c.time)
        .map(Timestamp::millis)
        .max();
    let over_sla = |c: &Comment| -> (bool, bool) {
        match response_ms(c) {
            Some(ms) => (ms as f64 / 60_000.0 > SLA_MINUTES, false),
            None => match (c.time, now) {
                (Some(t), Some(now)) if replies_by_others(c).is_empty() => {
                    (false, (now - t.millis()) as f64 / 60_000.0 > SLA_MINUTES)
                }
                _ => (false, false),
            },
        }
    };
    let by_id: BTreeMap<&str, &Comment> = all.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut needs: Vec<&Comment> = report
        .needs
        .items
        .iter()
        .filter_map(|n| by_id.get(n.id.as_str()).copied())
        .collect();
    prop_assert_eq!(needs.len(), report.needs.items.len());
    needs.sort_by(|a, b| {
        (!replies_by_others(a).is_empty(), key(a)).cmp(&(!replies_by_others(b).is_empty(), key(b)))
    });
    let listed: Vec<&str> = report.needs.items.iter().map(|n| n.id.as_str()).collect();
    let expected: Vec<&str> = needs.iter().map(|c| c.id.as_str()).collect();
    prop_assert_eq!(listed, expected);
    for (need, c) in report.needs.items.iter().zip(&needs) {
        prop_assert_eq!(need.answered, !replies_by_others(c).is_empty());
        let minutes = response_ms(c).map(|ms| round(ms as f64 / 60_000.0, 2));
        prop_assert_eq!(need.response_minutes, minutes);
        let (late, waiting) = over_sla(c);
        prop_assert_eq!(need.over_sla, late || waiting);
    }
    let open = needs
        .iter()
        .filter(|c| replies_by_others(c).is_empty())
        .count();
    prop_assert_eq!(report.needs.open as usize, open);
    let mut held: Vec<&Comment> = needs.clone();
    let main_root = all
        .iter()
        .filter(|c| c.parent_id.is_none())
        .min_by_key(|c| key(c));
    held.extend(main_root.filter(|root| !needs.iter().any(|n| n.id == root.id)));
    let late = held.iter().filter(|c| over_sla(c).0).count();
    let waiting = held.iter().filter(|c| over_sla(c).1).count();
    prop_assert_eq!(r.answered_over_sla as usize, late);
    prop_assert_eq!(r.waiting_over_sla as usize, waiting);

    // People, staff left out: named in the options or flagged on any of their comments.
    let mut staff: BTreeSet<String> = all
        .iter()
        .filter(|c| c.is_staff == Some(true))
        .map(author)
        .collect();
    staff.insert(STAFF.to_string());
    let mut comments: BTreeMap<String, u32> = BTreeMap::new();
    let mut received: BTreeMap<String, u32> = BTreeMap::new();
    let mut talked: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for c in all {
        *comments.entry(author(c)).or_default() += 1;
        for r in replies_by_others(c) {
            *received.entry(author(c)).or_default() += 1;
            talked.entry(author(c)).or_default().insert(author(r));
            talked.entry(author(r)).or_default().insert(author(c));
        }
    }
    let ranked = |counts: Vec<(String, u32)>| -> Vec<PersonCount> {
        let mut counts: Vec<(String, u32)> = counts
            .into_iter()
            .filter(|(a, n)| !staff.contains(a) && *n > 0)
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
            .into_iter()
            .take(5)
            .map(|(author, count)| PersonCount { author, count })
            .collect()
    };
    let p = &report.people;
    prop_assert_eq!(p.staff.iter().cloned().collect::<BTreeSet<_>>(), {
        let seen: BTreeSet<String> = comments.keys().cloned().collect();
        staff.intersection(&seen).cloned().collect::<BTreeSet<_>>()
    });
    prop_assert_eq!(
        &p.top_by_comments,
        &ranked(comments.clone().into_iter().collect())
    );
    prop_assert_eq!(
        &p.top_by_replies_received,
        &ranked(received.into_iter().collect())
    );
    let interlocutors = talked
        .into_iter()
        .map(|(a, s)| (a, s.len() as u32))
        .collect();
    prop_assert_eq!(&p.top_by_interlocutors, &ranked(interlocutors));

    // Quiet members.
    let hostile = |c: &Comment| hostility(c) >= polso::signals::HOSTILE;
    let mut quiet = Vec::new();
    for (name, &count) in comments.iter().filter(|(a, _)| !staff.contains(*a)) {
        let mut theirs: Vec<&Comment> = all.iter().filter(|c| author(c) == *name).collect();
        theirs.sort_by_key(|c| key(c));
        let (first, last) = (theirs[0], theirs[theirs.len() - 1]);
        let hostile_reply = replies_by_others(last).into_iter().any(hostile);
        let (reason, shown) = if hostile_reply && !hostile(last) {
            (QuietReason::LeftAfterHostileReply, last)
        } else if hostile(first) || hostile(last) {
            continue;
        } else if replies_by_others(first).is_empty() && count <= 2 {
            (QuietReason::UnansweredNewcomer, first)
        } else if count == 1 {
            (QuietReason::OneTimer, first)
        } else {
            continue;
        };
        quiet.push((reason, key(shown).0, name.clone(), shown.id.clone()));
    }
    quiet.sort();
    let listed: Vec<(QuietReason, String, String)> = p
        .quiet
        .iter()
        .map(|m| (m.reason, m.author.clone(), m.comment_id.clone()))
        .collect();
    let expected: Vec<(QuietReason, String, String)> =
        quiet.into_iter().map(|(r, _, a, id)| (r, a, id)).collect();
    prop_assert_eq!(listed, expected);

    // Participation spread.
    let mut counts: Vec<u32> = comments.values().copied().collect();
    let spread = &report.shape.spread;
    prop_assert!((spread.entropy - round(stats::normalised_entropy(&counts), 4)).abs() <= 1.01e-4);
    prop_assert_eq!(spread.gini, round(stats::gini(&mut counts), 4));
    prop_assert_eq!(
        spread.contributor_absence_factor,
        stats::contributor_absence_factor(&mut counts)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_equals_from_scratch(
        spec in prop::collection::vec(
            (0usize..50, 0usize..6, prop::option::weighted(0.9, 0u32..600), 0usize..10, 0u32..5),
            1..40,
        ),
        resent in prop::collection::vec(0usize..40, 0..4),
        order in prop::collection::vec(any::<prop::sample::Index>(), 40),
    ) {
        let all = comments(&spec);
        // Comments sent twice, as scrapers and retries do: the second copy is refused.
        let copies: Vec<Comment> = resent.iter().map(|&i| all[i % all.len()].clone()).collect();
        let expected = analyze(all.iter().chain(&copies).cloned(), &options());
        prop_assert_eq!(
            expected.warning_counts.get("duplicateId").copied().unwrap_or(0) as usize,
            copies.len()
        );
        check_against_rescan(&all, &expected)?;
        // A random arrival order: a permutation drawn from `order`.
        let mut pending: Vec<Comment> = all.iter().chain(&copies).cloned().collect();
        let mut thread = Thread::new(options());
        let mut arrived = Vec::new();
        let mut seen = BTreeSet::new();
        let mut k = 0;
        while !pending.is_empty() {
            let pick = order[k % order.len()].index(pending.len());
            k += 1;
            let comment = pending.swap_remove(pick);
            arrived.push(comment.clone());
            let first_time = seen.insert(comment.id.clone());
            prop_assert_eq!(thread.add(comment).is_ok(), first_time);
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
