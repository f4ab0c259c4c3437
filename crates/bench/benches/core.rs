//! `cargo bench -p aliansi-bench`: one run and a 10,000-run batch of the default scenario,
//! and one run of a large scenario (30 partners, 600 months). `docs/PERFORMANCE.md` turns the
//! timings into ns per partner-month.

use aliansi_bench::large_scenario;
use aliansi_sim::{presets, run_batch, simulate};

fn main() {
    divan::main();
}

#[divan::bench]
fn default_one_run() -> aliansi_sim::RunResult {
    let s = presets::default_scenario();
    simulate(divan::black_box(&s), divan::black_box(7)).unwrap()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn default_batch_10000() -> aliansi_sim::BatchSummary {
    let s = presets::default_scenario();
    run_batch(divan::black_box(&s), 2024, 10_000).unwrap()
}

#[divan::bench(sample_count = 20)]
fn large_one_run() -> aliansi_sim::RunResult {
    let s = large_scenario();
    simulate(divan::black_box(&s), divan::black_box(7)).unwrap()
}
