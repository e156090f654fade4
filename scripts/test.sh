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

step "the library builds for wasm32-unknown-unknown, without and with the thread API"
cargo build --lib --target wasm32-unknown-unknown --no-default-features --release
cargo build --lib --target wasm32-unknown-unknown --no-default-features --features thread --release

ensure_wasm_pack
ensure_wasm_bindgen_cli
ensure_chromium
ensure_npm_deps tests/js

# wasm-bindgen-test-runner runs the wasm tests: in Node by default, in Chromium through
# chromedriver for tests configured run_in_browser (capabilities in tests/js/webdriver.json).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/js/webdriver.json"

step "wasm-bindgen tests of the JavaScript API in Node"
cargo test --target wasm32-unknown-unknown --no-default-features --features thread --test wasm_node

step "wasm-bindgen tests of the JavaScript API in headless Chromium"
cargo test --target wasm32-unknown-unknown --no-default-features --features thread --test wasm_browser

step "the npm package (wasm-pack, wasm-opt from binaryen, npm pack)"
bash scripts/build-npm.sh

step "JavaScript tests: packaging matrix, README examples, widget, demo page (headless Chromium)"
(cd tests/js && node --test --test-concurrency=1 ./*.test.mjs)
