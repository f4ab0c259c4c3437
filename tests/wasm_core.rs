//! The simulation core inside a real browser (headless Chromium through
//! wasm-bindgen-test-runner): it must give bit-for-bit the results it gives natively.
//!
//! Run with `cargo test -p aliansi-app --target wasm32-unknown-unknown --test wasm_core`
//! (scripts/test.sh does).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Checksum of `run_batch(default_scenario(), 2024, 200)` computed natively; kept up to date
/// by the core's own native test whenever the model changes.
const GOLDEN: &str = include_str!("../crates/sim/tests/golden/batch_checksum.txt");

#[wasm_bindgen_test]
fn batch_checksum_matches_native_golden() {
    let golden = u64::from_str_radix(GOLDEN.trim(), 16).expect("golden checksum is 16 hex digits");
    let summary =
        aliansi_sim::run_batch(&aliansi_sim::presets::default_scenario(), 2024, 200).unwrap();
    assert_eq!(summary.runs, 200);
    assert_eq!(
        format!("{:016x}", summary.checksum),
        format!("{golden:016x}"),
        "the wasm build of the core differs from the native golden value \
         (crates/sim/tests/golden/batch_checksum.txt); if the model changed on purpose, \
         the golden file must be regenerated natively"
    );
}

#[wasm_bindgen_test]
fn default_run_completes_with_finite_trust() {
    let s = aliansi_sim::presets::default_scenario();
    let r = aliansi_sim::run(&s, s.seed).unwrap();
    assert!(
        r.months >= 1 && r.months <= s.horizon_months,
        "months = {}",
        r.months
    );
    assert_eq!(r.series.len(), r.months as usize);
    assert!(r.final_mean_trust.is_finite());
    for m in &r.series {
        assert!(
            m.mean_trust.is_finite() && (0.0..=1.0).contains(&m.mean_trust),
            "month {}: {}",
            m.month,
            m.mean_trust
        );
    }
    if let aliansi_sim::Outcome::Dissolved { month, .. } = r.outcome {
        assert_eq!(month, r.months);
    } else {
        assert_eq!(r.months, s.horizon_months);
    }
}
