// End-to-end test of the scenario editor's controls on the built page (dist/) in headless
// system Chromium: values accepted (decimal comma too), refused at the control with a message
// in the user's language, partners added and removed, the ladder reordered, shocks scripted,
// and the editor on a 375 px phone.
// Usage: node editor-controls.test.mjs [DIST_DIR]
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

const id = (testid) => `[data-testid="${testid}"]`;

/** Types `text` into the control and leaves it (the change event commits it). */
async function type(page, testid, text) {
  const el = page.locator(id(testid));
  await el.fill(text);
  await el.press("Tab");
}

/** Opens the editor section whose summary matches `name`. */
async function open(page, name) {
  const details = page.locator(`${id("editor")} details.editor-section`, { has: page.locator("summary", { hasText: name }) });
  if ((await details.getAttribute("open")) === null) {
    await details.locator("summary").first().click();
  }
}

let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console error: ${m.text()}`));
  await mkdir(shots, { recursive: true });

  await check("editor renders with one card per partner", async () => {
    await page.goto(origin + "/", { waitUntil: "load" });
    await page.waitForSelector(id("editor"), { timeout: READY_TIMEOUT_MS });
    assert.equal(await page.locator('section[data-testid^="partner-"]').count(), 4);
    assert.equal(await page.locator(id("partner-culture-0")).inputValue(), "ID");
    assert.ok((await page.locator(id("partner-name-0")).inputValue()).length > 0);
    assert.equal(await page.locator(id("field-horizon_months")).inputValue(), "120");
    // Labels are tied to their inputs.
    await page.getByLabel("Opportunism").first().waitFor();
  });

  await check("a valid value is accepted (decimal comma too)", async () => {
    await type(page, "field-partners.0.opportunism", "0,45");
    // The field shows the accepted value once the page has re-rendered (wait for it on a busy
    // machine rather than reading once).
    await page
      .waitForFunction((sel) => document.querySelector(sel)?.value === "0.45", id("field-partners.0.opportunism"), {
        timeout: 5_000,
      })
      .catch(() => {});
    assert.equal(await page.locator(id("field-partners.0.opportunism")).inputValue(), "0.45");
    assert.equal(await page.locator(id("error-partners.0.opportunism")).count(), 0);
  });

  await check("transparency 7 is refused at the control; the scenario keeps 0.5", async () => {
    await open(page, "Governance");
    const slider = page.locator(`${id("field-governance.transparency")} + input.slider`);
    const before = await slider.inputValue();
    await type(page, "field-governance.transparency", "7");
    const err = page.locator(id("error-governance.transparency"));
    await err.waitFor({ timeout: 5_000 });
    assert.match(await err.innerText(), /Must be between 0 and 1/);
    assert.equal(await slider.inputValue(), before, "scenario unchanged");
    assert.equal(await page.locator(id("field-governance.transparency")).inputValue(), "7", "the refused text stays visible");
    assert.equal(await page.locator(id("field-governance.transparency")).getAttribute("aria-invalid"), "true");
    await err.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "editor-error.png"), fullPage: false });
    // Words and emptiness are refused too, then a good value clears the message.
    await type(page, "field-governance.transparency", "lots");
    assert.match(await err.innerText(), /Not a number/);
    await type(page, "field-governance.transparency", "");
    assert.match(await err.innerText(), /enter a number/);
    await type(page, "field-governance.transparency", "0.8");
    await err.waitFor({ state: "detached", timeout: 5_000 });
    assert.equal(await slider.inputValue(), "0.8");
  });

  await check("error messages follow the language", async () => {
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await type(page, "field-governance.monitoring", "1,5");
    assert.match(await page.locator(id("error-governance.monitoring")).innerText(), /Harus antara 0 dan 1/);
    await type(page, "field-governance.monitoring", "0,3");
    await page.locator(id("error-governance.monitoring")).waitFor({ state: "detached", timeout: 5_000 });
    await page.getByRole("button", { name: "English" }).click();
  });

  await check("choices: form, alliance manager, fixed shares", async () => {
    await page.locator(id("field-governance.form")).selectOption("equity_jv");
    assert.equal(await page.locator(id("field-governance.form")).inputValue(), "equity_jv");
    await page.locator(id("field-governance.alliance_manager")).check();
    assert.ok(await page.locator(id("field-governance.alliance_manager")).isChecked());
    await page.locator(id("field-governance.sharing")).selectOption("fixed");
    await page.locator(id("field-governance.fixed_shares.3")).waitFor();
    await type(page, "field-governance.fixed_shares.3", "0,1");
    assert.equal(await page.locator(id("field-governance.fixed_shares.3")).inputValue(), "0.1");
  });

  await check("adds and removes a partner", async () => {
    await page.locator(id("partner-add")).click();
    await page.locator(id("partner-4")).waitFor();
    assert.equal(await page.locator(id("partner-name-4")).inputValue(), "Partner 5");
    assert.equal(await page.locator(id("field-governance.fixed_shares.4")).count(), 1, "fixed share added");
    await type(page, "partner-name-4", "Garuda Ventures");
    assert.match(await page.locator(`${id("partner-4")} h3`).innerText(), /Garuda Ventures/);
    await page.locator(id("partner-culture-4")).selectOption("custom");
    await type(page, "field-partners.4.culture.pdi", "130");
    assert.match(await page.locator(id("error-partners.4.culture.pdi")).innerText(), /between 0 and 120/);
    await type(page, "field-partners.4.culture.pdi", "20");
    await page.locator(id("partner-4")).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "editor-partners.png"), fullPage: false });
    await page.locator(id("partner-remove-1")).click();
    await page.locator(id("partner-4")).waitFor({ state: "detached" });
    assert.equal(await page.locator(id("partner-name-3")).inputValue(), "Garuda Ventures");
    assert.equal(await page.locator(id("field-governance.fixed_shares.4")).count(), 0, "fixed share removed");
    await page.locator(id("partner-remove-3")).click();
    await page.locator(id("partner-remove-2")).click();
    await page.locator(id("partner-2")).waitFor({ state: "detached" });
    assert.ok(await page.locator(id("partner-remove-0")).isDisabled(), "cannot go below two partners");
  });

  await check("reorders, adds and removes ladder steps", async () => {
    const steps = async () => page.locator(`${id("ladder")} li`).evaluateAll((els) => els.map((e) => e.dataset.step));
    assert.deepEqual(await steps(), ["negotiation", "arbitration"]);
    assert.ok(await page.locator(id("ladder-up-0")).isDisabled());
    await page.locator(id("ladder-down-0")).click();
    assert.deepEqual(await steps(), ["arbitration", "negotiation"]);
    await page.locator(id("ladder-up-1")).click();
    assert.deepEqual(await steps(), ["negotiation", "arbitration"]);
    await page.locator(id("ladder-add-kind")).selectOption("mediation");
    await page.locator(id("ladder-add")).click();
    assert.deepEqual(await steps(), ["negotiation", "arbitration", "mediation"]);
    await page.locator(id("ladder-up-2")).click();
    assert.deepEqual(await steps(), ["negotiation", "mediation", "arbitration"]);
    await page.locator(id("ladder-remove-0")).click();
    assert.deepEqual(await steps(), ["mediation", "arbitration"]);
    // With the keyboard: Enter on ▼ moves the step to the end, which disables that ▼; the
    // focus goes to the same step's ▲, not to its Remove button (a second Enter moves it back).
    const focusedId = () => page.evaluate(() => document.activeElement?.dataset?.testid);
    await page.locator(id("ladder-down-0")).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === "ladder-up-1", null, { timeout: 5_000 });
    assert.deepEqual(await steps(), ["arbitration", "mediation"]);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector('[data-testid="ladder-step-0"]')?.dataset.step === "mediation", null, { timeout: 5_000 });
    assert.deepEqual(await steps(), ["mediation", "arbitration"], "moved back, nothing removed");
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === "ladder-down-0", null, { timeout: 5_000 });
    assert.equal(await focusedId(), "ladder-down-0");
    await page.locator(id("ladder-step-1")).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "editor-ladder.png"), fullPage: false });
  });

  await check("adds, edits and removes a scripted shock", async () => {
    await open(page, "Market and shocks");
    await page.locator(id("shock-add")).click();
    await page.locator(id("shock-0")).waitFor();
    await page.locator(id("field-environment.scripted_shocks.0.kind")).selectOption("partner_crisis");
    await page.locator(id("field-environment.scripted_shocks.0.partner")).selectOption("1");
    await type(page, "field-environment.scripted_shocks.0.month", "500");
    assert.match(await page.locator(id("error-environment.scripted_shocks.0.month")).innerText(), /between 1 and 120/);
    await type(page, "field-environment.scripted_shocks.0.month", "36");
    await type(page, "field-environment.rivalry", "0.2");
    await page.locator(id("shock-0")).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "editor-shocks.png"), fullPage: false });
    // A horizon shorter than the shock is refused with a reason.
    await type(page, "field-horizon_months", "24");
    assert.match(await page.locator(id("error-horizon_months")).innerText(), /month 36/);
    await page.locator(id("shock-remove-0")).click();
    await page.locator(id("shock-0")).waitFor({ state: "detached" });
    await type(page, "field-horizon_months", "24");
    await page.locator(id("error-horizon_months")).waitFor({ state: "detached", timeout: 5_000 });
    await page.locator(id("editor")).screenshot({ path: join(shots, "editor-desktop.png") });
  });

  await check("keyboard: a ladder step moves with Enter", async () => {
    await page.locator(id("ladder-down-0")).focus();
    await page.keyboard.press("Enter");
    const first = await page.locator(id("ladder-step-0")).getAttribute("data-step");
    assert.equal(first, "arbitration");
  });

  await check("at the limit of scripted shocks, Add is disabled and says why", async () => {
    const p = await context.newPage();
    await p.goto(origin + "/");
    await p.waitForSelector(id("editor"), { timeout: READY_TIMEOUT_MS });
    // The current scenario as a file (Export), with 999 shocks added, imported again.
    const [download] = await Promise.all([p.waitForEvent("download"), p.locator(id("export")).click()]);
    const { readFile } = await import("node:fs/promises");
    const json = JSON.parse(await readFile(await download.path(), "utf8"));
    json.environment.scripted_shocks = Array.from({ length: 999 }, (_, k) => ({ month: 1 + (k % 100), kind: "demand_collapse", severity: 0.1 }));
    await p.locator(id("import")).setInputFiles({ name: "many.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
    await p.locator(id("shock-998")).waitFor({ state: "attached", timeout: 20_000 });
    await open(p, "Market and shocks");
    assert.ok(await p.locator(id("shock-add")).isEnabled(), "999 shocks: one more may be added");
    assert.equal(await p.locator(id("shock-limit")).count(), 0);
    await p.locator(id("shock-add")).click();
    await p.locator(id("shock-999")).waitFor({ state: "attached", timeout: 20_000 });
    assert.ok(await p.locator(id("shock-add")).isDisabled(), "1,000 shocks: Add is disabled");
    assert.match(await p.locator(id("shock-limit")).innerText(), /at most 1,000 scripted shocks/);
    await p.locator(id("shock-remove-0")).click();
    await p.locator(id("shock-limit")).waitFor({ state: "detached", timeout: 20_000 });
    assert.ok(await p.locator(id("shock-add")).isEnabled(), "enabled again below the limit");
    await p.close();
  });

  await check("a custom culture comes back after trying a country", async () => {
    const p = await context.newPage();
    await p.goto(origin + "/");
    await p.waitForSelector(id("editor"), { timeout: READY_TIMEOUT_MS });
    await p.locator(id("partner-culture-1")).selectOption("custom");
    await type(p, "field-partners.1.culture.pdi", "7");
    await p.locator(id("partner-culture-1")).selectOption("JP");
    await p.locator(id("field-partners.1.culture.pdi")).waitFor({ state: "detached", timeout: 5_000 });
    await p.locator(id("partner-culture-1")).selectOption("custom");
    assert.equal(await p.locator(id("field-partners.1.culture.pdi")).inputValue(), "7", "the score typed, not Japan's");
    await p.close();
  });

  await check("fits a 375 px phone without sideways scrolling", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const p = await phone.newPage();
    await p.goto(origin + "/");
    await p.waitForSelector(id("editor"), { timeout: READY_TIMEOUT_MS });
    for (const name of ["Governance", "Market and shocks"]) await open(p, name);
    await p.locator(id("shock-add")).click();
    await p.locator(id("partner-culture-1")).selectOption("custom");
    await type(p, "field-governance.transparency", "7");
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    await p.locator(id("editor")).screenshot({ path: join(shots, "editor-phone.png") });
    assert.ok(width <= 375, `page is ${width} px wide`);
    const small = await p.locator(`${id("editor")} button:visible`).evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.height < 40 || r.width < 40).length,
    );
    assert.equal(small, 0, "touch targets at least 40 px");
    await phone.close();
  });

  await check('the "?" help buttons of each group of a partner line up, labels unmoved (1280 and 360 px, en and id)', async () => {
    for (const width of [1280, 360]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const p = await ctx.newPage();
      await p.goto(origin + "/");
      await p.waitForSelector(id("editor"), { timeout: READY_TIMEOUT_MS });
      // A custom culture adds a third group of "?" buttons (the six scores).
      await p.locator(id("partner-culture-1")).selectOption("custom");
      await p.locator(id("field-partners.1.culture.pdi")).waitFor();
      for (const lang of ["en", "id"]) {
        await p.locator(id(`lang-${lang}`)).click();
        await p.waitForFunction((l) => document.querySelector('[data-testid="editor"]')?.closest("[lang]")?.lang === l, lang);
        const groups = await p.locator('section[data-testid^="partner-"] fieldset.group').evaluateAll((sets) =>
          sets
            .map((set) =>
              [...set.querySelectorAll(".field.compact")].map((f) => {
                const r = (e) => e.getBoundingClientRect();
                return { field: r(f), label: r(f.querySelector(".label-row > label")), help: r(f.querySelector(".help-toggle > summary")) };
              }),
            )
            .filter((g) => g.length > 0),
        );
        assert.ok(groups.length >= 9, `${width} px ${lang}: ${groups.length} groups with "?" buttons`);
        for (const g of groups) {
          const rights = g.map((f) => f.help.right);
          const spread = Math.max(...rights) - Math.min(...rights);
          assert.ok(spread <= 1, `${width} px ${lang}: the "?" buttons of a group end ${spread.toFixed(1)} px apart (${rights.map((x) => x.toFixed(1)).join(", ")})`);
          for (const f of g) {
            assert.ok(f.help.width > 0, "the ? is shown");
            assert.ok(Math.abs(f.label.left - f.field.left) <= 1, `${width} px ${lang}: a label starts at its field's left`);
            assert.ok(f.help.left >= f.label.right - 0.5, `${width} px ${lang}: a ? covers its label`);
          }
        }
      }
      await p.locator(id("partner-0")).screenshot({ path: join(shots, `editor-help-${width}.png`) });
      await ctx.close();
    }
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

console.log(`e2e editor controls (${origin}, ${dist}):`);
console.log(results.join("\n"));
console.log(`screenshots in ${shots}: editor-*.png`);
if (failed) {
  console.error("e2e editor controls: FAILED");
  process.exit(1);
}
console.log("e2e editor controls: all passed");
