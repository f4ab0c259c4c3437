// End-to-end test of the batch workers' watchdog (src/workers.rs, START_WITHIN_MS): a worker
// whose start never completes (its script's fetch hangs, as one did on a local test server in
// CI, and as a flaky network can) is replaced, so a batch does not wait for it forever; when no
// worker ever starts, the batch stops with a message and the page goes on working.
// Usage: node stall.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build)
import assert from "node:assert/strict";
import { join } from "node:path";
import { start, open, tid, repo, STEP_TIMEOUT_MS } from "./harness.mjs";

/** src/workers.rs's START_WITHIN_MS and MAX_REPLACED. */
const START_WITHIN_MS = 15_000;
const MAX_REPLACED = 4;

const h = await start("stall");
const shots = process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots");
/** A screenshot of the Many futures section alone (target/screenshots/stall-<name>.png). */
const sectionShot = (page, name) => tid(page, "batch").screenshot({ path: join(shots, `stall-${name}.png`) });

/** A page whose workers' script requests hang (never answered) while `hang()` is true. The
 * service worker is blocked so that every request of the page and its workers is routed here
 * (a service worker would answer them from its cache). Returns the page and the list of the
 * worker script's requests so far (each { at, hung }). */
async function pageWithStuckWorkers(hang) {
  const page = await h.newPage({ serviceWorkers: "block" });
  const scripts = [];
  await page.context().route("**/worker.js", (route) => {
    const hung = hang();
    scripts.push({ at: Date.now(), hung });
    if (!hung) return route.continue();
    // Never answered: the worker stays silent, as a stuck fetch leaves it.
  });
  return { page, scripts };
}

const waitFor = async (what, fn, timeout) => {
  const deadline = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

await h.check("workers stuck while starting are replaced, and the batch completes", async () => {
  let stuck = true;
  const { page, scripts } = await pageWithStuckWorkers(() => stuck);
  await open(page, h.origin);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // The page starts its workers ahead of the first batch (at most 4); all of them hang.
  await waitFor("the page's workers to start", () => scripts.length >= Math.min(cores, 4), 20_000);
  stuck = false;
  const stuckAhead = scripts.length;
  await tid(page, "batch").scrollIntoViewIfNeeded();
  const t0 = Date.now();
  await tid(page, "batch-start").click();
  const done = page.locator('[data-testid="batch"] .batch-done');
  await done.waitFor({ timeout: START_WITHIN_MS + 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  const replacements = scripts.slice(stuckAhead).length;
  console.log(`${stuckAhead} stuck workers; the batch finished after ${seconds.toFixed(1)} s with ${replacements} new workers`);
  assert.ok(replacements >= 1, "a new worker was started");
  assert.match(await done.innerText(), /^1,000 runs in/);
  assert.equal(await page.locator(".batch-error").count(), 0);
  await sectionShot(page, "replaced");
  await page.context().close();
});

await h.check("when no worker ever starts, the batch stops with a message and can be run again", async () => {
  const { page, scripts } = await pageWithStuckWorkers(() => true);
  await open(page, h.origin);
  await tid(page, "batch").scrollIntoViewIfNeeded();
  await tid(page, "batch-start").click();
  await tid(page, "batch-progress").waitFor({ timeout: STEP_TIMEOUT_MS });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // Each round of silent workers takes START_WITHIN_MS; MAX_REPLACED new ones are tried.
  const rounds = 1 + Math.ceil(MAX_REPLACED / Math.max(1, Math.min(cores, 4)));
  const error = page.locator('[data-testid="batch-status"].batch-error');
  await error.waitFor({ timeout: rounds * START_WITHIN_MS + 30_000 });
  const text = await error.innerText();
  console.log(`after ${scripts.length} worker starts: ${text}`);
  assert.match(text, /no worker started within 15 s, even after 4 new tries/);
  assert.ok(scripts.length >= MAX_REPLACED + 1, `${scripts.length} workers were started`);
  assert.ok(await tid(page, "batch-start").isEnabled(), "Run can be pressed again");
  await sectionShot(page, "none-started");
  await page.context().close();
});

await h.check("a worker still loading when a batch ends gets no runs it cannot hear: the next batch completes", async () => {
  // The page's second worker loads slowly (its script delayed 8 s); the first finishes the
  // first batch alone meanwhile. The next batch must not hand the slow one runs before it can
  // take them (they were lost, and that batch waited for them for ever: seen under load, in
  // "Compare fairly", which runs one batch per variant back to back).
  const page = await h.newPage({ serviceWorkers: "block" });
  let requests = 0;
  await page.context().route("**/worker.js", async (route) => {
    requests += 1;
    if (requests === 2) await new Promise((r) => setTimeout(r, 8_000));
    await route.continue();
  });
  await open(page, h.origin);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.ok(cores >= 2, `this needs two workers; the browser reports ${cores} core(s)`);
  await waitFor("the page's two workers to start", () => requests >= 2, 20_000);
  await tid(page, "batch").scrollIntoViewIfNeeded();
  await tid(page, "batch-runs").fill("200");
  const done = page.locator('[data-testid="batch"] .batch-done');
  const t0 = Date.now();
  await tid(page, "batch-start").click();
  await done.filter({ hasText: /^200 runs in/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const first = (Date.now() - t0) / 1000;
  // At once again, with more runs, while the second worker is still loading.
  await tid(page, "batch-runs").fill("2000");
  await tid(page, "batch-start").filter({ hasText: /2,000/ }).click();
  await done.filter({ hasText: /^2,000 runs in/ }).waitFor({ timeout: 40_000 });
  const second = (Date.now() - t0) / 1000;
  console.log(`first batch done after ${first.toFixed(1)} s, the second after ${second.toFixed(1)} s (the slow worker's script came at 8 s)`);
  assert.ok(first < 8, `the first batch ended before the slow worker loaded (${first.toFixed(1)} s)`);
  await page.context().close();
});

await h.finish();
