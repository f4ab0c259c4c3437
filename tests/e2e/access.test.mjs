// End-to-end: (9) Bahasa Indonesia changes the visible text; (10) a 375 px phone has no
// sideways scrolling, and the keyboard reaches the Run button with a visible focus outline.
// Usage: node access.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { STEP_TIMEOUT_MS, finishRun, open, start, tid } from "./harness.mjs";

const h = await start("access");

await h.check("(9) switching to Bahasa Indonesia changes the Run button and the introduction", async () => {
  const page = await h.newPage();
  await open(page, h.origin);
  const runEn = (await tid(page, "run").innerText()).trim();
  const introEn = await tid(page, "intro").innerText();
  await tid(page, "lang-id").click();
  await page.waitForFunction(
    (runEn) => document.querySelector('[data-testid="run"]')?.innerText.trim() !== runEn,
    runEn,
    { timeout: 5_000 },
  );
  const runId = (await tid(page, "run").innerText()).trim();
  const introId = await tid(page, "intro").innerText();
  assert.notEqual(introId, introEn);
  assert.match(runId, /Jalankan|Mulai|Putar/, `Run button in Bahasa Indonesia: ${runId}`);
  assert.match(introId, /skenario/i);
  assert.equal(await tid(page, "run").evaluate((e) => e.closest("[lang]").lang), "id", "the lang attribute around the Run button");
  const body = await page.locator("body").innerText();
  assert.doesNotMatch(body, /\?\?/, "no missing translation (??) on the page");
  await finishRun(page);
  assert.doesNotMatch(await page.locator("body").innerText(), /\?\?/, "no missing translation after a run");
  await h.shot(page, "bahasa");
  await tid(page, "lang-en").click();
  await tid(page, "intro").filter({ hasText: introEn }).waitFor({ timeout: 5_000 });
  await page.context().close();
});

await h.check("(10) at 375 px wide there is no horizontal scroll, before and after a run", async () => {
  const page = await h.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  await open(page, h.origin);
  const w0 = await page.evaluate(() => document.documentElement.scrollWidth);
  await h.shot(page, "phone");
  assert.ok(w0 <= 375, `page is ${w0} px wide on load`);
  await finishRun(page);
  const w1 = await page.evaluate(() => document.documentElement.scrollWidth);
  await h.shot(page, "phone-done");
  assert.ok(w1 <= 375, `page is ${w1} px wide after a run`);
  await page.context().close();
});

await h.check("(10) Tab reaches the Run button, which shows a visible focus outline", async () => {
  const page = await h.newPage();
  await open(page, h.origin);
  await tid(page, "run").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  let reached = false;
  for (let i = 0; i < 150 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === "run");
  }
  assert.ok(reached, "Tab never reached the Run button");
  const style = await tid(page, "run").evaluate((e) => {
    const s = getComputedStyle(e);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  assert.notEqual(style.style, "none", `outline: ${JSON.stringify(style)}`);
  assert.ok(style.width >= 2, `outline: ${JSON.stringify(style)}`);
  await h.shot(page, "focus-run");
  await page.context().close();
});

await h.finish();
