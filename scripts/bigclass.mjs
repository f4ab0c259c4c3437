// The page with a large scenario on a slow laptop: 30 partners, in headless Chromium (system
// browser, through playwright-core from tests/e2e/node_modules), the page's CPU slowed by
// Chromium's CPU throttling (as DevTools' "4x slowdown").
//
//   node scripts/bigclass.mjs [DIST_DIR] [--cpu-slowdown N] [--json FILE]
//
// Serves DIST_DIR (default dist/), loads the preset "calm-pair" and makes it 30 partners (its
// first partner thirty times, over 600 months, seed 30, a 60-month exit penalty) the way a user
// would: Export, edit the file, Import. Then, at the slowdown (default 4):
//   - playing: the run at its default speed (10 months a second) for 6 s, the network card
//     scrolled into view, as a class watches it: months shown per second, drawings of a new
//     month per second (a slow computer draws fewer, each stepping more months) and the main
//     thread's busy time per second (Chromium's TaskDuration), medians of 3 windows; then how
//     long Pause takes to show the run paused;
//   - typing: once the run has ended, 9 keys typed in the first partner's name (a letter, then
//     Backspace, and so on; each name change draws the page again: the charts' keys, the
//     network, the log): the main thread's busy time from each key until the page is idle
//     (700 ms later), median and all.
// scripts/perf.sh reads --json.
import { writeFile, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const e2e = join(repo, "tests", "e2e");
const { serveStatic } = await import(join(e2e, "static-server.mjs"));
const { launchChromium } = await import(join(e2e, "harness.mjs"));

const args = process.argv.slice(2);
let dist = join(repo, "dist");
let slowdown = 4;
let jsonOut = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--cpu-slowdown") slowdown = Number(args[++i]);
  else if (a === "--json") jsonOut = args[++i];
  else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
  else dist = resolve(a);
}
if (!(slowdown >= 1)) throw new Error("--cpu-slowdown takes a number of at least 1");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, origin } = await serveStatic(dist);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
const tid = (id) => page.locator(`[data-testid="${id}"]`);
const status = () => page.evaluate(() => document.querySelector("#app-ready")?.dataset.status);
const month = () => page.evaluate(() => Number(document.querySelector("#app-ready")?.dataset.month));
await page.goto(origin + "/", { waitUntil: "load" });
await page.waitForSelector("#app-ready[data-status]", { state: "attached", timeout: 60_000 });

// 30 partners, as a user makes them.
await tid("preset-select").selectOption("calm-pair");
await tid("preset-load").click();
await page.waitForFunction(() => document.querySelectorAll('[data-testid^="partner-name-"]').length === 2, null, { timeout: 10_000 });
const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), tid("export").click()]);
const json = JSON.parse(await readFile(await download.path(), "utf8"));
json.partners = Array.from({ length: 30 }, (_, k) => ({ ...json.partners[0], name: `Partner ${k + 1}` }));
Object.assign(json, { horizon_months: 600, seed: 30 });
json.governance.exit_penalty_months = 60;
await tid("import").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
await page.waitForFunction(() => document.querySelectorAll('[data-testid^="partner-name-"]').length === 30, null, { timeout: 30_000 });

const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");
const busy = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value * 1000;
await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });

// Playing, the network in view. Each drawing of a new month sets #app-ready's data-month: they
// are counted, since a slow computer draws fewer of them (each stepping more months) rather
// than falling behind.
await page.evaluate(() => {
  window.__drawings = 0;
  new MutationObserver(() => window.__drawings++).observe(document.querySelector("#app-ready"), { attributes: true, attributeFilter: ["data-month"] });
});
const drawings = () => page.evaluate(() => window.__drawings);
await page.evaluate(() => document.querySelector(".network-card").scrollIntoView({ block: "start" }));
await tid("run").dispatchEvent("click");
await page.waitForFunction(() => Number(document.querySelector("#app-ready")?.dataset.month) >= 5, null, { timeout: 60_000 });
const WINDOW_MS = 6_000;
const windows = [];
for (let k = 0; k < 3; k++) {
  const [m0, d0, b0, t0] = [await month(), await drawings(), await busy(), Date.now()];
  await page.waitForTimeout(WINDOW_MS);
  const [m1, d1, b1, t1] = [await month(), await drawings(), await busy(), Date.now()];
  const s = (t1 - t0) / 1000;
  windows.push({ months_per_s: (m1 - m0) / s, drawings_per_s: (d1 - d0) / s, busy_ms_per_s: (b1 - b0) / s });
}
if ((await status()) !== "running") throw new Error("the run ended while it was being timed");
// Pause, clicked while it plays: how long until the page shows the run paused.
const pauseMs = await page.evaluate(() => new Promise((done) => {
  const t0 = performance.now();
  const mark = document.querySelector("#app-ready");
  new MutationObserver((_, o) => {
    if (mark.dataset.status === "paused") { o.disconnect(); done(performance.now() - t0); }
  }).observe(mark, { attributes: true });
  document.querySelector('[data-testid="pause"]').click();
}));

// Typing in a name once the run has ended.
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
await tid("finish").dispatchEvent("click");
await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: 60_000 });
await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
await tid("partner-name-0").click();
await page.keyboard.press("End");
await page.waitForTimeout(1000);
const keys = [];
for (let k = 0; k < 9; k++) {
  const b0 = await busy();
  await page.keyboard.press(k % 2 ? "Backspace" : "x");
  await page.waitForTimeout(700);
  keys.push((await busy()) - b0);
}
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
await browser.close();
server.close();
if (errors.length) throw new Error("page errors: " + errors.join("; "));

const result = {
  cpu_slowdown: slowdown,
  partners: 30,
  play_speed: 10,
  play_window_ms: WINDOW_MS,
  play: windows,
  play_months_per_s_median: median(windows.map((w) => w.months_per_s)),
  play_drawings_per_s_median: median(windows.map((w) => w.drawings_per_s)),
  play_busy_ms_per_s_median: median(windows.map((w) => w.busy_ms_per_s)),
  pause_ms: pauseMs,
  key_busy_ms: keys,
  key_busy_ms_median: median(keys),
};
console.log(`30 partners at ${slowdown}x CPU slowdown: playing at 10 months/s, ${result.play_months_per_s_median.toFixed(1)} months/s shown in ${result.play_drawings_per_s_median.toFixed(1)} drawings a second, main thread busy ${result.play_busy_ms_per_s_median.toFixed(0)} ms a second (medians of ${windows.length} windows of ${WINDOW_MS / 1000} s); Pause shown ${pauseMs.toFixed(0)} ms after the click; a key typed in a name: ${result.key_busy_ms_median.toFixed(0)} ms of main thread (median of ${keys.length}: ${keys.map((x) => x.toFixed(0)).join(", ")})`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify(result, null, 2));
