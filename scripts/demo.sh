#!/usr/bin/env bash
# The demo: builds the npm package if it is missing or out of date (installing the wasm target,
# wasm-pack, wasm-bindgen-cli and the build tools if they are missing), then serves the demo
# forum page on localhost and prints its URL. PORT sets the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

bash scripts/build-npm.sh --if-stale

step "serving the demo forum page"
exec node www/demo/serve.mjs "${PORT:-8080}"
