// A tiny static server for the demo (no dependencies): serves www/ on localhost, so the page at
// /demo/ loads the widget and wasm from /pkg/dist/ exactly as a forum would from its own origin.
//
//   node www/demo/serve.mjs [port]     (or PORT=8080)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** A static file server for `root` (default www/); `/` redirects to `index` when given. */
export function createServer({ root = WWW, index = "/demo/" } = {}) {
  root = path.resolve(root);
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (pathname === "/" && index !== "/") {
      res.writeHead(302, { Location: index }).end();
      return;
    }
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(body);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  const server = createServer();
  server.on("error", (e) => {
    console.error(`polso demo: cannot listen on ${host}:${port}: ${e.message} (set PORT to another port)`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`polso demo: http://localhost:${server.address().port}/demo/  (Ctrl+C to stop)`);
  });
}
