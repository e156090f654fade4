// The batch call's packed path (www/src/api.js): texts cross into wasm as one string with their
// UTF-16 lengths and results come back as numbers that the wrapper turns into objects. These tests
// hold it to the richer path (`explain: true`, objects built in Rust) text by text, on the built
// package in www/pkg (scripts/build-npm.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { corpus } from "./bench/corpus.mjs";
import { PKG } from "./lib/paths.mjs";

const polso = await import(path.join(PKG, "dist/node.js"));

/** A result of the rich path without its explanation: what the packed path must equal. */
function unexplained(result) {
  const { tokens, ...rest } = result;
  const { cues, ...signals } = rest.signals;
  assert.ok(Array.isArray(tokens), "the rich path explains");
  return { ...rest, signals };
}

const ODD = [
  "",
  " ",
  "\u0000",
  "!!!???",
  "ok",
  "Sei proprio un idiota 😡",
  "Could you share the config? It doesn't work!!",
  "GRAZIE MILLE, siete fantastici 👏👏",
  "👨‍👩‍👧‍👦🇮🇹1️⃣",
  "perche' xké nn funziona???",
  "lone \uD83D high",
  "\uDE0D lone low",
  "no ".repeat(3000),
];

test("scoreBatch gives each text the result score gives it, fields in the same order", () => {
  const texts = [...corpus(300), ...ODD];
  for (const options of [undefined, { lang: "it" }, { lang: "en" }, { lang: "auto", explain: false }]) {
    const batch = polso.scoreBatch(texts, options);
    assert.equal(batch.length, texts.length);
    texts.forEach((text, i) => {
      const rich = unexplained(polso.score(text, { ...options, explain: true }));
      // JSON text compares key order too, so the packed objects look exactly like the rich ones.
      assert.equal(JSON.stringify(batch[i]), JSON.stringify(rich), `texts[${i}] ${JSON.stringify(text.slice(0, 40))}`);
      assert.deepEqual(polso.score(text, options), batch[i]);
    });
  }
});

test("the packed results are plain objects with booleans and labels, not codes", () => {
  const [insult, polite] = polso.scoreBatch(["Sei proprio un idiota 😡", "Grazie mille, gentilissimi!"]);
  assert.equal(Object.getPrototypeOf(insult), Object.prototype);
  assert.equal(insult.signals.insult, true);
  assert.equal(insult.signals.targeted, true);
  assert.equal(insult.label, "neg");
  assert.equal(insult.lang, "it");
  assert.equal(polite.signals.insult, false);
  assert.ok(polite.signals.politeness > 0);
  assert.equal(polite.label, "pos");
  assert.equal(insult.tokens, undefined);
  assert.equal(insult.signals.cues, undefined);
});

test("surrogate halves split across neighbouring texts score as they do alone", () => {
  // Joined, "a\uD83D" + "\uDE0Db" is one valid emoji; alone, each half is a lone surrogate.
  const texts = ["I love it \uD83D", "\uDE0D great", "\uD83D", "\uDE0D", "plain \uDE0D\uD83D end", "😍 fine"];
  const batch = polso.scoreBatch(texts);
  texts.forEach((text, i) => assert.deepEqual(batch[i], polso.score(text), `texts[${i}]`));
  const emoji = polso.score("I love it 😍", { explain: true });
  assert.ok(emoji.tokens.some((t) => t.text === "😍"), "the whole emoji counts when it is whole");
});

test("an Analyzer's batch and single calls agree with the functions", () => {
  const texts = corpus(50);
  const analyzer = new polso.Analyzer({ lang: "en" });
  assert.deepEqual(analyzer.scoreBatch(texts), polso.scoreBatch(texts, { lang: "en" }));
  assert.deepEqual(analyzer.score(texts[3]), polso.score(texts[3], { lang: "en" }));
  analyzer.free();
  const explaining = new polso.Analyzer({ explain: true });
  assert.ok(Array.isArray(explaining.scoreBatch(["great"])[0].tokens));
  assert.ok(Array.isArray(explaining.score("great").tokens));
  explaining.free();
});

test("errors name the call, the argument and the index", () => {
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error);
      return e.message;
    }
    assert.fail("expected an Error");
  };
  assert.match(thrown(() => polso.scoreBatch(["ok", "fine", 42])), /scoreBatch: texts\[2\] must be a string, got number/);
  assert.match(thrown(() => polso.scoreBatch(["ok", , "x"])), /texts\[1\] must be a string, got undefined/);
  assert.match(thrown(() => polso.scoreBatch("not an array")), /scoreBatch\(texts\) expects an array of strings, got string/);
  assert.match(thrown(() => polso.scoreBatch(["x"], { explian: true })), /scoreBatch: unknown option "explian"/);
  assert.match(thrown(() => polso.scoreBatch(["x"], { explain: "yes" })), /options\.explain must be true or false/);
  assert.match(thrown(() => polso.scoreBatch(["x"], { lang: "fr" })), /scoreBatch: options\.lang/);
  assert.match(thrown(() => polso.score(undefined)), /score\(text\): text must be a string, got undefined/);
  assert.match(thrown(() => polso.score(["a"])), /got an array/);
  assert.match(thrown(() => polso.score("x", 3)), /score: options must be an object/);
  const analyzer = new polso.Analyzer();
  assert.match(thrown(() => analyzer.scoreBatch([null])), /Analyzer\.scoreBatch: texts\[0\] must be a string, got null/);
  assert.match(thrown(() => analyzer.score(5)), /Analyzer\.score\(text\): text must be a string, got number/);
  analyzer.free();
  assert.deepEqual(polso.scoreBatch([]), []);
});
