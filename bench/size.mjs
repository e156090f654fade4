#!/usr/bin/env node
// What a browser downloads for each library: an entry that imports the library and calls it the
// way bench/peers.mjs does, bundled and minified with esbuild (--bundle --minify --format=esm
// --platform=browser, lexicons included), then gzip -9. For polso (POLSO_WASM_PKG set), the
// package's browser entry (JS glue) bundled the same way plus its .wasm file.
//
//   node bench/size.mjs [--json out.json]

import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { basename } from 'node:path';
import { BENCH_DIR, fmt, parseArgs, table } from './lib/common.mjs';
import { resolveEntry, wasmFile, wasmPkgDir } from './lib/wasm.mjs';
import { PEERS } from './peers.mjs';

// One entry per peer, mirroring its adapter in peers.mjs (same modules, same languages).
export const ENTRIES = {
  'vader-js': `import vader from 'vader-sentiment';
export const score = (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;`,
  afinn: `import Sentiment from 'sentiment';
const s = new Sentiment();
export const score = (t) => s.analyze(t).score;`,
  wink: `import wink from 'wink-sentiment';
export const score = (t) => wink(t).normalizedScore;`,
  natural: `import Analyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import TokIt from 'natural/lib/natural/tokenizers/aggressive_tokenizer_it.js';
const en = [new Analyzer('English', PorterStemmer, 'afinn'), new WordTokenizer()];
const it = [new Analyzer('Italian', null, 'pattern'), new TokIt()];
export const score = (t, lang) => { const [a, k] = lang === 'it' ? it : en; return a.getSentiment(k.tokenize(t)); };`,
  nlpjs: `import { Container } from '@nlpjs/core';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import { LangIt } from '@nlpjs/lang-it';
import { LangEn } from '@nlpjs/lang-en';
const c = new Container(); c.use(LangIt); c.use(LangEn);
const a = new SentimentAnalyzer({ container: c });
export const score = (t, lang) => a.process({ locale: lang, text: t });`,
  multilang: `import sentiment from 'multilang-sentiment';
export const score = (t, lang) => sentiment(t, lang).score;`,
};

async function bundle(contents, resolveDir) {
  const esbuild = await import('esbuild');
  const res = await esbuild.build({
    stdin: { contents, resolveDir, sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(res.outputFiles[0].contents);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function main() {
  const opts = parseArgs(process.argv.slice(2), { json: 'value' });
  const rows = [];
  const notes = [];
  const wasmDir = wasmPkgDir();
  if (wasmDir) {
    // The core package (`polso`, scoring: what the peers do) and `polso/thread` (scoring and
    // thread analytics), each as a browser or bundler gets it from the exports map.
    const flavours = [
      { id: 'polso', subpath: '.', wasm: 'polso_bg.wasm', what: 'wasm + JS glue' },
      { id: 'polso-thread', subpath: './thread', wasm: 'polso_thread_bg.wasm', what: 'polso/thread, with thread analytics' },
    ];
    for (const flavour of flavours) {
      try {
        const { path: entry } = resolveEntry(wasmDir, ['browser', 'import', 'module', 'default'], flavour.subpath);
        const js = await bundle(`export * from ${JSON.stringify(entry)};`, BENCH_DIR);
        const wasmPath = wasmFile(wasmDir, flavour.wasm);
        const wasm = wasmPath ? readFileSync(wasmPath) : Buffer.alloc(0);
        let version = '';
        try { version = JSON.parse(readFileSync(`${wasmDir}/package.json`, 'utf8')).version; } catch {}
        rows.push({
          id: flavour.id, name: `polso ${version} (${flavour.what})`, langs: 'it, en',
          minified: js.length + wasm.length, gzip: gz(js) + gz(wasm), brotli: br(js) + br(wasm),
          parts: { js: { minified: js.length, gzip: gz(js) }, wasm: { file: wasmPath ? basename(wasmPath) : null, bytes: wasm.length, gzip: gz(wasm) } },
        });
      } catch (err) {
        notes.push(`${flavour.id}: bundling ${wasmDir} failed: ${err.message.split('\n')[0]}`);
      }
    }
  } else {
    notes.push('polso skipped: set POLSO_WASM_PKG to the built npm package directory (pkg/)');
  }
  for (const peer of PEERS) {
    try {
      const out = await bundle(ENTRIES[peer.id], BENCH_DIR);
      rows.push({ id: peer.id, name: `${peer.name} ${peer.version}`, langs: peer.langs.join(', '), minified: out.length, gzip: gz(out), brotli: br(out) });
    } catch (err) {
      notes.push(`${peer.id}: esbuild failed: ${(err.errors?.[0]?.text ?? err.message).split('\n')[0]}`);
    }
  }
  const polso = rows.find((r) => r.id === 'polso');
  console.log(`# Download size, ${new Date().toISOString()}\n`);
  console.log('esbuild --bundle --minify --format=esm --platform=browser, lexicons included; gzip -9 and brotli -q 11.\n');
  console.log(table(
    ['library', 'languages', 'minified KB', 'gzip KB', 'brotli KB', '× polso (gzip)'],
    rows.map((r) => [r.name, r.langs, fmt(r.minified / 1024, 1), fmt(r.gzip / 1024, 1), fmt(r.brotli / 1024, 1), polso ? fmt(r.gzip / polso.gzip, 2) : '–']),
  ));
  for (const r of rows.filter((r) => r.parts)) {
    console.log(`\n${r.name} parts: JS glue ${fmt(r.parts.js.gzip / 1024, 1)} KB gzip, ${r.parts.wasm.file} ${fmt(r.parts.wasm.gzip / 1024, 1)} KB gzip.`);
  }
  for (const n of notes) console.log(`note: ${n}`);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), rows, notes }, null, 2));
}

main().catch((err) => {
  console.error(`size: ${err.message}`);
  process.exit(2);
});
