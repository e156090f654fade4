// The API every entry shares: the wasm-bindgen functions and classes, guarded so that a call made
// before the wasm is initialised throws an Error that says what to do (instead of a TypeError from
// deep inside the glue), plus one idempotent initialisation used by all entries.
import initGlue, * as glue from "./polso.js";

let ready = false;
let pending;
// Set by entries that can initialise synchronously on first use (Node: the wasm is embedded).
let lazy;

const NOT_READY =
  "polso is not initialised yet: call `await init()` (the default export) once before %s " +
  "(in Node, the package initialises itself on first use)";

function guard(what) {
  if (ready) return;
  if (lazy) {
    lazy();
    return;
  }
  throw new Error(NOT_READY.replace("%s", what));
}

/** Makes the first API call initialise synchronously with `initialise()`. */
export function initOnFirstUse(initialise) {
  lazy = initialise;
}

/** Initialises from `input` (URL, Response, bytes, WebAssembly.Module, or nothing for the
 * `.wasm` beside this file). Idempotent: later calls return the first call's promise. */
export function initWith(input) {
  if (ready) return Promise.resolve();
  if (!pending) {
    const arg = input === undefined ? undefined : { module_or_path: input };
    pending = initGlue(arg).then(
      () => {
        ready = true;
      },
      (error) => {
        pending = undefined; // a failed load (network, CSP) may be retried
        throw new Error(`polso: could not load its WebAssembly: ${error?.message ?? error}`, {
          cause: error,
        });
      },
    );
  }
  return pending;
}

/** Initialises synchronously from bytes or a compiled module. Idempotent. */
export function initSyncWith(module) {
  if (ready) return;
  glue.initSync({ module });
  ready = true;
}

/** Whether the wasm is loaded and the API can be called. */
export function isReady() {
  return ready;
}

export function score(text, options) {
  guard("score()");
  return glue.score(text, options);
}

export function scoreBatch(texts, options) {
  guard("scoreBatch()");
  return glue.scoreBatch(texts, options);
}

export function analyzeThread(comments, options) {
  guard("analyzeThread()");
  return glue.analyzeThread(comments, options);
}

export function version() {
  guard("version()");
  return glue.version();
}

export class Analyzer extends glue.Analyzer {
  constructor(options) {
    guard("new Analyzer()");
    super(options);
  }
}

export class OpenThread extends glue.OpenThread {
  constructor(options) {
    guard("new OpenThread()");
    super(options);
  }
}
