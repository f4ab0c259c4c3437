//! Scenarios the benchmarks run (kept here so `benches/core.rs` stays a list of timings).

use aliansi_sim::{presets, Country, CultureSpec, Scenario};

/// The large scenario of the performance budget: 30 partners over 600 months, in a calm,
/// trusting setting so that most runs go the distance (the cost of a long life is measured).
pub fn large_scenario() -> Scenario {
    let mut s = presets::default_scenario();
    let template = s.partners[0].clone();
    s.partners = (0..30)
        .map(|i| {
            let mut p = template.clone();
            p.name = format!("Partner {}", i + 1);
            p.culture = CultureSpec::Country(Country::ALL[i % Country::ALL.len()]);
            p.capacity = 20.0 + (i as f64 * 7.0) % 60.0;
            p.expected_share = 1.0 / 30.0;
            p.opportunism = 0.05;
            p.patience = 0.9;
            p
        })
        .collect();
    s.horizon_months = 600;
    s.initial_trust = 0.8;
    s.environment.rivalry = 0.1;
    s.environment.shock_rate_per_year = 0.3;
    s.governance.alliance_manager = true;
    s
}

/// Partner-months simulated by a run of `s` with `seed` (for ns per partner-month).
pub fn partner_months(s: &Scenario, seed: u64) -> u64 {
    let mut w = aliansi_sim::World::new(s, seed, false).expect("valid scenario");
    let mut n = 0;
    while w.step().is_none() {
        n += w.active().len() as u64;
    }
    n + w.active().len() as u64
}
