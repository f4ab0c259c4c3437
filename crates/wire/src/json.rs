//! Scenario JSON, version 1: the wire structs, their defaults, and the conversion into and
//! out of the core's [`Scenario`].

use std::fmt;

use aliansi_sim::presets::default_scenario;
use aliansi_sim::{
    Country, Culture, CultureSpec, DecisionRule, Environment, Form, Goal, Governance, Partner,
    Resolution, Scenario, ScriptedShock, Sharing, ShockKind,
};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{invalid, WireError};

/// The scenario JSON version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// A whole scenario as written in a version-1 JSON file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioV1 {
    /// Always 1.
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default = "d_horizon")]
    pub horizon_months: u32,
    #[serde(default = "d_seed")]
    pub seed: u64,
    #[serde(default = "d_initial_trust")]
    pub initial_trust: f64,
    pub partners: Vec<PartnerV1>,
    #[serde(default)]
    pub governance: GovernanceV1,
    #[serde(default)]
    pub environment: EnvironmentV1,
}

fn d_horizon() -> u32 {
    default_scenario().horizon_months
}
fn d_seed() -> u64 {
    default_scenario().seed
}
fn d_initial_trust() -> f64 {
    default_scenario().initial_trust
}

/// One partner. `name` and `culture` are required; the rest default to a middling partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerV1 {
    pub name: String,
    pub culture: CultureV1,
    /// Omitted: 0.5 on every goal.
    #[serde(default = "d_goals")]
    pub goals: GoalsV1,
    #[serde(default = "d_capacity")]
    pub capacity: f64,
    #[serde(default = "d_half")]
    pub contribution: f64,
    /// Omitted: an equal share, 1 / number of partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_share: Option<f64>,
    #[serde(default = "d_opportunism")]
    pub opportunism: f64,
    #[serde(default = "d_learning_intent")]
    pub learning_intent: f64,
    #[serde(default = "d_half")]
    pub adaptability: f64,
    #[serde(default = "d_half")]
    pub patience: f64,
}

fn d_goals() -> GoalsV1 {
    GoalsV1 {
        market_access: 0.5,
        technology: 0.5,
        cost_efficiency: 0.5,
        risk_sharing: 0.5,
        growth: 0.5,
    }
}
fn d_capacity() -> f64 {
    50.0
}
fn d_half() -> f64 {
    0.5
}
fn d_opportunism() -> f64 {
    0.2
}
fn d_learning_intent() -> f64 {
    0.4
}

/// A culture: a country code (`"ID"`, `"JP"`, ...) or six custom Hofstede scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CultureV1 {
    Country(String),
    Custom(HofstedeV1),
}

/// Six custom Hofstede scores, each in [0, 120].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HofstedeV1 {
    pub pdi: f64,
    pub idv: f64,
    pub mas: f64,
    pub uai: f64,
    pub lto: f64,
    pub ivr: f64,
}

impl<'de> Deserialize<'de> for CultureV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CultureV1, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CultureV1;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a country code such as \"ID\" or an object {\"pdi\",\"idv\",\"mas\",\"uai\",\"lto\",\"ivr\"}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CultureV1, E> {
                Ok(CultureV1::Country(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CultureV1, A::Error> {
                HofstedeV1::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(CultureV1::Custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Weights of the five goals, each in [0, 1]; a missing goal weighs 0. The keys are those
/// of [`Goal::key`] (a test checks they agree).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalsV1 {
    #[serde(default)]
    pub market_access: f64,
    #[serde(default)]
    pub technology: f64,
    #[serde(default)]
    pub cost_efficiency: f64,
    #[serde(default)]
    pub risk_sharing: f64,
    #[serde(default)]
    pub growth: f64,
}

impl GoalsV1 {
    /// In the order of [`Goal::ALL`].
    pub fn to_array(&self) -> [f64; 5] {
        let mut out = [0.0; 5];
        for (i, g) in Goal::ALL.iter().enumerate() {
            out[i] = match g {
                Goal::MarketAccess => self.market_access,
                Goal::Technology => self.technology,
                Goal::CostEfficiency => self.cost_efficiency,
                Goal::RiskSharing => self.risk_sharing,
                Goal::Growth => self.growth,
            };
        }
        out
    }
    pub fn from_array(a: &[f64; 5]) -> GoalsV1 {
        let mut g = GoalsV1 {
            market_access: 0.0,
            technology: 0.0,
            cost_efficiency: 0.0,
            risk_sharing: 0.0,
            growth: 0.0,
        };
        for (i, goal) in Goal::ALL.iter().enumerate() {
            let slot = match goal {
                Goal::MarketAccess => &mut g.market_access,
                Goal::Technology => &mut g.technology,
                Goal::CostEfficiency => &mut g.cost_efficiency,
                Goal::RiskSharing => &mut g.risk_sharing,
                Goal::Growth => &mut g.growth,
            };
            *slot = a[i];
        }
        g
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormV1 {
    Contract,
    MinorityEquity,
    EquityJv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRuleV1 {
    Consensus,
    Majority,
    LeadPartner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharingV1 {
    Equal,
    Proportional,
    Fixed,
}

/// The governance levers. Every field may be omitted (default: the default scenario's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GovernanceV1 {
    pub form: FormV1,
    pub decision_rule: DecisionRuleV1,
    pub transparency: f64,
    pub monitoring: f64,
    pub sharing: SharingV1,
    /// Only with `"sharing": "fixed"`; omitted = the partners' `expected_share`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_shares: Option<Vec<f64>>,
    /// 0 = never.
    pub review_months: u32,
    pub exit_penalty_months: f64,
    pub compliance: f64,
    pub alliance_manager: bool,
    /// Steps of the ladder, keys of [`Resolution::key`].
    pub resolution: Vec<String>,
}

impl Default for GovernanceV1 {
    fn default() -> GovernanceV1 {
        governance_from_core(&default_scenario().governance)
    }
}

/// The market. Every field may be omitted (default: the default scenario's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnvironmentV1 {
    pub volatility: f64,
    pub growth: f64,
    pub shock_rate_per_year: f64,
    pub shock_severity: f64,
    pub regulatory_strictness: f64,
    pub rivalry: f64,
    pub scripted_shocks: Vec<ScriptedShockV1>,
}

impl Default for EnvironmentV1 {
    fn default() -> EnvironmentV1 {
        environment_from_core(&default_scenario().environment)
    }
}

/// A shock on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptedShockV1 {
    pub month: u32,
    /// A key of [`ShockKind::key`].
    pub kind: String,
    pub severity: f64,
    /// Partner index, for partner shocks (omitted = partner 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<usize>,
}

// ---------------------------------------------------------------------------------------
// Conversions.

fn keys_list<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|x| key(*x)).collect::<Vec<_>>().join(", ")
}

fn country_codes() -> String {
    Country::ALL
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Converts the wire struct into a validated core scenario.
pub fn to_core(v: &ScenarioV1) -> Result<Scenario, WireError> {
    if v.version != SCENARIO_VERSION {
        return Err(WireError::UnsupportedVersion(v.version.to_string()));
    }
    let n = v.partners.len().max(1);
    let mut partners = Vec::with_capacity(v.partners.len());
    for (i, p) in v.partners.iter().enumerate() {
        let culture = match &p.culture {
            CultureV1::Country(code) => match Country::from_code(code) {
                Some(c) => CultureSpec::Country(c),
                None => {
                    return Err(invalid(
                        format!("partners.{i}.culture"),
                        format!(
                            "unknown country code \"{code}\" (known: {}; or give {{\"pdi\",\"idv\",\"mas\",\"uai\",\"lto\",\"ivr\"}})",
                            country_codes()
                        ),
                    ))
                }
            },
            CultureV1::Custom(h) => {
                CultureSpec::Custom(Culture { pdi: h.pdi, idv: h.idv, mas: h.mas, uai: h.uai, lto: h.lto, ivr: h.ivr })
            }
        };
        partners.push(Partner {
            name: p.name.clone(),
            culture,
            goals: p.goals.to_array(),
            capacity: p.capacity,
            contribution: p.contribution,
            expected_share: p.expected_share.unwrap_or(1.0 / n as f64),
            opportunism: p.opportunism,
            learning_intent: p.learning_intent,
            adaptability: p.adaptability,
            patience: p.patience,
        });
    }
    let g = &v.governance;
    let sharing = match (g.sharing, &g.fixed_shares) {
        (SharingV1::Equal, None) => Sharing::Equal,
        (SharingV1::Proportional, None) => Sharing::Proportional,
        (SharingV1::Fixed, Some(s)) => Sharing::Fixed(s.clone()),
        (SharingV1::Fixed, None) => {
            Sharing::Fixed(partners.iter().map(|p| p.expected_share).collect())
        }
        (_, Some(_)) => {
            return Err(invalid(
                "governance.fixed_shares",
                "only allowed with \"sharing\": \"fixed\" (remove it, or set sharing to fixed)",
            ))
        }
    };
    let mut resolution = Vec::with_capacity(g.resolution.len());
    for (i, key) in g.resolution.iter().enumerate() {
        match Resolution::ALL.iter().find(|r| r.key() == key.as_str()) {
            Some(r) => resolution.push(*r),
            None => {
                return Err(invalid(
                    format!("governance.resolution.{i}"),
                    format!(
                        "unknown step \"{key}\" (expected one of {})",
                        keys_list(&Resolution::ALL, Resolution::key)
                    ),
                ))
            }
        }
    }
    let e = &v.environment;
    let mut scripted = Vec::with_capacity(e.scripted_shocks.len());
    for (i, s) in e.scripted_shocks.iter().enumerate() {
        let kind = match ShockKind::ALL.iter().find(|k| k.key() == s.kind.as_str()) {
            Some(k) => *k,
            None => {
                return Err(invalid(
                    format!("environment.scripted_shocks.{i}.kind"),
                    format!(
                        "unknown shock kind \"{}\" (expected one of {})",
                        s.kind,
                        keys_list(&ShockKind::ALL, ShockKind::key)
                    ),
                ))
            }
        };
        scripted.push(ScriptedShock {
            month: s.month,
            kind,
            severity: s.severity,
            partner: s.partner,
        });
    }
    let scenario = Scenario {
        horizon_months: v.horizon_months,
        seed: v.seed,
        initial_trust: v.initial_trust,
        partners,
        governance: Governance {
            form: match g.form {
                FormV1::Contract => Form::Contract,
                FormV1::MinorityEquity => Form::MinorityEquity,
                FormV1::EquityJv => Form::EquityJv,
            },
            decision_rule: match g.decision_rule {
                DecisionRuleV1::Consensus => DecisionRule::Consensus,
                DecisionRuleV1::Majority => DecisionRule::Majority,
                DecisionRuleV1::LeadPartner => DecisionRule::LeadPartner,
            },
            transparency: g.transparency,
            monitoring: g.monitoring,
            sharing,
            review_months: g.review_months,
            exit_penalty_months: g.exit_penalty_months,
            compliance: g.compliance,
            alliance_manager: g.alliance_manager,
            resolution,
        },
        environment: Environment {
            volatility: e.volatility,
            growth: e.growth,
            shock_rate_per_year: e.shock_rate_per_year,
            shock_severity: e.shock_severity,
            regulatory_strictness: e.regulatory_strictness,
            rivalry: e.rivalry,
            scripted_shocks: scripted,
        },
    };
    scenario.validate()?;
    Ok(scenario)
}

fn governance_from_core(g: &Governance) -> GovernanceV1 {
    let (sharing, fixed_shares) = match &g.sharing {
        Sharing::Equal => (SharingV1::Equal, None),
        Sharing::Proportional => (SharingV1::Proportional, None),
        Sharing::Fixed(s) => (SharingV1::Fixed, Some(s.clone())),
    };
    GovernanceV1 {
        form: match g.form {
            Form::Contract => FormV1::Contract,
            Form::MinorityEquity => FormV1::MinorityEquity,
            Form::EquityJv => FormV1::EquityJv,
        },
        decision_rule: match g.decision_rule {
            DecisionRule::Consensus => DecisionRuleV1::Consensus,
            DecisionRule::Majority => DecisionRuleV1::Majority,
            DecisionRule::LeadPartner => DecisionRuleV1::LeadPartner,
        },
        transparency: g.transparency,
        monitoring: g.monitoring,
        sharing,
        fixed_shares,
        review_months: g.review_months,
        exit_penalty_months: g.exit_penalty_months,
        compliance: g.compliance,
        alliance_manager: g.alliance_manager,
        resolution: g.resolution.iter().map(|r| r.key().to_string()).collect(),
    }
}

fn environment_from_core(e: &Environment) -> EnvironmentV1 {
    EnvironmentV1 {
        volatility: e.volatility,
        growth: e.growth,
        shock_rate_per_year: e.shock_rate_per_year,
        shock_severity: e.shock_severity,
        regulatory_strictness: e.regulatory_strictness,
        rivalry: e.rivalry,
        scripted_shocks: e
            .scripted_shocks
            .iter()
            .map(|s| ScriptedShockV1 {
                month: s.month,
                kind: s.kind.key().to_string(),
                severity: s.severity,
                partner: s.partner,
            })
            .collect(),
    }
}

/// The wire struct of a core scenario (every field written; no name or description).
pub fn from_core(s: &Scenario) -> ScenarioV1 {
    ScenarioV1 {
        version: SCENARIO_VERSION,
        name: None,
        description: None,
        horizon_months: s.horizon_months,
        seed: s.seed,
        initial_trust: s.initial_trust,
        partners: s
            .partners
            .iter()
            .map(|p| PartnerV1 {
                name: p.name.clone(),
                culture: match p.culture {
                    CultureSpec::Country(c) => CultureV1::Country(c.code().to_string()),
                    CultureSpec::Custom(c) => CultureV1::Custom(HofstedeV1 {
                        pdi: c.pdi,
                        idv: c.idv,
                        mas: c.mas,
                        uai: c.uai,
                        lto: c.lto,
                        ivr: c.ivr,
                    }),
                },
                goals: GoalsV1::from_array(&p.goals),
                capacity: p.capacity,
                contribution: p.contribution,
                expected_share: Some(p.expected_share),
                opportunism: p.opportunism,
                learning_intent: p.learning_intent,
                adaptability: p.adaptability,
                patience: p.patience,
            })
            .collect(),
        governance: governance_from_core(&s.governance),
        environment: environment_from_core(&s.environment),
    }
}

// ---------------------------------------------------------------------------------------
// Text and JSON values.

/// serde_json appends " at line L column C" to its messages; we say where ourselves.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => full,
    }
}

fn path_string(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in p.iter() {
        let s = match seg {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.clone(),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => continue,
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&s);
    }
    out
}

fn schema_error(e: serde_path_to_error::Error<serde_json::Error>) -> WireError {
    let path = path_string(e.path());
    let inner = e.inner();
    WireError::Schema {
        path,
        message: bare_message(inner),
        line: inner.line(),
        column: inner.column(),
    }
}

fn check_version(v: &serde_json::Value) -> Result<(), WireError> {
    let obj = match v {
        serde_json::Value::Object(o) => o,
        other => {
            let kind = match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Array(_) => "an array",
                serde_json::Value::Object(_) => "an object",
            };
            return Err(WireError::Schema {
                path: String::new(),
                message: format!(
                    "a scenario must be a JSON object {{\"version\": 1, ...}}, got {kind}"
                ),
                line: 0,
                column: 0,
            });
        }
    };
    match obj.get("version") {
        None => Err(WireError::MissingVersion),
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(SCENARIO_VERSION as u64) => Ok(()),
        Some(other) => Err(WireError::UnsupportedVersion(other.to_string())),
    }
}

/// A syntax error of JSON `text`, where the mistake is. serde_json stops where it noticed it:
/// a comma left out at the end of a line (the commonest slip of a file edited by hand) is
/// noticed at the next line's first character, so "line 5" sends the reader to a line with
/// nothing wrong. When a comma was expected there, the error points just after the last
/// character of the line before that holds any (where the comma belongs) instead.
fn syntax_error(text: &str, e: &serde_json::Error) -> WireError {
    let message = bare_message(e);
    let (mut line, mut column) = (e.line(), e.column());
    let lines: Vec<&str> = text.lines().collect();
    let first_on_its_line = lines
        .get(line.wrapping_sub(1))
        .is_some_and(|l| l.chars().take_while(|c| c.is_whitespace()).count() + 1 == column);
    if message.starts_with("expected `,`") && first_on_its_line {
        if let Some((k, before)) = lines[..line - 1]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, l)| !l.trim().is_empty())
        {
            line = k + 1;
            column = before.trim_end().chars().count() + 1;
        }
    }
    WireError::Syntax {
        line,
        column,
        message,
    }
}

/// Reads scenario JSON text into the wire struct (version and schema checked, ranges not yet).
pub fn parse_v1(text: &str) -> Result<ScenarioV1, WireError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    check_version(&value)?;
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(schema_error)
}

/// Reads a JSON value into the wire struct (version and schema checked, ranges not yet).
pub fn parse_value_v1(value: &serde_json::Value) -> Result<ScenarioV1, WireError> {
    check_version(value)?;
    // Through its text: one schema reader (with field paths) serves files and values alike, so
    // the app carries it once (each kind of input would compile a copy of it into the wasm).
    // Floats read back bit for bit (serde_json's `float_roundtrip`). The line and column of
    // that text would mean nothing to the user, so they are left out (0).
    let text = value.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| match schema_error(e) {
        WireError::Schema { path, message, .. } => WireError::Schema {
            path,
            message,
            line: 0,
            column: 0,
        },
        other => other,
    })
}

/// The fields a scenario file (`text`, which [`parse_v1`] reads) does not write and that took
/// their defaults, as error messages name fields (`horizon_months`, `partners[5].capacity`,
/// `governance` for a whole missing part; by name): a file edited by hand that lost a line still opens,
/// and the user is told what it now holds. Empty for a file that writes every field, or that
/// does not read.
pub fn defaulted_fields(text: &str) -> Vec<String> {
    fn walk(given: &serde_json::Value, full: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        use serde_json::Value;
        match (given, full) {
            (Value::Object(g), Value::Object(f)) => {
                for (k, fv) in f {
                    let path = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    match g.get(k) {
                        Some(gv) => walk(gv, fv, &path, out),
                        None if at.is_empty() && k == "version" => {}
                        None => out.push(path),
                    }
                }
            }
            (Value::Array(g), Value::Array(f)) => {
                for (i, (gv, fv)) in g.iter().zip(f).enumerate() {
                    walk(gv, fv, &format!("{at}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let (Ok(given), Ok(v)) = (serde_json::from_str(text), parse_v1(text)) else {
        return Vec::new();
    };
    // Through its text, as `to_value`: one writer of the format in the app, not two.
    let full = serde_json::from_str(&to_json_v1(&v)).unwrap_or(serde_json::Value::Null);
    let mut out = Vec::new();
    walk(&given, &full, "", &mut out);
    // In one order whatever serde_json's `preserve_order` (which another crate of a build may
    // turn on): by name.
    out.sort();
    out
}

/// Whether a JSON `value` is a file of saved scenarios rather than one scenario: the app's
/// library as it stores it and as "Export all saved scenarios" writes it, an object with
/// `items` (`{"version": 2, "items": [...]}`, read by the app's `src/storage.rs`).
pub fn is_saved_list(value: &serde_json::Value) -> bool {
    value.get("items").is_some()
}

/// Reads scenario JSON text into a validated core scenario.
pub fn parse_json(text: &str) -> Result<Scenario, WireError> {
    to_core(&parse_v1(text)?)
}

/// Reads a JSON value (as made by [`to_value`], perhaps edited) into a validated core scenario.
pub fn from_value(value: &serde_json::Value) -> Result<Scenario, WireError> {
    to_core(&parse_value_v1(value)?)
}

/// The scenario as pretty version-1 JSON, every field written.
pub fn to_json(s: &Scenario) -> String {
    to_json_v1(&from_core(s))
}

/// The wire struct as pretty JSON.
pub fn to_json_v1(v: &ScenarioV1) -> String {
    let mut text = serde_json::to_string_pretty(v).unwrap_or_default();
    text.push('\n');
    text
}

/// The scenario as a version-1 JSON value. Made from its text, like [`parse_value_v1`] reads
/// through text: the app then carries one writer of the format, not two.
pub fn to_value(s: &Scenario) -> serde_json::Value {
    serde_json::from_str(&to_json(s)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::culture::DIMENSION_KEYS;

    #[test]
    fn fields_left_out_of_a_file_are_named() {
        let s = aliansi_sim::presets::default_scenario();
        let whole = to_json(&s);
        assert_eq!(defaulted_fields(&whole), Vec::<String>::new());
        let mut v = to_value(&s);
        v["partners"][2].as_object_mut().unwrap().remove("capacity");
        v.as_object_mut().unwrap().remove("horizon_months");
        v.as_object_mut().unwrap().remove("governance");
        let text = v.to_string();
        assert_eq!(
            defaulted_fields(&text),
            ["governance", "horizon_months", "partners[2].capacity"]
        );
        // Read as the defaults say.
        let read = parse_json(&text).unwrap();
        assert_eq!(read.horizon_months, 120);
        // A file that does not read: nothing to name.
        assert!(defaulted_fields("{").is_empty());
        assert!(defaulted_fields("[1, 2]").is_empty());
    }

    #[test]
    fn a_comma_left_out_at_a_lines_end_is_pointed_at_there() {
        let syntax = |text: &str| match parse_v1(text) {
            Err(WireError::Syntax {
                line,
                column,
                message,
            }) => (line, column, message),
            other => panic!("{other:?}"),
        };
        // The pretty-printed form a file has, with the comma after `1` left out (and a blank
        // line, and Windows line ends, between it and the next field).
        let text = "{\n  \"version\": 1\r\n\r\n    \"seed\": 5\n}";
        let (line, column, message) = syntax(text);
        assert_eq!(
            (line, column),
            (2, 15),
            "just after `1`, where the comma belongs"
        );
        assert!(message.starts_with("expected `,`"), "{message}");
        // In a list too.
        let (line, column, _) = syntax("{\"partners\": [\n  {},\n  {}\n  {}\n]}");
        assert_eq!((line, column), (3, 5));
        // A comma left out within one line is noticed where it is.
        let (line, column, _) = syntax("{\"version\": 1 \"seed\": 5}");
        assert_eq!((line, column), (1, 15));
        // Other mistakes keep serde's place: a stray character at a line's start.
        let (line, column, message) = syntax("{\n  \"version\": 1,\n  ]\n}");
        assert_eq!((line, column), (3, 3), "{message}");
        // The sentence names the line of the missing comma.
        let e = parse_v1(text).unwrap_err().to_string();
        assert!(e.starts_with("not valid JSON at line 2 column 15"), "{e}");
    }

    #[test]
    fn values_read_like_text_with_the_field_path_but_no_line() {
        let s = aliansi_sim::presets::default_scenario();
        let mut v = to_value(&s);
        assert_eq!(
            from_value(&v),
            Ok(s.clone()),
            "bit for bit through the text"
        );
        v["partners"][1]["capacity"] = serde_json::json!("lots");
        match from_value(&v) {
            Err(WireError::Schema {
                path, line, column, ..
            }) => {
                assert_eq!(path, "partners.1.capacity");
                assert_eq!((line, column), (0, 0));
            }
            other => panic!("{other:?}"),
        }
        let text = serde_json::to_string_pretty(&v).unwrap();
        match parse_json(&text) {
            Err(WireError::Schema { path, line, .. }) => {
                assert_eq!(path, "partners.1.capacity");
                assert!(line > 1, "a file's error has its line");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn goal_keys_match_the_core() {
        let v = serde_json::to_value(GoalsV1::from_array(&[0.1, 0.2, 0.3, 0.4, 0.5])).unwrap();
        for (i, g) in Goal::ALL.iter().enumerate() {
            assert_eq!(
                v[g.key()].as_f64(),
                Some([0.1, 0.2, 0.3, 0.4, 0.5][i]),
                "{}",
                g.key()
            );
        }
        assert_eq!(v.as_object().unwrap().len(), Goal::ALL.len());
    }

    #[test]
    fn culture_keys_match_the_core() {
        let h = HofstedeV1 {
            pdi: 1.0,
            idv: 2.0,
            mas: 3.0,
            uai: 4.0,
            lto: 5.0,
            ivr: 6.0,
        };
        let v = serde_json::to_value(h).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        let mut expect: Vec<&str> = DIMENSION_KEYS.to_vec();
        expect.sort();
        let mut got: Vec<&str> = keys.iter().map(|s| s.as_str()).collect();
        got.sort();
        assert_eq!(got, expect);
    }

    #[test]
    fn defaults_come_from_the_default_scenario() {
        let s = parse_json(
            r#"{"version":1,"partners":[{"name":"A","culture":"ID"},{"name":"B","culture":"jp"}]}"#,
        )
        .unwrap();
        let d = default_scenario();
        assert_eq!(s.governance, d.governance);
        assert_eq!(s.environment, d.environment);
        assert_eq!(s.horizon_months, d.horizon_months);
        assert_eq!(s.partners[0].expected_share, 0.5);
        assert_eq!(s.partners[1].culture, CultureSpec::Country(Country::JP));
    }
}
