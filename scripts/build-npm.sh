#!/usr/bin/env bash
# Builds the npm package `polso` into www/pkg and packs it as target/npm/polso-VERSION.tgz.
# Installs what is missing (wasm target, wasm-pack, wasm-bindgen-cli at the pinned version, the
# build's npm tools), then: wasm-pack twice (--target web, default features off so no serde_json;
# the core, and the thread build with the `thread` feature),
# wasm-opt from the npm package binaryen, entries and types, sizes, npm pack.
#
#   scripts/build-npm.sh            build and pack
#   scripts/build-npm.sh --if-stale build only when a source is newer than the last build
#   POLSO_WASM_OPT=0 scripts/...    skip wasm-opt (faster, bigger; for debugging)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

stamp=www/pkg/.built
if [ "${1:-}" = "--if-stale" ] && [ -f "$stamp" ] && [ -z "$(find src lexicons build build.rs Cargo.toml Cargo.lock www/src www/package.json www/README.md www/build/assemble.mjs -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "www/pkg is up to date"
  exit 0
fi

ensure_rust_wasm_target
ensure_wasm_pack
ensure_wasm_bindgen_cli
ensure_npm_deps www/build

# The wasm-release profile (Cargo.toml) optimises for size; --no-opt because wasm-opt runs later,
# from the npm package binaryen.
# Two builds: the core package (`polso`, scoring only) and the thread build (`polso/thread`, with
# the `thread` feature's analyzeThread and OpenThread), so that a page that only scores texts does
# not download the thread analytics.
step "wasm-pack build --target web (profile wasm-release, no default features): core"
wasm-pack --quiet build --target web --mode no-install --profile wasm-release --no-opt --no-pack \
  --out-dir target/wasm-pack --out-name polso . -- --no-default-features
step "wasm-pack build --target web (profile wasm-release, no default features): thread"
wasm-pack --quiet build --target web --mode no-install --profile wasm-release --no-opt --no-pack \
  --out-dir target/wasm-pack-thread --out-name polso_thread . -- --no-default-features --features thread

step "assembling www/pkg"
opt=()
[ "${POLSO_WASM_OPT:-1}" = 0 ] && opt=(--no-opt)
node www/build/assemble.mjs "${opt[@]}"

step "npm pack"
mkdir -p target/npm
rm -f target/npm/polso-*.tgz
(cd www/pkg && npm pack --silent --pack-destination ../../target/npm >/dev/null)
ls target/npm/polso-*.tgz
touch "$stamp"
