// End-to-end test of "Take it away": CSV of the numbers behind the charts (Many futures,
// Compare fairly, a single run), each chart as SVG and PNG, and the one-page printed debrief.
// Downloads are caught with Playwright's download event and read back.
// Usage: node export.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build, `scripts/build.sh`)
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, open, tid, reveal, finishRun, loadPreset, crowded, repo, DEFAULT_PARTNERS, STEP_TIMEOUT_MS } from "./harness.mjs";

/** The model's version (crates/sim/src/lib.rs): the printed debrief and every downloaded chart
 * name it. */
const MODEL_VERSION = readFileSync(join(repo, "crates/sim/src/lib.rs"), "utf8").match(/pub const MODEL_VERSION: &str = "([^"]+)";/)[1];
/** The end of every chart's file name: the model that computed it ("-model-2026-12-02"). */
const MODEL = `-model-${MODEL_VERSION.replaceAll(".", "-")}`;

const h = await start("export");
const page = await h.newPage();
const RESULTS_TIMEOUT_MS = 180_000;
const RUNS = 200;
const shots = process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots");

/** Parses RFC 4180 CSV (CRLF line ends, quoted fields) into rows of strings. */
function parseCsv(text, sep = ",") {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (c === "\n") throw new Error(`bare LF at ${i}`);
    else cell += c;
  }
  if (cell !== "" || row.length > 0) throw new Error("the last line has no CRLF");
  return rows;
}

/** Clicks the button with test id `id` and returns the download: its suggested name and bytes. */
async function download(id) {
  const button = tid(page, id);
  await button.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT_MS });
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: STEP_TIMEOUT_MS }), button.click()]);
  const path = await d.path();
  const bytes = await readFile(path);
  return { name: d.suggestedFilename(), bytes };
}

/** Downloads the CSV of `id`, checks the byte order mark, and returns its name and rows. */
async function csv(id, sep = ",") {
  const { name, bytes } = await download(id);
  const text = bytes.toString("utf8");
  assert.ok(text.startsWith("\ufeff"), `${name} starts with a UTF-8 byte order mark`);
  const rows = parseCsv(text.slice(1), sep);
  await writeFile(join(shots, `export-${name}`), bytes);
  return { name, header: rows[0], rows: rows.slice(1) };
}

const num = (s) => {
  assert.match(s, /^-?\d+(\.\d+)?(e-?\d+)?$/, `a number with a decimal point: ${JSON.stringify(s)}`);
  return Number(s);
};
const sum = (rows, k) => rows.reduce((a, r) => a + num(r[k]), 0);

/** [shown percent, exact percent] pairs of one whole: each shown within a rounding step (0.1)
 * of the exact one, and together exactly 100.0 (rounded alone they may not be). */
function addsUpTo100(what, pairs) {
  const alone = pairs.reduce((a, [, x]) => a + Number(x.toFixed(1)), 0);
  console.log(`${what}: ${pairs.map((p) => p[0]).join(" + ")}% (rounded alone: ${alone.toFixed(1)}%)`);
  for (const [shown, exact] of pairs) assert.ok(Math.abs(shown - exact) < 0.1 + 1e-9, `${what}: ${shown} vs ${exact}`);
  assert.equal(pairs.reduce((a, p) => a + p[0] * 10, 0), 1000, `${what} add up to 100.0%`);
}

let horizon = null;
await h.check(`a ${RUNS}-run batch of the default scenario`, async () => {
  await open(page, h.origin);
  await tid(page, "batch-runs").fill(String(RUNS));
  await tid(page, "batch-start").click();
  await tid(page, "batch-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  assert.equal(await tid(page, "batch-results").getAttribute("data-runs"), String(RUNS));
  horizon = Number(await tid(page, "batch-survival-table").locator("tbody tr").last().getAttribute("data-month"));
  assert.ok(horizon >= 12, `horizon ${horizon}`);
});

await h.check("CSV export downloads a file with the expected columns", async () => {
  const c = await csv("batch-survival-export-csv");
  console.log(`survival curve: ${c.name}, ${c.rows.length} rows; first ${c.rows[0]}; last ${c.rows.at(-1)}`);
  assert.match(c.name, new RegExp(`^aliansi-futures-${RUNS}-runs-seed-\\d+-survival${MODEL}\\.csv$`));
  assert.deepEqual(c.header, ["month", "survival", "lower_95", "upper_95"]);
  assert.equal(c.rows.length, horizon + 1, "a row per month from 0 to the horizon");
  assert.deepEqual(c.rows[0].slice(0, 2), ["0", "1"]);
  c.rows.forEach((r, m) => {
    assert.equal(r[0], String(m));
    const [s, lo, hi] = r.slice(1).map(num);
    assert.ok(lo <= s + 1e-12 && s <= hi + 1e-12, `month ${m}: ${lo} <= ${s} <= ${hi}`);
  });
  // The last value is the survival at the horizon the page shows (rounded there to 4 places).
  const shown = Number(await tid(page, "batch-survival-table").getAttribute("data-horizon-survival"));
  assert.ok(Math.abs(num(c.rows.at(-1)[1]) - shown) < 5e-5, `${c.rows.at(-1)[1]} vs ${shown}`);
});

await h.check("the other Many futures CSVs: table, hazard, causes, histograms, shares", async () => {
  const table = await csv("batch-survival-table-export-csv");
  assert.deepEqual(table.header, ["after_months", "survival", "lower_95", "upper_95", "median_survival_months"]);
  assert.equal(table.rows.length, await tid(page, "batch-survival-table").locator("tbody tr").count(), "a row per table row");

  const hazard = await csv("batch-hazard-export-csv");
  assert.deepEqual(hazard.header, ["year", "from_month", "to_month", "hazard"]);
  assert.equal(hazard.rows.length, Math.ceil(horizon / 12));
  assert.equal(hazard.rows.length, await tid(page, "batch-hazard").locator("rect.hazard-bar").count(), "a row per bar");

  const causes = await csv("batch-causes-export-csv");
  assert.deepEqual(causes.header, ["cause", "description", "runs", "share_of_ended"]);
  const shownRows = await tid(page, "batch-causes").locator(".cause-row").count();
  assert.equal(causes.rows.length, shownRows, "a row per cause on the chart");
  // The shares shown are the CSV's, each within a rounding step, and add up to 100.0%.
  const percents = [];
  for (const r of causes.rows) {
    const row = tid(page, "batch-causes").locator(`.cause-row[data-cause="${r[0]}"]`);
    assert.equal(await row.locator(".cause-name").innerText(), r[1]);
    const count = await row.locator(".cause-count").innerText();
    assert.match(count, new RegExp(`^${Number(r[2]).toLocaleString("en")} \\((\\d+\\.\\d)%\\)$`));
    percents.push([Number(count.match(/\(([\d.]+)%\)/)[1]), num(r[3]) * 100]);
  }
  addsUpTo100("causes", percents);

  for (const [id, from] of [["batch-value-export-csv", "value_from"], ["batch-trust-export-csv", "trust_from"]]) {
    const c = await csv(id);
    assert.equal(c.header[0], from);
    assert.equal(sum(c.rows, 2), RUNS, `${id}: every run counted once`);
  }

  const shares = await csv("batch-shares-export-csv");
  assert.deepEqual(shares.header, ["share_from", "share_to", ...DEFAULT_PARTNERS]);
  assert.equal(shares.rows.at(-1)[0], "mean");
  for (let p = 0; p < DEFAULT_PARTNERS.length; p++) {
    assert.equal(sum(shares.rows.slice(0, -1), 2 + p), RUNS, `${DEFAULT_PARTNERS[p]}: every run counted once`);
  }
  // Every future of the default scenario pays out, so the mean shares make a whole.
  const meanRow = shares.rows.at(-1).slice(2).map(num);
  assert.ok(Math.abs(meanRow.reduce((a, b) => a + b, 0) - 1) < 1e-6, `means ${meanRow}`);
  const means = await tid(page, "batch-shares").locator(".share-name").allInnerTexts();
  addsUpTo100("mean shares", means.map((t, p) => [Number(t.match(/mean share ([\d.]+)%/)[1]), meanRow[p] * 100]));
});

let svgText = "";
await h.check("SVG export: a standalone SVG with the chart's paths and their colours", async () => {
  const { name, bytes } = await download("batch-survival-export-svg");
  svgText = bytes.toString("utf8");
  assert.match(name, new RegExp(`^aliansi-futures-\\d+-runs-seed-\\d+-survival${MODEL}\\.svg$`));
  assert.ok(svgText.startsWith("<?xml"), "an XML document");
  await writeFile(join(shots, "export-km.svg"), svgText);
  const onPage = await tid(page, "batch-km").evaluate((svg) => ({
    paths: [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d")),
    texts: svg.querySelectorAll("text").length,
    legend: [...svg.closest("figure").querySelectorAll(".legend li")].map((li) => li.textContent.trim()),
  }));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const line = root.querySelector("path.km-line");
    const band = root.querySelector("path.km-band");
    const label = root.querySelector("text.tick-label");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      tag: root.localName,
      ns: root.namespaceURI,
      width: root.getAttribute("width"),
      height: Number(root.getAttribute("height")),
      viewBox: root.getAttribute("viewBox"),
      legend: [...root.querySelectorAll(".export-legend text")].map((t) => t.textContent),
      legendShapes: root.querySelectorAll(".export-legend line, .export-legend rect").length,
      title: root.querySelector("title")?.textContent,
      credit: root.querySelector("text.export-credit")?.textContent,
      shownTitle: [...root.querySelectorAll("text.export-title tspan")].map((t) => t.textContent).join(" "),
      paths: [...root.querySelectorAll("path")].map((p) => p.getAttribute("d")),
      texts: root.querySelectorAll("text").length,
      lineStroke: line?.getAttribute("stroke"),
      lineFill: line?.getAttribute("fill"),
      lineWidth: line?.getAttribute("stroke-width"),
      bandFill: band?.getAttribute("fill"),
      bandOpacity: band?.getAttribute("fill-opacity"),
      labelSize: label?.getAttribute("font-size"),
      styleAttrs: root.querySelectorAll("[style]").length,
    };
  }, svgText);
  assert.equal(parsed.error, null, "parses as XML");
  assert.equal(parsed.tag, "svg");
  assert.equal(parsed.ns, "http://www.w3.org/2000/svg");
  assert.equal(parsed.width, "600");
  assert.equal(parsed.title, await page.locator("#batch-km-title").innerText(), "the chart's title");
  assert.equal(parsed.shownTitle, parsed.title, "the title is written above the chart");
  assert.deepEqual(parsed.paths, onPage.paths, "the same paths as the chart on the page");
  assert.equal(parsed.texts, onPage.texts + onPage.legend.length + 2, "the same labels, the legend, the title and the model");
  // Which model drew it, as the printed debrief says (crates/sim/src/lib.rs).
  assert.equal(parsed.credit, `Aliansi, model ${MODEL_VERSION}`, "the model under the chart");
  assert.deepEqual(parsed.legend, onPage.legend, "the legend under the chart travels with it");
  assert.equal(parsed.legendShapes, onPage.legend.length, "a swatch per legend entry");
  assert.ok(parsed.height > 300, `room for the legend: ${parsed.height}`);
  assert.equal(parsed.viewBox, `0 0 600 ${parsed.height}`);
  assert.equal(parsed.lineStroke, "rgb(31, 95, 168)", "the curve's colour travels with it");
  assert.equal(parsed.lineFill, "none");
  assert.equal(parsed.lineWidth, "3.5");
  assert.equal(parsed.bandFill, "rgb(31, 95, 168)");
  assert.equal(parsed.bandOpacity, "0.22");
  assert.ok(parsed.labelSize, "labels carry their font size");
  assert.equal(parsed.styleAttrs, 0, "no style attributes (presentation attributes only)");
});

await h.check("a long title is wrapped above the downloaded chart, with its unit", async () => {
  const { bytes } = await download("batch-hazard-export-svg");
  const got = await page.evaluate((text) => {
    const root = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    return {
      lines: [...root.querySelectorAll("text.export-title tspan")].map((t) => t.textContent),
      width: Number(root.getAttribute("width")),
    };
  }, bytes.toString("utf8"));
  const caption = await page.locator("#batch-hazard-title").innerText();
  assert.match(caption, /\(%\)$/);
  assert.equal(got.lines.join(" "), caption, "the page's caption, unit included");
  assert.ok(got.lines.length >= 2, `wrapped: ${JSON.stringify(got.lines)}`);
  // At 17 px a line of 60 characters or fewer fits the 600-unit drawing.
  assert.ok(got.lines.every((l) => l.length <= (got.width - 32) / 9.4), JSON.stringify(got.lines));
});

await h.check("the SVG looks the same opened alone (screenshot)", async () => {
  const alone = await h.newPage();
  await alone.setViewportSize({ width: 640, height: 400 });
  await alone.goto("data:image/svg+xml;base64," + Buffer.from(svgText).toString("base64"));
  await alone.screenshot({ path: join(shots, "export-km-svg-alone.png") });
  // Sample the curve's colour where the page draws it: the SVG is alone, so any blue comes
  // from the exported attributes, not from the app's stylesheet.
  const blue = await alone.evaluate(() => {
    const svg = document.documentElement;
    return [...svg.querySelectorAll("path.km-line")].length;
  });
  assert.equal(blue, 1);
  await alone.close();
});

await h.check("PNG export: a PNG at twice the chart's size", async () => {
  const { name, bytes } = await download("batch-survival-export-png");
  assert.match(name, new RegExp(`^aliansi-futures-\\d+-runs-seed-\\d+-survival${MODEL}\\.png$`));
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  console.log(`PNG ${name}: ${width} x ${height}, ${bytes.length} bytes`);
  const svgHeight = Number(svgText.match(/<svg[^>]* height="([\d.]+)"/)[1]);
  assert.equal(width, 1200);
  assert.equal(height, Math.round(2 * svgHeight), "twice the SVG's size (chart and legend)");
  assert.ok(bytes.length > 10_000 && bytes.length < 2_000_000, `size ${bytes.length}`);
  await writeFile(join(shots, "export-km.png"), bytes);
  const hist = await download("batch-trust-export-png");
  assert.equal(hist.bytes.readUInt32BE(16), 1200);
  assert.equal(hist.bytes.readUInt32BE(20), 2 * (180 + 36 + 24), "the chart's 180, the title's band of 36 and the model's line of 24, twice");
});

/** Replaces window.print by a recorder (a real print window would block the test). */
const stubPrint = () =>
  page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.documentElement.getAttribute("data-debrief"));
  });

/** The number of pages of the page printed to PDF (A4), and the PDF saved for a look. */
async function pdfPages(file) {
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await writeFile(join(shots, file), pdf);
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const visible = (sel) => page.locator(sel).first().isVisible();

/** Presses "Print debrief" of `which` (batch, variants, sweep): print is called with the page
 * marked for that debrief, which is then shown as printed. */
async function openDebrief(which) {
  await stubPrint();
  await tid(page, `${which}-print`).click();
  assert.deepEqual(await page.evaluate(() => window.__printed), [which], "print called with the debrief marked");
  await page.emulateMedia({ media: "print" });
}

/** The pages of the debrief on A4 (the PDF kept as export-NAME.pdf), after a screenshot NAME at
 * A4's width less the margins (about 703 CSS pixels), which shows the paper's layout. */
async function debriefPages(name) {
  await page.setViewportSize({ width: 703, height: 1000 });
  await h.shot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
  return pdfPages(`export-${name}.pdf`);
}

/** The smallest type of the charts with data-testid `id` as the open debrief prints them, in
 * points: each text's size in its drawing times the drawing's scale (its box against its
 * viewBox, the smaller of the two ways, as the drawing fits its box), on A4's 186 mm (703 px)
 * between the margins. 7 pt is about the least that reads on paper. */
const MIN_LABEL_PT = 7;
async function smallestLabelPt(id) {
  await page.setViewportSize({ width: 703, height: 1000 });
  const pt = await tid(page, id).evaluateAll((svgs) =>
    Math.min(
      ...svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        const vb = svg.viewBox.baseVal;
        const scale = Math.min(box.width / vb.width, box.height / vb.height);
        return [...svg.querySelectorAll("text")]
          .filter((t) => t.getBoundingClientRect().height > 0)
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale * 0.75);
      }),
    ),
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  return pt;
}

/** Back to the screen, the debrief's mark gone (as after printing). */
async function closeDebrief() {
  await page.evaluate(() => document.documentElement.removeAttribute("data-debrief"));
  await page.emulateMedia({ media: "screen" });
}

await h.check("Print debrief (Many futures): one page, scenario + charts + findings, no editor or buttons", async () => {
  await openDebrief("batch");
  assert.equal(await visible(".edit-col"), false, "editor hidden");
  assert.equal(await visible(".controls"), false, "run controls hidden");
  assert.equal(await visible(".top"), false, "library hidden");
  assert.equal(await tid(page, "compare-batch").isVisible(), false, "the other experiment hidden");
  assert.equal(await visible("[data-testid='batch'] button"), false, "no buttons");
  assert.equal(await visible(".export-bar"), false, "no export buttons");
  assert.ok(await tid(page, "batch").getByTestId("debrief-scenario").isVisible(), "scenario shown");
  assert.equal(await tid(page, "scenario").isVisible(), false, "the debrief's own, not the page's");
  assert.ok(await tid(page, "batch-km").isVisible(), "survival chart shown");
  assert.ok(await tid(page, "batch-hazard").isVisible(), "hazard chart shown");
  const findings = tid(page, "debrief-findings").first();
  assert.ok(await findings.isVisible(), "findings shown");
  const words = await findings.innerText();
  console.log(`findings: ${words.replace(/\n/g, " | ")}`);
  assert.match(words, new RegExp(`Of ${RUNS} futures, .* were still together after 10 years`));
  // The model that gave these results, for a debrief kept on file.
  assert.equal(await tid(page, "debrief-model").first().innerText(), `Aliansi, model ${MODEL_VERSION}`);
  const pages = await debriefPages("debrief-batch");
  console.log(`debrief (Many futures) prints on ${pages} page(s)`);
  assert.equal(pages, 1, "one page");
  await closeDebrief();
  assert.ok(await visible(".edit-col"), "the editor is back on screen");
  // The findings stay on screen too (a student on a phone reads them before the charts), under
  // the section's heading, without the paper's title.
  assert.ok(await tid(page, "debrief-findings").first().isVisible(), "findings on screen");
  assert.match(await tid(page, "debrief-findings").first().innerText(), new RegExp(`^Of ${RUNS} futures, `));
  assert.equal(await tid(page, "debrief-model").first().isVisible(), false, "the paper's title is for paper");
});

await h.check("printing without the button (Ctrl+P) also leaves out the editor and buttons", async () => {
  await page.evaluate(() => document.documentElement.removeAttribute("data-debrief"));
  await page.emulateMedia({ media: "print" });
  assert.equal(await visible(".edit-col"), false, "editor hidden");
  assert.equal(await visible("button"), false, "no buttons");
  assert.ok(await tid(page, "batch-km").isVisible(), "results shown");
  await page.emulateMedia({ media: "screen" });
});

await h.check("Compare fairly: the table CSV has one row per variant, the curves one per month", async () => {
  await tid(page, "variant-add").click();
  await tid(page, "variant-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  const box = await reveal(page, "field-governance.alliance_manager");
  await box.check();
  await tid(page, "variant-name").fill('Manager, "full time"');
  await tid(page, "variant-add").click();
  await tid(page, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  // What the variant changes from the base, in the editor's words, before and after the run.
  assert.equal(await tid(page, "variant-changes-1").innerText(), "Dedicated alliance manager: No → Yes");
  await tid(page, "variants-runs").fill(String(RUNS));
  await tid(page, "variants-run").click();
  await tid(page, "variants-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  assert.equal(
    await tid(page, "variants-changes-1").innerText(),
    'Manager, "full time": Dedicated alliance manager: No → Yes',
  );
  const table = await csv("variants-table-export-csv");
  console.log(`compare table: ${table.name}: ${table.header.join(",")} / ${table.rows.map((r) => r.join(",")).join(" / ")}`);
  assert.match(table.name, new RegExp(`^aliansi-compare-${RUNS}-runs-seed-\\d+-table${MODEL}\\.csv$`));
  assert.deepEqual(table.header, [
    "variant",
    "runs",
    "horizon_months",
    "survival_at_horizon",
    "lower_95",
    "upper_95",
    "difference_from_base",
    "difference_lower_95",
    "difference_upper_95",
    "log_rank_chi2",
    "log_rank_df",
    "log_rank_p",
  ]);
  assert.equal(table.rows.length, 2, "one row per variant");
  assert.deepEqual(
    table.rows.map((r) => r[0]),
    ["Variant 1", 'Manager, "full time"'],
    "names survive commas and quotes",
  );
  assert.deepEqual(table.rows[0].slice(6, 9), ["", "", ""], "no difference for the base");
  assert.equal(table.rows[1][10], "1", "log-rank df");
  const p = Number(await tid(page, "variants-results").getAttribute("data-p"));
  assert.ok(Math.abs(num(table.rows[1][11]) - p) < 1e-6, `p ${table.rows[1][11]} vs ${p}`);
  // The verdict (printed with the debrief) gives the same survival, to the table's tenth.
  const said = await tid(page, "variants-verdict").innerText();
  for (const r of table.rows) assert.ok(said.includes(`${(num(r[3]) * 100).toFixed(1)}%`), `${said} / ${r[3]}`);
  const curves = await csv("variants-curves-export-csv");
  assert.deepEqual(curves.header, ["month", "Variant 1", 'Manager, "full time"']);
  assert.equal(curves.rows.length, horizon + 1);
  assert.ok(Math.abs(num(curves.rows.at(-1)[2]) - num(table.rows[1][3])) < 1e-12, "curve ends at the survival at the horizon");
  const svg = await download("variants-curves-export-svg");
  assert.match(svg.bytes.toString("utf8"), /<path[^>]*class="variant-line"/);
});

await h.check("Print debrief (Compare fairly): one page, the verdict, not Many futures", async () => {
  // Another scenario in the editor since (a trainer's audit: the debrief printed the editor's
  // scenario above the results of another): the debrief prints the one the results are of.
  await loadPreset(page, "calm-pair");
  await openDebrief("variants");
  const printed = await tid(page, "compare-batch").getByTestId("debrief-scenario").innerText();
  assert.match(printed, /4 partners/, printed);
  for (const name of DEFAULT_PARTNERS) assert.ok(printed.includes(name), `${name} in ${printed}`);
  assert.equal(await visible(".edit-col"), false, "editor hidden");
  assert.equal(await tid(page, "batch").isVisible(), false, "Many futures hidden");
  assert.ok(await tid(page, "variants-verdict").isVisible(), "the verdict in words");
  assert.ok(await tid(page, "variants-km").isVisible(), "the curves");
  assert.ok(await tid(page, "variants-changes").isVisible(), "what each variant changes");
  assert.ok(await tid(page, "compare-batch").getByTestId("debrief-scenario").isVisible(), "the scenario");
  const pages = await debriefPages("debrief-compare");
  console.log(`debrief (Compare fairly) prints on ${pages} page(s)`);
  assert.equal(pages, 1, "one page");
  await closeDebrief();
  await loadPreset(page, "default");
});

await h.check("classroom mode's large type is for the projector: on paper the page has its 9 pt", async () => {
  // (A trainer who prints the debrief without leaving classroom mode got the projector's type
  // on paper: the comparison's table ran off the page.)
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await tid(page, "classroom-toggle").click();
  await page.waitForSelector('#app-ready[data-classroom="true"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  assert.ok((await size()) >= 20, `classroom type on screen: ${await size()} px`);
  await page.emulateMedia({ media: "print" });
  assert.equal(await size(), 12, "9 pt on paper");
  await page.emulateMedia({ media: "screen" });
  await tid(page, "classroom-toggle").click();
  await page.waitForSelector('#app-ready[data-classroom="false"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
});

await h.check("a single run: the CSV has one row per month from 0, as the charts, each chart has SVG and PNG", async () => {
  await finishRun(page);
  const months = Number(await page.locator("#app-ready").getAttribute("data-month"));
  const c = await csv("run-export-csv");
  console.log(`run: ${c.name}, ${c.rows.length} rows for ${months} months`);
  assert.match(c.name, new RegExp(`^aliansi-run-seed-\\d+${MODEL}\\.csv$`));
  assert.deepEqual(c.header.slice(0, 5), ["month", "mean_trust", "market", "value", "open_disputes"]);
  assert.deepEqual(
    c.header.slice(5),
    [...DEFAULT_PARTNERS.map((n) => `satisfaction: ${n}`), ...DEFAULT_PARTNERS.map((n) => `payoff: ${n}`)],
  );
  assert.equal(c.rows.length, months + 1, "one row per month, from month 0");
  assert.deepEqual(
    c.rows.map((r) => r[0]),
    Array.from({ length: months + 1 }, (_, i) => String(i)),
  );
  const trust = await csv("ch-trust-export-csv");
  assert.deepEqual(trust.header.slice(0, 1), ["month"]);
  assert.equal(trust.rows[0][0], "0", "the trust chart starts at month 0");
  // Month 0 holds the trust chart's first point; the other charts start at month 1.
  assert.equal(c.rows[0][1], trust.rows[0][1], "month 0's mean trust is the chart's");
  assert.deepEqual(c.rows[0].slice(2), Array(c.header.length - 2).fill(""), "nothing else before the first month");
  assert.equal(trust.rows.length, c.rows.filter((r) => r[1] !== "").length, "the trust chart's months are the CSV's");
  const sat = await csv("ch-sat-export-csv");
  assert.deepEqual(sat.header, ["month", ...DEFAULT_PARTNERS]);
  assert.equal(sat.rows.length, months);
  const png = await download("ch-value-export-png");
  assert.equal(png.bytes.readUInt32BE(16), 1200);
  const svg = await download("ch-sat-export-svg");
  assert.equal((svg.bytes.toString("utf8").match(/<path /g) ?? []).length, DEFAULT_PARTNERS.length, "a line per partner");
  // Rewound to month 0 (Reset, or an edit): nothing to take away, no buttons (a CSV of headings).
  await tid(page, "reset").click();
  await page.waitForSelector('#app-ready[data-status="ready"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "run-export-csv").count(), 0);
  assert.equal(await tid(page, "ch-sat-export-csv").count(), 0);
  await finishRun(page);
});

await h.check("Same world, different choice: each chart's lines as CSV; its pictures say what was compared", async () => {
  await tid(page, "compare-start").click();
  await tid(page, "compare-ladder").selectOption({ label: "Negotiation → Mediation" });
  await finishRun(page);
  await tid(page, "compare").waitFor({ timeout: STEP_TIMEOUT_MS });
  const c = await csv("cmp-trust-export-csv");
  console.log(`same world: ${c.name}: ${c.header.join(",")}, ${c.rows.length} rows`);
  assert.match(c.name, new RegExp(`^aliansi-run-seed-\\d+-vs-seed-\\d+-trust${MODEL}\\.csv$`));
  assert.equal(c.header.length, 3, "month, the baseline, the variant");
  assert.equal(c.header[0], "month");
  assert.equal(c.rows[0][0], "0");
  assert.ok(c.rows.every((r) => r[1] !== "" || r[2] !== ""), "every row has a value");
  // A picture on a slide says which runs it compares and what changed, under its title (found
  // by an audit: the legend's "baseline" and "variant" alone said nothing).
  const svg = (await download("cmp-trust-export-svg")).bytes.toString("utf8");
  const caption = [...svg.matchAll(/<text class="export-caption"[^>]*>(.*?)<\/text>/gs)].map((m) => m[1].replace(/<[^>]+>/g, " ")).join(" ");
  assert.match(caption, /Baseline: (Survived|Dissolved)[^.]*\. +Variant: (Survived|Dissolved)[^.]*\./, caption);
  assert.match(caption.replace(/\s+/g, " "), /What changed: .*Mediation.* Both runs: seed \d+, the same market and shocks\./, caption);
  const png = await download("cmp-value-export-png");
  await writeFile(join(process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots"), "export-compare-value.png"), png.bytes);
  await tid(page, "compare-exit").click();
});

await h.check("a sweep: the CSV has a row per point with the table's numbers, the chart as SVG", async () => {
  await tid(page, "sweep").scrollIntoViewIfNeeded();
  await tid(page, "sweep-x-from").fill("0");
  await tid(page, "sweep-x-to").fill("1");
  await tid(page, "sweep-x-steps").fill("3");
  await tid(page, "sweep-run").click();
  await tid(page, "sweep-results").waitFor({ timeout: RESULTS_TIMEOUT_MS });
  const c = await csv("sweep-export-csv");
  console.log(`sweep: ${c.name}: ${c.header.join(",")} / ${c.rows.map((r) => r.slice(0, 4).join(",")).join(" / ")}`);
  assert.match(c.name, new RegExp(`^aliansi-sweep-\\d+-runs-seed-\\d+-line${MODEL}\\.csv$`));
  assert.deepEqual(c.header, [
    "governance.transparency",
    "runs",
    "horizon_months",
    "survival_at_horizon",
    "lower_95",
    "upper_95",
    "median_survival_months",
    "mean_value",
  ]);
  assert.deepEqual(c.rows.map((r) => r[0]), ["0", "0.5", "1"], "a row per point");
  const shown = await tid(page, "sweep-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.survival)));
  c.rows.forEach((r, i) => assert.ok(Math.abs(num(r[3]) - shown[i]) < 5e-5, `point ${i}: ${r[3]} vs ${shown[i]}`));
  const svg = await download("sweep-export-svg");
  assert.match(svg.bytes.toString("utf8"), /<path[^>]*class="km-line sweep-line"[^>]*stroke="rgb\(/);
});

await h.check("Print debrief (Sweep): one page, the chart, the table and the findings in words", async () => {
  await openDebrief("sweep");
  assert.equal(await visible(".edit-col"), false, "editor hidden");
  assert.equal(await tid(page, "batch").isVisible(), false, "Many futures hidden");
  assert.equal(await tid(page, "compare-batch").isVisible(), false, "Compare fairly hidden");
  assert.equal(await visible(".sweep-axes"), false, "the sweep's form hidden");
  assert.ok(await tid(page, "sweep-table").isVisible(), "the table");
  assert.ok(await tid(page, "sweep").getByTestId("debrief-scenario").isVisible(), "the scenario");
  const findings = tid(page, "sweep-results").getByTestId("debrief-findings");
  assert.ok(await findings.isVisible(), "the findings");
  const words = await findings.innerText();
  console.log(`sweep findings: ${words.replace(/\n/g, " | ")}`);
  assert.match(words, /Transparency took 3 values, with 200 futures each on the same seeds\./);
  assert.match(words, /Still together after 10 years: [\d.]+% at 0, [\d.]+% at 1\./);
  assert.match(words, /Highest: [\d.]+% at (0|0\.5|1)\. Lowest: /);
  const pages = await debriefPages("debrief-sweep");
  console.log(`debrief (Sweep) prints on ${pages} page(s)`);
  assert.equal(pages, 1, "one page");
  await closeDebrief();
  assert.ok(await findings.isVisible(), "the findings stay on screen too");
});

await h.check("Print debrief of a long sweep (20 points): still one page, the table left to its CSV", async () => {
  await tid(page, "sweep-x-steps").fill("20");
  await tid(page, "sweep-runs").fill("50");
  await tid(page, "sweep-run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="sweep-results"]')?.dataset.points === "20", null, {
    timeout: RESULTS_TIMEOUT_MS,
  });
  await openDebrief("sweep");
  assert.equal(await tid(page, "sweep-table").isVisible(), false, "the long table is not printed");
  assert.match(await tid(page, "sweep-table-in-csv").innerText(), /all 20 points .* CSV/);
  const pages = await debriefPages("debrief-sweep-long");
  console.log(`debrief (Sweep, 20 points) prints on ${pages} page(s)`);
  assert.equal(pages, 1, "one page");
  await closeDebrief();
  assert.ok(await tid(page, "sweep-table").isVisible(), "on screen the table is there");
  assert.equal(await tid(page, "sweep-table-in-csv").isVisible(), false, "the note is for paper only");
});

await h.check("in Bahasa Indonesia: the buttons are labelled in it, and the CSVs have semicolons and decimal commas", async () => {
  await tid(page, "lang-id").click();
  const label = await tid(page, "batch-survival-export-csv").getAttribute("title");
  assert.match(label, /Unduh angka/);
  assert.match(await tid(page, "batch-print").innerText(), /Cetak ringkasan/);
  // As spreadsheets set to Indonesian number formats read it: semicolons, decimal commas.
  const c = await csv("batch-causes-export-csv", ";");
  assert.deepEqual(c.header, ["cause", "description", "runs", "share_of_ended"], "the same columns in every language");
  const survival = await csv("batch-survival-export-csv", ";");
  // A chart's own table is headed in the page's language, as its lines are labelled.
  const sat = await csv("ch-sat-export-csv", ";");
  assert.deepEqual(sat.header, ["bulan", ...DEFAULT_PARTNERS]);
  // So is "Compare fairly"'s chart of curves (its lines are the variants).
  const curves = await csv("variants-curves-export-csv", ";");
  assert.equal(curves.header[0], "bulan");
  await tid(page, "lang-en").click();
  const en = await csv("batch-survival-export-csv");
  assert.equal(survival.rows.length, en.rows.length);
  let decimals = 0;
  survival.rows.forEach((r, k) => {
    assert.equal(r.length, 4, `row ${k}: ${r}`);
    r.forEach((cell, j) => {
      assert.equal(cell, en.rows[k][j].replace(".", ","), `row ${k}, column ${j}`);
      decimals += cell.includes(",") ? 1 : 0;
    });
  });
  assert.ok(decimals > 10, `${decimals} cells with a decimal comma`);
});

await h.check("the debrief of six partners (airline-alliance) still prints on one page", async () => {
  await loadPreset(page, "airline-alliance");
  await tid(page, "batch-runs").fill(String(RUNS));
  await tid(page, "batch-start").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-share"]').length === 6, null, {
    timeout: RESULTS_TIMEOUT_MS,
  });
  const shares = await csv("batch-shares-export-csv");
  assert.equal(shares.header.length, 2 + 6, "a column per partner");
  await openDebrief("batch");
  try {
    // (Measured before the PDF, whose "afterprint" takes the debrief's mark away.)
    const pt = await smallestLabelPt("batch-share");
    for (const svg of await tid(page, "batch-share").all()) assert.deepEqual(await crowded(svg), [], "the labels inside the histogram");
    // The ready-made scenario is named by its title.
    assert.equal(await tid(page, "batch").getByTestId("debrief-preset").innerText(), "Scenario: Airline alliance");
    const pages = await debriefPages("debrief-six");
    console.log(`debrief with six partners prints on ${pages} page(s), the share histograms' labels ${pt.toFixed(1)} pt`);
    assert.equal(pages, 1, "one page");
    // (Six to a row, their scale "0% 50% 100%" was 3.4 pt.)
    assert.ok(pt >= MIN_LABEL_PT, `the share histograms' labels are ${pt.toFixed(1)} pt on paper`);
  } finally {
    await closeDebrief();
  }
});

await h.check("the debrief of a sweep over the conflict-resolution ladder (11 points) prints on one page, its labels readable, in both languages", async () => {
  // (It printed on two pages, the chart's letters and key at 4.7 pt.)
  await tid(page, "sweep").scrollIntoViewIfNeeded();
  await tid(page, "sweep-param-x").selectOption("governance.resolution");
  await tid(page, "sweep-runs").fill("50");
  await tid(page, "sweep-run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="sweep-results"]')?.dataset.points === "11", null, {
    timeout: RESULTS_TIMEOUT_MS,
  });
  for (const lang of ["en", "id"]) {
    await tid(page, `lang-${lang}`).click();
    await openDebrief("sweep");
    try {
      assert.ok(await tid(page, "sweep-key").isVisible(), "the key");
      assert.ok(await tid(page, "sweep-table").isVisible(), "the table (11 points)");
      const pt = await smallestLabelPt("sweep-line");
      assert.deepEqual(await crowded(tid(page, "sweep-line")), [], "no label overlaps another or leaves the chart");
      const pages = await debriefPages(`debrief-sweep-ladder-${lang}`);
      console.log(`debrief of the ladder sweep (${lang}) prints on ${pages} page(s), its smallest label ${pt.toFixed(1)} pt`);
      assert.equal(pages, 1, `one page (${lang})`);
      assert.ok(pt >= MIN_LABEL_PT, `the chart's labels are ${pt.toFixed(1)} pt on paper (${lang})`);
    } finally {
      await closeDebrief();
      await tid(page, "lang-en").click();
    }
  }
});

await h.check("a name a spreadsheet would run as a formula is written as text, after an apostrophe", async () => {
  // A shared link can name partners so; Excel would run both, the bare one and the quoted one.
  const link = '=HYPERLINK("http://x.test","Hoshi")';
  for (const [k, name] of [[0, link], [1, "=1+1"]]) {
    const f = await reveal(page, `partner-name-${k}`);
    await f.fill(name);
    await f.press("Tab");
  }
  await finishRun(page);
  for (const id of ["ch-sat-export-csv", "ch-payoff-export-csv"]) {
    const c = await csv(id);
    assert.deepEqual(c.header.slice(1, 3), [`'${link}`, "'=1+1"], id);
    // Numbers stay numbers (a negative one too: no apostrophe).
    for (const r of c.rows) for (const cell of r) if (cell !== "") num(cell);
  }
});

await h.check("Ctrl+P of a run: its pages only (no experiment not run, no lesson list), and the whole event log", async () => {
  const p = await h.newPage();
  await open(p, h.origin);
  await finishRun(p);
  await p.emulateMedia({ media: "print" });
  try {
    for (const id of ["batch", "compare-batch", "sweep", "lessons", "shortcut-help"]) {
      assert.equal(await tid(p, id).isVisible(), false, `${id} is not on paper before it has results`);
    }
    assert.ok(await tid(p, "outcome").isVisible(), "the outcome is");
    const log = await tid(p, "event-log").evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, items: el.children.length }));
    assert.ok(log.items > 10, `a long log (${log.items} events)`);
    assert.ok(log.scroll <= log.client + 1, `every event on paper: ${log.scroll} px of events in ${log.client} px`);
    // A lesson open: its text is printed (the list of lessons is not).
    await p.emulateMedia({ media: "screen" });
    await tid(p, "lesson-open-trust").click();
    await p.emulateMedia({ media: "print" });
    assert.ok(await tid(p, "lessons").isVisible(), "the open lesson is on paper");
  } finally {
    await p.context().close();
  }
});

await h.finish();
