#!/usr/bin/env node
// Accuracy of polso against Python VADER and the npm peers, side by side in one run, on the
// development sets in POLSO_EVAL_DIR (default ../shared/eval/dev from the repo root).
//
//   node bench/eval.mjs [--sets a,b] [--systems polso,vader-py,...] [--limit N] [--json out.json]
//   node bench/eval.mjs --civility [--systems ...] [--limit N] [--json out.json]
//   --no-lang-hint: do not pass each item's language to polso, to measure its detection
//   --no-cache: recompute the npm peers' predictions (cached in ~/.cache/polso-bench otherwise)
//
// Prints one table per set; never asserts. See bench/README.md for what each figure means.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  evalDir, fmt, loadSet, parseArgs, polsoAvailable, polsoCommand, runPolso, runVaderPy, table,
} from './lib/common.mjs';
import {
  accuracy, classScores, labelOfCompound, macroF1, pearson, rocAuc, sentipolcPolarity,
} from './lib/metrics.mjs';
import { PEERS, peerLabel } from './peers.mjs';

export const SETS = {
  en_vader_tweets: { lang: 'en', labels: ['pos', 'neg', 'neu'], title: 'VADER tweets (en)' },
  en_vader_amazon: { lang: 'en', labels: ['pos', 'neg', 'neu'], title: 'VADER Amazon review snippets (en)' },
  en_uci_yelp_imdb: { lang: 'en', labels: ['pos', 'neg'], binary: true, title: 'UCI Yelp + IMDb sentences (en, binary)' },
  it_sentipolc2016_train: { lang: 'it', labels: ['pos', 'neg', 'neu'], sentipolc: true, title: 'SENTIPOLC 2016 training tweets (it)' },
  it_feel_it: { lang: 'it', labels: ['pos', 'neg'], binary: true, baseline: 'neg', title: 'FEEL-IT tweets (it, binary)' },
};

export const SYSTEM_IDS = ['polso', 'vader-py', ...PEERS.map((p) => p.id)];

// Italian negators for the SENTIPOLC negation subset (whole words, case-insensitive).
export const IT_NEGATORS = ['non', 'mai', 'né', 'nessuno', 'niente', 'nulla', 'mica', 'affatto', 'senza', 'nn'];
const NEGATOR_SET = new Set(IT_NEGATORS);

export function hasItalianNegator(text) {
  // Elided forms ("nessun'altra") and apostrophe-typed accents ("ne'") are split off by the
  // letter-only tokenisation; "ne'" is normalised to "né".
  const words = text.toLowerCase().replace(/\bne'/g, 'né ').match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.some((w) => NEGATOR_SET.has(w));
}

// ---------------------------------------------------------------------------------------------
// Running systems: each returns an array aligned with `items` of {score, label} or null (failed).

async function predict(systemId, items, opts, notes) {
  if (systemId === 'polso') {
    if (!polsoAvailable()) {
      notes.push(`polso skipped: ${polsoCommand()[0]} not found (run cargo build --release, or set POLSO_BIN)`);
      return null;
    }
    const input = items.map((it) => (opts['no-lang-hint'] ? { id: it.id, text: it.text } : { id: it.id, text: it.text, lang: it.lang }));
    const out = runPolso(input);
    if (out.errors.length) notes.push(`polso: ${out.errors.length} line(s) failed, e.g. ${JSON.stringify(out.errors[0])}`);
    return items.map((it) => {
      const r = out.byId.get(String(it.id));
      return r ? { score: r.compound, label: r.label, raw: r } : null;
    });
  }
  if (systemId === 'vader-py') {
    const out = runVaderPy(items.map((it) => ({ id: it.id, text: it.text })));
    if (out.errors.length) notes.push(`vader-py: ${out.errors.length} line(s) failed`);
    return items.map((it) => {
      const r = out.byId.get(String(it.id));
      return r ? { score: r.compound, label: r.label } : null;
    });
  }
  const peer = PEERS.find((p) => p.id === systemId);
  if (!peer) throw new Error(`unknown system ${systemId}; known: ${SYSTEM_IDS.join(', ')}`);
  // Peers are pinned, so their predictions only change with the data: they are cached outside
  // the repository (ids, scores and labels only; no text), keyed by version and the items' hash.
  const key = createHash('sha256').update(`${peer.pkg}@${peer.version}\n${peerCodeHash}\n`)
    .update(JSON.stringify(items.map((it) => [it.id, it.text, it.lang]))).digest('hex').slice(0, 24);
  const cachePath = join(cacheDir(), `${peer.id}-${key}.json`);
  if (!opts['no-cache'] && existsSync(cachePath)) {
    try {
      return JSON.parse(readFileSync(cachePath, 'utf8'));
    } catch {
      // a broken cache file is recomputed below
    }
  }
  const score = peer.load();
  const preds = [];
  for (const it of items) {
    try {
      const r = peer.async ? await score(it.text, it.lang) : score(it.text, it.lang);
      preds.push({ score: r.score, label: r.label });
    } catch (err) {
      notes.push(`${peer.id} threw on ${it.id}: ${err.message}`);
      preds.push(null);
    }
  }
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(cachePath, JSON.stringify(preds));
  } catch {
    // caching is an optimisation only
  }
  return preds;
}

function cacheDir() {
  return process.env.POLSO_BENCH_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'polso-bench');
}

// The adapters are part of the key: editing peers.mjs invalidates cached predictions.
const peerCodeHash = createHash('sha256').update(readFileSync(new URL('./peers.mjs', import.meta.url))).digest('hex');

export function systemName(systemId, lang) {
  if (systemId === 'polso') return 'polso';
  if (systemId === 'vader-py') return lang === 'en' ? 'VADER 3.3.2 (Python)' : 'VADER 3.3.2 (Python) (en-only, for reference)';
  if (systemId === 'baseline') return 'always negative (baseline)';
  return peerLabel(PEERS.find((p) => p.id === systemId), lang);
}

// ---------------------------------------------------------------------------------------------
// Metrics of one system on one set.

export function evaluate(set, items, preds) {
  const labels = set.labels;
  const scored = items.map((it, i) => ({ it, p: preds[i] }));
  // `mixed` is not a label any system predicts; it is left out of accuracy and macro-F1 (the
  // SENTIPOLC score below does use it, through opos/oneg).
  const kept = scored.filter(({ it }) => it.label !== 'mixed');
  const gold = kept.map(({ it }) => it.label);
  const pred = kept.map(({ p }) => (p ? p.label : 'failed'));
  const row = {
    n: kept.length,
    failed: kept.filter(({ p }) => !p).length,
    accuracy: accuracy(gold, pred),
    macroF1: macroF1(gold, pred, labels),
    f1: Object.fromEntries(labels.map((l) => [l, classScores(gold, pred, l).f1])),
    predNeuShare: pred.filter((l) => l === 'neu').length / pred.length,
  };
  const withScore = kept.filter(({ it, p }) => p && typeof it.score === 'number' && Number.isFinite(p.score));
  if (withScore.length) {
    row.pearson = pearson(withScore.map(({ p }) => p.score), withScore.map(({ it }) => it.score));
  }
  if (set.sentipolc) {
    const ok = scored.filter(({ p }) => p);
    const goldPos = ok.map(({ it }) => it.opos);
    const goldNeg = ok.map(({ it }) => it.oneg);
    const predPos = ok.map(({ p }) => (p.label === 'pos' ? 1 : 0));
    const predNeg = ok.map(({ p }) => (p.label === 'neg' ? 1 : 0));
    row.sentipolc = sentipolcPolarity(goldPos, goldNeg, predPos, predNeg);
    row.sentipolc.n = ok.length;
    row.predNeuShareAll = ok.filter(({ p }) => p.label === 'neu').length / ok.length;
    row.goldNeuShareAll = ok.filter(({ it }) => it.label === 'neu').length / ok.length;
    const neg = kept.filter(({ it }) => hasItalianNegator(it.text));
    const ng = neg.map(({ it }) => it.label);
    const np = neg.map(({ p }) => (p ? p.label : 'failed'));
    row.negation = { n: neg.length, macroF1: macroF1(ng, np, labels), accuracy: accuracy(ng, np) };
  }
  return row;
}

function distribution(items) {
  const d = {};
  for (const it of items) d[it.label] = (d[it.label] ?? 0) + 1;
  return d;
}

function printSet(name, set, result) {
  const { rows } = result;
  const hasR = rows.some((r) => r.pearson !== undefined);
  const headers = ['system', 'n', 'accuracy', 'macro-F1', ...set.labels.map((l) => `F1 ${l}`), ...(hasR ? ['Pearson r'] : []), 'pred. neu'];
  const body = rows.map((r) => [
    r.name + (r.failed ? ` [${r.failed} failed]` : ''),
    r.n,
    fmt(r.accuracy),
    fmt(r.macroF1),
    ...set.labels.map((l) => fmt(r.f1[l])),
    ...(hasR ? [r.pearson === undefined ? '–' : fmt(r.pearson) + (r.kind === 'raw' ? '*' : '')] : []),
    fmt(r.predNeuShare * 100, 1) + '%',
  ]);
  const dist = Object.entries(result.gold).map(([k, v]) => `${k} ${v}`).join(' / ');
  console.log(`\n## ${set.title}: ${name}.jsonl (${dist})\n`);
  console.log(table(headers, body));
  if (set.binary) console.log('\nBinary set: a neutral prediction counts as wrong in accuracy and lowers recall in F1.');
  if (hasR && rows.some((r) => r.kind === 'raw')) console.log("\n\\* Pearson r of the library's raw score (not a compound).");
  if (set.sentipolc) {
    console.log('\nSENTIPOLC extras: official polarity F = (F_pos + F_neg) / 2 over all tweets including mixed;');
    console.log('neutral shares over all tweets; macro-F1 on tweets with an Italian negator (non-mixed).\n');
    const sp = rows.filter((r) => r.sentipolc);
    console.log(table(
      ['system', 'SENTIPOLC F', 'F_pos', 'F_neg', 'pred. neu', 'gold neu', 'negation n', 'negation macro-F1'],
      sp.map((r) => [
        r.name, fmt(r.sentipolc.f), fmt(r.sentipolc.fPos), fmt(r.sentipolc.fNeg),
        fmt(r.predNeuShareAll * 100, 1) + '%', fmt(r.goldNeuShareAll * 100, 1) + '%',
        r.negation.n, fmt(r.negation.macroF1),
      ]),
    ));
  }
}

// Italian against English cost per comment, from the timed polso runs above (one CLI process per
// set, the language given, startup and JSON included): a rough figure to see that Italian stays
// in the same class as English; bench/speed.mjs measures throughput properly.
function printPolsoSpeedByLanguage(byLang) {
  const langs = Object.keys(byLang).sort();
  if (langs.length === 0) return;
  const us = (l) => (byLang[l].seconds * 1e6) / byLang[l].n;
  const usPerKb = (l) => (byLang[l].seconds * 1e6) / (byLang[l].bytes / 1e3);
  console.log('\n## polso time per comment by language (CLI, whole process per set, language given)\n');
  console.log(table(
    ['language', 'comments', 'µs per comment', 'µs per kB'],
    langs.map((l) => [l, byLang[l].n, fmt(us(l), 1), fmt(usPerKb(l), 1)]),
  ));
  if (byLang.it && byLang.en) console.log(`\nItalian / English per comment: ${fmt(us('it') / us('en'), 2)}x; per kB: ${fmt(usPerKb('it') / usPerKb('en'), 2)}x.`);
}

// ---------------------------------------------------------------------------------------------
// Civility: ROC AUC of a hostility score on the Unhealthy Comments Corpus (validation split).

async function civility(opts, systems) {
  const CIV_LABELS = ['hostile', 'antagonize'];
  let items = loadSet('en_ucc_val');
  if (opts.limit) items = items.slice(0, Number(opts.limit));
  const notes = [];
  const rows = [];
  const add = (name, scores) => {
    const ok = items.map((it, i) => [it, scores[i]]).filter(([, s]) => typeof s === 'number' && Number.isFinite(s));
    const row = { name, n: ok.length, auc: {} };
    for (const l of CIV_LABELS) row.auc[l] = rocAuc(ok.map(([, s]) => s), ok.map(([it]) => it.labels?.[l] === 1));
    rows.push(row);
  };
  const input = items.map((it) => ({ id: it.id, text: it.text, lang: 'en' }));
  if (systems.includes('polso')) {
    if (!polsoAvailable()) {
      notes.push(`polso skipped: ${polsoCommand()[0]} not found (run cargo build --release, or set POLSO_BIN)`);
    } else {
      const out = runPolso(input);
      const scores = items.map((it) => out.byId.get(String(it.id))?.signals?.hostility);
      if (scores.some((s) => typeof s === 'number')) add('polso signals.hostility', scores);
      else notes.push('polso skipped: its output has no numeric signals.hostility field yet');
    }
  }
  if (systems.includes('vader-py')) {
    const out = runVaderPy(input);
    add('VADER 3.3.2 (Python): −compound', items.map((it) => {
      const r = out.byId.get(String(it.id));
      return r ? -r.compound : undefined;
    }));
  }
  if (systems.includes('afinn')) {
    const afinn = PEERS.find((p) => p.id === 'afinn');
    const score = afinn.load();
    // AFINN negative score: the summed magnitude of the negative word values.
    add(`${afinn.name} ${afinn.version}: negative word total`, items.map((it) => {
      const r = score(it.text);
      return r.calculation.reduce((sum, c) => sum + Math.max(0, -Object.values(c)[0]), 0);
    }));
  }
  const pos = Object.fromEntries(CIV_LABELS.map((l) => [l, items.filter((it) => it.labels?.[l] === 1).length]));
  console.log(`\n## Civility: en_ucc_val.jsonl (${items.length} comments; hostile ${pos.hostile}, antagonize ${pos.antagonize})\n`);
  console.log(table(['score', 'n', 'ROC AUC hostile', 'ROC AUC antagonize'], rows.map((r) => [r.name, r.n, fmt(r.auc.hostile), fmt(r.auc.antagonize)])));
  console.log('\nROC AUC: probability that a comment with the label scores higher than one without (ties count half).');
  for (const n of notes) console.log(`note: ${n}`);
  return { n: items.length, positives: pos, rows, notes };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2), {
    sets: 'value', systems: 'value', limit: 'value', json: 'value', civility: 'flag', 'no-lang-hint': 'flag', 'no-cache': 'flag',
  });
  const systems = opts.systems ? opts.systems.split(',').map((s) => s.trim()) : SYSTEM_IDS;
  for (const s of systems) if (!SYSTEM_IDS.includes(s)) throw new Error(`unknown system ${s}; known: ${SYSTEM_IDS.join(', ')}`);
  const meta = {
    date: new Date().toISOString(),
    evalDir: evalDir(),
    polso: polsoCommand().join(' '),
    langHint: !opts['no-lang-hint'],
    peers: Object.fromEntries(PEERS.map((p) => [p.id, `${p.pkg}@${p.version}`])),
  };
  console.log(`# polso accuracy, ${meta.date}\n\n- Evaluation data: ${meta.evalDir}\n- polso command: ${meta.polso} score${meta.langHint ? ' (language passed per item)' : ' (language detected)'}`);

  if (opts.civility) {
    const civ = await civility(opts, systems);
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ meta, civility: civ }, null, 2));
    return;
  }

  const setNames = opts.sets ? opts.sets.split(',').map((s) => s.trim()) : Object.keys(SETS);
  const results = {};
  const polsoTime = {};
  for (const name of setNames) {
    const set = SETS[name];
    if (!set) throw new Error(`unknown set ${name}; known: ${Object.keys(SETS).join(', ')}`);
    let items = loadSet(name);
    if (opts.limit) items = items.slice(0, Number(opts.limit));
    const notes = [];
    const rows = [];
    for (const id of systems) {
      const t0 = performance.now();
      const preds = await predict(id, items, opts, notes);
      if (!preds) continue;
      const kind = id === 'polso' || id === 'vader-py' ? 'compound' : PEERS.find((p) => p.id === id).kind;
      rows.push({ system: id, name: systemName(id, set.lang), kind, seconds: (performance.now() - t0) / 1000, ...evaluate(set, items, preds) });
    }
    if (set.baseline) {
      const preds = items.map(() => ({ score: -1, label: set.baseline }));
      rows.push({ system: 'baseline', name: systemName('baseline', set.lang), kind: 'constant', ...evaluate(set, items, preds) });
      delete rows.at(-1).pearson;
    }
    results[name] = { title: set.title, lang: set.lang, labels: set.labels, gold: distribution(items), rows, notes };
    printSet(name, set, results[name]);
    for (const n of notes) console.log(`note: ${n}`);
    const polso = rows.find((r) => r.system === 'polso');
    if (polso) {
      const acc = (polsoTime[set.lang] ??= { seconds: 0, n: 0, bytes: 0 });
      acc.seconds += polso.seconds;
      acc.n += items.length;
      acc.bytes += items.reduce((sum, it) => sum + Buffer.byteLength(it.text), 0);
    }
  }
  printPolsoSpeedByLanguage(polsoTime);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ meta, sets: results }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`eval: ${err.message}`);
    process.exit(2);
  });
}
