// Placeholder added on the `italian` branch so the manifest's `build = "build.rs"` resolves;
// the lead's lexicon compiler replaces it.
fn main() {}
