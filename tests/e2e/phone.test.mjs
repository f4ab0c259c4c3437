// End-to-end test of the charts' layout on a phone and on a desktop. At 360 px wide (the most
// common width of Android phones) the charts draw their labels larger (24 units of a 600-unit
// drawing, the charts' CSS), and there they overran their drawings: the last month cut in
// half, "100%" without its "1", the axis's title over the ticks' values or cut off below.
// Here every chart of the page, in both languages, after a run that ended early (its "End"
// marker), a run compared with it, a batch, Compare fairly and a sweep (one parameter, then
// two), and every preset's run, must keep each text inside its drawing and apart from the
// others (`crowded` in harness.mjs).
// Usage: node phone.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build, `scripts/build.sh`)
import assert from "node:assert/strict";
import { start, open, tid, reveal, finishRun, loadPreset, crowded, PRESET_IDS, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("phone");
const RESULTS_TIMEOUT_MS = 120_000;
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/** Every drawn <svg> of the page whose texts leave it or overlap: "chart: text" lines. */
async function crowdedCharts(page) {
  const found = [];
  for (const svg of await page.locator("svg").all()) {
    const name = await svg.evaluate((el) => el.dataset.testid ?? el.getAttribute("class") ?? "svg");
    for (const c of await crowded(svg)) found.push(`${name}: ${c}`);
  }
  return found;
}

/** Opens every collapsed section (the tables under the charts, the editor's parts). */
const openAll = (page) => page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));

/** Everything with a chart, on one page: a run that ends in month 70 (seed 2), the same world
 * run again with more transparency (the comparison's charts), a batch, two variants compared
 * fairly, and a sweep. */
async function everyChart(page, lang) {
  await open(page, h.origin);
  await tid(page, `lang-${lang}`).click();
  await tid(page, "seed").fill("2");
  await tid(page, "seed").press("Tab");
  await finishRun(page);
  assert.match(await tid(page, "outcome").innerText(), /70/, "seed 2 ends in month 70");
  assert.ok((await page.locator(".end-marker text").count()) > 0, "the run's End marker is drawn");
  await openAll(page);
  const ended = await crowdedCharts(page);
  await tid(page, "compare-start").click();
  const field = await reveal(page, "field-governance.transparency");
  await field.fill("0.95");
  await field.press("Tab");
  await finishRun(page);
  await tid(page, "compare").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await (await reveal(page, "batch-start")).click();
  await tid(page, "batch-hazard").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  await tid(page, "variant-add").click();
  await (await reveal(page, "field-governance.alliance_manager")).check();
  await tid(page, "variant-add").click();
  await tid(page, "variants-runs").fill("300");
  await tid(page, "variants-run").click();
  await tid(page, "variants-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  await tid(page, "sweep-runs").fill("50");
  await tid(page, "sweep-run").click();
  await tid(page, "sweep-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  await openAll(page);
  return ended;
}

for (const [viewport, lang] of [[PHONE, "en"], [PHONE, "id"], [DESKTOP, "en"], [DESKTOP, "id"]]) {
  await h.check(`every chart keeps its texts inside and apart: ${viewport.width} px wide, ${lang}`, async () => {
    const page = await h.newPage({ viewport });
    const ended = await everyChart(page, lang);
    assert.deepEqual(ended, [], "after the run that ended early");
    const names = await page.locator("svg[data-testid]").evaluateAll((els) => els.map((e) => e.dataset.testid));
    for (const id of ["trust-chart", "batch-km", "batch-hazard", "batch-value", "batch-trust", "variants-km", "sweep-line", "network"]) {
      assert.ok(names.includes(id), `the page has drawn ${id} (${names.join(", ")})`);
    }
    assert.deepEqual(await crowdedCharts(page), [], "with every result on the page");
    await h.shot(page, `${viewport.width}-${lang}`);
    // Two parameters: the heat map.
    await tid(page, "sweep-param-y").selectOption("governance.alliance_manager");
    const old = await page.$('[data-testid="sweep-results"]');
    await tid(page, "sweep-run").click();
    if (old) await page.waitForFunction((el) => !el.isConnected, old, { timeout: STEP_TIMEOUT_MS });
    await tid(page, "sweep-heatmap").waitFor({ timeout: RESULTS_TIMEOUT_MS });
    assert.deepEqual(await crowded(tid(page, "sweep-heatmap")), [], "the heat map");
    await page.context().close();
  });
}

await h.check("on the smallest phones (320 px) an editor field's \"?\" sits beside its number, not under it", async () => {
  for (const width of [320, 360]) {
    for (const lang of ["id", "en"]) {
      const p = await h.newPage({ viewport: { width, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      await open(p, h.origin);
      await tid(p, `lang-${lang}`).click();
      await p.evaluate(() => document.querySelectorAll("details:not(.help-toggle)").forEach((d) => (d.open = true)));
      await p.waitForTimeout(200);
      const found = await p.evaluate(() => {
        const out = [];
        let fields = 0;
        for (const f of document.querySelectorAll(".field.compact")) {
          const q = f.querySelector(".help-toggle > summary");
          const n = f.querySelector("input.num");
          if (!q || !n) continue;
          const a = q.getBoundingClientRect();
          const b = n.getBoundingClientRect();
          if (!a.width || !b.width) continue;
          fields += 1;
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 0.5 && y > 0.5) out.push(`${n.dataset.testid}: ${Math.round(x)} px under the number`);
        }
        return { fields, out };
      });
      assert.ok(found.fields > 20, `${found.fields} fields with a "?" (${width} px, ${lang})`);
      assert.deepEqual(found.out, [], `${width} px, ${lang}`);
      await p.context().close();
    }
  }
});

await h.check("every preset's run charts fit a phone", async () => {
  const page = await h.newPage({ viewport: PHONE });
  await open(page, h.origin);
  const found = [];
  for (const id of PRESET_IDS) {
    await loadPreset(page, id);
    await finishRun(page);
    await openAll(page);
    for (const c of await crowdedCharts(page)) found.push(`${id}: ${c}`);
  }
  assert.deepEqual(found, []);
  await page.context().close();
});

/** A scenario file (version 1) of 30 like partners over 600 months whose run (seed 16) creates
 * value in the thousands a month before it ends in month 73. */
function largeScenario() {
  const partner = (i) => ({
    name: `Partner ${i + 1}`,
    culture: ["ID", "JP", "DE", "SG", "US"][i % 5],
    goals: { market_access: 0.6, technology: 0.4, cost_efficiency: 0.4, risk_sharing: 0.4, growth: 0.6 },
    capacity: 50,
    contribution: 0.5,
    expected_share: 0.5,
    opportunism: 0.1,
    learning_intent: 0.3,
    adaptability: 0.6,
    patience: 0.6,
  });
  return {
    version: 1,
    horizon_months: 600,
    seed: 16,
    initial_trust: 0.6,
    partners: Array.from({ length: 30 }, (_, i) => partner(i)),
    governance: {
      form: "contract", decision_rule: "majority", transparency: 0.5, monitoring: 0.3, sharing: "proportional",
      review_months: 12, exit_penalty_months: 3, compliance: 0.5, alliance_manager: false, resolution: ["negotiation", "arbitration"],
    },
    environment: {
      volatility: 0.1, growth: 0.03, shock_rate_per_year: 0.2, shock_severity: 0.4, regulatory_strictness: 0.4, rivalry: 0.1, scripted_shocks: [],
    },
  };
}

await h.check("a large alliance's charts fit a phone: 30 partners over 600 months, values in the thousands", async () => {
  const page = await h.newPage({ viewport: PHONE });
  await open(page, h.origin);
  await tid(page, "import").setInputFiles({ name: "large.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(largeScenario())) });
  await page.locator('[data-testid^="partner-name-"]').nth(29).waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
  await finishRun(page);
  await openAll(page);
  const labels = await page.locator("svg.line-chart .tick-label").allTextContents();
  // Grouped by thousands, as the page writes amounts elsewhere.
  assert.ok(labels.some((l) => /^\d,\d{3}$/.test(l)), `a value in the thousands among ${labels.join(" ")}`);
  assert.deepEqual(await crowdedCharts(page), []);
  await h.shot(page, "large");
  await page.context().close();
});

await h.check("a wide table's caption stays in view while the table scrolls sideways", async () => {
  const page = await h.newPage({ viewport: PHONE });
  await open(page, h.origin);
  await finishRun(page);
  const sat = page.locator("figure", { has: page.locator("#ch-sat-title") });
  await sat.locator("details.chart-data > summary").click();
  const table = sat.locator("table.chart-data-table");
  await table.waitFor({ timeout: STEP_TIMEOUT_MS });
  const r = await table.evaluate((t) => {
    const box = t.closest(".table-scroll");
    box.scrollLeft = box.scrollWidth;
    return { scrolled: box.scrollLeft, box: box.getBoundingClientRect().left, caption: t.querySelector("caption").getBoundingClientRect().left };
  });
  assert.ok(r.scrolled > 50, `the table scrolls sideways on a phone: ${JSON.stringify(r)}`);
  assert.ok(Math.abs(r.caption - r.box) <= 1, `the caption stays at the box's left edge: ${JSON.stringify(r)}`);
  await page.context().close();
});

await h.check("on a phone the library's news stays at the top of the page and is said again under the library's buttons (it covered them)", async () => {
  const page = await h.newPage({ viewport: PHONE });
  await open(page, h.origin);
  await reveal(page, "save-name");
  await tid(page, "save-name").fill("Tugas 1 JV");
  await tid(page, "save").click();
  await tid(page, "notice").waitFor({ timeout: STEP_TIMEOUT_MS });
  const words = (await tid(page, "notice-news").innerText()).trim();
  assert.match(words, /Tugas 1 JV/);
  assert.equal((await tid(page, "library-echo").innerText()).trim(), words, "said again under the buttons");
  assert.equal(await tid(page, "library-echo").getAttribute("aria-hidden"), "true", "for the eyes: the live region has said it");
  // Scrolled to the library's buttons, the notice covers none of them.
  await tid(page, "export").scrollIntoViewIfNeeded();
  const covered = await page.evaluate(() => {
    const n = document.querySelector('[data-testid="notice"]').getBoundingClientRect();
    return ["export", "export-library", "import", "save"].filter((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const b = (el.closest("label") ?? el).getBoundingClientRect();
      return b.height > 0 && Math.min(n.bottom, b.bottom) - Math.max(n.top, b.top) > 0 && b.bottom > 0 && b.top < innerHeight;
    });
  });
  assert.deepEqual(covered, [], `covered by the notice: ${covered}`);
  // On a wide screen the notice is held in view as before, and the library says nothing again.
  await page.setViewportSize(DESKTOP);
  assert.equal(await tid(page, "library-echo").isVisible(), false);
  await page.context().close();
});

await h.finish();
