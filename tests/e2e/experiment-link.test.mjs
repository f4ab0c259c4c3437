// End-to-end test of experiment links (issue 5, item 7): the share link carries the whole
// experiment (scenario, variants, run count, seed), and whoever opens it reproduces the same
// numbers; a damaged experiment link gives a message and leaves the page usable.
// Usage: node experiment-link.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { start, open, tid, partnerNames, expectNotice, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("experiment-link");
const RESULTS_TIMEOUT_MS = 180_000;

/** Runs "Compare fairly" as set up and returns what its results say. */
async function runComparison(page) {
  await tid(page, "variants-run").click();
  await tid(page, "variants-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  return {
    runs: await tid(page, "variants-results").getAttribute("data-runs"),
    p: await tid(page, "variants-results").getAttribute("data-p"),
    table: await tid(page, "variants-table").innerText(),
    verdict: await tid(page, "variants-verdict").innerText(),
  };
}

const teacher = await h.newPage();
let link = "";
let first = null;
let names = [];

await h.check("a trainer sets up an experiment, runs it and copies its link", async () => {
  await open(teacher, h.origin);
  await tid(teacher, "lesson-open-contributions").click();
  await tid(teacher, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(teacher, "variants-runs").fill("300");
  // A seed of the trainer's own choosing travels with the link.
  await tid(teacher, "seed").fill("777");
  await tid(teacher, "seed").press("Enter");
  await teacher.waitForSelector('#app-ready[data-seed="777"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  first = await runComparison(teacher);
  assert.equal(first.runs, "300");
  names = await partnerNames(teacher);
  await tid(teacher, "variants-share").click();
  await tid(teacher, "variants-link").waitFor({ timeout: STEP_TIMEOUT_MS });
  link = await tid(teacher, "variants-link").inputValue();
  assert.match(link, /#e1\.[A-Za-z0-9_-]+$/, link);
  assert.ok(teacher.url().includes("#e1."), "the address holds the experiment too");
  console.log(`experiment link: ${link.length} characters`);
  await h.shot(teacher, "teacher");
});

await h.check("a student opens the link and gets the same numbers", async () => {
  const student = await h.newPage();
  await student.goto(link, { waitUntil: "load" });
  await expectNotice(student, /shared experiment is loaded/);
  await tid(student, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(student, "variant-0").innerText(), /As it is/);
  assert.match(await tid(student, "variant-1").innerText(), /Proportional shares/);
  assert.equal(await tid(student, "variants-runs").inputValue(), "300");
  assert.deepEqual(await partnerNames(student), names, "the lesson's scenario");
  assert.equal(await student.locator("#app-ready").getAttribute("data-seed"), "777");
  const again = await runComparison(student);
  assert.deepEqual(again, first, "same table, same test, same words");
  await h.shot(student, "student");
});

await h.check("a damaged experiment link gives a message; the page still works", async () => {
  const page = await h.newPage();
  const cut = link.slice(0, link.indexOf("#e1.") + 20);
  await page.goto(cut, { waitUntil: "load" });
  await expectNotice(page, /link/i);
  assert.equal(await tid(page, "variant-0").count(), 0, "no variants from a broken link");
  await tid(page, "finish").click();
  await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
});

await h.finish();
