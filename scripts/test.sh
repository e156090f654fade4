#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or a developer's: installs what is missing
# (wasm target, and the tools the later stages need), skips what is present, then runs every layer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_rust_wasm_target

step "cargo fmt --check"
cargo fmt --all -- --check

step "native tests (unit, golden cases, properties, lexicon files, doc examples)"
cargo test --all-targets
cargo test --doc

step "the core builds for wasm32-unknown-unknown"
cargo build --lib --target wasm32-unknown-unknown --no-default-features --release
