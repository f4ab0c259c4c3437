// The web worker of "Many futures" (a module worker started by the page, src/workers.rs). It
// runs the app's own module and wasm, whose names the page sends in its first message
// ({ js, wasm }, relative to this file), then hands over to the Rust side
// (aliansi_app::workers::worker_entry), which answers every later message.
self.addEventListener(
  "message",
  async (event) => {
    try {
      const { js, wasm } = event.data;
      const app = await import(new URL(js, self.location.href).href);
      await app.default({ module_or_path: new URL(wasm, self.location.href).href });
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
