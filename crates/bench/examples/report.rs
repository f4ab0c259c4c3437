//! The core benchmark natively: times every workload of `aliansi_bench::workloads()` (then the
//! pieces of its maths, `maths_workloads()`) and prints
//! one `BENCH target=native …` line each (median, fastest, ns per partner-month, checksum, and
//! the median CPU time of the thread, on Linux).
//! `tests/browser.rs` prints the same lines from headless Chromium; `scripts/perf.sh` runs both
//! in one go and computes the wasm/native ratio.
//!
//! `cargo run --release -p aliansi-bench --example report [NAME...]`
//!
//! With `--once`, each workload is called once and only its checksum printed: for counting
//! its instructions exactly (`valgrind --tool=callgrind … report --once NAME`, as
//! `scripts/perf.sh --baseline` does), which a shared machine's drifting speed cannot disturb.
use std::time::Instant;

/// This thread's CPU time in milliseconds, from Linux's /proc/thread-self/schedstat (its first
/// field: nanoseconds on a CPU); `None` elsewhere.
fn cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

fn main() {
    let mut only: Vec<String> = std::env::args().skip(1).collect();
    let once = only.iter().any(|a| a == "--once");
    only.retain(|a| a != "--once");
    let start = Instant::now();
    let now_ms = move || start.elapsed().as_secs_f64() * 1e3;
    let cpu_clock = || cpu_ms().unwrap_or(f64::NAN);
    for w in aliansi_bench::workloads()
        .into_iter()
        .chain(aliansi_bench::maths_workloads())
    {
        if !only.is_empty() && !only.iter().any(|n| n == w.name) {
            continue;
        }
        if once {
            println!("ONCE name={} checksum={:016x}", w.name, (w.run)());
            continue;
        }
        let m = aliansi_bench::measure(&w, &now_ms, cpu_ms().is_some().then_some(&cpu_clock));
        println!("{}", m.line("native"));
    }
}
