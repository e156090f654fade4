// Placeholder added on the `italian` branch so the manifest's `[[bin]]` resolves; replaced by the CLI.
fn main() {}
