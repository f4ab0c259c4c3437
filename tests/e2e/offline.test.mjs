// End-to-end: offline use, installing, and publishing under a sub-path ("Fast, small, robust
// and offline", items 1 and 2). The built app is served under /aliansi/ (as GitHub Pages
// serves a project site; the server answers 404 anywhere else). The page loads, its service
// worker takes control and caches every built file; the browser goes offline; a reload and a
// new tab still open the app, which runs a scenario and a small batch in its web workers.
// Then a new build replaces the old cache. Also: the manifest and icons make it installable.
// Usage: node offline.test.mjs [DIST_DIR]   (the dist is copied: the test changes the copy)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";
import { READY_TIMEOUT_MS, STEP_TIMEOUT_MS, finishRun, launchChromium, month, ready, repo, start, status, tid } from "./harness.mjs";

const PREFIX = "/aliansi/";
const source = resolve(process.argv[2] ?? join(repo, "dist"));
const copy = await mkdtemp(join(tmpdir(), "aliansi-offline-"));
await cp(source, copy, { recursive: true });
// Served with an HTTP cache lifetime, as GitHub Pages does (10 minutes); `served` lists every
// request the server answered.
const served = [];
const h = await start("offline", { prefix: PREFIX, dist: copy, headers: { "cache-control": "max-age=600" }, log: served });
const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
const errors = [];
/** A page of `context` that records its requests in the harness and its errors here. */
async function newPage() {
  const page = await context.newPage();
  page.on("request", (r) => h.requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console error: ${m.text()}`));
  page.on("worker", (w) => workers.push({ url: w.url(), offline }));
  return page;
}
/** The web workers the pages started (the batch workers start ahead of the first batch), and
 * whether the browser was offline then. */
const workers = [];
let offline = false;
let page = await newPage();

/** Every file of the build, relative to its folder, sorted. */
async function distFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
  }
  return out.sort();
}

/** The names of the caches and, for each, the paths it holds (relative to the app). */
const cacheContents = (p) =>
  p.evaluate(async (base) => {
    const out = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => r.url.slice(base.length) || "./").sort();
    }
    return out;
  }, h.base);

const version = (p) =>
  p.evaluate(
    () =>
      new Promise((ok) => {
        navigator.serviceWorker.addEventListener("message", (e) => ok(e.data), { once: true });
        navigator.serviceWorker.controller.postMessage("aliansi-version");
      }),
  );

let firstCache = null;
await h.check("under /aliansi/ the app loads with relative addresses only", async () => {
  await page.goto(h.base, { waitUntil: "load" });
  await ready(page);
  await tid(page, "run").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  const own = h.requests.filter((u) => u.startsWith(h.origin));
  const outside = own.filter((u) => !u.startsWith(h.base));
  assert.deepEqual(outside, [], "every request stays under /aliansi/");
  assert.ok(own.some((u) => /_bg\.wasm\.xz$/.test(u)), "the app's compressed wasm came from under /aliansi/");
  assert.ok(own.some((u) => /\/unxz-[0-9a-f]{16}\.js$/.test(u)), "its decoder came from under /aliansi/");
  assert.ok(!own.some((u) => /_bg\.wasm$/.test(u)), "the plain wasm was not fetched as well");
  // And the built page names no absolute path.
  const html = await readFile(join(copy, "index.html"), "utf8");
  assert.doesNotMatch(html, /(src|href)="\//, "no root-absolute src/href in index.html");
});

await h.check("the service worker takes control and caches every file the app loads", async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, h.base, "the worker's scope is the app's folder");
  const caches = await cacheContents(page);
  const names = Object.keys(caches);
  assert.equal(names.length, 1, `one cache: ${names}`);
  firstCache = names[0];
  const v = await version(page);
  assert.equal(firstCache, `aliansi ${h.base} ${v.version}`);
  assert.match(v.version, /^[0-9a-f]{16}$/);
  // All but sw.js itself, the PNG icons (only installing uses them) and the plain wasm (this
  // browser loads the one compressed by xz, and its decoder).
  const built = await distFiles(copy);
  assert.ok(built.some((f) => /_bg\.wasm$/.test(f)) && built.some((f) => /_bg\.wasm\.xz$/.test(f)), `built: ${built}`);
  const expected = ["./", ...built.filter((f) => f !== "sw.js" && !/^icon-.*\.png$/.test(f) && !/_bg\.wasm$/.test(f))].sort();
  assert.deepEqual(caches[firstCache], expected, "cached = built files (and the folder's address)");
  for (const f of ["worker.js", "index.html", "boot.js", "manifest.webmanifest", "icon.svg"]) {
    assert.ok(expected.includes(f), `${f} is built and cached`);
  }
  console.log(`cache ${firstCache}: ${expected.length} entries`);
  // A first visit downloads each file with a hashed name once (the worker takes the browser's
  // copy), and the rest at most twice.
  const count = (f) => served.filter((p) => p === `${PREFIX}${f}`).length;
  const wasm = expected.filter((f) => /^aliansi-app-.*_bg\.wasm\.xz$/.test(f));
  assert.equal(wasm.length, 1);
  assert.equal(count(wasm[0]), 1, `${wasm[0]} downloaded ${count(wasm[0])} times`);
  for (const f of expected.filter((f) => f !== "./")) assert.ok(count(f) <= 2, `${f} downloaded ${count(f)} times`);
  // The page says so, in words.
  const note = tid(page, "offline-status");
  await page.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await note.innerText(), /Works offline/);
  assert.equal(await tid(page, "offline-now").count(), 0, "online: nothing about being offline");
  // A screen reader hears it once, as news (a hidden live region; the words on screen are not
  // one): now that it has been kept, not at every later load.
  assert.match(await tid(page, "offline-news").textContent(), /Works offline/);
  assert.equal(await note.getAttribute("role"), null);
  await page.reload({ waitUntil: "load" });
  await ready(page);
  await page.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(500);
  assert.equal((await tid(page, "offline-news").textContent()).trim(), "", "a later load: nothing said");
  assert.equal(await tid(page, "offline-news").getAttribute("role"), "status");
});

await h.check("a host that forbids caching (no-store): the first visit still downloads the app's wasm once", async () => {
  // The browser keeps no copy of what such a host sends, so the service worker cannot take the
  // browser's: the page hands it the .xz it downloaded (boot.js, sw.js: HANDOVER).
  const log = [];
  const strict = await serveStatic(copy, 0, { prefix: PREFIX, headers: { "cache-control": "no-store" }, log });
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const p = await ctx.newPage();
    await p.goto(strict.base, { waitUntil: "load" });
    await ready(p);
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
    const xz = (await distFiles(copy)).find((f) => /_bg\.wasm\.xz$/.test(f));
    const times = log.filter((x) => x === `${PREFIX}${xz}`).length;
    assert.equal(times, 1, `${xz} downloaded ${times} times`);
    // The offline copy holds it whole, and no hand-over is left behind.
    const got = await p.evaluate(async (url) => {
      const r = await caches.match(url);
      return { bytes: r ? (await r.arrayBuffer()).byteLength : -1, names: await caches.keys() };
    }, strict.base + xz);
    assert.equal(got.bytes, (await readFile(join(copy, xz))).length, "the whole .xz is kept");
    assert.equal(got.names.length, 1, `one cache: ${got.names}`);
    // Offline, it opens from that copy.
    await ctx.setOffline(true);
    await p.reload({ waitUntil: "load" });
    await ready(p);
  } finally {
    await ctx.close();
    strict.server.close();
  }
});

await h.check("a .xz damaged on its way on a first visit is not kept: the page loads the plain wasm, and the offline copy is whole", async () => {
  // A proxy that changes bytes, or a connection cut short but taken as whole: the page falls
  // back to the plain wasm, but the offline copy keeps only the .xz, so a bad one would fail
  // offline while the page said it works offline (sw.js checks it: CHECKED).
  const strict = await serveStatic(copy, 0, { prefix: PREFIX, headers: { "cache-control": "no-store" } });
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await ctx.route("**/*_bg.wasm.xz", async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      for (let i = 4000; i < 4200; i++) body[i] ^= 0x5a;
      await route.fulfill({ response, body });
    }, { times: 1 });
    const p = await ctx.newPage();
    await p.goto(strict.base, { waitUntil: "load" });
    await ready(p);
    await p.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: READY_TIMEOUT_MS });
    await ctx.setOffline(true);
    await p.reload({ waitUntil: "load" });
    await ready(p);
    await tid(p, "step").click({ timeout: STEP_TIMEOUT_MS });
    await p.waitForFunction(() => Number(document.querySelector("#app-ready").dataset.month) >= 1, null, { timeout: STEP_TIMEOUT_MS });
  } finally {
    await ctx.close();
    strict.server.close();
  }
});

await h.check("a host that will not serve .xz files gets the plain wasm; one that will not serve the manifest still gets the offline copy", async () => {
  const strict = await serveStatic(copy, 0, { prefix: PREFIX, headers: { "cache-control": "no-store" } });
  try {
    // IIS answers 404 for a type it does not know: the page said it could not load.
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route("**/*.xz", (route) => route.fulfill({ status: 404, body: "not found" }));
    const p = await ctx.newPage();
    await p.goto(strict.base, { waitUntil: "load" });
    await ready(p);
    await ctx.close();
    // The manifest and the icon are not needed to run the app offline.
    const ctx2 = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx2.route("**/manifest.webmanifest", (route) => route.fulfill({ status: 404, body: "not found" }));
    const q = await ctx2.newPage();
    await q.goto(strict.base, { waitUntil: "load" });
    await ready(q);
    await q.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: READY_TIMEOUT_MS });
    await ctx2.setOffline(true);
    await q.reload({ waitUntil: "load" });
    await ready(q);
    await ctx2.close();
  } finally {
    strict.server.close();
  }
});

await h.check("the offline copy asks the browser to keep it (navigator.storage.persist, once it is saved)", async () => {
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.__persist = [];
    const real = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persisted = async () => false;
    navigator.storage.persist = async () => {
      window.__persist.push(document.documentElement.dataset.offline);
      return real();
    };
  });
  await p.goto(h.base, { waitUntil: "load" });
  await p.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await p.waitForFunction(() => window.__persist.length > 0, null, { timeout: STEP_TIMEOUT_MS });
  assert.deepEqual(await p.evaluate(() => window.__persist), ["ready"], "asked once, when the copy was saved");
  await p.close();
});

await h.check("installable: the manifest, its icons, no installability errors", async () => {
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return { href, body: await (await fetch(href)).json() };
  });
  assert.equal(manifest.href, `${h.base}manifest.webmanifest`);
  const m = manifest.body;
  assert.equal(m.short_name, "Aliansi");
  assert.equal(m.start_url, "./");
  assert.equal(m.display, "standalone");
  const sizes = m.icons.map((i) => i.sizes);
  assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), `icon sizes ${sizes}`);
  for (const icon of m.icons.filter((i) => i.type === "image/png")) {
    const png = await readFile(join(copy, icon.src));
    const [w, hgt] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${hgt}`, icon.sizes, `${icon.src} is ${w}x${hgt}`);
  }
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send("Page.getAppManifest");
  assert.equal(parsed.url, `${h.base}manifest.webmanifest`);
  assert.deepEqual(parsed.errors, [], "the browser parsed the manifest without errors");
  // Chromium's own verdict, in a browser profile of its own (a test context is incognito-like,
  // which alone makes an app not installable).
  const profile = await mkdtemp(join(tmpdir(), "aliansi-profile-"));
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const p = await persistent.newPage();
    p.on("request", (r) => h.requests.push(r.url()));
    await p.goto(h.base, { waitUntil: "load" });
    await ready(p);
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
    const { installabilityErrors } = await (await persistent.newCDPSession(p)).send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "Chromium finds it installable");
  } finally {
    await persistent.close();
    await rm(profile, { recursive: true, force: true });
  }
});

await h.check("offline: a reload opens the app, from the service worker", async () => {
  await context.setOffline(true);
  offline = true;
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  const fromWorker = [];
  const failed = [];
  const onResponse = (r) => fromWorker.push(r.fromServiceWorker());
  const onFailed = (r) => failed.push(r.url());
  page.on("response", onResponse);
  page.on("requestfailed", onFailed);
  await page.reload({ waitUntil: "load" });
  await ready(page);
  page.off("response", onResponse);
  page.off("requestfailed", onFailed);
  assert.deepEqual(failed, [], "no request failed");
  await page.locator('[data-testid="offline-status"][data-state="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  // The page says that it is offline now, and that this is fine.
  assert.match(await tid(page, "offline-now").innerText(), /You are offline now, and everything here keeps working/);
  assert.ok(fromWorker.length >= 4 && fromWorker.every(Boolean), `responses from the worker: ${fromWorker}`);
  await h.shot(page, "offline-reloaded");
});

await h.check("offline: a scenario runs to its end", async () => {
  await tid(page, "step").click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => Number(document.querySelector("#app-ready").dataset.month) >= 1, null, {
    timeout: STEP_TIMEOUT_MS,
  });
  await finishRun(page);
  assert.equal(await status(page), "done");
  assert.ok((await month(page)) >= 1, "months were played");
  await tid(page, "outcome").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
});

await h.check("offline: a small batch of Many futures runs in the web workers", async () => {
  await tid(page, "batch").scrollIntoViewIfNeeded();
  await tid(page, "batch-runs").fill("200");
  await tid(page, "batch-start").filter({ hasText: /200/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await tid(page, "batch-start").click();
  await tid(page, "batch-results").waitFor({ timeout: 120_000 });
  // The workers that ran it were started offline (by the reloaded page, ahead of the batch or
  // for it), from the cached worker script.
  const started = workers.filter((w) => w.offline);
  console.log(`workers started offline: ${started.length}`);
  assert.ok(started.length >= 1 && started.every((w) => w.url === `${h.base}worker.js`), `workers: ${JSON.stringify(workers)}`);
  await h.shot(page, "offline-batch");
});

await h.check("offline: a new tab opens the app too", async () => {
  const p = await newPage();
  await p.goto(`${h.base}index.html?lang=id`, { waitUntil: "load" });
  await ready(p);
  await tid(p, "run").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await p.close();
});

await h.check("a new build replaces the old cache", async () => {
  await context.setOffline(false);
  offline = false;
  // A "new version": one built file changes and the hook writes a new service worker.
  const index = join(copy, "index.html");
  const html = await readFile(index, "utf8");
  await writeFile(index, html.replace("<title>", '<meta name="aliansi-build" content="second">\n    <title>'));
  execFileSync("bash", [join(repo, "scripts", "offline-cache.sh"), copy, "release"], { stdio: "pipe" });
  const t0 = Date.now();
  const phase = (what) => console.log(`update: ${what} after ${Date.now() - t0} ms`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  // (Once, in a CI run on 2026-11-29, the update took 177 s instead of about 2; this line says
  // which step is slow should it happen again.)
  phase("registration.update() returned");
  await page.waitForFunction(
    async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r.waiting !== null;
    },
    null,
    { timeout: READY_TIMEOUT_MS, polling: 200 },
  );
  // The open page tells that a new version is ready, and when it opens.
  const note = page.locator('[data-testid="offline-status"][data-state="update"]');
  await note.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await note.innerText(), /new version .* closing all its tabs\. Save what you are working on first/);
  await h.shot(page, "update-ready");
  // Offline meanwhile: the version running is saved on the device (and the new one too), so
  // the page says that everything keeps working (it said to keep the tab open).
  await context.setOffline(true);
  await tid(page, "offline-now").waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.match(await tid(page, "offline-now").innerText(), /You are offline now, and everything here keeps working/);
  await context.setOffline(false);
  await tid(page, "offline-now").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  phase("new version installed and announced");
  // The page open now keeps the version it started with; once every page of the app is
  // closed, the new version takes over (and deletes the old cache), and the next visit gets
  // the new files. Watched from a page outside the app's folder (not one of its clients).
  await page.close();
  const outside = await context.newPage();
  await outside.goto(`${h.origin}/outside`);
  await outside.waitForFunction(
    async ([base, old]) => {
      const r = await navigator.serviceWorker.getRegistration(base);
      const names = await caches.keys();
      return r?.active && r.waiting === null && names.length === 1 && names[0] !== old;
    },
    [h.base, firstCache],
    { timeout: READY_TIMEOUT_MS, polling: 250 },
  );
  phase("new version active, old cache deleted");
  await outside.close();
  page = await newPage();
  await page.goto(h.base, { waitUntil: "load" });
  await ready(page);
  const caches = await cacheContents(page);
  const names = Object.keys(caches);
  assert.equal(names.length, 1, `one cache left: ${names}`);
  assert.notEqual(names[0], firstCache, "the old cache is gone");
  assert.equal(await page.locator('meta[name="aliansi-build"]').count(), 1, "the page is the new build");
  const v = await version(page);
  assert.equal(names[0], `aliansi ${h.base} ${v.version}`);
  console.log(`after the update: ${names[0]} (was ${firstCache})`);
});

await h.check("two copies on one host (e.g. two GitHub Pages projects) keep their own caches", async () => {
  // One origin, the app in /one/ and /two/: each service worker deletes only its own caches.
  const both = await mkdtemp(join(tmpdir(), "aliansi-two-"));
  await cp(source, join(both, "one"), { recursive: true });
  await cp(source, join(both, "two"), { recursive: true });
  const { server, origin } = await serveStatic(both);
  const ctx = await h.browser.newContext();
  try {
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(`page error (two copies): ${e.message}`));
    for (const dir of ["one", "two"]) {
      await p.goto(`${origin}/${dir}/`, { waitUntil: "load" });
      await ready(p);
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
    }
    const names = (await p.evaluate(() => caches.keys())).sort();
    assert.equal(names.length, 2, `caches: ${names}`);
    assert.ok(names[0].startsWith(`aliansi ${origin}/one/ `) && names[1].startsWith(`aliansi ${origin}/two/ `), `caches: ${names}`);
  } finally {
    await ctx.close();
    server.close();
    await rm(both, { recursive: true, force: true });
  }
});

await h.check("from a laptop on the classroom's own network (plain http, no internet): the app runs, and says it cannot be kept offline", async () => {
  // A trainer's laptop serving dist/ on a Wi-Fi hotspot without internet: the students open
  // http://<the laptop's name or address>/, which is not a secure context, so no service
  // worker (no offline copy) and no clipboard. The name is mapped to this machine's server.
  const { server, origin } = await serveStatic(source);
  const lan = `http://classroom.lan:${new URL(origin).port}`;
  const browser = await launchChromium(["--host-resolver-rules=MAP classroom.lan 127.0.0.1"]);
  try {
    const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const asked = [];
    p.on("request", (r) => asked.push(r.url()));
    p.on("pageerror", (e) => errors.push(`page error (classroom network): ${e.message}`));
    await p.goto(`${lan}/`, { waitUntil: "load" });
    await ready(p);
    assert.equal(await p.evaluate(() => window.isSecureContext), false, "plain http to another machine is not a secure context");
    await finishRun(p);
    assert.equal(await status(p), "done");
    await tid(p, "batch").scrollIntoViewIfNeeded();
    await tid(p, "batch-runs").fill("200");
    await tid(p, "batch-start").click();
    await tid(p, "batch-results").waitFor({ timeout: READY_TIMEOUT_MS });
    assert.match(await tid(p, "offline-status").innerText(), /cannot be kept for offline use \(the page needs https or localhost/);
    // Sharing: the link is on the page to copy by hand, and it opens the same scenario there.
    await tid(p, "share").click();
    const link = await tid(p, "share-link").inputValue();
    assert.ok(link.startsWith(`${lan}/`) && link.includes("#s3."), link);
    const q = await p.context().newPage();
    await q.goto(link, { waitUntil: "load" });
    await ready(q);
    assert.equal(await q.locator("#app-ready").getAttribute("data-seed"), await p.locator("#app-ready").getAttribute("data-seed"));
    const foreign = asked.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== lan);
    assert.deepEqual(foreign, [], "every request went to the laptop");
  } finally {
    await browser.close();
    server.close();
  }
});

await h.check("no page errors in the offline context", async () => {
  assert.deepEqual(errors, []);
});

await context.close();
await rm(copy, { recursive: true, force: true });
await h.finish();
