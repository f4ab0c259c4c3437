// The web worker of "Many futures" (a module worker started by the page, src/workers.rs). It
// runs the app's own module and wasm: the page's first message names the module (js, relative
// to this file) and hands over the page's compiled wasm (module, a WebAssembly.Module), so the
// worker neither downloads nor compiles it again. Then the Rust side
// (aliansi_app::workers::worker_entry) answers every later message. Messages that come while
// the app loads are kept and handed to it once it answers (none is lost).
const early = [];
let loading = false;
function beforeStart(event) {
  if (loading) {
    early.push(event.data);
    return;
  }
  loading = true;
  start(event.data);
}
async function start({ js, module }) {
  try {
    const app = await import(new URL(js, self.location.href).href);
    await app.default({ module_or_path: module });
    self.removeEventListener("message", beforeStart);
    app.worker_entry();
    for (const data of early.splice(0)) self.onmessage(new MessageEvent("message", { data }));
  } catch (e) {
    // Reported to the page as the worker's error event.
    setTimeout(() => {
      throw e;
    });
  }
}
self.addEventListener("message", beforeStart);
