import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const PKG = path.join(ROOT, "www/pkg");

/** The packed tarball scripts/build-npm.sh made. */
export function tarball() {
  const dir = path.join(ROOT, "target/npm");
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^polso-.*\.tgz$/.test(f)) : [];
  if (!found.length) throw new Error("no target/npm/polso-*.tgz: run scripts/build-npm.sh first");
  return path.join(dir, found[0]);
}
