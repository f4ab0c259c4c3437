//! The core benchmark natively: times every workload of `aliansi_bench::workloads()` and prints
//! one `BENCH target=native …` line each (median, fastest, ns per partner-month, checksum).
//! `tests/browser.rs` prints the same lines from headless Chromium; `scripts/perf.sh` runs both
//! in one go and computes the wasm/native ratio.
//!
//! `cargo run --release -p aliansi-bench --example report [NAME...]`
use std::time::Instant;

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let start = Instant::now();
    let now_ms = move || start.elapsed().as_secs_f64() * 1e3;
    for w in aliansi_bench::workloads() {
        if !only.is_empty() && !only.iter().any(|n| n == w.name) {
            continue;
        }
        let m = aliansi_bench::measure(&w, &now_ms);
        println!("{}", m.line("native"));
    }
}
