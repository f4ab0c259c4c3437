// End-to-end test: during a 10,000-run "Many futures" batch the page's main thread never runs a
// task longer than 50 ms (the browser's long-task threshold), from the click on Start until the
// results are shown (their rendering included). The batch runs in web workers; the page only
// hands out chunks, merges tallies and renders progress and results.
// Usage: node longtask.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build, `scripts/build.sh`)
import assert from "node:assert/strict";
import { start, open, tid, clickInPageTask, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("longtask");
const page = await h.newPage();
const RESULTS_TIMEOUT_MS = 180_000;
const LIMIT_MS = 50;

// Before any script of the page runs: every long task of the main thread (PerformanceObserver,
// entry type "longtask"), and the moment the batch results appear (a MutationObserver).
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (window.__resultsAt === undefined && document.querySelector('[data-testid="batch-results"]')) {
      window.__resultsAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-testid"] });
});

await h.check("the browser reports long tasks (PerformanceObserver 'longtask')", async () => {
  await open(page, h.origin);
  const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes("longtask"));
  assert.ok(supported, "longtask entries are not supported by this browser");
  // The observer works: a deliberate 120 ms task on the page is seen. The task is a timer's,
  // as the page's own work is: Chromium 148 does not report a script that the test driver
  // evaluates (a DevTools protocol call) as a long task; 156, on earlier machines, did.
  await page.evaluate(() => {
    setTimeout(() => {
      const t = performance.now();
      while (performance.now() - t < 120) {}
    }, 0);
  });
  await page.waitForFunction(() => window.__longTasks.some((e) => e.duration >= 100), null, { timeout: STEP_TIMEOUT_MS });
});

await h.check(`no main-thread task over ${LIMIT_MS} ms from the start of a 10,000-run batch to its results`, async () => {
  await tid(page, "batch").scrollIntoViewIfNeeded();
  await tid(page, "batch-runs").fill("10,000");
  await tid(page, "batch-start").filter({ hasText: "Run 10,000 futures" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The click is dispatched from the page itself, so its time is known exactly, and from a
  // timer's task, so that the click's own work (and the render it schedules) is a task the
  // observer sees (see above).
  const startedAt = await clickInPageTask(page, '[data-testid="batch-start"]');
  await tid(page, "batch-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  // Long-task entries arrive after their task has ended: let the results' rendering settle.
  await page.waitForTimeout(500);
  const { tasks, resultsAt } = await page.evaluate(() => ({ tasks: window.__longTasks, resultsAt: window.__resultsAt }));
  assert.ok(resultsAt > startedAt, "results appeared after the start");
  // A task counts if any part of it lies within [start, results shown] (the task that renders
  // the results ends after they are in the DOM, so a task starting before then counts).
  const during = tasks.filter((e) => e.start + e.duration >= startedAt && e.start <= resultsAt);
  const worst = during.reduce((m, e) => Math.max(m, e.duration), 0);
  console.log(
    `batch of 10,000 runs: ${((resultsAt - startedAt) / 1000).toFixed(2)} s from the click to the results; ` +
      `${during.length} main-thread task(s) over 50 ms in that time` +
      (during.length ? `: ${during.map((e) => `${e.duration.toFixed(0)} ms at +${(e.start - startedAt).toFixed(0)} ms`).join(", ")}` : ""),
  );
  assert.equal(await tid(page, "batch-results").getAttribute("data-runs"), "10000");
  assert.ok(worst <= LIMIT_MS, `the longest main-thread task took ${worst.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
});

await h.finish();
