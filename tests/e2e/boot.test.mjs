// End-to-end: the loading screen ("Fast, small, robust and offline": classrooms with bad
// networks). While the app's wasm downloads, index.html's #boot shows how much has come
// (assets/boot.js); the app replaces it once started. When the download fails, the page says so
// in both languages and offers to try again, and trying again works; so it does when the download
// stalls (nothing comes, the connection kept open), but never while a slow one keeps coming. A
// registration of the offline copy that breaks off is reported as one to try again, not as a
// browser that cannot keep one. A browser too old for the app's WebAssembly (boot.js's feature
// probe, which must need every feature the built wasm uses) is told so. Without JavaScript, the
// page's <noscript> message shows instead of a loading screen.
// Usage: node boot.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { READY_TIMEOUT_MS, expectPartners, loadPreset, ready, repo, start, tid } from "./harness.mjs";

const h = await start("boot");

await h.check("the built page gives the loading screen the wasm, plain and compressed by xz, and the decoder", async () => {
  const html = await readFile(join(h.dist, "index.html"), "utf8");
  const files = await readdir(h.dist);
  const wasm = files.filter((f) => f.endsWith("_bg.wasm"));
  assert.equal(wasm.length, 1, `wasm files: ${wasm}`);
  assert.ok(files.includes(`${wasm[0]}.xz`), `no ${wasm[0]}.xz: ${files}`);
  const m = html.match(/data-wasm-bytes="(\d+)"/);
  assert.ok(m, "no data-wasm-bytes in index.html");
  assert.equal(Number(m[1]), (await stat(join(h.dist, wasm[0]))).size);
  const xz = html.match(/data-wasm-xz-bytes="(\d+)"/);
  assert.ok(xz, "no data-wasm-xz-bytes in index.html");
  assert.equal(Number(xz[1]), (await stat(join(h.dist, `${wasm[0]}.xz`))).size);
  // The .xz file is the wasm (as the xz command decodes it), and well below gzip's best.
  const plain = await readFile(join(h.dist, wasm[0]));
  const packed = await readFile(join(h.dist, `${wasm[0]}.xz`));
  assert.ok(execFileSync("xz", ["-dc"], { input: packed, maxBuffer: 1 << 30 }).equals(plain), "the .xz does not decode to the wasm");
  const gz9 = gzipSync(plain, { level: 9 }).length;
  assert.ok(packed.length < 0.9 * gz9, `the .xz is ${packed.length} bytes, gzip -9 gives ${gz9}`);
  // The preload link fetches the file boot.js asks for, with no integrity attribute (Chromium
  // ignores it on a fetch preload and warns about it on every load).
  const preload = html.match(new RegExp(`<link[^>]*href="?\\./${wasm[0].replace(/[.]/g, "\\.")}\\.xz"?[^>]*>`))?.[0];
  assert.ok(preload && /rel="?preload/.test(preload), `no preload link to the .xz: ${preload}`);
  assert.ok(!/integrity=/.test(preload), `the .xz preload link has an integrity attribute: ${preload}`);
  const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
  // The decoder: named by the boot script's tag, with its hash.
  const unxz = html.match(/data-unxz="?\.\/(unxz-[0-9a-f]{16}\.js)/)?.[1];
  assert.ok(unxz && files.includes(unxz), `decoder ${unxz} among ${files}`);
  const decoder = await readFile(join(h.dist, unxz));
  assert.match(decoder.toString(), /export const XzReadableStream=/);
  assert.equal(html.match(/data-unxz-integrity="([^"]+)"/)?.[1], sri(decoder), "data-unxz-integrity is not the decoder's hash");
  // Its wasm, a file of its own (not base64 inside the script, a third bigger gzipped), with its hash.
  assert.doesNotMatch(decoder.toString(), /data:application\/wasm;base64,[A-Za-z0-9+/]/, "the decoder still carries its wasm inside");
  const unxzWasm = html.match(/data-unxz-wasm="?\.\/(unxz-[0-9a-f]{16}\.wasm)/)?.[1];
  assert.ok(unxzWasm && files.includes(unxzWasm), `decoder's wasm ${unxzWasm} among ${files}`);
  const decoderWasm = await readFile(join(h.dist, unxzWasm));
  assert.ok(WebAssembly.validate(decoderWasm), "the decoder's wasm does not validate");
  assert.equal(html.match(/data-unxz-wasm-integrity="([^"]+)"/)?.[1], sri(decoderWasm), "data-unxz-wasm-integrity is not its hash");
});

await h.check("a first visit logs no warning or error in the console", async () => {
  const page = await h.newPage();
  const said = [];
  page.on("console", (m) => ["warning", "error"].includes(m.type()) && said.push(`${m.type()}: ${m.text()}`));
  await page.goto(h.origin + "/");
  await ready(page);
  await page.waitForTimeout(1_000);
  assert.deepEqual(said, []);
  await page.context().close();
});

await h.check("on a slow network the loading screen shows the download's progress, then the app replaces it", async () => {
  const page = await h.newPage();
  // The loading screen as the page saw it, every 40 ms from the first script on, until the app
  // has started (what a reader watching it would see).
  await page.addInitScript(() => {
    window.__boot = [];
    const look = () => {
      const bar = document.getElementById("boot-progress");
      const boot = document.getElementById("boot");
      window.__boot.push({
        shown: boot !== null && boot.getBoundingClientRect().height > 0,
        value: bar ? bar.value : null,
        indeterminate: bar ? bar.position === -1 : null,
        app: document.getElementById("app-ready") !== null,
      });
      if (boot !== null || document.getElementById("app-ready") === null) setTimeout(look, 40);
    };
    look();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // About 2 Mbit/s with a 150 ms round trip: the wasm (about 1.1 MB as this test server sends
  // it, uncompressed) takes several seconds.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 250_000,
    uploadThroughput: 100_000,
  });
  await page.goto(h.base);
  await page.waitForFunction(() => (document.getElementById("boot-progress")?.value ?? 0) > 0.3, null, {
    timeout: READY_TIMEOUT_MS,
    polling: 50,
  });
  const status = await page.locator("#boot-status").textContent();
  assert.match(status, /Loading/);
  assert.match(status, /Memuat/);
  await h.shot(page, "loading");
  await ready(page);
  await page.waitForFunction(() => document.getElementById("boot") === null, null, { timeout: 10_000 });
  const seen = await page.evaluate(() => window.__boot);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const during = seen.filter((s) => s.shown && !s.app);
  assert.ok(during.length >= 10, `the loading screen was seen ${during.length} times before the app`);
  const values = during.map((s) => s.value).filter((v) => v > 0);
  assert.ok(new Set(values).size >= 5, `progress values: ${values.join(", ")}`);
  for (let k = 1; k < values.length; k++) assert.ok(values[k] >= values[k - 1], `progress went back: ${values.join(", ")}`);
  assert.ok(values.every((v) => v <= 1), `progress above 1: ${values.join(", ")}`);
  // The last look may come a few kilobytes before the end (it polls every 40 ms).
  assert.ok(values.at(-1) > 0.95, `the progress stopped short of the end: ${values.join(", ")}`);
  assert.ok(during.some((s) => !s.indeterminate), "the progress bar was never determinate");
  assert.equal(await page.locator("#boot").count(), 0);
  await page.context().close();
});

/** Loads the page with the wasm request answered by `handle` (a Playwright route handler) and
 * returns the page once the loading screen shows its error. */
async function failedLoad(handle) {
  const page = await h.newPage();
  const answer = { handle };
  await page.route(/_bg\.wasm(\.xz)?$/, (route) => answer.handle(route));
  await page.goto(h.base);
  await page.locator("#boot-error").waitFor({ state: "visible", timeout: READY_TIMEOUT_MS });
  return { page, answer };
}

await h.check("a download that breaks off is reported in both languages, with a button that tries again", async () => {
  const { page, answer } = await failedLoad((route) => route.abort("internetdisconnected"));
  const text = await page.locator("#boot-error").textContent();
  assert.match(text, /Aliansi could not load\. Check the connection and try again\./);
  assert.match(text, /Aliansi gagal dimuat\. Periksa koneksi, lalu coba lagi\./);
  assert.equal(await page.locator("#boot-error").getAttribute("role"), "alert");
  assert.equal(await page.locator("#boot-progress").isVisible(), false);
  assert.equal(await page.locator("#boot-status").isVisible(), false);
  const retry = page.locator("#boot-retry");
  assert.equal(await retry.isVisible(), true);
  assert.match(await retry.textContent(), /Try again · Coba lagi/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "boot-retry");
  assert.equal(await page.locator("#app-ready").count(), 0);
  await h.shot(page, "load-failed");
  // The network is back: trying again starts the app.
  answer.handle = (route) => route.continue();
  await retry.click();
  await ready(page);
  await page.waitForFunction(() => document.getElementById("boot") === null, null, { timeout: 10_000 });
  await page.context().close();
});

await h.check("a download whose connection drops once before the answer is asked for again, without Try again", async () => {
  const page = await h.newPage();
  let aborted = 0;
  await page.route(/_bg\.wasm\.xz$/, (route) => (aborted++ === 0 ? route.abort("internetdisconnected") : route.continue()));
  try {
    await page.goto(h.base);
    await ready(page);
    assert.ok(aborted >= 2, `the .xz was asked for ${aborted} times`);
    assert.equal(await page.locator("#boot-error").isVisible().catch(() => false), false);
  } finally {
    await page.context().close();
  }
});

await h.check("a host that answers an error for the wasm is reported with its status", async () => {
  const { page } = await failedLoad((route) => route.fulfill({ status: 404, body: "not here" }));
  const text = await page.locator("#boot-error").textContent();
  assert.match(text, /Aliansi could not load/);
  assert.match(text, /the server answered 404/);
  assert.equal(await page.locator("#boot-retry").isVisible(), true);
  await page.context().close();
});

await h.check("a .xz download that keeps breaking off part-way is reported (after a few tries to go on), not swapped for the 1.1 MB plain wasm", async () => {
  // A server that sends the first 100 KB of the .xz and then drops the connection, every time.
  const xzName = (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm.xz"));
  const xz = await readFile(join(h.dist, xzName));
  const breaker = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/x-xz", "content-length": String(xz.length) });
    res.write(xz.subarray(0, 100_000), () => setTimeout(() => res.socket?.destroy(), 50));
  });
  await new Promise((ok) => breaker.listen(0, "127.0.0.1", ok));
  const { page, answer } = await failedLoad((route) =>
    /\.xz$/.test(route.request().url())
      ? route.continue({ url: `http://127.0.0.1:${breaker.address().port}/${xzName}` })
      : route.continue(),
  );
  try {
    // (Had the page turned to the plain wasm, the app would have started instead.)
    assert.match(await page.locator("#boot-error").textContent(), /Aliansi could not load/);
    // The network is back: trying again starts the app.
    answer.handle = (route) => route.continue();
    await page.locator("#boot-retry").click();
    await ready(page);
  } finally {
    breaker.close();
    await page.context().close();
  }
});

/** A server of the .xz that sends the first `breakAt` bytes of its first answer and then drops
 * the connection, and answers the requests after it as `later` says: "range" (the rest, 206,
 * for a Range request that matches its ETag) or "whole" (the whole file again, 200, as a host
 * without ranges does). Returns the server, the file's name and the requests it saw. */
async function breakingServer(later, breakAt = 100_000) {
  const xzName = (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm.xz"));
  const xz = await readFile(join(h.dist, xzName));
  const etag = '"aliansi-xz"';
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ range: req.headers.range ?? null, ifRange: req.headers["if-range"] ?? null });
    const base = { "content-type": "application/x-xz", etag, "accept-ranges": "bytes" };
    if (seen.length === 1) {
      res.writeHead(200, { ...base, "content-length": String(xz.length) });
      // (A second later: by then the page reads what came, rather than still loading its decoder.)
      res.write(xz.subarray(0, breakAt), () => setTimeout(() => res.socket?.destroy(), 1000));
      return;
    }
    const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? "")?.[1]);
    if (later === "range" && req.headers["if-range"] === etag && from > 0 && from < xz.length) {
      res.writeHead(206, { ...base, "content-length": String(xz.length - from), "content-range": `bytes ${from}-${xz.length - 1}/${xz.length}` });
      res.end(xz.subarray(from));
    } else {
      res.writeHead(200, { ...base, "content-length": String(xz.length) });
      res.end(xz);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, xzName, seen };
}

for (const later of ["range", "whole"]) {
  await h.check(`a .xz download that breaks off once goes on where it stopped, without Try again (host answers the rest: ${later})`, async () => {
    const { server, xzName, seen } = await breakingServer(later);
    const page = await h.newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    // The page's download goes to the breaking server (a page's routes do not see the service
    // worker's own requests).
    await page.route(/_bg\.wasm\.xz$/, (route) =>
      route.continue({ url: `http://127.0.0.1:${server.address().port}/${xzName}` }),
    );
    try {
      await page.goto(h.base);
      await ready(page);
      assert.equal(await page.locator("#boot-error").isVisible().catch(() => false), false);
      assert.equal(seen.length, 2, `requests: ${JSON.stringify(seen)}`);
      assert.equal(seen[0].range, null);
      if (later === "range") {
        const from = Number(/^bytes=(\d+)-$/.exec(seen[1].range ?? "")?.[1]);
        assert.ok(from > 50_000 && from <= 100_000, `the second request asked for ${seen[1].range}`);
        assert.equal(seen[1].ifRange, '"aliansi-xz"');
      }
      assert.ok(warnings.some((w) => /broke off after \d+ bytes/.test(w)), `warnings: ${warnings}`);
    } finally {
      server.close();
      await page.context().close();
    }
  });
}

/** The stall limit the checks below give boot.js: 2 s instead of 30 s, so that a check need not
 * wait that long. It goes in as data-stall-ms on boot.js's tag, set as the parser puts the
 * tag in (boot.js, a module, runs after the parsing). (Not by rewriting index.html in a route:
 * a page whose document a route answered is refused the local server's other files.) */
const STALL_MS = 2000;
async function shortStall(page) {
  await page.addInitScript((ms) => {
    const watch = new MutationObserver(() => {
      const tag = document.querySelector("script[data-wasm]");
      if (!tag) return;
      tag.dataset.stallMs = String(ms);
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
  }, STALL_MS);
}

/** A server that sends `body` (with its full length announced) in `pieces` parts, `gap` ms
 * apart, and stops for good after `stopAfter` of them while keeping the connection open, as a
 * network that stalls does. `closed` turns true once the browser has given the connection up. */
async function tricklingServer(body, { pieces, gap, stopAfter = Infinity }) {
  const state = { closed: false, server: null, port: 0 };
  state.server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/x-xz", "content-length": String(body.length) });
    res.on("close", () => (state.closed = true));
    const size = Math.ceil(body.length / pieces);
    let sent = 0;
    const next = () => {
      if (res.destroyed || sent >= Math.min(pieces, stopAfter)) return;
      res.write(body.subarray(sent * size, (sent + 1) * size));
      sent += 1;
      if (sent === pieces) res.end();
      else setTimeout(next, gap);
    };
    next();
  });
  await new Promise((ok) => state.server.listen(0, "127.0.0.1", ok));
  state.port = state.server.address().port;
  return state;
}

await h.check("a download that stalls (no bytes, the connection kept open) is given up and reported, with a button that tries again", async () => {
  const xzName = (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm.xz"));
  const xz = await readFile(join(h.dist, xzName));
  // What stalls: the .xz half-way (its first half comes, then nothing), the decoder or the
  // app's module (never answered). Each time the page gives up once nothing has come for the
  // limit, says so as for a broken connection, and trying again (the network back) starts the app.
  const stalling = await tricklingServer(xz, { pieces: 2, gap: 0, stopAfter: 1 });
  const cases = [
    { what: "the .xz half-way", url: /_bg\.wasm\.xz$/, hang: (route) => route.continue({ url: `http://127.0.0.1:${stalling.port}/${xzName}` }) },
    { what: "the decoder", url: /\/unxz-[0-9a-f]{16}\.js$/, hang: () => {} },
    { what: "the decoder's wasm", url: /\/unxz-[0-9a-f]{16}\.wasm$/, hang: () => {} },
    // (Trunk's hash drops leading zeros: 15 hex digits in one build of sixteen.)
    { what: "the app's module", url: /\/aliansi-app-[0-9a-f]{12,16}\.js$/, hang: () => {} },
  ];
  try {
    for (const c of cases) {
      const page = await h.newPage();
      try {
        await shortStall(page);
        const answer = { handle: c.hang };
        await page.route(c.url, (route) => answer.handle(route));
        const t0 = Date.now();
        await page.goto(h.base, { waitUntil: "commit" });
        await page
          .locator("#boot-error")
          .waitFor({ state: "visible", timeout: 15_000 })
          .catch(() => assert.fail(`${c.what} stalled: no message after 15 s (the limit is ${STALL_MS} ms)`));
        assert.ok(Date.now() - t0 >= STALL_MS, `${c.what}: the message came after ${Date.now() - t0} ms, before the limit`);
        const text = await page.locator("#boot-error").textContent();
        assert.match(text, /Aliansi could not load\. Check the connection and try again\./, c.what);
        assert.match(text, /Aliansi gagal dimuat\. Periksa koneksi, lalu coba lagi\./, c.what);
        assert.match(text, /the download stalled: nothing came for 2 s · unduhan terhenti: tidak ada data selama 2 detik/, c.what);
        assert.equal(await page.locator("#boot-retry").isVisible(), true, c.what);
        assert.equal(await page.evaluate(() => document.activeElement?.id), "boot-retry", c.what);
        if (c.what === "the .xz half-way") {
          // The stalled download was aborted, not left holding the connection.
          for (let i = 0; i < 50 && !stalling.closed; i++) await page.waitForTimeout(100);
          assert.ok(stalling.closed, "the stalled .xz download still holds its connection");
          await h.shot(page, "load-stalled");
        }
        answer.handle = (route) => route.continue();
        await page.locator("#boot-retry").click();
        await ready(page);
      } finally {
        await page.context().close();
      }
    }
  } finally {
    stalling.server.close();
  }
});

await h.check("a download that is slow but keeps coming is never given up, though its pauses add up to far more than the limit", async () => {
  const xzName = (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm.xz"));
  const xz = await readFile(join(h.dist, xzName));
  // 9 pieces 0.8 s apart: about 6.4 s for the .xz, with the limit at 2 s.
  const slow = await tricklingServer(xz, { pieces: 9, gap: 800 });
  const page = await h.newPage();
  try {
    await shortStall(page);
    await page.route(/_bg\.wasm\.xz$/, (route) => route.continue({ url: `http://127.0.0.1:${slow.port}/${xzName}` }));
    const t0 = Date.now();
    await page.goto(h.base);
    await ready(page);
    const seconds = (Date.now() - t0) / 1000;
    assert.ok(seconds > 5, `the app started after ${seconds} s: the .xz did not come slowly`);
    assert.equal(await page.locator("#boot-error").count(), 0);
  } finally {
    slow.server.close();
    await page.context().close();
  }
});

await h.check("a browser without streams to decode xz through loads the plain wasm, whatever type the host gives it", async () => {
  const page = await h.newPage();
  // An older browser: no TransformStream (so no decoding and no progress either).
  await page.addInitScript(() => {
    delete window.TransformStream;
  });
  // A host that does not know .wasm files (served as application/octet-stream).
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, headers: { "content-type": "application/octet-stream" }, body: await response.body() });
  });
  const wasm = [];
  page.on("request", (r) => {
    if (/(_bg\.wasm(\.xz)?|unxz-[0-9a-f]+\.js)$/.test(r.url()) && r.resourceType() !== "other") wasm.push(r.url());
  });
  await page.goto(h.base);
  await ready(page);
  await page.waitForFunction(() => document.getElementById("boot") === null, null, { timeout: 10_000 });
  assert.ok(wasm.some((u) => u.endsWith("_bg.wasm")), `wasm requests: ${wasm}`);
  await page.context().close();
});

await h.check("a .xz file that does not decode (say a proxy changed it) falls back to the plain wasm", async () => {
  const page = await h.newPage();
  const warnings = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  // The first 64 KB as sent, then bytes that are no xz stream: the decoder fails part-way.
  let sent = 0;
  await page.route(/_bg\.wasm\.xz$/, async (route) => {
    const body = await (await route.fetch()).body();
    sent += 1;
    const broken = Buffer.concat([body.subarray(0, 65_536), Buffer.alloc(body.length - 65_536, 0x5a)]);
    await route.fulfill({ status: 200, headers: { "content-type": "application/x-xz" }, body: broken });
  });
  const plain = [];
  page.on("request", (r) => {
    if (/_bg\.wasm$/.test(r.url()) && r.resourceType() !== "other") plain.push(r.url());
  });
  await page.goto(h.base);
  await ready(page);
  await page.waitForFunction(() => document.getElementById("boot") === null, null, { timeout: 10_000 });
  assert.ok(sent >= 1, "the .xz was not requested");
  assert.equal(plain.length, 1, `plain wasm requests: ${plain}`);
  assert.ok(warnings.some((w) => /compressed wasm did not load/.test(w)), `warnings: ${warnings}`);
  await page.context().close();
});

/** Loads the page with `url`'s answer changed by `change` (its bytes as sent, to the bytes
 * given instead), in a context of its own (not h.newPage: the browser's refusal is a console
 * error here, the one such a check expects). Returns the page's errors and warnings, and how
 * many times it asked for the plain wasm. */
async function loadWithChanged(url, type, change) {
  const page = await (await h.browser.newContext()).newPage();
  const [errors, warnings, plain] = [[], [], []];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route(url, async (route) => {
    // (A request still on its way when the check closes its page is left.)
    try {
      const body = await (await route.fetch()).body();
      await route.fulfill({ status: 200, headers: { "content-type": type }, body: change(body) });
    } catch {}
  });
  page.on("request", (r) => {
    if (/_bg\.wasm$/.test(r.url()) && r.resourceType() !== "other") plain.push(r.url());
  });
  await page.goto(h.base);
  await ready(page);
  await page.context().close();
  return { errors, warnings, plain };
}

await h.check("a decoder whose bytes are not those of its hash is refused, and the plain wasm loads", async () => {
  const { errors, plain } = await loadWithChanged(/\/unxz-[0-9a-f]{16}\.js$/, "text/javascript", (body) =>
    Buffer.concat([body, Buffer.from("\n// changed\n")]),
  );
  assert.equal(plain.length, 1, `plain wasm requests: ${plain}`);
  assert.equal(errors.length, 1, `errors: ${errors.join(" | ")}`);
  assert.match(errors[0], /integrity/);
});

await h.check("a decoder's wasm whose bytes are not those of its hash is refused, and the plain wasm loads", async () => {
  // Still a valid wasm (a custom section added), but not the bytes the page was built with.
  const extra = Buffer.from([0, 4, 1, 0x78, 0, 0]);
  const { errors, warnings, plain } = await loadWithChanged(/\/unxz-[0-9a-f]{16}\.wasm$/, "application/wasm", (body) =>
    Buffer.concat([body, extra]),
  );
  assert.equal(plain.length, 1, `plain wasm requests: ${plain}`);
  assert.ok(warnings.some((w) => /compressed wasm did not load/.test(w)), `warnings: ${warnings}`);
  assert.ok(errors.every((e) => /integrity/i.test(e)), `errors: ${errors.join(" | ")}`);
});

await h.check("later visits compile the copy the visit before decoded, kept in the offline cache; a broken copy is decoded again", async () => {
  const page = await h.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const decoderRequests = () => {
    const seen = [];
    const watch = (r) => /\/unxz-[0-9a-f]{16}\.js$/.test(r.url()) && seen.push(r.url());
    page.on("request", watch);
    return { seen, stop: () => page.off("request", watch) };
  };
  const plain = await readFile(join(h.dist, (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm"))));
  const plainHash = createHash("sha256").update(plain).digest("hex");
  /** The kept copy in the offline cache (under the name boot.js gives it): its sha256, or null
   * if there is none; with `replace`, first put those bytes in its place. */
  const keptHash = (replace = null) =>
    page.evaluate(async (replace) => {
      const t = document.querySelector("script[data-wasm-xz-hash]");
      const key = new URL(`${t.dataset.wasm}?decoded=${t.dataset.wasmXzHash}`, document.baseURI).href;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if (!(await cache.match(key))) continue;
        if (replace !== null) await cache.put(key, new Response(replace, { headers: { "Content-Type": "application/wasm" } }));
        const bytes = await (await cache.match(key)).arrayBuffer();
        return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
      }
      return null;
    }, replace);
  const waitKept = async () => {
    for (let i = 0; i < 100; i++) {
      const got = await keptHash();
      if (got === plainHash) return;
      await page.waitForTimeout(100);
    }
    assert.fail(`the kept copy is not the wasm: ${await keptHash()}`);
  };
  // First visit: no offline cache yet, so nothing is kept.
  await page.goto(h.base);
  await ready(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: READY_TIMEOUT_MS });
  assert.equal(await keptHash(), null, "a copy was kept before the offline cache existed");
  // Second visit: decoded once more, and kept.
  await page.reload();
  await ready(page);
  await waitKept();
  // Third visit: the kept copy, without the decoder.
  let watch = decoderRequests();
  await page.reload();
  await ready(page);
  watch.stop();
  assert.deepEqual(watch.seen, [], "the decoder was loaded although a decoded copy was kept");
  // A copy that does not compile (say the storage was damaged) is dropped and decoded again.
  const broken = await keptHash("not wasm");
  assert.ok(broken !== null && broken !== plainHash, `the kept copy was not replaced: ${broken}`);
  watch = decoderRequests();
  await page.reload();
  await ready(page);
  watch.stop();
  assert.equal(watch.seen.length, 1, `decoder requests: ${watch.seen}`);
  assert.ok(warnings.some((w) => /kept copy of the wasm did not compile/.test(w)), `warnings: ${warnings}`);
  await waitKept();
  await page.context().close();
});

await h.check("a crash of the running app (a trap of its wasm) is reported in both languages; Reload brings the edits back", async () => {
  // Not h.newPage: the errors thrown here are the ones this check expects.
  const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(h.base);
  await ready(page);
  await loadPreset(page, "calm-pair");
  await tid(page, "partner-name-0").fill("Mitra Baru");
  await expectPartners(page, ["Mitra Baru", "Mitra Dua"]);
  for (let k = 0; k < 3; k++) await tid(page, "step").click();
  await page.waitForSelector('#app-ready[data-month="3"]', { state: "attached", timeout: READY_TIMEOUT_MS });
  // An error that is not the app's (say an extension's): no notice.
  await page.evaluate(() => setTimeout(() => { throw new Error("not the app's"); }));
  await page.waitForTimeout(300);
  assert.equal(await tid(page, "crash").count(), 0, "no notice for another script's error");
  // A real trap of the app's wasm, from a task of the page: an allocation it cannot make ends
  // in an abort, as a panic does (initSync gives the running instance's exports).
  await page.evaluate(() => setTimeout(() => window.wasmBindings.initSync().__wbindgen_malloc(0xfffffff0, 8)));
  await tid(page, "crash").waitFor({ timeout: 5_000 });
  const text = await tid(page, "crash").innerText();
  assert.match(text, /Aliansi stopped because of an error in the app/);
  assert.match(text, /Aliansi berhenti karena ada galat/);
  assert.ok(errors.some((e) => /unreachable|RuntimeError/i.test(e)), `errors: ${errors.join(" | ")}`);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Reload · Muat ulang");
  await h.shot(page, "crashed");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.getElementById("crash"), null, { timeout: READY_TIMEOUT_MS });
  await ready(page);
  await expectPartners(page, ["Mitra Baru", "Mitra Dua"]);
  // The run is not replayed to where it failed (a plain reload would bring it back to month 3).
  assert.equal(await page.locator("#app-ready").getAttribute("data-month"), "0");
  await page.context().close();
});

await h.check("a registration of the offline copy that breaks off (a network blip) will be tried again; only a browser without service workers is told it cannot keep one", async () => {
  // Not h.newPage: the browser's report of the failed download is a console error here, the
  // one this check expects.
  const page = await (await h.browser.newContext()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  const offlineState = () =>
    page
      .waitForFunction(() => document.documentElement.dataset.offline, null, { timeout: READY_TIMEOUT_MS })
      .then((s) => s.jsonValue());
  // The download of sw.js breaks off (every try of the browser's).
  const swJs = /\/sw\.js$/;
  await page.context().route(swJs, (route) => route.abort("connectionreset"));
  await page.goto(h.base);
  await ready(page);
  assert.equal(await offlineState(), "failed");
  const note = await tid(page, "offline-status").innerText();
  assert.match(note, /could not be saved for offline use yet .* It tries again as soon as the connection is back, while this page is open, and on your next visit/);
  assert.doesNotMatch(note, /needs https/);
  assert.ok(errors.length > 0 && errors.every((e) => /fetching the script/.test(e)), `errors: ${errors.join(" | ")}`);
  // The network is back (the browser says so): the page, still open, saves the copy without a
  // reload. (Before, it stayed "failed" until the next visit: a student who opened the app
  // before class left without it.)
  await page.context().unroute(swJs);
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: READY_TIMEOUT_MS });
  assert.match(await tid(page, "offline-status").innerText(), /Works offline: Aliansi is saved on this device/);
  await page.context().close();
  // Without an "online" event (the browser never knew it was offline), it tries again after a
  // while: 30 s, then longer (data-offline-retry-ms shortens it here, as data-stall-ms does).
  const later = await (await h.browser.newContext()).newPage();
  await later.addInitScript(() => {
    const watch = new MutationObserver(() => {
      const tag = document.querySelector("script[data-wasm]");
      if (!tag) return;
      tag.dataset.offlineRetryMs = "1500";
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
  });
  let tries = 0;
  await later.context().route(swJs, (route) => (++tries === 1 ? route.abort("connectionreset") : route.continue()));
  await later.goto(h.base);
  await ready(later);
  await later.waitForFunction(() => document.documentElement.dataset.offline === "failed", null, { timeout: READY_TIMEOUT_MS });
  await later.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: READY_TIMEOUT_MS });
  assert.ok(tries >= 2, `sw.js fetched ${tries} times`);
  await later.context().close();
  // A browser without service workers is told that this copy cannot be kept.
  const bare = await h.newPage();
  await bare.addInitScript(() => delete Navigator.prototype.serviceWorker);
  await bare.goto(h.base);
  await ready(bare);
  assert.equal(await bare.evaluate(() => document.documentElement.dataset.offline), "unavailable");
  assert.match(await tid(bare, "offline-status").innerText(), /cannot be kept for offline use \(the page needs https or localhost/);
  await bare.context().close();
});

/** The feature probe as assets/boot.js spells it (PROBE). */
async function bootProbe() {
  const source = await readFile(join(repo, "assets", "boot.js"), "utf8");
  const bytes = source.match(/const PROBE = new Uint8Array\(\[([\d,\s]+)\]\)/)?.[1];
  assert.ok(bytes, "no PROBE in assets/boot.js");
  return Buffer.from(
    bytes
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean)
      .map(Number),
  );
}

await h.check("the feature probe of boot.js needs every WebAssembly feature the built wasm uses", async () => {
  const probe = await bootProbe();
  const dir = await mkdtemp(join(tmpdir(), "aliansi-probe-"));
  const probeFile = join(dir, "probe.wasm");
  await writeFile(probeFile, probe);
  // The features the built wasm uses, as binaryen (the build's wasm-opt) reads them; two of its
  // names are parts of a feature the probe uses whole.
  const wasmOpt = join(repo, ".tools", "node_modules", "binaryen", "bin", "wasm-opt");
  const wasm = (await readdir(h.dist)).find((f) => f.endsWith("_bg.wasm"));
  const PART_OF = { "bulk-memory-opt": "bulk-memory", "call-indirect-overlong": "reference-types" };
  const used = [
    ...new Set(
      execFileSync(wasmOpt, ["--print-features", join(h.dist, wasm), "-o", join(dir, "out.wasm")], { encoding: "utf8" })
        .split("\n")
        .map((l) => l.trim().replace(/^--enable-/, ""))
        .filter(Boolean)
        .map((f) => PART_OF[f] ?? f),
    ),
  ];
  assert.ok(used.includes("reference-types"), `features: ${used}`);
  const validWith = (features) => {
    try {
      execFileSync(wasmOpt, ["--mvp-features", ...features.map((f) => `--enable-${f}`), probeFile, "-o", join(dir, "checked.wasm")], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  assert.ok(validWith(used), `the probe uses a feature the app's wasm does not (${used})`);
  for (const f of used) assert.ok(!validWith(used.filter((g) => g !== f)), `the probe does not need ${f}, which the app's wasm uses`);
  await rm(dir, { recursive: true, force: true });
});

await h.check("a browser whose WebAssembly lacks those features is told at once that it is too old, in both languages", async () => {
  const page = await h.newPage();
  const probe = [...(await bootProbe())];
  // As in Safari 14: the probe does not validate.
  await page.addInitScript((n) => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (b) => (b.byteLength === n ? false : validate(b));
  }, probe.length);
  await page.goto(h.base);
  const error = page.locator("#boot-error");
  await error.waitFor({ state: "visible", timeout: READY_TIMEOUT_MS });
  const text = await error.innerText();
  assert.match(text, /This browser is too old to run Aliansi: it needs Chrome or Edge 96, Firefox 79, Safari 15/);
  assert.match(text, /Peramban ini terlalu lama untuk menjalankan Aliansi/);
  assert.equal(await page.locator("#boot-retry").isVisible(), false, "trying again would not help");
  assert.equal(await page.locator("#app-ready").count(), 0);
  await h.shot(page, "too-old");
  // A current browser validates the probe: nothing is refused there.
  const fresh = await h.newPage();
  await fresh.goto(h.base);
  await ready(fresh);
  assert.equal(await fresh.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), probe), true);
  await page.context().close();
  await fresh.context().close();
});

await h.check("a boot script that never arrives (the connection dropped): after 30 s the loading screen says to check the connection and reload, in both languages", async () => {
  const page = await h.newPage();
  await page.context().route(/\/boot\.js$/, (route) => route.abort("connectionreset"));
  await page.goto(h.base);
  const stuck = tid(page, "boot-stuck");
  await page.waitForTimeout(500);
  assert.equal(await stuck.isVisible(), false, "not at once: the script may still be on its way");
  // The note waits 30 s, by a CSS animation's delay: played 60 times faster here.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Animation.enable");
  await cdp.send("Animation.setPlaybackRate", { playbackRate: 60 });
  await stuck.waitFor({ state: "visible", timeout: 5_000 });
  const text = await stuck.innerText();
  assert.match(text, /Still loading\? The page may have come only in part: check the connection, then reload the page\./);
  assert.match(text, /Masih memuat\? .* periksa koneksi, lalu muat ulang halaman\./);
  await h.shot(page, "boot-stuck");
  // Reloaded with the network back, the app starts, and the note is gone.
  await page.context().unroute(/\/boot\.js$/);
  await page.reload();
  await ready(page);
  assert.equal(await stuck.count(), 0);
  await cdp.detach().catch(() => {});
  await page.context().close();
});

await h.check("on a load that works, boot.js takes the note for a missing boot script away at once", async () => {
  const page = await h.newPage();
  await page.goto(h.base);
  await page.waitForFunction(() => !document.getElementById("boot-stuck"), null, { timeout: READY_TIMEOUT_MS });
  await ready(page);
  await page.context().close();
});

await h.check("without JavaScript the page says what it needs, and no loading screen waits for ever", async () => {
  const page = await h.newPage({ javaScriptEnabled: false });
  await page.goto(h.base);
  await page.locator("noscript").waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  assert.equal(await page.locator("#boot").isVisible(), false);
  const text = (await page.locator("body").innerText()).trim();
  assert.match(text, /Aliansi needs JavaScript and WebAssembly/);
  assert.match(text, /Aliansi memerlukan JavaScript dan WebAssembly/);
  await page.context().close();
});

await h.finish();
