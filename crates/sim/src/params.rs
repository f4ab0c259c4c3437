//! Model constants. Each is documented in `docs/MODEL.md` with its source; "calibrated" means
//! set so that the default scenario reproduces F1/F2 of `validation.md`, not taken from a paper.

use crate::scenario::{DecisionRule, Form, Resolution};
use crate::world::fmax;

// --- Environment -----------------------------------------------------------------------
/// Persistence of market deviations per month (half-life about 13.5 months).
pub const MARKET_PERSISTENCE: f64 = 0.95;
/// Monthly market noise at volatility 1.
pub const MARKET_NOISE: f64 = 0.06;
/// Misfit added per month by a market move of one standard deviation at volatility 1.
pub const MISFIT_DRIFT: f64 = 0.006;
/// Monthly decay of shock stress.
pub const STRESS_DECAY: f64 = 0.85;
/// Monthly recovery of a partner's capacity after a crisis.
pub const CAPACITY_RECOVERY: f64 = 0.04;

// --- Match (Levinthal & Fichman 1988; Jovanovic 1979) ---------------------------------------
/// Spread (log-normal sigma) of how well a set of partners turns out to fit together.
pub const MATCH_SIGMA: f64 = 0.25;
/// Spread of each partner's complementarity with the others.
pub const COMPLEMENT_SIGMA: f64 = 0.3;

// --- Value -----------------------------------------------------------------------------
/// Value created per unit of relevant input at perfect goal fit, before costs (complementarity).
pub const SYNERGY: f64 = 1.2;
/// Exponent of the delivered/committed ratio on value (0 = input counts only linearly).
pub const TEAM_PRODUCTION: f64 = 1.0;
/// Share of gross value that does not depend on goal fit.
pub const GOAL_FIT_FLOOR: f64 = 0.55;
/// Extra value at perfect goal fit.
pub const GOAL_FIT_GAIN: f64 = 0.75;
/// Value lost at full misfit.
pub const MISFIT_LOSS: f64 = 0.6;
/// Coordination cost per unit of (unfamiliar) Kogut-Singh distance.
pub const CULTURE_FRICTION: f64 = 0.04;

/// Running overhead of a governance form, as a share of value.
pub fn form_overhead(f: Form) -> f64 {
    match f {
        Form::Contract => 0.02,
        Form::MinorityEquity => 0.04,
        Form::EquityJv => 0.06,
    }
}

/// Exit barrier of a form: how much it holds an unhappy partner in.
pub fn form_barrier(f: Form) -> f64 {
    match f {
        Form::Contract => 0.1,
        Form::MinorityEquity => 0.3,
        Form::EquityJv => 0.5,
    }
}

/// How little a governance form bends to change (Santoro & McGill 2005; Folta 1998): a joint
/// venture's dedicated assets and its board slow its adaptation and make a misfit with the
/// market cost more. The flexibility side of the form's trade-off (commitment being the other).
pub fn form_rigidity(f: Form) -> f64 {
    match f {
        Form::Contract => 0.0,
        Form::MinorityEquity => RIGIDITY_JV / 2.0,
        Form::EquityJv => RIGIDITY_JV,
    }
}

/// An equity joint venture's rigidity ([`form_rigidity`]).
pub const RIGIDITY_JV: f64 = 0.5;

/// How much shared ownership aligns incentives (cuts withholding).
pub fn form_alignment(f: Form) -> f64 {
    match f {
        Form::Contract => 0.0,
        Form::MinorityEquity => 0.15,
        Form::EquityJv => 0.3,
    }
}

/// Speed of adaptation under a decision rule (lead partner fastest).
pub fn decision_speed(r: DecisionRule, n: usize) -> f64 {
    let crowd = 1.0 / (1.0 + 0.1 * crate::world::fmax(n as f64 - 2.0, 0.0));
    match r {
        DecisionRule::Consensus => 0.6 * crowd,
        DecisionRule::Majority => 0.8,
        DecisionRule::LeadPartner => 1.0,
    }
}

/// Coordination overhead per extra partner under a decision rule.
pub fn decision_overhead(r: DecisionRule) -> f64 {
    match r {
        DecisionRule::Consensus => 0.010,
        DecisionRule::Majority => 0.005,
        DecisionRule::LeadPartner => 0.002,
    }
}

/// Monitoring's running cost at full strength, a share of gross value. It grows with the square
/// of the strength: a little reporting is cheap, close control (audits, approvals, inspectors)
/// costs more with every step.
pub const MONITORING_COST: f64 = 0.08;
/// Monitoring's signal of distrust at full strength: a monthly trust loss (before the loss
/// factor) on every pair. It grows with the cube of the strength: routine reporting reads as
/// diligence, close control as suspicion (control crowds out goodwill trust: Das & Teng 1998;
/// Malhotra & Murnighan 2002). With the cost above, monitoring has a best level: it pays where
/// there is opportunism to deter, and only costs where partners are honest.
pub const MONITORING_DISTRUST: f64 = 0.006;

/// Knowledge leakage (Hamel 1991; Khanna, Gulati & Nohria 1998): a partner that is in the
/// alliance to learn (learning intent above [`LEARNING_RACE_INTENT`]) is watched as it absorbs
/// the others' know-how, and each month they trust it less in proportion to what it took:
/// `LEAKAGE_DISTRUST × absorbed × race_intent × (0.5 + rivalry)`, before the loss factor.
/// Transparency speeds absorption, so this is openness's price where partners race to learn.
pub const LEAKAGE_DISTRUST: f64 = 0.5;
/// Learning intent up to this is the ordinary learning of any partner (the default scenario's
/// partners have 0.2 to 0.6); above it a partner races to learn.
pub const LEARNING_RACE_INTENT: f64 = 0.6;

/// How far a partner of learning intent `li` races to learn: 0 up to
/// [`LEARNING_RACE_INTENT`], rising to 1 at intent 1.
pub fn race_intent(li: f64) -> f64 {
    fmax(li - LEARNING_RACE_INTENT, 0.0) / (1.0 - LEARNING_RACE_INTENT)
}

/// Monitoring's running cost as a share of gross value, at strength `m` in [0, 1].
pub fn monitoring_cost(m: f64) -> f64 {
    MONITORING_COST * m * m
}

/// Monitoring's monthly trust loss on every pair (before the loss factor), at strength `m`.
pub fn monitoring_distrust(m: f64) -> f64 {
    MONITORING_DISTRUST * m * m * m
}
/// Loss of observability per partner beyond two.
pub const CROWDING: f64 = 0.08;
pub const COMPLIANCE_COST: f64 = 0.03;
pub const MANAGER_COST: f64 = 0.02;
/// What a dedicated alliance manager does (Kale, Dyer & Singh 2002): cuts coordination friction,
/// catches disputes early, helps settle them, speeds cultural learning and adaptation, and
/// builds goodwill.
pub const MANAGER_FRICTION_CUT: f64 = 0.15;
pub const MANAGER_DISPUTE_CUT: f64 = 0.1;
pub const MANAGER_RESOLUTION_GAIN: f64 = 0.1;
pub const MANAGER_LEARNING: f64 = 0.3;
pub const MANAGER_ADAPTATION: f64 = 0.003;
pub const MANAGER_GOODWILL: f64 = 0.0005;
pub const REVIEW_COST: f64 = 0.05;

/// How much a partner's outside option grows with its weight in the alliance (input relative
/// to an equal share).
pub const DEPENDENCE: f64 = 0.12;

// --- Trust (Slovic 1993: losses weigh about three times gains) -------------------------------
pub const TRUST_GAIN: f64 = 0.15;
pub const TRUST_LOSS_FACTOR: f64 = 3.0;
/// Cooperation a partner expects of another (share of committed input delivered).
pub const COOPERATION_EXPECTED: f64 = 0.8;

// --- Disputes --------------------------------------------------------------------------
/// Monthly fading of an unresolved dispute's severity (it is dropped below 0.1).
pub const UNRESOLVED_FADING: f64 = 0.97;
/// Monthly dispute hazard of a pair with no frictions at all.
pub const DISPUTE_BASE: f64 = 0.006;

/// A ladder step: months before its outcome, base success chance, cost (share of monthly
/// value per unit of severity), trust change on success and on failure.
#[derive(Clone, Copy, Debug)]
pub struct StepParams {
    pub delay: u32,
    pub success: f64,
    pub cost: f64,
    pub trust_success: f64,
    pub trust_failure: f64,
}

pub fn step_params(r: Resolution) -> StepParams {
    let s = |delay, success, cost, trust_success, trust_failure| StepParams {
        delay,
        success,
        cost,
        trust_success,
        trust_failure,
    };
    match r {
        Resolution::Avoidance => s(6, 0.35, 0.0, 0.0, -0.015),
        Resolution::Negotiation => s(1, 0.45, 0.004, 0.02, -0.01),
        Resolution::Mediation => s(2, 0.60, 0.008, 0.03, -0.005),
        Resolution::Arbitration => s(4, 0.85, 0.02, -0.015, -0.025),
        Resolution::Escalation => s(2, 0.55, 0.01, 0.005, -0.04),
    }
}

// --- Exits -----------------------------------------------------------------------------
pub const UNHAPPY_THRESHOLD: f64 = 0.5;
pub const UNHAPPY_THRESHOLD_PATIENCE: f64 = 0.2;
pub const TOLERANCE_MONTHS_MIN: f64 = 2.0;
pub const TOLERANCE_MONTHS_PATIENCE: f64 = 16.0;
pub const EXIT_CHANCE: f64 = 0.3;
/// Satisfaction lost by each remaining partner when one leaves (contagion of exits).
pub const EXIT_SHOCK: f64 = 0.1;
