# Sourced by scripts/eval.sh and scripts/bench.sh (from the repo root): installs what the
# benchmarks need, each step only when it is missing or stale.

bench_install_peers() {
  # npm ci writes node_modules/.package-lock.json; a lock file newer than it means stale.
  if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    echo "bench: installing the peer libraries (npm ci in bench/)" >&2
    (cd bench && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

bench_python_vader() {
  local py="${PYTHON:-python3}"
  if ! "$py" -c 'import importlib.metadata as m, sys; sys.exit(m.version("vaderSentiment") != "3.3.2")' 2>/dev/null; then
    echo "bench: installing vaderSentiment==3.3.2 with pip" >&2
    "$py" -m pip install -q "vaderSentiment==3.3.2" >&2
  fi
}

bench_build_polso() {
  # Only the default binary is built; a POLSO_BIN set by the caller is used as given.
  if [ -z "${POLSO_BIN:-}" ]; then
    if ! cargo build --release --quiet >&2; then
      echo "bench: cargo build --release failed; polso rows will be skipped" >&2
    fi
  fi
}

bench_wasm_pkg() {
  # The npm package is assembled by scripts/build-npm.sh into www/pkg; pkg/ is wasm-pack's default.
  if [ -z "${POLSO_WASM_PKG:-}" ]; then
    local dir
    for dir in www/pkg pkg; do
      if [ -f "$dir/package.json" ]; then
        export POLSO_WASM_PKG="$dir"
        echo "bench: using the wasm package in $dir (set POLSO_WASM_PKG to choose another)" >&2
        return
      fi
    done
  fi
}
