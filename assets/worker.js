// The web worker of "Many futures" (a module worker started by the page, src/workers.rs). It
// runs the app's own module and wasm: the page's first message names the module (js, relative
// to this file) and hands over the page's compiled wasm (module, a WebAssembly.Module), so the
// worker neither downloads nor compiles it again. Then the Rust side
// (aliansi_app::workers::worker_entry) answers every later message.
self.addEventListener(
  "message",
  async (event) => {
    try {
      const { js, module } = event.data;
      const app = await import(new URL(js, self.location.href).href);
      await app.default({ module_or_path: module });
      app.worker_entry();
    } catch (e) {
      // Reported to the page as the worker's error event.
      setTimeout(() => {
        throw e;
      });
    }
  },
  { once: true },
);
