//! Tension: a score in [0, 1] over the recent window, with its reasons.
//!
//! Each component is a value `c` in [0, 1] with a weight `w`; they combine as a noisy-OR,
//! `raw = 1 − Π (1 − w·c)`, so any one of them alone can raise tension up to its weight and
//! together they saturate instead of overflowing. Politeness then lowers it:
//! `score = raw · (1 − 0.5 · politeness)`. Inside the window, comments weigh
//! `0.5^(r / HALF_LIFE)` by their rank `r` from the newest, so a thread that calms down cools off
//! as new comments arrive. Weights and thresholds are in `docs/METRICS.md`, with the fixtures
//! that pin them.

use std::collections::BTreeMap;

use super::report::{Band, Tension, TensionComponent};
use super::{round, Node, Thread, NONE};

/// Ranks from the newest comment at which a comment's weight halves.
pub const HALF_LIFE: f64 = 6.0;
/// Hostility below this is ordinary negativity and adds nothing to the hostility component.
pub const HOSTILITY_FLOOR: f64 = 0.45;

const W_HOSTILITY: f64 = 0.8;
/// Share of a comment's hostility that counts alone: one insult warms a thread, several heat it.
const PER_COMMENT: f64 = 0.6;
const W_NEGATIVITY: f64 = 0.25;
const W_DIRECTNESS: f64 = 0.2;
const W_BACK_AND_FORTH: f64 = 0.35;
const W_PILE_ON: f64 = 0.35;
const W_VELOCITY: f64 = 0.1;
const W_SHOUTING: f64 = 0.3;
const W_DISAPPROVAL: f64 = 0.2;
const POLITENESS_RELIEF: f64 = 0.5;
/// Comments in the last hour at which velocity is at its maximum.
const VELOCITY_FULL: f64 = 30.0;
const LISTED: usize = 5;

fn clamp01(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn unit(byte: u8) -> f64 {
    f64::from(byte) / 255.0
}

/// Ids of the comments with the largest `score`, strongest first, ties by id.
fn strongest(nodes: &[(&Node, f64)], score: impl Fn(&Node, f64) -> f64) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = nodes
        .iter()
        .map(|(n, w)| (score(n, *w), &*n.id))
        .filter(|(s, _)| *s > 0.0)
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| {
        b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1))
    });
    scored
        .into_iter()
        .take(LISTED)
        .map(|(_, id)| id.to_string())
        .collect()
}

pub(super) fn measure(thread: &Thread, window: &[u32], velocity: u32) -> Tension {
    // Oldest first; weight by rank from the newest.
    let len = window.len();
    let nodes: Vec<(&Node, f64)> = window
        .iter()
        .enumerate()
        .filter_map(|(i, &idx)| {
            let rank = (len - 1 - i) as f64;
            thread
                .nodes
                .get(idx as usize)
                .map(|n| (n, 0.5f64.powf(rank / HALF_LIFE)))
        })
        .collect();
    let total_weight: f64 = nodes.iter().map(|(_, w)| w).sum();
    let mean = |f: &dyn Fn(&Node) -> f64| {
        if total_weight > 0.0 {
            nodes.iter().map(|(n, w)| f(n) * w).sum::<f64>() / total_weight
        } else {
            0.0
        }
    };
    let compound = |n: &Node| f64::from(n.compound) / super::MICRO;
    let aimed =
        |n: &Node| clamp01((f64::from(n.hostility) - HOSTILITY_FLOOR) / (1.0 - HOSTILITY_FLOOR));

    let mut components = Vec::new();
    let mut push = |name: &'static str, value: f64, weight: f64, ids: Vec<String>| {
        let value = clamp01(value);
        components.push(TensionComponent {
            name,
            value: round(value, 4),
            weight,
            contribution: round(value * weight, 4),
            comment_ids: ids,
        });
    };

    // Hostility: a noisy-OR of the comments' hostility above the floor, decayed by age.
    let calm_share: f64 = nodes
        .iter()
        .map(|(n, w)| 1.0 - PER_COMMENT * aimed(n) * w)
        .product();
    push(
        "hostility",
        1.0 - calm_share,
        W_HOSTILITY,
        strongest(&nodes, |n, w| aimed(n) * w),
    );

    // Negativity: the share of negative comments, and whether the newer half is worse.
    let negative_share = mean(&|n| f64::from(u8::from(compound(n) <= -0.05)));
    let half = len / 2;
    let mean_of = |part: &[(&Node, f64)]| {
        if part.is_empty() {
            0.0
        } else {
            part.iter().map(|(n, _)| compound(n)).sum::<f64>() / part.len() as f64
        }
    };
    let rising = if len >= 4 {
        clamp01(mean_of(&nodes[..half]) - mean_of(&nodes[half..]))
    } else {
        0.0
    };
    push(
        "negativity",
        0.7 * negative_share + 0.6 * rising,
        W_NEGATIVITY,
        strongest(&nodes, |n, w| (-compound(n)).max(0.0) * w),
    );

    push(
        "directness",
        mean(&|n| unit(n.directness)),
        W_DIRECTNESS,
        strongest(&nodes, |n, w| unit(n.directness) * w),
    );

    // Two people trading replies: the pair with the most replies both ways in the window.
    // (replies one way, replies the other way, the comments) for each pair of people
    type Exchange = (u32, u32, Vec<usize>);
    let mut pairs: BTreeMap<(u32, u32), Exchange> = BTreeMap::new();
    for (i, (n, _)) in nodes.iter().enumerate() {
        let Some(parent) = thread.nodes.get(n.parent as usize) else {
            continue;
        };
        let (a, b) = (n.author, parent.author);
        if a == NONE || b == NONE || a == b {
            continue;
        }
        let entry = pairs.entry((a.min(b), a.max(b))).or_default();
        if a < b {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
        entry.2.push(i);
    }
    // Ties go to the pair whose names sort first: author indices depend on arrival order.
    let names = |pair: (u32, u32)| {
        let mut names = [thread.author_name(pair.0), thread.author_name(pair.1)];
        crate::sort::sort(&mut names);
        names
    };
    let best = pairs
        .into_iter()
        .filter(|(_, (x, y, _))| *x > 0 && *y > 0)
        .max_by(|a, b| {
            let total = |p: &(u32, u32, Vec<usize>)| p.0 + p.1;
            total(&a.1)
                .cmp(&total(&b.1))
                .then_with(|| names(b.0).cmp(&names(a.0)))
        });
    let (back_and_forth, trading_ids) = match best {
        Some((_, (x, y, members))) => {
            let exchanges = f64::from(x + y);
            let hostility = members
                .iter()
                .filter_map(|&i| nodes.get(i))
                .map(|(n, _)| f64::from(n.hostility))
                .sum::<f64>()
                / members.len().max(1) as f64;
            let gate = 0.3 + 0.7 * clamp01(hostility * 1.5);
            let mut ids: Vec<String> = members
                .iter()
                .rev()
                .filter_map(|&i| nodes.get(i))
                .map(|(n, _)| n.id.to_string())
                .collect();
            ids.truncate(LISTED);
            (clamp01((exchanges - 2.0) / 6.0) * gate, ids)
        }
        None => (0.0, Vec::new()),
    };
    push(
        "backAndForth",
        back_and_forth,
        W_BACK_AND_FORTH,
        trading_ids,
    );

    // A pile-on: several people replying with hostility to the same person.
    let mut targets: BTreeMap<u32, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, (n, _)) in nodes.iter().enumerate() {
        let Some(parent) = thread.nodes.get(n.parent as usize) else {
            continue;
        };
        if parent.author != NONE
            && n.author != parent.author
            && f64::from(n.hostility) >= crate::signals::HOSTILE
        {
            targets
                .entry(parent.author)
                .or_default()
                .push((n.author, i));
        }
    }
    let (pile_on, piling_ids) = targets
        .into_iter()
        .map(|(target, replies)| {
            let mut attackers: Vec<u32> = replies.iter().map(|r| r.0).collect();
            crate::sort::sort(&mut attackers);
            attackers.dedup();
            (
                attackers.len(),
                std::cmp::Reverse(thread.author_name(target)),
                replies,
            )
        })
        .max_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)))
        .map_or((0.0, Vec::new()), |(attackers, _, replies)| {
            let ids = replies
                .iter()
                .rev()
                .take(LISTED)
                .filter_map(|&(_, i)| nodes.get(i))
                .map(|(n, _)| n.id.to_string())
                .collect();
            ((attackers as f64 - 1.0) / 4.0, ids)
        });
    push("pileOn", pile_on, W_PILE_ON, piling_ids);

    push(
        "velocity",
        f64::from(velocity) / VELOCITY_FULL,
        W_VELOCITY,
        Vec::new(),
    );

    let shouted: f64 = nodes.iter().map(|(n, w)| unit(n.shouting) * w).sum();
    push(
        "shouting",
        shouted / 1.5,
        W_SHOUTING,
        strongest(&nodes, |n, w| unit(n.shouting) * w),
    );

    // Replies and disapproval outnumbering approval, where reactions exist: the most "ratioed"
    // comment of the window, `(replies + down − up) / (replies + down + up)`, once it has at
    // least three replies or downvotes.
    let ratioed = |n: &Node| {
        if n.up == 0 && n.down == 0 {
            return 0.0;
        }
        let against = f64::from(n.children) + f64::from(n.down);
        let up = f64::from(n.up);
        if against < 3.0 {
            0.0
        } else {
            clamp01((against - up) / (against + up))
        }
    };
    let disapproval = nodes.iter().map(|(n, _)| ratioed(n)).fold(0.0, f64::max);
    push(
        "disapproval",
        disapproval,
        W_DISAPPROVAL,
        strongest(&nodes, |n, _| ratioed(n)),
    );

    let raw = 1.0
        - components
            .iter()
            .map(|c| 1.0 - c.contribution)
            .product::<f64>();
    let politeness = clamp01(mean(&|n| unit(n.politeness)));
    let relief = POLITENESS_RELIEF * politeness;
    let score = clamp01(raw * (1.0 - relief));
    components.push(TensionComponent {
        name: "politeness",
        value: round(politeness, 4),
        weight: -POLITENESS_RELIEF,
        contribution: round(-raw * relief, 4),
        comment_ids: strongest(&nodes, |n, w| unit(n.politeness) * w),
    });

    let mut ranked: Vec<&TensionComponent> = components
        .iter()
        .filter(|c| c.contribution >= 0.05)
        .collect();
    crate::sort::sort_by(&mut ranked, |a, b| {
        b.contribution.total_cmp(&a.contribution)
    });
    let score = round(score, 4);
    Tension {
        score,
        band: Band::of(score),
        window: len as u32,
        top: ranked.iter().take(3).map(|c| c.name).collect(),
        components,
    }
}
