// How long the built app takes for a 10,000-run "Many futures" batch of the default scenario in
// headless Chromium (system browser, through playwright-core from tests/e2e/node_modules).
//
//   node scripts/batchtime.mjs [DIST_DIR] [--reps N] [--runs N] [--cpu-slowdown N] [--json FILE]
//
// Serves DIST_DIR (default dist/) on 127.0.0.1, opens the page, waits 3 s (the page starts
// its workers meanwhile, as it does for a reader), and starts the batch --reps times (default
// 3) on the same page. For each: the seconds the page itself reports when the
// results show (from starting the workers to the merged tally), the time from the click to the
// results in the DOM (performance.now() in the page), the number of web workers and the
// checksum, the page's main-thread busy time (Chromium's TaskDuration metric) and the longest
// main-thread task meanwhile (long-task PerformanceObserver).
// --cpu-slowdown N slows the page's CPU N times (Chromium's CPU throttling, as DevTools'
// "4x slowdown"), for an older laptop than this machine.
// scripts/perf.sh reads --json.
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const e2e = join(repo, "tests", "e2e");
const { serveStatic } = await import(join(e2e, "static-server.mjs"));
const { clickInPageTask, launchChromium } = await import(join(e2e, "harness.mjs"));

const args = process.argv.slice(2);
let dist = join(repo, "dist");
let reps = 3;
let runs = 10_000;
let jsonOut = null;
let slowdown = 1;
const WARM_MS = 3000;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--reps") reps = Number(args[++i]);
  else if (a === "--runs") runs = Number(args[++i]);
  else if (a === "--json") jsonOut = args[++i];
  else if (a === "--cpu-slowdown") slowdown = Number(args[++i]);
  else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
  else dist = resolve(a);
}

const { server, origin } = await serveStatic(dist);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__resultsAt = [];
  let shown = false;
  new MutationObserver(() => {
    const now = Boolean(document.querySelector('[data-testid="batch-results"]'));
    if (now && !shown) window.__resultsAt.push(performance.now());
    shown = now;
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-testid"] });
});
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
await page.goto(origin + "/", { waitUntil: "load" });
await page.waitForSelector("#app-ready[data-status]", { state: "attached", timeout: 60_000 });
// The first batch starts a few seconds after the page is ready, as a reader would click: by
// then the page has started its workers (half a second after the first render).
await page.waitForTimeout(WARM_MS);
const cores = await page.evaluate(() => navigator.hardwareConcurrency);
const tid = (id) => page.locator(`[data-testid="${id}"]`);
await tid("batch").scrollIntoViewIfNeeded();
const label = runs.toLocaleString("en-US");
await tid("batch-runs").fill(label);
await tid("batch-start").filter({ hasText: `Run ${label} futures` }).waitFor({ timeout: 10_000 });

// The page's main-thread busy time (Chromium's TaskDuration metric), before and after each batch.
const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");
if (!(slowdown >= 1)) throw new Error("--cpu-slowdown takes a number of at least 1");
if (slowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
const busySeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;

const results = [];
for (let r = 0; r < reps; r++) {
  const before = await page.evaluate(() => window.__resultsAt.length);
  const busyBefore = await busySeconds();
  // Results of the previous batch stay on screen, dimmed and without their data-testid, until
  // the next batch's results replace them.
  // Clicked from a timer's task of the page, so that the click's own work is watched too.
  const startedAt = await clickInPageTask(page, '[data-testid="batch-start"]');
  await page.waitForFunction((n) => window.__resultsAt.length > n, before, { timeout: 300_000, polling: 50 });
  const busyAfter = await busySeconds();
  await page.waitForTimeout(300);
  const m = await page.evaluate(
    ({ startedAt, before }) => {
      const at = window.__resultsAt[before];
      const tasks = window.__longTasks.filter((e) => e.start + e.duration >= startedAt && e.start <= at);
      const el = document.querySelector('[data-testid="batch-results"]');
      return {
        click_to_results_ms: at - startedAt,
        page_says: document.querySelector(".batch-done")?.innerText ?? "",
        checksum: el?.getAttribute("data-checksum"),
        runs: Number(el?.getAttribute("data-runs")),
        long_tasks: tasks.length,
        longest_task_ms: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
      };
    },
    { startedAt, before },
  );
  // "10,000 runs in 5.2 s, workers in parallel: 2." (English page).
  const secs = m.page_says.match(/ in ([\d.,]+) s\b/);
  const workers = m.page_says.match(/(\d+)\D*$/);
  m.page_seconds = secs ? Number(secs[1].replace(",", "")) : null;
  m.workers = workers ? Number(workers[1]) : null;
  m.main_thread_busy_ms = (busyAfter - busyBefore) * 1000;
  results.push(m);
  console.log(
    `batch ${r + 1}/${reps}: page says "${m.page_says}"; click to results ${(m.click_to_results_ms / 1000).toFixed(2)} s; ` +
      `main thread busy ${m.main_thread_busy_ms.toFixed(0)} ms; checksum ${m.checksum}; ${m.long_tasks} main-thread task(s) over 50 ms (longest ${m.longest_task_ms.toFixed(0)} ms)`,
  );
}
const version = browser.version();
await browser.close();
server.close();
if (errors.length) {
  console.error(`page errors: ${errors.join(" | ")}`);
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = {
  dist,
  chromium: version,
  hardware_concurrency: cores,
  runs,
  cpu_slowdown: slowdown,
  reps: results,
  page_seconds_median: Number(median(results.map((m) => m.page_seconds)).toFixed(2)),
  click_to_results_s_median: median(results.map((m) => m.click_to_results_ms)) / 1000,
  longest_task_ms: Math.max(...results.map((m) => m.longest_task_ms)),
  long_tasks: results.reduce((n, m) => n + m.long_tasks, 0),
};
console.log(
  `${runs}-run batch in headless Chromium ${version} (hardwareConcurrency ${cores}` +
    (slowdown > 1 ? `, CPU slowed ${slowdown}x` : "") + `): median ${summary.page_seconds_median} s as the page reports it, ` +
    `${summary.click_to_results_s_median.toFixed(2)} s from the click to the results`,
);
if (jsonOut) await writeFile(jsonOut, JSON.stringify(summary, null, 2));
