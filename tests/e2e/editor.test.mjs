// End-to-end: (2) the scenario editor. A changed value is used by the next run; a refused
// value shows a message next to its control and nothing crashes; partners can be added and
// removed.
// Usage: node editor.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { OUTCOME_RE, STEP_TIMEOUT_MS, expectPartners, finishRun, loadPreset, open, ready, reveal, start, tid } from "./harness.mjs";

const h = await start("editor");
const page = await h.newPage();

const partnerCount = (p) =>
  p.locator('[data-testid^="partner-"]').evaluateAll((els) => els.filter((e) => /^partner-\d+$/.test(e.dataset.testid)).length);

await h.check("(2) the editor shows the partners and the settings", async () => {
  await open(page, h.origin);
  await tid(page, "editor").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  assert.equal(await partnerCount(page), 4);
  assert.equal(await tid(page, "partner-name-0").inputValue(), "Nusantara Foods");
  assert.equal(await tid(page, "partner-culture-0").inputValue(), "ID");
  assert.equal(await tid(page, "field-horizon_months").inputValue(), "120");
  await h.shot(page, "open");
});

await h.check("(2) a changed value is used by the next run", async () => {
  const f = await reveal(page, "field-horizon_months");
  await f.fill("24");
  await f.press("Tab");
  await finishRun(page);
  const m = Number(await page.locator("#app-ready").getAttribute("data-month"));
  assert.ok(m >= 1 && m <= 24, `the run lasted ${m} months with a 24-month horizon`);
  assert.match(await tid(page, "outcome").innerText(), OUTCOME_RE);
});

await h.check("(2) an invalid value shows a message and nothing crashes", async () => {
  const f = await reveal(page, "field-partners.0.capacity");
  const before = await f.inputValue();
  await f.fill("-5");
  await f.press("Tab");
  const err = tid(page, "error-partners.0.capacity");
  await err.waitFor({ state: "visible", timeout: 5_000 });
  const text = await err.innerText();
  assert.ok(text.trim().length > 5, `error text: ${text}`);
  await h.shot(page, "invalid");
  await f.fill("not a number");
  await f.press("Tab");
  await err.waitFor({ state: "visible", timeout: 5_000 });
  // The run still works with the last valid scenario, and a valid value clears the message.
  await finishRun(page);
  assert.match(await tid(page, "outcome").innerText(), OUTCOME_RE);
  await f.fill(before);
  await f.press("Tab");
  await err.waitFor({ state: "detached", timeout: 5_000 });
});

await h.check("(2) fields holding refused values are said beside Run, with a way to the first (its section unfolded)", async () => {
  // On a phone the field's own message is screens below Run: a student ran the last valid
  // scenario without knowing (a phone audit).
  const p = await h.newPage();
  await open(p, h.origin);
  assert.equal(await tid(p, "refused-note").count(), 0);
  const open_ = await reveal(p, "field-governance.transparency");
  await open_.fill("1.5");
  await open_.press("Tab");
  await tid(p, "error-governance.transparency").waitFor({ timeout: 5_000 });
  // Its section folded again, as a reader scrolling on would leave it.
  await open_.evaluate((e) => { e.closest("details").open = false; });
  assert.match(await tid(p, "refused-note").innerText(), /A field in the editor holds a value it refused: runs, Save and Share use its last valid value/);
  await tid(p, "refused-show").click();
  await p.waitForFunction(() => document.activeElement?.dataset.testid === "field-governance.transparency", null, { timeout: 5_000 });
  assert.ok(await open_.isVisible(), "its section is open again");
  const horizon = tid(p, "field-horizon_months");
  await horizon.fill("0");
  await horizon.press("Tab");
  await p.waitForFunction(() => /^⚠ 2 fields/.test(document.querySelector('[data-testid="refused-note"]')?.innerText ?? ""), null, { timeout: 5_000 });
  await h.shot(p, "refused");
  // The run is the last valid scenario's (120 months, not 0), as the note says.
  assert.equal(await p.locator(".run-status span").innerText(), "Ready: month 0 of 120");
  await horizon.fill("120");
  await horizon.press("Tab");
  await open_.fill("0.5");
  await open_.press("Tab");
  await tid(p, "refused-note").waitFor({ state: "detached", timeout: 5_000 });
  // A scenario loaded over refused values clears them, and the note with them.
  await horizon.fill("-1");
  await horizon.press("Tab");
  await tid(p, "refused-note").waitFor({ timeout: 5_000 });
  await loadPreset(p, "calm-pair");
  await tid(p, "refused-note").waitFor({ state: "detached", timeout: 5_000 });
  await p.context().close();
});

await h.check("(2) a number reads the same in every field, as the page's language writes numbers", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const typed = async (id, text) => {
    const f = await reveal(p, `field-${id}`);
    await f.fill(text);
    await f.press("Tab");
    await p.waitForTimeout(100);
    return f.inputValue();
  };
  // English: 1,200 is twelve hundred in a whole-number field and a decimal one alike; 1.5 and
  // 1,5 are one and a half; a tiny value is not shown as 0.
  assert.equal(await typed("horizon_months", "1,200"), "1200");
  // A whole-number field has no decimals: there 1.000 is a thousand in English too (it was
  // read as 1, a horizon of one month: an audit).
  assert.equal(await typed("horizon_months", "1.000"), "1000");
  assert.equal(await typed("partners.0.capacity", "1,200"), "1200");
  assert.equal(await typed("partners.0.capacity", "1.200"), "1.2");
  assert.equal(await typed("partners.0.capacity", "1,5"), "1.5");
  assert.equal(await typed("partners.0.capacity", "0.00001"), "0.00001");
  assert.equal(await tid(p, "error-partners.0.capacity").count(), 0, "0.00001 is a valid capacity");
  // Bahasa Indonesia writes it the other way round, in every field too.
  await tid(p, "lang-id").click();
  await p.waitForFunction(() => document.documentElement.lang === "id");
  assert.equal(await typed("partners.0.capacity", "1.200"), "1200");
  assert.equal(await typed("partners.0.capacity", "1,200"), "1,2");
  assert.equal(await typed("partners.0.capacity", "30,125"), "30,125");
  assert.equal(await typed("horizon_months", "24"), "24");
  assert.equal(await typed("horizon_months", "1.200"), "1200");
  assert.equal(await typed("horizon_months", "1,100"), "1100");
  // The number taken is shown in the page's form, also when it is the value already there.
  assert.equal(await typed("partners.0.capacity", "75.5"), "75,5");
  assert.equal(await typed("partners.0.capacity", "75.5"), "75,5");
  assert.equal(await typed("partners.0.capacity", ",5"), "0,5");
  assert.equal(await typed("partners.0.capacity", ".5"), "0,5");
  // A refused number's message writes its limit as the hint beside it does ("10.000").
  await typed("partners.0.capacity", "-5");
  assert.match(await tid(p, "error-partners.0.capacity").innerText(), /paling banyak 10\.000\b/);
  await p.context().close();
});

await h.check("(2) add and remove a partner", async () => {
  await tid(page, "partner-add").click();
  await tid(page, "partner-4").waitFor({ timeout: 5_000 });
  assert.equal(await partnerCount(page), 5);
  await tid(page, "partner-name-4").fill("Seoul Partners");
  await tid(page, "partner-culture-4").selectOption("KR");
  await finishRun(page);
  assert.match(await tid(page, "outcome").innerText(), OUTCOME_RE);
  await h.shot(page, "added-partner");
  await tid(page, "partner-remove-4").click();
  await tid(page, "partner-4").waitFor({ state: "detached", timeout: 5_000 });
  assert.equal(await partnerCount(page), 4);
  await tid(page, "partner-remove-0").click();
  assert.equal(await partnerCount(page), 3);
  assert.equal(await tid(page, "partner-name-0").inputValue(), "Hoshi Technologies");
});

await h.check("(2) removing a partner says that its scripted shocks go with it; at 30 partners the page says why no more can be added", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await (await reveal(p, "shock-add")).click();
  await tid(p, "field-environment.scripted_shocks.0.kind").selectOption("partner_crisis");
  await tid(p, "field-environment.scripted_shocks.0.partner").selectOption("3");
  await tid(p, "partner-remove-3").click();
  await tid(p, "partner-3").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(p, "notice").innerText(), /Lion City Capital is removed, and with it the scripted shocks aimed at it \(1\)/);
  assert.equal(await tid(p, "field-environment.scripted_shocks.0.kind").count(), 0, "the shock went with it");
  assert.equal(await tid(p, "partner-limit").count(), 0);
  const add = tid(p, "partner-add");
  while (!(await add.isDisabled())) await add.click();
  assert.equal(await p.locator('[data-testid^="partner-name-"]').count(), 30);
  assert.match(await tid(p, "partner-limit").innerText(), /At most 30 partners/);
  await p.context().close();
});

await h.check("(2) a partner cannot take another partner's name (the story and charts could not tell them apart)", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const name = tid(p, "partner-name-1");
  await name.fill("nusantara foods");
  await name.press("Tab");
  const err = tid(p, "error-partners.1.name");
  await err.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  assert.match(await err.innerText(), /Another partner already has this name/);
  // The scenario keeps its names.
  assert.deepEqual(await p.locator('[data-testid="scenario"] .partner-name').allInnerTexts(), [
    "Nusantara Foods", "Hoshi Technologies", "Rhein Logistik", "Lion City Capital",
  ]);
  await name.fill("Hoshi Tech");
  await name.press("Tab");
  await err.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  // A name of emoji keeps all its 60 characters (twenty flags are 40 characters, 80 UTF-16
  // units: an HTML maxlength of 60 would cut it to fifteen, silently); longer is refused.
  const flags = "🇮🇩".repeat(20);
  await name.fill(flags);
  await name.press("Tab");
  await p.locator('[data-testid="scenario"] .partner-name', { hasText: flags }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await name.inputValue(), flags);
  await name.fill("🇮🇩".repeat(31));
  await name.press("Tab");
  assert.match(await err.innerText(), /1 to 60 characters/);
  await p.context().close();
});

await h.check("(2) a name typed quickly on a slow phone keeps every character (its spaces too); leaving the box shows the name as kept", async () => {
  // Found by an audit at 4x CPU: a render that lagged behind the keys put an older name back
  // into the box ("PT Maju Jaya Bersama" came out "PTMaju Jaya Bersama").
  const p = await h.newPage();
  await open(p, h.origin);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const name = tid(p, "partner-name-1");
  const typed = "PT Maju Jaya Bersama";
  try {
    for (const delay of [0, 40, 80]) {
      await name.fill("");
      await name.pressSequentially(typed, { delay });
      assert.equal(await name.inputValue(), typed, `typed with ${delay} ms between keys`);
      await p.locator('[data-testid="scenario"] .partner-name', { hasText: typed }).waitFor({ timeout: STEP_TIMEOUT_MS });
    }
  } finally {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  // Spaces around a name are not part of it: the box shows it without them once left.
  await name.fill("  Kopi Pagi  ");
  await name.press("Tab");
  await p.locator('[data-testid="scenario"] .partner-name', { hasText: /^Kopi Pagi$/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await name.inputValue(), "Kopi Pagi");
  await p.context().close();
});

await h.check("(2) a lesson or a preset loaded over an edited scenario offers to bring it back, also after a reload", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const name = tid(p, "partner-name-0");
  await name.fill("Kopi Kita");
  await name.press("Tab");
  // Loading over an edited scenario: the edits can come back.
  await tid(p, "lesson-open-alignment").click();
  await tid(p, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.notEqual(await name.inputValue(), "Kopi Kita");
  assert.equal(await tid(p, "lesson-elsewhere").count(), 0, "the lesson's own scenario is loaded");
  await tid(p, "restore").click();
  await tid(p, "replaced").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  assert.equal(await name.inputValue(), "Kopi Kita");
  // The lesson stays open, and says that the scenario on screen is not its own.
  assert.match(await tid(p, "lesson-elsewhere").innerText(), /Another scenario is loaded now, not this lesson's/);
  // The edits brought back are still the student's own, kept nowhere else: a preset loaded
  // over them offers them again.
  await loadPreset(p, "distribution");
  await tid(p, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.notEqual(await name.inputValue(), "Kopi Kita");
  await tid(p, "restore").click();
  await tid(p, "replaced").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  assert.equal(await name.inputValue(), "Kopi Kita");
  // After a reload (the tab keeps the edited scenario), a preset over it offers the same.
  await p.reload();
  await ready(p);
  assert.equal(await name.inputValue(), "Kopi Kita");
  await loadPreset(p, "calm-pair");
  await expectPartners(p, ["Mitra Satu", "Mitra Dua"]);
  await tid(p, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  await h.shot(p, "replaced");
  // Dismissed, the offer goes; a preset over an unedited scenario offers nothing.
  await tid(p, "notice-dismiss").click();
  await loadPreset(p, "default");
  assert.equal(await tid(p, "replaced").count(), 0);
  await p.context().close();
});

await h.check("a number typed and not yet applied (no Tab, no Enter) survives a reload, and a tab closed or sent to the background", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const horizon = tid(p, "field-horizon_months");
  await horizon.fill("77");
  // Still focused, never blurred: the page is reloaded (or a phone puts the tab away).
  await p.reload();
  await ready(p);
  assert.equal(await tid(p, "field-horizon_months").inputValue(), "77");
  // A partner's name typed just before (applied as typed; kept even if the page had not drawn it).
  await tid(p, "partner-name-1").fill("Kopi Pagi");
  await p.reload();
  await ready(p);
  assert.equal(await tid(p, "partner-name-1").inputValue(), "Kopi Pagi");
  // A refused text typed before the reload is not applied, and nothing else is lost.
  await tid(p, "field-horizon_months").fill("-5");
  await p.reload();
  await ready(p);
  assert.equal(await tid(p, "field-horizon_months").inputValue(), "77");
  // Out of sight (a phone switching apps, which may discard the tab): the number typed is
  // applied then, and the field shows it as the editor writes it ("78.0" becomes "78").
  await tid(p, "field-horizon_months").fill("78.0");
  await p.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await p.waitForFunction(() => document.querySelector('[data-testid="field-horizon_months"]').value === "78", null, { timeout: STEP_TIMEOUT_MS });
  assert.ok(await tid(p, "field-horizon_months").evaluate((e) => e === document.activeElement), "the field keeps the focus");
  await p.context().close();
});

await h.check("a scenario from an older link with two partners of one name opens; the editor marks the second, as the story numbers them", async () => {
  const p = await h.newPage();
  // The default scenario with its second partner also named "Nusantara Foods" (a link of a
  // version before names had to differ; aliansi link --set 'partners.1.name=Nusantara Foods').
  await open(p, h.origin, "/#s1.AHjoDwDoBwQPTnVzYW50YXJhIEZvb2RzAAJJRACIDgCQAwDYBACQAwCwCQDAqQcA6AcAvAUAkAMAoAYA6AcA6AcPTnVzYW50YXJhIEZvb2RzAAJKUACgBgDADACQAwDYBACgBgCA8QQA6AcA2AQAkAMA6AcAoAYAsAkOUmhlaW4gTG9naXN0aWsAAkRFAKAGAJADAIgOAOgHANgEANCGAwDoBwCQAwCQAwCQAwDoBwDoBxFMaW9uIENpdHkgQ2FwaXRhbAACU0cA6AcAkAMAkAMAsAkAwAwAsOoBAOgHAJADALwFALAJALAJAKAGAAEA6AcA2AQBDADwLgDoBwACAQMAoAYAPADQDwCgBgCgBgCEBwA");
  await expectPartners(p, ["Nusantara Foods", "Nusantara Foods", "Rhein Logistik", "Lion City Capital"]);
  assert.equal(await tid(p, "error-partners.0.name").count(), 0, "the first keeps its name unmarked");
  assert.match(await tid(p, "error-partners.1.name").innerText(), /Another partner already has this name/);
  assert.equal(await tid(p, "partner-name-1").getAttribute("aria-invalid"), "true");
  // Renamed, the mark goes.
  await tid(p, "partner-name-1").fill("Hoshi Technologies");
  await tid(p, "error-partners.1.name").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  await p.context().close();
});

await h.finish();
