#!/usr/bin/env bash
# Speed and download size of polso against its peers.
#   scripts/bench.sh [speed.mjs options]   speed table, then size table
#   scripts/bench.sh --report              accuracy + speed + size: writes BENCHMARKS.md and
#                                          bench/speed-vs-accuracy.svg
# polso native: POLSO_BIN (default target/release/polso, built here); polso wasm:
# POLSO_WASM_PKG (default www/pkg or pkg/ when one holds a package, as built by
# scripts/build-npm.sh; skipped otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/setup.sh
bench_install_peers
bench_python_vader
bench_build_polso
bench_wasm_pkg
if [ "${1:-}" = "--report" ]; then
  shift
  exec node bench/report.mjs "$@"
fi
node bench/speed.mjs "$@"
exec node bench/size.mjs
