//! The names of rules and cue categories that JavaScript sees (`Rule::name`, `Cue::name`, used by
//! the wasm API, which builds its objects without JSON) are the names the CLI's JSON writes
//! (serde), for every variant, so the two outputs never disagree.

use polso::signals::Cue;
use polso::Rule;

#[test]
fn rule_names_are_the_json_names() {
    use Rule::*;
    let all = [
        Negated,
        Boosted,
        Dampened,
        Contrast,
        Caps,
        Emphasis,
        Idiom,
        Emoji,
        Emoticon,
        Superlative,
        Elongated,
        Lemma,
        Normalised,
        Adjusted,
        Asked,
        NegativityBias,
    ];
    for rule in all {
        assert_eq!(
            serde_json::to_string(&rule).unwrap(),
            format!("\"{}\"", rule.name())
        );
    }
}

#[test]
fn cue_names_are_the_json_names() {
    use Cue::*;
    let all = [
        Insult,
        Profanity,
        Slur,
        Threat,
        Dismissive,
        Politeness,
        Greeting,
        Thanks,
        Apology,
        Hedge,
        Request,
        Question,
        Complaint,
        SecondPerson,
        SecondPersonVerb,
        Shouting,
    ];
    for cue in all {
        assert_eq!(
            serde_json::to_string(&cue).unwrap(),
            format!("\"{}\"", cue.name())
        );
    }
}
