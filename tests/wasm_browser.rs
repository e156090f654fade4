//! The JavaScript API in headless Chromium, through chromedriver:
//! `scripts/test.sh` runs it with
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_browser`.
#![cfg(target_family = "wasm")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_cases;
