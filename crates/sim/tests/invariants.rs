//! Invariants over many random valid scenarios and seeds (proptest): every state finite and in
//! range, payoffs add up to what was distributed, exits consistent with the log.

use aliansi_sim::*;
use proptest::prelude::*;

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64]
}

fn culture() -> impl Strategy<Value = CultureSpec> {
    prop_oneof![
        (0..Country::ALL.len()).prop_map(|i| CultureSpec::Country(Country::ALL[i])),
        proptest::array::uniform6(0.0..=120.0f64)
            .prop_map(|d| CultureSpec::Custom(Culture::from_dims(d))),
    ]
}

fn partner() -> impl Strategy<Value = Partner> {
    (
        culture(),
        proptest::array::uniform5(unit()),
        prop_oneof![Just(0.001), Just(10_000.0), 0.001..10_000.0f64],
        (unit(), unit(), unit(), unit(), unit(), unit()),
    )
        .prop_map(
            |(
                culture,
                mut goals,
                capacity,
                (
                    contribution,
                    expected_share,
                    opportunism,
                    learning_intent,
                    adaptability,
                    patience,
                ),
            )| {
                if goals.iter().sum::<f64>() <= 0.0 {
                    goals[0] = 1.0;
                }
                Partner {
                    name: "P".into(),
                    culture,
                    goals,
                    capacity,
                    contribution: contribution.max(0.01),
                    expected_share,
                    opportunism,
                    learning_intent,
                    adaptability,
                    patience,
                }
            },
        )
}

fn ladder() -> impl Strategy<Value = Vec<Resolution>> {
    Just(Resolution::ALL.to_vec())
        .prop_shuffle()
        .prop_flat_map(|v| (1..=5usize).prop_map(move |k| v[..k].to_vec()))
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        1..=240u32,
        proptest::collection::vec(partner(), 2..=8),
        (
            0..3usize,
            0..3usize,
            0..3usize,
            unit(),
            unit(),
            unit(),
            0..=36u32,
            0.0..=60.0f64,
            any::<bool>(),
        ),
        ladder(),
        (unit(), -0.5..=0.5f64, 0.0..=12.0f64, unit(), unit(), unit()),
        proptest::collection::vec((1..=240u32, 0..7usize, unit(), 0..8usize), 0..4),
        unit(),
    )
        .prop_map(
            |(horizon, partners, gv, resolution, ev, shocks, initial_trust)| {
                let n = partners.len();
                let (
                    form,
                    rule,
                    sharing,
                    transparency,
                    monitoring,
                    compliance,
                    review_months,
                    exit_penalty_months,
                    alliance_manager,
                ) = gv;
                let sharing = match sharing {
                    0 => Sharing::Equal,
                    1 => Sharing::Proportional,
                    _ => {
                        Sharing::Fixed((0..n).map(|i| (1.0 + i as f64) / (n * n) as f64).collect())
                    }
                };
                Scenario {
                    horizon_months: horizon,
                    seed: 0,
                    initial_trust,
                    partners,
                    governance: Governance {
                        form: [Form::Contract, Form::MinorityEquity, Form::EquityJv][form],
                        decision_rule: [
                            DecisionRule::Consensus,
                            DecisionRule::Majority,
                            DecisionRule::LeadPartner,
                        ][rule],
                        transparency,
                        monitoring,
                        sharing,
                        review_months,
                        exit_penalty_months,
                        compliance,
                        alliance_manager,
                        resolution,
                    },
                    environment: Environment {
                        volatility: ev.0,
                        growth: ev.1,
                        shock_rate_per_year: ev.2,
                        shock_severity: ev.3,
                        regulatory_strictness: ev.4,
                        rivalry: ev.5,
                        scripted_shocks: shocks
                            .into_iter()
                            .map(|(m, k, sev, p)| ScriptedShock {
                                month: m.min(horizon).max(1),
                                kind: ShockKind::ALL[k],
                                severity: sev,
                                partner: Some(p % n),
                            })
                            .collect(),
                    },
                }
            },
        )
}

fn in_unit(x: f64) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

fn check_world(w: &World) -> Result<(), TestCaseError> {
    let n = w.n();
    prop_assert!(
        w.market.is_finite() && w.market > 0.0,
        "market {}",
        w.market
    );
    prop_assert!(in_unit(w.misfit) && in_unit(w.tension) && in_unit(w.goal_alignment));
    prop_assert!(w.cultural_friction.is_finite() && w.cultural_friction >= 0.0);
    prop_assert!(
        w.value.is_finite() && w.value >= 0.0 && w.distributed.is_finite() && w.distributed >= 0.0
    );
    prop_assert!(w.distributed <= w.value + 1e-9);
    for t in &w.trust {
        prop_assert!(in_unit(*t), "trust {t}");
    }
    for f in &w.familiarity {
        prop_assert!(in_unit(*f));
    }
    for c in w.challenge_health() {
        prop_assert!(in_unit(c), "challenge health {c}");
    }
    let mut paid = 0.0;
    for p in &w.partners {
        prop_assert!(in_unit(p.satisfaction) && in_unit(p.knowledge) && in_unit(p.goal_fit));
        prop_assert!(p.withholding.is_finite() && (0.0..=0.95).contains(&p.withholding));
        prop_assert!(p.relevance >= 0.2 && p.relevance <= 1.0);
        prop_assert!(p.capacity.is_finite() && p.capacity > 0.0);
        prop_assert!(p.fairness.is_finite() && p.fairness > 0.0);
        prop_assert!(in_unit(p.expected_share));
        prop_assert!(
            p.input.is_finite() && p.input >= 0.0 && p.payoff.is_finite() && p.payoff >= 0.0
        );
        prop_assert!((p.goals().iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // A partner that left this month was paid for it first.
        if p.active || p.exit_month == Some(w.month) {
            paid += p.payoff;
        } else {
            prop_assert_eq!(p.payoff, 0.0);
        }
    }
    // This month's payoffs add up to what was distributed.
    prop_assert!(
        (paid - w.distributed).abs() <= 1e-9 * w.distributed.max(1.0),
        "paid {paid} vs {}",
        w.distributed
    );
    for d in &w.disputes {
        prop_assert!(
            d.a < n && d.b < n && d.a != d.b && w.partners[d.a].active && w.partners[d.b].active
        );
        prop_assert!(in_unit(d.severity));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn every_state_stays_finite_and_in_range(s in scenario(), seed in any::<u64>()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        let mut w = World::new(&s, seed, true).unwrap();
        let mut months = 0;
        while w.step().is_none() {
            months += 1;
            prop_assert!(months <= s.horizon_months);
            check_world(&w)?;
            // The monthly series and the fairness gauge read the same balance.
            let recorded = w.series.last().map(|m| m.fairness);
            prop_assert_eq!(recorded, Some(w.challenge_health()[2]));
        }
        check_world(&w)?;
        prop_assert!(w.month <= s.horizon_months);

        // Over the whole run, what partners hold adds up to what was distributed (exit
        // penalties only move money between partners).
        let held: f64 = w.partners.iter().map(|p| p.cum_payoff).sum();
        prop_assert!((held - w.cum_distributed).abs() <= 1e-7 * w.cum_distributed.max(1.0),
            "held {held} distributed {}", w.cum_distributed);

        // Exits are consistent with the log.
        for (i, p) in w.partners.iter().enumerate() {
            let logged: Vec<u32> = w.events.iter().filter_map(|e| match e.kind {
                EventKind::PartnerLeft { partner, .. } | EventKind::PartnerExpelled { partner, .. } if partner == i => Some(e.month),
                _ => None,
            }).collect();
            match p.exit_month {
                Some(m) => { prop_assert_eq!(logged, vec![m]); prop_assert!(!p.active); }
                None => { prop_assert!(logged.is_empty()); prop_assert!(p.active); }
            }
        }
        let ends = w.events.iter().filter(|e| matches!(e.kind, EventKind::Dissolved { .. } | EventKind::Survived)).count();
        prop_assert_eq!(ends, 1);
        match w.outcome.unwrap() {
            Outcome::Survived => {
                prop_assert_eq!(w.month, s.horizon_months);
                prop_assert!(w.active().len() >= 2);
            }
            Outcome::Dissolved { month, cause } => {
                prop_assert_eq!(month, w.month);
                let last = w.events.last().unwrap();
                prop_assert_eq!(&last.kind, &EventKind::Dissolved { cause });
            }
        }
        prop_assert_eq!(w.series.len() as u32, w.month);
    }

    #[test]
    fn any_numbers_are_refused_or_run_never_panic(
        horizon in 0..2000u32, trust in -2.0..3.0f64, cap in -10.0..20_000.0f64,
        transparency in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1.0..8.0f64],
        n in 0..4usize,
    ) {
        let mut s = presets::default_scenario();
        s.horizon_months = horizon;
        s.initial_trust = trust;
        s.partners.truncate(n);
        if let Some(p) = s.partners.first_mut() { p.capacity = cap; }
        s.governance.transparency = transparency;
        match s.validate() {
            Ok(()) => { let r = simulate(&s, 1).unwrap(); prop_assert!(r.months <= s.horizon_months); }
            Err(e) => { prop_assert!(!e.field.is_empty() && !e.message.is_empty()); prop_assert!(World::new(&s, 1, false).is_err()); }
        }
    }
}

/// The cultural-fit gauge halves with every 1.5 of distance still felt, and never pins at 0:
/// the culture lesson's pair (Indonesia and the United States, 3.02 apart) starts above 0 and is
/// told apart from a pair farther apart (it read 0 for both, as for any pair beyond 3).
#[test]
fn the_cultural_fit_gauge_tells_distant_pairs_apart() {
    assert_eq!(culture_gauge(0.0), 1.0);
    assert!((culture_gauge(CULTURE_GAUGE_HALF) - 0.5).abs() < 1e-12);
    assert!(culture_gauge(6.05) > 0.0);
    let lesson = presets::find("challenge-culture").unwrap();
    let at_start = |s: &Scenario| World::new(s, 2024, true).unwrap().challenge_health()[1];
    let fit = at_start(&lesson);
    assert!(fit > 0.1 && fit < 0.4, "{fit}");
    let mut farther = lesson.clone();
    farther.partners[0].culture = CultureSpec::Country(Country::JP);
    farther.partners[1].culture = CultureSpec::Country(Country::SE);
    let far = at_start(&farther);
    assert!(far > 0.0 && far < fit - 0.05, "{far} against {fit}");
}

/// The gauges of goals and culture are true before the first month: a world measures them when
/// it is made (they read 1, "no trouble", until the first month before), and they then stay
/// as they are until something moves goals or familiarity.
#[test]
fn fit_gauges_are_measured_before_the_first_month() {
    let aligned = presets::find("calm-pair").unwrap();
    let w = World::new(&aligned, 1, true).unwrap();
    let [goals, culture, ..] = w.challenge_health();
    assert!(goals > 0.9 && culture > 0.8, "{goals} {culture}");
    for (id, gauge) in [("challenge-alignment", 0), ("challenge-culture", 1)] {
        let s = presets::find(id).unwrap();
        let w = World::new(&s, 2024, true).unwrap();
        let at_start = w.challenge_health()[gauge];
        assert!(at_start < 0.6, "{id}: {at_start} at month 0");
        // The same as the first month's own measure, when nothing moved the partners' goals.
        let mut w1 = w.clone();
        w1.step();
        let after = w1.challenge_health()[gauge];
        assert!(
            (after - at_start).abs() < 0.05,
            "{id}: {at_start} then {after}"
        );
    }
}
