//! `cargo bench -p aliansi-bench`: one run and a 10,000-run batch of the default scenario,
//! and one run of a large scenario (30 partners, 600 months), as divan benchmarks of the
//! workloads in `src/lib.rs`. `scripts/perf.sh` (which writes `docs/PERFORMANCE.md`) times the
//! same workloads with `examples/report.rs`, natively and in headless Chromium.

fn main() {
    divan::main();
}

#[divan::bench]
fn default_one_run() -> u64 {
    aliansi_bench::default_one_run()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn default_batch_10000() -> u64 {
    aliansi_bench::default_batch_10000()
}

#[divan::bench(sample_count = 20)]
fn large_one_run() -> u64 {
    aliansi_bench::large_one_run()
}
