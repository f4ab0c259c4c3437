//! Golden results for the default scenario. A change to the model changes these on purpose:
//! rerun with `ALIANSI_BLESS=1 cargo test -p aliansi-sim --test golden` to rewrite the files,
//! and say why in the commit. The wasm test in the app (`tests/wasm_core.rs`) reads the same
//! checksum file and must reproduce it inside headless Chromium.

use aliansi_sim::*;
use std::path::PathBuf;

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file, or rewrites it when blessing.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("ALIANSI_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with ALIANSI_BLESS=1",
            path.display()
        )
    });
    assert_eq!(
        expected.trim(),
        actual.trim(),
        "golden file {} differs (rerun with ALIANSI_BLESS=1 if the change is intended)",
        path.display()
    );
}

/// The batch whose checksum native and wasm builds must both reproduce.
pub const CHECKSUM_RUNS: u64 = 200;

#[test]
fn batch_checksum_of_the_default_scenario() {
    let s = presets::default_scenario();
    let summary = run_batch(&s, s.seed, CHECKSUM_RUNS).unwrap();
    check_golden(
        "batch_checksum.txt",
        &format!("{:016x}\n", summary.checksum),
    );
}

#[test]
fn single_default_run() {
    let s = presets::default_scenario();
    let r = run(&s, s.seed).unwrap();
    let mut text = format!(
        "outcome: {:?}\nmonths: {}\nvalue_total: {:.6}\n",
        r.outcome, r.months, r.value_total
    );
    for (i, p) in r.payoff_total.iter().enumerate() {
        text += &format!("payoff {}: {:.6}\n", s.partners[i].name, p);
    }
    text += &format!("events: {}\n", r.events.len());
    check_golden("default_run.txt", &text);
}

#[test]
fn default_batch_summary() {
    let s = presets::default_scenario();
    let b = run_batch(&s, s.seed, 1000).unwrap();
    let text = format!(
        "runs: {}\nsurvival_at_horizon: {:.4}\nci95: {:.4} {:.4}\nmedian: {:?}\nhazard_by_year: {:?}\ncauses: {:?}\n",
        b.runs,
        b.survival_at_horizon,
        b.survival_ci95.0,
        b.survival_ci95.1,
        b.median_survival_months,
        b.hazard_by_year.iter().map(|h| format!("{h:.4}")).collect::<Vec<_>>(),
        b.causes.iter().map(|(c, n)| format!("{}={n}", c.key())).collect::<Vec<_>>(),
    );
    check_golden("default_batch.txt", &text);
}

/// One checksum over a short batch of every preset, and of the default with quarterly reviews,
/// as a minority equity stake and in a wild market (the default alone misses a change that only
/// touches, say, a joint venture or a review held more often than yearly).
fn presets_checksum() -> u64 {
    let d = presets::default_scenario();
    let mut quarterly = d.clone();
    quarterly.governance.review_months = 3;
    let mut minority = d.clone();
    minority.governance.form = Form::MinorityEquity;
    let mut wild = d.clone();
    wild.environment.volatility = 1.0;
    // A pair of which one partner puts in nothing and is paid half (model 2026-12-02: the
    // other sees that as unfair).
    let mut free_rider = presets::find("calm-pair").unwrap();
    free_rider.governance.sharing = aliansi_sim::Sharing::Equal;
    free_rider.partners[1].contribution = 0.0;
    let scenarios = presets::all()
        .into_iter()
        .map(|p| p.scenario)
        .chain([quarterly, minority, wild, free_rider]);
    scenarios.fold(0u64, |acc, s| {
        let sum = run_batch(&s, s.seed, 40).unwrap().checksum;
        acc.rotate_left(7) ^ sum
    })
}

#[test]
fn the_model_version_names_the_runs_it_gives() {
    let s = presets::default_scenario();
    let default = run_batch(&s, s.seed, CHECKSUM_RUNS).unwrap().checksum;
    let line = format!(
        "{MODEL_VERSION} default={default:016x} presets={:016x}",
        presets_checksum()
    );
    let path = golden_path("model_versions.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let listed = text
        .lines()
        .find(|l| l.split(' ').next() == Some(MODEL_VERSION));
    if std::env::var_os("ALIANSI_BLESS").is_some() && listed.is_none() {
        std::fs::write(&path, format!("{}{line}\n", text)).unwrap();
        return;
    }
    assert_eq!(
        listed,
        Some(line.as_str()),
        "the runs of the model changed but MODEL_VERSION did not: set a new MODEL_VERSION in \
         crates/sim/src/lib.rs, say what changed in docs/MODEL.md section 8, and rerun with \
         ALIANSI_BLESS=1 to add its line to {} (earlier lines stay)",
        path.display()
    );
    // Each version has its own runs: two versions with the same checksums are one.
    for l in text.lines().filter(|l| !l.starts_with(MODEL_VERSION)) {
        assert_ne!(
            l.split_once(' ').map(|x| x.1),
            line.split_once(' ').map(|x| x.1),
            "{l}"
        );
    }
}
