// End-to-end: saved scenarios survive a version upgrade of the app and a full storage.
// Version 1 of the app stored a bare list under aliansi.saved.v1; this version stores
// {"version": 2, "items": [...]} under aliansi.saved.v2 (each item also says when it was first
// saved). The v1 list is migrated on load (damaged items to the quarantine), and removed only
// once v2 is written. A storage filled to its real quota gives a clear message and loses
// nothing. A list written by a newer version is left alone.
// Usage: node storage.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { DEFAULT_PARTNERS, STEP_TIMEOUT_MS, expectNotice, expectPartners, loadPreset, open, ready, reveal, start, tid } from "./harness.mjs";

const V1 = "aliansi.saved.v1";
const V2 = "aliansi.saved.v2";
const Q = "aliansi.quarantine.v1";
const CALM = ["Mitra Satu", "Mitra Dua"];
const h = await start("storage");

/** Fills this origin's localStorage to its quota (filler keys); returns the characters added. */
const fillStorage = (p) =>
  p.evaluate(() => {
    let added = 0;
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`e2e-filler-${i}`, chunk);
          i += 1;
          added += size;
        } catch {
          break;
        }
      }
    }
    return added;
  });
const freeStorage = (p) =>
  p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("e2e-filler-")).forEach((k) => localStorage.removeItem(k)));
const stored = (p, key) => p.evaluate((key) => localStorage.getItem(key), key);
const names = async (p) => (await tid(p, "saved-list").locator(".saved-name").allInnerTexts()).map((s) => s.trim());

// A version-1 scenario as the file format has it (the calm-pair preset), taken from the page.
let calm = null;
await h.check("a scenario in the file format, for the version-1 list", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await loadPreset(p, "calm-pair");
  await expectPartners(p, CALM);
  const [download] = await Promise.all([p.waitForEvent("download"), tid(p, "export").click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  calm = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  assert.equal(calm.version, 1);
  await p.context().close();
});

const MARCH = Date.UTC(2024, 2, 1, 12, 0);
const v1List = () => [
  { name: "Old calm pair", saved_at: MARCH, scenario: calm },
  // Version 1 also read a scenario stored as the text of a file, and items without a date.
  { name: "Undated", scenario: JSON.stringify(calm) },
  { name: "Broken", saved_at: MARCH, scenario: { version: 1, horizon_months: "soon" } },
];

await h.check("a version-1 list is migrated on load: listed, dated, damaged item set aside", async () => {
  const p = await h.newPage();
  // Seeded before the app's first load in this browser, as the old version left it.
  await p.addInitScript(
    ([key, list]) => {
      if (localStorage.getItem(key) === null && localStorage.getItem("aliansi.saved.v2") === null) {
        localStorage.setItem(key, JSON.stringify(list));
      }
    },
    [V1, v1List()],
  );
  await open(p, h.origin);
  await tid(p, "saved-item-1").waitFor({ timeout: 5_000 });
  assert.deepEqual(await names(p), ["Old calm pair", "Undated"]);
  const first = await tid(p, "saved-item-0").innerText();
  assert.match(first, /saved 1 Mar 2024, \d\d:\d\d/, first);
  assert.match(first, /2 partners, \d+ months/, first);
  await expectNotice(p, /1 saved item\(s\) could not be read/);
  assert.equal(await tid(p, "quarantine").locator("li").count(), 1);
  // Stored as version 2 now; version 1 removed once that was written; the damaged item kept.
  const v2 = JSON.parse(await stored(p, V2));
  assert.equal(v2.version, 2);
  assert.deepEqual(
    v2.items.map((i) => [i.name, i.saved_at ?? null, i.created_at ?? null]),
    [
      ["Old calm pair", MARCH, MARCH],
      ["Undated", null, null],
    ],
  );
  assert.deepEqual(v2.items[1].scenario, calm, "the scenario text became the file format");
  assert.equal(await stored(p, V1), null, "v1 removed after v2 was written");
  const q = JSON.parse(await stored(p, Q));
  assert.equal(q.length, 1);
  assert.equal(JSON.parse(q[0].raw).name, "Broken");
  await h.shot(p, "migrated");
  // A migrated item loads, and everything is still there after a reload (no second notice).
  await loadPreset(p, "default");
  await tid(p, "saved-load-0").click();
  await expectPartners(p, CALM);
  await p.reload();
  await ready(p);
  await tid(p, "saved-item-1").waitFor({ timeout: 5_000 });
  assert.deepEqual(await names(p), ["Old calm pair", "Undated"]);
  assert.equal(await tid(p, "notice").filter({ hasText: /could not be read/ }).count(), 0);
  // Saved again under the same name: last saved today, first saved in March 2024.
  await tid(p, "save-name").fill("Old calm pair");
  await tid(p, "save").click();
  await tid(p, "saved-item-0").filter({ hasText: /first saved 1 Mar 2024/ }).waitFor({ timeout: 5_000 });
  const again = JSON.parse(await stored(p, V2)).items[0];
  assert.equal(again.created_at, MARCH);
  assert.ok(again.saved_at > MARCH);
  await p.context().close();
});

await h.check("version 1 stays until version 2 can be written (storage full during the upgrade)", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  // The old version's list, then a storage filled to its quota, then the new version loads.
  await p.evaluate(([key, list]) => localStorage.setItem(key, JSON.stringify(list.slice(0, 2))), [V1, v1List()]);
  const added = await fillStorage(p);
  console.log(`filled localStorage with ${added} more characters`);
  const before = await stored(p, V1);
  await p.reload();
  await ready(p);
  await expectNotice(p, /storage is full/);
  assert.deepEqual(await names(p), ["Old calm pair", "Undated"], "listed from version 1 all the same");
  assert.equal(await stored(p, V1), before, "version 1 untouched");
  assert.equal(await stored(p, V2), null);
  // Room again: the next load finishes the upgrade.
  await freeStorage(p);
  await p.reload();
  await ready(p);
  await tid(p, "saved-item-1").waitFor({ timeout: 5_000 });
  assert.equal(JSON.parse(await stored(p, V2)).items.length, 2);
  assert.equal(await stored(p, V1), null);
  await p.context().close();
});

await h.check("a storage full to its quota: saving shows a clear message and loses nothing", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await tid(p, "save-name").fill("Kept");
  await tid(p, "save").click();
  await tid(p, "saved-item-0").filter({ hasText: "Kept" }).waitFor({ timeout: 5_000 });
  const before = await stored(p, V2);
  await fillStorage(p);
  await loadPreset(p, "airline-alliance");
  await tid(p, "save-name").fill("Too much");
  await tid(p, "save").click();
  const text = await expectNotice(p, /full/i);
  assert.match(text, /nothing was saved and nothing was lost/);
  await h.shot(p, "full");
  assert.deepEqual(await names(p), ["Kept"], "the list on the page is unchanged");
  assert.equal(await tid(p, "save-name").inputValue(), "Too much", "the typed name is kept");
  assert.equal(await stored(p, V2), before, "the stored list is unchanged");
  await p.reload();
  await ready(p);
  await tid(p, "saved-item-0").filter({ hasText: "Kept" }).waitFor({ timeout: 5_000 });
  assert.deepEqual(await names(p), ["Kept"]);
  await p.context().close();
});

await h.check("a tab closed before saving (a chat app's browser): a new tab offers its scenario back, until saved or dismissed", async () => {
  const DRAFT = "aliansi.draft.v1";
  const p = await h.newPage();
  const ctx = p.context();
  await open(p, h.origin);
  const edit = async (page, k, name) => {
    const before = await stored(page, DRAFT);
    const f = await reveal(page, `partner-name-${k}`);
    await f.fill(name);
    await f.press("Tab");
    await page.waitForFunction(([key, before]) => { const v = localStorage.getItem(key); return v && v !== before; }, [DRAFT, before], { timeout: STEP_TIMEOUT_MS });
  };
  await edit(p, 0, "Karya Saya");
  await p.close();
  // A new tab (its own session storage, the device's local storage): the page's own scenario,
  // and the offer.
  const q = await ctx.newPage();
  await open(q, h.origin);
  await expectPartners(q, DEFAULT_PARTNERS);
  await expectNotice(q, /was not saved: you can bring it back/);
  assert.equal(await tid(q, "replaced").count(), 0, "not told it was replaced by a load");
  await h.shot(q, "draft-offered");
  await tid(q, "restore").click();
  await expectPartners(q, ["Karya Saya", ...DEFAULT_PARTNERS.slice(1)]);
  // Saved: nothing is lost, nothing offered.
  await tid(q, "save-name").fill("Karya");
  await tid(q, "save").click();
  await tid(q, "saved-item-0").filter({ hasText: "Karya" }).waitFor({ timeout: 5_000 });
  const r = await ctx.newPage();
  await open(r, h.origin);
  await r.waitForTimeout(500);
  assert.equal(await tid(r, "restore").count(), 0, "a saved scenario is not offered");
  await r.close();
  // Edited again, closed, offered, dismissed: not offered again.
  await edit(q, 1, "Lain Lagi");
  await q.close();
  const s1 = await ctx.newPage();
  await open(s1, h.origin);
  await expectNotice(s1, /was not saved/);
  await tid(s1, "notice-dismiss").click();
  await s1.close();
  const s2 = await ctx.newPage();
  await open(s2, h.origin);
  await s2.waitForTimeout(500);
  assert.equal(await tid(s2, "restore").count(), 0, "dismissed: not offered again");
  await expectPartners(s2, DEFAULT_PARTNERS);
  await ctx.close();
});

await h.check("a list saved by a newer version is shown as such and never overwritten", async () => {
  const p = await h.newPage();
  const newer = JSON.stringify({ version: 3, items: [{ name: "From the future" }], folders: [] });
  await p.addInitScript(([key, text]) => localStorage.setItem(key, text), [V2, newer]);
  await open(p, h.origin);
  await expectNotice(p, /newer version of Aliansi \(format 3\)/);
  await tid(p, "save-name").fill("Mine");
  await tid(p, "save").click();
  await expectNotice(p, /newer version/);
  assert.equal(await stored(p, V2), newer);
  assert.equal(await stored(p, Q), null, "not set aside as damaged either");
  await p.context().close();
});

await h.check("storage blocked by the browser (site data off): the page says what will not work, and runs", async () => {
  const p = await h.newPage();
  await p.addInitScript(() => {
    for (const k of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, k, { get() { throw new DOMException("The user denied access", "SecurityError"); } });
    }
  });
  await open(p, h.origin);
  // Said at once, and not as "nothing was saved" (nothing had been tried).
  await expectNotice(p, /does not let the page use its storage \(The user denied access\): the library cannot keep scenarios here/);
  assert.doesNotMatch(await tid(p, "notice").innerText(), /nothing was saved/);
  await tid(p, "finish").click();
  await p.waitForFunction(() => document.querySelector("#app-ready").dataset.status === "done", null, { timeout: 10_000 });
  await tid(p, "partner-name-0").fill("Kopi Kita");
  await tid(p, "partner-name-0").press("Tab");
  await p.waitForTimeout(500);
  for (const text of await tid(p, "notice").allInnerTexts()) assert.doesNotMatch(text, /nothing was saved/, "an edit is no save");
  await p.context().close();
});

await h.finish();
