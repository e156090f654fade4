// Shared plumbing: where things are, reading the evaluation sets, running the out-of-process
// systems (polso's CLI, Python VADER), and printing tables.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(BENCH_DIR);

/** Evaluation data is read at run time and never copied into the repository. */
export function evalDir() {
  const dir = process.env.POLSO_EVAL_DIR || join(REPO_ROOT, '..', 'shared', 'eval', 'dev');
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

export function readJsonl(path) {
  const out = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines) if (line.trim()) out.push(JSON.parse(line));
  return out;
}

export function loadSet(name) {
  const path = join(evalDir(), `${name}.jsonl`);
  if (!existsSync(path)) {
    throw new Error(`evaluation set ${path} not found: set POLSO_EVAL_DIR to the folder holding it`);
  }
  return readJsonl(path);
}

export const PYTHON = process.env.PYTHON || 'python3';

/**
 * The polso command as an argv prefix. POLSO_BIN may hold a command with arguments separated by
 * spaces (e.g. "python3 bench/vader_py.py", the stand-in); relative paths are taken from the repo
 * root, where the command runs.
 */
export function polsoCommand() {
  const raw = (process.env.POLSO_BIN || 'target/release/polso').trim();
  return raw.split(/\s+/);
}

export function polsoAvailable() {
  const [exe] = polsoCommand();
  if (exe.includes('/')) return existsSync(resolve(REPO_ROOT, exe));
  return true; // a bare name is looked up on PATH when spawned
}

function runJsonl(argv, items, what) {
  const input = items.map((it) => JSON.stringify(it)).join('\n') + '\n';
  const res = spawnSync(argv[0], argv.slice(1), {
    cwd: REPO_ROOT,
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (res.error) throw new Error(`${what}: could not run ${argv.join(' ')}: ${res.error.message}`);
  const records = [];
  const errors = [];
  for (const line of res.stdout.split('\n')) {
    if (!line.trim()) continue;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch {
      errors.push({ error: `unparsable output line: ${line.slice(0, 80)}` });
      continue;
    }
    if (rec.error !== undefined) errors.push(rec);
    else records.push(rec);
  }
  if (res.status !== 0 && errors.length === 0) {
    throw new Error(`${what} exited with status ${res.status}: ${res.stderr.slice(0, 2000)}`);
  }
  return { records, errors, stderr: res.stderr, status: res.status };
}

/** Scores items `{id, text, lang?}` with `polso score`; returns records keyed by id. */
export function runPolso(items) {
  const out = runJsonl([...polsoCommand(), 'score'], items, 'polso');
  return { ...out, byId: new Map(out.records.map((r) => [String(r.id), r])) };
}

export function runVaderPy(items) {
  const out = runJsonl([PYTHON, join(BENCH_DIR, 'vader_py.py')], items, 'vader-py');
  return { ...out, byId: new Map(out.records.map((r) => [String(r.id), r])) };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export function fmt(x, digits = 3) {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (typeof x !== 'number') return String(x);
  return x.toFixed(digits);
}

export function fmtInt(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  return Math.round(x).toLocaleString('en-US');
}

/** A Markdown table (also readable as plain text), columns padded to line up. */
export function table(headers, rows, align) {
  const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, j) => Math.max(...cells.map((r) => [...r[j]].length), 3));
  const pad = (s, j) => {
    const fill = ' '.repeat(widths[j] - [...s].length);
    return (align?.[j] ?? (j === 0 ? 'l' : 'r')) === 'l' ? s + fill : fill + s;
  };
  const line = (r) => `| ${r.map(pad).join(' | ')} |`;
  const sep = `|${widths.map((w, j) => ((align?.[j] ?? (j === 0 ? 'l' : 'r')) === 'l' ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`;
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}

export function parseArgs(argv, spec) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (!(key in spec)) throw new Error(`unknown option --${key}; known: ${Object.keys(spec).map((k) => '--' + k).join(' ')}`);
    if (spec[key] === 'flag') opts[key] = true;
    else opts[key] = inline ?? argv[++i];
  }
  return opts;
}
