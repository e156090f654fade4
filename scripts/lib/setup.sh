# Shared set-up steps for scripts/test.sh and scripts/demo.sh: each installs one thing if it is
# missing and says so, and does nothing when it is already there.

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen version pinned with `=` in Cargo.toml: the CLI that generates the JS glue must
# be exactly the version the crate links against.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1
}

ensure_wasm_pack() {
  if ! command -v wasm-pack >/dev/null 2>&1; then
    step "installing wasm-pack (cargo install, a few minutes)"
    cargo install wasm-pack
  fi
}

ensure_wasm_bindgen_cli() {
  local want
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "Cargo.toml pins no wasm-bindgen version with \"=X.Y.Z\"" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "installing wasm-bindgen-cli $want (cargo install, a few minutes)"
    # Not --locked: one of its locked dependencies is missing from the registry mirror here.
    cargo install wasm-bindgen-cli --version "=$want"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null 2>&1; then
    step "installing chromium and chromium-driver (apt)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
}

# Installs DIR's npm dependencies from its lockfile when node_modules is missing or older than
# package.json / package-lock.json.
ensure_npm_deps() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] \
    || [ "$dir/package.json" -nt "$dir/node_modules" ] \
    || { [ -f "$dir/package-lock.json" ] && [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; }; then
    step "installing npm dependencies in $dir"
    if [ -f "$dir/package-lock.json" ]; then
      (cd "$dir" && npm ci --no-audit --no-fund)
    else
      (cd "$dir" && npm install --no-audit --no-fund)
    fi
    touch "$dir/node_modules"
  fi
}
