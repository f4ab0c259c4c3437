// End-to-end security checks ("Fast, small, robust and offline", items 3 and 4).
// (a) Markup in user data is text: a partner named <img src=x onerror=alert(1)> arriving by a
//     share link (made with the command line) or by an imported file, and a scenario saved
//     under that name, show those characters and run nothing (no dialog, no injected <img>,
//     no request for "x").
// (b) A full session (load, run, step, a batch, a comparison, share, change language, save)
//     makes requests to the page's own origin only, and the Content-Security-Policy of
//     index.html reports no violation (securitypolicyviolation events and console errors);
//     the policy is really enforced (an inline script planted in a probe page is blocked).
// Usage: node security.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { STEP_TIMEOUT_MS, expectNotice, expectPartners, finishRun, open, ready, repo, start, tid } from "./harness.mjs";

const XSS = "<img src=x onerror=alert(1)>";
const h = await start("security");

/** A share-link fragment (s3.…) of the default scenario with partner 1 named XSS, from the
 * command line (target/{release,debug}/aliansi if built, else cargo run). */
function cliLink() {
  const args = ["link", "--preset", "default", "--set", `partners.0.name=${XSS}`];
  const bin = [process.env.ALIANSI_BIN, join(repo, "target", "release", "aliansi"), join(repo, "target", "debug", "aliansi")].find(
    (b) => b && existsSync(b),
  );
  const out = bin
    ? execFileSync(bin, args, { encoding: "utf8" })
    : execFileSync("cargo", ["run", "-q", "--bin", "aliansi", "--", ...args], { cwd: repo, encoding: "utf8" });
  return out.trim();
}

/** A page whose dialogs, CSP violations and image requests for "x" are recorded. */
async function watchedPage(opts) {
  const page = await h.newPage(opts);
  const seen = { dialogs: [], csp: [], x: [] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => /\/x(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search) && seen.x.push(r.url()));
  await recordViolations(page, seen.csp);
  return { page, seen };
}

/** Records every securitypolicyviolation event of `page` (from its first script on) in `out`. */
async function recordViolations(page, out) {
  await page.exposeFunction("__e2eCsp", (v) => out.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__e2eCsp(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

/** Markup of `name` nowhere as elements; the page shows the characters as text. */
async function assertInert(page, seen) {
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);
  assert.equal(injected, 0, "no <img> element was injected");
  const values = await page.evaluate(() => [...document.querySelectorAll("input")].map((i) => i.value));
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(values.includes(XSS) || text.includes(XSS), "the name is shown as typed");
  await page.waitForTimeout(300);
  assert.deepEqual(seen.dialogs, [], "no dialog opened");
  assert.deepEqual(seen.x, [], "no request for x");
  assert.deepEqual(seen.csp, [], "no CSP violation");
}

await h.check("the built page carries the Content-Security-Policy and no inline script", async () => {
  const html = await readFile(join(process.argv[2] ?? join(repo, "dist"), "index.html"), "utf8");
  // Read by the browser's own HTML parser: a release build minifies index.html (unquoted
  // attributes, any order), which a pattern over the text would misread.
  const page = await h.newPage();
  const { csp, inline } = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "text/html");
    const metas = [...doc.querySelectorAll("meta")].filter(
      (m) => (m.getAttribute("http-equiv") ?? "").toLowerCase() === "content-security-policy",
    );
    return {
      csp: metas.length === 1 ? metas[0].getAttribute("content") : null,
      inline: [...doc.querySelectorAll("script")].filter((s) => !s.hasAttribute("src") || s.textContent.trim()).map((s) => s.outerHTML),
    };
  }, html);
  await page.close();
  assert.ok(csp, "one CSP meta tag");
  const d = Object.fromEntries(csp.split(";").map((p) => p.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
  assert.equal(d["default-src"], "'self'");
  assert.equal(d["script-src"], "'self' 'wasm-unsafe-eval'");
  assert.equal(d["style-src"], "'self'");
  assert.equal(d["worker-src"], "'self'");
  assert.equal(d["connect-src"], "'self'");
  assert.equal(d["img-src"], "'self' data: blob:");
  assert.equal(d["object-src"], "'none'");
  assert.equal(d["base-uri"], "'self'");
  assert.deepEqual(inline, [], "every script is a file");
});

await h.check("the policy is enforced: an inline script in a probe page is blocked", async () => {
  const context = await h.browser.newContext();
  const probe = await context.newPage();
  const recorded = [];
  await recordViolations(probe, recorded);
  const violations = [];
  probe.on("console", (m) => m.type() === "error" && violations.push(m.text()));
  await probe.goto(h.origin + "/", { waitUntil: "load" });
  await ready(probe);
  const ran = await probe.evaluate(async () => {
    window.__probe = false;
    const s = document.createElement("script");
    s.textContent = "window.__probe = true";
    const blocked = new Promise((ok) => document.addEventListener("securitypolicyviolation", (e) => ok(e.violatedDirective), { once: true }));
    document.head.append(s);
    return { ran: window.__probe, directive: await blocked };
  });
  assert.equal(ran.ran, false, "the inline script did not run");
  // The recorder the other checks rely on sees it too.
  for (let i = 0; i < 50 && recorded.length === 0; i++) await probe.waitForTimeout(100);
  assert.equal(recorded.length, 1, `recorded: ${recorded}`);
  assert.match(recorded[0], /^script-src.* blocked inline/);
  assert.match(ran.directive, /^script-src/);
  assert.ok(violations.some((v) => /Content Security Policy/.test(v)), "the browser reports it");
  await context.close();
});

await h.check("(a) a partner named like markup, by a share link from the command line: text only", async () => {
  const link = cliLink();
  assert.match(link, /^s3\.[A-Za-z0-9_-]+$/, link);
  const { page, seen } = await watchedPage();
  await page.goto(`${h.origin}/#${link}`, { waitUntil: "load" });
  await ready(page);
  await expectPartners(page, [XSS, "Hoshi Technologies", "Rhein Logistik", "Lion City Capital"]);
  await finishRun(page);
  await assertInert(page, seen);
  // The network, the event log and the summary name the partner as text.
  const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll("svg")].map((s) => s.textContent).join(" "));
  assert.ok(text.includes(XSS), "the name appears as text after the run");
  await h.shot(page, "markup-link");
  await page.context().close();
});

await h.check("a name with a right-to-left override does not turn the event log's sentences around", async () => {
  const { page } = await watchedPage();
  await page.goto(h.origin, { waitUntil: "load" });
  await ready(page);
  await tid(page, "partner-name-0").fill("Evil\u202eCorp");
  await tid(page, "partner-name-0").press("Tab");
  await finishRun(page);
  const log = await tid(page, "event-log").innerText();
  assert.ok(log.includes("EvilCorp"), "the partner is named in the log");
  assert.ok(!log.includes("\u202e"), "without its override mark");
  await page.context().close();
});

await h.check("(a) the same name by an imported file, and saved under that name: text only", async () => {
  const { page, seen } = await watchedPage();
  await open(page, h.origin);
  const [download] = await Promise.all([page.waitForEvent("download"), tid(page, "export").click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  json.partners[1].name = XSS;
  json.name = XSS;
  await tid(page, "import").setInputFiles({ name: `${XSS}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
  await expectPartners(page, ["Nusantara Foods", XSS, "Rhein Logistik", "Lion City Capital"]);
  await expectNotice(page, /Imported/);
  assert.ok((await tid(page, "notice").first().innerText()).includes(XSS), "the file name is shown as text");
  await finishRun(page);
  await tid(page, "save-name").fill(XSS);
  await tid(page, "save").click();
  await tid(page, "saved-item-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal((await tid(page, "saved-item-0").locator(".saved-name").innerText()).trim(), XSS);
  await page.reload();
  await ready(page);
  assert.equal((await tid(page, "saved-item-0").locator(".saved-name").innerText()).trim(), XSS);
  await assertInert(page, seen);
  await page.context().close();
});

await h.check("(b) a whole session stays on the page's own origin, with no CSP violation", async () => {
  const { page, seen } = await watchedPage({ permissions: ["clipboard-read", "clipboard-write"] });
  const all = [];
  page.on("request", (r) => all.push(r.url()));
  page.on("worker", (w) => all.push(w.url()));
  await open(page, h.origin);
  // Run, step, finish.
  await tid(page, "run").click();
  await page.waitForFunction(() => Number(document.querySelector("#app-ready").dataset.month) >= 2, null, { timeout: STEP_TIMEOUT_MS });
  await tid(page, "pause").click();
  await tid(page, "step").click();
  await finishRun(page);
  // A small batch of Many futures (web workers).
  await tid(page, "batch-runs").fill("200");
  await tid(page, "batch-start").filter({ hasText: /200/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "batch-start").click();
  await tid(page, "batch-results").waitFor({ timeout: 120_000 });
  // The survival chart as SVG and as PNG (a blob drawn on a canvas: img-src blob:).
  for (const kind of ["svg", "png"]) {
    const button = tid(page, `batch-survival-export-${kind}`);
    await button.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT_MS });
    const [d] = await Promise.all([page.waitForEvent("download", { timeout: STEP_TIMEOUT_MS }), button.click()]);
    assert.match(d.suggestedFilename(), new RegExp(`\\.${kind}$`));
  }
  // A fair comparison of two variants.
  await tid(page, "variant-add").click();
  await tid(page, "variant-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variant-add").click();
  await tid(page, "variant-1").waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "variants-runs").fill("200");
  await tid(page, "variants-run").click();
  await tid(page, "variants-results").waitFor({ timeout: 120_000 });
  // Share, save, export and import a file, change language.
  await tid(page, "share").click();
  await tid(page, "share-link").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await tid(page, "save-name").fill("Session");
  await tid(page, "save").click();
  await tid(page, "saved-item-0").waitFor({ timeout: STEP_TIMEOUT_MS });
  const [file] = await Promise.all([page.waitForEvent("download"), tid(page, "export").click()]);
  await tid(page, "import").setInputFiles(await file.path());
  await expectNotice(page, /Imported/);
  await tid(page, "lang-id").click();
  await page.waitForFunction(() => document.documentElement.lang === "id" || document.body.innerText.includes("Jalankan"), null, {
    timeout: STEP_TIMEOUT_MS,
  });
  await tid(page, "lang-en").click();
  await h.shot(page, "session");
  const foreign = all.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== h.origin);
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.ok(all.some((u) => u.endsWith("worker.js")), "the workers were started");
  assert.ok(all.some((u) => /_bg\.wasm(\.xz)?$/.test(u)), "the wasm was loaded");
  console.log(`session: ${all.length} requests and workers, all to ${h.origin}`);
  assert.deepEqual(seen.csp, [], "no CSP violation");
  assert.deepEqual(seen.dialogs, []);
  await page.context().close();
});

await h.finish();
