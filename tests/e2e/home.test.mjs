// End-to-end test of the built page (dist/) in headless system Chromium via playwright-core.
// Usage: node home.test.mjs [DIST_DIR]   (scripts/test.sh runs it after the release build, `scripts/build.sh`)
// Env: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (default <repo>/target/screenshots).
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";
import { launchChromium } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const dist = resolve(process.argv[2] ?? join(repo, "dist"));
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots"));
const READY_TIMEOUT_MS = 60_000;

const results = [];
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push(`  ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push(`  FAIL ${name}: ${e.message}`);
    throw e;
  }
}

const { server, origin } = await serveStatic(dist);
const browser = await launchChromium();

let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console error: ${m.text()}`));

  await check("page loads ready, not run (#app-ready[data-status=ready])", async () => {
    await page.goto(origin + "/", { waitUntil: "load" });
    await page.waitForSelector('#app-ready[data-status="ready"][data-month="0"]', { state: "attached", timeout: READY_TIMEOUT_MS });
    assert.ok(await page.getByTestId("run").isEnabled(), "Run button enabled");
  });

  await check("title and partners are shown", async () => {
    assert.equal(await page.locator("h1").innerText(), "Aliansi");
    const partners = await page.locator(".partners li .partner-name").allInnerTexts();
    assert.ok(partners.length >= 2, `expected partner names, got ${JSON.stringify(partners)}`);
  });

  await check("run plays month by month, pause stops, step moves one month", async () => {
    await page.getByTestId("speed").selectOption("2");
    await page.getByTestId("run").click();
    await page.waitForSelector('#app-ready[data-status="running"]', { state: "attached", timeout: 5_000 });
    await page.waitForFunction(() => +document.querySelector("#app-ready").dataset.month >= 2, null, { timeout: 10_000 });
    await page.getByTestId("pause").click();
    await page.waitForSelector('#app-ready[data-status="paused"]', { state: "attached", timeout: 5_000 });
    const m = +(await page.locator("#app-ready").getAttribute("data-month"));
    await page.getByTestId("step").click();
    await page.waitForSelector(`#app-ready[data-month="${m + 1}"]`, { state: "attached", timeout: 5_000 });
    for (const key of ["alignment", "culture", "contributions", "trust", "adaptation", "conflict", "compliance"]) {
      const v = await page.getByTestId(`gauge-${key}`).locator(".gauge-value").innerText();
      assert.match(v, /^\d{1,3}$/, `gauge ${key}: ${v}`);
    }
    assert.ok((await page.locator('[data-testid="network"] circle').count()) >= 2, "network nodes");
  });

  await check("finish plays to the end; summary and event log are shown", async () => {
    await page.getByTestId("finish").click();
    await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: 10_000 });
    await page.getByTestId("summary").waitFor({ timeout: 5_000 });
    const n = await page.locator('[data-testid="event-log"] li').count();
    assert.ok(n >= 1, `event log entries: ${n}`);
    const first = await page.locator('[data-testid="event-log"] li').last().innerText();
    assert.match(first, /^Month \d+: .+\.$/, `log entry: ${first}`);
  });

  await check("outcome is stated in words", async () => {
    const text = await page.getByTestId("outcome").innerText();
    assert.match(text, /^(Survived \d+ months?|Dissolved in month \d+: .+)$/, `outcome text: ${text}`);
  });

  await check("trust chart has a line with a non-empty path", async () => {
    const d = await page.locator('[data-testid="trust-chart"] path.line').getAttribute("d");
    assert.ok(d && /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+/.test(d), `path d: ${d}`);
  });

  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "home.png"), fullPage: true });

  await check("language switch to Bahasa Indonesia", async () => {
    await page.getByTestId("lang-id").click();
    await page.getByTestId("outcome").filter({ hasText: /Bertahan|Bubar/ }).waitFor({ timeout: 5_000 });
    assert.match(await page.getByTestId("run").innerText(), /Jalankan/);
    await page.getByTestId("lang-en").click();
  });

  await check("same world, different choice: compare-start, change, run, compare", async () => {
    await page.getByTestId("compare-start").click();
    await page.waitForSelector('#app-ready[data-status="ready"]', { state: "attached", timeout: 5_000 });
    await page.getByTestId("finish").click();
    await page.getByTestId("compare").waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId("compare-note").innerText(), /market and the shocks were identical/);
    await page.getByTestId("compare-exit").click();
    assert.equal(await page.getByTestId("compare").count(), 0);
  });

  await check("a refused seed shows a message; new seed runs a different world", async () => {
    await page.getByTestId("seed").fill("not a number");
    await page.getByTestId("seed").press("Enter");
    await page.getByTestId("seed-error").waitFor({ timeout: 5_000 });
    const seed = await page.locator("#app-ready").getAttribute("data-seed");
    await page.getByTestId("new-seed").click();
    await page.waitForSelector(`#app-ready:not([data-seed="${seed}"])`, { state: "attached", timeout: 10_000 });
    assert.equal(await page.getByTestId("seed").inputValue(), String(BigInt(seed) + 1n));
    await page.getByTestId("finish").click();
    await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: 10_000 });
    assert.match(await page.getByTestId("outcome").innerText(), /Survived|Dissolved/);
    await page.screenshot({ path: join(shots, "home-next-seed.png"), fullPage: true });
  });

  await check("fits a 375 px phone without sideways scrolling", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const p = await phone.newPage();
    p.on("request", (r) => requests.push(r.url()));
    await p.goto(origin + "/");
    await p.waitForSelector("#app-ready", { state: "attached", timeout: READY_TIMEOUT_MS });
    await p.getByTestId("finish").click();
    await p.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: 10_000 });
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    await p.screenshot({ path: join(shots, "home-phone.png"), fullPage: true });
    assert.ok(width <= 375, `page is ${width} px wide`);
    await phone.close();
  });

  await check("no request left the local server", async () => {
    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], `requests to other origins: ${foreign.join(", ")}`);
    assert.ok(requests.some((u) => /_bg\.wasm(\.xz)?$/.test(u)), "the wasm module was not requested");
  });

  await check("no errors in the console", async () => {
    assert.deepEqual(errors, []);
  });
} catch (e) {
  failed = true;
} finally {
  await browser.close();
  server.close();
}

console.log(`e2e (${origin}, ${dist}):`);
console.log(results.join("\n"));
console.log(`screenshots in ${shots}: home.png, home-next-seed.png, home-phone.png`);
if (failed) {
  console.error("e2e: FAILED");
  process.exit(1);
}
console.log("e2e: all passed");
