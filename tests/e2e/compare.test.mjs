// End-to-end test of "Compare fairly" (issue 5, item 2): variants of a scenario run on the
// same seeds in web workers, then compared (curves together, difference, log-rank in words).
// Usage: node compare.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build, `scripts/build.sh`)
import assert from "node:assert/strict";
import { join } from "node:path";
import { start, open, tid, reveal, repo, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("compare");
const page = await h.newPage();
const RESULTS_TIMEOUT_MS = 180_000;
const shots = process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots");
const sectionShot = (name) =>
  tid(page, "compare-batch").screenshot({ path: join(shots, `compare-section-${name}.png`) }).catch(() => {});

await h.check("the default scenario is stored as the base variant", async () => {
  await open(page, h.origin);
  await tid(page, "compare-batch").scrollIntoViewIfNeeded();
  assert.ok(await tid(page, "variants-run").isDisabled(), "nothing to compare yet");
  await tid(page, "variant-add").click();
  await tid(page, "variant-0").filter({ hasText: "Variant 1" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(page, "variant-0").innerText(), /base/);
  assert.ok(await tid(page, "variants-run").isDisabled(), "one variant is not enough");
});

await h.check("a second variant with an alliance manager, under its own name", async () => {
  const box = await reveal(page, "field-governance.alliance_manager");
  await box.check();
  assert.ok(await box.isChecked());
  await tid(page, "compare-batch").scrollIntoViewIfNeeded();
  await tid(page, "variant-name").fill("With a manager");
  await tid(page, "variant-add").click();
  await tid(page, "variant-1").filter({ hasText: "With a manager" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "variant-name").inputValue(), "", "the name field is cleared");
});

// The focus moves in a timer after the redraw: wait for it (false if it never comes).
const focused = (name) =>
  page
    .waitForFunction((name) => document.activeElement?.dataset?.testid === name, name, { timeout: STEP_TIMEOUT_MS })
    .then(() => true, () => false);

/**
 * The verdict says what the table says: for each variant, both survivals as the table shows
 * them, and its difference's interval, called clear only when it leaves out zero. Returns the
 * verdict's paragraphs.
 */
async function verdictMatchesTable() {
  const rows = await tid(page, "variants-table").locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.innerText.trim())));
  const said = await tid(page, "variants-verdict").locator("p").allInnerTexts();
  for (let i = 1; i < rows.length; i++) {
    const [name, survival, diff] = rows[i];
    const [, lo, hi] = diff.match(/\((\S+) to (\S+)\)$/);
    const p = said[i - 1];
    assert.ok(p.startsWith(`${name}: ${survival} still together after `), `${p} / ${rows[i]}`);
    assert.ok(p.includes(`against ${rows[0][1]} for ${rows[0][0]}.`), `${p} / ${rows[0]}`);
    assert.ok(p.includes(`interval (${lo} to ${hi} percentage points)`), `${p} / ${diff}`);
    const word = lo.startsWith("+") ? /Clearly higher/ : hi.startsWith("\u2212") ? /Clearly lower/ : /could be chance: .* includes zero/;
    assert.match(p, word, `${p} / ${diff}`);
  }
  return said;
}

await h.check("a third variant can be added and removed, and the removal undone", async () => {
  await tid(page, "variant-add").click();
  await tid(page, "variant-2").filter({ hasText: "Variant 3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // Said in the status region, with what it changes (an audit heard nothing).
  const news = page.locator('[data-testid="compare-batch"] [role="status"] [data-testid="variants-news"]');
  assert.match(await news.textContent(), /^Added to the comparison: “Variant 3”, Dedicated alliance manager: No → Yes\.$/);
  await tid(page, "variant-remove-2").focus();
  await page.keyboard.press("Enter");
  await tid(page, "variant-2").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  assert.equal(await news.textContent(), "Removed “Variant 3”.");
  assert.equal(await tid(page, "variant-1").count(), 1);
  // Undo, with the focus on it, puts it back in its place; the focus goes to its Remove.
  await tid(page, "variant-undo").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.ok(await focused("variant-undo"), "the focus is on Undo");
  assert.match(await page.locator("#variant-undo-msg").innerText(), /Removed “Variant 3”/);
  await page.keyboard.press("Enter");
  await tid(page, "variant-2").filter({ hasText: "Variant 3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(page, "variant-changes-2").innerText(), /alliance manager: No → Yes/);
  assert.equal(await tid(page, "variant-undo").count(), 0, "Undo is used up");
  assert.ok(await focused("variant-remove-2"), "the focus is on the restored variant's Remove");
  await tid(page, "variants-status").filter({ hasText: "“Variant 3” is back in its place." }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // Undo never restores over newer work: an added variant ends it.
  await tid(page, "variant-remove-2").click();
  await tid(page, "variant-undo").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variant-add").click();
  await tid(page, "variant-2").filter({ hasText: "Variant 3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "variant-undo").count(), 0, "no Undo after an add");
  await tid(page, "variant-remove-2").click();
  await tid(page, "variant-2").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
});

await h.check("1,000 futures of each variant on the same seeds: two curves, a difference, words", async () => {
  await tid(page, "variants-runs").fill("1000");
  await tid(page, "variants-run").click();
  await tid(page, "variants-progress").waitFor({ timeout: STEP_TIMEOUT_MS });
  await sectionShot("running");
  await tid(page, "variants-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  assert.equal(await tid(page, "variants-results").getAttribute("data-runs"), "1000");
  const km = tid(page, "variants-km");
  assert.equal(await km.locator("path.variant-line").count(), 2, "two curves");
  for (const i of [0, 1]) {
    const d = await km.locator(`path[data-variant="${i}"]`).getAttribute("d");
    assert.ok(d.length > 100, `curve ${i} drawn`);
  }
  assert.equal(await tid(page, "variants-legend").locator("li").count(), 2, "a legend entry each");
  const diff = await tid(page, "variants-diff-1").innerText();
  console.log(`difference from the base: ${diff}`);
  assert.match(diff, /^[+\u2212]?\d+\.\d \([+\u2212]?\d+\.\d to [+\u2212]?\d+\.\d\)$/, "difference with its interval");
  assert.doesNotMatch(diff, /-/, "signs are true minus signs, not hyphens");
  const words = await tid(page, "variants-verdict").innerText();
  console.log(`verdict: ${words}`);
  assert.match(words, /time|chance/);
  assert.match(words, /With a manager: \d+\.\d% still together after 10 years, against \d+\.\d% for Variant 1/);
  const said = await verdictMatchesTable();
  // Two variants: the log-rank test is that pair's, and is said only where it agrees.
  if (said.length > 1) {
    const significant = !/could well be chance/.test(said[1]);
    assert.equal(significant, !/could be chance/.test(said[0]), `${said}`);
  }
  console.log(`log-rank: ${await tid(page, "variants-logrank").innerText()}`);
  await tid(page, "variants-results").scrollIntoViewIfNeeded();
  await h.shot(page, "results");
  await sectionShot("results");
});

await h.check("a variant removed after a run comes back with the results, by Undo", async () => {
  assert.equal(await tid(page, "variant-undo").count(), 0, "running ended the earlier Undo");
  const diff = await tid(page, "variants-diff-1").innerText();
  await tid(page, "variant-remove-1").click();
  await tid(page, "variants-results").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "variant-1").count(), 0);
  await tid(page, "variant-undo").click();
  await tid(page, "variants-results").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(page, "variant-1").innerText(), /With a manager/);
  assert.equal(await tid(page, "variants-diff-1").innerText(), diff, "the same results");
  assert.match(await tid(page, "variants-status").innerText(), /“With a manager” is back in its place, with the results/);
  assert.ok(await focused("variant-remove-1"), "the focus is on the restored variant's Remove");
});

await h.check("results in Bahasa Indonesia", async () => {
  await tid(page, "lang-id").click();
  await tid(page, "compare-batch").filter({ hasText: "Bandingkan secara adil" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(page, "variants-verdict").innerText(), /kebetulan/);
  assert.match(await tid(page, "variants-status").innerText(), /kembali ke tempatnya/);
  await sectionShot("results-id");
  await tid(page, "lang-en").click();
});

await h.check("three variants (the trust lesson, 300 runs): the overall test is about them together", async () => {
  await tid(page, "lesson-open-trust").click();
  await tid(page, "variant-2").filter({ hasText: "Open books and monitoring" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variants-runs").fill("300");
  await tid(page, "variants-run").click();
  await tid(page, "variants-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  const said = await verdictMatchesTable();
  console.log(`verdict (three variants): ${said.join(" | ")}`);
  for (const p of said) assert.doesNotMatch(p, /A difference this large/, "no pair is given the overall test");
  const p = Number(await tid(page, "variants-results").getAttribute("data-p"));
  if (p < 0.05) assert.match(said.at(-1), /^Taken together, the variants differ more than chance/);
});

await h.check("a comparison can be cancelled", async () => {
  await tid(page, "variants-runs").fill("100000");
  await tid(page, "variants-run").click();
  await tid(page, "variants-progress").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variants-cancel").click();
  await tid(page, "variants-status").filter({ hasText: /cancelled/i }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "variants-progress").count(), 0, "progress gone");
  assert.equal(await tid(page, "variants-results").count(), 0, "no results");
  assert.ok(await tid(page, "variants-run").isEnabled(), "can start again");
});

await h.check("a lesson opened while a comparison runs stops it and brings its own variants", async () => {
  await tid(page, "lesson-open-trust").click();
  await tid(page, "variant-2").filter({ hasText: "Open books and monitoring" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variants-runs").fill("100000");
  await tid(page, "variants-run").click();
  await tid(page, "variants-progress").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "lesson-open-contributions").click();
  await page.waitForSelector('[data-testid="lesson"][data-lesson="contributions"]', { timeout: STEP_TIMEOUT_MS });
  await tid(page, "variant-1").filter({ hasText: "Proportional shares" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "variant-2").count(), 0, "the trust lesson's third variant is gone");
  assert.equal(await tid(page, "variants-progress").count(), 0, "the trust lesson's comparison stopped");
  assert.ok(await tid(page, "variants-run").isEnabled(), "the new comparison can start");
  await tid(page, "lesson-close").click();
});

await h.check("variants a lesson replaced come back by Undo (a trainer's set-up was lost to a lesson opened)", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  for (const name of ["Base", "Open books"]) {
    await tid(p, "variant-name").fill(name);
    await tid(p, "variant-add").click();
  }
  await tid(p, "variant-1").filter({ hasText: "Open books" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(p, "lesson-open-conflict").click();
  await tid(p, "variant-1").filter({ hasText: "Mediation" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(p, "compare-batch").locator(".undo-row").innerText(), /The new experiment's variants replaced the 2 you had\./);
  await tid(p, "variants-undo-replace").click();
  await tid(p, "variant-1").filter({ hasText: "Open books" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(p, "variant-0").innerText(), /Base/);
  assert.equal(await tid(p, "variants-undo-replace").count(), 0, "used up");
  await p.context().close();
});

await h.check("on a phone (375 px) the section has no sideways scroll", async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await tid(page, "compare-batch").scrollIntoViewIfNeeded();
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `page is ${over} px wider than the screen`);
  await sectionShot("phone");
});

await h.finish();
