// Starts Aliansi. index.html loads this file instead of an inline script, so that the
// Content-Security-Policy can allow scripts from the app's own origin only. Trunk writes the
// names of the app's wasm-bindgen module and wasm file (hashed) into this tag's data-js and
// data-wasm attributes (see `pattern_script` in Trunk.toml); they are relative to the page,
// so the app works under any sub-path. Then the offline service worker (sw.js) is registered.
const tag = document.querySelector("script[data-js][data-wasm]");
const here = (path) => new URL(path, document.baseURI).href;

const bindings = await import(here(tag.dataset.js));
const wasm = await bindings.default({ module_or_path: here(tag.dataset.wasm) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

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
