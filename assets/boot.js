// Starts Aliansi. index.html loads this file instead of an inline script, so that the
// Content-Security-Policy can allow scripts from the app's own origin only. Trunk writes the
// names of the app's wasm-bindgen module and wasm file (hashed) into this tag's data-js and
// data-wasm attributes (see `pattern_script` in Trunk.toml), and scripts/offline-cache.sh adds
// data-wasm-bytes, the wasm file's size; the names are relative to the page, so the app works
// under any sub-path. Release builds also carry the wasm compressed by xz beside it
// (`…_bg.wasm.xz`, its size in data-wasm-xz-bytes; scripts/minify-js.mjs), about 19 % smaller
// than a host's own gzip, and the xz decoder the page needs for it (an ES module named in
// data-unxz, and its wasm in data-unxz-wasm): the .xz is fetched and decoded as it arrives where the browser has streams to pipe
// it through (TransformStream); the plain file is fetched elsewhere, and when the .xz does not
// decode (a proxy that changed it). From the second visit on, the wasm as decoded is also kept in
// the offline cache (beside the .xz, under the wasm's name with the .xz's hash as its query),
// so that later visits compile it without decoding again. The compiled module is kept by the
// app, which hands it to its web workers (src/workers.rs), so they neither download nor compile
// the wasm again. Then the offline service worker (sw.js) is registered.
//
// While the wasm downloads, the loading screen of index.html (#boot) shows how much has come;
// if anything fails (the network drops, or stops sending for 30 s; the host answers an error;
// the browser has no WebAssembly), it says so in both languages and offers to try again. It is
// removed once the app has started. From then on, a crash of the app (a trap of its wasm) brings
// up a notice with a button that reloads the page (watchForCrash).
// index.html's note for a page whose boot script never ran (it did not arrive), shown by the
// stylesheet after 30 s: this script runs, so it goes at once.
document.getElementById("boot-stuck")?.remove();
const tag = document.querySelector("script[data-js][data-wasm]");
const here = (path) => new URL(path, document.baseURI).href;
const boot = document.getElementById("boot");
const bar = document.getElementById("boot-progress");

// A download that stops part-way while its connection stays open (crowded Wi-Fi does this) would
// leave the bar frozen, with no message, for minutes or for ever: the browser waits on. So the
// boot's downloads (the wasm, and the modules imported before the app starts) share one watch:
// once none of them has received anything for `stallMs`, they are aborted and the loading screen
// says the app could not load, with Try again, as for a connection that broke. Only silence
// counts, never a slow pace: a network that works, even at 400 kbit/s with 400 ms round trips,
// brings bytes far more often than that. The service worker's own downloads (sw.js keeping the
// app) are not watched: nothing waits for them.
// data-stall-ms on this script's tag shortens the limit, only so that the end-to-end tests
// (tests/e2e/boot.test.mjs) need not wait 30 s for each stall; no build writes it.
const stallMs = Number(tag.dataset.stallMs) || 30_000;
const stall = new AbortController();
const stalled = new Error(`the download stalled: nothing came for ${stallMs / 1000} s · unduhan terhenti: tidak ada data selama ${stallMs / 1000} detik`);
/** Whether the first part's .xz failed to load (its decoder refused, or the file damaged): the
 * second part of the wasm then comes plain too (loadSecondPart). */
let xzFailed = false;
/** The xz decoder's wasm instance, once the page has one (loadSecondPart hands it to the app). */
let decoder = null;
let pending = 0;
let silence = 0;
let watching = true;

/** Something came (an answer, bytes, a module): the watch counts from zero again, as long as a
 * download of the boot is still on its way. */
function alive() {
  clearTimeout(silence);
  if (watching && pending > 0) silence = setTimeout(() => stall.abort(stalled), stallMs);
}

/** A download of the boot starts (+1) or ends (-1, which is a sign of life too). */
function downloading(change) {
  pending += change;
  alive();
}

/** The boot no longer waits for the network (the app has started, or could not). */
function stopWatching() {
  watching = false;
  clearTimeout(silence);
}

/** `load`, a module being imported, watched as a download. The page cannot see its bytes (nor
 * abort it): it is given up when the watch's limit passes with nothing coming to any download. */
function watched(load) {
  downloading(+1);
  const settled = load.finally(() => downloading(-1));
  const givenUp = new Promise((_, fail) => {
    if (stall.signal.aborted) fail(stalled);
    else stall.signal.addEventListener("abort", () => fail(stalled), { once: true });
  });
  return Promise.race([settled, givenUp]);
}

/** The app's wasm, compiled while it downloads (as the bytes arrive): the .xz file where this
 * browser can decode it, else the plain one, which is also the way out when the .xz came whole
 * but did not decode (say a proxy changed it). A host that answers an error, or a network that
 * fails (before the answer or during the download), is reported as it is. Whatever happens,
 * the hand-over to the service worker (HANDOVER) is settled at the end. */
async function compileWasm() {
  try {
    return await compileWasmOnce();
  } finally {
    handedOver();
  }
}

/** compileWasm's work. */
async function compileWasmOnce() {
  const xzBytes = Number(tag.dataset.wasmXzBytes) || 0;
  const decodes = xzBytes > 0 && tag.dataset.unxz && tag.dataset.unxzWasm && typeof TransformStream === "function";
  // A later visit: the wasm as an earlier visit decoded it, from the offline cache.
  const kept = decodes ? await decodedCopy() : null;
  if (kept?.response) {
    try {
      return await compile(kept.response.body ?? (await kept.response.arrayBuffer()));
    } catch (e) {
      console.warn(`Aliansi: the kept copy of the wasm did not compile (${e?.message ?? e}); decoding it again`);
      kept.cache.delete(kept.key).catch(() => {});
    }
  }
  // A host that will not serve the .xz (IIS answers 404 for a type it does not know) has the
  // plain wasm beside it: that comes instead. A network that fails is reported as it is.
  const xzBody = decodes
    ? await download(tag.dataset.wasm + ".xz", xzBytes).catch((e) => {
        if (!e.status) throw e;
        console.warn(`Aliansi: ${e.message}; loading the plain wasm`);
        return null;
      })
    : null;
  if (xzBody) {
    // (Every browser with TransformStream gives the body as a stream.)
    let body = xzBody;
    // A first visit (no offline copy of this version yet): the bytes as they come are also
    // handed to the service worker, which keeps them rather than download them again (a host
    // that forbids caching, "no-store", would otherwise send the whole file twice).
    if (!kept && window.caches) {
      const [mine, theirs] = body.tee();
      body = mine;
      handOver(tag.dataset.wasm + ".xz", theirs);
    }
    const reader = body.getReader();
    let broke = null;
    try {
      const XzReadableStream = await xzDecoder();
      // The bytes as they come, with a note when the network breaks off (or stalls).
      const source = new ReadableStream({
        async pull(out) {
          try {
            const { done, value } = await reader.read();
            if (done) out.close();
            else out.enqueue(value);
          } catch (e) {
            broke = e;
            throw e;
          }
        },
      });
      // The decoder hands out views of its own memory, which it then reuses: each is copied.
      const copy = new TransformStream({ transform: (chunk, out) => out.enqueue(chunk.slice()) });
      const [wasm, keep] = new XzReadableStream(source).pipeThrough(copy).tee();
      const compiled = compile(wasm);
      // Kept in the offline cache, so that later visits need not decode it again (from the
      // second visit on: the first has no cache yet). A copy cut short does not compile, and
      // is then deleted and decoded again.
      if (kept) kept.cache.put(kept.key, new Response(keep, { headers: { "Content-Type": "application/wasm" } })).catch(() => {});
      else keep.cancel().catch(() => {});
      const module = await compiled;
      // The decoder stops at the end of the xz data without asking for more, so the answer's
      // end is read here: until it is, the browser holds the download open (and the service
      // worker's copy of the same file waited on it for minutes).
      reader.read().then(function drain(r) { if (!r.done) return reader.read().then(drain); }).catch(() => {});
      return module;
    } catch (e) {
      if (broke) throw broke;
      if (stall.signal.aborted) throw stalled;
      // The rest of the .xz is not needed: the plain wasm comes instead.
      reader.cancel().catch(() => {});
      xzFailed = true;
      console.warn(`Aliansi: the compressed wasm did not load (${e?.message ?? e}); loading the plain one`);
    }
  }
  return compile(await download(tag.dataset.wasm, Number(tag.dataset.wasmBytes) || 0));
}

/** The xz decoder (a module, data-unxz) given its wasm (data-unxz-wasm), which the build keeps
 * apart (scripts/minify-js.mjs): fetched once, for both parts of the app's wasm (a decoder
 * refused once, by its hash, is not asked for again). Its class XzReadableStream. */
let decoderReady = null;
function xzDecoder() {
  decoderReady ??= Promise.all([
    watched(importChecked(tag.dataset.unxz, tag.dataset.unxzIntegrity)),
    download(tag.dataset.unxzWasm, 0, tag.dataset.unxzWasmIntegrity).then((body) => new Response(body).arrayBuffer()),
  ]).then(async ([{ XzReadableStream }, decoderWasm]) => {
    XzReadableStream._moduleInstance ??= (await WebAssembly.instantiate(decoderWasm, {})).instance;
    decoder = XzReadableStream._moduleInstance;
    return XzReadableStream;
  });
  return decoderReady;
}

/** The ES module `file`, checked against its Subresource Integrity hash: a modulepreload link
 * with the hash is put in first, and the import takes the module it fetched (a module whose
 * bytes differ does not load). Not in index.html, where it would take bandwidth from the page's
 * first paint: the decoder is not needed before the first bytes of the wasm have come. */
function importChecked(file, integrity) {
  if (integrity) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = here(file);
    link.integrity = integrity;
    document.head.append(link);
  }
  return import(here(file));
}

/** Where the page hands the service worker the files it has just downloaded on a first visit
 * (sw.js takes them from there when it installs, then deletes it). `handover` settles once the
 * hand-over is done, or once the page knows it hands nothing over (compileWasm settles it on
 * every way out): the worker is registered only then, so that it finds the copy. */
const HANDOVER = `aliansi ${here(".")} handover`;
let handedOver;
const handover = new Promise((done) => (handedOver = done));

/** Keeps the bytes of `file` (a stream, as they come) for the service worker (see HANDOVER).
 * A failure only means the worker downloads the file itself. */
function handOver(file, stream) {
  handedOver(
    caches
      .open(HANDOVER)
      .then((cache) => cache.put(here(file), new Response(stream)))
      .catch(() => {
        stream.cancel().catch(() => {});
        return caches.delete(HANDOVER).catch(() => {});
      }),
  );
}

/** The offline cache of this version of the app (the one that holds its .xz), and in it the
 * plain wasm an earlier visit decoded (`response`, if any), under the name `key`: the wasm's
 * with the .xz file's hash as its query, so that a copy is only ever taken for the very file
 * it was decoded from. Null where there is no such cache. */
async function decodedCopy() {
  try {
    if (!window.caches || !tag.dataset.wasmXzHash) return null;
    const prefix = `aliansi ${here(".")} `;
    const key = here(`${tag.dataset.wasm}?decoded=${tag.dataset.wasmXzHash}`);
    for (const name of await caches.keys()) {
      if (!name.startsWith(prefix) || name === HANDOVER) continue;
      const cache = await caches.open(name);
      if (!(await cache.match(here(tag.dataset.wasm + ".xz")))) continue;
      return { cache, key, response: await cache.match(key) };
    }
  } catch {
    /* no cache storage here (say a private window): decode as on a first visit */
  }
  return null;
}

/** The body of `file` (a success, else an error; with `integrity`, a Subresource Integrity hash,
 * bytes that do not match it are an error) as a stream of its bytes as they come, each
 * showing on the loading screen how much of `total` bytes (the file's size from the build) has
 * come (a host that compresses sends fewer bytes than that, but the body counted here is the
 * one the host was given) and telling the watch that the network is alive. The download ends,
 * for the watch, once its body has all come, has failed or is cancelled. A browser that gives
 * no body stream gets the bytes whole, watched only until the answer starts (the page cannot
 * tell a slow body from a stalled one there).
 *
 * A connection that breaks part-way (a phone hotspot that drops for a moment) does not start
 * the download again from nothing: the rest is asked for (resumeFrom) and the stream goes on
 * where it stopped; one that drops before the answer is asked again. Up to RESUMES times in
 * all, after a pause that doubles each time. Not for a file with an integrity hash (the
 * browser checks a hash on a whole answer only), nor after the watch has given up (a stall). */
async function download(file, total, integrity = "") {
  const url = here(file);
  downloading(+1);
  let response;
  let resumes = 0;
  for (;;) {
    try {
      response = await fetch(url, { signal: stall.signal, integrity });
      break;
    } catch (e) {
      // No answer at all (the network dropped): asked again, as a break part-way is. (Not
      // with a hash: bytes that do not match it fail the same way, and would only wait.)
      if (integrity || stall.signal.aborted || resumes >= RESUMES) {
        downloading(-1);
        throw e;
      }
      await pause(resumes++);
    }
  }
  if (!response.ok) {
    downloading(-1);
    throw Object.assign(new Error(`the server answered ${response.status} for ${url}`), { status: response.status });
  }
  if (!response.body) {
    downloading(-1);
    return response.arrayBuffer();
  }
  let reader = response.body.getReader();
  let received = 0;
  let open = true;
  const end = () => {
    if (open) downloading(-1);
    open = false;
  };
  return new ReadableStream({
    async pull(out) {
      let next;
      for (;;) {
        try {
          next = await reader.read();
          break;
        } catch (e) {
          if (integrity || stall.signal.aborted || resumes >= RESUMES) {
            end();
            throw e;
          }
          await pause(resumes++);
          try {
            reader = await resumeFrom(url, response, received);
          } catch {
            end();
            throw e;
          }
          console.warn(`Aliansi: the download of ${file} broke off after ${received} bytes (${e?.message ?? e}); going on from there`);
        }
      }
      if (next.done) {
        end();
        out.close();
        return;
      }
      received += next.value.byteLength;
      if (bar && total) bar.value = Math.min(received / total, 1);
      alive();
      out.enqueue(next.value);
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
}

/** How often a download that breaks off is taken up again, and the first pause before it. */
const RESUMES = 4;
const RESUME_PAUSE_MS = 500;
/** The pause before try `n` (from 0) to take a download up again: 0.5, 1, 2, 4 s. */
const pause = (n) => new Promise((wait) => setTimeout(wait, RESUME_PAUSE_MS * 2 ** n));

/** A reader of the bytes of `url` from byte `from` on, for a download whose first answer was
 * `first` and which broke off after `from` bytes of its body. Where that answer came as it is
 * stored (no Content-Encoding), only the rest is asked for (a Range request, with If-Range so
 * that a file changed since is sent whole instead); a host that sends the whole file again
 * (200: no ranges, or a compressed answer, whose bytes a range would not count alike) has its
 * first `from` bytes skipped. Fails where neither can be had. */
async function resumeFrom(url, first, from) {
  const validator = first.headers.get("ETag") ?? first.headers.get("Last-Modified");
  const ranged = from > 0 && !first.headers.get("Content-Encoding") && validator;
  const headers = ranged ? { Range: `bytes=${from}-`, "If-Range": validator } : {};
  const again = await fetch(url, { signal: stall.signal, headers, cache: "no-store" });
  alive();
  const reader = again.body?.getReader();
  if (!reader) throw new Error("no body");
  if (again.status === 206 && (again.headers.get("Content-Range") ?? "").startsWith(`bytes ${from}-`)) {
    return reader;
  }
  if (again.status !== 200) {
    reader.cancel().catch(() => {});
    throw new Error(`the server answered ${again.status}`);
  }
  // The whole file again: its first `from` bytes have come already.
  let skip = from;
  return {
    async read() {
      for (;;) {
        const next = await reader.read();
        if (next.done || skip === 0) return next;
        if (next.value.byteLength <= skip) {
          skip -= next.value.byteLength;
          continue;
        }
        const rest = next.value.subarray(skip);
        skip = 0;
        return { done: false, value: rest };
      }
    },
    cancel: (reason) => reader.cancel(reason),
  };
}

/** Compiles wasm bytes (a stream or a buffer) as application/wasm, whatever type the host gave. */
async function compile(bytes) {
  const wasm = new Response(bytes, { headers: { "Content-Type": "application/wasm" } });
  return typeof WebAssembly.compileStreaming === "function"
    ? WebAssembly.compileStreaming(wasm)
    : WebAssembly.compile(await wasm.arrayBuffer());
}

/** The WebAssembly features the app's wasm uses, as Rust and wasm-bindgen build it: reference
 * types, multiple results, bulk memory, saturating float-to-int conversion, sign extension and
 * mutable globals, each used once in this module (`tests/e2e/boot.test.mjs` checks that it needs
 * every feature the built wasm uses). A browser without one of them (before Chrome and Edge 96,
 * Firefox 79 and Safari 15) cannot compile the app: it is told so at once, rather than after
 * the download, with a message that the connection was at fault. */
const PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 5, 3, 1, 0, 1, 6, 6, 1, 127, 1, 65, 0, 11, 7, 9, 2, 1, 103, 3, 0, 1,
  102, 0, 0, 10, 30, 1, 28, 0, 208, 111, 26, 65, 0, 65, 0, 65, 0, 252, 11, 0, 68, 0, 0, 0, 0, 0, 0, 0, 0, 252, 2, 192, 65, 0, 11,
]);
const tooOld = typeof WebAssembly === "object" && !WebAssembly.validate(PROBE);

/** The loading screen says why the app could not start, with a button to try again (where
 * trying again can help). */
function failed(error) {
  const reason = error?.message ?? String(error);
  const cannot = typeof WebAssembly !== "object" || tooOld;
  // One line each language (the message keeps its line breaks), then what the browser said.
  const text = typeof WebAssembly !== "object"
    ? "This browser cannot run Aliansi: it has no WebAssembly. Please use a current Chrome, Edge, Firefox or Safari.\nPeramban ini tidak dapat menjalankan Aliansi karena tidak mendukung WebAssembly. Gunakan Chrome, Edge, Firefox, atau Safari versi terbaru."
    : tooOld
      ? "This browser is too old to run Aliansi: it needs Chrome or Edge 96, Firefox 79, Safari 15 (iPhone and iPad: iOS 15) or newer. Please update it, or use another browser.\nPeramban ini terlalu lama untuk menjalankan Aliansi: diperlukan Chrome atau Edge 96, Firefox 79, Safari 15 (iPhone dan iPad: iOS 15), atau yang lebih baru. Perbarui peramban ini, atau gunakan peramban lain."
      : `Aliansi could not load. Check the connection and try again.\nAliansi gagal dimuat. Periksa koneksi, lalu coba lagi.\n(${reason})`;
  const message = document.getElementById("boot-error");
  const retry = document.getElementById("boot-retry");
  if (!boot || !message || !retry) return;
  bar?.setAttribute("hidden", "");
  document.getElementById("boot-status")?.setAttribute("hidden", "");
  message.textContent = text;
  message.hidden = false;
  if (cannot) return;
  retry.hidden = false;
  retry.addEventListener("click", () => location.reload(), { once: true });
  retry.focus();
}

try {
  if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
  if (tooOld) throw new Error("a WebAssembly without the features the app uses");
  // The module and the wasm are fetched at the same time (the wasm's preload link has started it).
  // A page that the offline copy serves has the wasm's second part at hand in the same cache:
  // it is compiled beside the first and given to the app before it starts (the app may call
  // into it at any time, and offline it could not be downloaded then: a synchronous download
  // does not reach the service worker). A first visit fetches it once the page is interactive.
  const controlled = Boolean(tag.dataset.cold && navigator.serviceWorker?.controller);
  const [bindings, module, second] = await Promise.all([
    watched(import(here(tag.dataset.js))),
    compileWasm(),
    controlled ? secondPartAtHand() : null,
  ]);
  stopWatching();
  if (second) bindings.__split_ready?.(second);
  const wasm = await bindings.default({ module_or_path: module });
  window.wasmBindings = bindings;
  boot?.remove();
  watchForCrash();
  if (second) bindings.__split_ready?.(second);
  else loadSecondPart(bindings);
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (e) {
  stopWatching();
  handedOver();
  // Aborted by the watch, the downloads fail with the browser's words for an abort: it says why.
  failed(stall.signal.aborted ? stalled : e);
}

/** The second part of the app's wasm (data-cold: the functions a first visit does not run,
 * split off by the build, crates/split): fetched once the app runs and has drawn its page (its
 * .xz, data-cold-xz, where the first part came so; else the plain file),
 * compiled and handed to the app, which instantiates it at once and draws the panels that wait
 * for it (Many futures, the experiments, the sweep, About). A download that fails is tried
 * again after 2, 6, 18, 54 and 162 s, and as soon as the browser is back online. Should the app
 * call one of its functions before it is in, the app's module downloads it itself, at once
 * (synchronously: the page waits for it). */
const SECOND_PART_RETRIES = 5;
let secondPartTries = 0;
async function loadSecondPart(bindings) {
  const file = tag.dataset.cold;
  if (!file || typeof bindings.__split_ready !== "function") return;
  // Should the app need the part before it is in, it downloads the .xz, and decodes it with
  // the page's decoder; once decoded here, it takes these bytes.
  if (decoder && !xzFailed) bindings.__split_unxz?.(decoder);
  try {
    // After the page is drawn (the app's marker is in it): the first load is what comes before.
    for (let i = 0; i < 200 && !document.getElementById("app-ready"); i++) await new Promise((later) => setTimeout(later, 50));
    await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0)));
    if (bindings.__split_done()) return;
    const packed = await secondPartXz();
    const bytes = packed ?? (await fetchBytes(file));
    if (!bindings.__split_done()) bindings.__split_bytes?.(new Uint8Array(bytes));
    const module = await WebAssembly.compile(bytes);
    if (!bindings.__split_done()) bindings.__split_ready(module);
    if (packed) keepSecondPart(bytes);
  } catch (e) {
    if (bindings.__split_done()) return;
    console.warn(`Aliansi: the app's second part did not load (${e?.message ?? e}); trying again`);
    if (secondPartTries === 0) addEventListener("online", () => loadSecondPart(bindings));
    if (secondPartTries < SECOND_PART_RETRIES) setTimeout(() => loadSecondPart(bindings), 2000 * 3 ** secondPartTries++);
  }
}

/** The second part as decoded from its .xz, put into the offline cache under the plain file's
 * name once the service worker has saved the app (the cache keeps only the .xz): should the app
 * call for the part before it is in, offline, the synchronous download of the glue module
 * (which asks for the plain file) is answered from there. */
async function keepSecondPart(bytes) {
  try {
    if (!window.caches || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    await navigator.serviceWorker.ready;
    const prefix = `aliansi ${here(".")} `;
    for (const name of await caches.keys()) {
      if (!name.startsWith(prefix) || name === HANDOVER) continue;
      const cache = await caches.open(name);
      if (!(await cache.match(here(tag.dataset.coldXz))) || (await cache.match(here(tag.dataset.cold)))) continue;
      await cache.put(here(tag.dataset.cold), new Response(bytes, { headers: { "Content-Type": "application/wasm" } }));
    }
  } catch {
    /* no cache storage here: the part loads from the network when needed */
  }
}

/** The second part compiled, from the offline cache: the copy decoded by an earlier visit
 * (keepSecondPart), else its .xz decoded now; null if neither is there (it is then fetched as on
 * a first visit). */
async function secondPartAtHand() {
  try {
    const cache = await caches.match(here(tag.dataset.cold));
    const bytes = cache ? await cache.arrayBuffer() : await secondPartXz();
    return bytes ? await WebAssembly.compile(bytes) : null;
  } catch (e) {
    console.warn(`Aliansi: the app's second part is not at hand (${e?.message ?? e}); fetching it`);
    return null;
  }
}

/** The bytes of `file`, or an error that says why not. */
async function fetchBytes(file) {
  const response = await fetch(here(file));
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

/** The second part decoded from its .xz (data-cold-xz), where this browser decodes xz as it
 * does the first part; null elsewhere, or when the .xz fails (the plain file comes instead). */
async function secondPartXz() {
  if (xzFailed || !tag.dataset.coldXz || !tag.dataset.unxz || !tag.dataset.unxzWasm || typeof TransformStream !== "function") return null;
  try {
    const XzReadableStream = await xzDecoder();
    const packed = await fetchBytes(tag.dataset.coldXz);
    // The decoder hands out views of its own memory, which it then reuses: each is copied.
    const copy = new TransformStream({ transform: (chunk, out) => out.enqueue(chunk.slice()) });
    return await new Response(new XzReadableStream(new Response(packed).body).pipeThrough(copy)).arrayBuffer();
  } catch (e) {
    console.warn(`Aliansi: the app's compressed second part did not load (${e?.message ?? e}); loading the plain one`);
    return null;
  }
}

/** Once the app runs: a trap of its wasm (a bug; a panic ends in one) leaves a page that no
 * longer answers. A notice at the top says so in both languages and offers to reload, which
 * brings back the scenario being edited (the tab keeps a working copy, src/url.rs) and the saved
 * ones (local storage). Other errors (say an extension's) are not the app's and are left alone. */
function watchForCrash() {
  const trap = (e) => typeof WebAssembly === "object" && e instanceof WebAssembly.RuntimeError;
  const show = () => {
    if (document.getElementById("crash")) return;
    const box = document.createElement("div");
    box.id = "crash";
    box.className = "crash";
    box.setAttribute("role", "alert");
    box.dataset.testid = "crash";
    const text = document.createElement("p");
    text.textContent =
      "Aliansi stopped because of an error in the app. Reload the page to go on: the scenario you were editing comes back.\n" +
      "Aliansi berhenti karena ada galat di aplikasi. Muat ulang halaman untuk melanjutkan: skenario yang sedang Anda ubah akan kembali.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload · Muat ulang";
    // The tab's working copy (the scenario, the variants) comes back; the run's position and
    // the view do not (src/components/share.rs, "aliansi.view.v1"): replaying to the state
    // that failed could fail again.
    reload.addEventListener(
      "click",
      () => {
        try {
          sessionStorage.removeItem("aliansi.view.v1");
        } catch {
          // Storage refused: reload all the same.
        }
        location.reload();
      },
      { once: true },
    );
    box.append(text, reload);
    document.body.prepend(box);
    reload.focus();
  };
  addEventListener("error", (e) => trap(e.error) && show());
  addEventListener("unhandledrejection", (e) => trap(e.reason) && show());
}

// Offline use: sw.js keeps the built files in a cache (scope: the folder of the page).
// Registered once the page has loaded, so that the first visit downloads the app first.
// The state is published for the page (components/library.rs shows it) as the attribute
// data-offline on <html> and an "aliansi-offline" event: "saving" (first visit, caching),
// "ready" (works offline), "update" (a new version is cached and opens once every Aliansi
// tab is closed), "failed" (the registration or the caching was interrupted; tried again as
// soon as the browser is back online, after a while, and on the next visit: retryOffline),
// "unavailable" (no service worker here: the browser has none, or the page is
// not a secure context, e.g. plain http) or "off" (a debug build, which caches nothing).
function offline(state) {
  if (document.documentElement.dataset.offline === state) return;
  document.documentElement.dataset.offline = state;
  dispatchEvent(new CustomEvent("aliansi-offline", { detail: state }));
}

async function cachesFiles(worker) {
  const reply = new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => ok(e.data?.files > 0);
    worker.postMessage("aliansi-version", [channel.port2]);
    setTimeout(() => ok(true), 3000);
  });
  return reply;
}

// A first visit whose offline copy failed (the hotspot dropped while it was being saved) tries
// again while the page stays open: at once when the browser says it is back online, and after
// 30 s, 1, 2, 4 and 8 minutes (each try downloads what the offline copy still lacks, so they
// are few and spaced). A student who opened the app before class then leaves with it saved.
const RETRY_MS = Number(tag.dataset.offlineRetryMs) || 30_000;
const RETRIES = 5;
let retries = 0;
let retryTimer = 0;
function retryOffline() {
  offline("failed");
  clearTimeout(retryTimer);
  if (retries >= RETRIES) return;
  retryTimer = setTimeout(() => {
    retries += 1;
    registerWorker();
  }, RETRY_MS * 2 ** retries);
}
addEventListener("online", () => {
  if (document.documentElement.dataset.offline !== "failed") return;
  clearTimeout(retryTimer);
  registerWorker();
});

async function registerWorker() {
  try {
    await handover;
    const reg = await navigator.serviceWorker.register(here("sw.js"));
    const watch = (worker) => {
      if (!worker) return;
      const had = navigator.serviceWorker.controller !== null;
      if (!had) offline("saving");
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && had) offline("update");
        // Caching failed (say the network dropped): tried again (retryOffline).
        if (worker.state === "redundant" && !had && !navigator.serviceWorker.controller) retryOffline();
      });
    };
    if (reg.waiting && navigator.serviceWorker.controller) offline("update");
    watch(reg.installing);
    reg.addEventListener("updatefound", () => watch(reg.installing));
    const ready = await navigator.serviceWorker.ready;
    if (document.documentElement.dataset.offline !== "update") {
      offline((await cachesFiles(ready.active)) ? "ready" : "off");
    }
    // Asks the browser to keep the offline copy and the saved scenarios when the device runs
    // short of space (a trainer prepares devices days before the class). Chromium and Safari
    // grant or refuse without asking; Firefox asks.
    if (document.documentElement.dataset.offline !== "off" && navigator.storage?.persist) {
      if (!(await navigator.storage.persisted())) navigator.storage.persist().catch(() => {});
    }
  } catch (e) {
    // This browser has service workers (see below): the registration failed on its way, most
    // often because the download of sw.js broke off (after the browser's own tries). That is
    // no lasting lack: tried again (retryOffline), and on the next visit.
    retryOffline();
    console.warn(`Aliansi: the offline copy could not be registered (${e?.message ?? e}); trying again`);
  }
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  if (document.readyState === "complete") registerWorker();
  else addEventListener("load", registerWorker, { once: true });
} else {
  offline("unavailable");
}
