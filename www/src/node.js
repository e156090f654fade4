// polso for Node (ESM; the CommonJS node.cjs is built from this file): the wasm is embedded and
// compiled synchronously on the first call, so importing costs nothing and no `await init()` is
// needed. Nothing is read from disk, so server bundlers (Next.js route handlers) that move this
// file keep working.
import { initSyncWith, initOnFirstUse } from "./core.js";
import { wasmBytes } from "./wasm-inline.js";

initOnFirstUse(() => initSyncWith(wasmBytes()));

export { score, scoreBatch, version, Analyzer, isReady } from "./core.js";

/** Compiles the embedded wasm now instead of on the first call (idempotent); kept so code
 * written for the browser entry runs unchanged. */
export default function init() {
  initSyncWith(wasmBytes());
  return Promise.resolve();
}
export { init };

/** Compiles the embedded wasm now (idempotent). */
export function initSync() {
  initSyncWith(wasmBytes());
}
