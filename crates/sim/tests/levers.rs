//! Levers that an audit (docs/MODEL.md 7.1) found without effect, tested where their mechanism
//! acts: market volatility wears the alliance's fit with its market, and a review held more
//! often does less each time.

use aliansi_sim::*;

/// The default scenario without random shocks, so that misfit comes from the market alone.
fn calm_default(volatility: f64, review_months: u32) -> Scenario {
    let mut s = presets::default_scenario();
    s.environment.shock_rate_per_year = 0.0;
    s.environment.volatility = volatility;
    s.governance.review_months = review_months;
    s
}

/// The misfit after each of the first `months` months (stopping early if the run ends).
fn misfit_path(s: &Scenario, seed: u64, months: u32) -> Vec<f64> {
    let mut w = World::new(s, seed, false).unwrap();
    let mut out = Vec::new();
    for _ in 0..months {
        if w.step().is_some() {
            break;
        }
        out.push(w.misfit);
    }
    out
}

#[test]
fn a_still_market_leaves_the_fit_alone_and_a_volatile_one_wears_it() {
    for seed in 0..20 {
        let still = misfit_path(&calm_default(0.0, 0), seed, 24);
        assert!(still.iter().all(|&m| m == 0.0), "seed {seed}: {still:?}");
        let mild = misfit_path(&calm_default(0.3, 0), seed, 24);
        let wild = misfit_path(&calm_default(1.0, 0), seed, 24);
        let n = mild.len().min(wild.len());
        assert!(n >= 6, "seed {seed}: the run ended in month {n}");
        // The environment's draws are the same at every volatility: the wilder market adds
        // more misfit in every month, and some in the first.
        assert!(mild[0] > 0.0, "seed {seed}");
        for k in 0..n {
            assert!(
                wild[k] > mild[k],
                "seed {seed}, month {}: {wild:?} {mild:?}",
                k + 1
            );
        }
    }
}

#[test]
fn volatility_lowers_survival_on_the_same_seeds() {
    let survival = |v: f64| {
        let mut s = presets::default_scenario();
        s.environment.volatility = v;
        run_batch(&s, 7, 600).unwrap().survival_at_horizon
    };
    let (calm, wild) = (survival(0.0), survival(1.0));
    assert!(
        calm > wild + 0.05,
        "volatility 0: {calm}, volatility 1: {wild}"
    );
}

/// The first review's cut of misfit, as a share of the misfit before it.
fn first_review_cut(review_months: u32) -> f64 {
    let s = calm_default(1.0, review_months);
    let r = run(&s, 3).unwrap();
    r.events
        .iter()
        .find_map(|e| match e.kind {
            EventKind::Review {
                misfit_before,
                misfit_after,
                ..
            } => Some(1.0 - misfit_after / misfit_before),
            _ => None,
        })
        .expect("a review")
}

#[test]
fn a_review_held_more_often_does_less_each_time() {
    let yearly = first_review_cut(12);
    assert!(yearly > 0.1, "{yearly}");
    // One every month does a twelfth of what a yearly one does, one every quarter a quarter;
    // one every two years no more than a yearly one (a partner with other adaptability may
    // have left by then, hence not equal).
    let biennial = first_review_cut(24);
    assert!(biennial < 1.1 * yearly, "{biennial} against {yearly}");
    assert!((first_review_cut(1) - yearly / 12.0).abs() < 1e-12);
    assert!((first_review_cut(3) - yearly / 4.0).abs() < 1e-12);
}
