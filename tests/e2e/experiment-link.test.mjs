// End-to-end test of experiment links (issue 5, item 7): the share link carries the whole
// experiment (scenario, its name, variants, run count, seed), and whoever opens it reproduces the same
// numbers; a damaged experiment link gives a message and leaves the page usable.
// Usage: node experiment-link.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { start, open, ready, reveal, tid, partnerNames, expectNotice, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("experiment-link");
const RESULTS_TIMEOUT_MS = 180_000;
const CLASS_NAME = "Kelas 3B: <b>kontrak</b>";

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
  // Saved under a name of the trainer's: the link carries it.
  await tid(teacher, "save-name").fill(CLASS_NAME);
  await tid(teacher, "save").click();
  await teacher.waitForFunction((n) => document.querySelector('[data-testid="preset-open"]')?.textContent.includes(n), CLASS_NAME, { timeout: STEP_TIMEOUT_MS });
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
  await ready(student);
  await expectNotice(student, /shared experiment is loaded/);
  await tid(student, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  // The notice goes to the variants it announces (screens below).
  await tid(student, "notice-to-variants").click();
  await student.waitForFunction(() => {
    const r = document.getElementById("variants-title").getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight / 2;
  }, null, { timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(student, "variant-0").innerText(), /As it is/);
  assert.match(await tid(student, "variant-1").innerText(), /Proportional shares/);
  assert.equal(await tid(student, "variants-runs").inputValue(), "300");
  assert.deepEqual(await partnerNames(student), names, "the lesson's scenario");
  assert.equal(await tid(student, "preset-open").innerText(), `Open now: “${CLASS_NAME}”.`, "under the trainer's name");
  assert.equal(await student.locator("#app-ready").getAttribute("data-seed"), "777");
  const again = await runComparison(student);
  assert.deepEqual(again, first, "same table, same test, same words");
  await h.shot(student, "student");
});

/** The names of the variants of "Compare fairly" on `p`, in order. */
async function variantNamesOf(p) {
  const out = [];
  for (let k = 0; k < 4; k++) {
    if ((await tid(p, `variant-${k}`).count()) === 0) break;
    out.push(await tid(p, `variant-${k}`).locator(".variant-name").innerText());
  }
  return out;
}

/** Waits until the variants of `p` are named `want` (they change in an effect after a move). */
async function expectVariants(p, want, what) {
  const t0 = Date.now();
  let got = await variantNamesOf(p);
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() - t0 < STEP_TIMEOUT_MS) {
    await p.waitForTimeout(100);
    got = await variantNamesOf(p);
  }
  assert.deepEqual(got, want, what);
}

await h.check("a reload keeps the variants of Compare fairly; another experiment link brings its own", async () => {
  const p = await h.newPage();
  const variantNames = () => variantNamesOf(p);
  const reload = async () => {
    await p.reload({ waitUntil: "load" });
    await ready(p);
    await tid(p, "compare-batch").waitFor({ timeout: STEP_TIMEOUT_MS });
  };
  await open(p, h.origin);
  await tid(p, "variant-add").click();
  await tid(p, "variant-name").fill("Open books");
  await tid(p, "variant-add").click();
  await tid(p, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(p, "variants-runs").fill("250");
  await reload();
  await tid(p, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.deepEqual(await variantNames(), ["Variant 1", "Open books"], "the variants came back");
  assert.equal(await tid(p, "variants-runs").inputValue(), "250", "and the runs per variant");
  // Sharing the scenario changes the address; the variants stay the tab's.
  await tid(p, "share").click();
  await p.waitForFunction(() => location.hash.startsWith("#s3."), null, { timeout: STEP_TIMEOUT_MS });
  await reload();
  await tid(p, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.deepEqual(await variantNames(), ["Variant 1", "Open books"], "kept across a shared scenario's address");
  // An experiment link opened in the tab brings its own variants and runs ...
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectNotice(p, /shared experiment is loaded/);
  await tid(p, "variant-0").filter({ hasText: "As it is" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.deepEqual(await variantNames(), ["As it is", "Proportional shares"]);
  assert.equal(await tid(p, "variants-runs").inputValue(), "300");
  // ... and what the user then changes under it is what a reload keeps.
  await tid(p, "variant-remove-1").click();
  await tid(p, "variant-1").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  await reload();
  await tid(p, "variant-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  await p.waitForTimeout(300);
  assert.deepEqual(await variantNames(), ["As it is"], "the link's variant the user removed stays removed");
  // A new tab has none.
  const q = await h.newPage();
  await open(q, h.origin);
  await q.waitForTimeout(300);
  assert.equal(await tid(q, "variant-0").count(), 0, "a new tab starts with no variants");
  await q.context().close();
  await p.context().close();
});

await h.check("Back from an experiment link brings back the variants the tab had before it, and Forward the experiment's", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await tid(p, "variant-add").click();
  await tid(p, "variant-name").fill("Open books");
  await tid(p, "variant-add").click();
  await tid(p, "variants-runs").fill("250");
  await tid(p, "share").click();
  await p.waitForFunction(() => location.hash.startsWith("#s3."), null, { timeout: STEP_TIMEOUT_MS });
  const own = p.url();
  // The experiment link, opened in the same tab (pasted into the address bar).
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectNotice(p, /shared experiment is loaded/);
  await expectVariants(p, ["As it is", "Proportional shares"], "the link's variants");
  await p.goBack();
  assert.equal(p.url(), own);
  await expectVariants(p, ["Variant 1", "Open books"], "Back: the tab's own variants again");
  assert.equal(await tid(p, "variants-runs").inputValue(), "250", "and its runs per variant");
  assert.equal(await tid(p, "notice").filter({ hasText: /shared experiment is loaded/ }).count(), 0, "the link's notice is gone");
  await p.goForward();
  await expectVariants(p, ["As it is", "Proportional shares"], "Forward: the link's variants again");
  assert.equal(await tid(p, "variants-runs").inputValue(), "300");
  // What the user changes under an address is what Back and Forward bring back to it.
  await tid(p, "variant-remove-1").click();
  await expectVariants(p, ["As it is"], "a variant removed");
  await p.goBack();
  await expectVariants(p, ["Variant 1", "Open books"], "Back again");
  await p.goForward();
  await expectVariants(p, ["As it is"], "Forward: the experiment as the user left it");
  await p.context().close();
});

await h.check("a damaged experiment link gives a message; the page still works", async () => {
  const page = await h.newPage();
  const cut = link.slice(0, link.indexOf("#e1.") + 20);
  await page.goto(cut, { waitUntil: "load" });
  await ready(page);
  await expectNotice(page, /link/i);
  assert.equal(await tid(page, "variant-0").count(), 0, "no variants from a broken link");
  await tid(page, "finish").click();
  await page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
});

await h.check("a link whose variants have different horizons (tampered: Share makes none) is refused when it opens", async () => {
  const at = link.indexOf("#e1.") + 4;
  const bytes = Buffer.from(link.slice(at), "base64url");
  // The second variant: its name (postcard: length, then the bytes), then its horizon in
  // months (one byte below 128).
  const name = Buffer.from("Proportional shares");
  const k = bytes.indexOf(Buffer.concat([Buffer.from([name.length]), name]));
  assert.ok(k > 0, "the variant's name is in the link");
  const horizon = k + 1 + name.length;
  assert.ok(bytes[horizon] < 0x80 && bytes[horizon] !== 60, `horizon byte ${bytes[horizon]}`);
  bytes[horizon] = 60;
  const page = await h.newPage();
  await page.goto(link.slice(0, at) + bytes.toString("base64url"), { waitUntil: "load" });
  await ready(page);
  await expectNotice(page, /This link could not be read/);
  assert.equal(await tid(page, "variant-0").count(), 0, "no variants from the link");
  await page.context().close();
});

await h.check("variants of different horizons: Share refuses them as Run does, and no link is made", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await tid(p, "variant-add").click();
  await tid(p, "variant-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  const f = await reveal(p, "field-horizon_months");
  await f.fill("60");
  await f.press("Tab");
  await tid(p, "variant-add").click();
  await tid(p, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(p, "variants-share").click();
  assert.match(await tid(p, "variants-status").innerText(), /same horizon/);
  assert.equal(await tid(p, "variants-link").count(), 0, "no link");
  assert.ok(!p.url().includes("#e1."), "the address holds no experiment");
  await tid(p, "variants-run").click();
  assert.match(await tid(p, "variants-status").innerText(), /same horizon/);
  await p.context().close();
});

await h.finish();
