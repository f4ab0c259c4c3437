// End-to-end: (7) share links. The scenario and seed go into the address (#s3.…) and the
// clipboard; opening the link elsewhere gives the same run; damaged or foreign links show a
// notice and the default scenario; back and forward load the scenario of the address; a link
// opens in the language it was shared in (?lang=); after Share a reload keeps the run and the
// comparison; a link cut before its scenario says so; a lesson over a link's scenario offers it
// back; a saved scenario's name goes with its link, shown as text.
// Usage: node share.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import {
  DEFAULT_PARTNERS,
  OUTCOME_RE,
  STEP_TIMEOUT_MS,
  expectNotice,
  expectPartners,
  finishRun,
  loadPreset,
  open,
  ready,
  start,
  tid,
} from "./harness.mjs";

const JV = ["Astra Manufaktur", "Daiwa Components"];
const CALM = ["Mitra Satu", "Mitra Dua"];
const DISTRIBUTION = ["Northwind Brands", "Sumber Niaga"];

const h = await start("share");

/** Clicks Share on `p` and returns the link it shows. */
async function shareLink(p) {
  await tid(p, "share").click();
  await tid(p, "share-link").waitFor({ state: "visible", timeout: 5_000 });
  return tid(p, "share-link").inputValue();
}
const page = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
let link = "";
let outcome = "";
let seed = "";

await h.check("(7) share puts the scenario in the address and the clipboard", async () => {
  await open(page, h.origin);
  await loadPreset(page, "id-jp-jv");
  await expectPartners(page, JV);
  await finishRun(page);
  outcome = await tid(page, "outcome").innerText();
  assert.match(outcome, OUTCOME_RE);
  seed = await page.locator("#app-ready").getAttribute("data-seed");
  link = await shareLink(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=en&model=[0-9.-]+#s3\.[A-Za-z0-9_-]+$/, `link: ${link}`);
  assert.equal(page.url(), link, "the address is the link");
  await expectNotice(page, /copied/i);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await h.shot(page, "shared");
});

await h.check("(7) the link opened in a new page gives the same scenario, seed and outcome", async () => {
  assert.ok(link, "no link from the previous check");
  const p = await h.newPage();
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectPartners(p, JV);
  // What is open is said above the picker, and the picker shows it (it showed the default's
  // description under a shared scenario: a phone audit).
  assert.match(await tid(p, "preset-open").innerText(), /^Open now: “Indonesian-Japanese joint venture”\.$/);
  assert.equal(await tid(p, "preset-select").inputValue(), "id-jp-jv");
  await finishRun(p);
  assert.equal(await p.locator("#app-ready").getAttribute("data-seed"), seed);
  assert.equal(await tid(p, "outcome").innerText(), outcome);
  await h.shot(p, "opened-link");
  await p.context().close();
});

await h.check("a saved scenario's name goes with its link, and shows as text where it opens", async () => {
  const NAME = "Week 5 <img src=x onerror=alert(1)>";
  const p = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
  await open(p, h.origin);
  await loadPreset(p, "calm-pair");
  await tid(p, "save-name").fill(NAME);
  await tid(p, "save").click();
  await p.waitForFunction(() => document.querySelector('[data-testid="preset-open"]')?.textContent.includes("Week 5"), null, { timeout: STEP_TIMEOUT_MS });
  const named = await shareLink(p);
  await p.context().close();
  const q = await h.newPage();
  await q.goto(named, { waitUntil: "load" });
  await ready(q);
  await expectPartners(q, CALM);
  await expectNotice(q, /shared scenario is open/);
  assert.equal(await tid(q, "preset-open").innerText(), `Open now: “${NAME}”.`);
  assert.equal(await q.locator('img[src="x"]').count(), 0, "the name is text, not markup");
  // A reload keeps it (the link is still the address).
  await q.reload({ waitUntil: "load" });
  await ready(q);
  assert.equal(await tid(q, "preset-open").innerText(), `Open now: “${NAME}”.`);
  await q.context().close();
});

await h.check("a link made with another model says its runs may differ; one of this model does not", async () => {
  assert.ok(link, "no link from the first check");
  // The link names the model of the page that made it: the one About names.
  const model = new URL(link).searchParams.get("model");
  const p = await h.newPage();
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectNotice(p, /A shared scenario is open/);
  assert.equal(await tid(p, "notice-model").count(), 0, "no word of another model");
  const about = await tid(p, "model-version").textContent();
  assert.ok(about.includes(`${model}:`), `About names model ${model}: ${about}`);
  // The same link as made by a page of an older model: the same scenario, and a word on it.
  const older = link.replace(`model=${model}`, "model=2026-11-29");
  await p.goto(older, { waitUntil: "load" });
  await ready(p);
  await expectPartners(p, JV);
  const note = await tid(p, "notice-model").innerText();
  assert.match(note, new RegExp(`made with model 2026-11-29; this page runs model ${model.replace(/\./g, "\\.")}\\.`), note);
  assert.match(note, /may differ from the ones its sender saw/);
  await h.shot(p, "other-model");
  // Shared again from here, it names this page's model.
  assert.equal(new URL(await shareLink(p)).searchParams.get("model"), model);
  await p.context().close();
});

for (const bad of ["#s1.garbage", "#zzz", "#s2.AAAA", "#s3.AAAAAAAA"]) {
  await h.check(`(7) a damaged or foreign link (${bad}) shows the notice and the default scenario`, async () => {
    const p = await h.newPage();
    await open(p, h.origin, "/" + bad);
    const text = await expectNotice(p, /could not be read/);
    assert.match(text, /default/i);
    await expectPartners(p, DEFAULT_PARTNERS);
    await finishRun(p);
    assert.match(await tid(p, "outcome").innerText(), OUTCOME_RE);
    if (bad === "#s1.garbage") await h.shot(p, "broken-link");
    await p.context().close();
  });
}

await h.check("(7) a shared link with one character changed (typed from the board) is refused, not opened as another scenario", async () => {
  assert.ok(link, "no link from the first check");
  const at = link.indexOf("#s3.") + 4 + 60;
  const typo = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
  const p = await h.newPage();
  await p.goto(typo, { waitUntil: "load" });
  await ready(p);
  const text = await expectNotice(p, /could not be read/);
  assert.match(text, /damaged or incomplete/);
  assert.match(text, /default/i);
  await expectPartners(p, DEFAULT_PARTNERS);
  await p.context().close();
});

await h.check("(7) back and forward load the scenario of the address", async () => {
  const p = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
  await open(p, h.origin);
  await expectPartners(p, DEFAULT_PARTNERS);
  await loadPreset(p, "calm-pair");
  await tid(p, "share").click();
  await p.waitForURL(/#s3\./);
  const calmUrl = p.url();
  // Share clicked again with nothing changed: the same address, not a second history entry.
  const entries = await p.evaluate(() => history.length);
  await tid(p, "share").click();
  await expectNotice(p, /copied|Copy it/i);
  assert.equal(await p.evaluate(() => history.length), entries, "Share twice: one entry");
  await loadPreset(p, "distribution");
  await tid(p, "share").click();
  await p.waitForURL((u) => u.href !== calmUrl && /#s3\./.test(u.href));
  await expectPartners(p, DISTRIBUTION);
  await p.goBack();
  assert.equal(p.url(), calmUrl);
  await expectPartners(p, CALM);
  await p.goBack();
  assert.equal(p.url(), h.origin + "/");
  await expectPartners(p, DEFAULT_PARTNERS);
  await p.goForward();
  await expectPartners(p, CALM);
  await p.goForward();
  await expectPartners(p, DISTRIBUTION);
  await p.context().close();
});

await h.check("(7) links as chat apps and wrapped copies leave them open; a broken one changes nothing, and Back returns to the student's own work", async () => {
  assert.ok(link, "no link from the first check");
  const fragment = link.slice(link.indexOf("#"));
  // Punctuation stuck to the end, percent-encoding, a capital prefix, a link broken across
  // lines (a wrapped copy: a space or a line break inside it, also inside "s3."), WhatsApp's
  // italics after it, a zero-width space inside, a space encoded twice: the same scenario.
  const wrapped = (sep) => `${fragment.slice(0, 40)}${sep}${fragment.slice(40)}`;
  const variants = [`${fragment}.`, `${fragment})`, `${fragment}%E2%80%A6`, `#S3.${fragment.slice(4)}`, wrapped("%20"), wrapped("%0A")];
  variants.push(`${fragment}_`, `${fragment.slice(0, 2)}%0A${fragment.slice(2)}`, wrapped("%E2%80%8B"), wrapped("%2520"));
  // The scenario moved into the query (a '#' turned into '?'): the address is put right.
  variants.push(`?${fragment.slice(1)}`);
  for (const variant of variants) {
    const p = await h.newPage();
    await open(p, h.origin, "/" + variant);
    await expectPartners(p, JV);
    // Opened as a link: the notice says so, as news, not as an error.
    const said = await expectNotice(p, /shared scenario is open: 2 partners over \d+ (years|months)/);
    assert.equal(await tid(p, "notice-alarm").textContent(), "", `no error for ${variant}: ${said}`);
    assert.match(await tid(p, "notice-news").textContent(), /shared scenario is open/);
    if (variant.startsWith("?")) assert.ok(new URL(p.url()).hash.startsWith("#s3."), `the address put right: ${p.url()}`);
    await p.context().close();
  }
  // A student's edited work in a tab; a broken link typed in: the work stays, and says so.
  const p = await h.newPage();
  await open(p, h.origin);
  await tid(p, "partner-name-0").fill("Student Co");
  await tid(p, "partner-name-0").press("Tab");
  const mine = ["Student Co", ...DEFAULT_PARTNERS.slice(1)];
  await p.evaluate((f) => { location.hash = f; }, fragment.slice(0, -12));
  const text = await expectNotice(p, /could not be read/);
  assert.match(text, /was not opened: the page shows what it showed before/);
  await expectPartners(p, mine);
  // Back to the plain page: nothing changes.
  await p.goBack();
  await expectPartners(p, mine);
  assert.equal(await tid(p, "replaced").count(), 0, "nothing to bring back");
  // A good link replaces the work (which can come back); Back brings it back by itself.
  await p.evaluate((f) => { location.hash = f; }, fragment);
  await expectPartners(p, JV);
  await tid(p, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  await p.goBack();
  await expectPartners(p, mine);
  await p.context().close();
});

await h.check("a reload keeps the scenario being edited; a link opened in the tab replaces it, offered back (and by Back), a new tab does not get it", async () => {
  assert.ok(link, "no link from the first check");
  const p = await h.newPage();
  await open(p, h.origin);
  await expectPartners(p, DEFAULT_PARTNERS);
  await loadPreset(p, "calm-pair");
  await tid(p, "partner-name-0").fill("Mitra Baru");
  await expectPartners(p, ["Mitra Baru", CALM[1]]);
  await tid(p, "seed").fill("4242");
  await tid(p, "seed").press("Enter");
  await p.waitForSelector('#app-ready[data-seed="4242"]', { state: "attached", timeout: 5_000 });
  // A reload (or a phone's browser that dropped the tab, or a crash) under the same address.
  await p.reload({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, ["Mitra Baru", CALM[1]]);
  assert.equal(await p.locator("#app-ready").getAttribute("data-seed"), "4242", "the seed is kept too");
  // Another address in the same tab: the link's scenario, not the working copy, which the
  // page offers back (found by a phone audit: a link pasted into the address bar of a tab
  // that began at the plain address dropped the edits), and Back brings back.
  assert.ok(new URL(link).search !== new URL(p.url()).search, `${link} would open without a load: the check would prove nothing`);
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectPartners(p, JV);
  await tid(p, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  await p.goBack({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, ["Mitra Baru", CALM[1]]);
  assert.equal(await p.locator("#app-ready").getAttribute("data-seed"), "4242", "its seed too");
  // And loaded again without the back-forward cache (a phone that dropped the page): the same.
  await p.reload({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, ["Mitra Baru", CALM[1]]);
  await p.goForward({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, JV);
  await p.reload({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, JV);
  // Edited under the link's address, then reloaded: the edits come back, and no banner says
  // that the link's scenario is open (the page shows another one).
  await tid(p, "partner-name-0").fill("Mitra Baru");
  await tid(p, "partner-name-0").press("Tab");
  await expectPartners(p, ["Mitra Baru", JV[1]]);
  await p.reload({ waitUntil: "load" });
  await ready(p);
  await expectPartners(p, ["Mitra Baru", JV[1]]);
  await p.waitForTimeout(300);
  const banners = await tid(p, "notice").allInnerTexts();
  assert.ok(!banners.some((b) => /shared scenario is open/.test(b)), `banner: ${banners}`);
  // The plain address opened in the tab (a bookmark, after Share put a link in the address):
  // the edits made under the link come back, not the default (they were lost).
  await p.goto(`${h.origin}/`, { waitUntil: "load" });
  await ready(p);
  await expectPartners(p, ["Mitra Baru", JV[1]]);
  // A new tab starts from the plain page's default.
  const q = await h.newPage();
  await open(q, h.origin);
  await q.waitForTimeout(300);
  await expectPartners(q, DEFAULT_PARTNERS);
  await q.context().close();
  await p.context().close();
});

await h.check("after Share, a reload keeps the run where it stood and the comparison of Run again with a change (a phone audit)", async () => {
  const p = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
  await open(p, h.origin);
  await loadPreset(p, "id-jp-jv");
  await finishRun(p);
  // Run again with a change: mediation instead of arbitration, to its end.
  await tid(p, "compare-start").click();
  await tid(p, "compare-ladder").selectOption({ label: "Negotiation → Mediation" });
  await finishRun(p);
  await tid(p, "compare").waitFor({ timeout: STEP_TIMEOUT_MS });
  const compared = await tid(p, "compare").innerText();
  const month = await p.locator("#app-ready").getAttribute("data-month");
  // Without Share, and after it (the address then holds the link): the run and the
  // comparison come back as they were.
  for (const shared of [false, true]) {
    if (shared) {
      await tid(p, "share").click();
      await tid(p, "share-link").waitFor({ state: "visible", timeout: 5_000 });
      assert.match(p.url(), /#s3\./);
    }
    await p.reload({ waitUntil: "load" });
    await ready(p);
    await p.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
    assert.equal(await p.locator("#app-ready").getAttribute("data-month"), month, `shared: ${shared}`);
    await tid(p, "compare").waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await tid(p, "compare").innerText(), compared, `shared: ${shared}`);
  }
  // A new tab has no comparison.
  const q = await h.newPage();
  await q.goto(p.url(), { waitUntil: "load" });
  await ready(q);
  await q.waitForTimeout(300);
  assert.equal(await tid(q, "compare").count(), 0);
  await q.context().close();
  await p.context().close();
});

await h.check("a share link cut before its scenario says so; a lesson opened over a link's scenario offers it back", async () => {
  assert.ok(link, "no link from the first check");
  const p = await h.newPage();
  await p.goto(link.split("#")[0], { waitUntil: "load" });
  await ready(p);
  await expectNotice(p, /looks like a shared link cut short/);
  await expectPartners(p, DEFAULT_PARTNERS);
  // A lecturer's link of a preset with a seed of its own, run as it came, then a lesson opened
  // over it: the page cannot give that scenario again, so it offers it back.
  await loadPreset(p, "id-jp-jv");
  await tid(p, "seed").fill("99");
  await tid(p, "seed").press("Enter");
  await p.waitForSelector('#app-ready[data-seed="99"]', { state: "attached", timeout: 5_000 });
  const lecturers = await shareLink(p);
  await p.context().close();
  const student = await h.newPage();
  await student.goto(lecturers, { waitUntil: "load" });
  await ready(student);
  await expectPartners(student, JV);
  await finishRun(student);
  await tid(student, "lesson-open-trust").click();
  await tid(student, "replaced").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(student, "replaced").innerText(), /from a link or a file/);
  await tid(student, "restore").click();
  await expectPartners(student, JV);
  assert.equal(await student.locator("#app-ready").getAttribute("data-seed"), "99");
  await student.context().close();
});

await h.check("on a phone the news that a link opened stays at the top of the page; Share's news is held in view", async () => {
  assert.ok(link, "no link from the first check");
  const p = await h.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, permissions: ["clipboard-read", "clipboard-write"] });
  await p.goto(link, { waitUntil: "load" });
  await ready(p);
  await expectNotice(p, /shared scenario is open/);
  const top = () => tid(p, "notice").evaluate((n) => Math.round(n.getBoundingClientRect().top));
  assert.ok((await top()) >= 0, "seen where the page opens");
  // Down to Run (screens below on a phone), by the notice's own button: the news stays
  // above, off the screen.
  await tid(p, "notice-to-run").click();
  await p.waitForFunction(() => {
    const r = document.querySelector('[data-testid="run"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: STEP_TIMEOUT_MS });
  await p.waitForTimeout(200);
  const box = await tid(p, "notice").evaluate((n) => n.getBoundingClientRect().bottom);
  assert.ok(box <= 0, `the notice's bottom at ${box} px, over the screen`);
  // Run takes the notice away; the buttons stay under the thumb (a phone audit: they went
  // 163 px up, off the screen, and the next tap, meant for Pause, missed).
  const runTop = () => tid(p, "run").evaluate((b) => Math.round(b.getBoundingClientRect().top));
  const before = await runTop();
  await tid(p, "run").tap();
  await p.waitForFunction(() => document.querySelector("#app-ready").dataset.status !== "ready", null, { timeout: STEP_TIMEOUT_MS });
  await tid(p, "notice").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS }).catch(() => {});
  await p.waitForTimeout(300);
  const after = await runTop();
  assert.ok(Math.abs(after - before) <= 2, `Run was at ${before} px, then at ${after} px`);
  await tid(p, "pause").tap();
  await p.waitForFunction(() => document.querySelector("#app-ready").dataset.status === "paused", null, { timeout: STEP_TIMEOUT_MS });
  // Share far down the page: its news comes to the screen, held at its top.
  await tid(p, "share").scrollIntoViewIfNeeded();
  await tid(p, "share").click();
  await expectNotice(p, /copied/i);
  const held = await top();
  assert.ok(held >= 0 && held < 100, `Share's notice at ${held} px`);
  await p.context().close();
});

await h.check("(7) a link opens in the language it was shared in; the switch rewrites the address", async () => {
  const htmlLang = (p) => p.evaluate(() => document.documentElement.lang);
  const waitLang = (p, l) =>
    p.waitForFunction((l) => document.documentElement.lang === l, l, { timeout: STEP_TIMEOUT_MS });
  // A trainer's page in Bahasa Indonesia: the switch writes ?lang=id into the address, in place.
  const trainer = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
  await open(trainer, h.origin);
  const entries = await trainer.evaluate(() => history.length);
  await tid(trainer, "lang-id").click();
  await waitLang(trainer, "id");
  assert.equal(trainer.url(), h.origin + "/?lang=id");
  assert.equal(await trainer.evaluate(() => history.length), entries, "no new history entry");
  await loadPreset(trainer, "calm-pair");
  const shared = await shareLink(trainer);
  assert.match(shared, /\/\?lang=id&model=[0-9.-]+#s3\./, shared);
  await trainer.context().close();
  // A student whose browser is in English and who chose English on this device before.
  const student = await h.newPage();
  await student.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("aliansi.lang", "en");
      sessionStorage.setItem("seeded", "1");
    }
  });
  await student.goto(shared, { waitUntil: "load" });
  await ready(student);
  assert.equal(await htmlLang(student), "id", "the link's language wins");
  await expectPartners(student, CALM);
  assert.equal(await tid(student, "lang-id").getAttribute("aria-pressed"), "true");
  assert.match(await tid(student, "notice").innerText(), /selama 10 tahun/, "the notice in Bahasa Indonesia");
  // The student switches back: the address follows, and a reload keeps English.
  await tid(student, "lang-en").click();
  await waitLang(student, "en");
  // The notice's horizon follows the language (it said "over 10 tahun").
  assert.match(await tid(student, "notice").innerText(), /over 10 years/, "the notice reworded");
  assert.match(student.url(), /\/\?lang=en&model=[0-9.-]+#s3\./, student.url());
  await student.reload({ waitUntil: "load" });
  await ready(student);
  assert.equal(await htmlLang(student), "en");
  await expectPartners(student, CALM);
  await student.context().close();
  // Back to an entry written in the other language: the page keeps the language chosen last,
  // and so does the address (a reload would otherwise switch the page).
  const back = await h.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
  await open(back, h.origin);
  await tid(back, "lang-id").click();
  await waitLang(back, "id");
  await loadPreset(back, "calm-pair");
  await tid(back, "share").click();
  await back.waitForURL(/#s3\./);
  await tid(back, "lang-en").click();
  await waitLang(back, "en");
  await back.goBack();
  await back.waitForURL((u) => !u.hash.includes("s3."));
  await back.waitForTimeout(200);
  assert.equal(await htmlLang(back), "en");
  assert.match(back.url(), /lang=en/, `after Back: ${back.url()}`);
  await back.context().close();
  // Without ?lang= the choice made on the device stands, and the address is left alone.
  const plain = await h.newPage();
  await plain.addInitScript(() => localStorage.setItem("aliansi.lang", "id"));
  await open(plain, h.origin);
  assert.equal(await htmlLang(plain), "id");
  assert.equal(plain.url(), h.origin + "/");
  // An unknown language in the address is ignored.
  await plain.goto(h.origin + "/?lang=fr", { waitUntil: "load" });
  await ready(plain);
  assert.equal(await htmlLang(plain), "id");
  await plain.context().close();
});

await h.check("edits made after sharing twice survive Back to the first link and Forward to the second: Bring back my scenario returns them (an audit)", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  const setName = async (name) => {
    await tid(p, "partner-name-0").fill(name);
    await tid(p, "partner-name-0").press("Tab");
  };
  const shared = async () => {
    const before = await p.evaluate(() => location.hash);
    await tid(p, "share").click();
    await p.waitForFunction((h) => location.hash !== h && location.hash.length > 10, before, { timeout: STEP_TIMEOUT_MS });
  };
  const named = (first) => [first, ...DEFAULT_PARTNERS.slice(1)];
  await setName("Shared One");
  await shared();
  await setName("Shared Two");
  await shared();
  await setName("My Own Work");
  await p.goBack();
  await expectPartners(p, named("Shared One"));
  await p.goForward();
  await expectPartners(p, named("Shared Two"));
  await tid(p, "restore").click();
  await expectPartners(p, named("My Own Work"));
  await p.context().close();
});

await h.check("(7) a refused clipboard is reported and the link stays selectable", async () => {
  const p = await h.newPage();
  await p.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
    });
  });
  await open(p, h.origin);
  await tid(p, "share").click();
  await expectNotice(p, /did not allow/i);
  const input = tid(p, "share-link");
  await input.focus();
  const selected = await input.evaluate((e) => e.value.substring(e.selectionStart, e.selectionEnd));
  assert.match(selected, /#s3\./);
  assert.equal(selected, await input.inputValue(), "the whole link is selected");
  await h.shot(p, "clipboard-refused");
  await p.context().close();
});

await h.finish();
