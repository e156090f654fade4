//! The JavaScript API under Node (wasm-bindgen-test's default environment):
//! `scripts/test.sh` runs it with
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_node`.
#![cfg(target_family = "wasm")]

mod wasm_cases;
