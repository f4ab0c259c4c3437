//! The event log as structured JSON (`aliansi run --json`). The sentences, in English or Bahasa
//! Indonesia, are the app's: `aliansi_text::narrate`.

use aliansi_sim::{Detector, Event, EventKind, Resolution};
use serde_json::{json, Value};

/// Whether the story tells `e`: failed ladder steps and moves up the ladder only with
/// `--all-events` (`all`). The narrator must still see every event, in order.
pub fn told(e: &Event, all: bool) -> bool {
    all || !matches!(
        e.kind,
        EventKind::DisputeStep { .. } | EventKind::DisputeFailed { .. }
    )
}

fn step(r: &Resolution) -> &'static str {
    r.key()
}

/// An event as a JSON object: `month`, `type`, its fields (keys of the core's key() methods),
/// and `text`, its sentence in the chosen language (null for events the story leaves out).
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
