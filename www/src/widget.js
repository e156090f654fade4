// <polso-pulse>: the pulse of a comment thread, for any forum page, with one script tag:
//
//   <script type="module" src="https://your.cdn/polso/dist/widget.js"></script>
//   <polso-pulse source="#comments" badges></polso-pulse>
//
// Comments come from the `comments` property, from a <script type="application/json"> block
// inside the element (or named by `data-src="#id"`), or from the page, read with selectors (text
// only: comment text is untrusted and is never inserted as HTML). Everything runs in the page; the
// only request is for polso's own wasm, found next to this file unless `wasm-url` says otherwise.
//
// Attributes: source, comment-selector, text-selector, author-selector, time-selector,
// analysis-lang (auto|it|en), lang (interface language), badges, eager, wasm-url, theme (light|dark),
// no-thread (sentiment only), staff (comma-separated names), sla-minutes. Property threadOptions: staff, slaMinutes, … (see ThreadOptions).
// Events (bubbling, composed): polso:ready, polso:analysed, polso:error.
// Theming: CSS custom properties --polso-* and ::part(panel|header|overall|meter|badge|section).
import init, * as polso from "./thread.js";

const TAG = "polso-pulse";
const BADGE_TAG = "polso-badge";

const STRINGS = {
  en: {
    title: "Thread pulse",
    loading: "Analysing the thread…",
    waiting: "The analysis starts when the thread is in view.",
    empty: "No comments to analyse.",
    error: "The analysis could not run: {0}",
    overall: "Overall mood",
    pos: "positive",
    neu: "neutral",
    neg: "negative",
    meter: "{label}, score {score} on a scale from −1 to +1",
    comments: { one: "{n} comment", other: "{n} comments" },
    participants: { one: "{n} participant", other: "{n} participants" },
    split: "How comments lean",
    most_pos: "Warmest comment",
    most_neg: "Harshest comment",
    by: "by {0}",
    tension: "Tension",
    bands: { calm: "calm", warm: "warm", hot: "hot", overheated: "overheated" },
    reasons: "Why",
    see: "see",
    components: {
      hostility: "hostility and insults", negativity: "rising negativity", directness: "direct, pointed replies",
      backAndForth: "two people trading replies", pileOn: "several people piling on", velocity: "replies coming fast",
      shouting: "shouting", disapproval: "comments outnumber approval", politeness: "politeness",
    },
    quietReasons: {
      leftAfterHostileReply: "left after a hostile reply", unansweredNewcomer: "newcomer nobody answered",
      oneTimer: "wrote once and did not come back",
    },
    contributors: "Top contributors",
    unanswered: "Unanswered questions",
    quiet: "Members to draw in",
    badge: "Sentiment: {0}",
    done: "Analysis ready: the thread is mostly {0}, {1}.",
    langs: { it: "Italian", en: "English", und: "other" },
  },
  it: {
    title: "Polso della discussione",
    loading: "Analisi della discussione…",
    waiting: "L'analisi parte quando la discussione è visibile.",
    empty: "Nessun commento da analizzare.",
    error: "Impossibile completare l'analisi: {0}",
    overall: "Clima generale",
    pos: "positivo",
    neu: "neutro",
    neg: "negativo",
    meter: "{label}, punteggio {score} su una scala da −1 a +1",
    comments: { one: "{n} commento", other: "{n} commenti" },
    participants: { one: "{n} partecipante", other: "{n} partecipanti" },
    split: "Come si orientano i commenti",
    most_pos: "Commento più caloroso",
    most_neg: "Commento più duro",
    by: "di {0}",
    tension: "Tensione",
    bands: { calm: "calma", warm: "tiepida", hot: "calda", overheated: "surriscaldata" },
    reasons: "Perché",
    see: "vedi",
    components: {
      hostility: "ostilità e insulti", negativity: "negatività in aumento", directness: "risposte dirette e pungenti",
      backAndForth: "due persone in botta e risposta", pileOn: "più persone contro una", velocity: "risposte a raffica",
      shouting: "toni urlati", disapproval: "più commenti che apprezzamenti", politeness: "cortesia",
    },
    quietReasons: {
      leftAfterHostileReply: "se n'è andato dopo una risposta ostile", unansweredNewcomer: "nuovo arrivato senza risposta",
      oneTimer: "ha scritto una volta e non è tornato",
    },
    contributors: "Chi anima la discussione",
    unanswered: "Domande senza risposta",
    quiet: "Persone da coinvolgere",
    badge: "Sentimento: {0}",
    done: "Analisi pronta: la discussione è prevalentemente {0}, {1}.",
    langs: { it: "italiano", en: "inglese", und: "altra lingua" },
  },
};

/** Glyphs that carry the label's meaning without colour. */
const GLYPH = { pos: "▲", neu: "●", neg: "▼" };

const CSS = `
:host {
  /* Light theme: every text colour is at least 4.5:1 on --polso-bg, every bar at least 3:1. */
  --polso-bg: #ffffff;
  --polso-fg: #1f2328;
  --polso-muted: #57606a;
  --polso-border: #d0d7de;
  --polso-track: #eaeef2;
  --polso-pos: #1a7f37;
  --polso-neu: #57606a;
  --polso-neg: #b42318;
  --polso-focus: #0969da;
  --polso-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  display: block;
  font-family: var(--polso-font);
  font-size: 0.9375rem;
  line-height: 1.45;
  color: var(--polso-fg);
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --polso-bg: #161b22; --polso-fg: #e6edf3; --polso-muted: #9198a1; --polso-border: #3d444d;
    --polso-track: #262c36; --polso-pos: #3fb950; --polso-neu: #9198a1; --polso-neg: #ff7b72;
    --polso-focus: #4493f8;
  }
}
:host([theme="dark"]) {
  --polso-bg: #161b22; --polso-fg: #e6edf3; --polso-muted: #9198a1; --polso-border: #3d444d;
  --polso-track: #262c36; --polso-pos: #3fb950; --polso-neu: #9198a1; --polso-neg: #ff7b72;
  --polso-focus: #4493f8;
}
.panel {
  background: var(--polso-bg);
  border: 1px solid var(--polso-border);
  border-radius: 8px;
  padding: 0.75rem 1rem;
}
h2 { font-size: 1rem; margin: 0 0 0.5rem; }
h3 { font-size: 0.875rem; margin: 0.75rem 0 0.25rem; color: var(--polso-fg); }
p, ul, ol { margin: 0.25rem 0; }
ul, ol { padding-left: 1.25rem; }
.muted { color: var(--polso-muted); }
.overall { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; font-weight: 600; }
.glyph { font-size: 0.9em; }
.pos { color: var(--polso-pos); }
.neu { color: var(--polso-neu); }
.neg { color: var(--polso-neg); }
.meter {
  position: relative; height: 0.625rem; background: var(--polso-track);
  border: 1px solid var(--polso-muted); border-radius: 999px; margin: 0.375rem 0; overflow: hidden;
}
.meter .mid { position: absolute; left: 50%; top: 0; bottom: 0; width: 1px; background: var(--polso-muted); }
.meter .fill { position: absolute; top: 0; bottom: 0; }
.fill.pos, .bar.pos { background: var(--polso-pos); }
.fill.neu, .bar.neu { background: var(--polso-neu); }
.fill.neg, .bar.neg { background: var(--polso-neg); }
.split { display: grid; grid-template-columns: max-content 1fr max-content; gap: 0.25rem 0.5rem; align-items: center; }
.track { height: 0.5rem; background: var(--polso-track); border-radius: 999px; overflow: hidden; }
.bar { height: 100%; }
blockquote {
  margin: 0.25rem 0; padding: 0.25rem 0.5rem; border-left: 3px solid var(--polso-border);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
a { color: var(--polso-focus); }
a:focus-visible { outline: 2px solid var(--polso-focus); outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;

const BADGE_CSS = `
:host {
  --polso-pos: #1a7f37; --polso-neu: #57606a; --polso-neg: #b42318; --polso-badge-bg: #ffffff;
  display: inline-block; font: 600 0.75rem/1.4 system-ui, sans-serif; vertical-align: middle;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { --polso-pos: #3fb950; --polso-neu: #9198a1; --polso-neg: #ff7b72; --polso-badge-bg: #161b22; }
}
:host([theme="dark"]) { --polso-pos: #3fb950; --polso-neu: #9198a1; --polso-neg: #ff7b72; --polso-badge-bg: #161b22; }
span { display: inline-flex; gap: 0.25em; align-items: center; padding: 0 0.5em; border: 1px solid currentColor;
  border-radius: 999px; background: var(--polso-badge-bg); }
.pos { color: var(--polso-pos); } .neu { color: var(--polso-neu); } .neg { color: var(--polso-neg); }
`;

let sheets;
function styleSheets() {
  // One constructed sheet per kind, shared by every instance; adoptedStyleSheets passes
  // `style-src 'self'` CSPs that block <style> elements.
  if (!sheets) {
    const make = (css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    };
    sheets = { panel: make(CSS), badge: make(BADGE_CSS) };
  }
  return sheets;
}

/** Where the wasm is: the element's `wasm-url`, then `PolsoPulse.wasmUrl`, then beside this file. */
let loading;
function load(url) {
  loading ??= init(url ?? PolsoPulse.wasmUrl ?? undefined).then(() => polso);
  return loading;
}

function format(template, ...args) {
  return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

/** Creates an element with text (never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "part") el.setAttribute("part", v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function uiLanguage(el) {
  const candidates = [
    el.getAttribute("lang"),
    el.ownerDocument?.documentElement?.lang,
    globalThis.navigator?.language,
  ];
  for (const tag of candidates) {
    const primary = (tag || "").toLowerCase().split(/[-_]/)[0];
    if (primary && STRINGS[primary]) return primary;
    if (primary) break; // a stated language we lack: English, not the next guess
  }
  return "en";
}

export class PolsoPulse extends HTMLElement {
  /** Overrides the wasm URL for every instance (default: polso_thread_bg.wasm beside this script). */
  static wasmUrl = undefined;

  static get observedAttributes() {
    return ["lang", "analysis-lang", "badges", "source", "theme", "staff", "sla-minutes"];
  }

  #comments;
  #observer;
  #started = false;
  #loaded;
  #results;
  #badges = [];
  #live;
  #body;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styleSheets().panel];
    this.#live = h("p", { class: "sr-only", role: "status", "aria-live": "polite" });
    this.#body = h("div");
    const title = h("h2", { id: "title", part: "header" });
    root.append(
      h("section", { class: "panel", part: "panel", "aria-labelledby": "title" }, title, this.#body, this.#live),
    );
  }

  /** Comments to analyse, `{id, parentId?, author?, time?, text}`; setting it re-analyses. */
  get comments() {
    return this.#comments ?? this.#readComments();
  }
  set comments(value) {
    this.#comments = value;
    if (this.#started) this.refresh();
  }

  /** Options for the thread analysis (`staff`, `slaMinutes`, …); the default scores in `analysis-lang`. */
  threadOptions = undefined;

  /** The last analysis: `{ comments, results, summary, thread? }`, or undefined. */
  get analysis() {
    return this.#results;
  }

  connectedCallback() {
    this.#renderStatic();
    if (this.#started) return;
    if (this.hasAttribute("eager") || typeof IntersectionObserver !== "function") {
      this.#start();
      return;
    }
    this.#body.replaceChildren(h("p", { class: "muted" }, this.#t().waiting));
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#start();
      },
      { rootMargin: "200px" },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const badge of this.#badges) badge.remove();
    this.#badges = [];
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    this.#renderStatic();
    if (this.#started) this.refresh();
  }

  /** Reads the comments again and re-analyses (call after the page adds comments). */
  async refresh() {
    if (!this.#started) return this.#start();
    try {
      await this.#loaded;
    } catch {
      return; // the load failure is already shown and reported
    }
    return this.#analyse();
  }

  #t() {
    return STRINGS[uiLanguage(this)];
  }

  #renderStatic() {
    this.shadowRoot.getElementById("title").textContent = this.#t().title;
  }

  async #start() {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    this.#body.replaceChildren(h("p", { class: "muted" }, this.#t().loading));
    try {
      this.#loaded = load(this.getAttribute("wasm-url") ?? undefined);
      await this.#loaded;
      this.#emit("polso:ready", { version: polso.version() });
    } catch (error) {
      this.#fail(error);
      return;
    }
    await this.#analyse();
  }

  async #analyse() {
    const t = this.#t();
    try {
      const comments = this.comments;
      if (!comments.length) {
        this.#body.replaceChildren(h("p", { class: "muted" }, t.empty));
        this.#results = { comments, results: [], summary: null };
        this.#emit("polso:analysed", this.#results);
        return;
      }
      const lang = this.getAttribute("analysis-lang") || "auto";
      const results = polso.scoreBatch(
        comments.map((c) => String(c.text ?? "")),
        { lang },
      );
      const thread = this.hasAttribute("no-thread") ? undefined : polso.analyzeThread(comments, this.#threadOptions(lang));
      const summary = summarise(comments, results);
      this.#results = { comments, results, summary, thread };
      this.#render(comments, results, summary, thread);
      this.#placeBadges(comments, results);
      const label = t[summary.label];
      const count = plural(uiLanguage(this), t.comments, comments.length);
      this.#live.textContent = format(t.done, label, count);
      this.#emit("polso:analysed", this.#results);
    } catch (error) {
      this.#fail(error);
    }
  }

  #threadOptions(lang) {
    const options = { lang };
    const staff = this.getAttribute("staff");
    if (staff) options.staff = staff.split(",").map((x) => x.trim()).filter(Boolean);
    const sla = this.getAttribute("sla-minutes");
    if (sla) options.slaMinutes = Number(sla);
    return { ...options, ...this.threadOptions };
  }

  #fail(error) {
    const t = this.#t();
    const message = error?.message ?? String(error);
    this.#body.replaceChildren(h("p", { role: "alert" }, format(t.error, message)));
    this.#emit("polso:error", { error });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The thread's comments from a JSON block, or from the page through the selectors. */
  #readComments() {
    const ref = this.getAttribute("data-src");
    const block = ref
      ? this.ownerDocument.querySelector(ref)
      : this.querySelector('script[type="application/json"]');
    if (block) {
      let data;
      try {
        data = JSON.parse(block.textContent);
      } catch (e) {
        throw new Error(`<${TAG}>: the JSON block is not valid JSON (${e.message})`);
      }
      const list = Array.isArray(data) ? data : data?.comments;
      if (!Array.isArray(list)) {
        throw new Error(`<${TAG}>: the JSON block must be an array of comments or {"comments": [...]}`);
      }
      return list;
    }
    const scope = this.getAttribute("source")
      ? this.ownerDocument.querySelector(this.getAttribute("source"))
      : this.ownerDocument;
    if (!scope) throw new Error(`<${TAG}>: source "${this.getAttribute("source")}" matches nothing`);
    const pick = (el, selector) => (selector ? el.querySelector(selector) : null);
    const sel = (name, fallback) => this.getAttribute(name) || fallback;
    const elements = scope.querySelectorAll(sel("comment-selector", "[data-polso-comment]"));
    return Array.from(elements, (el, i) => {
      const textEl = pick(el, sel("text-selector", "[data-polso-text]")) ?? el;
      const authorEl = pick(el, sel("author-selector", "[data-polso-author]"));
      const timeEl = pick(el, sel("time-selector", "time[datetime]"));
      const comment = {
        id: el.dataset.id || el.id || String(i + 1),
        author: authorEl?.textContent.trim() || undefined,
        text: textEl.textContent.trim(),
      };
      if (el.dataset.parent) comment.parentId = el.dataset.parent;
      const time = timeEl?.getAttribute("datetime");
      if (time && !Number.isNaN(Date.parse(time))) comment.time = time;
      // Kept out of the data that goes to polso: where to put the badge.
      Object.defineProperty(comment, "element", { value: el, enumerable: false });
      return comment;
    });
  }

  #render(comments, results, summary, thread) {
    const t = this.#t();
    const ui = uiLanguage(this);
    const num = new Intl.NumberFormat(ui, { signDisplay: "exceptZero", maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const pct = new Intl.NumberFormat(ui, { style: "percent", maximumFractionDigits: 0 });
    const label = summary.label;
    const valuetext = format(t.meter.replace("{label}", "{0}").replace("{score}", "{1}"), t[label], num.format(summary.compound));

    const meter = h("div", {
      class: "meter",
      part: "meter",
      role: "meter",
      "aria-valuemin": "-1",
      "aria-valuemax": "1",
      "aria-valuenow": summary.compound.toFixed(2),
      "aria-valuetext": valuetext,
      "aria-labelledby": "overall-label",
    });
    const fill = h("div", { class: `fill ${label}` });
    const half = Math.min(Math.abs(summary.compound), 1) * 50;
    fill.style.left = `${summary.compound >= 0 ? 50 : 50 - half}%`;
    fill.style.width = `${Math.max(half, 1)}%`;
    meter.append(h("div", { class: "mid" }), fill);

    const people = new Set(comments.map((c) => c.author).filter(Boolean)).size;
    const facts = [plural(ui, t.comments, comments.length)];
    if (people) facts.push(plural(ui, t.participants, people));
    const langs = Object.entries(summary.langs)
      .sort((a, b) => b[1] - a[1])
      .map(([code]) => t.langs[code] ?? code);
    facts.push(langs.join(", "));

    const split = h("div", { class: "split" });
    for (const key of ["pos", "neu", "neg"]) {
      const share = summary.counts[key] / comments.length;
      const bar = h("div", { class: `bar ${key}` });
      bar.style.width = `${share * 100}%`;
      split.append(
        h("span", { class: key }, `${GLYPH[key]} ${t[key]}`),
        h("div", { class: "track", "aria-hidden": "true" }, bar),
        h("span", {}, `${summary.counts[key]} (${pct.format(share)})`),
      );
    }

    const parts = [
      h(
        "div",
        { part: "overall" },
        h("p", { class: "overall", id: "overall-label" }, h("span", {}, `${t.overall}:`), h("span", { class: label }, h("span", { class: "glyph", "aria-hidden": "true" }, GLYPH[label]), ` ${t[label]} (${num.format(summary.compound)})`)),
        meter,
        h("p", { class: "muted" }, facts.join(" · ")),
      ),
      h("h3", { id: "split-title" }, t.split),
      h("div", { role: "group", "aria-labelledby": "split-title" }, split),
    ];

    if (thread) parts.push(...renderThread(thread, t, ui, comments));

    const quote = (title, index) => {
      const c = comments[index];
      const r = results[index];
      return h(
        "section",
        { part: "section" },
        h("h3", {}, title),
        h("blockquote", { class: r.label }, c.text.length > 280 ? `${c.text.slice(0, 279)}…` : c.text),
        h(
          "p",
          { class: "muted" },
          h("span", { class: r.label }, `${GLYPH[r.label]} ${t[r.label]} (${num.format(r.compound)})`),
          c.author ? ` · ${format(t.by, c.author)}` : "",
          " · ",
          link(c.id, `#${c.id}`),
        ),
      );
    };
    if (results[summary.best].compound > 0) parts.push(quote(t.most_pos, summary.best));
    if (results[summary.worst].compound < 0) parts.push(quote(t.most_neg, summary.worst));

    this.#body.replaceChildren(...parts);
  }

  #placeBadges(comments, results) {
    for (const badge of this.#badges) badge.remove();
    this.#badges = [];
    if (!this.hasAttribute("badges")) return;
    const t = this.#t();
    const theme = this.getAttribute("theme");
    comments.forEach((c, i) => {
      const host = c.element;
      if (!host) return;
      const badge = document.createElement(BADGE_TAG);
      if (theme) badge.setAttribute("theme", theme);
      badge.setResult(results[i], t);
      const target = host.querySelector(this.getAttribute("text-selector") || "[data-polso-text]");
      (target ?? host).insertAdjacentElement(target ? "beforebegin" : "afterbegin", badge);
      this.#badges.push(badge);
    });
  }
}

/** A per-comment badge: glyph and word, coloured, with a text label for assistive technology. */
export class PolsoBadge extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).adoptedStyleSheets = [styleSheets().badge];
  }
  setResult(result, t) {
    const label = result.label;
    this.dataset.label = label;
    this.setAttribute("role", "img");
    this.setAttribute("aria-label", format(t.badge, t[label]));
    this.shadowRoot.replaceChildren(
      h("span", { class: label, part: "badge" }, h("span", { "aria-hidden": "true" }, GLYPH[label]), t[label]),
    );
  }
}

function link(id, text) {
  const a = h("a", {}, text);
  a.href = `#${encodeURIComponent(String(id))}`;
  return a;
}

function plural(ui, forms, n) {
  const rule = new Intl.PluralRules(ui).select(n);
  return (forms[rule] ?? forms.other).replace("{n}", new Intl.NumberFormat(ui).format(n));
}

/** Mean compound, label counts, languages, warmest and harshest comment. */
function summarise(comments, results) {
  const counts = { pos: 0, neu: 0, neg: 0 };
  const langs = {};
  let sum = 0;
  let best = 0;
  let worst = 0;
  results.forEach((r, i) => {
    counts[r.label]++;
    langs[r.lang] = (langs[r.lang] ?? 0) + 1;
    sum += r.compound;
    if (r.compound > results[best].compound) best = i;
    if (r.compound < results[worst].compound) worst = i;
  });
  const compound = sum / results.length;
  const label = compound >= 0.05 ? "pos" : compound <= -0.05 ? "neg" : "neu";
  return { compound, label, counts, langs, best, worst };
}

/** Thread analytics: tension with its reasons and the comments behind them, who carries the
 * conversation, open questions, members to draw in. */
function renderThread(thread, t, ui, comments) {
  const parts = [];
  const pct = new Intl.NumberFormat(ui, { style: "percent", maximumFractionDigits: 0 });
  const tension = thread.tension;
  if (tension) {
    const band = tension.band;
    const bandClass = band === "calm" ? "pos" : band === "warm" ? "neu" : "neg";
    const meter = h("div", {
      class: "meter",
      part: "meter",
      role: "meter",
      "aria-valuemin": "0",
      "aria-valuemax": "1",
      "aria-valuenow": tension.score.toFixed(2),
      "aria-valuetext": `${t.bands[band]}, ${pct.format(tension.score)}`,
      "aria-labelledby": "tension-label",
    });
    const fill = h("div", { class: `fill ${bandClass}` });
    fill.style.left = "0";
    fill.style.width = `${Math.max(tension.score * 100, 1)}%`;
    meter.append(fill);
    const reasons = h("ul");
    const shown = tension.components
      .filter((c) => c.contribution > 0.005 && tension.top.includes(c.name))
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, 3);
    for (const c of shown) {
      const li = h("li", {}, `${t.components[c.name] ?? c.name} (${pct.format(c.value)})`);
      if (c.commentIds.length) {
        li.append(` — ${t.see} `);
        c.commentIds.slice(0, 4).forEach((id, i) => {
          if (i) li.append(", ");
          li.append(link(id, `#${id}`));
        });
      }
      reasons.append(li);
    }
    parts.push(
      h(
        "section",
        { part: "section" },
        h(
          "h3",
          { id: "tension-label" },
          `${t.tension}: `,
          h("span", { class: bandClass }, h("span", { "aria-hidden": "true" }, `${BAND_GLYPH[band]} `), `${t.bands[band]} (${pct.format(tension.score)})`),
        ),
        meter,
        shown.length ? h("p", { class: "muted" }, `${t.reasons}:`) : null,
        shown.length ? reasons : null,
      ),
    );
  }
  const listSection = (title, items, render) => {
    if (!Array.isArray(items) || !items.length) return null;
    return h("section", { part: "section" }, h("h3", {}, title), h("ul", {}, items.slice(0, 5).map((x) => h("li", {}, render(x)))));
  };
  const byId = new Map(comments.map((c) => [String(c.id), c]));
  const excerpt = (id) => {
    const text = byId.get(String(id))?.text ?? "";
    return text.length > 100 ? `${text.slice(0, 99)}…` : text;
  };
  const openQuestions = (thread.needs?.items ?? []).filter((n) => !n.answered && n.kinds.includes("question"));
  parts.push(
    listSection(t.contributors, thread.people?.topByComments, (p) => plural(ui, t.comments, p.count).replace(/^/, `${p.author}: `)),
    listSection(t.unanswered, openQuestions, (n) => [link(n.id, `#${n.id}`), n.author ? ` ${n.author}: ` : " ", excerpt(n.id)]),
    listSection(t.quiet, thread.people?.quiet, (q) => [`${q.author} — ${t.quietReasons[q.reason] ?? q.reason} `, "(", link(q.commentId, `#${q.commentId}`), ")"]),
  );
  return parts.filter(Boolean);
}

const BAND_GLYPH = { calm: "○", warm: "◔", hot: "◑", overheated: "●" };

if (!customElements.get(TAG)) customElements.define(TAG, PolsoPulse);
if (!customElements.get(BADGE_TAG)) customElements.define(BADGE_TAG, PolsoBadge);
