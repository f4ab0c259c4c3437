// Starts Aliansi. index.html loads this file instead of an inline script, so that the
// Content-Security-Policy can allow scripts from the app's own origin only. Trunk writes the
// names of the app's wasm-bindgen module and wasm file (hashed) into this tag's data-js and
// data-wasm attributes (see `pattern_script` in Trunk.toml), and scripts/offline-cache.sh adds
// data-wasm-bytes, the wasm file's size; the names are relative to the page, so the app works
// under any sub-path. Release builds also carry the wasm gzipped by zopfli beside it
// (`…_bg.wasm.gz`, its size in data-wasm-gz-bytes; scripts/minify-js.mjs), about 5 % smaller
// than a host's own gzip: it is fetched where the browser can inflate it (DecompressionStream),
// the plain file elsewhere. The compiled module is kept by the app, which hands it to its web
// workers (src/workers.rs), so they neither download nor compile the wasm again. Then the
// offline service worker (sw.js) is registered.
//
// While the wasm downloads, the loading screen of index.html (#boot) shows how much has come;
// if anything fails (the network drops, the host answers an error, the browser has no
// WebAssembly), it says so in both languages and offers to try again. It is removed once the
// app has started.
const tag = document.querySelector("script[data-js][data-wasm]");
const here = (path) => new URL(path, document.baseURI).href;
const boot = document.getElementById("boot");
const bar = document.getElementById("boot-progress");

/** The app's wasm, compiled while it downloads (as the bytes arrive). The download's progress
 * shows on the loading screen, against the file's size from the build: a host that compresses
 * sends fewer bytes than that, but the body counted here is the one the host was given. */
async function compileWasm() {
  const gzBytes = Number(tag.dataset.wasmGzBytes) || 0;
  const gzipped = gzBytes > 0 && typeof DecompressionStream === "function";
  const url = here(tag.dataset.wasm + (gzipped ? ".gz" : ""));
  const total = gzipped ? gzBytes : Number(tag.dataset.wasmBytes) || 0;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
  let body = response.body;
  if (body && total && bar && typeof TransformStream === "function") {
    let received = 0;
    body = body.pipeThrough(
      new TransformStream({
        transform(chunk, out) {
          received += chunk.byteLength;
          bar.value = Math.min(received / total, 1);
          out.enqueue(chunk);
        },
      }),
    );
  }
  if (gzipped) body = await inflated(body);
  // Compiled as application/wasm whatever type the host gave the file.
  const wasm = new Response(body ?? (await response.arrayBuffer()), { headers: { "Content-Type": "application/wasm" } });
  return typeof WebAssembly.compileStreaming === "function"
    ? WebAssembly.compileStreaming(wasm)
    : WebAssembly.compile(await wasm.arrayBuffer());
}

/** `body` inflated if it is gzip (it starts with 1f 8b); as it is if the host sent the file
 * with Content-Encoding: gzip, which the browser has inflated already. */
async function inflated(body) {
  const reader = body.getReader();
  const head = [];
  let size = 0;
  while (size < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    size += value.byteLength;
  }
  const byte = (i) => {
    for (const chunk of head) {
      if (i < chunk.byteLength) return chunk[i];
      i -= chunk.byteLength;
    }
    return -1;
  };
  const whole = new ReadableStream({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return byte(0) === 0x1f && byte(1) === 0x8b ? whole.pipeThrough(new DecompressionStream("gzip")) : whole;
}

/** The loading screen says why the app could not start, with a button to try again. */
function failed(error) {
  const reason = error?.message ?? String(error);
  // One line each language (the message keeps its line breaks), then what the browser said.
  const text = typeof WebAssembly !== "object"
    ? "This browser cannot run Aliansi: it has no WebAssembly. Please use a current Chrome, Edge, Firefox or Safari.\nPeramban ini tidak dapat menjalankan Aliansi karena tidak mendukung WebAssembly. Gunakan Chrome, Edge, Firefox, atau Safari versi terbaru."
    : `Aliansi could not load. Check the connection and try again.\nAliansi gagal dimuat. Periksa koneksi, lalu coba lagi.\n(${reason})`;
  const message = document.getElementById("boot-error");
  const retry = document.getElementById("boot-retry");
  if (!boot || !message || !retry) return;
  bar?.setAttribute("hidden", "");
  document.getElementById("boot-status")?.setAttribute("hidden", "");
  message.textContent = text;
  message.hidden = false;
  retry.hidden = false;
  retry.addEventListener("click", () => location.reload(), { once: true });
  retry.focus();
}

try {
  if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
  // The module and the wasm are fetched at the same time (the wasm's preload link has started it).
  const [bindings, module] = await Promise.all([import(here(tag.dataset.js)), compileWasm()]);
  const wasm = await bindings.default({ module_or_path: module });
  window.wasmBindings = bindings;
  boot?.remove();
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (e) {
  failed(e);
}

// Offline use: sw.js keeps the built files in a cache (scope: the folder of the page).
// Registered once the page has loaded, so that the first visit downloads the app first.
// The state is published for the page (components/library.rs shows it) as the attribute
// data-offline on <html> and an "aliansi-offline" event: "saving" (first visit, caching),
// "ready" (works offline), "update" (a new version is cached and opens once every Aliansi
// tab is closed), "failed" (caching was interrupted; tried again on the next visit),
// "unavailable" (no service worker here, e.g. plain http) or "off" (a debug build, which
// caches nothing).
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

async function registerWorker() {
  try {
    const reg = await navigator.serviceWorker.register(here("sw.js"));
    const watch = (worker) => {
      if (!worker) return;
      const had = navigator.serviceWorker.controller !== null;
      if (!had) offline("saving");
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && had) offline("update");
        // Caching failed (say the network dropped): tried again on the next visit.
        if (worker.state === "redundant" && !had && !navigator.serviceWorker.controller) offline("failed");
      });
    };
    if (reg.waiting && navigator.serviceWorker.controller) offline("update");
    watch(reg.installing);
    reg.addEventListener("updatefound", () => watch(reg.installing));
    const ready = await navigator.serviceWorker.ready;
    if (document.documentElement.dataset.offline !== "update") {
      offline((await cachesFiles(ready.active)) ? "ready" : "off");
    }
  } catch (e) {
    offline("unavailable");
    console.warn(`Aliansi: offline use is not available (${e?.message ?? e})`);
  }
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  if (document.readyState === "complete") registerWorker();
  else addEventListener("load", registerWorker, { once: true });
} else {
  offline("unavailable");
}
