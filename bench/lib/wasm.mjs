// Loading polso's npm package (the wasm build) from a directory, as Node would after
// `npm install polso`: the package's `exports` map is resolved with Node's conditions.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './common.mjs';

export function wasmPkgDir() {
  const dir = process.env.POLSO_WASM_PKG;
  if (!dir) return null;
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

/** Resolves one `exports` entry for the given conditions (in priority order). */
function pick(entry, conditions) {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map((e) => pick(e, conditions)).find(Boolean);
  if (entry && typeof entry === 'object') {
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'types') continue;
      if (conditions.includes(key)) {
        const found = pick(value, conditions);
        if (found) return found;
      }
    }
  }
  return null;
}

export function resolveEntry(dir, conditions, subpath = '.') {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let rel = null;
  if (pkg.exports) {
    const root = typeof pkg.exports === 'string' || Array.isArray(pkg.exports) || !Object.keys(pkg.exports).some((k) => k.startsWith('.'))
      ? pkg.exports
      : pkg.exports[subpath];
    rel = pick(root, conditions);
  }
  rel ??= pkg.module ?? pkg.main ?? 'index.js';
  return { pkg, path: join(dir, rel) };
}

/** The .wasm file called `name` in the package (polso's core, `polso_bg.wasm`, by default), or,
 * failing that, the largest one. */
export function wasmFile(dir, name = 'polso_bg.wasm') {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.wasm')) found.push({ p, size: readFileSync(p).length });
    }
  };
  walk(dir);
  found.sort((a, b) => b.size - a.size);
  return (found.find((f) => basename(f.p) === name) ?? found[0])?.p ?? null;
}

/**
 * Imports the package under Node and makes sure it is initialised: the `node` entry initialises
 * itself; a `--target web` build exposes `initSync`/`default` (init) which get the wasm bytes.
 */
export async function loadPolsoWasm() {
  const dir = wasmPkgDir();
  if (!dir || !existsSync(join(dir, 'package.json'))) return null;
  const { pkg, path } = resolveEntry(dir, ['node', 'import', 'module', 'default']);
  const mod = await import(pathToFileURL(path).href);
  const api = mod.scoreBatch ? mod : mod.default ?? mod;
  const wasm = wasmFile(dir);
  try {
    api.score('ok');
  } catch {
    const bytes = wasm ? readFileSync(wasm) : undefined;
    if (typeof mod.initSync === 'function') mod.initSync({ module: bytes });
    else if (typeof mod.init === 'function') await mod.init(bytes);
    else if (typeof mod.default === 'function') await mod.default(bytes);
  }
  return { dir, version: pkg.version, entry: path, score: api.score, scoreBatch: api.scoreBatch };
}
