// Shared set-up of the end-to-end tests: serves the built dist/ on 127.0.0.1, drives the
// system Chromium through playwright-core, records checks (a failed check is reported and the
// file goes on with the next one; the file exits non-zero if any failed), saves screenshots
// under target/screenshots/ and fails on any request to another origin or any page error.
// Usage from a test file:  const h = await start("library"); ... await h.finish();
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "..", "..");
export const READY_TIMEOUT_MS = 60_000;
export const STEP_TIMEOUT_MS = 10_000;

/** The preset ids of aliansi_sim::presets::all(), in order. */
export const PRESET_IDS = [
  "default",
  "id-jp-jv",
  "research-consortium",
  "airline-alliance",
  "distribution",
  "calm-pair",
  "challenge-alignment",
  "challenge-culture",
  "challenge-contributions",
  "challenge-trust",
  "challenge-adaptation",
  "challenge-conflict",
  "challenge-compliance",
];
/** The partner names of the default scenario. */
export const DEFAULT_PARTNERS = ["Nusantara Foods", "Hoshi Technologies", "Rhein Logistik", "Lion City Capital"];
export const GAUGE_KEYS = ["alignment", "culture", "contributions", "trust", "adaptation", "conflict", "compliance"];
/** An outcome as the app states it in English. */
export const OUTCOME_RE = /Survived \d+ months?|Dissolved in month \d+/;

/** The flags every run of the system Chromium gets (headless, no network of its own). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the system Chromium (CHROMIUM, default /usr/bin/chromium), headless, with
 * CHROMIUM_ARGS and `extraArgs`. A browser that crashes while it starts (seen once here: a
 * SIGSEGV before any page) is started once more; nothing a test checks runs before that. */
export async function launchChromium(extraArgs = []) {
  const options = { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] };
  try {
    return await chromium.launch(options);
  } catch (e) {
    console.error(`Chromium did not start (${String(e.message ?? e).split("\n")[0]}); starting it once more`);
    return chromium.launch(options);
  }
}

/** Clicks the element `selector` from a timer's task of the page, and returns the page's clock
 * (`performance.now()`) just before the click. Work done inside the test driver's own call (a
 * DevTools protocol evaluation) is not reported as a long task by Chromium 148, so a click
 * whose work must be watched is made from a task of the page's. */
export async function clickInPageTask(page, selector) {
  return page.evaluate(
    (selector) =>
      new Promise((resolve) =>
        setTimeout(() => {
          const t = performance.now();
          document.querySelector(selector).click();
          resolve(t);
        }, 0),
      ),
    selector,
  );
}

/** Starts the server and the browser. `opts.prefix` serves the app under a sub-path (then
 * `h.base` is its address, e.g. http://127.0.0.1:PORT/aliansi/; otherwise origin + "/");
 * `opts.dist` serves another folder than the one on the command line; `opts.headers` and
 * `opts.log` go to serveStatic. */
export async function start(name, opts = {}) {
  const dist = resolve(opts.dist ?? process.argv[2] ?? join(repo, "dist"));
  const shots = resolve(process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots"));
  await mkdir(shots, { recursive: true });
  const { server, origin, base } = await serveStatic(dist, 0, { prefix: opts.prefix, headers: opts.headers, log: opts.log });
  const browser = await launchChromium();
  const results = [];
  const requests = [];
  const errors = [];
  const saved = [];
  const pages = [];
  let failures = 0;

  const h = {
    origin,
    base,
    dist,
    browser,
    /** Every URL requested by the pages so far (also those a service worker answered). */
    requests,
    /** A page in a fresh context (its own localStorage); `opts` go to newContext. */
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, ...opts });
      const page = await context.newPage();
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(`console error: ${m.text()}`));
      // What a failure's report gives of the page (diagnose): when it started, crashed, warned
      // or asked for the second part of the wasm, in ms from its opening.
      const t0 = Date.now();
      const seen = [];
      const note = (what) => seen.length < 40 && seen.push(`${Date.now() - t0} ms ${what}`);
      page.on("crash", () => note("CRASHED"));
      page.on("pageerror", (e) => note(`page error: ${String(e.message).slice(0, 160)}`));
      page.on("console", (m) => m.type() === "warning" && note(`warning: ${m.text().slice(0, 160)}`));
      page.on("request", (r) => /aliansi-cold/.test(r.url()) && note(`asked for ${r.url().split("/").pop()}`));
      page.on("requestfinished", (r) => /aliansi-cold/.test(r.url()) && note(`got ${r.url().split("/").pop()}`));
      page.on("close", () => {
        const i = pages.findIndex((e) => e.page === page);
        if (i >= 0) pages.splice(i, 1);
      });
      pages.push({ page, t0, seen });
      return page;
    },
    /** Runs one check; a failure is recorded and the file goes on. */
    async check(title, fn) {
      const t0 = Date.now();
      try {
        await fn();
        results.push(`  ok   ${title} (${Date.now() - t0} ms)`);
      } catch (e) {
        failures += 1;
        const msg = String(e.message ?? e).split("\n").slice(0, 12).join(" | ");
        results.push(`  FAIL ${title}: ${msg}`);
        for (const line of await diagnose(pages)) results.push(`       ${line}`);
      }
    },
    async shot(page, file) {
      try {
        await page.screenshot({ path: join(shots, `${name}-${file}.png`), fullPage: true });
        saved.push(`${name}-${file}.png`);
      } catch {
        /* a closed page has no screenshot */
      }
    },
    async finish() {
      await h.check("no request left the local server", async () => {
        const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
        assert.deepEqual(foreign, [], `requests to other origins: ${foreign.join(", ")}`);
      });
      await h.check("no page errors (nothing crashed)", async () => {
        assert.deepEqual(errors, []);
      });
      await browser.close();
      server.close();
      console.log(`e2e ${name} (${origin}, ${dist}):`);
      console.log(results.join("\n"));
      console.log(`screenshots in ${shots}: ${saved.join(", ") || "none"}`);
      if (failures > 0) {
        console.error(`e2e ${name}: ${failures} FAILED`);
        process.exit(1);
      }
      console.log(`e2e ${name}: all passed`);
    },
  };
  return h;
}

/** For a failed check: each page still open, whether it answers (a page whose main thread is
 * stuck does not) and what it did (newPage's notes), so that a failure seen once on CI says more
 * than its timeout. */
async function diagnose(pages) {
  const lines = [];
  for (const { page, t0, seen } of pages.slice(-4)) {
    const started = Date.now();
    const answer = await Promise.race([
      page.evaluate(() => ({ status: document.querySelector("#app-ready")?.dataset.status, hidden: document.hidden, y: scrollY })).catch((e) => `no answer: ${String(e.message ?? e).split("\n")[0]}`),
      new Promise((done) => setTimeout(() => done("no answer within 3 s: its main thread is busy"), 3000)),
    ]);
    lines.push(`page ${page.url()} at ${started - t0} ms: ${typeof answer === "string" ? answer : JSON.stringify(answer)} (${Date.now() - started} ms to answer)`);
    lines.push(...seen.map((s) => `  ${s}`));
  }
  return lines;
}

/** The element with data-testid `id`. */
export const tid = (page, id) => page.locator(`[data-testid="${id}"]`);

/** The texts of an SVG drawing that leave it or overlap one another (more than 1 px each way,
 * their boxes as drawn on the screen), as "outside: TEXT" and "TEXT / TEXT"; texts not drawn
 * (display: none) do not count. `svg` is a locator of one <svg>. */
export async function crowded(svg) {
  return svg.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const texts = [...el.querySelectorAll("text")]
      .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const out = texts.filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
    const overlaps = [];
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach((b) => {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) overlaps.push(`${a.t} / ${b.t}`);
      }),
    );
    return [...out.map((o) => `outside: ${o.t}`), ...overlaps];
  });
}

/** Opens the collapsed sections (<details>) around the element with data-testid `id`, as a
 * user would by clicking their headings, and returns its locator. */
export async function reveal(page, id) {
  const el = tid(page, id);
  await el.waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
  const closed = await el.evaluate((e) => {
    const out = [];
    for (let d = e.closest("details"); d; d = d.parentElement?.closest("details") ?? null) {
      if (!d.open) out.push(d);
    }
    out.reverse().forEach((d, i) => d.setAttribute("data-e2e-closed", String(i)));
    return out.length;
  });
  for (let i = 0; i < closed; i++) {
    await page.locator(`[data-e2e-closed="${i}"] > summary`).click();
  }
  await page.evaluate(() => document.querySelectorAll("[data-e2e-closed]").forEach((d) => d.removeAttribute("data-e2e-closed")));
  return el;
}

/** Opens `path` (default "/") and waits until the app has rendered. */
export async function open(page, origin, path = "/") {
  await page.goto(origin + path, { waitUntil: "load" });
  await ready(page);
}

/** Waits until the app marker #app-ready is there. */
export async function ready(page) {
  await page.waitForSelector("#app-ready", { state: "attached", timeout: READY_TIMEOUT_MS });
}

/** The app marker's status attribute. */
export const status = (page) => page.locator("#app-ready").getAttribute("data-status");
export const month = async (page) => Number(await page.locator("#app-ready").getAttribute("data-month"));

/** Plays the current run to the end (`finish`) and waits for data-status="done". */
export async function finishRun(page) {
  // A run that has already ended is started over first (Reset), as a user would.
  if ((await status(page)) === "done") await tid(page, "reset").click({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "finish").click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: READY_TIMEOUT_MS });
}

/** The partner names of the scenario on screen: the editor's name fields (`partner-name-<i>`)
 * or, on a page without the editor, the names in the scenario summary. */
export async function partnerNames(page) {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll('[data-testid^="partner-name-"]')];
    if (inputs.length > 0) return inputs.map((e) => e.value ?? e.textContent);
    const names = [...document.querySelectorAll(".partners .partner-name")];
    if (names.length > 0) return names.map((e) => e.textContent);
    return "(no partner names on the page)";
  });
}

/** Waits until the partner names on screen equal `names`. */
export async function expectPartners(page, names, timeout = STEP_TIMEOUT_MS) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await partnerNames(page).catch((e) => `(${e.message.split("\n")[0]})`);
    if (JSON.stringify(last) === JSON.stringify(names)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(last, names, "partner names on screen");
}

/** Loads the preset `id` with the preset picker. */
export async function loadPreset(page, id) {
  await tid(page, "preset-select").selectOption(id, { timeout: STEP_TIMEOUT_MS });
  await tid(page, "preset-load").click({ timeout: STEP_TIMEOUT_MS });
  await ready(page);
}

/** The text of the notice banner, waiting until it matches `re`. */
export async function expectNotice(page, re, timeout = STEP_TIMEOUT_MS) {
  const n = tid(page, "notice");
  await n.filter({ hasText: re }).first().waitFor({ state: "visible", timeout });
  // Where the reader is: inside the window, wherever the page is scrolled (the notice is sticky).
  const box = await n.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  if (box.top < 0 || box.bottom > box.height) {
    throw new Error(`the notice is outside the window (top ${box.top}, bottom ${box.bottom}, window ${box.height})`);
  }
  return n.first().innerText();
}
