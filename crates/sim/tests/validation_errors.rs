//! Bad scenarios are refused with an error naming the field and the allowed range.

use aliansi_sim::*;

fn refused(change: impl FnOnce(&mut Scenario)) -> ScenarioError {
    let mut s = presets::default_scenario();
    change(&mut s);
    let e = s.validate().expect_err("should be refused");
    assert!(World::new(&s, 1, false).is_err());
    assert!(run(&s, 1).is_err() && run_batch(&s, 1, 3).is_err());
    e
}

#[test]
fn table_of_bad_inputs() {
    // (what, field expected, words the message must contain)
    type Case = (Box<dyn FnOnce(&mut Scenario)>, &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (Box::new(|s| s.partners.clear()), "partners", "2 to 30"),
        (Box::new(|s| s.partners.truncate(1)), "partners", "got 1"),
        (
            Box::new(|s| s.partners[1].capacity = -5.0),
            "partners.1.capacity",
            "(0, 10000]",
        ),
        (
            Box::new(|s| s.governance.transparency = 7.0),
            "governance.transparency",
            "[0, 1], got 7",
        ),
        (
            Box::new(|s| s.horizon_months = 0),
            "horizon_months",
            "[1, 1200]",
        ),
        (
            Box::new(|s| s.horizon_months = 1201),
            "horizon_months",
            "[1, 1200]",
        ),
        (
            Box::new(|s| s.environment.rivalry = f64::NAN),
            "environment.rivalry",
            "NaN",
        ),
        (
            Box::new(|s| s.partners[0].goals = [0.0; 5]),
            "partners.0.goals",
            "above 0",
        ),
        (
            Box::new(|s| s.governance.resolution = vec![]),
            "governance.resolution",
            "1 to 5",
        ),
        (
            Box::new(|s| {
                s.governance.resolution = vec![Resolution::Mediation, Resolution::Mediation]
            }),
            "governance.resolution",
            "twice",
        ),
        (
            Box::new(|s| s.governance.sharing = Sharing::Fixed(vec![1.0])),
            "governance.fixed_shares",
            "one share per partner",
        ),
        (
            Box::new(|s| {
                s.environment.scripted_shocks = vec![ScriptedShock {
                    month: 500,
                    kind: ShockKind::DemandBoom,
                    severity: 0.5,
                    partner: None,
                }]
            }),
            "environment.scripted_shocks.0.month",
            "horizon",
        ),
        (
            Box::new(|s| {
                s.partners[2].culture =
                    CultureSpec::Custom(Culture::from_dims([50.0, 50.0, 50.0, 500.0, 50.0, 50.0]))
            }),
            "partners.2.culture.uai",
            "[0, 120]",
        ),
        (
            Box::new(|s| s.governance.review_months = 500),
            "governance.review_months",
            "0 = never",
        ),
    ];
    for (change, field, words) in cases {
        let e = refused(change);
        assert_eq!(e.field, field, "{e}");
        assert!(e.to_string().contains(words), "{e} should mention {words}");
    }
}

#[test]
fn every_preset_is_valid() {
    for p in presets::all() {
        p.scenario
            .validate()
            .unwrap_or_else(|e| panic!("preset {}: {e}", p.id));
    }
    assert_eq!(presets::all()[0].id, "default");
}
