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
//! A second test, `paired_with_native`, times wasm and native samples in turn, seconds apart,
//! so that the drift of a shared machine's speed over minutes stays out of their ratio: built
//! with `ALIANSI_BENCH_NATIVE=http://127.0.0.1:PORT` (the address of `examples/report.rs
//! --serve`), it asks that server for each native sample with a synchronous request (the worker
//! waits, idle) and prints `PAIR target=paired name=… native_ns=… wasm_ns=…` lines. Built
//! without it, it prints nothing. `scripts/perf.sh` runs both.
//!
//! `WASM_BINDGEN_TEST_TIMEOUT=600 cargo test -p aliansi-bench --release --target wasm32-unknown-unknown --test browser`
//!
//! (The runner and chromedriver are set in `.cargo/config.toml` and `webdriver.json`.)
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// The worker's `performance.now()`, in milliseconds.
fn worker_clock() -> impl Fn() -> f64 {
    use wasm_bindgen::JsCast;
    let performance = js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|w| w.performance())
        .expect("performance.now() in the worker");
    move || performance.now()
}

#[wasm_bindgen_test]
fn core_benchmark_in_the_browser() {
    let now_ms = worker_clock();
    for w in aliansi_bench::all_workloads() {
        let m = aliansi_bench::measure(&w, &now_ms, None);
        console_log!("{}", m.line("wasm"));
    }
}

/// Pairs timed per workload: at least [`MIN_PAIRS`], then more until its wasm samples have
/// taken [`PAIRED_WASM_MS`] in all, up to [`MAX_PAIRS`] (an odd number, for a median).
const MIN_PAIRS: u32 = 11;
const MAX_PAIRS: u32 = 101;
const PAIRED_WASM_MS: f64 = 20_000.0;

#[wasm_bindgen_test]
fn paired_with_native() {
    let Some(native) = option_env!("ALIANSI_BENCH_NATIVE") else {
        return;
    };
    let now_ms = worker_clock();
    // One native sample of `name`, in nanoseconds per call.
    let native_sample = |name: &str| -> f64 {
        let xhr = web_sys::XmlHttpRequest::new().expect("XMLHttpRequest");
        xhr.open_with_async("GET", &format!("{native}/sample/{name}"), false)
            .expect("open");
        xhr.send().expect("the native server answers");
        assert_eq!(xhr.status().ok(), Some(200), "native server: {name}");
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        text.trim().parse().expect("nanoseconds")
    };
    for w in aliansi_bench::all_workloads() {
        // Both sides warmed up (the native one on its first sample, untimed here).
        let checksum = aliansi_bench::warm_up(&w, &now_ms);
        native_sample(w.name);
        let mut wasm_ms = 0.0;
        let mut i = 0;
        while i < MIN_PAIRS || (wasm_ms < PAIRED_WASM_MS && i < MAX_PAIRS) || i % 2 == 0 {
            let (native_ns, wasm_ns) = if i % 2 == 0 {
                let n = native_sample(w.name);
                (n, aliansi_bench::sample(&w, &now_ms, checksum))
            } else {
                let m = aliansi_bench::sample(&w, &now_ms, checksum);
                (native_sample(w.name), m)
            };
            console_log!(
                "PAIR target=paired name={} native_ns={native_ns:.0} wasm_ns={wasm_ns:.0} checksum={checksum:016x}",
                w.name
            );
            wasm_ms += wasm_ns * w.calls_per_sample as f64 / 1e6;
            i += 1;
        }
    }
}
