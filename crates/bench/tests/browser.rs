//! The core benchmark in headless Chromium: the workloads of `aliansi_bench::workloads()`,
//! timed with `performance.now()`, printing the same `BENCH target=wasm …` lines as the native
//! `examples/report.rs`. Not part of the test run (`scripts/perf.sh` runs it):
//!
//! `WASM_BINDGEN_TEST_TIMEOUT=600 cargo test -p aliansi-bench --release --target wasm32-unknown-unknown --test browser`
//!
//! (The runner and chromedriver are set in `.cargo/config.toml` and `webdriver.json`.)
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn core_benchmark_in_the_browser() {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now() on the page");
    let now_ms = move || performance.now();
    for w in aliansi_bench::workloads() {
        let m = aliansi_bench::measure(&w, &now_ms, None);
        console_log!("{}", m.line("wasm"));
    }
}
