// polso's wasm build timed inside headless Chromium: a local HTTP server serves the npm package,
// the corpus and a page that imports the package's browser entry (the one bundlers and <script
// type="module"> use), times score() per comment and scoreBatch() over the corpus, and posts the
// timings back. Nothing leaves the machine: the server listens on 127.0.0.1 only.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { resolveEntry, wasmPkgDir } from './wasm.mjs';

/** The Chromium executable: CHROMIUM, else the usual install paths; null when none is found. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(p)) return p;
  }
  return null;
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

// The page: the same protocol as the Node worker in speed.mjs (warm-up, then `runs` timed passes),
// for both call styles. A library too slow for the budget is not a concern here: polso's own
// speed is what is measured, and the corpus is the same as for the other rows.
const PAGE = (entry, runs) => `<!doctype html><meta charset="utf-8"><title>polso speed</title>
<script type="module">
const post = (body) => fetch('/result', { method: 'POST', body: JSON.stringify(body) });
try {
  const t0 = performance.now();
  const polso = await import(${JSON.stringify(entry)});
  await polso.default();
  const loadMs = performance.now() - t0;
  const corpus = await (await fetch('/corpus.json')).json();
  const texts = corpus.map((it) => it.text);
  const timePasses = (pass) => {
    pass(texts.slice(0, 1000));
    const runs = [];
    for (let r = 0; r < ${runs}; r++) {
      const s = performance.now();
      pass(texts);
      runs.push((performance.now() - s) / 1000);
    }
    return runs;
  };
  let sink = 0;
  const single = timePasses((xs) => { for (const t of xs) sink += polso.score(t).compound; });
  const batch = timePasses((xs) => { sink += polso.scoreBatch(xs).length; });
  await post({ single, batch, loadMs, sink, userAgent: navigator.userAgent });
} catch (err) {
  await post({ error: String(err && err.stack || err) });
}
</script>`;

/**
 * Times polso's wasm package in headless Chromium on `corpus` ({text}[]); resolves to
 * `{ single: {runs}, batch: {runs}, loadMs, browser }`. Rejects when Chromium fails or takes longer
 * than `timeoutSeconds`.
 */
export async function timePolsoChromium(corpus, runs, timeoutSeconds = 600) {
  const dir = wasmPkgDir();
  const browser = chromiumPath();
  if (!dir || !browser) throw new Error('needs POLSO_WASM_PKG and Chromium');
  const { path: entryPath } = resolveEntry(dir, ['browser', 'import', 'module', 'default']);
  const entry = '/pkg/' + relative(dir, entryPath).split(sep).join('/');
  const corpusJson = JSON.stringify(corpus.map((it) => ({ text: it.text })));

  let settle;
  const result = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/result') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        res.end('ok');
        try {
          const data = JSON.parse(body);
          if (data.error) settle.reject(new Error(`in Chromium: ${data.error}`));
          else settle.resolve(data);
        } catch (err) {
          settle.reject(err);
        }
      });
      return;
    }
    let body = null;
    let type = 'text/plain';
    if (url.pathname === '/') {
      body = PAGE(entry, runs);
      type = TYPES['.html'];
    } else if (url.pathname === '/corpus.json') {
      body = corpusJson;
      type = TYPES['.json'];
    } else if (url.pathname.startsWith('/pkg/')) {
      const file = normalize(join(dir, decodeURIComponent(url.pathname.slice('/pkg/'.length))));
      if (file.startsWith(dir + sep) && existsSync(file)) {
        body = readFileSync(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
    }
    if (body === null) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', type);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const profile = mkdtempSync(join(tmpdir(), 'polso-chromium-'));
  const child = spawn(browser, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-extensions', '--no-first-run',
    '--disable-background-networking', `--user-data-dir=${profile}`, `http://127.0.0.1:${port}/`,
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true }); // its own process group: see finally
  let stderr = '';
  child.stderr.on('data', (c) => { stderr = (stderr + c).slice(-4000); });
  child.on('exit', (code) => settle.reject(new Error(`Chromium exited (${code}) before reporting: ${stderr.slice(-1000)}`)));
  const timer = setTimeout(() => settle.reject(new Error(`no result from Chromium within ${timeoutSeconds} s`)), timeoutSeconds * 1000);
  try {
    const data = await result;
    const version = (/(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(data.userAgent) ?? [])[1];
    return { single: { runs: data.single }, batch: { runs: data.batch }, loadMs: data.loadMs, browser: version ? `Chromium ${version}` : 'Chromium' };
  } finally {
    clearTimeout(timer);
    child.removeAllListeners('exit');
    // Chromium starts helper processes (zygote, renderer, GPU); they share the group it leads.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
