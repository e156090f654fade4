#!/usr/bin/env node
// Thread analytics at scale: time and memory of polso's open Thread on generated threads of
// 1k, 10k, 100k and 1M comments, to show how the cost grows with the thread.
//
//   node bench/scale.mjs [--sizes 1000,10000,100000,1000000] [--runs 3] [--json out.json]
//
// Each run is a fresh native process (examples/thread_scale.rs, built here with
// `cargo build --release --example thread_scale` unless POLSO_SCALE_BIN names a binary), so the
// peak resident set size it reports belongs to that size alone. The thread is generated inside the
// example from sentences written for the benchmark, the same for every run. Prints a table;
// asserts nothing about timing.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { REPO_ROOT, fmt, fmtInt, parseArgs, table } from './lib/common.mjs';
import { median } from './lib/metrics.mjs';

export const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
// A size whose first run takes longer than this is run once: a 1M-comment thread takes a minute
// or more, and its time varies less, relative to its length, than the small ones'.
const SINGLE_RUN_SECONDS = 20;

function scaleBinary() {
  const given = process.env.POLSO_SCALE_BIN;
  if (given) return isAbsolute(given) ? given : resolve(REPO_ROOT, given);
  process.stderr.write('scale: cargo build --release --example thread_scale\n');
  const build = spawnSync('cargo', ['build', '--release', '--quiet', '--example', 'thread_scale'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error('cargo build --release --example thread_scale failed');
  return join(REPO_ROOT, 'target', 'release', 'examples', 'thread_scale');
}

function runOnce(bin, comments) {
  const res = spawnSync(bin, [String(comments)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.error) throw new Error(`could not run ${bin}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`thread_scale ${comments} exited with status ${res.status}: ${res.stderr.slice(-1000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

const MB = 1e6;

async function main() {
  const opts = parseArgs(process.argv.slice(2), { sizes: 'value', runs: 'value', json: 'value' });
  const sizes = opts.sizes ? opts.sizes.split(',').map((s) => Number(s.trim())) : DEFAULT_SIZES;
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: ${n} is not a positive integer`);
  const runs = Number(opts.runs ?? 3);
  const bin = scaleBinary();
  if (!existsSync(bin)) throw new Error(`${bin} not found`);

  console.log(`# polso thread analytics at scale, ${new Date().toISOString()}\n`);
  console.log('Generated threads (examples/thread_scale.rs): 60% Italian, 40% English comments built from sentences written for');
  console.log('the benchmark; reply trees (most comments answer a recent one, some an older one or the post), authors on a');
  console.log('power law (about N^0.8 people), a staff moderator, reactions, times with a daily rhythm. Every comment is');
  console.log('added to an open `Thread` (language detected and text scored per comment), then the report is computed.');
  console.log(`Each run is a fresh process; ${runs} runs per size (1 when a run takes over ${SINGLE_RUN_SECONDS} s), median reported.\n`);

  const rows = [];
  for (const comments of sizes) {
    process.stderr.write(`scale: ${comments} comments...\n`);
    const results = [runOnce(bin, comments)];
    if (results[0].addSeconds < SINGLE_RUN_SECONDS) {
      while (results.length < runs) results.push(runOnce(bin, comments));
    }
    // The generator is deterministic, so the thread and the memory it holds are the same in every
    // run; only the times vary.
    const first = results[0];
    const add = median(results.map((r) => r.addSeconds));
    // CPU time where the platform gives it (Linux): on a shared machine the wall clock also counts
    // waiting for a core, so rates and growth are computed from CPU time when there is one.
    const cpu = results.every((r) => r.addCpuSeconds !== null && r.addCpuSeconds !== undefined)
      ? median(results.map((r) => r.addCpuSeconds))
      : null;
    const tenths = first.addCpuSecondsByTenth ?? [];
    const costGrowth = tenths.length >= 2 && tenths[0] > 0 ? median(results.map((r) => r.addCpuSecondsByTenth.at(-1) / r.addCpuSecondsByTenth[0])) : null;
    const report = median(results.map((r) => r.reportSeconds));
    const rssGrowth = first.peakRssBytes !== null && first.baselineRssBytes !== null
      ? Math.max(...results.map((r) => r.peakRssBytes - r.baselineRssBytes))
      : null;
    rows.push({
      comments,
      runs: results.length,
      textBytes: first.textBytes,
      addSeconds: add,
      reportSeconds: report,
      addCpuSeconds: cpu,
      perSecond: comments / (cpu ?? add),
      microsPerComment: ((cpu ?? add) / comments) * 1e6,
      lastTenthOverFirst: costGrowth,
      // The same texts scored alone (same options, no thread), in the same process: the part of
      // a comment's cost that is scoring, whatever the thread's size.
      scoreMicrosPerComment: results.every((r) => typeof r.scoreCpuSeconds === 'number')
        ? (median(results.map((r) => r.scoreCpuSeconds)) / comments) * 1e6
        : null,
      heldHeapBytes: first.heldHeapBytes,
      peakHeapBytes: first.peakHeapBytes,
      peakRssBytes: Math.max(...results.map((r) => r.peakRssBytes ?? 0)) || null,
      baselineRssBytes: first.baselineRssBytes,
      rssGrowthBytes: rssGrowth,
      participants: first.participants,
      roots: first.roots,
      depthMax: first.depthMax,
      questions: first.questions,
      allRuns: results,
    });
  }

  const base = rows[0];
  console.log(table(
    ['comments', 'runs', 'add s (wall)', 'add s (CPU)', 'comments/s', 'µs/comment', `× µs of ${fmtInt(base.comments)}`, 'last ÷ first tenth', 'scoring alone µs', 'report ms', 'heap held MB', 'heap B/comment', 'peak heap MB', 'peak RSS MB', 'RSS growth B/comment'],
    rows.map((r) => [
      fmtInt(r.comments),
      String(r.runs),
      fmt(r.addSeconds, 3),
      r.addCpuSeconds === null ? '–' : fmt(r.addCpuSeconds, 3),
      fmtInt(r.perSecond),
      fmt(r.microsPerComment, 1),
      fmt(r.microsPerComment / base.microsPerComment, 2),
      r.lastTenthOverFirst === null ? '–' : fmt(r.lastTenthOverFirst, 2),
      r.scoreMicrosPerComment === null ? '–' : fmt(r.scoreMicrosPerComment, 1),
      fmt(r.reportSeconds * 1e3, 1),
      fmt(r.heldHeapBytes / MB, 1),
      fmtInt(r.heldHeapBytes / r.comments),
      fmt(r.peakHeapBytes / MB, 1),
      r.peakRssBytes === null ? '–' : fmt(r.peakRssBytes / MB, 1),
      r.rssGrowthBytes === null ? '–' : fmtInt(r.rssGrowthBytes / r.comments),
    ]),
  ));
  console.log('\n"add s": median time of adding every comment (language detection and scoring included), not of generating them:');
  console.log('wall clock, and CPU time of the thread (clock_gettime, Linux; on a busy machine the wall clock also counts');
  console.log('waiting for a core). comments/s and µs/comment use CPU time when there is one. "last ÷ first tenth": CPU time of the');
  console.log('last tenth of the comments over the first tenth, within one run: 1.0 means a comment costs the same in a large');
  console.log('thread as in a small one. "scoring alone": CPU µs per comment of scoring the same texts without a thread, in the');
  console.log('same process; the rest of "µs/comment" is the thread\'s bookkeeping (small next to scoring, so noise can hide it).');
  console.log('A warm-up scores 2,000 generated texts first, so lazily built lexicon indexes count in the baseline.');
  console.log('"heap held": bytes the open thread holds after the last comment (counting allocator;');
  console.log('the thread keeps numbers and ids, not texts). "peak heap":');
  console.log('most heap in use at once, report included. "peak RSS": the process\'s peak resident set (VmHWM), lexicons and');
  console.log(`code included (about ${fmt(base.baselineRssBytes / MB, 1)} MB before the first comment); "RSS growth" is its rise over that, per comment.\n`);
  console.log(table(
    ['comments', 'text MB', 'participants', 'roots', 'deepest reply chain', 'questions'],
    rows.map((r) => [fmtInt(r.comments), fmt(r.textBytes / MB, 1), fmtInt(r.participants), fmtInt(r.roots), String(r.depthMax), fmtInt(r.questions)]),
  ));
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), runs, rows }, null, 2));
}

main().catch((err) => {
  console.error(`scale: ${err.message}`);
  process.exit(2);
});
