// The whole API (scoring and thread analytics) over the thread build's wasm
// (`polso_thread_bg.wasm`, through the glue `polso_thread.js`).
import initGlue, * as glue from "./polso_thread.js";
import { createApi } from "./api.js";

export const {
  initOnFirstUse,
  initWith,
  initSyncWith,
  isReady,
  score,
  scoreBatch,
  version,
  Analyzer,
  analyzeThread,
  OpenThread,
} = createApi(initGlue, glue);
