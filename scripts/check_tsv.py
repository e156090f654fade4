#!/usr/bin/env python3
"""Strictly check polso's hand-edited TSV files before they reach the build.

Usage:  scripts/check_tsv.py FILE...      (exit status 1 if any file has a problem)

Every file: UTF-8, LF line endings, `#` comment lines, then a header line, then one
record per line with exactly the header's number of tab-separated columns, no blank
lines, no empty required field, no leading or trailing spaces in a field, and no
duplicate value in the first column.

The header selects extra checks:

  emoji     valence name   key has no U+FE0F, no skin-tone modifier U+1F3FB..U+1F3FF,
                           no whitespace and no ASCII; valence in [-4, 4], <= 2 decimals
  emoticon  valence note   key is lowercase (the engine lowercases before lookup), no
                           whitespace; valence as above; note may be empty
  phrase    valence note   two or more lowercase words joined by single spaces; valence
                           as above; note may be empty
  id check text expected why
                           golden cases: check is one of label gt lt eq rule zero;
                           label expects pos/neg/neu; gt/lt/eq expect another text;
                           rule expects TOKEN:RULE with TOKEN as written in text and RULE
                           a known rule; zero expects "-"; only zero cases may have an
                           empty text; why is required

Python 3.8+, standard library only.
"""
import re
import sys

VALENCE = re.compile(r"-?[0-4](\.[0-9]{1,2})?")
SKIN_TONES = {chr(c) for c in range(0x1F3FB, 0x1F400)}
CHECKS = {"label", "gt", "lt", "eq", "rule", "zero"}
LABELS = {"pos", "neg", "neu"}
RULES = {"negated", "boosted", "dampened", "contrast", "caps", "emphasis", "idiom", "emoji", "emoticon"}


def check_valence(value):
    if not VALENCE.fullmatch(value) or not -4.0 <= float(value) <= 4.0:
        return f"valence {value!r} is not a decimal in [-4, 4] with at most 2 decimals"
    return None


def check_emoji(cols):
    key = cols[0]
    if "\ufe0f" in key:
        return "emoji key contains U+FE0F (store the base emoji; the engine strips it)"
    if any(c in SKIN_TONES for c in key):
        return "emoji key contains a skin-tone modifier (the engine strips it)"
    if any(c.isspace() or c.isascii() for c in key):
        return "emoji key contains whitespace or ASCII"
    return check_valence(cols[1])


def check_emoticon(cols):
    key = cols[0]
    if key != key.lower():
        return f"emoticon {key!r} is not lowercase (the engine lowercases before lookup)"
    if any(c.isspace() for c in key):
        return "emoticon contains whitespace"
    return check_valence(cols[1])


def check_phrase(cols):
    key = cols[0]
    if key != key.lower():
        return f"phrase {key!r} is not lowercase"
    words = key.split(" ")
    if len(words) < 2 or any(not w or any(c.isspace() for c in w) for w in words):
        return f"phrase {key!r} must be two or more words joined by single spaces"
    return check_valence(cols[1])


def check_golden(cols):
    _id, check, text, expected, _why = cols
    if check not in CHECKS:
        return f"check {check!r} is not one of {sorted(CHECKS)}"
    if not text and check != "zero":
        return "only a zero case may have an empty text"
    if check == "label" and expected not in LABELS:
        return f"label case expects one of {sorted(LABELS)}, got {expected!r}"
    if check in ("gt", "lt", "eq") and (not expected or expected == text):
        return f"{check} case needs a different text to compare with"
    if check == "zero" and expected != "-":
        return 'zero case expects "-"'
    if check == "rule":
        token, sep, rule = expected.rpartition(":")
        if not sep or not token or rule not in RULES:
            return f"rule case expects TOKEN:RULE with RULE in {sorted(RULES)}, got {expected!r}"
        if token not in text:
            return f"rule token {token!r} does not occur in the text"
    return None


SCHEMAS = {
    ("emoji", "valence", "name"): (check_emoji, {0, 1, 2}),
    ("emoticon", "valence", "note"): (check_emoticon, {0, 1}),
    ("phrase", "valence", "note"): (check_phrase, {0, 1}),
    ("id", "check", "text", "expected", "why"): (check_golden, {0, 1, 3, 4}),
}


def check_file(path):
    problems = []
    try:
        with open(path, "rb") as f:
            raw = f.read()
        data = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: {e}"]
    if "\r" in data:
        problems.append(f"{path}: contains CR; use LF line endings")
    if data and not data.endswith("\n"):
        problems.append(f"{path}: last line does not end with a newline")
    header, validate, required, seen = None, None, set(), {}
    records = 0
    for n, line in enumerate(data.split("\n")[:-1] if data.endswith("\n") else data.split("\n"), 1):
        where = f"{path}:{n}"
        if line.startswith("#"):
            continue
        if not line.strip():
            problems.append(f"{where}: blank line")
            continue
        cols = line.split("\t")
        if header is None:
            header = tuple(cols)
            validate, required = SCHEMAS.get(header, (None, {0}))
            continue
        if len(cols) != len(header):
            problems.append(f"{where}: {len(cols)} columns, header has {len(header)}")
            continue
        records += 1
        for i, c in enumerate(cols):
            if c != c.strip():
                problems.append(f"{where}: column {header[i]!r} has leading or trailing whitespace")
            if i in required and not c:
                problems.append(f"{where}: column {header[i]!r} is empty")
        if cols[0] in seen:
            problems.append(f"{where}: duplicate {header[0]} {cols[0]!r} (first on line {seen[cols[0]]})")
        else:
            seen[cols[0]] = n
        if validate:
            msg = validate(cols)
            if msg:
                problems.append(f"{where}: {msg}")
    if header is None:
        problems.append(f"{path}: no header line")
    print(f"{path}: {records} records, {len(problems)} problems", file=sys.stderr)
    return problems


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    problems = [p for path in paths for p in check_file(path)]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
