//! Determinism and common random numbers; chunked batches equal one batch.

use aliansi_sim::batch::{chunks, run_chunk, BatchTally};
use aliansi_sim::*;

#[test]
fn same_scenario_and_seed_give_identical_runs() {
    let s = presets::default_scenario();
    for seed in [0, 1, 99, u64::MAX] {
        assert_eq!(run(&s, seed).unwrap(), run(&s, seed).unwrap());
    }
    assert_ne!(run(&s, 1).unwrap().series, run(&s, 2).unwrap().series);
}

#[test]
fn variants_differing_in_governance_meet_the_same_market_and_shocks() {
    let base = presets::default_scenario();
    let mut variant = base.clone();
    variant.governance.resolution = vec![Resolution::Mediation];
    variant.governance.alliance_manager = true;
    variant.governance.form = Form::EquityJv;
    let mut other_partners = base.clone();
    other_partners.partners[1].culture = CultureSpec::Country(Country::US);
    other_partners.partners[2].opportunism = 0.9;
    for seed in 0..30 {
        let a = run(&base, seed).unwrap();
        for v in [&variant, &other_partners] {
            let b = run(v, seed).unwrap();
            let common = a.series.len().min(b.series.len());
            for m in 0..common {
                assert_eq!(
                    a.series[m].market.to_bits(),
                    b.series[m].market.to_bits(),
                    "seed {seed} month {m}"
                );
            }
            let shocks = |r: &RunResult| -> Vec<(u32, ShockKind)> {
                r.events
                    .iter()
                    .filter_map(|e| match e.kind {
                        EventKind::Shock {
                            kind,
                            partner: None,
                            ..
                        } => Some((e.month, kind)),
                        _ => None,
                    })
                    .filter(|(m, _)| (*m as usize) <= common)
                    .collect()
            };
            assert_eq!(shocks(&a), shocks(&b));
        }
    }
}

#[test]
fn scripted_shocks_happen_every_time() {
    let mut s = presets::default_scenario();
    s.environment.shock_rate_per_year = 0.0;
    s.environment.scripted_shocks = vec![ScriptedShock {
        month: 24,
        kind: ShockKind::DemandCollapse,
        severity: 0.6,
        partner: None,
    }];
    for seed in 0..20 {
        let r = run(&s, seed).unwrap();
        if r.months >= 24 {
            let e = r
                .events
                .iter()
                .find(|e| matches!(e.kind, EventKind::Shock { .. }))
                .expect("shock logged");
            assert_eq!(e.month, 24);
            assert!(r.series[23].market < r.series[22].market * 0.8);
        }
    }
}

#[test]
fn a_chunked_batch_equals_one_batch() {
    let s = presets::default_scenario();
    let whole = run_chunk(&s, 7, 0..300).unwrap();
    for parts in [2, 3, 7] {
        let mut tallies: Vec<BatchTally> = chunks(300, parts)
            .into_iter()
            .map(|r| run_chunk(&s, 7, r).unwrap())
            .collect();
        tallies.reverse(); // merge order must not matter
        let mut merged = BatchTally::new(s.horizon_months);
        for t in &tallies {
            merged.merge(t).unwrap();
        }
        assert_eq!(merged, whole);
        assert_eq!(merged.summary(), whole.summary());
    }
    assert_eq!(chunks(10, 3), vec![0..4, 4..7, 7..10]);
    assert_eq!(chunks(2, 8), vec![0..1, 1..2]);
}

#[test]
fn tallies_of_different_horizons_do_not_merge() {
    let mut a = BatchTally::new(120);
    assert!(a.merge(&BatchTally::new(60)).is_err());
}

#[test]
fn summary_is_coherent() {
    let s = presets::default_scenario();
    let b = run_batch(&s, 3, 400).unwrap();
    assert_eq!(b.survival_curve.len(), s.horizon_months as usize + 1);
    assert_eq!(b.survival_curve[0], 1.0);
    assert!(b.survival_curve.windows(2).all(|w| w[1] <= w[0]));
    for t in 0..b.survival_curve.len() {
        assert!(
            b.survival_low[t] <= b.survival_curve[t] && b.survival_curve[t] <= b.survival_high[t]
        );
    }
    let dissolved: u64 = b.causes.iter().map(|c| c.1).sum();
    let expect = ((1.0 - b.survival_at_horizon) * 400.0).round() as u64;
    assert_eq!(dissolved, expect);
    assert_eq!(b.hazard_by_year.len(), 10);
    assert!(b.survival_ci95.0 < b.survival_at_horizon && b.survival_at_horizon < b.survival_ci95.1);
    assert!(b.mean_value > 0.0 && (0.0..=1.0).contains(&b.mean_final_trust));
}

#[test]
fn histograms_and_comparison() {
    use aliansi_sim::batch::compare;
    let s = presets::default_scenario();
    let a = run_chunk(&s, 5, 0..400).unwrap();
    let sm = a.summary();
    assert_eq!(sm.trust_hist.iter().sum::<u64>(), 400);
    assert_eq!(sm.value_hist.iter().sum::<u64>(), 400);
    assert_eq!(sm.share_hist.len(), s.partners.len());
    assert!((sm.mean_share.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    // The same variant twice: no difference, no evidence of one.
    let c = compare(&[a.clone(), a.clone()]);
    assert_eq!(c.difference[1].0, 0.0);
    assert!(c.log_rank.p_value > 0.99);
    // A manager helps (F3): the comparison sees it clearly on 400 common seeds.
    let mut m = s.clone();
    m.governance.alliance_manager = true;
    let b = run_chunk(&m, 5, 0..400).unwrap();
    let c = compare(&[a, b]);
    assert!(
        c.difference[1].0 > 0.0 && c.log_rank.p_value < 0.05,
        "{c:?}"
    );
}
