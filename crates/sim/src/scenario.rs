//! The scenario: everything a user sets. Plain data; [`Scenario::validate`] checks ranges.

use crate::culture::CultureSpec;

/// Most partners an alliance may have.
pub const MAX_PARTNERS: usize = 30;
/// The most scripted shocks a scenario may hold.
pub const MAX_SCRIPTED_SHOCKS: usize = 1000;
/// Longest horizon, in months (100 years).
pub const MAX_HORIZON_MONTHS: u32 = 1200;
/// Number of strategic objectives a partner weighs.
pub const N_GOALS: usize = 5;

/// The strategic objectives partners pursue through the alliance (challenge 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Goal {
    MarketAccess,
    Technology,
    CostEfficiency,
    RiskSharing,
    Growth,
}

impl Goal {
    pub const ALL: [Goal; N_GOALS] = [
        Goal::MarketAccess,
        Goal::Technology,
        Goal::CostEfficiency,
        Goal::RiskSharing,
        Goal::Growth,
    ];
    /// The name users type (`market_access`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Goal::MarketAccess => "market_access",
            Goal::Technology => "technology",
            Goal::CostEfficiency => "cost_efficiency",
            Goal::RiskSharing => "risk_sharing",
            Goal::Growth => "growth",
        }
    }
}

/// One partner organisation as the user describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    pub name: String,
    pub culture: CultureSpec,
    /// Weight of each [`Goal`], each in [0, 1], not all zero (normalised by the model).
    pub goals: [f64; N_GOALS],
    /// Size: resources the partner could bring, in arbitrary units, (0, 10000].
    pub capacity: f64,
    /// Share of its capacity it commits to the alliance, [0, 1].
    pub contribution: f64,
    /// Share of the alliance's value it expects to receive, [0, 1].
    pub expected_share: f64,
    /// Propensity to withhold effort and appropriate value, [0, 1].
    pub opportunism: f64,
    /// How much it wants to absorb the others' knowledge, [0, 1].
    pub learning_intent: f64,
    /// How readily it changes course after a shock or a review, [0, 1].
    pub adaptability: f64,
    /// Tolerance of dissatisfaction: how long and how far it stays when unhappy, [0, 1].
    pub patience: f64,
}

/// Legal form of the alliance (challenge 7): exit barriers, overhead, flexibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Contract,
    MinorityEquity,
    EquityJv,
}

/// How the alliance takes decisions (challenge 5): fast versus fair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionRule {
    Consensus,
    Majority,
    /// The partner with the largest committed contribution decides.
    LeadPartner,
}

/// How the value created is split (challenge 3).
#[derive(Clone, Debug, PartialEq)]
pub enum Sharing {
    Equal,
    /// In proportion to recognised contributions.
    Proportional,
    /// Fixed shares, one per partner, each >= 0, not all zero (normalised over the partners still in).
    Fixed(Vec<f64>),
}

/// One step of the conflict-resolution ladder (challenge 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resolution {
    Avoidance,
    Negotiation,
    Mediation,
    Arbitration,
    Escalation,
}

impl Resolution {
    pub const ALL: [Resolution; 5] = [
        Resolution::Avoidance,
        Resolution::Negotiation,
        Resolution::Mediation,
        Resolution::Arbitration,
        Resolution::Escalation,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Resolution::Avoidance => "avoidance",
            Resolution::Negotiation => "negotiation",
            Resolution::Mediation => "mediation",
            Resolution::Arbitration => "arbitration",
            Resolution::Escalation => "escalation",
        }
    }
}

/// The governance levers (challenges 4 to 7).
#[derive(Clone, Debug, PartialEq)]
pub struct Governance {
    pub form: Form,
    pub decision_rule: DecisionRule,
    /// Information sharing, [0, 1]: better observation and trust, but knowledge leaks.
    pub transparency: f64,
    /// Monitoring of contributions, [0, 1]: deters withholding, can signal distrust.
    pub monitoring: f64,
    pub sharing: Sharing,
    /// Months between strategic reviews; 0 = never. [0, 120].
    pub review_months: u32,
    /// Months of its average payoff a leaving partner pays the others, [0, 60].
    pub exit_penalty_months: f64,
    /// Strength of the compliance programme, [0, 1].
    pub compliance: f64,
    /// A dedicated alliance manager (Kale, Dyer & Singh 2002).
    pub alliance_manager: bool,
    /// The ladder, tried in order; 1 to 5 distinct steps.
    pub resolution: Vec<Resolution>,
}

/// Kinds of market and partner shocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShockKind {
    DemandCollapse,
    DemandBoom,
    TechnologyShift,
    RegulatoryChange,
    CompetitorEntry,
    /// A crisis at one partner: its capacity drops.
    PartnerCrisis,
    /// A leadership change at one partner: its goals drift.
    LeadershipChange,
}

impl ShockKind {
    pub const ALL: [ShockKind; 7] = [
        ShockKind::DemandCollapse,
        ShockKind::DemandBoom,
        ShockKind::TechnologyShift,
        ShockKind::RegulatoryChange,
        ShockKind::CompetitorEntry,
        ShockKind::PartnerCrisis,
        ShockKind::LeadershipChange,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ShockKind::DemandCollapse => "demand_collapse",
            ShockKind::DemandBoom => "demand_boom",
            ShockKind::TechnologyShift => "technology_shift",
            ShockKind::RegulatoryChange => "regulatory_change",
            ShockKind::CompetitorEntry => "competitor_entry",
            ShockKind::PartnerCrisis => "partner_crisis",
            ShockKind::LeadershipChange => "leadership_change",
        }
    }
    /// Whether the shock strikes one partner rather than the market.
    pub fn targets_partner(self) -> bool {
        matches!(self, ShockKind::PartnerCrisis | ShockKind::LeadershipChange)
    }
}

/// A shock a trainer puts on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptedShock {
    /// Month it strikes, [1, horizon].
    pub month: u32,
    pub kind: ShockKind,
    /// [0, 1].
    pub severity: f64,
    /// Index of the partner struck (partner shocks only; `None` = partner 0).
    pub partner: Option<usize>,
}

/// The market around the alliance (challenge 5).
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    /// Month-to-month market noise, [0, 1].
    pub volatility: f64,
    /// Trend growth of demand per year, [-0.5, 0.5].
    pub growth: f64,
    /// Expected random shocks per year, [0, 12].
    pub shock_rate_per_year: f64,
    /// Typical severity of random shocks, [0, 1].
    pub shock_severity: f64,
    /// How strictly regulators watch and punish, [0, 1].
    pub regulatory_strictness: f64,
    /// How much the partners compete with each other outside the alliance, [0, 1].
    pub rivalry: f64,
    pub scripted_shocks: Vec<ScriptedShock>,
}

/// A whole scenario: partners, governance, environment, horizon and seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Months simulated, [1, 1200].
    pub horizon_months: u32,
    /// Seed of a single run, or master seed of a batch.
    pub seed: u64,
    /// Trust each partner places in each other at the start (prior ties), [0, 1].
    pub initial_trust: f64,
    pub partners: Vec<Partner>,
    pub governance: Governance,
    pub environment: Environment,
}

/// A scenario value outside its allowed range. `field` is the path users type.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ScenarioError {}

fn err(field: impl std::fmt::Display, message: impl Into<String>) -> ScenarioError {
    ScenarioError {
        field: field.to_string(),
        message: message.into(),
    }
}

/// A field path `prefix.index.name`, formatted only when an error reports it (validation runs
/// before every run, so it should not build strings for fields that are fine).
struct Indexed<'a>(&'a str, usize, &'a str);

impl std::fmt::Display for Indexed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

fn check_range(
    field: impl std::fmt::Display,
    v: f64,
    lo: f64,
    hi: f64,
) -> Result<(), ScenarioError> {
    if !v.is_finite() {
        return Err(err(
            field,
            format!("must be a number in [{lo}, {hi}], got {v}"),
        ));
    }
    if v < lo || v > hi {
        return Err(err(field, format!("must be in [{lo}, {hi}], got {v}")));
    }
    Ok(())
}

fn check_unit(field: impl std::fmt::Display, v: f64) -> Result<(), ScenarioError> {
    check_range(field, v, 0.0, 1.0)
}

/// Partners' names told apart: a name that more than one partner has is followed by each such
/// partner's number (from 1), "Hoshi (2)"; the others are left as they are. A scenario may hold
/// two partners of one name (the formats do not forbid it), and a story where "Hoshi's trust
/// in Hoshi" falls would say nothing. The app and the command line both name partners so.
///
/// ```
/// let names = |v: &[&str]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
/// assert_eq!(
///     aliansi_sim::told_apart(names(&["Hoshi", "Rhein", "Hoshi"])),
///     names(&["Hoshi (1)", "Rhein", "Hoshi (3)"])
/// );
/// ```
pub fn told_apart(names: Vec<String>) -> Vec<String> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if names.iter().filter(|m| *m == n).count() > 1 {
                format!("{n} ({})", i + 1)
            } else {
                n.clone()
            }
        })
        .collect()
}

impl Scenario {
    /// Checks every field against its range. The simulation only ever runs validated scenarios.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.horizon_months < 1 || self.horizon_months > MAX_HORIZON_MONTHS {
            return Err(err(
                "horizon_months",
                format!(
                    "must be in [1, {MAX_HORIZON_MONTHS}], got {}",
                    self.horizon_months
                ),
            ));
        }
        check_unit("initial_trust", self.initial_trust)?;
        let n = self.partners.len();
        if !(2..=MAX_PARTNERS).contains(&n) {
            return Err(err(
                "partners",
                format!("an alliance needs 2 to {MAX_PARTNERS} partners, got {n}"),
            ));
        }
        for (i, p) in self.partners.iter().enumerate() {
            let f = |name| Indexed("partners", i, name);
            if p.name.trim().is_empty() || p.name.chars().count() > 60 {
                return Err(err(f("name"), "must be 1 to 60 characters"));
            }
            p.culture.validate(f("culture"))?;
            for (g, w) in p.goals.iter().enumerate() {
                check_unit(
                    format_args!("partners.{i}.goals.{}", Goal::ALL[g].key()),
                    *w,
                )?;
            }
            if p.goals.iter().sum::<f64>() <= 0.0 {
                return Err(err(f("goals"), "at least one goal weight must be above 0"));
            }
            if !p.capacity.is_finite() || p.capacity <= 0.0 || p.capacity > 10_000.0 {
                return Err(err(
                    f("capacity"),
                    format!("must be in (0, 10000], got {}", p.capacity),
                ));
            }
            check_unit(f("contribution"), p.contribution)?;
            check_unit(f("expected_share"), p.expected_share)?;
            check_unit(f("opportunism"), p.opportunism)?;
            check_unit(f("learning_intent"), p.learning_intent)?;
            check_unit(f("adaptability"), p.adaptability)?;
            check_unit(f("patience"), p.patience)?;
        }
        if self.partners.iter().all(|p| p.contribution <= 0.0) {
            return Err(err(
                "partners",
                "at least one partner must contribute something",
            ));
        }
        let g = &self.governance;
        check_unit("governance.transparency", g.transparency)?;
        check_unit("governance.monitoring", g.monitoring)?;
        check_unit("governance.compliance", g.compliance)?;
        if g.review_months > 120 {
            return Err(err(
                "governance.review_months",
                format!("must be in [0, 120] (0 = never), got {}", g.review_months),
            ));
        }
        check_range(
            "governance.exit_penalty_months",
            g.exit_penalty_months,
            0.0,
            60.0,
        )?;
        if let Sharing::Fixed(shares) = &g.sharing {
            if shares.len() != n {
                return Err(err(
                    "governance.fixed_shares",
                    format!("needs one share per partner ({n}), got {}", shares.len()),
                ));
            }
            for (i, s) in shares.iter().enumerate() {
                check_unit(format_args!("governance.fixed_shares.{i}"), *s)?;
            }
            if shares.iter().sum::<f64>() <= 0.0 {
                return Err(err(
                    "governance.fixed_shares",
                    "at least one share must be above 0",
                ));
            }
        }
        if g.resolution.is_empty() || g.resolution.len() > 5 {
            return Err(err(
                "governance.resolution",
                "the ladder needs 1 to 5 steps from avoidance, negotiation, mediation, arbitration, escalation",
            ));
        }
        for (i, r) in g.resolution.iter().enumerate() {
            if g.resolution[..i].contains(r) {
                return Err(err(
                    "governance.resolution",
                    format!("{} appears twice; each step may appear once", r.key()),
                ));
            }
        }
        let e = &self.environment;
        check_unit("environment.volatility", e.volatility)?;
        check_range("environment.growth", e.growth, -0.5, 0.5)?;
        check_range(
            "environment.shock_rate_per_year",
            e.shock_rate_per_year,
            0.0,
            12.0,
        )?;
        check_unit("environment.shock_severity", e.shock_severity)?;
        check_unit("environment.regulatory_strictness", e.regulatory_strictness)?;
        check_unit("environment.rivalry", e.rivalry)?;
        if e.scripted_shocks.len() > MAX_SCRIPTED_SHOCKS {
            return Err(err(
                "environment.scripted_shocks",
                format!("at most {MAX_SCRIPTED_SHOCKS} scripted shocks"),
            ));
        }
        for (i, s) in e.scripted_shocks.iter().enumerate() {
            let f = |name| Indexed("environment.scripted_shocks", i, name);
            if s.month < 1 || s.month > self.horizon_months {
                return Err(err(
                    f("month"),
                    format!(
                        "must be in [1, {}] (the horizon), got {}",
                        self.horizon_months, s.month
                    ),
                ));
            }
            check_unit(f("severity"), s.severity)?;
            if let Some(p) = s.partner {
                if p >= n {
                    return Err(err(
                        f("partner"),
                        format!("must be a partner index in [0, {}], got {p}", n - 1),
                    ));
                }
            }
        }
        Ok(())
    }
}
