//! Prints the partner-months the benchmarked runs simulate, to turn timings into ns per
//! partner-month: `cargo run --release -p aliansi-bench --example partner_months`.
use aliansi_bench::{large_scenario, partner_months};
use aliansi_sim::presets;

fn main() {
    let d = presets::default_scenario();
    let l = large_scenario();
    println!(
        "default_one_run (seed 7): {} partner-months",
        partner_months(&d, 7)
    );
    let batch: u64 = (0..10_000)
        .map(|k| partner_months(&d, aliansi_sim::batch::run_seed(2024, k)))
        .sum();
    println!("default_batch_10000: {batch} partner-months");
    println!(
        "large_one_run (seed 7): {} partner-months",
        partner_months(&l, 7)
    );
}
