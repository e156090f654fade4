// Reads the comments of the page (text only, never HTML), asks the service worker to analyse
// them, and shows a notice above a thread that is turning tense. No wasm here: a content script's
// wasm would obey the page's CSP and fail on strict sites.
(() => {
  // Where comments are on common forum markup; a site with its own markup can mark comments with
  // data-polso-comment (and the text with data-polso-text).
  const SELECTORS = ["[data-polso-comment]", "article.comment", ".comment", "[itemprop=comment]"];
  const selector = SELECTORS.find((s) => document.querySelector(s));
  if (!selector) return;
  const elements = [...document.querySelectorAll(selector)].slice(0, 2000);
  const comments = elements.map((el, i) => ({
    id: el.dataset.id || el.id || String(i + 1),
    parentId: el.dataset.parent || undefined,
    author: (el.querySelector("[data-polso-author], .author")?.textContent ?? "").trim() || undefined,
    time: el.querySelector("time[datetime]")?.getAttribute("datetime") || undefined,
    text: (el.querySelector("[data-polso-text]") ?? el).textContent.trim().slice(0, 5000),
  }));

  chrome.runtime.sendMessage({ type: "polso:analyse", comments }, (result) => {
    if (!result || result.error) return;
    document.documentElement.dataset.polsoBand = result.band;
    if (result.band === "calm") return;
    const WORDS = { warm: "warming up", hot: "tense", overheated: "overheated" };
    const REASONS = {
      hostility: "hostility and insults", negativity: "rising negativity", directness: "pointed replies",
      backAndForth: "two people trading replies", pileOn: "people piling on", velocity: "replies coming fast",
      shouting: "shouting", disapproval: "more comments than approval",
    };
    const host = document.createElement("div");
    host.setAttribute("data-polso-notice", result.band);
    const root = host.attachShadow({ mode: "closed" });
    const box = document.createElement("p");
    box.setAttribute("role", "status");
    box.style.cssText = ""; // styles via CSSOM only: no style attribute, so page CSPs do not matter
    Object.assign(box.style, {
      margin: "0.5rem 0", padding: "0.5rem 0.75rem", border: "2px solid #b42318", borderRadius: "6px",
      background: "#fff", color: "#1f2328", font: "14px/1.4 system-ui, sans-serif",
    });
    const reasons = result.reasons.map((r) => REASONS[r.name] ?? r.name).join(", ");
    box.textContent = `⚠ polso: this thread is ${WORDS[result.band] ?? result.band} (${Math.round(result.score * 100)}%)` + (reasons ? ` — ${reasons}.` : ".");
    root.append(box);
    const first = elements[0];
    first.parentElement?.insertBefore(host, first);
  });
})();
