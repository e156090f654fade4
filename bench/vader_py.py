#!/usr/bin/env python3
"""Python VADER (vaderSentiment 3.3.2) as a benchmark peer and as a stand-in for polso's CLI.

Modes (JSONL `{"id", "text", "lang"?}` on stdin or in FILE, one JSON object a line on stdout):

  vader_py.py [FILE]            predictions: {"id", "compound", "label"}
  vader_py.py score [FILE]      polso-shaped output, so the harness can be developed before the
                                real CLI exists: {"id", "compound", "pos", "neu", "neg", "label",
                                "lang", "signals": {"hostility"}}; a malformed line gives
                                {"line": N, "error": "..."} and exit status 1, like `polso score`.
                                Use it as POLSO_BIN="python3 bench/vader_py.py".
  vader_py.py --bench RUNS [FILE]
                                speed: scores every text RUNS times in-process (after one warm-up
                                pass) and prints {"runs": [seconds...], "n": N, "bytes": B}.

Labels use VADER's published thresholds: compound >= 0.05 pos, <= -0.05 neg, else neu.
vaderSentiment==3.3.2 is installed with pip on first use if it is missing.
"""

import json
import subprocess
import sys
import time

VADER_VERSION = "3.3.2"


def load_analyzer():
    try:
        from importlib.metadata import version

        installed = version("vaderSentiment")
    except Exception:  # not installed at all
        installed = None
    if installed != VADER_VERSION:
        print(
            f"vader_py: installing vaderSentiment=={VADER_VERSION} (found {installed})",
            file=sys.stderr,
        )
        subprocess.check_call(
            [sys.executable, "-m", "pip", "install", "-q", f"vaderSentiment=={VADER_VERSION}"],
            stdout=sys.stderr,
        )
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def label_of(compound):
    if compound >= 0.05:
        return "pos"
    if compound <= -0.05:
        return "neg"
    return "neu"


def read_lines(args):
    if args:
        with open(args[0], encoding="utf-8") as f:
            return f.read().splitlines()
    return sys.stdin.read().splitlines()


def main(argv):
    mode = "predict"
    if argv and argv[0] == "score":
        mode = "score"
        argv = argv[1:]
    elif argv and argv[0] == "--bench":
        mode = "bench"
        runs = int(argv[1])
        argv = argv[2:]
    analyzer = load_analyzer()
    lines = read_lines(argv)
    out = sys.stdout
    failed = False

    if mode == "bench":
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        for t in texts:  # warm-up pass: caches, lazy imports
            analyzer.polarity_scores(t)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for t in texts:
                analyzer.polarity_scores(t)
            times.append(time.perf_counter() - start)
        out.write(json.dumps({"runs": times, "n": len(texts), "bytes": nbytes}) + "\n")
        return 0

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('expected an object with a string "text"')
        except ValueError as err:
            failed = True
            out.write(json.dumps({"line": number, "error": str(err)}) + "\n")
            continue
        s = analyzer.polarity_scores(item["text"])
        record = {"id": item.get("id"), "compound": s["compound"], "label": label_of(s["compound"])}
        if mode == "score":
            record.update(
                pos=s["pos"],
                neu=s["neu"],
                neg=s["neg"],
                lang=item.get("lang") or "und",
                # Stand-in only: lets the civility mode exercise the polso path.
                signals={"hostility": s["neg"]},
            )
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
