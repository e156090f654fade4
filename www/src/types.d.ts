// The result and option types every entry exports (thread-types.d.ts adds those of
// `polso/thread`). They are declared in src/wasm/mod.rs, next to the Rust that produces them, and
// come through the generated polso.d.ts; listed once here so that a new type is added in one place
// (www/build/assemble.mjs writes the CommonJS copy).
export type {
  Sentiment,
  Contribution,
  Span,
  Label,
  Lang,
  Rule,
  ScoreOptions,
  Signals,
  Cue,
  CueHit,
} from "./polso.js";
