// polso for browsers, bundlers and Web Workers: scoring (the core package). The wasm is fetched
// from beside this file (`new URL("polso_bg.wasm", import.meta.url)`, which Vite and webpack 5
// turn into an asset) when `init()` is first called. No top-level await, no Node built-ins.
// Thread analytics are in `polso/thread`, whose entries www/build/assemble.mjs writes from these.
import { initWith, initSyncWith } from "./core.js";

export { score, scoreBatch, version, Analyzer, isReady } from "./core.js";

/** Loads the wasm once; later calls share the first call's promise. */
export default function init(input) {
  return initWith(input);
}
export { init };

/** Initialises synchronously from wasm bytes or a `WebAssembly.Module` you already have. */
export function initSync(module) {
  initSyncWith(module);
}
