// End-to-end test of a live class on a projector (1024x768), from an audit of a trainer's
// demonstration, "the same market, the same shocks; now with mediation: watch": in classroom
// mode the second run's ladder is chosen where the comparison waits, and the run's end comes
// into view; the dispute card says where the two parties stand (the network, which marks the
// two, and the gauges are below it); the newest events show under the network; the weakest
// gauge's mark moves without moving the gauges; Esc does not leave classroom mode under a
// card; a presenter's remote turns a lesson's parts (Page Down, Page Up) and blanks the screen
// (B or .); + and - change the speed; Space pauses after the speed was chosen with the mouse.
// Usage: node projector.test.mjs [DIST_DIR]   (run-all.mjs runs it after the release build, `scripts/build.sh`)
import assert from "node:assert/strict";
import { start, open, tid, STEP_TIMEOUT_MS } from "./harness.mjs";

const h = await start("projector");
const VIEW = { viewport: { width: 1024, height: 768 } };
const done = (page) => page.waitForSelector('#app-ready[data-status="done"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
const classroom = (page) => page.locator("#app-ready").getAttribute("data-classroom");

await h.check("in classroom mode, the second run's ladder is chosen where the comparison waits; same seed, that ladder", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "classroom-toggle").click();
  await tid(page, "finish").click();
  await done(page);
  // Run again with a change: there in classroom mode too.
  await tid(page, "compare-start").click();
  const armed = tid(page, "compare-armed");
  await armed.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await armed.innerText(), /Choose another ladder below, then press Run or Finish/);
  assert.equal(await tid(page, "compare-to-editor").isVisible(), false, "no way to the hidden editor");
  const ladder = tid(page, "compare-ladder");
  assert.equal(await ladder.isVisible(), true);
  // The default's own ladder is chosen; the common ladders are offered.
  assert.equal(await ladder.locator("option:checked").innerText(), "Negotiation → Arbitration");
  assert.ok((await ladder.locator("option").count()) >= 11);
  await h.shot(page, "armed");
  await ladder.selectOption({ label: "Negotiation → Mediation" });
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-ladder"] option:checked')?.textContent === "Negotiation → Mediation", null, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press("f");
  await tid(page, "compare").waitFor({ timeout: STEP_TIMEOUT_MS });
  // The run's end comes into view: its outcome, the two runs side by side below it.
  const outcome = await page.evaluate(() => {
    const r = document.querySelector(".outcome").getBoundingClientRect();
    return [Math.round(r.top), Math.round(r.bottom)];
  });
  assert.ok(outcome[0] >= 0 && outcome[1] <= 768, `the outcome spans ${outcome} on a screen of 768`);
  await h.shot(page, "compared");
  assert.match(await tid(page, "compare-note").innerText(), /seed 2024/);
  assert.match(await tid(page, "compare-changes").innerText(), /Mediation/);
  // The editor (outside classroom mode) shows the ladder chosen.
  await tid(page, "classroom-toggle").click();
  assert.deepEqual(await tid(page, "ladder").locator("li").evaluateAll((l) => l.map((li) => li.dataset.step)), ["negotiation", "mediation"]);
  await page.context().close();
});

/** Where the network's drawing and the seven gauges are, against the screen's height. */
const runOnScreen = (page) =>
  page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { top: Math.round(r.top), bottom: Math.round(r.bottom) }; };
    const parts = [document.querySelector(".network-card svg"), ...document.querySelectorAll('[data-testid="gauges"] > li')].map(box);
    return { all: parts.length === 8 && parts.every((b) => b.top >= 0 && b.bottom <= innerHeight), parts, screen: innerHeight };
  });

await h.check("in classroom mode, the second run (\"now with mediation\") plays in view: by Space, and by Run clicked (1366x768, 1024x768)", async () => {
  // Found by an audit: the ladder's note pushed the run down until only its cards' headings
  // showed at the screen's foot, and Space, which brings a run off the screen into view, took
  // that for a run in view; the class watched a month counter.
  for (const [viewport, how] of [[{ width: 1366, height: 768 }, "space"], [{ width: 1024, height: 768 }, "space"], [{ width: 1366, height: 768 }, "click"]]) {
    const page = await h.newPage({ viewport });
    await open(page, h.origin);
    await tid(page, "classroom-toggle").click();
    await tid(page, "finish").click();
    await done(page);
    await tid(page, "compare-start").click();
    await tid(page, "compare-armed").waitFor({ timeout: STEP_TIMEOUT_MS });
    await tid(page, "compare-ladder").selectOption({ label: "Negotiation → Mediation" });
    await page.waitForTimeout(200);
    const before = await runOnScreen(page);
    assert.equal(before.all, false, `the run was in view before it started (the check would prove nothing): ${JSON.stringify(before)}`);
    if (how === "space") {
      await page.locator("h1").click();
      await page.keyboard.press(" ");
    } else {
      await tid(page, "run").click();
    }
    await page.waitForFunction(() => document.querySelector("#app-ready").dataset.status === "running", null, { timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(400); // the scroll
    const after = await runOnScreen(page);
    assert.ok(after.all, `${viewport.width}x${viewport.height}, ${how}: the network or a gauge is off the screen: ${JSON.stringify(after)}`);
    if (how === "click") await h.shot(page, "variant-run-in-view");
    await page.context().close();
  }
});

await h.check("the dispute card says where the two parties stand, as the network (which marks the two) and the gauges show it; Esc keeps classroom mode", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "classroom-toggle").click();
  await tid(page, "decisions-toggle").click();
  await page.keyboard.press("f");
  const card = tid(page, "decision");
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  // The sentence after the one that names the two: their trust, their satisfaction in that order.
  const said = await page.locator("#decision-text").innerText();
  const names = said.match(/^(.+) and (.+) are in a dispute over /);
  assert.ok(names, said);
  const [, a, b] = names;
  const text = await tid(page, "decision-pair").innerText();
  assert.ok(said.endsWith(` ${text}`), said);
  const m = text.match(/^Now the trust between them is ([\d.]+) of 1, their satisfaction (\d+) and (\d+) of 100; gauges: Trust (\d+), Conflict (\d+)\.$/);
  assert.ok(m, text);
  const [, trust, sa, sb, gt, gc] = m;
  // The same numbers as the drawing's: the pair's line (its title), each party's circle.
  const drawn = await page.evaluate(() => ({
    edges: [...document.querySelectorAll('[data-testid="network"] line.edge title')].map((t) => t.textContent),
    nodes: [...document.querySelectorAll('[data-testid="network"] g.node')].map((g) => [g.querySelector("text.label").textContent, g.querySelector("text.sat")?.textContent]),
  }));
  assert.ok([`${a} and ${b}`, `${b} and ${a}`].some((p) => drawn.edges.includes(`trust between ${p}: ${trust}; in a dispute`)), JSON.stringify(drawn.edges));
  const circle = Object.fromEntries(drawn.nodes);
  assert.equal(circle[a], sa);
  assert.equal(circle[b], sb);
  // The drawing marks the two: a thick dashed line from one's circle to the other's, both
  // circles ringed, and the pair's line titled as in a dispute.
  const mark = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="network"]');
    const at = (g) => [g.querySelector("circle").getAttribute("cx"), g.querySelector("circle").getAttribute("cy")].join(",");
    const byName = Object.fromEntries([...svg.querySelectorAll("g.node")].map((g) => [g.querySelector("text.label").textContent, { at: at(g), ringed: g.classList.contains("deciding"), stroke: getComputedStyle(g.querySelector("circle")).strokeWidth }]));
    const awaiting = [...svg.querySelectorAll("g.dispute.awaiting .dash")].map((l) => {
      const style = getComputedStyle(l);
      return { ends: [[l.getAttribute("x1"), l.getAttribute("y1")].join(","), [l.getAttribute("x2"), l.getAttribute("y2")].join(",")], width: style.strokeWidth, dashes: style.strokeDasharray };
    });
    return { byName, awaiting, ringed: Object.values(byName).filter((n) => n.ringed).length };
  });
  assert.equal(mark.awaiting.length, 1, JSON.stringify(mark));
  assert.deepEqual(new Set(mark.awaiting[0].ends), new Set([mark.byName[a].at, mark.byName[b].at]), JSON.stringify(mark));
  assert.equal(mark.awaiting[0].width, "6px");
  assert.notEqual(mark.awaiting[0].dashes, "none");
  assert.equal(mark.ringed, 2);
  assert.ok(mark.byName[a].ringed && mark.byName[b].ringed && mark.byName[a].stroke === "5px", JSON.stringify(mark));
  assert.equal(await tid(page, "gauge-trust").locator(".gauge-value").getAttribute("data-value"), gt);
  assert.equal(await tid(page, "gauge-conflict").locator(".gauge-value").getAttribute("data-value"), gc);
  // The card, its choices and this line fit the projector's screen.
  const box = await card.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 768, `the card spans ${box.y}..${box.y + box.height}`);
  await h.shot(page, "card");
  // Esc, a trainer's "close" key: the card stays, and so does classroom mode.
  await page.keyboard.press("Escape");
  assert.equal(await classroom(page), "true");
  assert.equal(await card.count(), 1);
  await page.keyboard.press("0");
  await card.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  // Decided: a pair is marked as awaiting the class only while a card is shown (the run goes
  // on, and the next dispute may bring the next card).
  await page.waitForFunction(() => {
    const cards = document.querySelectorAll('[data-testid="decision"]').length;
    return document.querySelectorAll('[data-testid="network"] .dispute.awaiting').length === cards
      && document.querySelectorAll('[data-testid="network"] .node.deciding').length === 2 * cards;
  }, null, { timeout: STEP_TIMEOUT_MS });
  // Outside classroom mode (a laptop's page, which scrolls), the card keeps to the dispute.
  await tid(page, "classroom-toggle").click();
  await page.keyboard.press("f");
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await tid(page, "decision-pair").count(), 0);
  await page.context().close();
});

await h.check("in classroom mode the newest events show under the network, as the log words them; not outside it", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "classroom-toggle").click();
  for (let k = 0; k < 30; k++) await page.keyboard.press("s");
  await page.waitForSelector('#app-ready[data-month="30"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  const latest = await tid(page, "latest-events").locator("li").evaluateAll((l) => l.map((li) => [li.value, li.textContent]));
  const log = await tid(page, "event-log").locator("li").evaluateAll((l) => l.map((li) => [li.value, li.textContent]));
  assert.equal(latest.length, 2);
  assert.deepEqual(latest, log.slice(0, 2), "the log's two newest lines, with their numbers");
  assert.match(latest[0][1], /^Month \d+: /);
  const box = await tid(page, "latest-events").boundingBox();
  assert.ok(box.y + box.height <= 768, "on the screen, under the network");
  await h.shot(page, "latest-events");
  await tid(page, "classroom-toggle").click();
  assert.equal(await tid(page, "latest-events").count(), 0);
  await page.context().close();
});

await h.check("the weakest gauge's mark moves from gauge to gauge without moving the gauges (Bahasa Indonesia, its longest words)", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "lang-id").click();
  await tid(page, "classroom-toggle").click();
  const layouts = new Set();
  const marked = new Set();
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press("s");
    await page.waitForSelector(`#app-ready[data-month="${k + 1}"]`, { state: "attached", timeout: STEP_TIMEOUT_MS });
    const [tops, mark] = await page.evaluate(() => {
      const items = [...document.querySelectorAll('[data-testid="gauges"] > li')];
      const t0 = items[0].getBoundingClientRect().top;
      return [items.map((li) => Math.round(li.getBoundingClientRect().top - t0)).join(","), items.findIndex((li) => li.querySelector(".badge"))];
    });
    layouts.add(tops);
    marked.add(mark);
  }
  assert.ok(marked.size >= 2, `the mark moved (gauges marked: ${[...marked]})`);
  assert.equal(layouts.size, 1, `the gauges kept their places: ${[...layouts].join(" | ")}`);
  await page.context().close();
});

await h.check("a presenter's remote: Page Down and Page Up turn a lesson's parts in classroom mode", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "lesson-open-trust").click();
  const lesson = tid(page, "lesson");
  await lesson.waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "classroom-toggle").click();
  await page.locator("body").focus();
  const part = () => lesson.getAttribute("data-part");
  const first = await part();
  await page.keyboard.press("PageDown");
  await page.waitForFunction((p) => document.querySelector('[data-testid="lesson"]').dataset.part !== p, first, { timeout: STEP_TIMEOUT_MS });
  assert.equal(Number(await part()), Number(first) + 1);
  await page.keyboard.press("PageUp");
  await page.waitForFunction((p) => document.querySelector('[data-testid="lesson"]').dataset.part === p, first, { timeout: STEP_TIMEOUT_MS });
  // Outside classroom mode Page Down scrolls the page, as ever.
  await tid(page, "classroom-toggle").click();
  const y = await page.evaluate(() => window.scrollY);
  await page.locator("body").focus();
  await page.keyboard.press("PageDown");
  await page.waitForFunction((y) => window.scrollY > y, y, { timeout: STEP_TIMEOUT_MS });
  assert.equal(await part(), first);
  await page.context().close();
});

await h.check("a presenter's remote: B or . blanks the screen and pauses, any key or a click brings the page back; + and - change the speed", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "classroom-toggle").click();
  await page.locator("body").focus();
  const speed = () => tid(page, "speed").inputValue();
  const start = await speed();
  await page.keyboard.press("+");
  await page.waitForFunction((s) => document.querySelector('[data-testid="speed"]').value !== s, start, { timeout: STEP_TIMEOUT_MS });
  assert.equal(await speed(), "30", `from ${start}`);
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  await page.waitForFunction(() => document.querySelector('[data-testid="speed"]').value === "5", null, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press(" ");
  await page.waitForFunction(() => Number(document.querySelector("#app-ready").dataset.month) >= 1, null, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press("b");
  const blank = tid(page, "blank");
  await blank.waitFor({ timeout: STEP_TIMEOUT_MS });
  // Black over the whole screen (the middle and the corners are the blank's), the run paused.
  const covered = await page.evaluate(() => [[512, 384], [2, 2], [1021, 765]].every(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="blank"]')));
  assert.ok(covered, "the blank covers the screen");
  await page.waitForSelector('#app-ready[data-status="paused"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  const at = await page.locator("#app-ready").getAttribute("data-month");
  await h.shot(page, "blank");
  // Any key brings the page back and does nothing else: the run stays paused where it was.
  await page.keyboard.press(" ");
  await blank.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(400);
  assert.equal(await page.locator("#app-ready").getAttribute("data-status"), "paused");
  assert.equal(await page.locator("#app-ready").getAttribute("data-month"), at);
  // The other key a remote sends for it, and a click to come back.
  await page.keyboard.press(".");
  await blank.waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.mouse.click(500, 300);
  await blank.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  // Outside classroom mode B does nothing.
  await tid(page, "classroom-toggle").click();
  await page.locator("body").focus();
  await page.keyboard.press("b");
  await page.waitForTimeout(300);
  assert.equal(await blank.count(), 0);
  await page.context().close();
});

await h.check("after the speed is chosen with the mouse, Space still pauses (the list keeps only the arrow keys)", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "classroom-toggle").click();
  await tid(page, "run").click();
  // (Paused at month 0, a run reads "ready".)
  await page.waitForFunction(() => Number(document.querySelector("#app-ready").dataset.month) >= 2, null, { timeout: STEP_TIMEOUT_MS });
  // The list takes the focus with the pointer: a pointer press, then the focus (a real click
  // opens the browser's own list too, which takes the keys until it closes, at its own pace).
  await tid(page, "speed").dispatchEvent("pointerdown");
  await tid(page, "speed").focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), "speed");
  await page.keyboard.press(" ");
  await page.waitForSelector('#app-ready[data-status="paused"]', { state: "attached", timeout: STEP_TIMEOUT_MS });
  const speed = await tid(page, "speed").inputValue();
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((v) => document.querySelector('[data-testid="speed"]').value !== v, speed, { timeout: STEP_TIMEOUT_MS });
  assert.equal(await classroom(page), "true");
  await page.context().close();
});

await h.check("in classroom mode, a lesson's comparison brings its results into view when it is done", async () => {
  const page = await h.newPage(VIEW);
  await open(page, h.origin);
  await tid(page, "lesson-open-trust").click();
  await tid(page, "variant-2").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "classroom-toggle").click();
  // The experiment's part (the third), with its way to the comparison.
  await page.locator("body").press("n");
  await page.keyboard.press("n");
  await tid(page, "lesson-part-experiment").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "lesson-goto").click();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "variants-run", null, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press("Enter");
  await tid(page, "variants-results").waitFor({ timeout: 120_000 });
  // From the results' heading to the verdict in sentences, all on the screen.
  const span = () =>
    page.evaluate(() => {
      const top = document.querySelector('[data-testid="variants-results"] h3').getBoundingClientRect().top;
      const bottom = document.querySelector('[data-testid="variants-verdict"]').getBoundingClientRect().bottom;
      return [Math.round(top), Math.round(bottom)];
    });
  await page.waitForFunction(() => {
    const top = document.querySelector('[data-testid="variants-results"] h3').getBoundingClientRect().top;
    const bottom = document.querySelector('[data-testid="variants-verdict"]').getBoundingClientRect().bottom;
    return top >= 0 && bottom <= innerHeight;
  }, null, { timeout: STEP_TIMEOUT_MS }).catch(() => {});
  const [top, bottom] = await span();
  assert.ok(top >= 0 && bottom <= 768, `the results' heading and verdict span ${top}..${bottom} on a screen of 768`);
  await h.shot(page, "comparison-done");
  await page.context().close();
});

await h.finish();
