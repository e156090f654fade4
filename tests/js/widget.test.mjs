// <polso-pulse> on its own, in headless Chromium, on pages served from a fake origin
// (page.route maps http://forum.test/pkg/* to www/pkg), so each case states its page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, watchErrors } from "./lib/browser.mjs";
import { PKG } from "./lib/paths.mjs";

const ORIGIN = "http://forum.test";
let browser;

before(async () => {
  if (!fs.existsSync(path.join(PKG, "dist/widget.js"))) throw new Error("run scripts/build-npm.sh first");
  browser = await launch();
});
after(() => browser?.close());

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

async function open(html, { colorScheme = "light", locale = "en-US", csp } = {}) {
  const context = await browser.newContext({ colorScheme, locale, viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/") {
      const headers = { "content-type": "text/html" };
      if (csp) headers["content-security-policy"] = csp;
      return route.fulfill({ status: 200, headers, body: html });
    }
    const file = path.join(PKG, url.pathname.replace(/^\/pkg\//, ""));
    if (!url.pathname.startsWith("/pkg/") || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)], body: fs.readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  return { context, page, errors, requests };
}

const SCRIPT = `<script type="module" src="/pkg/dist/widget.js"></script>`;
const analysed = (page, sel = "polso-pulse") =>
  page.waitForFunction((s) => document.querySelector(s)?.analysis?.results.length, sel, { timeout: 15000 });

test("comments from a property: rendered as text, events bubble out of the shadow root", async () => {
  const { context, page, errors } = await open(`<!doctype html><html lang="en"><body>${SCRIPT}
    <div id="wrap"><polso-pulse eager></polso-pulse></div>
    <script type="module">
      window.events = [];
      for (const type of ["polso:ready", "polso:analysed"]) {
        document.addEventListener(type, (e) => window.events.push({ type, bubbles: e.bubbles, composed: e.composed }));
      }
      await customElements.whenDefined("polso-pulse");
      document.querySelector("polso-pulse").comments = [
        { id: "a", author: "ann", text: "I love this, thank you!" },
        { id: "b", author: "bob", text: "This is a terrible idea <img src=x onerror=\\"window.pwned=1\\">" },
      ];
    </script>`);
  await analysed(page);
  const el = page.locator("polso-pulse");
  assert.match(await el.locator("blockquote.neg").textContent(), /<img src=x onerror="window.pwned=1">/);
  assert.equal(await el.locator("img").count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const events = await page.evaluate(() => window.events);
  // ready once, then one analysis per comment set (the page had none before the property was set)
  assert.equal(events[0].type, "polso:ready");
  assert.ok(events.length >= 2 && events.slice(1).every((e) => e.type === "polso:analysed"));
  assert.ok(events.every((e) => e.bubbles && e.composed));
  assert.deepEqual(errors, []);
  await context.close();
});

test("comments from a JSON block; Italian interface from <html lang>", async () => {
  const { context, page, errors } = await open(`<!doctype html><html lang="it-IT"><body>${SCRIPT}
    <polso-pulse eager><script type="application/json">
      {"comments": [{"id": "1", "text": "I love it"}, {"id": "2", "text": "I love it too"}, {"id": "3", "text": "great"}]}
    </script></polso-pulse>`);
  await analysed(page);
  const el = page.locator("polso-pulse");
  assert.equal(await el.locator("h2").textContent(), "Polso della discussione");
  const meter = el.getByRole("meter").first();
  assert.match(await meter.getAttribute("aria-valuetext"), /^positivo, punteggio \+\d,\d\d/);
  assert.match(await el.locator('[aria-live="polite"]').textContent(), /prevalentemente positivo, 3 commenti/);
  assert.equal(await el.locator('[aria-live]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("lazy: nothing is fetched until the widget nears the viewport", async () => {
  const { context, page, errors, requests } = await open(`<!doctype html><html lang="en"><body>${SCRIPT}
    <div style="height: 5000px"></div>
    <polso-pulse><script type="application/json">[{"id": "1", "text": "fine"}]</script></polso-pulse>`);
  await page.waitForFunction(() => customElements.get("polso-pulse"));
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => u.endsWith(".wasm")), "wasm fetched before the widget was visible");
  assert.match(await page.locator("polso-pulse").locator(".muted").textContent(), /starts when the thread is in view/);
  await page.locator("polso-pulse").scrollIntoViewIfNeeded();
  await analysed(page);
  assert.equal(requests.filter((u) => u.endsWith(".wasm")).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("selectors, badges, registration twice, wasm-url override, strict CSP", async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const { context, page, errors, requests } = await open(
    `<!doctype html><html lang="en"><body>${SCRIPT}<script type="module" src="/pkg/dist/widget.js?again"></script>
    <ul id="t"><li class="c" data-id="x1"><b class="who">ann</b> <span class="body">What a wonderful answer, thanks!</span></li>
    <li class="c" data-id="x2" data-parent="x1"><b class="who">bob</b> <span class="body">This is awful and wrong.</span></li></ul>
    <polso-pulse eager badges source="#t" comment-selector=".c" text-selector=".body" author-selector=".who"
      wasm-url="/pkg/dist/polso_thread_bg.wasm?override"></polso-pulse>`,
    { csp },
  );
  await analysed(page);
  const comments = await page.evaluate(() => document.querySelector("polso-pulse").analysis.comments);
  assert.deepEqual(comments, [
    { id: "x1", author: "ann", text: "What a wonderful answer, thanks!" },
    { id: "x2", author: "bob", text: "This is awful and wrong.", parentId: "x1" },
  ]);
  assert.deepEqual(
    await page.locator("polso-badge").evaluateAll((b) => b.map((x) => x.getAttribute("aria-label"))),
    ["Sentiment: positive", "Sentiment: negative"],
  );
  assert.ok(requests.some((u) => u.endsWith("polso_thread_bg.wasm?override")));
  assert.deepEqual(errors, []);
  await context.close();
});

function luminance([r, g, b]) {
  const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const scheme of ["light", "dark"]) {
  test(`contrast in the ${scheme} theme: text 4.5:1, bars 3:1`, async () => {
    const { context, page, errors } = await open(
      `<!doctype html><html lang="en"><body>${SCRIPT}
      <polso-pulse eager><script type="application/json">[{"id": "1", "text": "I love it"}, {"id": "2", "text": "awful"}, {"id": "3", "text": "ok"}]</script></polso-pulse>`,
      { colorScheme: scheme },
    );
    await analysed(page);
    const colours = await page.locator("polso-pulse").evaluate((el) => {
      const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const root = el.shadowRoot;
      const style = (q, prop) => rgb(getComputedStyle(root.querySelector(q))[prop]);
      return {
        bg: style(".panel", "backgroundColor"),
        track: style(".track", "backgroundColor"),
        text: ["h2", ".muted", "span.pos", "span.neu", "span.neg", "a"].map((q) => [q, style(q, "color")]),
        bars: [".bar.pos", ".bar.neu", ".bar.neg"].map((q) => [q, style(q, "backgroundColor")]),
      };
    });
    for (const [q, c] of colours.text) {
      const ratio = contrast(c, colours.bg);
      assert.ok(ratio >= 4.5, `${scheme} ${q} text contrast ${ratio.toFixed(2)} < 4.5`);
    }
    for (const [q, c] of colours.bars) {
      for (const against of [colours.track, colours.bg]) {
        const ratio = contrast(c, against);
        assert.ok(ratio >= 3, `${scheme} ${q} bar contrast ${ratio.toFixed(2)} < 3`);
      }
    }
    await page.screenshot({ path: path.join(PKG, "..", "..", "target", `widget-${scheme}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
