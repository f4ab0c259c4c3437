// Page weight and time to interactive of the built app, in headless Chromium (system browser,
// through playwright-core from tests/e2e/node_modules).
//
//   node scripts/pageweight.mjs [DIST_DIR] [--max-kb N] [--loads N] [--slow-network] [--json FILE]
//
// Serves DIST_DIR (default dist/) on 127.0.0.1, opens the page in a fresh browser context (no
// cache, no service worker yet) and records every file the server sends during that first
// load: the page's own requests, and those of its service worker if it registers one (its
// offline cache), until the page is interactive (#app-ready rendered with a data-status), the
// service worker, if any, is active and the network is idle. Each file is gzipped (zlib, level
// 9, as `gzip -9`) and the sizes are summed (a file fetched twice is counted once), in two
// totals: the files asked for before the page was interactive (the first load, which the
// budget holds), and those asked for after it (the second part of the app's wasm, fetched once
// the page runs, and the offline copy of the service worker). Files of DIST_DIR that the visit
// did not fetch are listed apart, with their gzipped sizes.
//
// Time to interactive: from navigation start (performance.timeOrigin) to the moment the
// #app-ready marker is in the document with a data-status attribute (a MutationObserver set up
// before any script of the page runs), median of --loads fresh loads (default 5). Also the time
// until the page is whole: the second part of the wasm in and the panels that wait for it drawn
// (the event "aliansi-second-part", src/components/deferred.rs), for a split build.
//
// --slow-network: also times first visits over emulated slow networks (Chromium's network
// throttling, SLOW_NETWORKS below), 3 fresh loads each, with the server compressing as most
// static hosts do (gzip, level 9): when the loading screen first paints (first contentful
// paint) and when the app is interactive. scripts/perf.sh uses it; the test run does not.
//
// Exits 1 when the first load's gzipped total (before the page is interactive) is above
// --max-kb (default 300; 1 KB = 1,000 bytes). scripts/test.sh runs it after the release build (scripts/build.sh); scripts/perf.sh reads --json.
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sections } from "./wasm-binary.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const e2e = join(repo, "tests", "e2e");
const { launchChromium } = await import(join(e2e, "harness.mjs"));

// --- arguments -------------------------------------------------------------------------------
const args = process.argv.slice(2);
let dist = join(repo, "dist");
let maxKb = 300;
let loads = 5;
let jsonOut = null;
let slowNetwork = false;
/** The networks of --slow-network: throughput in kbit/s, round trip in ms. */
const SLOW_NETWORKS = [
  { name: "slow 4G (Lighthouse's mobile profile)", down_kbps: 1600, up_kbps: 750, rtt_ms: 150 },
  { name: "a crowded classroom Wi-Fi", down_kbps: 400, up_kbps: 400, rtt_ms: 400 },
];
const SLOW_LOADS = 3;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--max-kb") maxKb = Number(args[++i]);
  else if (a === "--loads") loads = Number(args[++i]);
  else if (a === "--json") jsonOut = args[++i];
  else if (a === "--slow-network") slowNetwork = true;
  else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
  else dist = resolve(a);
}
if (!(maxKb > 0) || !(loads >= 1)) throw new Error("--max-kb and --loads take positive numbers");

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1000).toFixed(1);

async function filesUnder(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/** Records the first-load timestamp of `#app-ready[data-status]` in window.__appReadyMs. */
const READY_PROBE = () => {
  addEventListener("aliansi-second-part", () => (window.__secondPartMs = performance.now()), { once: true });
  const mark = () => {
    const el = document.getElementById("app-ready");
    if (el && el.hasAttribute("data-status") && window.__appReadyMs === undefined) {
      window.__appReadyMs = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => mark() && obs.disconnect()).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
};

// A static server of DIST_DIR that logs every file it serves (requests of the page and of its
// service worker alike, whatever the browser reports), to `served` while a load is measured.
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png", ".xz": "application/x-xz" };
let served = null;
/** Whether the server compresses (gzip) for clients that accept it (the --slow-network loads),
 * as static hosts do: all but what is compressed already (the app's wasm.xz). */
let compress = false;
const server = createServer(async (req, res) => {
  try {
    const asked = Date.now();
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = resolve(join(dist, path));
    if (file !== dist && !file.startsWith(dist + "/")) throw new Error("outside");
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    const ext = file.slice(file.lastIndexOf("."));
    const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" };
    if (compress && ext !== ".xz" && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      res.writeHead(200, { ...headers, "content-encoding": "gzip" });
      res.end(gzipSync(body, { level: 9 }));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
    if (served) {
      const rel = "/" + relative(dist, file).split("\\").join("/");
      const prev = served.get(rel);
      served.set(rel, { raw: body.length, gzip: gz(body), times: (prev?.times ?? 0) + 1, at: prev?.at ?? asked });
    }
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

/** One first load in a fresh context: the responses (url → gzipped and raw bytes) and times. */
async function firstLoad(serviceWorkers = "allow") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  await context.addInitScript(READY_PROBE);
  const fetched = new Map();
  served = fetched;
  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  await page.waitForFunction(() => window.__appReadyMs !== undefined, null, { timeout: 60_000 });
  const readyMs = await page.evaluate(() => window.__appReadyMs);
  const readyAt = await page.evaluate(() => performance.timeOrigin + window.__appReadyMs);
  // The service worker (if the page registers one) fetches its offline cache on install.
  // boot.js registers it only once the wasm is kept, which can come after the app is ready:
  // wait for it to be active, rather than asking at once whether there is one.
  const sw = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return "unsupported";
    const active = await Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
    if (active) return "active";
    return (await navigator.serviceWorker.getRegistration()) ? "not active after 20 s" : "none";
  });
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(500);
  const wholeMs = await page.evaluate(() => window.__secondPartMs ?? null);
  served = null;
  await context.close();
  return { fetched, readyMs, readyAt, wholeMs, sw };
}

/** A first visit over `net` (throttled, compressed): the first contentful paint (the loading
 * screen) and the time to interactive, in ms from navigation start. */
async function slowLoad(net) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(READY_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: net.rtt_ms,
    downloadThroughput: (net.down_kbps * 1000) / 8,
    uploadThroughput: (net.up_kbps * 1000) / 8,
  });
  await page.goto(origin + "/", { waitUntil: "commit" });
  await page.waitForFunction(() => window.__appReadyMs !== undefined, null, { timeout: 180_000 });
  const times = await page.evaluate(() => ({
    readyMs: window.__appReadyMs,
    paintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  }));
  await context.close();
  return times;
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

const runs = [];
for (let i = 0; i < loads; i++) runs.push(await firstLoad());
// The same load with service workers blocked: what the page itself needs to become interactive.
const pageOnly = await firstLoad("block");
const pageOnlyTotal = [...pageOnly.fetched.values()].reduce((s, e) => s + e.gzip, 0);
const slow = [];
if (slowNetwork) {
  compress = true;
  for (const net of SLOW_NETWORKS) {
    const loadsOver = [];
    for (let i = 0; i < SLOW_LOADS; i++) loadsOver.push(await slowLoad(net));
    const ready = loadsOver.map((l) => l.readyMs);
    const paint = loadsOver.map((l) => l.paintMs).filter((t) => t !== null);
    slow.push({ ...net, ready_ms: ready, ready_ms_median: median(ready), paint_ms: paint, paint_ms_median: paint.length ? median(paint) : null });
  }
  compress = false;
}
await browser.close();
server.close();

// The weight of the first load (the first one; every load of a fresh context is alike): the
// files asked for before the page was interactive, then those asked for after.
const { fetched, sw, readyAt } = runs[0];
const sorted = [...fetched.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
const rows = sorted.filter(([, e]) => e.at <= readyAt);
const later = sorted.filter(([, e]) => e.at > readyAt);
const total = rows.reduce((s, [, e]) => s + e.gzip, 0);
const totalRaw = rows.reduce((s, [, e]) => s + e.raw, 0);
const laterTotal = later.reduce((s, [, e]) => s + e.gzip, 0);

// Files of dist/ not fetched by the first load.
const notFetched = [];
for (const f of await filesUnder(dist)) {
  const path = "/" + relative(dist, f).split("\\").join("/");
  if (fetched.has(path)) continue;
  const body = await readFile(f);
  notFetched.push({ path, raw: (await stat(f)).size, gzip: gz(body) });
}
notFetched.sort((a, b) => b.gzip - a.gzip);

// Where a wasm file's weight is: its sections (code, data, the rest), each gzipped alone (so
// the parts add up to a little more than the file gzipped whole). A wasm fetched compressed by xz
// (…_bg.wasm.xz, see scripts/minify-js.mjs) is looked into once decoded (by the xz command).
function wasmSections(buf) {
  const parts = new Map();
  for (const { id, body, end } of sections(buf)) {
    const name = id === 10 ? "code" : id === 11 ? "data" : "other";
    const part = parts.get(name) ?? [];
    part.push(buf.subarray(body, end));
    parts.set(name, part);
  }
  return ["code", "data", "other"].filter((n) => parts.has(n)).map((n) => {
    const body = Buffer.concat(parts.get(n));
    return { section: n, raw: body.length, gzip: gz(body) };
  });
}
const wasmParts = [];
for (const [path] of fetched) {
  if (path.endsWith(".wasm")) wasmParts.push({ path, sections: wasmSections(await readFile(join(dist, path))) });
  if (path.endsWith(".wasm.xz")) {
    const wasm = execFileSync("xz", ["-dc"], { input: await readFile(join(dist, path)), maxBuffer: 1 << 30 });
    wasmParts.push({ path, sections: wasmSections(wasm) });
  }
}

const times = runs.map((r) => r.readyMs).sort((a, b) => a - b);
const readyMedian = median(times);
const whole = runs.map((r) => r.wholeMs).filter((t) => t !== null).sort((a, b) => a - b);

const version = browser.version();
console.log(`page weight of ${dist} (first load in headless Chromium ${version}; service worker: ${sw}):`);
for (const [path, e] of rows) {
  console.log(`  ${kb(e.gzip).padStart(7)} KB gzip  ${kb(e.raw).padStart(7)} KB raw  ${path}${e.times > 1 ? ` (fetched ${e.times} times, counted once)` : ""}`);
}
console.log(`  ${kb(total).padStart(7)} KB gzip  ${kb(totalRaw).padStart(7)} KB raw  TOTAL of the first load, until the page is interactive (limit ${maxKb} KB gzip)`);
if (later.length > 0) {
  console.log("then, once the page was interactive (the wasm's second part; the offline copy):");
  for (const [path, e] of later) {
    console.log(`  ${kb(e.gzip).padStart(7)} KB gzip  ${kb(e.raw).padStart(7)} KB raw  ${path}${e.times > 1 ? ` (fetched ${e.times} times, counted once)` : ""}`);
  }
  console.log(`  ${kb(laterTotal).padStart(7)} KB gzip, ${kb(total + laterTotal)} KB with the first load: the whole first visit`);
}
console.log(`  the page alone (service workers blocked) fetched ${kb(pageOnlyTotal)} KB gzip in all (${[...pageOnly.fetched.keys()].join(", ")})`);
if (notFetched.length > 0) {
  console.log("not fetched by the first load:");
  for (const e of notFetched) console.log(`  ${kb(e.gzip).padStart(7)} KB gzip  ${kb(e.raw).padStart(7)} KB raw  ${e.path}`);
}
for (const w of wasmParts) {
  console.log(`${w.path}, by section (each gzipped alone): ` + w.sections.map((x) => `${x.section} ${kb(x.gzip)} KB gzip (${kb(x.raw)} KB raw)`).join(", "));
}
console.log(`time to interactive (navigation start to #app-ready with data-status), ${loads} fresh loads: median ${readyMedian.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")} ms)`);
if (whole.length > 0) console.log(`the page whole (the wasm's second part in, every panel drawn): median ${median(whole).toFixed(0)} ms (${whole.map((t) => t.toFixed(0)).join(", ")} ms)`);
for (const n of slow) {
  const list = (xs) => xs.map((t) => (t / 1000).toFixed(1)).join(", ");
  console.log(
    `first visit over ${n.name} (${n.down_kbps} kbit/s down, ${n.up_kbps} up, ${n.rtt_ms} ms round trip; gzip): ` +
      `loading screen painted at ${n.paint_ms_median === null ? "?" : (n.paint_ms_median / 1000).toFixed(1)} s (${list(n.paint_ms)}), ` +
      `interactive at ${(n.ready_ms_median / 1000).toFixed(1)} s (${list(n.ready_ms)}), medians of ${SLOW_LOADS}`,
  );
}

if (jsonOut) {
  await writeFile(
    jsonOut,
    JSON.stringify(
      {
        dist,
        chromium: version,
        service_worker: sw,
        first_load: rows.map(([path, e]) => ({ path, ...e })),
        total_gzip_bytes: total,
        total_raw_bytes: totalRaw,
        after_interactive: later.map(([path, e]) => ({ path, ...e })),
        after_interactive_gzip_bytes: laterTotal,
        whole_ms: whole,
        whole_ms_median: whole.length ? median(whole) : null,
        page_only_gzip_bytes: pageOnlyTotal,
        page_only: [...pageOnly.fetched.entries()].map(([path, e]) => ({ path, ...e })),
        max_kb: maxKb,
        not_fetched: notFetched,
        wasm_sections: wasmParts,
        ready_ms: times,
        ready_ms_median: readyMedian,
        slow_networks: slow,
      },
      null,
      2,
    ),
  );
}

if (total > maxKb * 1000) {
  console.error(`page weight: the first load is ${kb(total)} KB gzipped, above the limit of ${maxKb} KB`);
  process.exit(1);
}
console.log(`page weight: ${kb(total)} KB gzipped, within ${maxKb} KB`);
