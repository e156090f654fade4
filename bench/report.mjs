#!/usr/bin/env node
// Runs accuracy (eval.mjs, and its civility mode), speed.mjs, size.mjs and scale.mjs in one go and writes
// BENCHMARKS.md at the repo root and bench/speed-vs-accuracy.svg.
//
//   node bench/report.mjs [--limit N] [--runs N] [--per-set N] [--scale-sizes 1000,10000,...]
//
// Each script runs as its own process; its printed tables go into BENCHMARKS.md as they are, and
// its --json output feeds the chart.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, PYTHON, REPO_ROOT, parseArgs, polsoCommand } from './lib/common.mjs';
import { wasmPkgDir } from './lib/wasm.mjs';

function run(script, args, jsonPath) {
  process.stderr.write(`report: node bench/${script} ${args.join(' ')}\n`);
  const res = spawnSync(process.execPath, [join(BENCH_DIR, script), ...args, '--json', jsonPath], {
    cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(res.stdout);
  if (res.status !== 0) throw new Error(`bench/${script} exited with status ${res.status}`);
  return { text: res.stdout, json: JSON.parse(readFileSync(jsonPath, 'utf8')) };
}

/** A script's printed output as a Markdown section: its title dropped, headings one level down. */
function section(text) {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .map((l) => (l.startsWith('## ') ? `#${l}` : l.startsWith('note: ') ? `- ${l}` : l))
    .join('\n')
    .trim();
}

function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine(loadBefore, loadAfter) {
  const lines = [];
  const cpus = os.cpus();
  lines.push(`- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores visible to Node`);
  lines.push(`- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
  lines.push(`- OS: ${os.type()} ${os.release()} (${os.arch()})`);
  // Timings depend on what else runs: the load average says how busy the machine was.
  const load = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  lines.push(`- Load average (1 / 5 / 15 min): ${load(loadBefore)} at the start, ${load(loadAfter)} at the end`);
  lines.push(`- Node ${process.versions.node}; ${tryRun(PYTHON, ['--version']) ?? 'Python not found'}; ${tryRun('rustc', ['--version']) ?? 'rustc not found'}`);
  const lscpu = tryRun('lscpu', []);
  if (lscpu) {
    const keep = /^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|CPU max MHz|CPU MHz|BogoMIPS|L1d cache|L2 cache|L3 cache|Hypervisor vendor|Virtualization type)\s*:/;
    lines.push('', '```', ...lscpu.split('\n').filter((l) => keep.test(l)), '```');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Chart: x = comments/s (log scale), y = macro-F1 on SENTIPOLC and on VADER tweets.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chart(evalJson, speedJson) {
  const speed = new Map(speedJson.rows.filter((r) => r.id !== 'polso-raw').map((r) => [r.id, r]));
  const series = [
    { set: 'it_sentipolc2016_train', label: 'SENTIPOLC 2016 (it), macro-F1', color: '#1b6ca8', shape: 'circle' },
    { set: 'en_vader_tweets', label: 'VADER tweets (en), macro-F1', color: '#b8461b', shape: 'square' },
  ];
  const points = [];
  for (const s of series) {
    for (const row of evalJson.sets[s.set]?.rows ?? []) {
      const sp = speed.get(row.system);
      if (!sp || !Number.isFinite(row.macroF1)) continue;
      const short = row.system === 'vader-py' ? `VADER (Python)${evalJson.sets[s.set].lang === 'it' ? ' (en-only)' : ''}` : row.name.replace(/ \(en-only, for reference\)$/, ' (en-only)').replace(/ \d+\.\d+\.\d+/, '');
      points.push({ x: sp.perSecond, y: row.macroF1, s, name: short, polso: row.system === 'polso' });
    }
  }
  const W = 820;
  const H = 520;
  const m = { l: 70, r: 30, t: 50, b: 60 };
  const xs = points.map((p) => p.x);
  const lo = Math.floor(Math.log10(Math.min(...xs, 1e3)));
  const hi = Math.ceil(Math.log10(Math.max(...xs, 1e4)));
  const ys = points.map((p) => p.y);
  const yLo = Math.max(0, Math.floor((Math.min(...ys, 0.4) - 0.05) * 10) / 10);
  const yHi = Math.min(1, Math.ceil((Math.max(...ys, 0.7) + 0.05) * 10) / 10);
  const X = (v) => m.l + ((Math.log10(v) - lo) / (hi - lo)) * (W - m.l - m.r);
  const Y = (v) => H - m.b - ((v - yLo) / (yHi - yLo)) * (H - m.t - m.b);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title>Speed versus accuracy of polso and peer sentiment libraries</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">Speed vs accuracy (${esc(speedJson.date.slice(0, 10))})</text>`);
  for (let e = lo; e <= hi; e++) {
    const x = X(10 ** e);
    out.push(`<line x1="${x}" y1="${m.t}" x2="${x}" y2="${H - m.b}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${H - m.b + 18}" text-anchor="middle">${(10 ** e).toLocaleString('en-US')}</text>`);
  }
  for (let v = yLo; v <= yHi + 1e-9; v += 0.1) {
    const y = Y(v);
    out.push(`<line x1="${m.l}" y1="${y}" x2="${W - m.r}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 8}" y="${y + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  out.push(`<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 18}" text-anchor="middle">comments per second (log scale; mixed it/en corpus, median of runs)</text>`);
  out.push(`<text transform="translate(18 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">macro-F1</text>`);
  // Labels are placed greedily: the first of several positions around the point whose box
  // (width estimated from the character count) overlaps no label or point already drawn.
  const placed = points.map((p) => ({ x0: X(p.x) - 6, y0: Y(p.y) - 6, x1: X(p.x) + 6, y1: Y(p.y) + 6 }));
  const overlaps = (b) => placed.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  points.sort((a, b) => (b.polso - a.polso) || a.x - b.x);
  for (const p of points) {
    const x = X(p.x);
    const y = Y(p.y);
    const r = p.polso ? 7 : 5;
    out.push(p.s.shape === 'circle'
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${p.s.color}"${p.polso ? ' stroke="#000" stroke-width="2"' : ''}/>`
      : `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" fill="${p.s.color}"${p.polso ? ' stroke="#000" stroke-width="2"' : ''}/>`);
    const w = p.name.length * 6.6;
    const h = 13;
    const candidates = [];
    for (const d of [0, 12, 24, 36]) {
      candidates.push([x + 9, y - 4 - d], [x + 9, y + 14 + d], [x - 9 - w, y - 4 - d], [x - 9 - w, y + 14 + d]);
    }
    const fits = ([lx, ly]) => lx >= m.l + 2 && lx + w <= W - m.r - 2 && ly - h >= m.t && ly <= H - m.b - 2;
    const box = ([lx, ly]) => ({ x0: lx, y0: ly - h + 2, x1: lx + w, y1: ly + 3 });
    const spot = candidates.find((c) => fits(c) && !overlaps(box(c))) ?? candidates.find(fits) ?? candidates[0];
    placed.push(box(spot));
    out.push(`<text x="${spot[0].toFixed(1)}" y="${spot[1].toFixed(1)}" fill="${p.s.color}"${p.polso ? ' font-weight="700"' : ''}>${esc(p.name)}</text>`);
  }
  series.forEach((s, i) => {
    const x = m.l + 12;
    const y = m.t + 16 + i * 18;
    out.push(s.shape === 'circle' ? `<circle cx="${x}" cy="${y - 4}" r="5" fill="${s.color}"/>` : `<rect x="${x - 5}" y="${y - 9}" width="10" height="10" fill="${s.color}"/>`);
    out.push(`<text x="${x + 10}" y="${y}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2), { limit: 'value', runs: 'value', 'per-set': 'value', 'scale-sizes': 'value' });
  const tmp = mkdtempSync(join(os.tmpdir(), 'polso-report-'));
  const loadBefore = os.loadavg();
  try {
    const evalArgs = opts.limit ? ['--limit', opts.limit] : [];
    const speedArgs = [...(opts.runs ? ['--runs', opts.runs] : []), ...(opts['per-set'] ? ['--per-set', opts['per-set']] : [])];
    const acc = run('eval.mjs', evalArgs, join(tmp, 'eval.json'));
    const civ = run('eval.mjs', ['--civility', ...evalArgs], join(tmp, 'civility.json'));
    const spd = run('speed.mjs', speedArgs, join(tmp, 'speed.json'));
    const size = run('size.mjs', [], join(tmp, 'size.json'));
    const scaleArgs = opts['scale-sizes'] ? ['--sizes', opts['scale-sizes']] : [];
    const scale = run('scale.mjs', scaleArgs, join(tmp, 'scale.json'));

    writeFileSync(join(BENCH_DIR, 'speed-vs-accuracy.svg'), chart(acc.json, spd.json));

    const date = new Date().toISOString();
    const cmd = ['node bench/report.mjs', ...process.argv.slice(2)].join(' ');
    const md = `# polso benchmarks

Generated by \`bench/report.mjs\` on ${date}. Every figure below was measured in this one run,
polso side by side with the libraries a user would otherwise pick; nothing is copied from
elsewhere. What each metric means, how each library is called and the caveats are in
[bench/README.md](bench/README.md).

- polso native: \`${polsoCommand().join(' ')}\`; polso wasm: ${wasmPkgDir() ? `\`${wasmPkgDir()}\`` : 'not measured (POLSO_WASM_PKG unset)'}
- Evaluation data: development sets read at run time from \`${acc.json.meta.evalDir}\` (not in this repository)

## Reproduce

\`\`\`sh
scripts/bench.sh --report${process.argv.length > 2 ? ' ' + process.argv.slice(2).join(' ') : ''}   # installs peers, builds polso, then: ${cmd}
# or piece by piece:
scripts/eval.sh                 # accuracy tables
scripts/eval.sh --civility      # ROC AUC on the civility set
scripts/bench.sh                # speed, download size, then thread analytics at scale
\`\`\`

## Machine

${machine(loadBefore, os.loadavg())}

## Accuracy

${section(acc.text)}

## Civility

${section(civ.text)}

## Speed

${section(spd.text)}

## Download size

${section(size.text)}

## Thread analytics at scale

${section(scale.text)}

## Speed versus accuracy

![comments per second against macro-F1 on SENTIPOLC and VADER tweets](bench/speed-vs-accuracy.svg)
`;
    writeFileSync(join(REPO_ROOT, 'BENCHMARKS.md'), md);
    process.stderr.write('report: wrote BENCHMARKS.md and bench/speed-vs-accuracy.svg\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`report: ${err.message}`);
    process.exit(2);
  });
}
