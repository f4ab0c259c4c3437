// Minifies the JavaScript of a release build in place, with terser (installed into .tools/ by
// scripts/setup.sh): the app's wasm-bindgen module (Trunk leaves it as written, about 55 KB),
// boot.js, worker.js and sw.js. Then shortens the names of the functions the wasm imports from
// that module (wasm-bindgen names each for its JavaScript function plus a hash,
// `__wbg_removeChild_d2dc6fc1d6db896b`): 195 names, written in both files, become one or two
// letters. About 9 KB less for a first visit, gzipped. Last, writes the wasm compressed by xz
// (LZMA2) beside it, as `…_bg.wasm.xz`: about 19 % smaller than gzip's best (337 KB against
// 414 KB with zopfli on 2026-11-29, before the functions were sorted by name), so about 75 KB
// less for a first visit, whatever the host compresses. Browsers have no xz decoder of their
// own: the page gets one, xz-decompress (xz-embedded compiled to wasm, from .tools/), as the ES
// module `unxz-<hash>.js` beside it (1.6 KB gzipped) and its wasm `unxz-<hash>.wasm` (5.3 KB;
// the package carries it inside the script as base64, 7.5 KB gzipped, taken out here). assets/boot.js fetches the .xz and that module where the browser
// has streams to pipe it through (TransformStream), and the plain wasm elsewhere, or when the
// .xz fails to decode; the service worker keeps whichever this browser uses.
//
// In index.html, the Subresource Integrity hash that Trunk wrote for the module's
// modulepreload link is written again, and the wasm's preload link is pointed at the .xz file
// with its hash; the boot script's tag gets the sizes of both wasm files (data-wasm-bytes,
// data-wasm-xz-bytes), a short hash of the .xz (data-wasm-xz-hash: it names the decoded copy
// that boot.js keeps in the offline cache), the decoder's name and hash (data-unxz,
// data-unxz-integrity), its wasm's (data-unxz-wasm, data-unxz-wasm-integrity) and
// `data-minified`. The .xz file and the decoder's two files are added to sw.js's
// list of files. scripts/offline-cache.sh, the Trunk post_build hook, runs this script last in
// release builds.
//
//   node scripts/minify-js.mjs DIST_DIR
//
// Deterministic: the same build gives the same bytes (xz runs single-threaded). Fails (exit 1,
// nothing half-written) when terser, xz-decompress, wasm-opt or the xz command is missing, a file
// does not parse, or the .xz does not decode to the wasm (by the xz command, and by the page's
// decoder as it is written here).
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readLeb, sections } from "./wasm-binary.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(process.argv[2] ?? "");
if (!process.argv[2]) {
  console.error("usage: node scripts/minify-js.mjs DIST_DIR");
  process.exit(2);
}
let minify, decoderPath;
try {
  const tools = createRequire(join(repo, ".tools", "package.json"));
  ({ minify } = tools("terser"));
  decoderPath = join(dirname(tools.resolve("xz-decompress/package.json")), "dist", "package", "xz-decompress.min.js");
} catch {
  console.error("minify-js.mjs: terser or xz-decompress is missing in .tools/: run 'source scripts/setup.sh' first");
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
const splitMode = process.env.ALIANSI_SPLIT ?? "on";
if (!["on", "off", "instrument"].includes(splitMode)) {
  console.error(`minify-js.mjs: ALIANSI_SPLIT is on, off or instrument, not ${splitMode}`);
  process.exit(1);
}
/** The first 16 hex digits of the sha256 of `bytes`, for names that change with the content. */
const shortHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
/** `data` written to `path` whole: a temporary file, then renamed. */
async function writeWhole(path, data) {
  await writeFile(path + ".tmp", data);
  await rename(path + ".tmp", path);
}
/** Where the glue module names the second wasm, until its name is known. */
const COLD_PLACE = "__ALIANSI_COLD__";

/** The glue module with the loader of the second wasm (crates/split): the primary wasm imports
 * `__split.load`, which its stubs of the moved functions call until the second part is in. */
function withSplitLoader(glue) {
  const key = /\n(\s*)"\.\/[^"]+_bg\.js": import0,\n/g;
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) {
    console.error(`minify-js.mjs: the glue module's imports object is not as wasm-bindgen 0.2.130 writes it (${found} places)`);
    process.exit(1);
  }
  return (
    glue.replace(key, (m, indent) => `${m}${indent}__split: { __proto__: null, load: __split_load },\n`) +
    `
// The second part of the app's wasm (crates/split, scripts/minify-js.mjs): boot.js fetches and
// compiles it once the app runs and hands it over (__split_ready); should the app call one of
// its functions sooner, or in a web worker, it is downloaded here, synchronously.
// The page's boot (assets/boot.js) hands over what it has on the way: the xz decoder's instance
// (__split_unxz: the synchronous download then takes the .xz, a third of the plain file), and
// the second part's bytes once decoded (__split_bytes: then nothing is downloaded again).
let __split_module, __split_xz, __split_got;
function __split_get(file) {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", new URL(file, import.meta.url).href, false);
    const page = typeof document === "object";
    if (page) xhr.overrideMimeType("text/plain; charset=x-user-defined");
    else xhr.responseType = "arraybuffer";
    xhr.send();
    if (xhr.status !== 200) throw new Error("Aliansi: the app's second part did not load (" + xhr.status + ")");
    return page ? Uint8Array.from(xhr.responseText, (c) => c.charCodeAt(0) & 255) : new Uint8Array(xhr.response);
}
// xz-decompress's wasm (xz-embedded) driven synchronously, as its XzContext drives it: the
// context's words are the buffer size, the input's place, position and size, the output's
// place and position.
function __split_unxz_now(ex, packed) {
    const ptr = ex.create_context();
    let m8, m32;
    const fresh = () => {
        m8 = new Uint8Array(ex.memory.buffer, ptr);
        m32 = new Uint32Array(ex.memory.buffer, ptr);
    };
    fresh();
    const size = m32[0], input = m32[1] - ptr, output = m32[4] - ptr;
    const parts = [];
    let at = 0, total = 0;
    try {
        for (;;) {
            // All of it given: the decoder is asked on with no more input (as XzReadableStream
            // does) until it has ended the stream, or has nothing left to give.
            if (m32[2] === m32[3]) {
                const n = Math.min(size, packed.length - at);
                m8.set(packed.subarray(at, at + n), input);
                at += n;
                ex.supply_input(ptr, n);
                fresh();
            }
            const result = ex.get_next_output(ptr);
            fresh();
            if (result !== 0 && result !== 1) throw new Error("xz error " + result);
            const got = m32[5];
            parts.push(m8.slice(output, output + got));
            total += got;
            m32[5] = 0;
            if (result === 1) break;
            if (at >= packed.length && got === 0) throw new Error("the .xz ended early");
        }
    } finally {
        ex.destroy_context(ptr);
    }
    const whole = new Uint8Array(total);
    let k = 0;
    for (const p of parts) {
        whole.set(p, k);
        k += p.length;
    }
    return whole;
}
function __split_load() {
    if (wasm.__split_loaded.value) return;
    let module = __split_module;
    if (!module) {
        let bytes = __split_got;
        if (!bytes && __split_xz) {
            try {
                bytes = __split_unxz_now(__split_xz.exports, __split_get("${COLD_PLACE}.xz"));
            } catch (e) {
                console.warn("Aliansi: the app's compressed second part did not load (" + (e && e.message) + "); loading the plain one");
            }
        }
        module = new WebAssembly.Module(bytes || __split_get("${COLD_PLACE}"));
    }
    const imports = __wbg_get_imports();
    imports.__primary = wasm;
    new WebAssembly.Instance(module, imports);
    wasm.__split_loaded.value = 1;
    // What was handed over for this is not needed any more (the bytes: 446 KB).
    __split_got = __split_xz = undefined;
    // The page's panels that wait for it (src/components/deferred.rs): told once the app's code
    // that called for the part (if it did) has returned, never from inside it.
    if (typeof document === "object") setTimeout(() => dispatchEvent(new Event("aliansi-second-part")), 0);
}
export function __split_unxz(instance) {
    __split_xz = instance;
}
export function __split_bytes(bytes) {
    __split_got = bytes;
}
export function __split_ready(module) {
    __split_module = module;
    if (wasm !== undefined) __split_load();
}
export function __split_done() {
    return wasm !== undefined && wasm.__split_loaded.value === 1;
}
`
  );
}

/** \`wasm\` without its custom section "name" (the function names the build kept for the split). */
function withoutNames(wasm) {
  const parts = [wasm.subarray(0, 8)];
  for (const { id, start, body, end } of sections(wasm)) {
    if (id === 0) {
      const [len, at] = readLeb(wasm, body);
      if (wasm.toString("utf8", at, at + len) === "name") continue;
    }
    parts.push(wasm.subarray(start, end));
  }
  return Buffer.concat(parts);
}

// ES modules (the app's module, boot.js, the module worker) and the service worker, a classic
// script. A folder done before (the boot script's tag says data-minified) has only its service
// worker minified, which scripts/offline-cache.sh writes anew each time: running the hook again
// on its own output (tests/e2e/offline.test.mjs does, for a "new build") changes no other file,
// so a file keeps one content under its hashed name.
const done = /data-minified/.test(index);
const files = done
  ? [["sw.js", false]]
  : [
      [moduleName, true],
      ["boot.js", true],
      ["worker.js", true],
      ["sw.js", false],
    ];

const out = [];
for (const [name, isModule] of files) {
  const path = join(dir, name);
  let code = await readFile(path, "utf8");
  if (name === moduleName && splitMode === "on") code = withSplitLoader(code);
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

/** The service worker's code with the .xz's integrity hash written in (its CHECKED, which it
 * checks before it keeps the file). */
function checkedIn(code, xzName, xz) {
  const place = '{"__ALIANSI_CHECKED__":""}';
  if (!code.includes(place)) {
    console.error(`minify-js.mjs: sw.js has no place for the integrity hashes (${place})`);
    process.exit(1);
  }
  const integrity = "sha384-" + createHash("sha384").update(xz).digest("base64");
  return code.replace(place, JSON.stringify({ [xzName]: integrity }));
}

if (done) {
  const sw = out[0];
  const xzName = index.match(/data-wasm="?\.\/([^"\s>]+\.wasm)/)?.[1] + ".xz";
  sw.code = checkedIn(sw.code, xzName, await readFile(join(dir, xzName)));
  await writeWhole(sw.path, sw.code);
  console.log(`minify-js.mjs: minified before; sw.js ${(sw.before / 1000).toFixed(1)} -> ${(sw.code.length / 1000).toFixed(1)} KB`);
  process.exit(0);
}

// --- short import names -------------------------------------------------------------------
const wasmName = index.match(/data-wasm="?\.\/([^"\s>]+\.wasm)/)?.[1];
if (!wasmName) {
  console.error("minify-js.mjs: index.html does not name the app's wasm (data-wasm)");
  process.exit(1);
}
const wasmPath = join(dir, wasmName);
const module = out[0];
const shortened = shortenImports(await readFile(wasmPath), module.code);
module.code = shortened.glue;

// --- the wasm in two parts (crates/split) ------------------------------------------------------
// The build keeps the wasm's function names until here (wasm-opt -g, index.html). With
// ALIANSI_SPLIT=on (the default), the functions that crates/split/cold.txt names move into a
// second wasm, `aliansi-cold-<hash>.wasm`, which boot.js fetches once the app runs (the glue
// module loads it itself, synchronously, should the app need it sooner); `off` keeps one wasm;
// `instrument` builds the profile build of scripts/split-profile.mjs (one wasm, each function
// marking that it ran; their names in split-names.txt). Every output is without the names.
let coldName = null;
let cold = null;
if (splitMode === "on") {
  const s = runSplitter(["split", "@in", join(repo, "crates", "split", "cold.txt"), "@primary", "@secondary"], shortened.wasm);
  shortened.wasm = s.primary;
  cold = s.secondary;
  coldName = `aliansi-cold-${shortHash(cold)}.wasm`;
  if (!module.code.includes(COLD_PLACE)) {
    console.error(`minify-js.mjs: the glue module does not name the second wasm's place (${COLD_PLACE})`);
    process.exit(1);
  }
  module.code = module.code.replaceAll(COLD_PLACE, "./" + coldName);
} else if (splitMode === "instrument") {
  const s = runSplitter(["instrument", "@in", "@primary", "@names"], shortened.wasm);
  shortened.wasm = s.primary;
  await writeFile(join(dir, "split-names.txt"), s.names);
} else {
  shortened.wasm = withoutNames(shortened.wasm);
}

/** Runs the splitter (built by scripts/build.sh) on `wasm`; @in, @primary, @secondary and
 * @names in `args` stand for temporary files. */
function runSplitter(args, wasm) {
  const tmp = mkdtempSync(join(tmpdir(), "aliansi-split-"));
  const file = (n) => join(tmp, n);
  writeFileSync(file("in"), wasm);
  const bin = process.env.ALIANSI_SPLITTER || join(process.env.CARGO_TARGET_DIR || join(repo, "target"), "release", "aliansi-split");
  try {
    const said = execFileSync(bin, args.map((a) => (a.startsWith("@") ? file(a.slice(1)) : a)), { stdio: ["ignore", "pipe", "pipe"] });
    process.stderr.write(said);
  } catch (e) {
    console.error(`minify-js.mjs: the wasm splitter (${bin}; scripts/build.sh builds it) failed: ${e.stderr?.toString() || e.message}`);
    process.exit(1);
  }
  const read = (n) => (existsSync(file(n)) ? readFileSync(file(n)) : null);
  const result = { primary: read("primary"), secondary: read("secondary"), names: read("names") };
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

/** The k-th short name: a-z and A-Z, then two characters (52 + 52 * 62 names). */
function shortName(k) {
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = first + "0123456789";
  if (k < first.length) return first[k];
  const j = k - first.length;
  if (j >= first.length * rest.length) throw new Error("minify-js.mjs: more imports than short names");
  return first[Math.floor(j / rest.length)] + rest[j % rest.length];
}

/** The wasm with the names of its imports from the glue module shortened, and the glue with the
 * same names in its imports object. Every import name must be a key of that object exactly once
 * in the glue, or nothing is changed and the build fails. */
function shortenImports(wasm, glue) {
  let i = 0;
  const leb = () => {
    const [value, next] = readLeb(wasm, i);
    i = next;
    return value;
  };
  const encLeb = (n) => {
    const bytes = [];
    do {
      let x = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) x |= 0x80;
      bytes.push(x);
    } while (n > 0);
    return Buffer.from(bytes);
  };
  const name = (str) => {
    const b = Buffer.from(str, "utf8");
    return Buffer.concat([encLeb(b.length), b]);
  };
  const parts = [wasm.subarray(0, 8)];
  let renamed = 0;
  let k = 0;
  for (const { id, start, body, end } of sections(wasm)) {
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      continue;
    }
    i = body;
    const count = leb();
    const entries = [encLeb(count)];
    for (let e = 0; e < count; e++) {
      let len = leb();
      const mod = wasm.toString("utf8", i, i + len);
      i += len;
      len = leb();
      const field = wasm.toString("utf8", i, i + len);
      i += len;
      const descStart = i;
      const kind = wasm[i++];
      if (kind === 0) leb();
      else if (kind === 1 || kind === 2) {
        if (kind === 1) i++;
        const flags = wasm[i++];
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) i += 2;
      else throw new Error(`minify-js.mjs: import ${field} of a kind (${kind}) this script does not know`);
      const desc = wasm.subarray(descStart, i);
      let newField = field;
      if (kind === 0 && /^__wbg/.test(field)) {
        const key = new RegExp(`([{,])${field}:`, "g");
        const found = glue.match(key)?.length ?? 0;
        if (found !== 1 || glue.split(field).length !== 2) {
          throw new Error(`minify-js.mjs: the import ${field} is ${found} times a key of the module's imports (expected once)`);
        }
        newField = shortName(k++);
        glue = glue.replace(key, `$1${newField}:`);
        renamed++;
      }
      entries.push(name(mod), name(newField), desc);
    }
    if (i !== end) throw new Error("minify-js.mjs: the import section did not parse to its end");
    const rewritten = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encLeb(rewritten.length), rewritten);
  }
  return { wasm: Buffer.concat(parts), glue, renamed };
}

// --- the page: integrity hashes and the wasm's size ---------------------------------------
const sha384 = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The <link> tag to `file` in the page (not to a longer name that starts with it), if any. */
const linkTo = (file) => index.match(new RegExp(`<link[^>]*href="?\\./${escape(file)}(?=["\\s>])[^>]*>`))?.[0];
/** The integrity attribute of the <link> to `file`, if Trunk wrote one, set to that of `bytes`. */
function setIntegrity(file, bytes) {
  const tag = linkTo(file);
  if (tag && /integrity=/.test(tag)) {
    index = index.replace(tag, tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${sha384(bytes)}"`));
  }
}
setIntegrity(module.name, module.code);

// --- the wasm compressed by xz, and the page's decoder ----------------------------------------
// LZMA2 at its strongest (-9e, longest matches), one thread (deterministic), CRC32 (what
// xz-embedded checks), the dictionary no larger than the wasm (so the decoder never sets aside
// more memory than the file needs), four literal context bits (lc=4: 0.26 KB less than 3 on
// 2026-11-30; lc + lp may not pass 4 in LZMA2, which xz-embedded keeps to). Checked to decode
// to the wasm exactly.
const xzName = wasmName + ".xz";
/** `wasm` compressed by xz as above, checked to decode to it. */
function xzOf(wasm) {
  const args = ["-T1", "--check=crc32", `--lzma2=preset=9e,dict=${Math.max(wasm.length, 4096)},lc=4,lp=0,pb=0,nice=273`, "-c"];
  const packed = execFileSync("xz", args, { input: wasm, maxBuffer: 1 << 30 });
  if (!execFileSync("xz", ["-dc"], { input: packed, maxBuffer: 1 << 30 }).equals(wasm)) {
    throw new Error("the .xz does not decode to the wasm");
  }
  return packed;
}
let xz;
// The second part of the wasm, if any, is compressed alike (`aliansi-cold-<hash>.wasm.xz`):
// boot.js fetches it through the same decoder.
let coldXz = null;
try {
  xz = xzOf(shortened.wasm);
  if (cold) coldXz = xzOf(cold);
} catch (e) {
  console.error(`minify-js.mjs: compressing the wasm with xz failed (is xz installed? scripts/setup.sh installs it): ${e.message}`);
  process.exit(1);
}
// xz-decompress is a UMD bundle; as an ES module it is given the CommonJS names it looks for
// (it takes ReadableStream from the page, never from `require`).
const decoderText =
  "const module={exports:{}},exports=module.exports,require=()=>({});\n" +
  (await readFile(decoderPath, "utf8")).trim() +
  "\nexport const XzReadableStream=module.exports.XzReadableStream;\n";
if (!decoderText.includes("XzReadableStream")) {
  console.error(`minify-js.mjs: ${decoderPath} does not look like xz-decompress`);
  process.exit(1);
}
// xz-decompress carries its own wasm (xz-embedded) inside the script, as base64: 7.5 KB of the
// script's 9.4 KB gzipped, where the same bytes as a wasm file take 5.3 KB. So the wasm is taken
// out into `unxz-<hash>.wasm` beside the script (optimised by wasm-opt -O3: as small, and it
// decodes faster), and the script keeps an empty string in its place. boot.js fetches that file
// (checked against data-unxz-wasm-integrity) and gives the decoder its instance before it
// decodes (the decoder's class field `_moduleInstance`, which it would otherwise fill from the
// base64). Checked below: the decoder, so changed, decodes the .xz to the wasm.
const embedded = [...decoderText.matchAll(/"data:application\/wasm;base64,([A-Za-z0-9+/=]+)"/g)];
if (embedded.length !== 1 || !decoderText.includes("_moduleInstance")) {
  console.error(`minify-js.mjs: ${decoderPath} does not carry one base64 wasm and _moduleInstance as xz-decompress 0.2.3 does`);
  process.exit(1);
}
const decoder = Buffer.from(decoderText.replace(embedded[0][0], '""'));
let decoderWasm;
try {
  decoderWasm = execFileSync("wasm-opt", ["-O3", "-o", "-", "-"], {
    input: Buffer.from(embedded[0][1], "base64"),
    maxBuffer: 1 << 26,
  });
  const { XzReadableStream } = await import("data:text/javascript;base64," + decoder.toString("base64"));
  XzReadableStream._moduleInstance = (await WebAssembly.instantiate(decoderWasm, {})).instance;
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < xz.length; i += 65_536) c.enqueue(xz.subarray(i, i + 65_536));
      c.close();
    },
  });
  const copy = new TransformStream({ transform: (chunk, out) => out.enqueue(chunk.slice()) });
  const decoded = Buffer.from(await new Response(new XzReadableStream(chunks).pipeThrough(copy)).arrayBuffer());
  if (!decoded.equals(shortened.wasm)) throw new Error("the decoder with its wasm apart does not decode the .xz to the wasm");
} catch (e) {
  console.error(`minify-js.mjs: taking the decoder's wasm apart failed (wasm-opt comes with scripts/setup.sh): ${e.message}`);
  process.exit(1);
}
const decoderName = `unxz-${shortHash(decoder)}.js`;
const decoderWasmName = `unxz-${shortHash(decoderWasm)}.wasm`;
// Trunk's preload link for the wasm now fetches the .xz file, which boot.js asks for. The
// decoder has no link in the page (it would take bandwidth from the first paint on a slow
// network): boot.js imports it, checked against the hash in data-unxz-integrity.
const preload = linkTo(wasmName);
if (!preload || !/rel="?preload/.test(preload)) {
  console.error("minify-js.mjs: index.html has no preload link for the wasm");
  process.exit(1);
}
index = index.replace(
  preload,
  // No integrity attribute: Chromium ignores it on a preload `as=fetch` and warns in the
  // console on every load (crbug.com/981419).
  preload
    .replace(/href="?\.\/[^"\s>]+"?/, `href="./${xzName}"`)
    .replace(/\s+type="?application\/wasm"?/, "")
    .replace(/\s+integrity="?sha384-[A-Za-z0-9+/=]+"?/, ""),
);
index = index.replace(
  /data-wasm-bytes="?\d+"?/,
  `data-wasm-bytes="${shortened.wasm.length}" data-wasm-xz-bytes="${xz.length}" ` +
    `data-wasm-xz-hash="${shortHash(xz)}" data-unxz="./${decoderName}" ` +
    `data-unxz-integrity="${sha384(decoder)}" data-unxz-wasm="./${decoderWasmName}" ` +
    `data-unxz-wasm-integrity="${sha384(decoderWasm)}"${coldName ? ` data-cold="./${coldName}" data-cold-xz="./${coldName}.xz"` : ""} data-minified`,
);
// The service worker's list of files (offline-cache.sh wrote it before these files existed).
const sw = out.find((f) => f.name === "sw.js");
const listed = (name) => sw.code.split(JSON.stringify(name)).length - 1;
if (listed(wasmName) !== 1) {
  console.error(`minify-js.mjs: sw.js names ${wasmName} ${listed(wasmName)} times, not once`);
  process.exit(1);
}
if (listed(xzName) === 0) {
  sw.code = sw.code.replace(
    JSON.stringify(wasmName),
    [wasmName, xzName, decoderName, decoderWasmName, ...(coldName ? [coldName, coldName + ".xz"] : [])].map((f) => JSON.stringify(f)).join(","),
  );
}
sw.code = checkedIn(sw.code, xzName, xz);

// Every file is written whole (a temporary file, then renamed), the page last.
await writeWhole(wasmPath, shortened.wasm);
await writeWhole(wasmPath + ".xz", xz);
if (cold) {
  await writeWhole(join(dir, coldName), cold);
  await writeWhole(join(dir, coldName + ".xz"), coldXz);
}
await writeWhole(join(dir, decoderName), decoder);
await writeWhole(join(dir, decoderWasmName), decoderWasm);
for (const f of out) {
  await writeWhole(f.path, f.code);
}
await writeWhole(indexPath, index);
console.log(
  "minify-js.mjs: " + out.map((f) => `${f.name} ${(f.before / 1000).toFixed(1)} -> ${(f.code.length / 1000).toFixed(1)} KB`).join(", ") +
    `; ${shortened.renamed} import names shortened; ${xzName} ${(xz.length / 1000).toFixed(1)} KB;${cold ? ` ${coldName} ${(cold.length / 1000).toFixed(1)} KB (.xz ${(coldXz.length / 1000).toFixed(1)} KB);` : ""} ${decoderName} ${(decoder.length / 1000).toFixed(1)} KB; ${decoderWasmName} ${(decoderWasm.length / 1000).toFixed(1)} KB`,
);
