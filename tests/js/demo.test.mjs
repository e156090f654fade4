// End to end: the demo forum page served as scripts/demo.sh serves it, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createServer } from "../../www/demo/serve.mjs";
import { launch, watchErrors } from "./lib/browser.mjs";
import { ROOT } from "./lib/paths.mjs";

let server, browser, base;

before(async () => {
  server = createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openDemo(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${base}/demo/`);
  return { context, page, errors, requests };
}

test("the demo page shows the analysis of both threads, comment text only as text", async () => {
  const { context, page, errors, requests } = await openDemo();
  // Scroll so the lazy English widget starts too.
  await page.locator("#thread-en polso-pulse").scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("polso-pulse")].every((el) => el.analysis?.results?.length),
  );

  const it = page.locator("#thread-it polso-pulse");
  const en = page.locator("#thread-en polso-pulse");
  // Italian UI from <html lang="it">, English from the element's lang.
  await assert.doesNotReject(it.getByRole("heading", { name: "Polso della discussione" }).waitFor());
  await assert.doesNotReject(en.getByRole("heading", { name: "Thread pulse" }).waitFor());

  // The meter has a text value, not only a colour.
  const valuetext = await en.getByRole("meter").first().getAttribute("aria-valuetext");
  assert.match(valuetext, /^(positive|neutral|negative), score [+−-]?\d/);

  // The harshest English comment carries the markup, shown as text: no <img> anywhere.
  const quote = en.locator("blockquote.neg");
  assert.match(await quote.textContent(), /<img src=x onerror=alert\('pwned'\)>/);
  const images = await page.evaluate(() =>
    [document, ...[...document.querySelectorAll("polso-pulse, polso-badge")].map((e) => e.shadowRoot)]
      .reduce((n, root) => n + root.querySelectorAll("img").length, 0),
  );
  assert.equal(images, 0);

  // Badges next to each comment, labelled with words.
  assert.equal(await page.locator("#thread-en polso-badge").count(), 6);
  const label = await page.locator("#en-5 polso-badge").getAttribute("aria-label");
  assert.equal(label, "Sentiment: negative");

  // Thread analytics: tension with its band in words and a meter, contributors, open questions.
  const tension = en.locator("#tension-label");
  assert.match(await tension.textContent(), /^Tension: . (calm|warm|hot|overheated) \(\d+%\)$/);
  assert.match(await en.getByRole("meter").nth(1).getAttribute("aria-valuetext"), /^(calm|warm|hot|overheated), \d+%$/);
  assert.ok(await en.getByRole("heading", { name: "Top contributors" }).isVisible());
  const questions = en.locator("section[part=section]", { has: page.getByRole("heading", { name: "Unanswered questions" }) });
  assert.match(await questions.textContent(), /#en-6/);
  assert.ok(await it.getByRole("heading", { name: "Domande senza risposta" }).isVisible());
  // Staff named on the element are not among the people to draw in.
  assert.doesNotMatch(await it.locator("section[part=section]", { has: page.getByRole("heading", { name: "Persone da coinvolgere" }) }).textContent(), /Elena/);

  // One polite live region per widget, announcing the result.
  const live = await en.locator('[aria-live="polite"]').textContent();
  assert.match(live, /Analysis ready/);

  // No request but the page's own files (and polso's wasm).
  for (const url of requests) assert.ok(url.startsWith(base), `unexpected request ${url}`);
  assert.ok(requests.some((u) => u.endsWith("/polso_thread_bg.wasm")));

  await page.screenshot({ path: path.join(ROOT, "target/demo.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("dark theme: the demo renders with the dark palette", async () => {
  const { context, page, errors } = await openDemo({ colorScheme: "dark" });
  await page.waitForFunction(() => document.querySelector("#thread-it polso-pulse").analysis);
  const bg = await page.locator("#thread-it polso-pulse").evaluate(
    (el) => getComputedStyle(el.shadowRoot.querySelector(".panel")).backgroundColor,
  );
  assert.equal(bg, "rgb(22, 27, 34)");
  await page.screenshot({ path: path.join(ROOT, "target/demo-dark.png") });
  assert.deepEqual(errors, []);
  await context.close();
});
