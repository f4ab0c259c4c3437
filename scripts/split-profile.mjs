// Writes crates/split/cold.txt, the functions of the app's wasm that a first visit does not run:
// the build (scripts/minify-js.mjs, crates/split) moves them into the second wasm, which the page
// fetches once it is interactive. Run it again when the page weight grows past its budget
// because of new code (a function the list does not name stays in the first part).
//
//   ALIANSI_SPLIT=instrument bash scripts/build.sh --dist /tmp/aliansi-profile
//   node scripts/split-profile.mjs /tmp/aliansi-profile
//
// The instrumented build marks each function when it first runs (an exported global per
// function, `__hit<k>`; their names in split-names.txt). This script opens it in headless
// Chromium (tests/e2e's harness) and does what a first visit does, reading the marks of the
// page: the page drawn, a run played, paused, stepped, finished and reset, the language
// switched there and back, a name and a number typed and kept as the page hides, the focus
// moved through the page, a lesson opened and played in classroom mode with its keys. Then it
// runs a batch of "Many futures" and reads the marks of its web workers only (so the
// simulation's batch code, which runs in the workers, stays in the first part, while the
// page's batch panel does not). Every name that never ran in any of them is cold.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { start, open, tid, finishRun, STEP_TIMEOUT_MS, READY_TIMEOUT_MS } = await import(join(repo, "tests", "e2e", "harness.mjs"));
const dist = resolve(process.argv[2] ?? "");
if (!process.argv[2]) {
  console.error("usage: node scripts/split-profile.mjs DIST (built with ALIANSI_SPLIT=instrument)");
  process.exit(2);
}
const names = (await readFile(join(dist, "split-names.txt"), "utf8").catch(() => {
  console.error(`split-profile.mjs: ${dist} has no split-names.txt: build it with ALIANSI_SPLIT=instrument`);
  process.exit(1);
})).split("\n").slice(0, -1);

/** The marks of the wasm instance of this realm (page or worker): k of every function that ran. */
const marks = async () => {
  const tag = document.querySelector("script[data-js]");
  const glue = new URL(tag.dataset.js, document.baseURI).href;
  const exports = await (await import(glue)).default();
  return Object.keys(exports).filter((k) => k.startsWith("__hit") && exports[k].value).map((k) => Number(k.slice(5)));
};

const h = await start("split-profile", { dist });
const page = await h.newPage();
const ran = new Set();
await h.check("a first visit's session", async () => {
  await open(page, h.origin);
  await page.waitForSelector("#app-ready[data-status]", { state: "attached", timeout: READY_TIMEOUT_MS });
  await tid(page, "run").click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(2000);
  await tid(page, "pause").click({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "step").click({ timeout: STEP_TIMEOUT_MS });
  await finishRun(page);
  await tid(page, "reset").click({ timeout: STEP_TIMEOUT_MS });
  await page.getByTestId("lang-id").click();
  await page.getByTestId("lang-en").click();
  // An edit typed and not yet applied when the page goes away (a reload, a closed tab): the
  // page keeps it as it hides (src/components/share.rs), when nothing can be downloaded any
  // more, so that code must be in the first part. A name, then a number, each left typed.
  for (const id of ["partner-name-0", "partner-culture-0"]) {
    await tid(page, id).click({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press("End");
    await page.keyboard.type(id.includes("name") ? "x" : "1");
    await page.evaluate(() => {
      document.dispatchEvent(new Event("visibilitychange"));
      dispatchEvent(new PageTransitionEvent("pagehide"));
    });
    await page.waitForTimeout(300);
  }
  // A lesson opened, as a class does: its parts revealed, classroom mode on with its keys, then
  // off, and the lesson closed.
  await tid(page, "lesson-open-trust").click({ timeout: STEP_TIMEOUT_MS });
  for (let k = 0; k < 4; k++) await tid(page, "lesson-next").click({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "classroom-toggle").click({ timeout: STEP_TIMEOUT_MS });
  // Its keys: Space runs (bringing the run into view) and pauses, S steps, R resets.
  await page.locator("h1").click();
  for (const key of [" ", " ", "s", "r"]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(500);
  }
  await page.keyboard.press("Escape");
  await tid(page, "lesson-close").click({ timeout: STEP_TIMEOUT_MS });
  // Focus moving through the page (a page that goes away takes the focus from where it is).
  await tid(page, "run").focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press("Tab");
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(500);
  for (const k of await page.evaluate(marks)) ran.add(k);
  // What a first visit runs in other ways: a reload (the tab's working copy read back), a
  // share link opened (a student with the lecturer's link), a new tab (the device's draft
  // offered), a reload without the network (from the offline copy).
  await tid(page, "share").click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForURL(/#s\d+\./, { timeout: STEP_TIMEOUT_MS });
  const link = page.url();
  await page.reload();
  await page.waitForSelector("#app-ready[data-status]", { state: "attached", timeout: READY_TIMEOUT_MS });
  await page.waitForTimeout(1000);
  for (const k of await page.evaluate(marks)) ran.add(k);
  const visits = [
    async (ctx) => {
      const p = await ctx.newPage();
      await p.goto(link);
      return p;
    },
    async () => {
      const p = await page.context().newPage();
      await p.goto(h.origin);
      return p;
    },
    async (ctx) => {
      // A class's first minute on a projector: a lesson at once, classroom mode, Space.
      const p = await ctx.newPage();
      await p.setViewportSize({ width: 1920, height: 1080 });
      await p.goto(h.origin);
      await tid(p, "lesson-open-trust").click({ timeout: READY_TIMEOUT_MS });
      await tid(p, "classroom-toggle").click({ timeout: STEP_TIMEOUT_MS });
      await p.locator("h1").click();
      await p.keyboard.press(" ");
      await p.waitForTimeout(1500);
      return p;
    },
    async () => {
      await page.context().setOffline(true);
      await page.reload();
      return page;
    },
  ];
  const other = await h.browser.newContext();
  for (const visit of visits) {
    const p = await visit(other);
    await p.waitForSelector("#app-ready[data-status]", { state: "attached", timeout: READY_TIMEOUT_MS });
    await p.waitForTimeout(1000);
    for (const k of await p.evaluate(marks)) ran.add(k);
  }
  await page.context().setOffline(false);
  await other.close();
  // As the second part comes in: the panels that wait for it are drawn (src/components/deferred.rs).
  await page.evaluate(async () => {
    const tag = document.querySelector("script[data-js]");
    const exports = await (await import(new URL(tag.dataset.js, document.baseURI).href)).default();
    exports.__split_loaded.value = 1;
    dispatchEvent(new Event("aliansi-second-part"));
  });
});
await h.check("a batch of Many futures, in the workers", async () => {
  await tid(page, "batch-start").click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => !document.querySelector('[data-testid="batch-status"][data-running]'), null, { timeout: READY_TIMEOUT_MS }).catch(() => {});
  await page.waitForTimeout(3000);
  const workers = page.workers();
  if (workers.length === 0) throw new Error("no web worker ran the batch");
  for (const w of workers) {
    const js = await page.evaluate(() => document.querySelector("script[data-js]").dataset.js);
    const glue = new URL(js, h.origin + "/").href;
    for (const k of await w.evaluate(async (glue) => {
      const exports = await (await import(glue)).default();
      return Object.keys(exports).filter((k) => k.startsWith("__hit") && exports[k].value).map((k) => Number(k.slice(5)));
    }, glue)) ran.add(k);
  }
});
// Hash tables' code stays in the first part whether or not it ran: which of its branches runs
// depends on a random hash (Yew's keyed lists), so a session can miss one the next visit takes,
// and that visit would wait for the whole second part. It is small (9 functions, 0.2 KB of the first part's .xz).
const byChance = /hashbrown::/;
const hot = new Set([...ran].map((k) => names[k]));
for (const n of names) if (byChance.test(n)) hot.add(n);
const cold = [...new Set(names.filter((n) => n && !hot.has(n)))].sort();
await writeFile(
  join(repo, "crates", "split", "cold.txt"),
  "# The functions of the app's wasm that a first visit does not run (by name, crate hashes left out),\n" +
    "# moved into the second wasm by the build. Written by scripts/split-profile.mjs: do not edit.\n" +
    cold.join("\n") + "\n",
);
console.log(`split-profile.mjs: ${ran.size} of ${names.length} functions ran; ${cold.length} names cold, written to crates/split/cold.txt`);
await h.finish();
