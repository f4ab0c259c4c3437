// Minifies the JavaScript of a release build in place, with terser (installed into .tools/ by
// scripts/setup.sh): the app's wasm-bindgen module (Trunk leaves it as written, about 55 KB),
// boot.js, worker.js and sw.js. About 4 KB less for a first visit, gzipped. Trunk's
// Subresource Integrity hash of the module (the integrity attribute of its modulepreload link in
// index.html) is computed again for the minified file. scripts/offline-cache.sh, the Trunk
// post_build hook, runs it last in release builds.
//
//   node scripts/minify-js.mjs DIST_DIR
//
// Deterministic: the same build gives the same bytes. Fails (exit 1, nothing half-written) when
// terser is missing or a file does not parse.
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(process.argv[2] ?? "");
if (!process.argv[2]) {
  console.error("usage: node scripts/minify-js.mjs DIST_DIR");
  process.exit(2);
}
let minify;
try {
  ({ minify } = createRequire(join(repo, ".tools", "package.json"))("terser"));
} catch {
  console.error("minify-js.mjs: terser is missing in .tools/: run 'source scripts/setup.sh' first");
  process.exit(1);
}

const indexPath = join(dir, "index.html");
let index = await readFile(indexPath, "utf8");
// The module's file as the boot script's tag names it (data-js=./aliansi-app-….js).
const moduleName = index.match(/data-js="?\.\/([^"\s>]+\.js)/)?.[1];
if (!moduleName) {
  console.error("minify-js.mjs: index.html does not name the app's module (data-js)");
  process.exit(1);
}
// ES modules (the app's module, boot.js, the module worker) and the service worker, a classic
// script.
const files = [
  [moduleName, true],
  ["boot.js", true],
  ["worker.js", true],
  ["sw.js", false],
];

const out = [];
for (const [name, isModule] of files) {
  const path = join(dir, name);
  const code = await readFile(path, "utf8");
  const result = await minify(code, {
    module: isModule,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof result.code !== "string") throw new Error(`terser gave no code for ${name}`);
  out.push({ name, path, before: code.length, code: result.code });
}

// The module's integrity hash, as Trunk writes it (sha384, base64).
const module = out[0];
const sri = "sha384-" + createHash("sha384").update(module.code).digest("base64");
const link = new RegExp(`(<link[^>]*href="?\\./${module.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?[^>]*>)`);
const tag = index.match(link)?.[1];
if (tag && /integrity=/.test(tag)) {
  index = index.replace(tag, tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${sri}"`));
}

// Every file is written whole (a temporary file, then renamed), the page last.
for (const f of out) {
  await writeFile(f.path + ".tmp", f.code);
  await rename(f.path + ".tmp", f.path);
}
await writeFile(indexPath + ".tmp", index);
await rename(indexPath + ".tmp", indexPath);
console.log(
  "minify-js.mjs: " + out.map((f) => `${f.name} ${(f.before / 1000).toFixed(1)} -> ${(f.code.length / 1000).toFixed(1)} KB`).join(", "),
);
