// A tiny static file server for the built app (dist/), bound to 127.0.0.1 only. With a
// prefix (e.g. "/aliansi/") it serves the app under that sub-path only, as GitHub Pages does
// for a project site, and answers 404 elsewhere.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves to { server, origin, base }.
 * `opts.prefix` (default "/"): the sub-path the files are served under; `base` is
 * origin + prefix, the app's address. `opts.headers`: headers added to (or replacing) those of
 * every file served, e.g. { "cache-control": "max-age=600" } as GitHub Pages sends.
 * `opts.log`: an array that receives the path of every request. */
export async function serveStatic(root, port = 0, opts = {}) {
  const base = resolve(root);
  let prefix = opts.prefix ?? "/";
  if (!prefix.startsWith("/")) prefix = `/${prefix}`;
  if (!prefix.endsWith("/")) prefix = `${prefix}/`;
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
      opts.log?.push(full);
      if (`${full}/` === prefix) {
        // The sub-path without its slash: redirect, as static hosts do.
        res.writeHead(301, { location: prefix }).end();
        return;
      }
      if (!full.startsWith(prefix)) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      const path = `/${full.slice(prefix.length)}`;
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...opts.headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, base: origin + prefix };
}

// `node static-server.mjs DIR [PORT [PREFIX]]` serves until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { base } = await serveStatic(process.argv[2] ?? "dist", Number(process.argv[3] ?? 8081), { prefix: process.argv[4] });
  console.log(`serving ${process.argv[2] ?? "dist"} at ${base}`);
}
