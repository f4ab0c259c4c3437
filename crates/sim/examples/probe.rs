//! Times a batch of the default scenario on one thread: `cargo run --release --example probe -- 2000`.
use aliansi_sim::*;
fn main() {
    let runs: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let sc = presets::default_scenario();
    let t = std::time::Instant::now();
    let s = run_batch(&sc, sc.seed, runs).unwrap();
    println!(
        "{runs} runs in {:?}: survival {:.3}",
        t.elapsed(),
        s.survival_at_horizon
    );
}
