// polso for Node (ESM; the CommonJS node.cjs is built from this file): the wasm is embedded and
// compiled synchronously at import, so the API is ready at once. Nothing is read from disk, so
// server bundlers (Next.js route handlers) that move this file keep working.
import { initSyncWith } from "./api.js";
import { wasmBytes } from "./wasm-inline.js";

initSyncWith(wasmBytes());

export { score, scoreBatch, analyzeThread, version, Analyzer, OpenThread, isReady } from "./api.js";

/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export default function init() {
  return Promise.resolve();
}
export { init };

/** Already initialised at import; a no-op. */
export function initSync() {}
