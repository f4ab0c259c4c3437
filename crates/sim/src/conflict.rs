//! Conflict and disagreement (challenge 6): disputes between pairs arise from the frictions of
//! the other challenges, and the resolution ladder works on them.

use crate::culture::Culture;
use crate::events::{DisputeCause, EventKind};
use crate::params::*;
use crate::scenario::Resolution;
use crate::world::{clamp01, cosine, Dispute, World};

/// How well a resolution step fits a pair's cultures (mean of the two), around 1.
pub fn culture_fit(step: Resolution, a: &Culture, b: &Culture) -> f64 {
    let idv = (a.idv + b.idv) / 200.0;
    let pdi = (a.pdi + b.pdi) / 200.0;
    let uai = (a.uai + b.uai) / 200.0;
    match step {
        // Harmony-seeking, collectivist cultures let things fade and value a go-between.
        Resolution::Avoidance => 0.8 + 0.4 * (1.0 - idv),
        Resolution::Mediation => 0.8 + 0.4 * (1.0 - idv),
        // Individualist cultures bargain directly.
        Resolution::Negotiation => 0.8 + 0.4 * idv,
        // Uncertainty-avoiding cultures accept rule-based, binding decisions.
        Resolution::Arbitration => 0.8 + 0.4 * uai,
        // Hierarchical cultures defer to executives.
        Resolution::Escalation => 0.8 + 0.4 * pdi,
    }
}

impl World {
    /// How much open disputes weigh on a partner, [0, 1].
    pub fn conflict_load(&self, i: usize) -> f64 {
        let mut load = 0.0;
        for d in self.disputes.iter().filter(|d| d.a == i || d.b == i) {
            let w = match self.dispute_step(d) {
                None => 1.0,
                Some(Resolution::Avoidance) => 0.6,
                Some(_) => 0.35,
            };
            load += w * d.severity;
        }
        clamp01(load)
    }

    pub(crate) fn dispute_phase(&mut self) {
        let act = self.active();
        let g = self.knobs;
        let manager = if g.alliance_manager { 1.0 } else { 0.0 };
        let rivalry = self.rivalry();
        let detect = self.detection();
        for (x, &a) in act.iter().enumerate() {
            for &b in &act[x + 1..] {
                let u = self.agent_rng.uniform();
                let u_sev = self.agent_rng.uniform();
                if self
                    .disputes
                    .iter()
                    .any(|d| (d.a == a && d.b == b) || (d.a == b && d.b == a))
                {
                    continue;
                }
                let pair_trust = 0.5 * (self.trust_of(a, b) + self.trust_of(b, a));
                let distrust = 1.0 - pair_trust;
                let (pa, pb) = (&self.partners[a], &self.partners[b]);
                let unfair = |f: f64| {
                    if f >= 1.0 {
                        0.0
                    } else {
                        -libm::log(f.max(0.05))
                    }
                };
                let drivers = [
                    (
                        DisputeCause::ProfitSharing,
                        1.5 * (unfair(pa.fairness) + unfair(pb.fairness)),
                    ),
                    (
                        DisputeCause::Goals,
                        1.2 * (1.0 - cosine(&pa.goals, &pb.goals)),
                    ),
                    (
                        DisputeCause::Miscommunication,
                        // Trust gives the benefit of the doubt to a misread signal.
                        0.8 * self.felt_distance(a, b)
                            * (1.0 - 0.5 * g.transparency)
                            * (1.5 - pair_trust)
                            / 3.0,
                    ),
                    (
                        DisputeCause::Contributions,
                        1.5 * detect * (pa.withholding + pb.withholding),
                    ),
                    (DisputeCause::Strategy, 1.0 * (self.stress + self.misfit)),
                    (
                        DisputeCause::Knowledge,
                        1.0 * (pa.knowledge - pb.knowledge).abs()
                            * self.scenario.partners[a]
                                .learning_intent
                                .max(self.scenario.partners[b].learning_intent),
                    ),
                ];
                let sum: f64 = drivers.iter().map(|d| d.1).sum();
                let hazard = DISPUTE_BASE
                    * libm::exp(sum + 1.5 * distrust + 0.8 * rivalry)
                    * (1.0 - MANAGER_DISPUTE_CUT * manager);
                if u < 1.0 - libm::exp(-hazard) {
                    let (cause, top) =
                        drivers
                            .iter()
                            .fold((DisputeCause::Miscommunication, 0.0), |acc, d| {
                                if d.1 > acc.1 {
                                    (d.0, d.1)
                                } else {
                                    acc
                                }
                            });
                    let severity = (0.15 + 0.35 * top.min(1.5) + 0.3 * u_sev).clamp(0.1, 1.0);
                    let id = self.next_dispute_id;
                    self.next_dispute_id += 1;
                    self.disputes.push(Dispute {
                        id,
                        a,
                        b,
                        cause,
                        severity,
                        opened: self.month,
                        stage: Some(0),
                        months_in_stage: 0,
                        chosen: None,
                    });
                    self.disputes_opened += 1;
                    self.record_event(EventKind::DisputeOpened {
                        id,
                        a,
                        b,
                        cause,
                        severity,
                    });
                    let step = g.ladder[0];
                    self.record_event(EventKind::DisputeStep { id, step });
                }
            }
        }
    }

    /// Works the ladder: each dispute waits its step's delay, then the step succeeds (the
    /// dispute closes) or fails (the next step is tried; after the last, it stays unresolved).
    pub(crate) fn resolution_phase(&mut self) {
        let ladder = self.knobs.ladder;
        let ladder_len = self.knobs.ladder_len;
        let manager = if self.scenario.governance.alliance_manager {
            1.0
        } else {
            0.0
        };
        let mut pressure = 0.0;
        let mut keep = Vec::new();
        let disputes = std::mem::take(&mut self.disputes);
        for mut d in disputes {
            let Some(stage) = d.stage else {
                pressure += 2.0 * d.severity;
                // A festering dispute keeps eating trust, and fades only slowly.
                self.nudge_trust(d.a, d.b, -0.01 * d.severity);
                self.nudge_trust(d.b, d.a, -0.01 * d.severity);
                d.severity *= UNRESOLVED_FADING;
                if d.severity >= 0.1 {
                    keep.push(d);
                }
                continue;
            };
            let step = d.chosen.unwrap_or(ladder[stage]);
            let sp = step_params(step);
            self.costs += sp.cost * d.severity * self.value;
            d.months_in_stage += 1;
            if step == Resolution::Avoidance {
                pressure += 1.5 * d.severity;
                self.nudge_trust(d.a, d.b, -0.005 * d.severity);
                self.nudge_trust(d.b, d.a, -0.005 * d.severity);
            } else {
                pressure += d.severity;
            }
            if d.months_in_stage < sp.delay {
                keep.push(d);
                continue;
            }
            let ca = self.scenario.partners[d.a].culture.culture();
            let cb = self.scenario.partners[d.b].culture.culture();
            let trust = 0.5 * (self.trust_of(d.a, d.b) + self.trust_of(d.b, d.a));
            let trust_factor = if step == Resolution::Arbitration {
                1.0
            } else {
                0.6 + 0.4 * trust
            };
            let p = (sp.success
                * culture_fit(step, &ca, &cb)
                * (1.0 - 0.4 * d.severity)
                * trust_factor
                * (1.0 + MANAGER_RESOLUTION_GAIN * manager))
                .clamp(0.0, 0.95);
            let u = self.agent_rng.uniform();
            if u < p {
                let mut ts = sp.trust_success;
                if step == Resolution::Arbitration {
                    // Someone loses a binding award: the loser resents it most.
                    let loser_is_a = self.agent_rng.uniform() < 0.5;
                    let (w, l) = if loser_is_a { (d.b, d.a) } else { (d.a, d.b) };
                    self.nudge_trust(l, w, 2.0 * ts);
                    self.nudge_trust(w, l, ts * 0.5);
                    ts = 0.0;
                }
                self.nudge_trust(d.a, d.b, ts);
                self.nudge_trust(d.b, d.a, ts);
                let trust_ab = self.trust_of(d.a, d.b);
                self.disputes_settled += 1;
                self.record_event(EventKind::DisputeSettled {
                    id: d.id,
                    a: d.a,
                    b: d.b,
                    step,
                    trust_ab,
                });
            } else {
                self.nudge_trust(d.a, d.b, sp.trust_failure);
                self.nudge_trust(d.b, d.a, sp.trust_failure);
                self.record_event(EventKind::DisputeFailed { id: d.id, step });
                d.chosen = None;
                if stage + 1 < ladder_len {
                    d.stage = Some(stage + 1);
                    d.months_in_stage = 0;
                    self.record_event(EventKind::DisputeStep {
                        id: d.id,
                        step: ladder[stage + 1],
                    });
                } else {
                    d.stage = None;
                    self.trouble();
                    self.record_event(EventKind::DisputeUnresolved {
                        id: d.id,
                        a: d.a,
                        b: d.b,
                        cause: d.cause,
                    });
                }
                keep.push(d);
            }
        }
        self.disputes = keep;
        self.tension = clamp01(0.9 * self.tension + 0.05 * pressure);
    }

    /// Drops the disputes of a partner who left.
    pub(crate) fn close_disputes_of(&mut self, i: usize) {
        self.disputes.retain(|d| d.a != i && d.b != i);
    }
}
