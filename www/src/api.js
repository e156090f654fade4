// The API every entry shares, written once over either wasm-bindgen glue: the core's (`polso.js`:
// scoring) or the thread build's (`polso_thread.js`: scoring and thread analytics). Each glue
// gets its own copy from `createApi`, with the wasm-bindgen functions and classes guarded so that
// a call made before the wasm is initialised throws an Error that says what to do (instead of a
// TypeError from deep inside the glue), and one idempotent initialisation used by all entries.
// `core.js` and `thread-core.js` make the two copies; the entries re-export them.

const NOT_READY =
  "polso is not initialised yet: call `await init()` (the default export) once before %s " +
  "(in Node, the package initialises itself on first use)";

// The packed batch path. A batch crosses the boundary once each way: the texts go in as one string
// with their UTF-16 lengths (a Uint32Array), the results come back as one Float64Array of
// PACKED_STRIDE numbers per text, and the result objects are built here, where building them is
// cheap. The layout is documented at PACKED_STRIDE in src/wasm/mod.rs. Explained results (tokens,
// cues) do not fit in numbers and take the glue's richer path.
const PACKED_STRIDE = 10;
const LABELS = ["pos", "neu", "neg"];
const LANGS = ["und", "it", "en"];

function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function checkText(text, call) {
  if (typeof text !== "string") {
    throw new Error(`polso: ${call}(text): text must be a string, got ${typeName(text)}`);
  }
}

/** The texts of a batch as one string and their lengths; names the first one that is not a string. */
function packTexts(texts, call) {
  if (!Array.isArray(texts)) {
    throw new Error(`polso: ${call}(texts) expects an array of strings, got ${typeName(texts)}`);
  }
  const lengths = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (typeof text !== "string") {
      throw new Error(`polso: ${call}: texts[${i}] must be a string, got ${typeName(text)}`);
    }
    lengths[i] = text.length;
  }
  return { joined: texts.join(""), lengths };
}

/** The result object of text `i` of a packed batch, shaped as `Sentiment` without `tokens`. */
function unpackOne(values, i) {
  const o = i * PACKED_STRIDE;
  const flags = values[o + 9];
  return {
    compound: values[o],
    pos: values[o + 1],
    neu: values[o + 2],
    neg: values[o + 3],
    label: LABELS[flags & 3],
    lang: LANGS[(flags >> 2) & 3],
    langConfidence: values[o + 4],
    signals: {
      hostility: values[o + 5],
      insult: (flags & 16) !== 0,
      targeted: (flags & 32) !== 0,
      profanity: (flags & 64) !== 0,
      directness: values[o + 6],
      politeness: values[o + 7],
      shouting: values[o + 8],
      question: (flags & 128) !== 0,
      request: (flags & 256) !== 0,
      complaint: (flags & 512) !== 0,
    },
  };
}

function unpack(values, count) {
  const results = new Array(count);
  for (let i = 0; i < count; i++) results[i] = unpackOne(values, i);
  return results;
}

const explains = (options) => options != null && typeof options === "object" && options.explain === true;

/** The API over one wasm-bindgen glue module (`initGlue` its default export, `glue` its namespace). */
export function createApi(initGlue, glue) {
  let ready = false;
  let pending;
  // Set by entries that can initialise synchronously on first use (Node: the wasm is embedded).
  let lazy;

  function guard(what) {
    if (ready) return;
    if (lazy) {
      lazy();
      return;
    }
    throw new Error(NOT_READY.replace("%s", what));
  }

  /** Makes the first API call initialise synchronously with `initialise()`. */
  function initOnFirstUse(initialise) {
    lazy = initialise;
  }

  /** Initialises from `input` (URL, Response, bytes, WebAssembly.Module, or nothing for the
   * `.wasm` beside the glue). Idempotent: later calls return the first call's promise. */
  function initWith(input) {
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
  function initSyncWith(module) {
    if (ready) return;
    glue.initSync({ module });
    ready = true;
  }

  /** Whether the wasm is loaded and the API can be called. */
  function isReady() {
    return ready;
  }

  function score(text, options) {
    guard("score()");
    if (explains(options)) return glue.score(text, options);
    checkText(text, "score");
    const lengths = new Uint32Array([text.length]);
    return unpackOne(glue.__scorePacked(text, lengths, options, "score"), 0);
  }

  function scoreBatch(texts, options) {
    guard("scoreBatch()");
    if (explains(options)) return glue.scoreBatch(texts, options);
    const { joined, lengths } = packTexts(texts, "scoreBatch");
    return unpack(glue.__scorePacked(joined, lengths, options, "scoreBatch"), lengths.length);
  }

  function version() {
    guard("version()");
    return glue.version();
  }

  class Analyzer extends glue.Analyzer {
    #explain;

    constructor(options) {
      guard("new Analyzer()");
      super(options);
      this.#explain = super.__explains();
    }

    score(text) {
      if (this.#explain) return super.score(text);
      checkText(text, "Analyzer.score");
      return unpackOne(super.__scorePacked(text, new Uint32Array([text.length])), 0);
    }

    scoreBatch(texts) {
      if (this.#explain) return super.scoreBatch(texts);
      const { joined, lengths } = packTexts(texts, "Analyzer.scoreBatch");
      return unpack(super.__scorePacked(joined, lengths), lengths.length);
    }
  }

  const api = { initOnFirstUse, initWith, initSyncWith, isReady, score, scoreBatch, version, Analyzer };
  if (!glue.OpenThread) return api;

  // The thread build's analytics.
  function analyzeThread(comments, options) {
    guard("analyzeThread()");
    return glue.analyzeThread(comments, options);
  }

  class OpenThread extends glue.OpenThread {
    constructor(options) {
      guard("new OpenThread()");
      super(options);
    }
  }

  return { ...api, analyzeThread, OpenThread };
}
