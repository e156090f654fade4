#!/usr/bin/env bash
# Speed and download size of polso against its peers, and thread analytics at scale.
#   scripts/bench.sh [speed.mjs options]   speed table, size table, then scale table
#   scripts/bench.sh --report [options]    accuracy + speed + size + scale: writes BENCHMARKS.md
#                                          and bench/speed-vs-accuracy.svg
# Scale sizes: POLSO_SCALE_SIZES (default 1000,10000,100000,1000000), or --scale-sizes with --report.
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
node bench/size.mjs
exec node bench/scale.mjs ${POLSO_SCALE_SIZES:+--sizes "$POLSO_SCALE_SIZES"}
