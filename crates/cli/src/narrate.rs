//! The event log as English sentences, and as structured JSON.

use std::collections::BTreeMap;

use aliansi_sim::{
    Cause, Detector, DisputeCause, Event, EventKind, Resolution, Scenario, ShockKind,
};
use serde_json::{json, Value};

/// A cause in words, the app's English (`cause.*` in src/i18n/base.rs): `goal_misalignment`
/// -> "goal misalignment", `misfit_after_shock` -> "misfit after a shock".
pub fn cause_words(c: Cause) -> String {
    match c {
        Cause::MisfitAfterShock => "misfit after a shock".to_string(),
        _ => c.key().replace('_', " "),
    }
}

fn dispute_words(c: DisputeCause) -> &'static str {
    match c {
        DisputeCause::ProfitSharing => "profit sharing",
        DisputeCause::Goals => "diverging goals",
        DisputeCause::Miscommunication => "a misunderstanding",
        DisputeCause::Contributions => "contributions",
        DisputeCause::Strategy => "strategy",
        DisputeCause::Knowledge => "knowledge leakage",
    }
}

/// "Hoshi's", "Nusantara Foods'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('S') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn market_move(change: f64) -> String {
    let pct = ((change - 1.0) * 100.0).round();
    if pct < 0.0 {
        format!("demand fell {} %", -pct)
    } else if pct > 0.0 {
        format!("demand rose {pct} %")
    } else {
        "demand barely moved".to_string()
    }
}

/// The partners' names, told apart by number when two partners share one, as the app names
/// them ([`aliansi_sim::told_apart`]).
pub fn told_apart(s: &Scenario) -> Vec<String> {
    aliansi_sim::told_apart(s.partners.iter().map(|p| p.name.clone()).collect())
}

/// Turns events into sentences, remembering what each dispute is about.
pub struct Narrator {
    names: Vec<String>,
    disputes: BTreeMap<u32, (usize, usize, DisputeCause)>,
    /// The ladder's first step, where a reopened dispute starts again.
    first_step: Option<Resolution>,
    /// Also tell failed ladder steps and moves up the ladder.
    pub all: bool,
    /// How many partners have left or been pushed out so far.
    gone: usize,
}

impl Narrator {
    /// A narrator of a run of `s` (`all`: also failed steps and moves up the ladder).
    pub fn new(s: &Scenario, all: bool) -> Narrator {
        Narrator {
            names: told_apart(s),
            disputes: BTreeMap::new(),
            first_step: s.governance.resolution.first().copied(),
            all,
            gone: 0,
        }
    }

    fn name(&self, i: usize) -> &str {
        self.names
            .get(i)
            .map_or("an unknown partner", String::as_str)
    }

    /// "between A and B over strategy".
    fn pair(&self, id: u32) -> String {
        match self.disputes.get(&id) {
            Some(_) => format!("between {}", self.parties(id)),
            None => format!("#{id}"),
        }
    }

    /// "A and B over strategy" (`#id` for a dispute not seen opening).
    fn parties(&self, id: u32) -> String {
        match self.disputes.get(&id) {
            Some(&(a, b, cause)) => format!(
                "{} and {} over {}",
                self.name(a),
                self.name(b),
                dispute_words(cause)
            ),
            None => format!("#{id}"),
        }
    }

    /// The sentence for an event (without the month), or `None` for noisy events.
    /// Must see every event in order (it tracks disputes).
    pub fn sentence(&mut self, e: &Event) -> Option<String> {
        let text = match &e.kind {
            EventKind::Shock {
                kind,
                severity,
                partner,
                scripted,
                market_change,
            } => {
                let who = self.name(partner.unwrap_or(0)).to_string();
                let mut t = match kind {
                    ShockKind::DemandCollapse | ShockKind::DemandBoom => {
                        market_move(*market_change)
                    }
                    ShockKind::TechnologyShift => {
                        format!("a technology shift changed whose contributions matter (severity {severity:.2})")
                    }
                    ShockKind::RegulatoryChange => {
                        format!("new regulation raised the regulatory pressure (severity {severity:.2})")
                    }
                    ShockKind::CompetitorEntry => {
                        format!(
                            "a competitor entered the market; {}",
                            market_move(*market_change)
                        )
                    }
                    ShockKind::PartnerCrisis => {
                        format!("{who} hit a crisis and lost part of its capacity (severity {severity:.2})")
                    }
                    ShockKind::LeadershipChange => {
                        format!(
                            "new leadership at {who} shifted its goals (severity {severity:.2})"
                        )
                    }
                };
                if *scripted {
                    t.push_str(" (scripted)");
                }
                t
            }
            EventKind::DisputeOpened {
                id,
                a,
                b,
                cause,
                severity,
            } => {
                self.disputes.insert(*id, (*a, *b, *cause));
                format!(
                    "{} and {} fell into a dispute over {} (severity {severity:.2})",
                    self.name(*a),
                    self.name(*b),
                    dispute_words(*cause)
                )
            }
            EventKind::DisputeStep { id, step } => {
                if !self.all {
                    return None;
                }
                let pair = self.pair(*id);
                match (step, self.disputes.get(id)) {
                    (Resolution::Avoidance, Some(&(a, b, cause))) => format!(
                        "{} and {} let their dispute over {} rest (avoidance)",
                        self.name(a),
                        self.name(b),
                        dispute_words(cause)
                    ),
                    (Resolution::Avoidance, None) => {
                        format!("the dispute {pair} was left to rest (avoidance)")
                    }
                    (Resolution::Escalation, _) => format!(
                        "the dispute {pair} was escalated to the partners' executives (escalation)"
                    ),
                    (other, _) => format!("the dispute {pair} went to {}", other.key()),
                }
            }
            EventKind::DisputeFailed { id, step } => {
                if !self.all {
                    return None;
                }
                format!(
                    "{} failed to settle the dispute {}",
                    step.key(),
                    self.pair(*id)
                )
            }
            EventKind::DisputeSettled {
                id,
                a,
                b,
                step,
                trust_ab,
            } => {
                let t = format!(
                    "{} settled the dispute {}; {} trust in {} is now {trust_ab:.2}",
                    step.key(),
                    self.pair(*id),
                    possessive(self.name(*a)),
                    self.name(*b)
                );
                self.disputes.remove(id);
                t
            }
            EventKind::DisputeUnresolved { id, .. } => {
                format!(
                    "the dispute {} stays unresolved: no step of the ladder is left to try",
                    self.pair(*id)
                )
            }
            EventKind::Violation {
                partner,
                detector,
                fine,
            } => match detector {
                Detector::Internal => {
                    format!(
                        "the compliance programme caught and fixed a violation by {}",
                        self.name(*partner)
                    )
                }
                Detector::Regulator => format!(
                    "a regulator found a violation by {} and fined the alliance {fine:.1}",
                    self.name(*partner)
                ),
            },
            EventKind::Review {
                misfit_before,
                misfit_after,
                alignment_after,
            } => {
                // "Cut from 0.02 to 0.02" would say nothing happened in words that say
                // something did: a cut too small to show at two decimals reads as none.
                let cut = format!("{misfit_before:.2}") != format!("{misfit_after:.2}");
                if misfit_after < misfit_before && cut {
                    format!(
                        "a strategic review cut misfit from {misfit_before:.2} to {misfit_after:.2} (goal alignment {alignment_after:.2})"
                    )
                } else {
                    format!("a strategic review left misfit at {misfit_after:.2} (goal alignment {alignment_after:.2})")
                }
            }
            EventKind::DisputeReopened { id } => {
                let step = match self.first_step {
                    Some(r) => format!("starts again at {}", r.key()),
                    None => "starts up the ladder again".to_string(),
                };
                format!(
                    "the review reopened the dispute {}, which {step}",
                    self.pair(*id)
                )
            }
            EventKind::PartnerLeft {
                partner,
                cause,
                months_unhappy,
                fairness,
                unresolved,
                penalty_paid,
            } => {
                self.gone += 1;
                let mut t = format!(
                    "{} left ({}): it had been dissatisfied for {}; payoff/input {fairness:.2} of the others'; {} still open",
                    self.name(*partner),
                    cause_words(*cause),
                    plural(*months_unhappy, "month", "months"),
                    plural(*unresolved, "dispute", "disputes"),
                );
                if *penalty_paid > 0.0 {
                    t.push_str(&format!("; it paid an exit penalty of {penalty_paid:.1}"));
                }
                t
            }
            EventKind::PartnerExpelled {
                partner,
                cause,
                contribution_share,
            } => {
                self.gone += 1;
                format!(
                    "the others pushed {} out ({}); it delivered {:.0} % of the contributions",
                    self.name(*partner),
                    cause_words(*cause),
                    contribution_share * 100.0
                )
            }
            EventKind::RegulatorEnded => "the regulator ended the alliance".to_string(),
            EventKind::Dissolved { cause } => {
                format!("the alliance dissolved ({})", cause_words(*cause))
            }
            // "Intact" only if nobody left (as the app says it).
            EventKind::Survived if self.gone == 0 => {
                "the alliance reached the horizon intact".to_string()
            }
            EventKind::Survived => format!(
                "the alliance reached the horizon with {} of its {} partners",
                self.names.len() - self.gone,
                self.names.len()
            ),
        };
        Some(text)
    }
}

fn step(r: &Resolution) -> &'static str {
    r.key()
}

/// An event as a JSON object: `month`, `type`, its fields (keys of the core's key() methods),
/// and `text`, the English sentence (null for events the narrative leaves out).
pub fn event_json(e: &Event, text: Option<String>) -> Value {
    let mut v = match &e.kind {
        EventKind::Shock {
            kind,
            severity,
            partner,
            scripted,
            market_change,
        } => json!({
            "type": "shock", "kind": kind.key(), "severity": severity, "partner": partner,
            "scripted": scripted, "market_change": market_change,
        }),
        EventKind::DisputeOpened {
            id,
            a,
            b,
            cause,
            severity,
        } => json!({
            "type": "dispute_opened", "id": id, "a": a, "b": b, "cause": cause.key(), "severity": severity,
        }),
        EventKind::DisputeStep { id, step: s } => {
            json!({ "type": "dispute_step", "id": id, "step": step(s) })
        }
        EventKind::DisputeSettled {
            id,
            a,
            b,
            step: s,
            trust_ab,
        } => json!({
            "type": "dispute_settled", "id": id, "a": a, "b": b, "step": step(s), "trust_ab": trust_ab,
        }),
        EventKind::DisputeFailed { id, step: s } => {
            json!({ "type": "dispute_failed", "id": id, "step": step(s) })
        }
        EventKind::DisputeUnresolved { id, a, b, cause } => json!({
            "type": "dispute_unresolved", "id": id, "a": a, "b": b, "cause": cause.key(),
        }),
        EventKind::Violation {
            partner,
            detector,
            fine,
        } => json!({
            "type": "violation", "partner": partner,
            "detector": match detector { Detector::Internal => "internal", Detector::Regulator => "regulator" },
            "fine": fine,
        }),
        EventKind::Review {
            misfit_before,
            misfit_after,
            alignment_after,
        } => json!({
            "type": "review", "misfit_before": misfit_before, "misfit_after": misfit_after,
            "alignment_after": alignment_after,
        }),
        EventKind::DisputeReopened { id } => json!({ "type": "dispute_reopened", "id": id }),
        EventKind::PartnerLeft {
            partner,
            cause,
            months_unhappy,
            fairness,
            unresolved,
            penalty_paid,
        } => json!({
            "type": "partner_left", "partner": partner, "cause": cause.key(), "months_unhappy": months_unhappy,
            "fairness": fairness, "unresolved": unresolved, "penalty_paid": penalty_paid,
        }),
        EventKind::PartnerExpelled {
            partner,
            cause,
            contribution_share,
        } => json!({
            "type": "partner_expelled", "partner": partner, "cause": cause.key(),
            "contribution_share": contribution_share,
        }),
        EventKind::RegulatorEnded => json!({ "type": "regulator_ended" }),
        EventKind::Dissolved { cause } => json!({ "type": "dissolved", "cause": cause.key() }),
        EventKind::Survived => json!({ "type": "survived" }),
    };
    if let Value::Object(m) = &mut v {
        // Month first, text last, for readability.
        let mut out = serde_json::Map::new();
        out.insert("month".into(), json!(e.month));
        out.extend(std::mem::take(m));
        out.insert("text".into(), json!(text));
        return Value::Object(out);
    }
    v
}
