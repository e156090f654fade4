// Types of the browser / bundler / worker entry. The result and option types are listed in
// types.d.ts (declared in src/wasm/mod.rs, next to the Rust that produces them).
export { score, scoreBatch, version, Analyzer } from "./polso.js";
export * from "./types.js";

/** Where the wasm comes from: a URL, a fetch `Response` (or its promise), bytes, or a compiled module. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads and instantiates the wasm, by default from `polso_bg.wasm` beside this module. Idempotent:
 * every call after the first returns the same promise. Rejects with an `Error` if the wasm cannot
 * be loaded (network, or a Content-Security-Policy without `'wasm-unsafe-eval'`).
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export { init };
/** Instantiates synchronously from wasm bytes or a compiled module. Idempotent. */
export function initSync(module: BufferSource | WebAssembly.Module): void;
/** Whether `init()` has completed and the API can be called. */
export function isReady(): boolean;
