// End-to-end: (1) the page opens with an introduction, the presets and a Run button, and a
// preset loads; (8) saved scenarios survive a reload, rename, delete, export, import, a corrupt
// saved item is set aside, a full storage loses nothing.
// Usage: node library.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  DEFAULT_PARTNERS,
  PRESET_IDS,
  expectNotice,
  expectPartners,
  loadPreset,
  open,
  ready,
  reveal,
  start,
  tid,
} from "./harness.mjs";

const AIRLINE = ["Garuda Sky", "Lion Air Asia", "Southern Cross Air", "Atlantic Airways", "Sakura Wings", "Liberty Air"];
const CALM = ["Mitra Satu", "Mitra Dua"];

const h = await start("library");
const page = await h.newPage();

await h.check("(1) page opens with the introduction, the preset list and a Run button", async () => {
  await open(page, h.origin);
  const intro = await tid(page, "intro").innerText();
  assert.ok(intro.length > 150, `intro too short: ${intro}`);
  assert.match(intro, /scenario/i);
  assert.match(intro, /Run/);
  const values = await tid(page, "preset-select").locator("option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(values, PRESET_IDS);
  const titles = await tid(page, "preset-select").locator("option").allInnerTexts();
  assert.ok(titles.every((t) => t.trim().length > 3 && !t.includes("??")), `titles: ${titles}`);
  assert.equal(new Set(titles).size, titles.length, "preset titles are distinct");
  await tid(page, "run").waitFor({ state: "visible", timeout: 5_000 });
  await h.shot(page, "open");
});

await h.check("(1) every preset has a description in words", async () => {
  const select = tid(page, "preset-select");
  const descId = await select.getAttribute("aria-describedby");
  assert.ok(descId, "the picker names its description (aria-describedby)");
  const seen = new Set();
  for (const id of PRESET_IDS) {
    await select.selectOption(id);
    const d = await page.locator(`#${descId}`).innerText();
    assert.ok(d.length > 60 && !d.includes("??"), `${id}: ${d}`);
    seen.add(d);
  }
  assert.equal(seen.size, PRESET_IDS.length, "descriptions are distinct");
});

await h.check("(1) the page says what is open: a preset by its title, an edited or shared scenario by its partners", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const said = () => tid(p, "preset-open").innerText();
  assert.match(await said(), /^Open now: “.+”\.$/);
  const trust = tid(p, "field-initial_trust");
  await trust.fill("0.35");
  await trust.press("Tab");
  // A preset with a lever moved (a lecturer's link, say): named, with what moved.
  await p.waitForFunction(() => /changed:/.test(document.querySelector('[data-testid="preset-open"]')?.innerText), null, { timeout: 5_000 });
  assert.match(await said(), /^Open now: “.+”, changed: Trust at the start: 0\.5 → 0\.35\.$/);
  // Five settings moved: no longer told as a preset's, but by its partners.
  for (const [field, value] of [["rivalry", "0.93"], ["shock_rate_per_year", "3.3"], ["shock_severity", "0.77"], ["regulatory_strictness", "0.66"]]) {
    const f = await reveal(p, `field-environment.${field}`);
    await f.fill(value);
    await f.press("Tab");
  }
  await p.waitForFunction(() => /not in this list/.test(document.querySelector('[data-testid="preset-open"]')?.innerText), null, { timeout: 5_000 });
  assert.match(await said(), /^Open now: a scenario not in this list, 4 partners \(.+, .+, .+, .+\) over 10 years\.$/);
  // The picker then shows no ready-made scenario (whose description would be read as the open
  // one's), and Load waits for a choice.
  const picker = tid(p, "preset-select");
  await p.waitForFunction(() => document.querySelector('[data-testid="preset-select"]')?.value === "", null, { timeout: 5_000 });
  assert.match(await p.locator("#preset-desc").innerText(), /^The scenario open now is none of these as they stand\./);
  assert.equal(await tid(p, "preset-load").isDisabled(), true);
  await picker.selectOption("calm-pair");
  assert.equal(await tid(p, "preset-load").isDisabled(), false);
  assert.doesNotMatch(await p.locator("#preset-desc").innerText(), /not one of these/);
  assert.equal(await picker.locator('option[value=""]').count(), 0, "the empty choice goes once one is chosen");
  // The picker follows what is loaded (here by a lesson).
  await tid(p, "lesson-open-trust").click();
  await p.waitForFunction(() => document.querySelector('[data-testid="preset-select"]')?.value === "challenge-trust", null, { timeout: 5_000 });
  assert.match(await said(), /^Open now: “.+”\.$/);
  await p.context().close();
});

await h.check("(1) loading a preset changes the scenario", async () => {
  await expectPartners(page, DEFAULT_PARTNERS);
  await loadPreset(page, "airline-alliance");
  await expectPartners(page, AIRLINE);
  await h.shot(page, "preset-airline");
});

await h.check("(8) save a scenario; it is listed and still there after a reload", async () => {
  await tid(page, "save-name").fill("Airline test");
  await tid(page, "save").click();
  await tid(page, "saved-item-0").filter({ hasText: "Airline test" }).waitFor({ timeout: 5_000 });
  // Saved, it is what is open, under its name.
  assert.equal(await tid(page, "preset-open").innerText(), "Open now: “Airline test”.");
  const stored = await page.evaluate(() => localStorage.getItem("aliansi.saved.v2"));
  const list = JSON.parse(stored).items;
  assert.equal(list.length, 1);
  assert.equal(list[0].name, "Airline test");
  assert.equal(list[0].scenario.version, 1);
  assert.equal(list[0].scenario.partners.length, 6);
  await page.reload();
  await ready(page);
  await tid(page, "saved-item-0").filter({ hasText: "Airline test" }).waitFor({ timeout: 5_000 });
  await h.shot(page, "saved");
});

await h.check("(8) a saved scenario's dates read as in the page's language; the stored times and the ISO dates stay", async () => {
  // In Jakarta (UTC+7), from an English-speaking American browser: the page's language decides.
  const p = await h.newPage({ timezoneId: "Asia/Jakarta", locale: "en-US" });
  await open(p, h.origin);
  await tid(p, "save-name").fill("Dated");
  await tid(p, "save").click();
  await tid(p, "saved-item-0").filter({ hasText: "Dated" }).waitFor({ timeout: 5_000 });
  // Last saved 29 November 2026 at 14:05 in Jakarta, first saved 1 August 2024 at 10:00.
  const SAVED = Date.UTC(2026, 10, 29, 7, 5);
  const CREATED = Date.UTC(2024, 7, 1, 3, 0);
  await p.evaluate(([saved, created]) => {
    const list = JSON.parse(localStorage.getItem("aliansi.saved.v2"));
    Object.assign(list.items[0], { saved_at: saved, created_at: created });
    localStorage.setItem("aliansi.saved.v2", JSON.stringify(list));
  }, [SAVED, CREATED]);
  await p.reload();
  await ready(p);
  const item = tid(p, "saved-item-0");
  const times = async () => item.locator("time").evaluateAll((ts) => ts.map((t) => [t.getAttribute("datetime"), t.textContent]));
  await item.filter({ hasText: "saved 29 Nov 2026, 14:05" }).waitFor({ timeout: 5_000 });
  const en = await item.innerText();
  assert.match(en, /first saved 1 Aug 2024/, en);
  assert.doesNotMatch(en, /\d{4}-\d{2}/, en);
  assert.deepEqual(await times(), [["2026-11-29 14:05", "29 Nov 2026, 14:05"], ["2024-08-01", "1 Aug 2024"]]);
  await h.shot(p, "saved-dates-en");
  await tid(p, "lang-id").click();
  await item.filter({ hasText: "disimpan 29 Nov 2026, 14.05" }).waitFor({ timeout: 5_000 });
  const id = await item.innerText();
  assert.match(id, /pertama disimpan 1 Agu 2024/, id);
  assert.deepEqual(await times(), [["2026-11-29 14:05", "29 Nov 2026, 14.05"], ["2024-08-01", "1 Agu 2024"]]);
  await h.shot(p, "saved-dates-id");
  const stored = JSON.parse(await p.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items[0];
  assert.deepEqual([stored.saved_at, stored.created_at], [SAVED, CREATED], "stored as before");
  await p.context().close();
});

await h.check("(8) an empty name is refused with a message", async () => {
  await tid(page, "save-name").fill("   ");
  await tid(page, "save").click();
  await expectNotice(page, /name/i);
  assert.equal(await tid(page, "saved-list").locator("li").count(), 1);
});

await h.check("(8) load a saved scenario", async () => {
  await loadPreset(page, "calm-pair");
  await expectPartners(page, CALM);
  await tid(page, "saved-load-0").click();
  await expectPartners(page, AIRLINE);
  // Named above the picker by its saved name; once changed, said so.
  const name = (await tid(page, "saved-item-0").locator(".saved-name").innerText()).trim();
  assert.equal(await tid(page, "preset-open").innerText(), `Open now: “${name}”.`);
  const trust = tid(page, "field-initial_trust");
  const before = await trust.inputValue();
  await trust.fill("0.33");
  await trust.press("Tab");
  const changed = (n) => document.querySelector('[data-testid="preset-open"]')?.innerText.startsWith(`Open now: “${n}”, changed since it was loaded`);
  await page.waitForFunction(changed, name, { timeout: 5_000 });
  // A reload keeps the name, and that it was changed since.
  await page.reload();
  await ready(page);
  await page.waitForFunction(changed, name, { timeout: 5_000 });
  assert.equal(await trust.inputValue(), "0.33");
  await trust.fill(before);
  await trust.press("Tab");
  const unchanged = (n) => document.querySelector('[data-testid="preset-open"]')?.innerText === `Open now: “${n}”.`;
  await page.waitForFunction(unchanged, name, { timeout: 5_000 });
  await page.reload();
  await ready(page);
  await page.waitForFunction(unchanged, name, { timeout: 5_000 });
  // Shared after the reload, the link still carries the name.
  await tid(page, "share").click();
  await tid(page, "share-link").waitFor({ state: "visible", timeout: 5_000 });
  const link = await tid(page, "share-link").inputValue();
  const other = await h.newPage();
  await open(other, link, "");
  await other.waitForFunction(unchanged, name, { timeout: 5_000 });
  await other.close();
});

await h.check("(8) rename a saved scenario (kept after a reload)", async () => {
  await tid(page, "saved-rename-0").click();
  const input = tid(page, "saved-rename-input-0");
  await input.fill("Six carriers");
  await input.press("Enter");
  await tid(page, "saved-item-0").filter({ hasText: "Six carriers" }).waitFor({ timeout: 5_000 });
  // The one open, saved just before: "Open now" says its new name (it kept the old one).
  assert.equal(await tid(page, "preset-open").innerText(), "Open now: “Six carriers”.");
  await page.reload();
  await ready(page);
  await tid(page, "saved-item-0").filter({ hasText: "Six carriers" }).waitFor({ timeout: 5_000 });
  assert.doesNotMatch(await tid(page, "saved-list").innerText(), /Airline test/);
  // With the keyboard: Enter on Rename puts the focus in the name box, Escape closes it and
  // gives the focus back to Rename.
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.testid);
  await tid(page, "saved-rename-0").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "saved-rename-input-0", null, { timeout: 5_000 });
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "saved-rename-0", null, { timeout: 5_000 });
  assert.equal(await focused(), "saved-rename-0");
});

await h.check("(8) export downloads a JSON scenario file that parses", async () => {
  await loadPreset(page, "calm-pair");
  await expectPartners(page, CALM);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5_000 }), tid(page, "export").click()]);
  // Named after its partners and seed (every file was aliansi-scenario.json), and the notice
  // says how to open it.
  const slug = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const seedNow = await page.evaluate(() => document.querySelector("#app-ready").dataset.seed);
  assert.equal(download.suggestedFilename(), `aliansi-${slug(CALM[0])}-${slug(CALM[1])}-seed-${seedNow}.json`);
  assert.match(await tid(page, "notice").innerText(), /To open it, here or on another device, use “Import a JSON file”/);
  const text = await readFile(await download.path(), "utf8");
  const json = JSON.parse(text);
  assert.equal(json.version, 1);
  assert.deepEqual(
    json.partners.map((p) => p.name),
    CALM,
  );
  assert.equal(typeof json.seed, "number");
  assert.equal(json.name, undefined, "no name of its own: none in the file");
  // A name typed in the name field names the file, and goes in it.
  await tid(page, "save-name").fill("Kasus 1: JV");
  const [named] = await Promise.all([page.waitForEvent("download", { timeout: 5_000 }), tid(page, "export").click()]);
  assert.equal(named.suggestedFilename(), "aliansi-kasus-1-jv.json");
  const namedText = await readFile(await named.path(), "utf8");
  assert.equal(JSON.parse(namedText).name, "Kasus 1: JV");
  await tid(page, "save-name").fill("");
  // Imported (by a student, say), the file's name comes back in the name field, for Save.
  await tid(page, "import").setInputFiles({ name: "aliansi-kasus-1-jv.json", mimeType: "application/json", buffer: Buffer.from(namedText) });
  await page.waitForFunction(() => /Imported “Kasus 1: JV” from aliansi-kasus-1-jv\.json/.test(document.querySelector('[data-testid="notice"]')?.innerText ?? ""), null, { timeout: 5_000 });
  assert.equal(await tid(page, "save-name").inputValue(), "Kasus 1: JV");
  assert.equal(await tid(page, "preset-open").innerText(), "Open now: “Kasus 1: JV”.");
  await tid(page, "save-name").fill("");
});

await h.check("(8) import a good file loads it", async () => {
  const json = JSON.parse(
    await page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem("aliansi.saved.v2")).items[0].scenario)),
  );
  json.partners[0].name = "Imported Air";
  await tid(page, "import").setInputFiles({ name: "imported.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
  await expectPartners(page, ["Imported Air", ...AIRLINE.slice(1)]);
  assert.doesNotMatch(await expectNotice(page, /imported\.json/), /default/, "a whole file: nothing took a default");
  // A file edited by hand that lost lines still opens, and the page names what took defaults
  // (a capacity of 250 became 50 without a word: an audit).
  delete json.partners[1].capacity;
  delete json.horizon_months;
  json.partners[0].name = "Hand Edited";
  await tid(page, "import").setInputFiles({ name: "hand.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
  await expectPartners(page, ["Hand Edited", ...AIRLINE.slice(1)]);
  const said = await expectNotice(page, /hand\.json/);
  assert.match(said, /does not write horizon_months, partners\[1\]\.capacity: those took their default values/, said);
});

await h.check("(8) import a bad file shows a message and changes nothing", async () => {
  await loadPreset(page, "calm-pair");
  await expectPartners(page, CALM);
  await tid(page, "import").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{ this is not a scenario") });
  const text = await expectNotice(page, /bad\.json/);
  assert.match(text, /JSON|line|expected/i, `notice: ${text}`);
  // The offer to bring back what the preset replaced is an earlier load's, not this import's.
  assert.match(await tid(page, "replaced").innerText(), /^Earlier, a scenario you had open/);
  await tid(page, "import").setInputFiles({ name: "v9.json", mimeType: "application/json", buffer: Buffer.from('{"version": 9}') });
  await expectNotice(page, /v9\.json/);
  await expectPartners(page, CALM);
  await h.shot(page, "import-bad");
});

await h.check("(8) an import's reason reads in the page's language, in words rather than the parser's", async () => {
  await tid(page, "lang-id").click();
  await tid(page, "import").setInputFiles({ name: "cut.json", mimeType: "application/json", buffer: Buffer.from('{"version": 1, "partners": [') });
  let text = await expectNotice(page, /cut\.json/);
  assert.match(text, /berakhir terlalu cepat/, text);
  await tid(page, "import").setInputFiles({ name: "word.json", mimeType: "application/json", buffer: Buffer.from('{"version": 1, "horizon_months": "long"}') });
  text = await expectNotice(page, /word\.json/);
  assert.match(text, /horizon_months: teks "long", padahal seharusnya bilangan bulat/, text);
  assert.doesNotMatch(text, /invalid type|expected|EOF/, text);
  await tid(page, "lang-en").click();
  await tid(page, "import").setInputFiles({ name: "word.json", mimeType: "application/json", buffer: Buffer.from('{"version": 1, "horizon_months": "long"}') });
  text = await expectNotice(page, /text "long" where a whole number was expected/);
  await expectPartners(page, CALM);
});

// A scenario file's text (the airline scenario saved above), to change in the checks below.
const savedScenarioText = async () =>
  JSON.stringify(JSON.parse(await page.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items[0].scenario, null, 2);
const importFile = (name, buffer) => tid(page, "import").setInputFiles({ name, mimeType: "application/json", buffer });

await h.check("(8) import messages in words in both languages: numbers out of range, a field given twice, the version's form, a library without items", async () => {
  const text = await savedScenarioText();
  const seed = /"seed": \d+/;
  assert.match(text, seed);
  const cases = [
    ["seed-neg.json", text.replace(seed, '"seed": -1'), /seed: harus bilangan bulat 0 atau lebih, bukan -1/, /seed: must be a whole number of 0 or more, not -1/],
    ["seed-huge.json", text.replace(seed, '"seed": 99999999999999999999'), /seed: angkanya terlalu besar/, /seed: the number is too large/],
    ["twice.json", text.replace('"initial_trust": ', '"initial_trust": 0.5, "initial_trust": '), /"initial_trust" diisi lebih dari sekali/, /"initial_trust" is given more than once/],
    ["version-text.json", text.replace('"version": 1', '"version": "1"'), /"version" harus berupa angka 1, bukan "1"/, /"version" must be the number 1, not "1"/],
    ["no-items.json", '{"version": 2, "items": []}', /berkas ini tidak berisi skenario tersimpan\. Tidak/, /it holds no saved scenarios\. Nothing/],
    ["cut-short.json", '{"version": 1, "partners": [', /jadi mungkin tidak lengkap\. Tidak ada/, /so it may be incomplete\. Nothing was/],
  ];
  for (const [lang, k] of [["id", 2], ["en", 3]]) {
    await tid(page, `lang-${lang}`).click();
    for (const c of cases) {
      await importFile(`${lang}-${c[0]}`, Buffer.from(c[1]));
      const shown = await expectNotice(page, new RegExp(`${lang}-${c[0].replace(".", "\\.")}`));
      assert.match(shown, c[k]);
      assert.doesNotMatch(shown, /invalid value|duplicate field|expected u64|\(\)|\?\./, shown);
    }
  }
  await expectPartners(page, CALM);
});

await h.check("(8) a file not in UTF-8 is refused in words; UTF-8 and UTF-16 with a byte-order mark import, partner names trimmed", async () => {
  const text = (await savedScenarioText()).replace("Garuda Sky", "  Café Ñandú ");
  // Latin-1, as Windows Notepad saves "ANSI".
  await importFile("latin1.json", Buffer.from(text, "latin1"));
  assert.match(await expectNotice(page, /latin1\.json/), /the file is not UTF-8 text: save it as UTF-8 and import it again/);
  await tid(page, "lang-id").click();
  await importFile("latin1-id.json", Buffer.from(text, "latin1"));
  assert.match(await expectNotice(page, /latin1-id\.json/), /berkas ini bukan teks UTF-8: simpan sebagai UTF-8 lalu impor lagi/);
  await tid(page, "lang-en").click();
  await expectPartners(page, CALM);
  await importFile("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  await expectPartners(page, ["Café Ñandú", ...AIRLINE.slice(1)]);
  const utf16 = text.replace("Lion Air Asia", "Ñandú Dua");
  await importFile("utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
  await expectPartners(page, ["Café Ñandú", "Ñandú Dua", ...AIRLINE.slice(2)]);
  await loadPreset(page, "calm-pair");
});

await h.check("(8) a saved-scenarios file's names follow Save's rules: trimmed, not blank, at most 80 characters", async () => {
  const scenario = JSON.parse(await savedScenarioText());
  const items = [
    { name: "   ", scenario },
    { name: "Z".repeat(200), scenario: { ...scenario, seed: 7 } },
  ];
  await importFile("odd-names.json", Buffer.from(JSON.stringify({ version: 2, items })));
  await expectNotice(page, /odd-names\.json: 2 added/);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items.map((i) => i.name);
  assert.deepEqual(stored.slice(-2), ["Unnamed scenario", "Z".repeat(80)]);
  await tid(page, "library-undo").click();
  await expectNotice(page, /Undone/);
});

await h.check("(8) delete a saved scenario (gone after a reload)", async () => {
  await tid(page, "saved-delete-0").click();
  await tid(page, "saved-item-0").waitFor({ state: "detached", timeout: 5_000 });
  await page.reload();
  await ready(page);
  assert.equal(await tid(page, "saved-item-0").count(), 0);
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items, []);
});

await h.check("(8) saving over a name, renaming onto one and deleting can all be undone; nothing is lost silently", async () => {
  const names = async () => (await tid(page, "saved-list").locator(".saved-name").allInnerTexts()).map((t) => t.trim());
  const storedNames = async () =>
    JSON.parse(await page.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items.map((i) => [i.name, i.scenario.partners.length]);
  const save = async (name) => {
    await tid(page, "save-name").fill(name);
    await tid(page, "save").click();
  };
  await loadPreset(page, "calm-pair");
  await save("Pair");
  await loadPreset(page, "airline-alliance");
  await save("Carriers");
  await tid(page, "saved-item-1").filter({ hasText: "Pair" }).waitFor({ timeout: 5_000 });
  assert.deepEqual(await storedNames(), [["Carriers", 6], ["Pair", 2]]);
  // Saving under an existing name updates that item, and says so.
  await save("Pair");
  await expectNotice(page, /Saved “Pair” again: it now holds the current scenario/);
  assert.deepEqual(await storedNames(), [["Carriers", 6], ["Pair", 6]]);
  await tid(page, "library-undo").click();
  await expectNotice(page, /Undone/);
  assert.deepEqual(await storedNames(), [["Carriers", 6], ["Pair", 2]]);
  assert.equal(await tid(page, "library-undo").count(), 0, "Undo is used up");
  // Renaming onto another item's name is refused; both items stay.
  await tid(page, "saved-rename-0").click();
  await tid(page, "saved-rename-input-0").fill("Pair");
  await tid(page, "saved-rename-input-0").press("Enter");
  await expectNotice(page, /Another saved scenario is already called that/);
  assert.deepEqual(await storedNames(), [["Carriers", 6], ["Pair", 2]]);
  // Deleting another item while renaming keeps the rename box and the typed name.
  await tid(page, "saved-rename-input-0").fill("Six carriers draft");
  await tid(page, "saved-delete-1").click();
  await expectNotice(page, /Deleted “Pair”/);
  assert.equal(await tid(page, "saved-rename-input-0").inputValue(), "Six carriers draft");
  await tid(page, "saved-rename-input-0").press("Escape");
  assert.deepEqual(await names(), ["Carriers"]);
  // The deletion is undone: the item is back, in its place, and kept after a reload.
  await tid(page, "library-undo").click();
  await tid(page, "saved-item-1").filter({ hasText: "Pair" }).waitFor({ timeout: 5_000 });
  assert.deepEqual(await storedNames(), [["Carriers", 6], ["Pair", 2]]);
  await h.shot(page, "undone");
  await page.reload();
  await ready(page);
  assert.deepEqual(await names(), ["Carriers", "Pair"]);
  assert.equal(await tid(page, "library-undo").count(), 0, "no Undo after a reload");
  for (const k of [1, 0]) await tid(page, `saved-delete-${k}`).click();
  await tid(page, "saved-item-0").waitFor({ state: "detached", timeout: 5_000 });
});

/** The saved scenarios' names as page `p` lists them. */
const shownNames = async (p) => (await tid(p, "saved-list").locator(".saved-name").allInnerTexts()).map((t) => t.trim());
/** The saved scenarios' names as stored (the browser's, shared by its tabs). */
const storedNames = async (p) =>
  JSON.parse((await p.evaluate(() => localStorage.getItem("aliansi.saved.v2"))) ?? '{"items":[]}').items.map((i) => i.name);
/** Saves the scenario shown in page `p` under `name`, and waits for the page to say so. */
async function saveAs(p, name) {
  await tid(p, "save-name").fill(name);
  await tid(p, "save").click();
  await expectNotice(p, new RegExp(name));
}
/** Two tabs of one browser, the app open in both. */
async function twoTabs() {
  const a = await h.newPage();
  const b = await a.context().newPage();
  await open(a, h.origin);
  await open(b, h.origin);
  return [a, b];
}

await h.check("(8) two tabs of one browser: each tab's saves, renames and deletes keep the other's", async () => {
  const [a, b] = await twoTabs();
  await saveAs(a, "From tab A");
  // Another tab's localStorage lags a write by a moment: Chromium keeps a copy per renderer
  // process and updates it with the storage event (read at once after another tab's write, it
  // gave the old value 22 times in 200). So each tab acts once it has heard of the other's
  // change, as a person switching tabs does; acting before hearing is the next check's.
  await tid(b, "saved-item-0").filter({ hasText: "From tab A" }).waitFor({ timeout: 5_000 });
  await saveAs(b, "From tab B");
  assert.deepEqual(await storedNames(b), ["From tab B", "From tab A"]);
  // Tab A shows B's save without a reload, and its Undo (of its own save) is withdrawn.
  await a.waitForFunction(() => document.querySelectorAll('[data-testid="saved-list"] .saved-name').length === 2, null, { timeout: 5_000 });
  assert.deepEqual(await shownNames(a), ["From tab B", "From tab A"]);
  assert.equal(await tid(a, "library-undo").count(), 0, "no Undo over another tab's change");
  // A rename in A and a delete in B, each on the list the other tab left.
  await tid(a, "saved-rename-1").click();
  await tid(a, "saved-rename-input-1").fill("Renamed in A");
  await tid(a, "saved-rename-input-1").press("Enter");
  await expectNotice(a, /Renamed/);
  await tid(b, "saved-item-1").filter({ hasText: "Renamed in A" }).waitFor({ timeout: 5_000 });
  await tid(b, "saved-delete-0").click();
  await expectNotice(b, /Deleted “From tab B”/);
  await a.waitForFunction(() => document.querySelectorAll('[data-testid="saved-list"] .saved-name').length === 1, null, { timeout: 5_000 });
  assert.deepEqual(await storedNames(a), ["Renamed in A"]);
  await a.reload();
  await ready(a);
  assert.deepEqual(await shownNames(a), ["Renamed in A"]);
  assert.deepEqual(await shownNames(b), ["Renamed in A"]);
  await a.context().close();
});

await h.check("(8) a delete or a rename acts on the scenario shown, even before this tab hears of another tab's save", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  // Another tab's save that this tab has not heard of yet (a write made in this tab fires no
  // storage event here): a scenario at the top of the stored list, above the ones shown.
  const sneak = (name) =>
    p.evaluate((name) => {
      const d = JSON.parse(localStorage.getItem("aliansi.saved.v2"));
      d.items.unshift({ ...d.items[0], name });
      localStorage.setItem("aliansi.saved.v2", JSON.stringify(d));
    }, name);
  await saveAs(p, "First");
  await saveAs(p, "Second");
  assert.deepEqual(await storedNames(p), ["Second", "First"]);
  await sneak("Sneaked in");
  // Delete on the second item shown ("First") deletes "First", now third in the stored list.
  await tid(p, "saved-delete-1").click();
  await expectNotice(p, /Deleted “First”/);
  assert.deepEqual(await storedNames(p), ["Sneaked in", "Second"]);
  // Likewise a rename of the second item shown ("Second").
  await sneak("Sneaked again");
  await tid(p, "saved-rename-1").click();
  await tid(p, "saved-rename-input-1").fill("Second, renamed");
  await tid(p, "saved-rename-input-1").press("Enter");
  await expectNotice(p, /Renamed to “Second, renamed”/);
  assert.deepEqual(await storedNames(p), ["Sneaked again", "Sneaked in", "Second, renamed"]);
  await p.context().close();
});

await h.check("(8) a rename under way survives another tab's change, and closes with a word if its item goes", async () => {
  const [a, b] = await twoTabs();
  await saveAs(a, "Alpha");
  await tid(b, "saved-item-0").filter({ hasText: "Alpha" }).waitFor({ timeout: 5_000 });
  // A starts renaming Alpha; B saves another scenario, which goes first in the list.
  await tid(a, "saved-rename-0").click();
  await tid(a, "saved-rename-input-0").fill("Alpha draft");
  await saveAs(b, "Beta");
  await tid(a, "saved-item-0").filter({ hasText: "Beta" }).waitFor({ timeout: 5_000 });
  // A's box is still open, on Alpha (now second), with the typed name; and it still works.
  assert.equal(await tid(a, "saved-rename-input-1").inputValue(), "Alpha draft", "the typed name is kept");
  assert.equal(await tid(a, "saved-rename-input-0").count(), 0);
  await tid(a, "saved-rename-input-1").press("Enter");
  await expectNotice(a, /Renamed to “Alpha draft”/);
  await b.waitForFunction(() => document.body.innerText.includes("Alpha draft"), null, { timeout: 5_000 });
  assert.deepEqual(await shownNames(b), ["Beta", "Alpha draft"]);
  // A renames it again; B deletes it meanwhile: A's box closes and says why.
  await tid(a, "saved-rename-1").click();
  await tid(a, "saved-rename-input-1").fill("Never");
  await tid(b, "saved-delete-1").click();
  await expectNotice(b, /Deleted “Alpha draft”/);
  await tid(a, "saved-rename-input-1").waitFor({ state: "detached", timeout: 5_000 });
  await expectNotice(a, /“Alpha draft” was renamed or deleted in another tab/);
  assert.deepEqual(await shownNames(a), ["Beta"]);
  await a.context().close();
});

await h.check("(8) a corrupt saved item is reported and kept aside in `quarantine`", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  // One good item (saved through the page), then one damaged item planted by hand.
  await tid(p, "save-name").fill("Good one");
  await tid(p, "save").click();
  await tid(p, "saved-item-0").filter({ hasText: "Good one" }).waitFor({ timeout: 5_000 });
  const bad = { name: "Damaged", scenario: { version: 1, horizon_months: "soon" } };
  await p.evaluate((bad) => {
    const list = JSON.parse(localStorage.getItem("aliansi.saved.v2"));
    list.items.push(bad);
    list.items.push("garbage");
    localStorage.setItem("aliansi.saved.v2", JSON.stringify(list));
  }, bad);
  await p.reload();
  await ready(p);
  await tid(p, "quarantine").waitFor({ state: "visible", timeout: 5_000 });
  const items = await tid(p, "quarantine").locator("li").allInnerTexts();
  assert.equal(items.length, 2, `quarantine: ${items}`);
  assert.match(items[0], new RegExp(`${JSON.stringify(bad).length} characters`));
  assert.match(items[0], /horizon_months/);
  await expectNotice(p, /could not be read/);
  // The good one is still listed; the damaged ones moved to the quarantine key, not dropped.
  assert.equal(await tid(p, "saved-list").locator("li").count(), 1);
  await tid(p, "saved-item-0").filter({ hasText: "Good one" }).waitFor({ timeout: 5_000 });
  const q = JSON.parse(await p.evaluate(() => localStorage.getItem("aliansi.quarantine.v1")));
  assert.equal(q.length, 2);
  assert.deepEqual(JSON.parse(q[0].raw), bad);
  assert.equal(JSON.parse(await p.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items.length, 1);
  await h.shot(p, "quarantine");
  // A saved list that is not JSON at all is kept aside whole.
  await p.evaluate(() => localStorage.setItem("aliansi.saved.v2", "{{{ not json"));
  await p.reload();
  await ready(p);
  await tid(p, "quarantine").locator("li").nth(2).waitFor({ timeout: 5_000 });
  assert.match(await tid(p, "quarantine").locator("li").nth(2).innerText(), /12 characters/);
  await p.context().close();
});

await h.check("(8) all saved scenarios in one file: exported, then imported on another device, once, with Undo", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  // No saved scenario, nothing to export.
  assert.equal(await tid(p, "export-library").count(), 0);
  await tid(p, "save-name").fill("Four partners");
  await tid(p, "save").click();
  await loadPreset(p, "calm-pair");
  await tid(p, "save-name").fill("Calm");
  await tid(p, "save").click();
  await tid(p, "saved-list").locator("li").nth(1).waitFor({ timeout: 5_000 });
  const [download] = await Promise.all([p.waitForEvent("download", { timeout: 5_000 }), tid(p, "export-library").click()]);
  assert.match(download.suggestedFilename(), /^aliansi-library-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await tid(p, "notice").innerText(), /with your saved scenarios \(2\)/);
  const text = await readFile(await download.path(), "utf8");
  assert.equal(text, await p.evaluate(() => localStorage.getItem("aliansi.saved.v2")), "the file is the library as stored");
  await p.context().close();
  // Another device: one scenario of its own, one of the same name but another scenario.
  const q = await h.newPage();
  await open(q, h.origin);
  await loadPreset(q, "airline-alliance");
  await tid(q, "save-name").fill("Calm");
  await tid(q, "save").click();
  await tid(q, "saved-item-0").filter({ hasText: "Calm" }).waitFor({ timeout: 5_000 });
  await tid(q, "import").setInputFiles({ name: "library.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expectNotice(q, /library\.json: 2 added to your saved scenarios, 0 already among them/);
  const names = async () => (await tid(q, "saved-list").locator(".saved-name").allInnerTexts()).map((n) => n.trim());
  // The other "Calm" keeps its scenario under a new name; the editor keeps its scenario.
  assert.deepEqual(await names(), ["Calm", "Calm (2)", "Four partners"]);
  await expectPartners(q, AIRLINE);
  // Undo takes the import back; the file again brings it back.
  await tid(q, "library-undo").click();
  await tid(q, "saved-item-1").waitFor({ state: "detached", timeout: 5_000 });
  assert.deepEqual(await names(), ["Calm"]);
  const importAgain = () => tid(q, "import").setInputFiles({ name: "library.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await importAgain();
  await expectNotice(q, /2 added/);
  // Once more: nothing is added twice.
  await importAgain();
  await expectNotice(q, /0 added to your saved scenarios, 2 already among them/);
  assert.deepEqual(await names(), ["Calm", "Calm (2)", "Four partners"]);
  // Each came with its scenario.
  await tid(q, "saved-load-1").click();
  await expectPartners(q, CALM);
  await tid(q, "saved-load-2").click();
  await expectPartners(q, DEFAULT_PARTNERS);
  await q.reload();
  await ready(q);
  assert.equal((await names()).length, 3, "kept over a reload");
  await q.context().close();
});

await h.check("(8) a full storage shows a clear message and loses nothing", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await tid(p, "save-name").fill("Kept");
  await tid(p, "save").click();
  await tid(p, "saved-item-0").filter({ hasText: "Kept" }).waitFor({ timeout: 5_000 });
  // From now on every write fails as a full storage does.
  await p.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await tid(p, "save-name").fill("Too much");
  await tid(p, "save").click();
  await expectNotice(p, /full/i);
  await h.shot(p, "storage-full");
  assert.equal(await tid(p, "saved-list").locator("li").count(), 1);
  assert.equal(await tid(p, "save-name").inputValue(), "Too much", "the typed name is kept");
  await tid(p, "saved-delete-0").click();
  await expectNotice(p, /full/i);
  assert.equal(await tid(p, "saved-list").locator("li").count(), 1, "a failed delete keeps the item");
  // A file of saved scenarios that does not fit: said so, and the library stays as it was.
  const other = { name: "Other", scenario: JSON.parse(await p.evaluate(() => localStorage.getItem("aliansi.saved.v2"))).items[0].scenario };
  other.scenario.seed = 99;
  const file = JSON.stringify({ version: 2, items: [other] });
  await tid(p, "notice-dismiss").click();
  await tid(p, "notice").waitFor({ state: "detached", timeout: 5_000 });
  await tid(p, "import").setInputFiles({ name: "library.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await expectNotice(p, /full/i);
  assert.equal(await tid(p, "saved-list").locator("li").count(), 1, "a failed import of saved scenarios adds nothing");
  await p.reload();
  await ready(p);
  const names = await tid(p, "saved-list").locator("li").allInnerTexts();
  assert.equal(names.length, 1);
  assert.match(names[0], /Kept/);
  await p.context().close();
});

await h.check("(8) a scenario exported after it was saved is named as saved; on the Indonesian page 'dan 2', not 'and 2'", async () => {
  const page = await h.newPage();
  await open(page, h.origin);
  // Saved (which empties the field), then exported: named as it was saved.
  await tid(page, "save-name").fill("Uji coba");
  await tid(page, "save-name").press("Enter");
  await tid(page, "notice").filter({ hasText: "Uji coba" }).waitFor({ timeout: 5_000 });
  const [saved] = await Promise.all([page.waitForEvent("download", { timeout: 5_000 }), tid(page, "export").click()]);
  assert.equal(saved.suggestedFilename(), "aliansi-uji-coba.json");
  await page.context().close();
  // On the Indonesian page, a scenario of more than two partners.
  const id = await h.newPage();
  await open(id, h.origin, "/?lang=id");
  const [more] = await Promise.all([id.waitForEvent("download", { timeout: 5_000 }), tid(id, "export").click()]);
  assert.match(more.suggestedFilename(), /^aliansi-nusantara-foods-hoshi-technologies-dan-2-seed-\d+\.json$/);
  await id.context().close();
});

await h.finish();
