// The packaging matrix: the packed tarball (target/npm/polso-*.tgz, from scripts/build-npm.sh)
// installed into a temporary project the way a user installs it, then used from Node (ESM, CJS),
// TypeScript, a Vite build, a webpack 5 build, a plain <script type="module"> page with no
// bundler, the inline entry, and a module Worker; the pages run in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createServer } from "../../www/demo/serve.mjs";
import { launch, watchErrors } from "./lib/browser.mjs";
import { ROOT, tarball } from "./lib/paths.mjs";

const app = path.join(ROOT, "target/js-matrix/app");
let browser;

function write(rel, text) {
  const file = path.join(app, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function node(...args) {
  return execFileSync(process.execPath, args, { cwd: app, encoding: "utf8" });
}

before(async () => {
  fs.rmSync(app, { recursive: true, force: true });
  fs.mkdirSync(app, { recursive: true });
  write("package.json", JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", tarball()], { cwd: app, stdio: "inherit" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Serves `dir` and opens `page` in Chromium; resolves with what the page put in #out. */
async function runPage(dir, page = "/index.html") {
  const server = createServer({ root: dir, index: "/" });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(base + page);
    await tab.waitForFunction(() => document.querySelector("#out")?.dataset.done, null, { timeout: 20000 });
    const out = JSON.parse(await tab.locator("#out").textContent());
    return { out, errors };
  } finally {
    await context.close();
    server.close();
  }
}

// What every browser consumer runs: init twice, score a batch, slice a span, catch an error.
const BROWSER_MAIN = `
import init, { score, scoreBatch, isReady } from "polso";
const out = document.querySelector("#out");
(async () => {
  let before;
  try { score("x"); } catch (e) { before = e.message; }
  await init();
  await init();
  const text = "Love it 😍 so much!";
  const explained = score(text, { explain: true });
  const spans = explained.tokens.map((t) => text.slice(t.span.start, t.span.end));
  const labels = scoreBatch(["I love it", "This is awful", "The meeting is at noon"]).map((r) => r.label);
  let error;
  try { scoreBatch(["ok", 1]); } catch (e) { error = e.message; }
  out.textContent = JSON.stringify({ before, ready: isReady(), spans, labels, error });
  out.dataset.done = "1";
})().catch((e) => { out.textContent = JSON.stringify({ failed: String(e) }); out.dataset.done = "1"; });
`;

function checkBrowserResult({ out, errors }) {
  assert.equal(out.failed, undefined, out.failed);
  assert.match(out.before, /not initialised yet: call `await init\(\)`/);
  assert.equal(out.ready, true);
  assert.deepEqual(out.labels, ["pos", "neg", "neu"]);
  assert.ok(out.spans.includes("Love"));
  assert.match(out.error, /texts\[1\] must be a string, got number/);
  assert.deepEqual(errors, []);
}

test("the tarball holds the package and nothing else", () => {
  const listing = execFileSync("tar", ["tzf", tarball()], { encoding: "utf8" }).trim().split("\n");
  for (const required of ["package/package.json", "package/README.md", "package/LICENSE", "package/LEXICONS.md", "package/dist/polso_bg.wasm", "package/dist/index.js", "package/dist/index.d.ts", "package/dist/node.cjs", "package/dist/polso_thread_bg.wasm", "package/dist/thread.js", "package/dist/thread.d.ts", "package/dist/thread-node.cjs", "package/dist/widget.js"]) {
    assert.ok(listing.includes(required), `${required} missing from the tarball`);
  }
  for (const file of listing) {
    assert.doesNotMatch(file, /\.(rs|tsv|mjs|map)$|\/(src|tests?|build|demo)\//, `${file} should not be packed`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(app, "node_modules/polso/package.json"), "utf8"));
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target === "object") {
      const first = (t) => (typeof t === "object" ? Object.keys(t)[0] === "types" || Object.values(t).every((v) => typeof v !== "object" || first(v)) : true);
      assert.ok(first(target), `types must come first in exports["${subpath}"]`);
    }
  }
});

test("Node ESM: ready at import, init() harmless", () => {
  write(
    "esm.mjs",
    `import init, { score, scoreBatch, Analyzer, version } from "polso";
     await init(); await init();
     const a = new Analyzer({ lang: "en" });
     const r = a.scoreBatch(["great", "terrible"]);
     a.free();
     console.log(JSON.stringify({ v: version(), one: score("I love it").label, batch: r.map((x) => x.label), lang: r[0].lang }));`,
  );
  const out = JSON.parse(node("esm.mjs"));
  assert.deepEqual(out, { v: out.v, one: "pos", batch: ["pos", "neg"], lang: "en" });
  assert.match(out.v, /^\d+\.\d+\.\d+/);
});

test("Node: thread analytics, whole and open (polso/thread)", () => {
  write(
    "thread.mjs",
    `import { analyzeThread, OpenThread, score } from "polso/thread";
     import * as core from "polso";
     const comments = [
       { id: "1", author: "ann", time: "2024-05-01T10:00:00Z", text: "How do I export my data?" },
       { id: "2", parentId: "1", author: "bob", time: "2024-05-01T10:30:00Z", text: "Settings > Export. Hope it helps!" },
     ];
     const whole = analyzeThread(comments, { slaMinutes: 20 });
     const open = new OpenThread();
     open.add(comments[1]);
     open.add([comments[0]]);
     const later = open.report();
     open.free();
     let error;
     try { analyzeThread([{ id: "x9", text: 1 }]); } catch (e) { error = e.message; }
     const scored = score("Grazie mille, funziona!");
     console.log(JSON.stringify({ first: whole.responsiveness.firstResponseMinutes, band: whole.tension.band, late: whole.responsiveness.answeredOverSla, same: later.comments, error, label: scored.label, sameScore: scored.compound === core.score("Grazie mille, funziona!").compound, coreHasThreads: "analyzeThread" in core }));`,
  );
  const out = JSON.parse(node("thread.mjs"));
  // polso/thread scores exactly as the core does; the core package leaves thread analytics out.
  assert.equal(out.label, "pos");
  assert.equal(out.sameScore, true);
  assert.equal(out.coreHasThreads, false);
  assert.equal(out.first, 30);
  assert.equal(out.band, "calm");
  assert.equal(out.late, 1);
  assert.equal(out.same, 2);
  assert.match(out.error, /comments\[0\] \(id "x9"\): text must be a string, got number/);
});

test("Node CommonJS: require('polso')", () => {
  write(
    "cjs.cjs",
    `const { score, scoreBatch } = require("polso");
     const { analyzeThread } = require("polso/thread");
     const report = analyzeThread([{ id: 1, text: "This is awful" }, { id: 2, parentId: 1, text: "Agreed" }]);
     console.log(JSON.stringify([score("This is awful").label, scoreBatch(["good"]).length, report.comments]));`,
  );
  assert.deepEqual(JSON.parse(node("cjs.cjs")), ["neg", 1, 2]);
});

test("TypeScript: precise types, strict mode, no any", () => {
  write(
    "types.ts",
    `import init, { score, scoreBatch, Analyzer, type Sentiment, type Contribution, type Label, type Rule } from "polso";
     import { analyzeThread, OpenThread, type ThreadReport } from "polso/thread";
     import { PolsoPulse } from "polso/widget";
     await init();
     const r: Sentiment = score("ciao", { lang: "it", explain: true });
     const label: Label = r.label;
     const lang: "it" | "en" | "und" = r.lang;
     const tokens: Contribution[] = r.tokens ?? [];
     const start: number = tokens[0]?.span.start ?? 0;
     const italianWeights: Rule[] = ["asked", "negativityBias"];
     // @ts-expect-error: rules are the names polso emits
     const misspelt: Rule = "negativity_bias";
     const many: Sentiment[] = scoreBatch(["a", "b"]);
     const a = new Analyzer({ explain: false });
     a.free();
     // @ts-expect-error: lang must be "it", "en" or "auto"
     score("x", { lang: "fr" });
     // @ts-expect-error: unknown option
     score("x", { explian: true });
     // @ts-expect-error: texts are strings
     scoreBatch([1, 2]);
     const report: ThreadReport = analyzeThread([{ id: 1, text: "ciao" }], { slaMinutes: 60 });
     const band: "calm" | "warm" | "hot" | "overheated" = report.tension.band;
     const ids: string[] = report.tension.components.flatMap((c) => c.commentIds);
     const first: number | null = report.responsiveness.firstResponseMinutes;
     const open = new OpenThread({ staff: ["mod"] });
     const added: number = open.add({ id: "a", text: "hi" });
     // @ts-expect-error: a comment needs text
     analyzeThread([{ id: 1 }]);
     const el: PolsoPulse | null = document.querySelector("polso-pulse");
     el?.addEventListener("polso:analysed", (e) => e.detail.summary?.compound.toFixed(2));
     export { label, lang, start, italianWeights, misspelt, many, band, ids, first, added };`,
  );
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom", "esnext.disposable"], skipLibCheck: false, noImplicitAny: true },
      files: ["types.ts"],
    }),
  );
  const tsc = path.join(ROOT, "tests/js/node_modules/typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app, encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
  const dts = fs.readFileSync(path.join(app, "node_modules/polso/dist/polso.d.ts"), "utf8");
  const publicPart = dts
    .split("export type InitInput")[0]
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  assert.doesNotMatch(publicPart, /\bany\b/, "the public API types mention any");
});

test("Vite build, loaded in headless Chromium", async () => {
  const vite = await import("vite");
  const dir = path.join(app, "vite");
  write("vite/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("vite/main.js", BROWSER_MAIN);
  await vite.build({ root: dir, logLevel: "error", configFile: false, build: { outDir: path.join(dir, "dist"), emptyOutDir: true } });
  const assets = fs.readdirSync(path.join(dir, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `Vite copied the wasm: ${assets}`);
  checkBrowserResult(await runPage(path.join(dir, "dist")));
});

test("Vite dev server (with the documented optimizeDeps.exclude), in headless Chromium", async () => {
  const vite = await import("vite");
  const dir = path.join(app, "vite");
  write("vite/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("vite/main.js", BROWSER_MAIN);
  const server = await vite.createServer({
    root: dir,
    configFile: false,
    logLevel: "error",
    optimizeDeps: { exclude: ["polso"] },
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0];
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector("#out")?.dataset.done, null, { timeout: 30000 });
    checkBrowserResult({ out: JSON.parse(await tab.locator("#out").textContent()), errors });
  } finally {
    await context.close();
    await server.close();
  }
});

test("webpack 5 build, loaded in headless Chromium", async () => {
  const { default: webpack } = await import("webpack");
  const dir = path.join(app, "webpack");
  write("webpack/src/main.js", BROWSER_MAIN);
  write("webpack/dist/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script src="./main.js"></script>`);
  const stats = await new Promise((resolve, reject) =>
    webpack(
      { mode: "production", context: dir, entry: "./src/main.js", output: { path: path.join(dir, "dist"), filename: "main.js", clean: false }, devtool: false },
      (err, s) => (err ? reject(err) : resolve(s)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  checkBrowserResult(await runPage(path.join(dir, "dist")));
});

test("no bundler: <script type=module> from a static server", async () => {
  write("plain/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("plain/main.js", BROWSER_MAIN.replace('from "polso"', 'from "../node_modules/polso/dist/index.js"'));
  checkBrowserResult(await runPage(app, "/plain/index.html"));
});

test("inline entry: no fetch of the wasm", async () => {
  write("inline/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("inline/main.js", BROWSER_MAIN.replace('from "polso"', 'from "../node_modules/polso/dist/inline.js"'));
  const server = createServer({ root: app, index: "/" });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const context = await browser.newContext();
  const tab = await context.newPage();
  const wasmRequests = [];
  tab.on("request", (r) => r.url().endsWith(".wasm") && wasmRequests.push(r.url()));
  await tab.goto(`http://127.0.0.1:${server.address().port}/inline/index.html`);
  await tab.waitForFunction(() => document.querySelector("#out")?.dataset.done);
  const out = JSON.parse(await tab.locator("#out").textContent());
  await context.close();
  server.close();
  checkBrowserResult({ out, errors: [] });
  assert.deepEqual(wasmRequests, []);
});

// polso/thread in a page: its own wasm (not the core's) is the asset Vite copies and the page
// fetches, the same init() and scoring work, and thread analytics run.
const THREAD_MAIN = BROWSER_MAIN.replace(
  'import init, { score, scoreBatch, isReady } from "polso";',
  'import init, { score, scoreBatch, isReady, analyzeThread } from "polso/thread";',
).replace(
  "out.textContent = JSON.stringify({ before, ready: isReady(), spans, labels, error });",
  `const report = analyzeThread([{ id: "1", text: "How do I export my data?" }, { id: "2", parentId: "1", text: "Settings > Export. Hope it helps!" }]);
  out.textContent = JSON.stringify({ before, ready: isReady(), spans, labels, error, threadComments: report.comments, band: report.tension.band });`,
);

test("polso/thread: Vite build and the inline entry, in headless Chromium", async () => {
  assert.notEqual(THREAD_MAIN, BROWSER_MAIN);
  const vite = await import("vite");
  const dir = path.join(app, "vite-thread");
  write("vite-thread/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("vite-thread/main.js", THREAD_MAIN);
  await vite.build({ root: dir, logLevel: "error", configFile: false, build: { outDir: path.join(dir, "dist"), emptyOutDir: true } });
  const wasm = fs.readdirSync(path.join(dir, "dist/assets")).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm asset: ${wasm}`);
  assert.match(wasm[0], /^polso_thread_bg/);
  const built = await runPage(path.join(dir, "dist"));
  checkBrowserResult(built);
  assert.equal(built.out.threadComments, 2);
  assert.equal(built.out.band, "calm");

  write("thread-inline/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write("thread-inline/main.js", THREAD_MAIN.replace('from "polso/thread"', 'from "../node_modules/polso/dist/thread-inline.js"'));
  const inline = await runPage(app, "/thread-inline/index.html");
  checkBrowserResult(inline);
  assert.equal(inline.out.threadComments, 2);
});

test("module Worker", async () => {
  write("worker/index.html", `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>`);
  write(
    "worker/main.js",
    `const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
     w.onmessage = (e) => { const out = document.querySelector("#out"); out.textContent = JSON.stringify(e.data); out.dataset.done = "1"; };
     w.postMessage(["I love it", "This is awful", "The meeting is at noon"]);`,
  );
  write(
    "worker/worker.js",
    `import init, { scoreBatch } from "../node_modules/polso/dist/index.js";
     self.onmessage = async (e) => { await init(); self.postMessage({ labels: scoreBatch(e.data).map((r) => r.label) }); };`,
  );
  const { out, errors } = await runPage(app, "/worker/index.html");
  assert.deepEqual(out, { labels: ["pos", "neg", "neu"] });
  assert.deepEqual(errors, []);
});

test("the README's JavaScript examples run as written", () => {
  const readmes = [path.join(ROOT, "www/README.md"), path.join(ROOT, "README.md")];
  let ran = 0;
  for (const readme of readmes) {
    if (!fs.existsSync(readme)) continue;
    const blocks = [...fs.readFileSync(readme, "utf8").matchAll(/```(?:js|javascript|mjs)\n([\s\S]*?)```/g)].map((m) => m[1]);
    blocks.forEach((code, i) => {
      if (!/from "polso(\/inline|\/thread)?"|require\("polso(\/thread)?"\)/.test(code)) return; // not a polso example
      const file = `readme-${path.basename(path.dirname(readme))}-${i}.mjs`;
      write(file, code);
      try {
        node(file);
      } catch (e) {
        assert.fail(`${path.relative(ROOT, readme)} example ${i + 1} failed:\n${code}\n${e.stderr}`);
      }
      ran++;
    });
  }
  assert.ok(ran >= 2, `expected README examples, ran ${ran}`);
});
