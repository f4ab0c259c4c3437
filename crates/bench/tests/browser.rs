//! The core benchmark in headless Chromium: the workloads of `aliansi_bench::workloads()` and
//! `maths_workloads()`,
//! timed with `performance.now()`, printing the same `BENCH target=wasm …` lines as the native
//! `examples/report.rs`. Not part of the test run (`scripts/perf.sh` runs it).
//!
//! It runs in a dedicated web worker, as the app's batches do: on the page's main thread the
//! test runner's polling and the page's own work took turns with it, and a sample's median
//! was up to half again its fastest (one run of the default scenario: 204 µs against 135 µs);
//! in a worker the two are within a few per cent.
//!
//! `WASM_BINDGEN_TEST_TIMEOUT=600 cargo test -p aliansi-bench --release --target wasm32-unknown-unknown --test browser`
//!
//! (The runner and chromedriver are set in `.cargo/config.toml` and `webdriver.json`.)
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn core_benchmark_in_the_browser() {
    use wasm_bindgen::JsCast;
    let performance = js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|w| w.performance())
        .expect("performance.now() in the worker");
    let now_ms = move || performance.now();
    for w in aliansi_bench::workloads()
        .into_iter()
        .chain(aliansi_bench::maths_workloads())
    {
        let m = aliansi_bench::measure(&w, &now_ms, None);
        console_log!("{}", m.line("wasm"));
    }
}
