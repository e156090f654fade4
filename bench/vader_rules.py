#!/usr/bin/env python3
"""Why does vader-sentiment (JS) 1.1.3 beat vaderSentiment (Python) 3.3.2 on the VADER tweets?

Rebuilds Python VADER 3.3.2 with one of the JS port's differences at a time and prints, per
development set, accuracy, macro-F1, Pearson r (where human ratings exist) and the label flips the
change causes against unmodified 3.3.2: how many, how many become right, how many become wrong.

  python3 bench/vader_rules.py [SET ...]     (default: en_vader_tweets en_vader_amazon en_uci_yelp_imdb)

Sets are read from POLSO_EVAL_DIR (default ../shared/eval/dev), as eval.mjs reads them. Nothing is
written. The findings are summarised in bench/README.md ("vader-sentiment (JS) on the tweets").
"""

import json
import os
import statistics
import string
import sys
import types

import vaderSentiment.vaderSentiment as vader

SOURCE = open(vader.__file__, encoding="utf-8").read()
NO_RULE = SOURCE[
    SOURCE.index('            # check for "no" as negation for an adjacent') : SOURCE.index(
        "            # check if sentiment laden word is in ALL CAPS"
    )
]


def strip_two_letter_words(token):
    """3.3.2 keeps a token whole when stripping punctuation leaves two characters or fewer (meant
    for emoticons), so "no!", "ok." and "Ha!" are never looked up. The JS port, like polso's
    tokenizer, strips them; only what leaves a single character stays whole (":D", ":(")."""
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 1 else stripped


def js_lexicon(lexicon):
    """The JS port's lexicon: 3.3.2's without heart, hearts and flawed, and badass at -0.6."""
    for word in ("heart", "hearts", "flawed"):
        lexicon.pop(word, None)
    lexicon["badass"] = -0.6


# (name, source replacements, tokenizer, lexicon patch)
VARIANTS = [
    ("vaderSentiment 3.3.2", [], None, None),
    ('without the 3.3.2 "no" rule (as JS)', [(NO_RULE, "")], None, None),
    ("punctuation stripped from 2-letter words (as JS, polso)", [], strip_two_letter_words, None),
    ("both of the above", [(NO_RULE, "")], strip_two_letter_words, None),
    ("JS lexicon", [], None, js_lexicon),
    (
        '"but" matched only as but/BUT (as JS)',
        [
            (
                "        if 'but' in words_and_emoticons_lower:\n            bi = words_and_emoticons_lower.index('but')",
                "        if 'but' in words_and_emoticons or 'BUT' in words_and_emoticons:\n"
                "            bi = words_and_emoticons.index('but' if 'but' in words_and_emoticons else 'BUT')",
            )
        ],
        None,
        None,
    ),
    (
        "1-character tokens dropped (as JS)",
        [
            (
                "        stripped = list(map(self._strip_punc_if_word, wes))",
                "        stripped = [w for w in map(self._strip_punc_if_word, wes) if len(w) > 1]",
            )
        ],
        None,
        None,
    ),
]


def analyzer(replacements, tokenizer, lexicon_patch):
    source = SOURCE
    for old, new in replacements:
        assert old in source, f"vaderSentiment source changed: {old[:60]!r} not found"
        source = source.replace(old, new)
    module = types.ModuleType("vader_variant")
    module.__file__ = vader.__file__  # the lexicon files are found beside it
    exec(compile(source, vader.__file__, "exec"), module.__dict__)
    if tokenizer:
        module.SentiText._strip_punc_if_word = staticmethod(tokenizer)
    sia = module.SentimentIntensityAnalyzer()
    if lexicon_patch:
        lexicon_patch(sia.lexicon)
    return sia


def label(compound):
    return "pos" if compound >= 0.05 else "neg" if compound <= -0.05 else "neu"


def macro_f1(predicted, gold):
    scores = []
    for cls in sorted(set(gold)):
        tp = sum(p == g == cls for p, g in zip(predicted, gold))
        pp = sum(p == cls for p in predicted)
        gp = sum(g == cls for g in gold)
        precision = tp / pp if pp else 0.0
        recall = tp / gp if gp else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def main():
    eval_dir = os.environ.get("POLSO_EVAL_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "dev")
    sets = sys.argv[1:] or ["en_vader_tweets", "en_vader_amazon", "en_uci_yelp_imdb"]
    for name in sets:
        with open(os.path.join(eval_dir, f"{name}.jsonl"), encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
        gold = [it["label"] for it in items]
        ratings = [it.get("score") for it in items]
        has_ratings = all(isinstance(r, (int, float)) for r in ratings)
        print(f"\n{name} ({len(items)} items)")
        print(f"| {'variant':56} | accuracy | macro-F1 | Pearson r | flips | now right | now wrong |")
        print(f"|:{'-' * 56}-|---------:|---------:|----------:|------:|----------:|----------:|")
        base = None
        for variant, replacements, tokenizer, lexicon_patch in VARIANTS:
            sia = analyzer(replacements, tokenizer, lexicon_patch)
            compounds = [sia.polarity_scores(it["text"])["compound"] for it in items]
            predicted = [label(c) for c in compounds]
            accuracy = sum(p == g for p, g in zip(predicted, gold)) / len(gold)
            r = f"{statistics.correlation(ratings, compounds):.4f}" if has_ratings else "–"
            if base is None:
                base = predicted
                flips = right = wrong = "–"
            else:
                changed = [i for i in range(len(items)) if predicted[i] != base[i]]
                flips = len(changed)
                right = sum(predicted[i] == gold[i] for i in changed)
                wrong = sum(base[i] == gold[i] for i in changed)
            print(f"| {variant:56} | {accuracy:8.4f} | {macro_f1(predicted, gold):8.4f} | {r:>9} | {flips:>5} | {right:>9} | {wrong:>9} |")


if __name__ == "__main__":
    main()
