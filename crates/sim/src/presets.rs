//! Built-in scenarios.

use crate::culture::{Country, CultureSpec};
use crate::scenario::*;

/// A built-in scenario and its one-line English description.
pub struct Preset {
    pub id: &'static str,
    pub description: &'static str,
    pub scenario: Scenario,
}

#[allow(clippy::too_many_arguments)]
fn partner(
    name: &str,
    country: Country,
    goals: [f64; N_GOALS],
    capacity: f64,
    contribution: f64,
    expected_share: f64,
    opportunism: f64,
    learning_intent: f64,
    adaptability: f64,
    patience: f64,
) -> Partner {
    Partner {
        name: name.to_string(),
        culture: CultureSpec::Country(country),
        goals,
        capacity,
        contribution,
        expected_share,
        opportunism,
        learning_intent,
        adaptability,
        patience,
    }
}

/// The default scenario: four partners of differing cultures and sizes, moderate shocks, a
/// contract with negotiation then arbitration. Calibrated so that a little more than half its
/// runs dissolve within ten years, most of them early (F1, F2).
pub fn default_scenario() -> Scenario {
    Scenario {
        horizon_months: 120,
        seed: 2024,
        initial_trust: 0.5,
        partners: vec![
            // goals: market_access, technology, cost_efficiency, risk_sharing, growth
            partner(
                "Nusantara Foods",
                Country::ID,
                [0.9, 0.2, 0.3, 0.2, 0.6],
                60.0,
                0.5,
                0.35,
                0.2,
                0.4,
                0.5,
                0.5,
            ),
            partner(
                "Hoshi Technologies",
                Country::JP,
                [0.4, 0.8, 0.2, 0.3, 0.4],
                40.0,
                0.5,
                0.3,
                0.2,
                0.5,
                0.4,
                0.6,
            ),
            partner(
                "Rhein Logistik",
                Country::DE,
                [0.4, 0.2, 0.9, 0.5, 0.3],
                25.0,
                0.5,
                0.2,
                0.2,
                0.2,
                0.5,
                0.5,
            ),
            partner(
                "Lion City Capital",
                Country::SG,
                [0.5, 0.2, 0.2, 0.6, 0.8],
                15.0,
                0.5,
                0.2,
                0.35,
                0.6,
                0.6,
                0.4,
            ),
        ],
        governance: Governance {
            form: Form::Contract,
            decision_rule: DecisionRule::Majority,
            transparency: 0.5,
            monitoring: 0.3,
            sharing: Sharing::Proportional,
            review_months: 12,
            exit_penalty_months: 3.0,
            compliance: 0.5,
            alliance_manager: false,
            resolution: vec![Resolution::Negotiation, Resolution::Arbitration],
        },
        environment: Environment {
            volatility: 0.4,
            growth: 0.03,
            shock_rate_per_year: 1.0,
            shock_severity: 0.4,
            regulatory_strictness: 0.4,
            rivalry: 0.45,
            scripted_shocks: Vec::new(),
        },
    }
}

/// A healthy two-partner base that the challenge presets each spoil in one way only.
fn healthy_pair() -> Scenario {
    let mut s = default_scenario();
    let twin = |name: &str| {
        partner(
            name,
            Country::ID,
            [0.6, 0.4, 0.4, 0.4, 0.6],
            50.0,
            0.5,
            0.5,
            0.25,
            0.3,
            0.6,
            0.6,
        )
    };
    s.partners = vec![twin("Mitra Satu"), twin("Mitra Dua")];
    s.initial_trust = 0.5;
    s.governance.resolution = vec![
        Resolution::Negotiation,
        Resolution::Mediation,
        Resolution::Arbitration,
    ];
    s.environment.volatility = 0.2;
    s.environment.shock_rate_per_year = 0.5;
    s.environment.rivalry = 0.4;
    s
}

/// Two similar partners in a calm market (the calmest preset).
fn calm_pair() -> Scenario {
    let mut s = default_scenario();
    let twin = |name: &str| {
        partner(
            name,
            Country::ID,
            [0.6, 0.4, 0.4, 0.4, 0.6],
            50.0,
            0.5,
            0.5,
            0.1,
            0.3,
            0.6,
            0.6,
        )
    };
    s.partners = vec![twin("Mitra Satu"), twin("Mitra Dua")];
    s.initial_trust = 0.6;
    s.environment.volatility = 0.1;
    s.environment.shock_rate_per_year = 0.2;
    s.environment.rivalry = 0.1;
    s
}

fn preset(id: &'static str, description: &'static str, scenario: Scenario) -> Preset {
    Preset {
        id,
        description,
        scenario,
    }
}

/// Every built-in scenario, `default` first: realistic alliances, then one per challenge of
/// the source text (a healthy pair spoiled in one way).
pub fn all() -> Vec<Preset> {
    let id_jp_jv = {
        let mut s = default_scenario();
        s.partners = vec![
            partner(
                "Astra Manufaktur",
                Country::ID,
                [0.8, 0.6, 0.3, 0.3, 0.7],
                50.0,
                0.6,
                0.5,
                0.2,
                0.7,
                0.5,
                0.6,
            ),
            partner(
                "Daiwa Components",
                Country::JP,
                [0.7, 0.2, 0.7, 0.4, 0.5],
                50.0,
                0.6,
                0.5,
                0.15,
                0.3,
                0.3,
                0.7,
            ),
        ];
        s.governance.form = Form::EquityJv;
        s.governance.decision_rule = DecisionRule::Consensus;
        s.governance.sharing = Sharing::Fixed(vec![0.5, 0.5]);
        s.governance.exit_penalty_months = 6.0;
        s.governance.resolution = vec![
            Resolution::Negotiation,
            Resolution::Mediation,
            Resolution::Arbitration,
        ];
        s.initial_trust = 0.4;
        s.environment.rivalry = 0.5;
        s.environment.scripted_shocks = vec![ScriptedShock {
            month: 24,
            kind: ShockKind::DemandCollapse,
            severity: 0.6,
            partner: None,
        }];
        s
    };
    let research = {
        let mut s = default_scenario();
        s.partners = vec![
            partner(
                "Hanbit Semiconductor",
                Country::KR,
                [0.2, 0.9, 0.4, 0.6, 0.3],
                50.0,
                0.4,
                0.25,
                0.3,
                0.8,
                0.5,
                0.5,
            ),
            partner(
                "Kansai Devices",
                Country::JP,
                [0.2, 0.9, 0.3, 0.7, 0.3],
                45.0,
                0.4,
                0.25,
                0.25,
                0.7,
                0.4,
                0.6,
            ),
            partner(
                "Bayern Mikro",
                Country::DE,
                [0.3, 0.8, 0.5, 0.6, 0.2],
                40.0,
                0.4,
                0.25,
                0.25,
                0.6,
                0.5,
                0.5,
            ),
            partner(
                "Valley Circuits",
                Country::US,
                [0.4, 0.9, 0.2, 0.4, 0.6],
                55.0,
                0.4,
                0.25,
                0.35,
                0.8,
                0.6,
                0.4,
            ),
        ];
        s.governance.decision_rule = DecisionRule::Consensus;
        s.governance.sharing = Sharing::Equal;
        s.governance.monitoring = 0.3;
        s.governance.review_months = 12;
        s.environment.rivalry = 0.5;
        s.governance.transparency = 0.6;
        s.environment.shock_rate_per_year = 1.0;
        s
    };
    let airline = {
        let mut s = default_scenario();
        s.partners = vec![
            partner(
                "Garuda Sky",
                Country::ID,
                [0.9, 0.2, 0.6, 0.3, 0.6],
                40.0,
                0.3,
                0.15,
                0.2,
                0.2,
                0.5,
                0.5,
            ),
            partner(
                "Lion Air Asia",
                Country::SG,
                [0.8, 0.2, 0.7, 0.3, 0.7],
                50.0,
                0.3,
                0.2,
                0.25,
                0.2,
                0.6,
                0.5,
            ),
            partner(
                "Southern Cross Air",
                Country::AU,
                [0.8, 0.2, 0.6, 0.4, 0.5],
                45.0,
                0.3,
                0.18,
                0.2,
                0.2,
                0.5,
                0.5,
            ),
            partner(
                "Atlantic Airways",
                Country::GB,
                [0.8, 0.3, 0.7, 0.3, 0.5],
                60.0,
                0.3,
                0.2,
                0.2,
                0.2,
                0.5,
                0.5,
            ),
            partner(
                "Sakura Wings",
                Country::JP,
                [0.7, 0.3, 0.6, 0.5, 0.4],
                55.0,
                0.3,
                0.18,
                0.15,
                0.2,
                0.4,
                0.6,
            ),
            partner(
                "Liberty Air",
                Country::US,
                [0.9, 0.2, 0.8, 0.2, 0.6],
                70.0,
                0.3,
                0.22,
                0.3,
                0.2,
                0.6,
                0.4,
            ),
        ];
        s.governance.decision_rule = DecisionRule::Majority;
        s.governance.sharing = Sharing::Proportional;
        s.governance.alliance_manager = true;
        s.governance.resolution = vec![
            Resolution::Negotiation,
            Resolution::Mediation,
            Resolution::Escalation,
        ];
        s.environment.shock_rate_per_year = 1.0;
        s.environment.volatility = 0.5;
        s.environment.rivalry = 0.4;
        s.environment.regulatory_strictness = 0.6;
        s
    };
    let distribution = {
        let mut s = default_scenario();
        s.partners = vec![
            partner(
                "Northwind Brands",
                Country::US,
                [0.9, 0.1, 0.4, 0.2, 0.8],
                90.0,
                0.4,
                0.6,
                0.3,
                0.2,
                0.5,
                0.4,
            ),
            partner(
                "Sumber Niaga",
                Country::ID,
                [0.3, 0.6, 0.3, 0.5, 0.7],
                15.0,
                0.8,
                0.4,
                0.2,
                0.7,
                0.6,
                0.6,
            ),
        ];
        s.governance.decision_rule = DecisionRule::LeadPartner;
        s.governance.sharing = Sharing::Fixed(vec![0.7, 0.3]);
        s.governance.monitoring = 0.6;
        s.governance.exit_penalty_months = 6.0;
        s.governance.resolution = vec![
            Resolution::Negotiation,
            Resolution::Escalation,
            Resolution::Arbitration,
        ];
        s
    };
    let challenge = |f: &dyn Fn(&mut Scenario)| {
        let mut s = healthy_pair();
        f(&mut s);
        s
    };
    vec![
        preset(
            "default",
            "Four partners (ID, JP, DE, SG) of differing sizes; contract; negotiation then arbitration",
            default_scenario(),
        ),
        preset(
            "id-jp-jv",
            "Indonesian-Japanese manufacturing joint venture, 50/50, recession in month 24",
            id_jp_jv,
        ),
        preset(
            "research-consortium",
            "Research consortium of four former competitors (KR, JP, DE, US): open, rival, learning",
            research,
        ),
        preset(
            "airline-alliance",
            "Airline-style alliance of six carriers on three continents, with an alliance manager",
            airline,
        ),
        preset(
            "distribution",
            "Cross-border distribution: a large US brand and a small Indonesian distributor, 70/30",
            distribution,
        ),
        preset("calm-pair", "Two similar Indonesian partners in a calm market", calm_pair()),
        preset(
            "challenge-alignment",
            "Challenge 1, vision and goals: a healthy pair whose goals pull apart",
            challenge(&|s| {
                s.partners[0].goals = [1.0, 0.0, 0.0, 0.0, 0.8];
                s.partners[1].goals = [0.0, 1.0, 0.8, 0.3, 0.0];
                s.governance.review_months = 0;
            }),
        ),
        preset(
            "challenge-culture",
            "Challenge 2, culture: a pair from Indonesia and the United States, new to each other",
            challenge(&|s| {
                s.partners[1].culture = CultureSpec::Country(Country::US);
                s.initial_trust = 0.4;
            }),
        ),
        preset(
            "challenge-contributions",
            "Challenge 3, expectations and contributions: one brings three times more, shares are equal",
            challenge(&|s| {
                s.partners[0].capacity = 120.0;
                s.partners[1].capacity = 40.0;
                s.partners[0].expected_share = 0.7;
                s.governance.sharing = Sharing::Equal;
            }),
        ),
        preset(
            "challenge-trust",
            "Challenge 4, trust: strangers with an opportunistic partner and little transparency",
            challenge(&|s| {
                s.initial_trust = 0.3;
                s.partners[1].opportunism = 0.5;
                s.governance.transparency = 0.2;
                s.governance.monitoring = 0.1;
            }),
        ),
        preset(
            "challenge-adaptation",
            "Challenge 5, change: a turbulent market, rigid partners and no reviews",
            challenge(&|s| {
                s.environment.shock_rate_per_year = 3.0;
                s.environment.shock_severity = 0.6;
                s.governance.review_months = 0;
                for p in s.partners.iter_mut() {
                    p.adaptability = 0.2;
                }
            }),
        ),
        preset(
            "challenge-conflict",
            "Challenge 6, conflict: the default four partners, who only ever avoid their disputes",
            {
                let mut s = default_scenario();
                s.environment.rivalry = 0.3;
                s.governance.resolution = vec![Resolution::Avoidance];
                s
            },
        ),
        preset(
            "challenge-compliance",
            "Challenge 7, compliance: a regulator that turns strict and a weak compliance programme",
            challenge(&|s| {
                // Month 12's regulation adds 0.4 (0.5 x severity): the pressure goes from 0.5 to
                // 0.9, so the tightening shows (at 1.0 it would be clamped away).
                s.environment.regulatory_strictness = 0.5;
                s.governance.compliance = 0.05;
                s.partners[1].opportunism = 0.3;
                s.environment.scripted_shocks =
                    vec![ScriptedShock { month: 12, kind: ShockKind::RegulatoryChange, severity: 0.8, partner: None }];
            }),
        ),
    ]
}

/// Looks a preset up by id.
pub fn find(id: &str) -> Option<Scenario> {
    all().into_iter().find(|p| p.id == id).map(|p| p.scenario)
}
