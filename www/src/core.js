// The core API (scoring only) over the core wasm (`polso_bg.wasm`, through the glue `polso.js`).
import initGlue, * as glue from "./polso.js";
import { createApi } from "./api.js";

export const { initOnFirstUse, initWith, initSyncWith, isReady, score, scoreBatch, version, Analyzer } =
  createApi(initGlue, glue);
