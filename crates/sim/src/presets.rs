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
/// contract with negotiation then arbitration. Calibrated so that about half its runs dissolve
/// within ten years, most of them early (F1, F2).
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

/// Every built-in scenario, `default` first.
pub fn all() -> Vec<Preset> {
    let calm_pair = {
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
    };
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
        s.governance.resolution = vec![
            Resolution::Negotiation,
            Resolution::Mediation,
            Resolution::Arbitration,
        ];
        s.environment.scripted_shocks = vec![ScriptedShock {
            month: 24,
            kind: ShockKind::DemandCollapse,
            severity: 0.6,
            partner: None,
        }];
        s
    };
    vec![
        Preset {
            id: "default",
            description: "Four partners (ID, JP, DE, SG) of differing sizes; contract; negotiation then arbitration",
            scenario: default_scenario(),
        },
        Preset {
            id: "id-jp-jv",
            description: "Indonesian-Japanese manufacturing joint venture, 50/50, recession in month 24",
            scenario: id_jp_jv,
        },
        Preset {
            id: "calm-pair",
            description: "Two similar Indonesian partners in a calm market",
            scenario: calm_pair,
        },
    ]
}

/// Looks a preset up by id.
pub fn find(id: &str) -> Option<Scenario> {
    all().into_iter().find(|p| p.id == id).map(|p| p.scenario)
}
