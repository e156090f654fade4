// Speed of polso's batch call against the `sentiment` npm package (AFINN word counting, the
// fastest JavaScript peer) on the same comments in the same run, in Node and in headless
// Chromium. Prints comments per second for both and the ratio; it is a benchmark, not a test.
//
// A third row is the floor: AFINN word counting written in Rust as cheaply as it can be
// (bench/floor/src/lib.rs: split, lowercase, one hash lookup a word, no other rule) behind polso's
// own JavaScript layer (packing the batch, crossing into wasm, building the result objects). It
// shows how much of the 3x target that layer and the boundary leave for polso's rules.
//
//   node tests/js/bench.mjs [comments=20000] [rounds=7]      (after scripts/build-npm.sh)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";
import { corpus } from "./bench/corpus.mjs";
import { launch } from "./lib/browser.mjs";
import { PKG, ROOT } from "./lib/paths.mjs";

const N = Number(process.argv[2] ?? 20000);
const ROUNDS = Number(process.argv[3] ?? 7);
const require = createRequire(import.meta.url);

// The measuring code, the same in Node and in the page: warm up, then the median of ROUNDS.
const MEASURE = `
async function measure(texts, rounds, sentiment, scoreBatch, floorBatch) {
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
  let sink = 0;
  const runSentiment = () => { for (const t of texts) sink += sentiment.analyze(t).score; };
  const runPolso = () => { for (const r of scoreBatch(texts)) sink += r.compound; };
  const runFloor = () => { for (const r of floorBatch(texts)) sink += r.compound; };
  // The same number of empty texts: what a comment costs besides scoring its words (packing the
  // batch, crossing into wasm and back, building the result objects, and the core's fixed work).
  const empty = texts.map(() => "");
  const runEmpty = () => { for (const r of scoreBatch(empty)) sink += r.compound; };
  runSentiment(); runPolso(); runEmpty(); runFloor(); // warm-up: JIT, wasm tiering, lexicon indexes
  const a = [], b = [], c = [], d = [];
  for (let i = 0; i < rounds; i++) {
    a.push(time(runSentiment)); b.push(time(runPolso)); c.push(time(runEmpty)); d.push(time(runFloor));
  }
  const perSec = (ms) => Math.round(texts.length / (ms / 1000));
  const emptyNs = Math.round((median(c) * 1e6) / texts.length);
  return { sentiment: perSec(median(a)), polso: perSec(median(b)), floor: perSec(median(d)), emptyNs, sink: Number.isFinite(sink) };
}`;
const measure = new Function(`${MEASURE}; return measure;`)();

function line(where, r) {
  const ratio = r.polso / r.sentiment;
  console.log(
    `${where.padEnd(9)} sentiment ${String(r.sentiment).padStart(9)} comments/s   polso scoreBatch ${String(r.polso).padStart(9)} comments/s   ratio ${ratio.toFixed(2)}x ${ratio >= 3 ? "(meets 3x)" : "(below the 3x target)"}`,
  );
  console.log(
    `${"".padEnd(9)} polso scoreBatch of empty texts: ${r.emptyNs} ns a comment (boundary, result objects and fixed cost; ${Math.round(1e9 / r.polso)} ns a comment in all)`,
  );
  console.log(
    `${"".padEnd(9)} floor: AFINN word counting in wasm behind polso's JS layer ${String(r.floor).padStart(9)} comments/s   ratio ${(r.floor / r.sentiment).toFixed(2)}x`,
  );
}

// The floor's wasm (bench/floor), built into target/floor with the wasm-bindgen CLI the package
// build uses; its glue gets polso's JS layer from the built package (dist/api.js).
const FLOOR_DIR = path.join(ROOT, "target/floor");
function buildFloor() {
  const run = (cmd, args, options) => {
    const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], ...options });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (status ${r.status})`);
  };
  run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown"], {
    cwd: path.join(ROOT, "bench/floor"),
    env: { ...process.env, CARGO_TARGET_DIR: FLOOR_DIR },
  });
  const wasm = path.join(FLOOR_DIR, "wasm32-unknown-unknown/release/polso_bench_floor.wasm");
  run("wasm-bindgen", ["--target", "web", "--out-dir", path.join(FLOOR_DIR, "pkg"), wasm]);
}

// The floor's API: polso's own createApi over the floor's glue (which has no Analyzer class).
const FLOOR_API = `
async function floorApi(createApi, glue, wasm, labels) {
  const api = createApi(glue.default, { ...glue, Analyzer: class {} });
  await api.initWith(wasm);
  glue.init_lexicon(Object.keys(labels), Object.values(labels).map(Number));
  return api.scoreBatch;
}`;
const floorApi = new Function(`${FLOOR_API}; return floorApi;`)();
const AFINN = require.resolve("sentiment/languages/en/labels.json");

buildFloor();
const texts = corpus(N);
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
console.log(`${N} comments (${(words / N).toFixed(1)} words on average, Italian and English), median of ${ROUNDS} rounds`);

// Node: the package's node entry as users import it.
{
  const Sentiment = require("sentiment");
  const { scoreBatch } = await import(path.join(PKG, "dist/node.js"));
  const { createApi } = await import(path.join(PKG, "dist/api.js"));
  const glue = await import(path.join(FLOOR_DIR, "pkg/polso_bench_floor.js"));
  const wasm = fs.readFileSync(path.join(FLOOR_DIR, "pkg/polso_bench_floor_bg.wasm"));
  const floorBatch = await floorApi(createApi, glue, wasm, JSON.parse(fs.readFileSync(AFINN, "utf8")));
  line("Node", await measure(texts, ROUNDS, new Sentiment(), scoreBatch, floorBatch));
}

// Chromium: the package's web entry and a browser bundle of `sentiment`.
{
  const bundle = await esbuild.build({
    stdin: { contents: `import Sentiment from "sentiment"; window.Sentiment = Sentiment;`, resolveDir: path.dirname(new URL(import.meta.url).pathname) },
    bundle: true, format: "iife", write: false, minify: true, logLevel: "error",
  });
  const files = {
    "/": { type: "text/html", body: "<!doctype html><meta charset=utf-8><title>bench</title>" },
    "/sentiment.js": { type: "text/javascript", body: bundle.outputFiles[0].text },
    "/corpus.mjs": { type: "text/javascript", body: fs.readFileSync(new URL("./bench/corpus.mjs", import.meta.url)) },
    "/afinn.json": { type: "application/json", body: fs.readFileSync(AFINN) },
    "/floor/glue.js": { type: "text/javascript", body: fs.readFileSync(path.join(FLOOR_DIR, "pkg/polso_bench_floor.js")) },
    "/floor/floor.wasm": { type: "application/wasm", body: fs.readFileSync(path.join(FLOOR_DIR, "pkg/polso_bench_floor_bg.wasm")) },
  };
  const browser = await launch();
  const page = await browser.newPage();
  await page.route("http://bench.test/**", (route) => {
    const p = new URL(route.request().url()).pathname;
    if (files[p]) return route.fulfill({ status: 200, contentType: files[p].type, body: files[p].body });
    const file = path.join(PKG, p.replace(/^\/pkg\//, ""));
    if (p.startsWith("/pkg/") && fs.existsSync(file)) {
      return route.fulfill({ status: 200, contentType: file.endsWith(".wasm") ? "application/wasm" : "text/javascript", body: fs.readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: "" });
  });
  await page.goto("http://bench.test/");
  await page.addScriptTag({ url: "/sentiment.js" });
  const result = await page.evaluate(
    async ({ n, rounds, src, floorSrc }) => {
      const { corpus } = await import("/corpus.mjs");
      const polso = await import("/pkg/dist/index.js");
      await polso.default();
      const { createApi } = await import("/pkg/dist/api.js");
      const floorApi = new Function(`${floorSrc}; return floorApi;`)();
      const labels = await (await fetch("/afinn.json")).json();
      const floorBatch = await floorApi(createApi, await import("/floor/glue.js"), "/floor/floor.wasm", labels);
      const measure = new Function(`${src}; return measure;`)();
      return measure(corpus(n), rounds, new window.Sentiment(), polso.scoreBatch, floorBatch);
    },
    { n: N, rounds: ROUNDS, src: MEASURE, floorSrc: FLOOR_API },
  );
  line("Chromium", result);
  await browser.close();
}
