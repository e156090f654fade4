#!/usr/bin/env node
// First-use latency of polso's npm package in Node: how long the first score() takes, the call
// that decodes the bundled lexicons, expands the Italian lemmas into their forms and builds the
// indexes (a widget's first paint waits for it). First use happens once a process, so each run is
// a fresh `node` process; prints the median and range over the runs. Asserts nothing.
//
//   node bench/first-use.mjs [--pkg www/pkg] [--runs 15]
//
// --pkg is the built package directory (scripts/build-npm.sh makes www/pkg; default
// POLSO_WASM_PKG, else www/pkg). Instantiating the module (initSync) is timed apart from the
// first score(); the second score() of the same text shows the steady-state cost.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT, parseArgs } from './lib/common.mjs';
import { median } from './lib/metrics.mjs';

const TEXT = 'Bellissimo, ma troppo caro. The staff were AMAZING!';

if (process.argv[2] === '--child') {
  // One measurement: the package's Node entry, imported as a user would.
  const started = performance.now();
  const polso = await import(pathToFileURL(process.argv[3]).href);
  polso.initSync();
  const init = performance.now() - started;
  let t = performance.now();
  polso.score(TEXT);
  const first = performance.now() - t;
  t = performance.now();
  polso.score(TEXT);
  const second = performance.now() - t;
  process.stdout.write(JSON.stringify({ init, first, second }) + '\n');
  process.exit(0);
}

const args = { pkg: process.env.POLSO_WASM_PKG ?? 'www/pkg', runs: '15', ...parseArgs(process.argv.slice(2), { pkg: 'value', runs: 'value' }) };
const pkgDir = isAbsolute(args.pkg) ? args.pkg : resolve(REPO_ROOT, args.pkg);
const entry = [join(pkgDir, 'dist', 'node.js'), join(pkgDir, 'node.js')].find(existsSync);
if (!entry) {
  console.error(`no built package at ${pkgDir} (run scripts/build-npm.sh, or pass --pkg)`);
  process.exit(1);
}
const runs = Math.max(1, Number(args.runs) || 15);
const samples = [];
for (let i = 0; i < runs; i++) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', entry], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  samples.push(JSON.parse(child.stdout));
}
const row = (name, key, digits) => {
  const values = samples.map((s) => s[key]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  console.log(`${name.padEnd(22)} median ${median(values).toFixed(digits).padStart(7)} ms   (min ${lo.toFixed(digits)}, max ${hi.toFixed(digits)})`);
};
console.log(`polso first use in Node ${process.version}, ${runs} fresh processes, package ${pkgDir}`);
row('import + initSync', 'init', 1);
row('first score()', 'first', 1);
row('second score()', 'second', 2);
