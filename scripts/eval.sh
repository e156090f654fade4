#!/usr/bin/env bash
# Accuracy of polso against Python VADER and the npm peers on the development sets.
#   scripts/eval.sh [--sets a,b] [--systems polso,vader-py,...] [--limit N] [--json out.json]
#   scripts/eval.sh --civility
# Evaluation data: POLSO_EVAL_DIR (default ../shared/eval/dev). polso: POLSO_BIN (default
# target/release/polso, built here with cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/setup.sh
bench_install_peers
bench_python_vader
bench_build_polso
exec node bench/eval.mjs "$@"
