// The app's wasm in two parts (crates/split, scripts/minify-js.mjs, assets/boot.js):
// (a) a first visit fetches the second part (its .xz) only once the page is interactive, then draws the
//     panels that wait for it (Many futures, the experiments, the sweep, About), and a batch runs;
// (b) a second part whose download fails is fetched again (boot.js tries again);
// (c) with the second part's download refused to the page's fetch, a click on a control whose
//     code is in it (Share) loads it there and then (the glue module's synchronous load of the
//     .xz, decoded with the page's xz decoder), and the page goes on: the link is made, the
//     panels are drawn;
// (d) the same with the .xz refused too: the plain file comes instead.
// Usage: node split.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { READY_TIMEOUT_MS, STEP_TIMEOUT_MS, open, start, tid } from "./harness.mjs";

const h = await start("split");
const cold = readdirSync(h.dist).find((f) => /^aliansi-cold-[0-9a-f]{16}\.wasm$/.test(f));

/** Notes in the page when the app is interactive and when the second part is in. */
const PROBE = () => {
  addEventListener("aliansi-second-part", () => (window.__secondMs = performance.now()), { once: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector("#app-ready[data-status]") && window.__readyMs === undefined) {
      window.__readyMs = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};
const PANELS = ["batch", "compare-batch", "sweep", "about"];

await h.check("the build has a second part of the wasm, named in the page", async () => {
  assert.ok(cold, `no aliansi-cold-….wasm in ${h.dist}`);
});

await h.check("(a) the second part comes after the page is interactive, then the panels are drawn", async () => {
  const page = await h.newPage();
  await page.addInitScript(PROBE);
  await open(page, h.origin);
  for (const id of PANELS) await tid(page, id).first().waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  const t = await page.evaluate((cold) => {
    const entry = performance.getEntriesByType("resource").find((e) => e.name.includes(cold));
    return { ready: window.__readyMs, second: window.__secondMs, asked: entry?.startTime ?? null };
  }, cold);
  assert.ok(t.asked !== null, "the page never fetched the second part");
  assert.ok(t.asked > t.ready, `the second part was asked for at ${t.asked} ms, before the page was interactive (${t.ready} ms)`);
  assert.ok(t.second >= t.asked, "the panels were drawn before the second part came");
  console.log(`interactive at ${t.ready.toFixed(0)} ms; second part asked for at ${t.asked.toFixed(0)} ms, in at ${t.second.toFixed(0)} ms`);
  await tid(page, "batch-runs").fill("500");
  await tid(page, "batch-start").click({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "batch-median").waitFor({ timeout: READY_TIMEOUT_MS });
  await page.context().close();
});

// (b) and (c) without the service worker, whose own requests routes do not see.
await h.check("(b) a failed download of the second part is tried again", async () => {
  const page = await h.newPage({ serviceWorkers: "block" });
  let refused = 0;
  let asked = 0;
  page.on("request", (r) => r.url().includes(cold) && asked++);
  await page.route(`**/${cold}*`, (route) => (refused++ === 0 ? route.abort("connectionreset") : route.continue()));
  await open(page, h.origin);
  await tid(page, "batch").waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  assert.ok(refused >= 1 && asked >= 2, `refused ${refused} times, asked ${asked} times`);
  await page.context().close();
});

/** A page whose fetch of the second part is refused (`refuseXz` also refuses the module's own
 * synchronous download of the .xz): the requests for it, as "kind file". */
async function refusedPage(refuseXz) {
  const page = await h.newPage({ serviceWorkers: "block" });
  const asked = [];
  await page.route(`**/${cold}*`, (route) => {
    const r = route.request();
    const file = r.url().split("/").pop();
    asked.push(`${r.resourceType()} ${file}`);
    const refused = r.resourceType() === "fetch" || (refuseXz && file.endsWith(".xz"));
    return refused ? route.abort("connectionrefused") : route.continue();
  });
  await open(page, h.origin);
  await page.waitForTimeout(1000);
  assert.equal(await tid(page, "batch").count(), 0, "the panels were drawn without the second part");
  // Share's code is in the second part (crates/split/cold.txt).
  await tid(page, "share").click({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "batch").waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
  assert.match(page.url(), /#s\d+\./, "Share made no link");
  await page.context().close();
  return asked;
}

await h.check("(c) refused to the page's fetch, the second part loads when a control needs it: its .xz, decoded by the page's decoder", async () => {
  const asked = await refusedPage(false);
  assert.ok(asked.includes(`xhr ${cold}.xz`), `the .xz was not loaded by the page's module (requests: ${asked.join(", ")})`);
  assert.ok(!asked.includes(`xhr ${cold}`), `the plain file was downloaded too (requests: ${asked.join(", ")})`);
});

await h.check("(d) and when the .xz fails there too, the plain file comes instead", async () => {
  const asked = await refusedPage(true);
  assert.ok(asked.includes(`xhr ${cold}.xz`) && asked.includes(`xhr ${cold}`), `requests: ${asked.join(", ")}`);
});

await h.finish();
