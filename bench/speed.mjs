#!/usr/bin/env node
// Throughput of polso and its peers on one fixed mixed Italian/English corpus, in one run.
//
//   node bench/speed.mjs [--runs 5] [--per-set 2000] [--systems polso,polso-wasm,vader-py,afinn,...]
//                        [--budget 60] [--json out.json]
//
// The corpus is built at run time from the evaluation sets (the first --per-set texts of each
// sentiment set, shuffled with a fixed seed) and written to a temporary file, never to the repo.
// Each system is timed in its own process so that one library's garbage and JIT state do not
// slow the next. Prints a table; asserts nothing about timing.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BENCH_DIR, PYTHON, fmt, fmtInt, loadSet, parseArgs, polsoAvailable, polsoCommand, REPO_ROOT, table,
} from './lib/common.mjs';
import { median, shuffled } from './lib/metrics.mjs';
import { loadPolsoWasm, wasmPkgDir } from './lib/wasm.mjs';
import { chromiumPath, timePolsoChromium } from './lib/chromium.mjs';
import { PEERS, peerLabel } from './peers.mjs';

const SPEED_SETS = ['en_vader_tweets', 'en_vader_amazon', 'en_uci_yelp_imdb', 'it_sentipolc2016_train', 'it_feel_it'];
export const SEED = 20240611;
const SELF = fileURLToPath(import.meta.url);

export function buildCorpus(perSet) {
  const all = [];
  for (const name of SPEED_SETS) {
    for (const it of loadSet(name).slice(0, perSet)) all.push({ id: it.id, text: it.text, lang: it.lang });
  }
  return shuffled(all, SEED);
}

const utf8Bytes = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

// ---------------------------------------------------------------------------------------------
// Worker: times one in-process system over the corpus file and prints JSON.

async function worker(id, corpusPath, runs, budget) {
  const corpus = readFileSync(corpusPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const t0 = performance.now();
  let fn;
  let batch = false;
  if (id === 'polso-wasm' || id === 'polso-wasm-batch') {
    const polso = await loadPolsoWasm();
    if (!polso) throw new Error('POLSO_WASM_PKG does not point at a package');
    batch = id === 'polso-wasm-batch';
    fn = batch ? (texts) => polso.scoreBatch(texts) : (text) => polso.score(text);
  } else {
    const peer = PEERS.find((p) => p.id === id);
    fn = peer.load();
    // First calls may build per-language tables (multilang-sentiment does): part of loading.
    await fn('ok', 'it');
    await fn('ok', 'en');
    if (peer.async) {
      const f = fn;
      fn = async (text, lang) => f(text, lang);
      fn.async = true;
    }
  }
  const loadMs = performance.now() - t0;

  const pass = async (items) => {
    if (batch) {
      fn(items.map((it) => it.text));
    } else if (fn.async) {
      for (const it of items) await fn(it.text, it.lang);
    } else {
      for (const it of items) fn(it.text, it.lang);
    }
  };

  // Warm-up on a slice, which also estimates the cost of a full pass: a library too slow to run
  // the whole corpus `runs` times within the budget is timed on a prefix instead (the corpus is
  // shuffled, so a prefix has the same mix), and the table says so.
  const warm = corpus.slice(0, Math.min(100, corpus.length));
  const w0 = performance.now();
  await pass(warm);
  const perText = (performance.now() - w0) / 1000 / warm.length;
  if (perText * corpus.length < 5) await pass(corpus.slice(100, 1000)); // a longer warm-up when cheap
  let items = corpus;
  if (perText * corpus.length * runs > budget) {
    const n = Math.max(100, Math.floor(budget / runs / perText));
    items = corpus.slice(0, Math.min(n, corpus.length));
  }
  const times = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    await pass(items);
    times.push((performance.now() - s) / 1000);
  }
  return { runs: times, n: items.length, bytes: utf8Bytes(items.map((it) => it.text)), loadMs, subset: items.length < corpus.length };
}

function runWorker(id, corpusPath, runs, budget) {
  const res = spawnSync(process.execPath, [SELF, '--worker', id, '--corpus', corpusPath, '--runs', String(runs), '--budget', String(budget)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: process.env,
  });
  if (res.status !== 0) throw new Error(`${id}: worker failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------------------------------------
// polso native: the whole process per run, input on stdin.

function timeProcess(argv, input) {
  const s = performance.now();
  const res = spawnSync(argv[0], argv.slice(1), { cwd: REPO_ROOT, input, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - s) / 1000;
  if (res.error) throw res.error;
  return { seconds, status: res.status, stderr: String(res.stderr ?? '') };
}

function timePolsoNative(corpus, runs) {
  const argv = [...polsoCommand(), 'score'];
  // Speed input carries no language hint: detection is part of the work, as in the wasm build.
  const input = corpus.map((it) => JSON.stringify({ id: it.id, text: it.text })).join('\n') + '\n';
  const empty = [];
  const full = [];
  timeProcess(argv, input); // warm the page cache and the binary
  for (let r = 0; r < runs; r++) {
    empty.push(timeProcess(argv, '').seconds);
    const f = timeProcess(argv, input);
    if (f.status !== 0) throw new Error(`polso exited ${f.status}: ${f.stderr.slice(0, 500)}`);
    full.push(f.seconds);
  }
  return { runs: full, startup: empty, n: corpus.length, bytes: utf8Bytes(corpus.map((it) => it.text)) };
}

function timeVaderPy(corpusPath, runs) {
  const res = spawnSync(PYTHON, [join(BENCH_DIR, 'vader_py.py'), '--bench', String(runs), corpusPath], {
    cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (res.status !== 0) throw new Error(`vader-py --bench failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------------------------------------

// polso-chromium times both call styles (score() per comment and scoreBatch()) in one browser.
export const SPEED_SYSTEMS = ['polso', 'polso-wasm', 'polso-wasm-batch', 'polso-chromium', 'vader-py', ...PEERS.map((p) => p.id)];

async function main() {
  const opts = parseArgs(process.argv.slice(2), {
    runs: 'value', 'per-set': 'value', systems: 'value', json: 'value', budget: 'value',
    worker: 'value', corpus: 'value',
  });
  const runs = Number(opts.runs ?? 5);
  const budget = Number(opts.budget ?? 60);
  if (opts.worker) {
    console.log(JSON.stringify(await worker(opts.worker, opts.corpus, runs, budget)));
    return;
  }
  const perSet = Number(opts['per-set'] ?? 2000);
  const systems = opts.systems ? opts.systems.split(',').map((s) => s.trim()) : SPEED_SYSTEMS;
  for (const s of systems) if (!SPEED_SYSTEMS.includes(s)) throw new Error(`unknown system ${s}; known: ${SPEED_SYSTEMS.join(', ')}`);

  const corpus = buildCorpus(perSet);
  const bytes = utf8Bytes(corpus.map((it) => it.text));
  const nIt = corpus.filter((it) => it.lang === 'it').length;
  const dir = mkdtempSync(join(tmpdir(), 'polso-speed-'));
  const corpusPath = join(dir, 'corpus.jsonl');
  writeFileSync(corpusPath, corpus.map((it) => JSON.stringify(it)).join('\n') + '\n');

  console.log(`# polso speed, ${new Date().toISOString()}\n`);
  console.log(`Corpus: ${corpus.length} comments (${nIt} Italian, ${corpus.length - nIt} English), ${fmt(bytes / 1e6, 2)} MB of UTF-8 text;`);
  console.log(`the first ${perSet} texts of each of ${SPEED_SETS.join(', ')}, shuffled with seed ${SEED}.`);
  console.log(`${runs} timed runs per system after a warm-up; median reported. In-process peers get a ${budget} s budget for all runs.\n`);

  const rows = [];
  const notes = [];
  const add = (id, name, mode, r) => {
    const med = median(r.runs);
    const row = { id, name, mode, n: r.n, runs: r.runs, medianSeconds: med, perSecond: r.n / med, mbPerSecond: r.bytes / 1e6 / med, subset: !!r.subset };
    if (r.startup) Object.assign(row, { startupSeconds: median(r.startup), rawSeconds: med });
    if (r.loadMs !== undefined) row.loadMs = r.loadMs;
    rows.push(row);
    return row;
  };
  try {
    for (const id of systems) {
      process.stderr.write(`timing ${id}...\n`);
      if (id === 'polso') {
        if (!polsoAvailable()) {
          notes.push(`polso native skipped: ${polsoCommand()[0]} not found (cargo build --release, or set POLSO_BIN)`);
          continue;
        }
        const r = timePolsoNative(corpus, runs);
        const raw = add('polso-raw', 'polso native CLI (whole process)', 'process', r);
        // Net of startup: the per-run empty-input time is subtracted from the median.
        const net = Math.max(1e-9, raw.rawSeconds - raw.startupSeconds);
        rows.push({ ...raw, id: 'polso', name: 'polso native CLI (minus startup)', mode: 'process − startup', medianSeconds: net, perSecond: r.n / net, mbPerSecond: r.bytes / 1e6 / net });
      } else if (id === 'polso-wasm' || id === 'polso-wasm-batch') {
        if (!wasmPkgDir()) {
          if (id === 'polso-wasm') notes.push('polso wasm (Node) skipped: set POLSO_WASM_PKG to the built npm package directory (pkg/)');
          continue;
        }
        const r = runWorker(id, corpusPath, runs, budget);
        add(id, id === 'polso-wasm' ? 'polso wasm (Node), score() per comment' : 'polso wasm (Node), scoreBatch()', 'in-process', r);
      } else if (id === 'polso-chromium') {
        if (!wasmPkgDir() || !chromiumPath()) {
          notes.push(`polso wasm (headless Chromium) skipped: ${wasmPkgDir() ? 'no Chromium found (set CHROMIUM)' : 'set POLSO_WASM_PKG to the built npm package directory'}`);
          continue;
        }
        const r = await timePolsoChromium(corpus, runs);
        const bytesAll = utf8Bytes(corpus.map((it) => it.text));
        add('polso-chromium', `polso wasm (${r.browser} headless), score() per comment`, 'in-browser', { runs: r.single.runs, n: corpus.length, bytes: bytesAll, loadMs: r.loadMs });
        add('polso-chromium-batch', `polso wasm (${r.browser} headless), scoreBatch()`, 'in-browser', { runs: r.batch.runs, n: corpus.length, bytes: bytesAll, loadMs: r.loadMs });
      } else if (id === 'vader-py') {
        add(id, 'VADER 3.3.2 (Python)', 'in-process', timeVaderPy(corpusPath, runs));
      } else {
        const peer = PEERS.find((p) => p.id === id);
        const name = peer.langs.includes('it') ? `${peer.name} ${peer.version}` : `${peer.name} ${peer.version} (en-only lexicon on all texts)`;
        add(id, name, 'in-process', runWorker(id, corpusPath, runs, budget));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const polso = rows.find((r) => r.id === 'polso');
  for (const r of rows) r.polsoTimes = polso ? polso.perSecond / r.perSecond : undefined;
  console.log(table(
    ['system', 'timed', 'median s', 'comments/s', 'MB/s', 'polso native is ×'],
    rows.map((r) => [
      r.name,
      r.subset ? `${r.n} (subset)` : String(r.n),
      fmt(r.medianSeconds, 3) + (r.startupSeconds !== undefined && r.id === 'polso-raw' ? ` (startup ${fmt(r.startupSeconds, 3)})` : ''),
      fmtInt(r.perSecond),
      fmt(r.mbPerSecond, 2),
      r.polsoTimes === undefined ? '–' : fmt(r.polsoTimes, 1),
    ]),
  ));
  console.log('\n"polso native is ×": comments/s of polso native (minus startup) divided by this row\'s.');
  for (const n of notes) console.log(`note: ${n}`);
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), corpus: { n: corpus.length, italian: nIt, bytes, perSet, seed: SEED }, runs, rows, notes }, null, 2));
  }
}

main().catch((err) => {
  console.error(`speed: ${err.message}`);
  process.exit(2);
});
