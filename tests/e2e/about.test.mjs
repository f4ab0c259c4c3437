// End-to-end: the "About the model" page shows the validation table (issue 3): every finding
// F1-F12 and edge case E1-E4 with its measured effect, in both languages.
// Usage: node about.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { open, start, tid } from "./harness.mjs";

const h = await start("about");
const IDS = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "E1", "E2", "E3", "E4"];

await h.check("(3) About the model lists every finding with its measured effect", async () => {
  const page = await h.newPage();
  await open(page, h.origin);
  await tid(page, "about").locator("summary").click();
  for (const id of IDS) {
    const row = tid(page, `about-row-${id}`);
    await row.waitFor({ timeout: 5_000 });
    const text = await row.innerText();
    assert.match(text, /\[[+-]?\d/, `${id} shows a measured interval: ${text}`);
    assert.match(text, /reproduced/, `${id} is reproduced: ${text}`);
  }
  // The mechanisms of the seven challenges, each with what to watch and the levers.
  for (const k of ["alignment", "culture", "contributions", "trust", "adaptation", "conflict", "compliance"]) {
    const text = await tid(page, `about-mech-${k}`).innerText();
    assert.match(text, /Watch: .+/, `${k}: what to watch`);
    assert.match(text, /Levers: .+/, `${k}: its levers`);
  }
  await h.shot(page, "about");
  await tid(page, "lang-id").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="about"] summary')?.textContent.includes("Tentang model"),
    null,
    { timeout: 5_000 },
  );
  assert.match(await tid(page, "about-row-F3").innerText(), /terbukti/);
  assert.doesNotMatch(await tid(page, "about").innerText(), /\?\?/, "no missing translation");
});

await h.finish();
