//! Pure edit operations of the scenario editor, unit-tested natively: parsing what users type,
//! reading and writing a field by its JSON path (`partners.1.capacity`), adding and removing
//! partners and scripted shocks while keeping indices consistent, moving ladder steps, and
//! turning a validation error into a message for the control that was changed.
//!
//! The component calls [`apply`] with an [`Edit`] and either dispatches the candidate scenario
//! or shows the returned [`Refusal`] beside the control.

use aliansi_sim::culture::DIMENSION_KEYS;
use aliansi_sim::{
    Country, Culture, CultureSpec, DecisionRule, Form, Goal, Resolution, Scenario, ScenarioError,
    ScriptedShock, Sharing, ShockKind, MAX_PARTNERS, MAX_SCRIPTED_SHOCKS,
};

/// One edit the user makes. Paths are the scenario JSON paths (`governance.transparency`).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A number typed into (or slid on) the control at `path`, as text.
    Number {
        path: String,
        text: String,
        /// The decimal mark of where it was typed: the page's language's in a text field
        /// (`Lang::decimal_mark`), `.` from a slider.
        mark: char,
    },
    /// A choice (select, checkbox, name) at `path`: an enum key, a country code or `custom`,
    /// `true`/`false`, a partner index, or a name.
    Choice {
        path: String,
        value: String,
    },
    /// Adds a partner named `name` (a copy of the last one).
    AddPartner {
        name: String,
    },
    RemovePartner(usize),
    LadderUp(usize),
    LadderDown(usize),
    LadderRemove(usize),
    LadderAdd(Resolution),
    AddShock,
    RemoveShock(usize),
}

impl Edit {
    /// The control path where a refusal of this edit is shown.
    pub fn path(&self) -> String {
        match self {
            Edit::Number { path, .. } | Edit::Choice { path, .. } => path.clone(),
            Edit::AddPartner { .. } | Edit::RemovePartner(_) => "partners".into(),
            Edit::LadderUp(_)
            | Edit::LadderDown(_)
            | Edit::LadderRemove(_)
            | Edit::LadderAdd(_) => "governance.resolution".into(),
            Edit::AddShock | Edit::RemoveShock(_) => "environment.scripted_shocks".into(),
        }
    }
}

/// Why a value was refused; the component words it in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Nothing typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Not a number, where a whole number is needed (the words say so, without a decimal
    /// example).
    NotAWholeNumber,
    /// A whole number is needed.
    NotWhole,
    /// Outside `[lo, hi]`.
    Range { lo: f64, hi: f64 },
    /// Must be above `lo` and at most `hi` (capacity).
    AboveRange { lo: f64, hi: f64 },
    /// A scripted shock lies in month `month`, beyond the horizon asked for.
    ShockBeyondHorizon { month: u32 },
    /// A name must have 1 to 60 characters.
    NameLength,
    /// Another partner has this name already.
    NameTaken,
    /// At least one goal weight must be above 0.
    GoalsAllZero,
    /// At least one partner must contribute something.
    NoContribution,
    /// At least one fixed share must be above 0.
    SharesAllZero,
    /// At most [`MAX_PARTNERS`] partners.
    TooManyPartners,
    /// At least 2 partners.
    TooFewPartners,
    /// The ladder needs 1 to 5 distinct steps.
    Ladder,
    /// Anything else: the core's own message (English).
    Other(String),
}

/// The numeric fields' ranges and input kinds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub integer: bool,
    /// Whether a slider is offered next to the text box.
    pub slider: bool,
}

const fn unit() -> Spec {
    Spec {
        min: 0.0,
        max: 1.0,
        step: 0.05,
        integer: false,
        slider: true,
    }
}

/// The path without its list indices: `partners.1.goals.growth` → `partners.goals.growth`.
/// Labels and help texts are keyed by it (`editor.f.<generic>`, `editor.h.<generic>`).
pub fn generic(path: &str) -> String {
    path.split('.')
        .filter(|s| s.parse::<usize>().is_err())
        .collect::<Vec<_>>()
        .join(".")
}

/// Range and kind of the numeric control at `path` (`horizon` bounds scripted shock months).
pub fn spec(path: &str, horizon: u32) -> Spec {
    let g = generic(path);
    let int = |min: f64, max: f64| Spec {
        min,
        max,
        step: 1.0,
        integer: true,
        slider: true,
    };
    match g.as_str() {
        "horizon_months" => int(1.0, f64::from(aliansi_sim::MAX_HORIZON_MONTHS)),
        "partners.capacity" => Spec {
            min: 0.0,
            max: 10_000.0,
            step: 1.0,
            integer: false,
            slider: false,
        },
        "governance.review_months" => int(0.0, 120.0),
        "governance.exit_penalty_months" => Spec {
            min: 0.0,
            max: 60.0,
            step: 1.0,
            integer: false,
            slider: true,
        },
        "environment.growth" => Spec {
            min: -0.5,
            max: 0.5,
            step: 0.01,
            integer: false,
            slider: true,
        },
        "environment.shock_rate_per_year" => Spec {
            min: 0.0,
            max: 12.0,
            step: 0.1,
            integer: false,
            slider: true,
        },
        "environment.scripted_shocks.month" => int(1.0, f64::from(horizon.max(1))),
        _ if g.starts_with("partners.culture.") => Spec {
            min: 0.0,
            max: 120.0,
            step: 1.0,
            integer: false,
            slider: true,
        },
        _ => unit(),
    }
}

/// Whether partner `k` of `s` is named `name`, as the editor tells names apart: trimmed,
/// ASCII capitals alike ("Hoshi" and "HOSHI" read as one in a story).
fn same_name(s: &Scenario, k: usize, name: &str) -> bool {
    s.partners[k].name.trim().eq_ignore_ascii_case(name.trim())
}

/// Whether partner `i` has the name of a partner before it: a scenario from an older link or
/// file may have two of one name (the editor refuses it when typed). The editor marks the
/// later one, as the story numbers them ("Hoshi Technologies (2)").
pub fn name_taken_before(s: &Scenario, i: usize) -> bool {
    (0..i).any(|k| same_name(s, k, &s.partners[i].name))
}

/// Every generic numeric path the editor shows (for the label and help text tests).
pub fn numeric_generics() -> Vec<String> {
    let mut v: Vec<String> = [
        "horizon_months",
        "initial_trust",
        "partners.capacity",
        "partners.contribution",
        "partners.expected_share",
        "partners.opportunism",
        "partners.learning_intent",
        "partners.adaptability",
        "partners.patience",
        "governance.transparency",
        "governance.monitoring",
        "governance.fixed_shares",
        "governance.review_months",
        "governance.exit_penalty_months",
        "governance.compliance",
        "environment.volatility",
        "environment.growth",
        "environment.shock_rate_per_year",
        "environment.shock_severity",
        "environment.regulatory_strictness",
        "environment.rivalry",
        "environment.scripted_shocks.month",
        "environment.scripted_shocks.severity",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.extend(
        Goal::ALL
            .iter()
            .map(|g| format!("partners.goals.{}", g.key())),
    );
    v.extend(
        DIMENSION_KEYS
            .iter()
            .map(|k| format!("partners.culture.{k}")),
    );
    v
}

/// Parses a number as users type it (`number::read_with`): surrounding spaces ignored, a
/// decimal point or comma, thousands marks; what reads two ways (`1,200`) is read as the page
/// writes numbers, whose decimal mark is `mark`. Empty text, words, `inf` and `NaN` are refused.
pub fn parse_number(text: &str, mark: char) -> Result<f64, Refusal> {
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    match crate::number::read_with(text, mark) {
        Some(v) => Ok(if v == 0.0 { 0.0 } else { v }),
        None => Err(Refusal::NotANumber),
    }
}

/// Parses a whole number in `[0, u32::MAX]` (months) as [`parse_number`] reads it, with or
/// without thousands marks (`24,0` is 24), except that one mark before exactly three digits
/// is a thousands mark in either language (`1,200` and `1.200` are 1200, as the runs fields
/// read them): a whole number has no decimals for the mark to begin, and `1.000` read as 1 on
/// an English page turned a horizon of a thousand months into one, silently (an audit).
/// Out-of-range values come back as a [`Refusal::Range`] with the control's bounds.
pub fn parse_whole(text: &str, mark: char, spec: Spec) -> Result<u32, Refusal> {
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let v = crate::number::read_whole_with(text, mark).ok_or(Refusal::NotAWholeNumber)?;
    if v.fract() != 0.0 {
        return Err(Refusal::NotWhole);
    }
    if v < 0.0 || v > f64::from(u32::MAX) {
        return Err(Refusal::Range {
            lo: spec.min,
            hi: spec.max,
        });
    }
    Ok(v as u32)
}

/// A number as the controls show it: at most 4 decimals, no trailing zeros; a value below
/// 0.001 with 4 significant digits instead (0.00001 is not shown as 0).
pub fn format_number(v: f64) -> String {
    let mut decimals = 4;
    if v.abs() < 0.001 {
        let mut x = v.abs();
        while x != 0.0 && x < 0.1 && decimals < 20 {
            x *= 10.0;
            decimals += 1;
        }
    }
    let s = format!("{:.*}", decimals, v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn goal_index(key: &str) -> Option<usize> {
    Goal::ALL.iter().position(|g| g.key() == key)
}

fn dim_index(key: &str) -> Option<usize> {
    DIMENSION_KEYS.iter().position(|k| *k == key)
}

/// The value of the numeric field at `path`, if there is one.
pub fn get_number(s: &Scenario, path: &str) -> Option<f64> {
    let seg: Vec<&str> = path.split('.').collect();
    let idx = |k: usize| seg.get(k).and_then(|x| x.parse::<usize>().ok());
    match seg.as_slice() {
        ["horizon_months"] => Some(f64::from(s.horizon_months)),
        ["initial_trust"] => Some(s.initial_trust),
        ["partners", _, rest @ ..] => {
            let p = s.partners.get(idx(1)?)?;
            match rest {
                ["goals", g] => Some(p.goals[goal_index(g)?]),
                ["culture", d] => Some(p.culture.culture().dims()[dim_index(d)?]),
                ["capacity"] => Some(p.capacity),
                ["contribution"] => Some(p.contribution),
                ["expected_share"] => Some(p.expected_share),
                ["opportunism"] => Some(p.opportunism),
                ["learning_intent"] => Some(p.learning_intent),
                ["adaptability"] => Some(p.adaptability),
                ["patience"] => Some(p.patience),
                _ => None,
            }
        }
        ["governance", rest @ ..] => {
            let g = &s.governance;
            match rest {
                ["transparency"] => Some(g.transparency),
                ["monitoring"] => Some(g.monitoring),
                ["compliance"] => Some(g.compliance),
                ["review_months"] => Some(f64::from(g.review_months)),
                ["exit_penalty_months"] => Some(g.exit_penalty_months),
                ["fixed_shares", _] => match &g.sharing {
                    Sharing::Fixed(v) => v.get(idx(2)?).copied(),
                    _ => None,
                },
                _ => None,
            }
        }
        ["environment", rest @ ..] => {
            let e = &s.environment;
            match rest {
                ["volatility"] => Some(e.volatility),
                ["growth"] => Some(e.growth),
                ["shock_rate_per_year"] => Some(e.shock_rate_per_year),
                ["shock_severity"] => Some(e.shock_severity),
                ["regulatory_strictness"] => Some(e.regulatory_strictness),
                ["rivalry"] => Some(e.rivalry),
                ["scripted_shocks", _, "month"] => {
                    Some(f64::from(e.scripted_shocks.get(idx(2)?)?.month))
                }
                ["scripted_shocks", _, "severity"] => {
                    Some(e.scripted_shocks.get(idx(2)?)?.severity)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Sets the numeric field at `path` from typed text. Parse failures and whole-number fields
/// given a fraction are refused here; ranges are left to [`Scenario::validate`].
pub fn set_number(s: &mut Scenario, path: &str, text: &str, mark: char) -> Result<(), Refusal> {
    let sp = spec(path, s.horizon_months);
    let unknown = || Refusal::Other(format!("unknown field {path}"));
    let whole = || parse_whole(text, mark, sp);
    let number = || parse_number(text, mark);
    let seg: Vec<&str> = path.split('.').collect();
    let idx = |k: usize| seg.get(k).and_then(|x| x.parse::<usize>().ok());
    match seg.as_slice() {
        ["horizon_months"] => s.horizon_months = whole()?,
        ["initial_trust"] => s.initial_trust = number()?,
        ["partners", _, rest @ ..] => {
            let v = number()?;
            let p = idx(1)
                .and_then(|i| s.partners.get_mut(i))
                .ok_or_else(unknown)?;
            match rest {
                ["goals", g] => p.goals[goal_index(g).ok_or_else(unknown)?] = v,
                ["culture", d] => {
                    let mut dims = p.culture.culture().dims();
                    dims[dim_index(d).ok_or_else(unknown)?] = v;
                    p.culture = CultureSpec::Custom(Culture::from_dims(dims));
                }
                ["capacity"] => p.capacity = v,
                ["contribution"] => p.contribution = v,
                ["expected_share"] => p.expected_share = v,
                ["opportunism"] => p.opportunism = v,
                ["learning_intent"] => p.learning_intent = v,
                ["adaptability"] => p.adaptability = v,
                ["patience"] => p.patience = v,
                _ => return Err(unknown()),
            }
        }
        ["governance", rest @ ..] => {
            let g = &mut s.governance;
            match rest {
                ["transparency"] => g.transparency = number()?,
                ["monitoring"] => g.monitoring = number()?,
                ["compliance"] => g.compliance = number()?,
                ["review_months"] => g.review_months = whole()?,
                ["exit_penalty_months"] => g.exit_penalty_months = number()?,
                ["fixed_shares", _] => {
                    let v = number()?;
                    match &mut g.sharing {
                        Sharing::Fixed(shares) => {
                            *idx(2).and_then(|i| shares.get_mut(i)).ok_or_else(unknown)? = v
                        }
                        _ => return Err(unknown()),
                    }
                }
                _ => return Err(unknown()),
            }
        }
        ["environment", rest @ ..] => {
            let e = &mut s.environment;
            match rest {
                ["volatility"] => e.volatility = number()?,
                ["growth"] => e.growth = number()?,
                ["shock_rate_per_year"] => e.shock_rate_per_year = number()?,
                ["shock_severity"] => e.shock_severity = number()?,
                ["regulatory_strictness"] => e.regulatory_strictness = number()?,
                ["rivalry"] => e.rivalry = number()?,
                ["scripted_shocks", _, field] => {
                    let shock = idx(2)
                        .and_then(|i| e.scripted_shocks.get_mut(i))
                        .ok_or_else(unknown)?;
                    match *field {
                        "month" => shock.month = whole()?,
                        "severity" => shock.severity = number()?,
                        _ => return Err(unknown()),
                    }
                }
                _ => return Err(unknown()),
            }
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

/// Form keys, in the order the select shows them.
pub const FORMS: [(Form, &str); 3] = [
    (Form::Contract, "contract"),
    (Form::MinorityEquity, "minority_equity"),
    (Form::EquityJv, "equity_jv"),
];
/// Decision rule keys.
pub const RULES: [(DecisionRule, &str); 3] = [
    (DecisionRule::Consensus, "consensus"),
    (DecisionRule::Majority, "majority"),
    (DecisionRule::LeadPartner, "lead_partner"),
];
/// Sharing keys.
pub const SHARINGS: [&str; 3] = ["equal", "proportional", "fixed"];

pub fn form_key(f: Form) -> &'static str {
    FORMS
        .iter()
        .find(|(x, _)| *x == f)
        .map(|(_, k)| *k)
        .unwrap()
}
pub fn rule_key(r: DecisionRule) -> &'static str {
    RULES
        .iter()
        .find(|(x, _)| *x == r)
        .map(|(_, k)| *k)
        .unwrap()
}
pub fn sharing_key(s: &Sharing) -> &'static str {
    match s {
        Sharing::Equal => "equal",
        Sharing::Proportional => "proportional",
        Sharing::Fixed(_) => "fixed",
    }
}
/// The culture select's value: a country code or `custom`.
pub fn culture_key(c: &CultureSpec) -> &'static str {
    match c {
        CultureSpec::Country(c) => c.code(),
        CultureSpec::Custom(_) => "custom",
    }
}

/// The custom cultures the user set, by partner: a few at most, so a list (a map's code would
/// cost the download more, as the narrator's list of disputes says).
pub type CultureMemory = Vec<(usize, Culture)>;

/// The custom cultures the user set, by partner, kept while a partner's culture is switched to
/// a country, so that switching back to "custom" brings back the scores typed rather than the
/// country's. Called with each accepted edit (`before` the scenario it was made on, `after` what
/// it gives, adjusted here): adding or removing a partner renumbers them, so it forgets all.
pub fn keep_custom_cultures(
    memory: &mut CultureMemory,
    before: &Scenario,
    edit: &Edit,
    after: &mut Scenario,
) {
    match edit {
        Edit::AddPartner { .. } | Edit::RemovePartner(_) => memory.clear(),
        Edit::Choice { path, value } => {
            let seg: Vec<&str> = path.split('.').collect();
            let ["partners", i, "culture"] = seg.as_slice() else {
                return;
            };
            let Ok(i) = i.parse::<usize>() else {
                return;
            };
            if value == "custom" {
                let kept = memory.iter().find(|(k, _)| *k == i).map(|(_, c)| *c);
                if let (Some(c), Some(p)) = (kept, after.partners.get_mut(i)) {
                    p.culture = CultureSpec::Custom(c);
                }
            } else if let Some(CultureSpec::Custom(c)) = before.partners.get(i).map(|p| &p.culture)
            {
                memory.retain(|(k, _)| *k != i);
                memory.push((i, *c));
            }
        }
        _ => {}
    }
}

/// Sets a choice (select, checkbox or text) at `path`.
pub fn set_choice(s: &mut Scenario, path: &str, value: &str) -> Result<(), Refusal> {
    let unknown = || Refusal::Other(format!("unknown value {value} for {path}"));
    let seg: Vec<&str> = path.split('.').collect();
    let idx = |k: usize| seg.get(k).and_then(|x| x.parse::<usize>().ok());
    match seg.as_slice() {
        ["partners", _, field] => {
            let i = idx(1)
                .filter(|&i| i < s.partners.len())
                .ok_or_else(unknown)?;
            // Two partners of one name would leave the story and the charts unable to tell
            // them apart ("Hoshi" and "HOSHI" read as one too; ASCII case only: Unicode's
            // case tables would cost the download about 4 KB).
            let name = value.trim();
            if *field == "name" && (0..s.partners.len()).any(|k| k != i && same_name(s, k, name)) {
                return Err(Refusal::NameTaken);
            }
            let p = &mut s.partners[i];
            match *field {
                "name" => p.name = name.to_string(),
                "culture" => {
                    p.culture = if value == "custom" {
                        CultureSpec::Custom(p.culture.culture())
                    } else {
                        CultureSpec::Country(Country::from_code(value).ok_or_else(unknown)?)
                    }
                }
                _ => return Err(unknown()),
            }
        }
        ["governance", "form"] => {
            s.governance.form = FORMS
                .iter()
                .find(|(_, k)| *k == value)
                .ok_or_else(unknown)?
                .0
        }
        ["governance", "decision_rule"] => {
            s.governance.decision_rule = RULES
                .iter()
                .find(|(_, k)| *k == value)
                .ok_or_else(unknown)?
                .0
        }
        ["governance", "sharing"] => {
            s.governance.sharing = match value {
                "equal" => Sharing::Equal,
                "proportional" => Sharing::Proportional,
                // Keep the current fixed shares; else start from the expected shares.
                "fixed" => match &s.governance.sharing {
                    Sharing::Fixed(v) => Sharing::Fixed(v.clone()),
                    _ => Sharing::Fixed(s.partners.iter().map(|p| p.expected_share).collect()),
                },
                _ => return Err(unknown()),
            }
        }
        ["governance", "alliance_manager"] => {
            s.governance.alliance_manager = match value {
                "true" => true,
                "false" => false,
                _ => return Err(unknown()),
            }
        }
        ["environment", "scripted_shocks", _, field] => {
            let shock = idx(2)
                .and_then(|i| s.environment.scripted_shocks.get_mut(i))
                .ok_or_else(unknown)?;
            match *field {
                "kind" => {
                    shock.kind = *ShockKind::ALL
                        .iter()
                        .find(|k| k.key() == value)
                        .ok_or_else(unknown)?;
                    if !shock.kind.targets_partner() {
                        shock.partner = None;
                    }
                }
                "partner" => shock.partner = Some(value.parse().map_err(|_| unknown())?),
                _ => return Err(unknown()),
            }
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

/// Adds a partner: a copy of the last one under a new name, with a copy of the last fixed share.
pub fn add_partner(s: &mut Scenario, name: &str) -> Result<(), Refusal> {
    if s.partners.len() >= MAX_PARTNERS {
        return Err(Refusal::TooManyPartners);
    }
    let mut p = s.partners.last().cloned().ok_or(Refusal::TooFewPartners)?;
    p.name = name.to_string();
    s.partners.push(p);
    if let Sharing::Fixed(v) = &mut s.governance.sharing {
        let last = v.last().copied().unwrap_or(0.5);
        v.push(last);
    }
    Ok(())
}

/// A name for a new partner: `template` with `{n}` replaced by the first number not yet used.
pub fn new_partner_name(s: &Scenario, template: &str) -> String {
    (s.partners.len() + 1..)
        .map(|n| template.replace("{n}", &n.to_string()))
        .find(|name| s.partners.iter().all(|p| &p.name != name))
        .unwrap()
}

/// Removes partner `i`, its fixed share and the scripted shocks aimed at it; shocks aimed at
/// later partners follow them down one index.
pub fn remove_partner(s: &mut Scenario, i: usize) -> Result<(), Refusal> {
    if s.partners.len() <= 2 {
        return Err(Refusal::TooFewPartners);
    }
    if i >= s.partners.len() {
        return Err(Refusal::Other(format!("no partner {i}")));
    }
    s.partners.remove(i);
    if let Sharing::Fixed(v) = &mut s.governance.sharing {
        if i < v.len() {
            v.remove(i);
        }
    }
    s.environment.scripted_shocks.retain_mut(|shock| {
        if !shock.kind.targets_partner() {
            return true;
        }
        let target = shock.partner.unwrap_or(0);
        match target.cmp(&i) {
            std::cmp::Ordering::Less => {
                shock.partner = Some(target);
                true
            }
            std::cmp::Ordering::Equal => false,
            std::cmp::Ordering::Greater => {
                shock.partner = Some(target - 1);
                true
            }
        }
    });
    Ok(())
}

/// Moves ladder step `k` one place earlier.
pub fn ladder_up(l: &mut [Resolution], k: usize) -> bool {
    if k == 0 || k >= l.len() {
        return false;
    }
    l.swap(k - 1, k);
    true
}

/// Moves ladder step `k` one place later.
pub fn ladder_down(l: &mut [Resolution], k: usize) -> bool {
    if k + 1 >= l.len() {
        return false;
    }
    l.swap(k, k + 1);
    true
}

/// Removes ladder step `k`, keeping at least one.
pub fn ladder_remove(l: &mut Vec<Resolution>, k: usize) -> bool {
    if l.len() <= 1 || k >= l.len() {
        return false;
    }
    l.remove(k);
    true
}

/// Adds `r` at the end of the ladder if it is not there yet.
pub fn ladder_add(l: &mut Vec<Resolution>, r: Resolution) -> bool {
    if l.contains(&r) || l.len() >= Resolution::ALL.len() {
        return false;
    }
    l.push(r);
    true
}

/// The steps not yet in the ladder, in their natural order.
pub fn ladder_missing(l: &[Resolution]) -> Vec<Resolution> {
    Resolution::ALL
        .iter()
        .copied()
        .filter(|r| !l.contains(r))
        .collect()
}

/// A new scripted shock: a demand collapse of severity 0.5 in month 12 (or the last month).
pub fn add_shock(s: &mut Scenario) -> Result<(), Refusal> {
    if s.environment.scripted_shocks.len() >= MAX_SCRIPTED_SHOCKS {
        return Err(Refusal::Other(format!(
            "at most {MAX_SCRIPTED_SHOCKS} scripted shocks"
        )));
    }
    s.environment.scripted_shocks.push(ScriptedShock {
        month: 12.min(s.horizon_months.max(1)),
        kind: ShockKind::DemandCollapse,
        severity: 0.5,
        partner: None,
    });
    Ok(())
}

/// The `[lo, hi]` (or `(lo, hi]`) interval named in a core message.
fn interval(message: &str) -> Option<(bool, f64, f64)> {
    let start = message.find(['[', '('])?;
    let open = message[start..].starts_with('(');
    let end = start + message[start..].find(']')?;
    let (lo, hi) = message[start + 1..end].split_once(',')?;
    let read = |s: &str| crate::number::parse_f64(s.trim());
    Some((open, read(lo)?, read(hi)?))
}

/// Turns the core's validation error into the message for the control `changed` that the user
/// just edited (the error may name another field, e.g. a shock beyond a shortened horizon).
pub fn explain(changed: &str, e: &ScenarioError) -> Refusal {
    let f = e.field.as_str();
    let g = generic(f);
    if f.ends_with(".name") {
        return Refusal::NameLength;
    }
    if g == "partners.goals" {
        return Refusal::GoalsAllZero;
    }
    if f == "partners" && e.message.contains("contribute") {
        return Refusal::NoContribution;
    }
    if f == "partners" {
        return Refusal::TooFewPartners;
    }
    if f == "governance.fixed_shares" && e.message.contains("above 0") {
        return Refusal::SharesAllZero;
    }
    if f == "governance.resolution" {
        return Refusal::Ladder;
    }
    if g == "environment.scripted_shocks.month" && changed != f {
        if let Some(got) = e.message.rsplit("got ").next() {
            if let Ok(month) = got.trim().parse() {
                return Refusal::ShockBeyondHorizon { month };
            }
        }
    }
    match interval(&e.message) {
        Some((true, lo, hi)) => Refusal::AboveRange { lo, hi },
        Some((false, lo, hi)) => Refusal::Range { lo, hi },
        None => Refusal::Other(e.to_string()),
    }
}

/// Applies `edit` to a copy of `s` and validates it: the scenario to dispatch, or the refusal
/// to show at the control [`Edit::path`].
pub fn apply(s: &Scenario, edit: &Edit) -> Result<Scenario, Refusal> {
    let mut c = s.clone();
    let ok = |b: bool| if b { Ok(()) } else { Err(Refusal::Ladder) };
    match edit {
        Edit::Number { path, text, mark } => set_number(&mut c, path, text, *mark)?,
        Edit::Choice { path, value } => set_choice(&mut c, path, value)?,
        Edit::AddPartner { name } => add_partner(&mut c, name)?,
        Edit::RemovePartner(i) => remove_partner(&mut c, *i)?,
        Edit::LadderUp(k) => ok(ladder_up(&mut c.governance.resolution, *k))?,
        Edit::LadderDown(k) => ok(ladder_down(&mut c.governance.resolution, *k))?,
        Edit::LadderRemove(k) => ok(ladder_remove(&mut c.governance.resolution, *k))?,
        Edit::LadderAdd(r) => ok(ladder_add(&mut c.governance.resolution, *r))?,
        Edit::AddShock => add_shock(&mut c)?,
        Edit::RemoveShock(k) => {
            if *k < c.environment.scripted_shocks.len() {
                c.environment.scripted_shocks.remove(*k);
            }
        }
    }
    c.validate().map_err(|e| explain(&edit.path(), &e))?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::presets::default_scenario;

    fn num(path: &str, text: &str) -> Edit {
        Edit::Number {
            path: path.into(),
            text: text.into(),
            mark: '.',
        }
    }
    #[test]
    fn a_custom_culture_comes_back_after_a_detour_to_a_country() {
        let mut memory = CultureMemory::new();
        let mut s = aliansi_sim::presets::default_scenario();
        let mut step = |s: &Scenario, e: Edit| {
            let mut after = apply(s, &e).unwrap();
            keep_custom_cultures(&mut memory, s, &e, &mut after);
            after
        };
        s = step(&s, choice("partners.1.culture", "custom"));
        s = step(&s, num("partners.1.culture.pdi", "7"));
        let typed = s.partners[1].culture;
        s = step(&s, choice("partners.1.culture", "jp"));
        assert_eq!(s.partners[1].culture, CultureSpec::Country(Country::JP));
        s = step(&s, choice("partners.1.culture", "custom"));
        assert_eq!(
            s.partners[1].culture, typed,
            "the scores typed, not Japan's"
        );
        // Another partner starts from its country, as before.
        s = step(&s, choice("partners.2.culture", "custom"));
        assert_eq!(
            s.partners[2].culture,
            CultureSpec::Custom(Country::DE.culture())
        );
        // Removing a partner renumbers them: the memory is forgotten.
        s = step(&s, choice("partners.1.culture", "jp"));
        s = step(&s, Edit::RemovePartner(0));
        s = step(&s, choice("partners.0.culture", "custom"));
        assert_eq!(
            s.partners[0].culture,
            CultureSpec::Custom(Country::JP.culture())
        );
    }

    fn choice(path: &str, value: &str) -> Edit {
        Edit::Choice {
            path: path.into(),
            value: value.into(),
        }
    }

    #[test]
    fn parses_numbers_robustly() {
        for mark in ['.', ','] {
            let n = |t: &str| parse_number(t, mark);
            assert_eq!(n("0.5"), Ok(0.5));
            assert_eq!(n(" 0,5 "), Ok(0.5));
            assert_eq!(n("-0,25"), Ok(-0.25));
            assert_eq!(n("12"), Ok(12.0));
            assert_eq!(n("1e2"), Ok(100.0));
            assert_eq!(n("-0"), Ok(0.0));
            assert_eq!(n("1.200,5"), Ok(1200.5));
            assert_eq!(n("1,200.5"), Ok(1200.5));
            assert_eq!(n("1 200"), Ok(1200.0));
            assert_eq!(n("0,125"), Ok(0.125));
            assert_eq!(n(""), Err(Refusal::Empty));
            assert_eq!(n("   "), Err(Refusal::Empty));
            for bad in ["abc", "inf", "NaN", "1,2,3", "1.2.3", "0x10", "1e999", "½"] {
                assert_eq!(n(bad), Err(Refusal::NotANumber), "{bad}");
            }
        }
        // What reads two ways is read as the page writes numbers, in every field alike: on an
        // English page 1,200 is 1200 and 1.200 is 1.2; on an Indonesian page the other way.
        let sp = spec("horizon_months", 120);
        assert_eq!(parse_whole("24", '.', sp), Ok(24));
        assert_eq!(parse_whole("24,0", '.', sp), Ok(24));
        assert_eq!(parse_whole("1,200", '.', sp), Ok(1200));
        assert_eq!(parse_whole("1.200", ',', sp), Ok(1200));
        // One mark before three digits groups thousands in either language.
        assert_eq!(parse_whole("1.200", '.', sp), Ok(1200));
        assert_eq!(parse_whole("1.000", '.', sp), Ok(1000));
        assert_eq!(parse_whole("1,000", ',', sp), Ok(1000));
        assert_eq!(parse_whole("1.2", '.', sp), Err(Refusal::NotWhole));
        assert_eq!(parse_whole("2.5", '.', sp), Err(Refusal::NotWhole));
        let s = default_scenario();
        let capacity = |text: &str, mark: char| {
            let e = Edit::Number {
                path: "partners.0.capacity".into(),
                text: text.into(),
                mark,
            };
            apply(&s, &e).map(|c| c.partners[0].capacity)
        };
        assert_eq!(capacity("1,200", '.'), Ok(1200.0));
        assert_eq!(capacity("1.200", ','), Ok(1200.0));
        assert_eq!(capacity("1,200", ','), Ok(1.2));
        assert_eq!(capacity("1.200", '.'), Ok(1.2));
        // What the field shows reads back as itself in either language.
        for v in [30.125, 1.5, 0.00001, 1200.0] {
            let shown = format_number(v);
            assert_eq!(capacity(&shown, '.'), Ok(v), "{shown}");
            assert_eq!(capacity(&shown.replace('.', ","), ','), Ok(v), "{shown}");
        }
        assert!(matches!(
            parse_whole("-3", '.', sp),
            Err(Refusal::Range { .. })
        ));
    }

    #[test]
    fn formats_numbers_briefly() {
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(120.0), "120");
        assert_eq!(format_number(0.03), "0.03");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(1.0 / 3.0), "0.3333");
        assert_eq!(format_number(1.0 / 30.0), "0.0333");
        // A small value keeps its digits: 0.00001 is not 0 (which capacity refuses).
        for (v, shown) in [
            (0.00001, "0.00001"),
            (0.00004, "0.00004"),
            (-0.00012, "-0.00012"),
        ] {
            assert_eq!(format_number(v), shown);
            assert_eq!(parse_number(shown, '.'), Ok(v));
        }
    }

    #[test]
    fn every_numeric_path_reads_and_writes() {
        let mut s = default_scenario();
        s.governance.sharing = Sharing::Fixed(vec![0.25; 4]);
        s.environment.scripted_shocks.push(ScriptedShock {
            month: 5,
            kind: ShockKind::PartnerCrisis,
            severity: 0.3,
            partner: Some(1),
        });
        for g in numeric_generics() {
            let path = g
                .replace("partners.", "partners.1.")
                .replace("fixed_shares", "fixed_shares.2")
                .replace("scripted_shocks.", "scripted_shocks.0.");
            let before = get_number(&s, &path).unwrap_or_else(|| panic!("read {path}"));
            let sp = spec(&path, s.horizon_months);
            let target = if before == sp.max { sp.min } else { sp.max };
            let c = apply(&s, &num(&path, &format_number(target)))
                .unwrap_or_else(|e| panic!("{path} = {target}: {e:?}"));
            assert_eq!(get_number(&c, &path), Some(target), "{path}");
            // One past the range is refused with that range.
            let bad = if sp.integer {
                sp.max + 1.0
            } else {
                sp.max + 0.5
            };
            let r = apply(&s, &num(&path, &format_number(bad)));
            assert!(
                matches!(r, Err(Refusal::Range { .. } | Refusal::AboveRange { .. })),
                "{path} = {bad}: {r:?}"
            );
        }
    }

    #[test]
    fn transparency_seven_is_refused_with_its_range() {
        let s = default_scenario();
        assert_eq!(
            apply(&s, &num("governance.transparency", "7")),
            Err(Refusal::Range { lo: 0.0, hi: 1.0 })
        );
        assert_eq!(
            apply(&s, &num("governance.transparency", "")),
            Err(Refusal::Empty)
        );
        assert_eq!(
            apply(&s, &num("governance.transparency", "lots")),
            Err(Refusal::NotANumber)
        );
        let c = apply(&s, &num("governance.transparency", "0,7")).unwrap();
        assert_eq!(c.governance.transparency, 0.7);
        assert_eq!(
            apply(&s, &num("partners.0.capacity", "0")),
            Err(Refusal::AboveRange {
                lo: 0.0,
                hi: 10000.0
            })
        );
        assert_eq!(
            apply(&s, &num("horizon_months", "1.5")),
            Err(Refusal::NotWhole)
        );
        assert_eq!(
            apply(&s, &num("horizon_months", "long")),
            Err(Refusal::NotAWholeNumber)
        );
    }

    #[test]
    fn group_errors_are_explained() {
        let mut s = default_scenario();
        for g in Goal::ALL.iter().skip(1) {
            s = apply(&s, &num(&format!("partners.0.goals.{}", g.key()), "0")).unwrap();
        }
        assert_eq!(
            apply(&s, &num("partners.0.goals.market_access", "0")),
            Err(Refusal::GoalsAllZero)
        );
        assert_eq!(
            apply(&s, &choice("partners.0.name", "  ")),
            Err(Refusal::NameLength)
        );
        // Another partner's name (whatever its case) is refused; a partner's own is not.
        let other = s.partners[1].name.to_uppercase();
        assert_eq!(
            apply(&s, &choice("partners.0.name", &format!(" {other} "))),
            Err(Refusal::NameTaken)
        );
        let own = s.partners[0].name.to_lowercase();
        let renamed = apply(&s, &choice("partners.0.name", &own)).unwrap();
        assert_eq!(renamed.partners[0].name, own);
        // Two of one name from an older file: the later one is marked, the first is not.
        let mut twice = default_scenario();
        twice.partners[2].name = format!("{} ", twice.partners[0].name.to_uppercase());
        let marked: Vec<bool> = (0..4).map(|i| name_taken_before(&twice, i)).collect();
        assert_eq!(marked, [false, false, true, false]);
        assert!(!(0..4).any(|i| name_taken_before(&default_scenario(), i)));
        let mut s = default_scenario();
        s.environment.scripted_shocks.push(ScriptedShock {
            month: 100,
            kind: ShockKind::DemandBoom,
            severity: 0.5,
            partner: None,
        });
        assert_eq!(
            apply(&s, &num("horizon_months", "60")),
            Err(Refusal::ShockBeyondHorizon { month: 100 })
        );
        assert_eq!(
            apply(&s, &num("environment.scripted_shocks.0.month", "200")),
            Err(Refusal::Range { lo: 1.0, hi: 120.0 })
        );
        let mut s = default_scenario();
        for i in 1..4 {
            s = apply(&s, &num(&format!("partners.{i}.contribution"), "0")).unwrap();
        }
        assert_eq!(
            apply(&s, &num("partners.0.contribution", "0")),
            Err(Refusal::NoContribution)
        );
    }

    #[test]
    fn choices_apply() {
        let s = default_scenario();
        let c = apply(&s, &choice("governance.form", "equity_jv")).unwrap();
        assert_eq!(c.governance.form, Form::EquityJv);
        let c = apply(&c, &choice("governance.decision_rule", "lead_partner")).unwrap();
        assert_eq!(c.governance.decision_rule, DecisionRule::LeadPartner);
        let c = apply(&c, &choice("governance.alliance_manager", "true")).unwrap();
        assert!(c.governance.alliance_manager);
        let c = apply(&c, &choice("governance.sharing", "fixed")).unwrap();
        let expected: Vec<f64> = s.partners.iter().map(|p| p.expected_share).collect();
        assert_eq!(c.governance.sharing, Sharing::Fixed(expected));
        let c = apply(&c, &num("governance.fixed_shares.1", "0,6")).unwrap();
        assert_eq!(get_number(&c, "governance.fixed_shares.1"), Some(0.6));
        let c = apply(&c, &choice("partners.2.culture", "custom")).unwrap();
        assert_eq!(
            c.partners[2].culture,
            CultureSpec::Custom(Country::DE.culture())
        );
        let c = apply(&c, &num("partners.2.culture.pdi", "100")).unwrap();
        assert_eq!(c.partners[2].culture.culture().pdi, 100.0);
        assert!(matches!(
            apply(&c, &num("partners.2.culture.pdi", "121")),
            Err(Refusal::Range { lo: 0.0, hi: 120.0 })
        ));
        let c = apply(&c, &choice("partners.2.culture", "jp")).unwrap();
        assert_eq!(c.partners[2].culture, CultureSpec::Country(Country::JP));
        // Typing a score into a country culture turns it custom, starting from the country.
        let c = apply(&c, &num("partners.2.culture.ivr", "10")).unwrap();
        assert_eq!(
            c.partners[2].culture.culture().pdi,
            Country::JP.culture().pdi
        );
        assert_eq!(c.partners[2].culture.culture().ivr, 10.0);
        let c = apply(&c, &choice("partners.0.name", " Acme ")).unwrap();
        assert_eq!(c.partners[0].name, "Acme");
        assert!(apply(&c, &choice("governance.form", "guild")).is_err());
        assert!(apply(&c, &choice("partners.0.culture", "XX")).is_err());
    }

    #[test]
    fn partners_add_and_remove_keep_indices_consistent() {
        let mut s = default_scenario();
        s.governance.sharing = Sharing::Fixed(vec![0.1, 0.2, 0.3, 0.4]);
        s.environment.scripted_shocks = vec![
            ScriptedShock {
                month: 3,
                kind: ShockKind::PartnerCrisis,
                severity: 0.5,
                partner: Some(3),
            },
            ScriptedShock {
                month: 4,
                kind: ShockKind::LeadershipChange,
                severity: 0.5,
                partner: Some(1),
            },
            ScriptedShock {
                month: 5,
                kind: ShockKind::DemandBoom,
                severity: 0.5,
                partner: None,
            },
            ScriptedShock {
                month: 6,
                kind: ShockKind::PartnerCrisis,
                severity: 0.5,
                partner: None,
            },
        ];
        let name = new_partner_name(&s, "Partner {n}");
        assert_eq!(name, "Partner 5");
        let c = apply(&s, &Edit::AddPartner { name }).unwrap();
        assert_eq!(c.partners.len(), 5);
        assert_eq!(c.partners[4].capacity, s.partners[3].capacity);
        assert_eq!(
            c.governance.sharing,
            Sharing::Fixed(vec![0.1, 0.2, 0.3, 0.4, 0.4])
        );

        let c = apply(&s, &Edit::RemovePartner(1)).unwrap();
        assert_eq!(c.partners.len(), 3);
        assert_eq!(c.partners[1].name, s.partners[2].name);
        assert_eq!(c.governance.sharing, Sharing::Fixed(vec![0.1, 0.3, 0.4]));
        let shocks: Vec<(u32, Option<usize>)> = c
            .environment
            .scripted_shocks
            .iter()
            .map(|x| (x.month, x.partner))
            .collect();
        assert_eq!(shocks, vec![(3, Some(2)), (5, None), (6, Some(0))]);

        // Removing partner 0 drops the shocks aimed at it (including "None" = partner 0).
        let c = apply(&s, &Edit::RemovePartner(0)).unwrap();
        let months: Vec<u32> = c
            .environment
            .scripted_shocks
            .iter()
            .map(|x| x.month)
            .collect();
        assert_eq!(months, vec![3, 4, 5]);

        let mut two = default_scenario();
        two.partners.truncate(2);
        assert_eq!(
            apply(&two, &Edit::RemovePartner(0)),
            Err(Refusal::TooFewPartners)
        );
        let mut full = default_scenario();
        while full.partners.len() < MAX_PARTNERS {
            let name = new_partner_name(&full, "P{n}");
            full = apply(&full, &Edit::AddPartner { name }).unwrap();
        }
        assert_eq!(
            apply(&full, &Edit::AddPartner { name: "X".into() }),
            Err(Refusal::TooManyPartners)
        );
    }

    #[test]
    fn ladder_moves() {
        use Resolution::*;
        let mut l = vec![Negotiation, Arbitration];
        assert!(!ladder_up(&mut l, 0));
        assert!(ladder_up(&mut l, 1));
        assert_eq!(l, vec![Arbitration, Negotiation]);
        assert!(!ladder_down(&mut l, 1));
        assert!(ladder_down(&mut l, 0));
        assert_eq!(l, vec![Negotiation, Arbitration]);
        assert_eq!(ladder_missing(&l), vec![Avoidance, Mediation, Escalation]);
        assert!(ladder_add(&mut l, Mediation));
        assert!(!ladder_add(&mut l, Mediation));
        assert_eq!(l, vec![Negotiation, Arbitration, Mediation]);
        assert!(ladder_remove(&mut l, 0));
        assert!(ladder_remove(&mut l, 0));
        assert!(!ladder_remove(&mut l, 0));
        assert_eq!(l, vec![Mediation]);

        let s = default_scenario();
        let c = apply(&s, &Edit::LadderDown(0)).unwrap();
        assert_eq!(c.governance.resolution, vec![Arbitration, Negotiation]);
        assert_eq!(apply(&c, &Edit::LadderUp(0)), Err(Refusal::Ladder));
        assert_eq!(
            apply(&s, &Edit::LadderAdd(Negotiation)),
            Err(Refusal::Ladder)
        );
    }

    #[test]
    fn shocks_add_remove_and_follow_kind() {
        let s = default_scenario();
        let c = apply(&s, &Edit::AddShock).unwrap();
        assert_eq!(c.environment.scripted_shocks.len(), 1);
        let c = apply(
            &c,
            &choice("environment.scripted_shocks.0.kind", "partner_crisis"),
        )
        .unwrap();
        let c = apply(&c, &choice("environment.scripted_shocks.0.partner", "2")).unwrap();
        assert_eq!(c.environment.scripted_shocks[0].partner, Some(2));
        assert!(apply(&c, &choice("environment.scripted_shocks.0.partner", "9")).is_err());
        let c = apply(
            &c,
            &choice("environment.scripted_shocks.0.kind", "demand_boom"),
        )
        .unwrap();
        assert_eq!(c.environment.scripted_shocks[0].partner, None);
        let c = apply(&c, &Edit::RemoveShock(0)).unwrap();
        assert!(c.environment.scripted_shocks.is_empty());
        let mut short = default_scenario();
        short.horizon_months = 6;
        let c = apply(&short, &Edit::AddShock).unwrap();
        assert_eq!(c.environment.scripted_shocks[0].month, 6);
    }

    #[test]
    fn generic_paths_drop_indices() {
        assert_eq!(generic("partners.12.goals.growth"), "partners.goals.growth");
        assert_eq!(
            generic("governance.fixed_shares.3"),
            "governance.fixed_shares"
        );
        assert_eq!(generic("horizon_months"), "horizon_months");
    }
}
