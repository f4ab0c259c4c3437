//! Sweeps: one batch per value of a parameter (or per pair of values of two parameters), all
//! on the base scenario's master seed (common random numbers), summarised as survival at the
//! horizon with its 95 % interval.
//!
//! * [`catalogue`] lists every sweepable field of a scenario: every numeric field (top level,
//!   governance, environment, scripted shocks, and partner fields either for all partners at
//!   once, `partners.*.x`, or for one partner, `partners.0.x`) with its valid range from
//!   [`Scenario::validate`], and every choice field with its options. Paths are spelled as the
//!   command line's `--set` paths (the JSON field paths of scenario files).
//! * [`Axis`] is a parameter with the values it takes: evenly spaced numbers or choices.
//! * [`sweep_points`] makes the scenarios to run, [`SweepResult`] summarises their tallies.
//!
//! Values are `f64` throughout: a number for numeric fields, the index of the option for
//! choice fields (so an axis over `governance.form` has values 0, 1, 2).
//!
//! The resolution ladder (`governance.resolution`) is a choice among [`LADDERS`], common
//! ladders from the shortest to the longest; a ladder outside them is set by other means (the
//! editor, `--set`), and [`Param::current_is_custom`] says so.

use crate::batch::{run_chunk, BatchTally};
use crate::culture::{Country, CultureSpec, DIMENSION_KEYS};
use crate::scenario::*;

/// The most values an axis may have.
pub const MAX_STEPS: usize = 50;

/// Which part of the scenario a parameter belongs to (for grouping in a picker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Horizon and initial trust.
    General,
    Governance,
    Environment,
    /// Scripted shock `i`.
    Shock(usize),
    /// Every partner at once.
    AllPartners,
    /// Partner `i`.
    Partner(usize),
}

/// The values a parameter may take.
#[derive(Clone, Debug, PartialEq)]
pub enum Domain {
    /// A number in [min, max] (or (min, max] when `min_open`), whole when `whole`.
    Number {
        min: f64,
        max: f64,
        min_open: bool,
        whole: bool,
    },
    /// One of these options (the keys users type), indexed from 0.
    Choice { options: Vec<&'static str> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    All,
    One(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartnerField {
    Capacity,
    Contribution,
    ExpectedShare,
    Opportunism,
    LearningIntent,
    Adaptability,
    Patience,
    Goal(usize),
    Dim(usize),
    Culture,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Horizon,
    InitialTrust,
    Transparency,
    Monitoring,
    Compliance,
    ReviewMonths,
    ExitPenalty,
    Form,
    DecisionRule,
    Sharing,
    AllianceManager,
    Resolution,
    FixedShare(usize),
    Volatility,
    Growth,
    ShockRate,
    ShockSeverity,
    Strictness,
    Rivalry,
    ScriptedMonth(usize),
    ScriptedSeverity(usize),
    ScriptedKind(usize),
    Partner(Who, PartnerField),
}

/// A sweepable field of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The `--set` path: `governance.transparency`, `partners.*.opportunism`,
    /// `partners.0.contribution`.
    pub path: String,
    /// The path with list indices dropped (`partners.opportunism`,
    /// `environment.scripted_shocks.severity`): one key per kind of field, for labels.
    pub field: String,
    pub group: Group,
    pub domain: Domain,
    target: Field,
}

const FORMS: [&str; 3] = ["contract", "minority_equity", "equity_jv"];
const RULES: [&str; 3] = ["consensus", "majority", "lead_partner"];
const SHARINGS: [&str; 3] = ["equal", "proportional", "fixed"];
const BOOLS: [&str; 2] = ["false", "true"];

/// The resolution ladders a sweep offers, as `--set governance.resolution=…` spells them (the
/// steps in order, comma-separated): avoiding every dispute (the conflict lesson's); one step;
/// a step before the usual ones (avoidance) or after them (escalation); the third party's two
/// steps alone, and after negotiation; negotiation and mediation before escalation (the
/// airline alliance's); escalation between negotiation and arbitration (the distributor's, as
/// contracts' tiered clauses have it); and every step. Every preset's ladder is among them.
pub const LADDERS: [&str; 11] = [
    "avoidance",
    "negotiation",
    "avoidance,negotiation",
    "negotiation,mediation",
    "negotiation,arbitration",
    "mediation,arbitration",
    "negotiation,escalation",
    "negotiation,mediation,arbitration",
    "negotiation,mediation,escalation",
    "negotiation,escalation,arbitration",
    "negotiation,mediation,arbitration,escalation",
];

/// The steps of each of [`LADDERS`] (a test checks that they spell the same).
const LADDER_STEPS: [&[Resolution]; 11] = {
    use Resolution::*;
    [
        &[Avoidance],
        &[Negotiation],
        &[Avoidance, Negotiation],
        &[Negotiation, Mediation],
        &[Negotiation, Arbitration],
        &[Mediation, Arbitration],
        &[Negotiation, Escalation],
        &[Negotiation, Mediation, Arbitration],
        &[Negotiation, Mediation, Escalation],
        &[Negotiation, Escalation, Arbitration],
        &[Negotiation, Mediation, Arbitration, Escalation],
    ]
};

/// The steps of the `i`-th of [`LADDERS`] (the last for an index beyond them).
pub fn ladder(i: usize) -> &'static [Resolution] {
    LADDER_STEPS[i.min(LADDER_STEPS.len() - 1)]
}

/// The index in [`LADDERS`] of the ladder `steps`, if it is one of them.
pub fn ladder_index(steps: &[Resolution]) -> Option<usize> {
    LADDER_STEPS.iter().position(|l| *l == steps)
}

fn unit() -> Domain {
    real(0.0, 1.0)
}

fn real(min: f64, max: f64) -> Domain {
    Domain::Number {
        min,
        max,
        min_open: false,
        whole: false,
    }
}

fn whole(min: u32, max: u32) -> Domain {
    Domain::Number {
        min: f64::from(min),
        max: f64::from(max),
        min_open: false,
        whole: true,
    }
}

fn choice(options: &[&'static str]) -> Domain {
    Domain::Choice {
        options: options.to_vec(),
    }
}

fn countries() -> Vec<&'static str> {
    Country::ALL.iter().map(|c| c.code()).collect()
}

fn pick(v: f64, n: usize) -> usize {
    if v.is_finite() && v >= 0.0 {
        (libm::round(v) as usize).min(n.saturating_sub(1))
    } else {
        0
    }
}

impl PartnerField {
    fn key(self) -> String {
        match self {
            PartnerField::Capacity => "capacity".into(),
            PartnerField::Contribution => "contribution".into(),
            PartnerField::ExpectedShare => "expected_share".into(),
            PartnerField::Opportunism => "opportunism".into(),
            PartnerField::LearningIntent => "learning_intent".into(),
            PartnerField::Adaptability => "adaptability".into(),
            PartnerField::Patience => "patience".into(),
            PartnerField::Goal(g) => format!("goals.{}", Goal::ALL[g].key()),
            PartnerField::Dim(d) => format!("culture.{}", DIMENSION_KEYS[d]),
            PartnerField::Culture => "culture".into(),
        }
    }

    fn domain(self) -> Domain {
        match self {
            PartnerField::Capacity => Domain::Number {
                min: 0.0,
                max: 10_000.0,
                min_open: true,
                whole: false,
            },
            PartnerField::Dim(_) => real(0.0, 120.0),
            PartnerField::Culture => Domain::Choice {
                options: countries(),
            },
            _ => unit(),
        }
    }

    const ALL: [PartnerField; 7] = [
        PartnerField::Capacity,
        PartnerField::Contribution,
        PartnerField::ExpectedShare,
        PartnerField::Opportunism,
        PartnerField::LearningIntent,
        PartnerField::Adaptability,
        PartnerField::Patience,
    ];

    /// Every partner field, in the editor's order.
    fn every() -> Vec<PartnerField> {
        let mut out = vec![PartnerField::Culture];
        out.extend((0..6).map(PartnerField::Dim));
        out.extend((0..N_GOALS).map(PartnerField::Goal));
        out.extend(PartnerField::ALL);
        out
    }

    fn get(self, p: &Partner) -> f64 {
        match self {
            PartnerField::Capacity => p.capacity,
            PartnerField::Contribution => p.contribution,
            PartnerField::ExpectedShare => p.expected_share,
            PartnerField::Opportunism => p.opportunism,
            PartnerField::LearningIntent => p.learning_intent,
            PartnerField::Adaptability => p.adaptability,
            PartnerField::Patience => p.patience,
            PartnerField::Goal(g) => p.goals[g],
            PartnerField::Dim(d) => p.culture.culture().dims()[d],
            PartnerField::Culture => {
                let i = match p.culture {
                    CultureSpec::Country(c) => Country::ALL.iter().position(|x| *x == c),
                    CultureSpec::Custom(_) => None,
                };
                i.unwrap_or(0) as f64
            }
        }
    }

    fn set(self, p: &mut Partner, v: f64) {
        match self {
            PartnerField::Capacity => p.capacity = v,
            PartnerField::Contribution => p.contribution = v,
            PartnerField::ExpectedShare => p.expected_share = v,
            PartnerField::Opportunism => p.opportunism = v,
            PartnerField::LearningIntent => p.learning_intent = v,
            PartnerField::Adaptability => p.adaptability = v,
            PartnerField::Patience => p.patience = v,
            PartnerField::Goal(g) => p.goals[g] = v,
            PartnerField::Dim(d) => {
                // A country's scores become custom scores with one of them changed.
                let mut dims = p.culture.culture().dims();
                dims[d] = v;
                p.culture = CultureSpec::Custom(crate::culture::Culture::from_dims(dims));
            }
            PartnerField::Culture => {
                p.culture = CultureSpec::Country(Country::ALL[pick(v, Country::ALL.len())])
            }
        }
    }
}

impl Param {
    fn new(target: Field, group: Group, path: String, field: String, domain: Domain) -> Param {
        Param {
            path,
            field,
            group,
            domain,
            target,
        }
    }

    /// Whether the parameter is a choice field.
    pub fn is_choice(&self) -> bool {
        matches!(self.domain, Domain::Choice { .. })
    }

    /// The options of a choice field (empty for a numeric one).
    pub fn options(&self) -> &[&'static str] {
        match &self.domain {
            Domain::Choice { options } => options,
            Domain::Number { .. } => &[],
        }
    }

    /// The index of the partner or scripted shock the parameter belongs to, if any.
    pub fn index(&self) -> Option<usize> {
        match self.group {
            Group::Partner(i) | Group::Shock(i) => Some(i),
            _ => match self.target {
                Field::FixedShare(i) => Some(i),
                _ => None,
            },
        }
    }

    /// Sets the field to `v` (for a choice field, the index of the option). Does not validate:
    /// a value outside the range is refused later by [`Scenario::validate`].
    pub fn apply(&self, s: &mut Scenario, v: f64) {
        let n = |len: usize| pick(v, len);
        let g = &mut s.governance;
        let e = &mut s.environment;
        match self.target {
            Field::Horizon => s.horizon_months = whole_u32(v),
            Field::InitialTrust => s.initial_trust = v,
            Field::Transparency => g.transparency = v,
            Field::Monitoring => g.monitoring = v,
            Field::Compliance => g.compliance = v,
            Field::ReviewMonths => g.review_months = whole_u32(v),
            Field::ExitPenalty => g.exit_penalty_months = v,
            Field::Form => {
                g.form = [Form::Contract, Form::MinorityEquity, Form::EquityJv][n(3)];
            }
            Field::DecisionRule => {
                g.decision_rule = [
                    DecisionRule::Consensus,
                    DecisionRule::Majority,
                    DecisionRule::LeadPartner,
                ][n(3)];
            }
            Field::Sharing => {
                g.sharing = match n(3) {
                    0 => Sharing::Equal,
                    1 => Sharing::Proportional,
                    // As in scenario files: fixed shares default to the expected shares.
                    _ => match &g.sharing {
                        Sharing::Fixed(shares) => Sharing::Fixed(shares.clone()),
                        _ => Sharing::Fixed(s.partners.iter().map(|p| p.expected_share).collect()),
                    },
                };
            }
            Field::AllianceManager => g.alliance_manager = n(2) == 1,
            Field::Resolution => g.resolution = ladder(n(LADDERS.len())).to_vec(),
            Field::FixedShare(i) => {
                if !matches!(g.sharing, Sharing::Fixed(_)) {
                    g.sharing =
                        Sharing::Fixed(s.partners.iter().map(|p| p.expected_share).collect());
                }
                if let Sharing::Fixed(shares) = &mut g.sharing {
                    if let Some(x) = shares.get_mut(i) {
                        *x = v;
                    }
                }
            }
            Field::Volatility => e.volatility = v,
            Field::Growth => e.growth = v,
            Field::ShockRate => e.shock_rate_per_year = v,
            Field::ShockSeverity => e.shock_severity = v,
            Field::Strictness => e.regulatory_strictness = v,
            Field::Rivalry => e.rivalry = v,
            Field::ScriptedMonth(i) => {
                if let Some(x) = e.scripted_shocks.get_mut(i) {
                    x.month = whole_u32(v);
                }
            }
            Field::ScriptedSeverity(i) => {
                if let Some(x) = e.scripted_shocks.get_mut(i) {
                    x.severity = v;
                }
            }
            Field::ScriptedKind(i) => {
                if let Some(x) = e.scripted_shocks.get_mut(i) {
                    x.kind = ShockKind::ALL[n(ShockKind::ALL.len())];
                }
            }
            Field::Partner(Who::All, f) => s.partners.iter_mut().for_each(|p| f.set(p, v)),
            Field::Partner(Who::One(i), f) => {
                if let Some(p) = s.partners.get_mut(i) {
                    f.set(p, v);
                }
            }
        }
    }

    /// The field's value in `s` (the option index for a choice field; for all partners at
    /// once, the mean over the partners, or the first partner's choice).
    pub fn current(&self, s: &Scenario) -> f64 {
        let g = &s.governance;
        let e = &s.environment;
        let opt = |i: usize| i as f64;
        match self.target {
            Field::Horizon => f64::from(s.horizon_months),
            Field::InitialTrust => s.initial_trust,
            Field::Transparency => g.transparency,
            Field::Monitoring => g.monitoring,
            Field::Compliance => g.compliance,
            Field::ReviewMonths => f64::from(g.review_months),
            Field::ExitPenalty => g.exit_penalty_months,
            Field::Form => opt(match g.form {
                Form::Contract => 0,
                Form::MinorityEquity => 1,
                Form::EquityJv => 2,
            }),
            Field::DecisionRule => opt(match g.decision_rule {
                DecisionRule::Consensus => 0,
                DecisionRule::Majority => 1,
                DecisionRule::LeadPartner => 2,
            }),
            Field::Sharing => opt(match g.sharing {
                Sharing::Equal => 0,
                Sharing::Proportional => 1,
                Sharing::Fixed(_) => 2,
            }),
            Field::AllianceManager => opt(usize::from(g.alliance_manager)),
            Field::Resolution => opt(ladder_index(&g.resolution).unwrap_or(0)),
            Field::FixedShare(i) => match &g.sharing {
                Sharing::Fixed(shares) => shares.get(i).copied().unwrap_or(0.0),
                _ => s.partners.get(i).map_or(0.0, |p| p.expected_share),
            },
            Field::Volatility => e.volatility,
            Field::Growth => e.growth,
            Field::ShockRate => e.shock_rate_per_year,
            Field::ShockSeverity => e.shock_severity,
            Field::Strictness => e.regulatory_strictness,
            Field::Rivalry => e.rivalry,
            Field::ScriptedMonth(i) => e.scripted_shocks.get(i).map_or(1.0, |x| f64::from(x.month)),
            Field::ScriptedSeverity(i) => e.scripted_shocks.get(i).map_or(0.0, |x| x.severity),
            Field::ScriptedKind(i) => e.scripted_shocks.get(i).map_or(0.0, |x| {
                opt(ShockKind::ALL
                    .iter()
                    .position(|k| *k == x.kind)
                    .unwrap_or(0))
            }),
            Field::Partner(Who::All, PartnerField::Culture) => s
                .partners
                .first()
                .map_or(0.0, |p| PartnerField::Culture.get(p)),
            Field::Partner(Who::All, f) => {
                let n = s.partners.len().max(1) as f64;
                s.partners.iter().map(|p| f.get(p)).sum::<f64>() / n
            }
            Field::Partner(Who::One(i), f) => s.partners.get(i).map_or(0.0, |p| f.get(p)),
        }
    }

    /// Whether the field's value in `s` is none of its options: a partner's culture (for all
    /// partners at once, the first partner's) given as custom scores rather than a country, or a
    /// resolution ladder outside [`LADDERS`]. [`Param::current`] reads such a value as the first
    /// option; edges showing the current value say what it is instead.
    pub fn current_is_custom(&self, s: &Scenario) -> bool {
        if self.target == Field::Resolution {
            return ladder_index(&s.governance.resolution).is_none();
        }
        let partner = match self.target {
            Field::Partner(Who::All, PartnerField::Culture) => s.partners.first(),
            Field::Partner(Who::One(i), PartnerField::Culture) => s.partners.get(i),
            _ => None,
        };
        matches!(partner.map(|p| &p.culture), Some(CultureSpec::Custom(_)))
    }

    /// A value as users type it: a number without needless digits (`0.25`, `12`), or the
    /// option's key (`equity_jv`, `JP`, `true`).
    pub fn value_text(&self, v: f64) -> String {
        match &self.domain {
            Domain::Choice { options } => options[pick(v, options.len())].to_string(),
            Domain::Number { .. } => number_text(v),
        }
    }

    /// Whether a value outside the options may still be set by other means (`--set`): a
    /// ladder outside [`LADDERS`]. The other choice fields have no other values.
    pub fn has_other_values(&self) -> bool {
        self.target == Field::Resolution
    }

    /// Reads a value as users type it (a number, or an option's key; country codes in any
    /// case; a ladder's steps with or without spaces after the commas). Values outside the
    /// range are refused with the range.
    pub fn parse_value(&self, text: &str) -> Result<f64, String> {
        let text = text.trim();
        match &self.domain {
            Domain::Choice { options } => {
                let typed: Vec<&str> = text.split(',').map(str::trim).collect();
                let typed = typed.join(",");
                options
                    .iter()
                    .position(|o| o.eq_ignore_ascii_case(&typed))
                    .map(|i| i as f64)
                    .ok_or_else(|| {
                        format!(
                            "{}: \"{text}\" is not one of {}",
                            self.path,
                            options.join(", ")
                        )
                    })
            }
            Domain::Number { .. } => {
                let v: f64 = text
                    .parse()
                    .map_err(|_| format!("{}: \"{text}\" is not a number", self.path))?;
                self.check(v)?;
                Ok(v)
            }
        }
    }

    /// Whether `v` is a valid value (in range, whole if it must be, an option index).
    pub fn check(&self, v: f64) -> Result<(), String> {
        match &self.domain {
            Domain::Choice { options } => {
                if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && (v as usize) < options.len() {
                    Ok(())
                } else {
                    Err(format!("{}: no option {v}", self.path))
                }
            }
            Domain::Number {
                min,
                max,
                min_open,
                whole,
            } => {
                let open = if *min_open { "(" } else { "[" };
                let below = if *min_open { v <= *min } else { v < *min };
                if !v.is_finite() || below || v > *max {
                    return Err(format!(
                        "{}: must be in {open}{}, {}], got {}",
                        self.path,
                        number_text(*min),
                        number_text(*max),
                        number_text(v)
                    ));
                }
                if *whole && v.fract() != 0.0 {
                    return Err(format!(
                        "{}: must be a whole number, got {}",
                        self.path,
                        number_text(v)
                    ));
                }
                Ok(())
            }
        }
    }
}

fn whole_u32(v: f64) -> u32 {
    if v.is_finite() && v > 0.0 {
        libm::round(v).min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// A number as users type it: up to nine decimals, no trailing zeros.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let mut s = format!("{v:.9}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// Every sweepable field of `base`, in the editor's order: general, governance, environment,
/// scripted shocks, all partners at once, then each partner.
pub fn catalogue(base: &Scenario) -> Vec<Param> {
    let mut out = Vec::new();
    let mut add = |target: Field, group: Group, path: String, field: &str, domain: Domain| {
        out.push(Param::new(target, group, path, field.to_string(), domain));
    };
    let top = |f: &str| f.to_string();
    add(
        Field::Horizon,
        Group::General,
        top("horizon_months"),
        "horizon_months",
        whole(1, MAX_HORIZON_MONTHS),
    );
    add(
        Field::InitialTrust,
        Group::General,
        top("initial_trust"),
        "initial_trust",
        unit(),
    );
    let gov: [(Field, &str, Domain); 10] = [
        (Field::Form, "form", choice(&FORMS)),
        (Field::DecisionRule, "decision_rule", choice(&RULES)),
        (Field::Transparency, "transparency", unit()),
        (Field::Monitoring, "monitoring", unit()),
        (Field::Sharing, "sharing", choice(&SHARINGS)),
        (Field::ReviewMonths, "review_months", whole(0, 120)),
        (Field::ExitPenalty, "exit_penalty_months", real(0.0, 60.0)),
        (Field::Compliance, "compliance", unit()),
        (Field::AllianceManager, "alliance_manager", choice(&BOOLS)),
        (Field::Resolution, "resolution", choice(&LADDERS)),
    ];
    for (target, name, domain) in gov {
        let path = format!("governance.{name}");
        add(target, Group::Governance, path.clone(), &path, domain);
    }
    if let Sharing::Fixed(shares) = &base.governance.sharing {
        for i in 0..shares.len() {
            add(
                Field::FixedShare(i),
                Group::Governance,
                format!("governance.fixed_shares.{i}"),
                "governance.fixed_shares",
                unit(),
            );
        }
    }
    let env: [(Field, &str, Domain); 6] = [
        (Field::Volatility, "volatility", unit()),
        (Field::Growth, "growth", real(-0.5, 0.5)),
        (Field::ShockRate, "shock_rate_per_year", real(0.0, 12.0)),
        (Field::ShockSeverity, "shock_severity", unit()),
        (Field::Strictness, "regulatory_strictness", unit()),
        (Field::Rivalry, "rivalry", unit()),
    ];
    for (target, name, domain) in env {
        let path = format!("environment.{name}");
        add(target, Group::Environment, path.clone(), &path, domain);
    }
    let kinds: Vec<&'static str> = ShockKind::ALL.iter().map(|k| k.key()).collect();
    for i in 0..base.environment.scripted_shocks.len() {
        let p = |f: &str| format!("environment.scripted_shocks.{i}.{f}");
        add(
            Field::ScriptedMonth(i),
            Group::Shock(i),
            p("month"),
            "environment.scripted_shocks.month",
            whole(1, base.horizon_months),
        );
        add(
            Field::ScriptedKind(i),
            Group::Shock(i),
            p("kind"),
            "environment.scripted_shocks.kind",
            Domain::Choice {
                options: kinds.clone(),
            },
        );
        add(
            Field::ScriptedSeverity(i),
            Group::Shock(i),
            p("severity"),
            "environment.scripted_shocks.severity",
            unit(),
        );
    }
    let every = PartnerField::every();
    for f in &every {
        let key = f.key();
        add(
            Field::Partner(Who::All, *f),
            Group::AllPartners,
            format!("partners.*.{key}"),
            &format!("partners.{key}"),
            f.domain(),
        );
    }
    for i in 0..base.partners.len() {
        for f in &every {
            let key = f.key();
            add(
                Field::Partner(Who::One(i), *f),
                Group::Partner(i),
                format!("partners.{i}.{key}"),
                &format!("partners.{key}"),
                f.domain(),
            );
        }
    }
    out
}

/// The parameter of `base` at `path` (a `--set` path), if it is sweepable.
pub fn find(base: &Scenario, path: &str) -> Option<Param> {
    let path = path.trim();
    catalogue(base).into_iter().find(|p| p.path == path)
}

/// Why an axis was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisError {
    /// Fewer than 2 or more than [`MAX_STEPS`] values.
    Steps(usize),
    /// `from` (or `to`) is outside the parameter's range: the range check's message.
    Range(String),
    /// `from` and `to` are the same.
    Empty,
    /// A whole-number field has fewer whole numbers between `from` and `to` than steps.
    NotWhole,
    /// A value list for a choice field names an option twice, or none.
    Choices(String),
}

impl std::fmt::Display for AxisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AxisError::Steps(n) => write!(f, "an axis needs 2 to {MAX_STEPS} values, got {n}"),
            AxisError::Range(m) | AxisError::Choices(m) => write!(f, "{m}"),
            AxisError::Empty => write!(f, "from and to are the same value"),
            AxisError::NotWhole => write!(
                f,
                "the field takes whole numbers and there are fewer of them between from and to than steps"
            ),
        }
    }
}

impl std::error::Error for AxisError {}

/// A parameter and the values it takes in a sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub param: Param,
    pub values: Vec<f64>,
}

impl Axis {
    /// `steps` evenly spaced values from `from` to `to` (both included; rounded to nine
    /// decimals, or to whole numbers for a whole-number field). Both ends must be in range.
    pub fn numeric(param: Param, from: f64, to: f64, steps: usize) -> Result<Axis, AxisError> {
        let Domain::Number { whole, .. } = param.domain else {
            return Err(AxisError::Choices(format!(
                "{} is a choice field: give its options",
                param.path
            )));
        };
        if !(2..=MAX_STEPS).contains(&steps) {
            return Err(AxisError::Steps(steps));
        }
        param.check(from).map_err(AxisError::Range)?;
        param.check(to).map_err(AxisError::Range)?;
        if from == to {
            return Err(AxisError::Empty);
        }
        if whole && ((to - from).abs() as usize) + 1 < steps {
            return Err(AxisError::NotWhole);
        }
        let values = (0..steps)
            .map(|k| {
                let v = from + (to - from) * k as f64 / (steps - 1) as f64;
                if whole {
                    libm::round(v)
                } else {
                    libm::round(v * 1e9) / 1e9
                }
            })
            .collect();
        Ok(Axis { param, values })
    }

    /// Every option of a choice field.
    pub fn all_choices(param: Param) -> Result<Axis, AxisError> {
        let n = param.options().len();
        Axis::choices(param, (0..n).collect())
    }

    /// Some options of a choice field (by index, in the order given; each at most once).
    pub fn choices(param: Param, picked: Vec<usize>) -> Result<Axis, AxisError> {
        let n = param.options().len();
        if n == 0 {
            return Err(AxisError::Choices(format!(
                "{} is a numeric field: give from, to and steps",
                param.path
            )));
        }
        if let Some(i) = picked.iter().find(|i| **i >= n) {
            return Err(AxisError::Choices(format!("{}: no option {i}", param.path)));
        }
        for (k, i) in picked.iter().enumerate() {
            if picked[..k].contains(i) {
                return Err(AxisError::Choices(format!(
                    "{}: {} is given twice",
                    param.path,
                    param.options()[*i]
                )));
            }
        }
        if !(2..=MAX_STEPS).contains(&picked.len()) {
            return Err(AxisError::Steps(picked.len()));
        }
        Ok(Axis {
            values: picked.into_iter().map(|i| i as f64).collect(),
            param,
        })
    }

    /// Any values of the parameter, each checked (as given on the command line).
    pub fn list(param: Param, values: Vec<f64>) -> Result<Axis, AxisError> {
        if values.is_empty() || values.len() > MAX_STEPS {
            return Err(AxisError::Steps(values.len()));
        }
        for v in &values {
            param.check(*v).map_err(AxisError::Range)?;
        }
        Ok(Axis { param, values })
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Value `i` as users type it.
    pub fn text(&self, i: usize) -> String {
        self.param.value_text(self.values[i])
    }
}

/// How many points a sweep over `x` (and `y`) has.
pub fn point_count(x: &Axis, y: Option<&Axis>) -> usize {
    x.len() * y.map_or(1, Axis::len)
}

/// The scenarios of a sweep, all with the base's seed (common random numbers): for one axis,
/// one per value of `x`; for two, one per pair, row by row (`y` value 0 with every `x` value,
/// then `y` value 1, ...): point `(ix, iy)` is at `iy * x.len() + ix`. `y` is applied after
/// `x`. The scenarios are not validated here ([`crate::run_chunk`] does).
pub fn sweep_points(base: &Scenario, x: &Axis, y: Option<&Axis>) -> Vec<Scenario> {
    let rows: Vec<Option<f64>> = match y {
        Some(y) => y.values.iter().map(|v| Some(*v)).collect(),
        None => vec![None],
    };
    let mut out = Vec::with_capacity(point_count(x, y));
    for yv in rows {
        for xv in &x.values {
            let mut s = base.clone();
            x.param.apply(&mut s, *xv);
            if let (Some(y), Some(yv)) = (y, yv) {
                y.param.apply(&mut s, yv);
            }
            s.seed = base.seed;
            out.push(s);
        }
    }
    out
}

/// The first point of a sweep that cannot run, with its index and the reason.
pub fn first_invalid(points: &[Scenario]) -> Option<(usize, ScenarioError)> {
    points
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.validate().err().map(|e| (i, e)))
}

/// One point of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// Index of the `x` value.
    pub ix: usize,
    /// Index of the `y` value (0 for a one-axis sweep).
    pub iy: usize,
    pub runs: u64,
    pub horizon_months: u32,
    /// Kaplan-Meier survival at the horizon.
    pub survival: f64,
    /// Its 95 % interval (log-log, from Greenwood's variance; exact where survival is 0 or 1).
    pub ci95: (f64, f64),
    pub median_survival_months: Option<u32>,
    /// Mean net value (see [`crate::batch::BatchSummary::mean_value`]).
    pub mean_value: f64,
    pub checksum: u64,
}

/// What a sweep found: a point per value (or pair of values), in the order of
/// [`sweep_points`].
#[derive(Clone, Debug, PartialEq)]
pub struct SweepResult {
    pub x: Axis,
    pub y: Option<Axis>,
    pub points: Vec<SweepPoint>,
}

impl SweepResult {
    /// The result from one tally per point (in the order of [`sweep_points`]).
    pub fn from_tallies(
        x: Axis,
        y: Option<Axis>,
        tallies: &[BatchTally],
    ) -> Result<SweepResult, String> {
        let n = point_count(&x, y.as_ref());
        if tallies.len() != n {
            return Err(format!(
                "a sweep of {n} points needs {n} tallies, got {}",
                tallies.len()
            ));
        }
        let nx = x.len();
        let points = tallies
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let s = t.summary();
                SweepPoint {
                    ix: k % nx,
                    iy: k / nx,
                    runs: s.runs,
                    horizon_months: s.horizon_months,
                    survival: s.survival_at_horizon,
                    ci95: s.survival_ci95,
                    median_survival_months: s.median_survival_months,
                    mean_value: s.mean_value,
                    checksum: s.checksum,
                }
            })
            .collect();
        Ok(SweepResult { x, y, points })
    }

    /// The point at `(ix, iy)`.
    pub fn at(&self, ix: usize, iy: usize) -> Option<&SweepPoint> {
        if ix >= self.x.len() {
            return None;
        }
        self.points.get(iy * self.x.len() + ix)
    }

    /// Survival at the horizon, row by row (`[iy][ix]`).
    pub fn grid(&self) -> Vec<Vec<f64>> {
        self.points
            .chunks(self.x.len().max(1))
            .map(|row| row.iter().map(|p| p.survival).collect())
            .collect()
    }
}

/// Runs a whole sweep on one thread: `runs` runs per point from the base's seed.
pub fn run_sweep(
    base: &Scenario,
    x: &Axis,
    y: Option<&Axis>,
    runs: u64,
) -> Result<SweepResult, ScenarioError> {
    let tallies = sweep_points(base, x, y)
        .iter()
        .map(|s| run_chunk(s, s.seed, 0..runs))
        .collect::<Result<Vec<_>, _>>()?;
    SweepResult::from_tallies(x.clone(), y.cloned(), &tallies).map_err(|message| ScenarioError {
        field: x.param.path.clone(),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::run_batch;
    use crate::presets::{all, default_scenario};

    #[test]
    fn custom_cultures_are_told_from_countries() {
        let mut s = default_scenario();
        s.partners[1].culture = CultureSpec::Custom(Country::ALL[3].culture());
        let one = |s: &Scenario, path: &str| find(s, path).unwrap().current_is_custom(s);
        assert!(one(&s, "partners.1.culture"));
        assert!(!one(&s, "partners.0.culture"));
        // All partners at once: the first partner's culture, as `current` reads it.
        assert!(!one(&s, "partners.*.culture"));
        // Only the culture choice: a custom score itself is a number like any other.
        assert!(!one(&s, "partners.1.culture.pdi"));
        assert!(!one(&s, "governance.transparency"));
        s.partners[0].culture = CultureSpec::Custom(Country::ALL[0].culture());
        assert!(one(&s, "partners.*.culture"));
    }

    #[test]
    fn catalogue_has_every_field_with_set_paths() {
        let s = default_scenario();
        let c = catalogue(&s);
        for path in [
            "horizon_months",
            "initial_trust",
            "governance.transparency",
            "governance.form",
            "governance.alliance_manager",
            "governance.review_months",
            "governance.resolution",
            "environment.growth",
            "partners.*.opportunism",
            "partners.*.goals.technology",
            "partners.*.culture",
            "partners.0.contribution",
            "partners.3.culture.pdi",
        ] {
            assert!(c.iter().any(|p| p.path == path), "{path} missing");
        }
        // 2 general + 10 governance + 6 environment + (1 + 6 + 5 + 7) per partner group.
        assert_eq!(c.len(), 2 + 10 + 6 + 19 * (1 + s.partners.len()));
        let mut paths: Vec<&str> = c.iter().map(|p| p.path.as_str()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), c.len(), "paths are unique");
        assert!(find(&s, "partners.4.opportunism").is_none());
        assert!(find(&s, "governance.fixed_shares.0").is_none());
        assert!(find(&s, "seed").is_none());
    }

    /// The ladder is a choice among [`LADDERS`]: each spelled as its steps' keys, set and read
    /// back; typed with spaces too; a ladder outside them is the scenario's own.
    #[test]
    fn the_ladder_is_swept_over_common_ladders() {
        let base = default_scenario();
        let p = find(&base, "governance.resolution").unwrap();
        assert_eq!(p.options(), &LADDERS[..]);
        assert!(p.has_other_values());
        assert!(!find(&base, "governance.form").unwrap().has_other_values());
        for (i, key) in LADDERS.iter().enumerate() {
            let steps = ladder(i);
            let spelled: Vec<&str> = steps.iter().map(|r| r.key()).collect();
            assert_eq!(spelled.join(","), *key);
            let mut s = base.clone();
            p.apply(&mut s, i as f64);
            assert_eq!(s.governance.resolution, steps);
            assert!(s.validate().is_ok(), "{key}");
            assert!(!p.current_is_custom(&s));
            assert_eq!(p.value_text(i as f64), *key);
        }
        assert_eq!(
            p.parse_value(" negotiation, Mediation ,arbitration "),
            Ok(7.0)
        );
        assert!(p.parse_value("arbitration,negotiation").is_err());
        // The default's ladder is among them; a ladder outside them is said to be custom.
        assert!(!p.current_is_custom(&base));
        let mut own = base.clone();
        own.governance.resolution = vec![Resolution::Arbitration];
        assert!(p.current_is_custom(&own));
        // Every preset's ladder is among them.
        for preset in all() {
            assert!(!p.current_is_custom(&preset.scenario), "{}", preset.id);
        }
    }

    #[test]
    fn shocks_and_fixed_shares_appear_when_the_scenario_has_them() {
        for p in all() {
            let c = catalogue(&p.scenario);
            let shocks = p.scenario.environment.scripted_shocks.len();
            assert_eq!(
                c.iter()
                    .filter(|x| matches!(x.group, Group::Shock(_)))
                    .count(),
                3 * shocks,
                "{}",
                p.id
            );
            if let Sharing::Fixed(shares) = &p.scenario.governance.sharing {
                let f = find(
                    &p.scenario,
                    &format!("governance.fixed_shares.{}", shares.len() - 1),
                )
                .unwrap();
                let mut s = p.scenario.clone();
                f.apply(&mut s, 0.123);
                assert_eq!(
                    s.governance.sharing,
                    Sharing::Fixed({
                        let mut v = shares.clone();
                        *v.last_mut().unwrap() = 0.123;
                        v
                    })
                );
            }
        }
    }

    /// Every range in the catalogue is the one `validate` enforces: both ends pass, just
    /// beyond them fails (for every parameter of every preset).
    #[test]
    fn ranges_are_those_of_validate() {
        for preset in all() {
            let base = preset.scenario;
            for p in catalogue(&base) {
                let Domain::Number {
                    min,
                    max,
                    min_open,
                    whole,
                } = p.domain
                else {
                    for i in 0..p.options().len() {
                        let mut s = base.clone();
                        p.apply(&mut s, i as f64);
                        // Fixed sharing may fail on zero expected shares; nothing else may.
                        assert!(s.validate().is_ok(), "{} option {i}", p.path);
                        assert_eq!(p.current(&s), i as f64, "{}", p.path);
                    }
                    continue;
                };
                let eps = if whole { 1.0 } else { 1e-6 };
                let ok_lo = if min_open { min + eps } else { min };
                for v in [ok_lo, max] {
                    let mut s = base.clone();
                    p.apply(&mut s, v);
                    // In range, the field itself is never refused; only a rule over several
                    // fields may be (no contribution at all, no goal at all, a scripted
                    // shock beyond a shorter horizon).
                    if let Err(e) = s.validate() {
                        let coupled = e.field == "partners"
                            || e.field.ends_with(".goals")
                            || e.field.starts_with("environment.scripted_shocks.");
                        assert!(coupled, "{} = {v}: {e}", p.path);
                        assert!(v == min || v == 1.0, "{} = {v}: {e}", p.path);
                    }
                    assert!(p.check(v).is_ok());
                    if !p.path.contains('*') {
                        assert!((p.current(&s) - v).abs() < 1e-9, "{}", p.path);
                    }
                }
                let below = if min_open { min } else { min - eps };
                for v in [below, max + eps] {
                    let mut s = base.clone();
                    p.apply(&mut s, v);
                    let e = s.validate();
                    // Whole fields below 0 clamp to 0 in a u32: review 0 is allowed.
                    if !(whole && v < 0.0) {
                        assert!(e.is_err(), "{} = {v} passed validate", p.path);
                    }
                    assert!(p.check(v).is_err(), "{} = {v} passed check", p.path);
                }
            }
        }
    }

    #[test]
    fn apply_sets_one_partner_or_all() {
        let base = default_scenario();
        let mut s = base.clone();
        find(&base, "partners.*.opportunism")
            .unwrap()
            .apply(&mut s, 0.7);
        assert!(s.partners.iter().all(|p| p.opportunism == 0.7));
        let mut s = base.clone();
        find(&base, "partners.2.patience")
            .unwrap()
            .apply(&mut s, 0.9);
        assert_eq!(s.partners[2].patience, 0.9);
        assert_eq!(s.partners[1].patience, base.partners[1].patience);
        let mut s = base.clone();
        let pdi = find(&base, "partners.1.culture.pdi").unwrap();
        pdi.apply(&mut s, 10.0);
        let c = s.partners[1].culture.culture();
        assert_eq!(c.pdi, 10.0);
        assert_eq!(c.idv, base.partners[1].culture.culture().idv);
        let culture = find(&base, "partners.*.culture").unwrap();
        let jp = culture.parse_value("jp").unwrap();
        let mut s = base.clone();
        culture.apply(&mut s, jp);
        assert!(s
            .partners
            .iter()
            .all(|p| p.culture == CultureSpec::Country(Country::JP)));
        let form = find(&base, "governance.form").unwrap();
        assert_eq!(form.parse_value("equity_jv"), Ok(2.0));
        assert!(form.parse_value("llc").unwrap_err().contains("contract"));
        let mut s = base.clone();
        form.apply(&mut s, 2.0);
        assert_eq!(s.governance.form, Form::EquityJv);
        let sharing = find(&base, "governance.sharing").unwrap();
        let mut s = base.clone();
        sharing.apply(&mut s, 2.0);
        assert_eq!(
            s.governance.sharing,
            Sharing::Fixed(base.partners.iter().map(|p| p.expected_share).collect())
        );
        let t = find(&base, "governance.transparency").unwrap();
        assert_eq!(
            t.parse_value("7").unwrap_err(),
            "governance.transparency: must be in [0, 1], got 7"
        );
        let cap = find(&base, "partners.0.capacity").unwrap();
        assert!(cap.parse_value("0").unwrap_err().contains("(0, 10000]"));
        let rev = find(&base, "governance.review_months").unwrap();
        assert!(rev.parse_value("6.5").unwrap_err().contains("whole"));
    }

    #[test]
    fn axes_are_evenly_spaced_and_checked() {
        let base = default_scenario();
        let t = find(&base, "governance.transparency").unwrap();
        let a = Axis::numeric(t.clone(), 0.0, 1.0, 5).unwrap();
        assert_eq!(a.values, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        let a = Axis::numeric(t.clone(), 0.1, 0.3, 3).unwrap();
        assert_eq!(a.values, vec![0.1, 0.2, 0.3]);
        assert_eq!(a.text(1), "0.2");
        assert_eq!(
            Axis::numeric(t.clone(), 0.0, 1.0, 1),
            Err(AxisError::Steps(1))
        );
        assert_eq!(
            Axis::numeric(t.clone(), 0.0, 1.0, MAX_STEPS + 1),
            Err(AxisError::Steps(MAX_STEPS + 1))
        );
        assert!(matches!(
            Axis::numeric(t.clone(), 0.0, 1.5, 3),
            Err(AxisError::Range(_))
        ));
        assert_eq!(Axis::numeric(t.clone(), 0.5, 0.5, 3), Err(AxisError::Empty));
        let r = find(&base, "governance.review_months").unwrap();
        assert_eq!(
            Axis::numeric(r.clone(), 0.0, 24.0, 4).unwrap().values,
            vec![0.0, 8.0, 16.0, 24.0]
        );
        assert_eq!(
            Axis::numeric(r.clone(), 6.0, 9.0, 5),
            Err(AxisError::NotWhole)
        );
        let f = find(&base, "governance.form").unwrap();
        assert!(Axis::numeric(f.clone(), 0.0, 2.0, 3).is_err());
        let all = Axis::all_choices(f.clone()).unwrap();
        assert_eq!(all.values, vec![0.0, 1.0, 2.0]);
        assert_eq!(all.text(2), "equity_jv");
        assert!(Axis::choices(f.clone(), vec![1, 1]).is_err());
        assert!(Axis::choices(f.clone(), vec![0, 3]).is_err());
        assert!(Axis::choices(t, vec![0, 1]).is_err());
    }

    #[test]
    fn points_share_the_base_seed_and_cross_the_axes() {
        let mut base = default_scenario();
        base.seed = 99;
        let x =
            Axis::numeric(find(&base, "governance.transparency").unwrap(), 0.0, 1.0, 3).unwrap();
        let y = Axis::all_choices(find(&base, "governance.alliance_manager").unwrap()).unwrap();
        let one = sweep_points(&base, &x, None);
        assert_eq!(one.len(), 3);
        assert!(one.iter().all(|s| s.seed == 99));
        assert_eq!(one[2].governance.transparency, 1.0);
        let two = sweep_points(&base, &x, Some(&y));
        assert_eq!(two.len(), point_count(&x, Some(&y)));
        assert_eq!(two.len(), 6);
        // Point (ix, iy) at iy * 3 + ix.
        assert_eq!(two[4].governance.transparency, 0.5);
        assert!(two[4].governance.alliance_manager);
        assert!(!two[1].governance.alliance_manager);
        assert!(first_invalid(&two).is_none());
        // Nothing else changes.
        let mut back = two[5].clone();
        back.governance.transparency = base.governance.transparency;
        back.governance.alliance_manager = base.governance.alliance_manager;
        assert_eq!(back, base);
    }

    #[test]
    fn a_point_at_the_base_value_is_the_plain_batch() {
        // Common random numbers: the point whose value is the base's is exactly its batch.
        let base = default_scenario();
        let p = find(&base, "environment.rivalry").unwrap();
        let x = Axis::list(p, vec![0.1, base.environment.rivalry, 0.9]).unwrap();
        let r = run_sweep(&base, &x, None, 40).unwrap();
        let b = run_batch(&base, base.seed, 40).unwrap();
        assert_eq!(r.points[1].checksum, b.checksum);
        assert_eq!(r.points[1].survival, b.survival_at_horizon);
        assert_eq!(r.points[1].ci95, b.survival_ci95);
        for pt in &r.points {
            assert!(pt.ci95.0 <= pt.survival && pt.survival <= pt.ci95.1);
            assert_eq!(pt.runs, 40);
        }
    }

    #[test]
    fn chunked_tallies_give_the_same_result() {
        let base = default_scenario();
        let x = Axis::numeric(find(&base, "partners.*.opportunism").unwrap(), 0.0, 0.8, 3).unwrap();
        let y = Axis::all_choices(find(&base, "governance.form").unwrap()).unwrap();
        let whole = run_sweep(&base, &x, Some(&y), 30).unwrap();
        let tallies: Vec<BatchTally> = sweep_points(&base, &x, Some(&y))
            .iter()
            .map(|s| {
                let mut t = run_chunk(s, s.seed, 20..30).unwrap();
                t.merge(&run_chunk(s, s.seed, 0..20).unwrap()).unwrap();
                t
            })
            .collect();
        let merged = SweepResult::from_tallies(x.clone(), Some(y.clone()), &tallies).unwrap();
        assert_eq!(merged, whole);
        assert_eq!(whole.grid().len(), 3);
        assert_eq!(whole.grid()[2].len(), 3);
        assert_eq!(whole.at(1, 2).unwrap().ix, 1);
        assert_eq!(whole.at(1, 2).unwrap().iy, 2);
        assert!(whole.at(3, 0).is_none());
        assert!(SweepResult::from_tallies(x, Some(y), &tallies[..2]).is_err());
    }

    #[test]
    fn opportunism_lowers_survival() {
        // A sweep can fail: more opportunistic partners must not survive more often.
        let base = default_scenario();
        let x = Axis::list(
            find(&base, "partners.*.opportunism").unwrap(),
            vec![0.05, 0.9],
        )
        .unwrap();
        let r = run_sweep(&base, &x, None, 300).unwrap();
        assert!(r.points[1].ci95.1 < r.points[0].ci95.0, "{:?}", r.points);
    }

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(-0.5), "-0.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
    }
}
