// polso for browsers and tools that do not copy assets (esbuild, rollup without a wasm plugin,
// single-file builds): the wasm travels base64-encoded inside the JS, so `init()` needs no fetch.
import { initWith, initSyncWith } from "./core.js";
import { wasmBytes } from "./wasm-inline.js";

export { score, scoreBatch, version, Analyzer, isReady } from "./core.js";

/** Compiles the embedded wasm once (asynchronously); `input` overrides it. */
export default function init(input) {
  return initWith(input ?? wasmBytes());
}
export { init };

/** Compiles the embedded wasm synchronously (fine in workers and Node; browsers limit the size of
 * synchronous compiles on the main thread, so prefer `await init()` there). */
export function initSync(module) {
  initSyncWith(module ?? wasmBytes());
}
