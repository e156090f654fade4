//! polso: sentiment and thread-health analytics for Italian and English comments.
//!
//! Placeholder added on the `italian` branch only so that `cargo test --test
//! italian_morphology` compiles before the core engine lands; the lead's `src/lib.rs` replaces it.
#![forbid(unsafe_code)]
