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
function registerWorker() {
  navigator.serviceWorker.register(here("sw.js")).catch((e) => {
    console.warn(`Aliansi: offline use is not available (${e?.message ?? e})`);
  });
}
if ("serviceWorker" in navigator && window.isSecureContext) {
  if (document.readyState === "complete") registerWorker();
  else addEventListener("load", registerWorker, { once: true });
}
