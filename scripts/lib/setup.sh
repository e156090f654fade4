# Shared set-up steps for scripts/test.sh and scripts/demo.sh: each installs one thing if it is
# missing and says so, and does nothing when it is already there.

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}
