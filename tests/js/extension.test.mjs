// The MV3 extension example (www/extension), loaded unpacked into headless Chromium: on the demo
// page (strict CSP), the content script sends the comments to the service worker, which runs
// polso and answers; the page gets the band and, for a tense thread, a notice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "../../www/demo/serve.mjs";
import { CHROMIUM } from "./lib/browser.mjs";
import { ROOT, PKG } from "./lib/paths.mjs";

const ext = path.join(ROOT, "target/extension");
let server, base, context, profile;

before(async () => {
  fs.rmSync(ext, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, "www/extension"), ext, { recursive: true });
  fs.mkdirSync(path.join(ext, "polso"));
  for (const f of ["thread.js", "thread-core.js", "api.js", "polso_thread.js", "polso_thread_bg.wasm"]) {
    fs.copyFileSync(path.join(PKG, "dist", f), path.join(ext, "polso", f));
  }
  server = createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "polso-ext-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
    ],
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test("the service worker analyses the page's thread; the content script marks the page", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/demo/`);
  await page.waitForFunction(() => document.documentElement.dataset.polsoBand, null, { timeout: 20000 });
  const band = await page.evaluate(() => document.documentElement.dataset.polsoBand);
  assert.match(band, /^(calm|warm|hot|overheated)$/);
  const notices = await page.locator("[data-polso-notice]").count();
  assert.equal(notices, band === "calm" ? 0 : 1);
  // The worker kept its state in storage.session.
  const [worker] = context.serviceWorkers();
  assert.ok(worker, "the extension's service worker is running");
  const stored = await worker.evaluate(() => chrome.storage.session.get(null));
  assert.ok(Object.values(stored).some((v) => v.band === band));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a thread of insults gets a notice above it, set as text", async () => {
  const dir = path.join(ROOT, "target/extension-page");
  fs.mkdirSync(dir, { recursive: true });
  const rows = [
    ["1", "", "ann", "The new policy is a mistake, honestly."],
    ["2", "1", "bob", "You are an idiot, you never read anything."],
    ["3", "2", "ann", "Shut up, you are the idiot here!!"],
    ["4", "3", "bob", "STOP POSTING NONSENSE, MORON"],
    ["5", "4", "ann", "You are pathetic and stupid. <b>bold?</b>"],
    ["6", "5", "bob", "Go away, nobody wants you here, idiot."],
  ];
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const html = rows
    .map(([id, parent, author, text], i) =>
      `<div class="comment" data-id="${id}" ${parent ? `data-parent="${parent}"` : ""}><span class="author">${author}</span>
       <time datetime="2025-01-01T10:${String(i * 2).padStart(2, "0")}:00Z"></time><p>${escape(text)}</p></div>`)
    .join("\n");
  fs.writeFileSync(path.join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><title>t</title><main>${html}</main>`);
  const pageServer = createServer({ root: dir, index: "/" });
  await new Promise((r) => pageServer.listen(0, "127.0.0.1", r));
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${pageServer.address().port}/`);
  await page.waitForFunction(() => document.documentElement.dataset.polsoBand, null, { timeout: 20000 });
  assert.match(await page.evaluate(() => document.documentElement.dataset.polsoBand), /^(hot|overheated)$/);
  const notice = page.locator("[data-polso-notice]");
  assert.equal(await notice.count(), 1);
  assert.equal(await page.locator("main b").count(), 0, "comment markup stays text");
  await page.screenshot({ path: path.join(ROOT, "target/extension.png") });
  await page.close();
  pageServer.close();
});
