//! Conflict and disagreement (challenge 6): disputes between pairs arise from the frictions of
//! the other challenges, and the resolution ladder works on them.

use crate::culture::Culture;
use crate::events::{DisputeCause, EventKind};
use crate::params::*;
use crate::scenario::{Resolution, MAX_PARTNERS};

// A bit per partner in a `u64` (the open-dispute sets of `dispute_phase`).
const _: () = assert!(MAX_PARTNERS <= 64);
use crate::world::{clamp01, fmax, fmin, Dispute, World};

/// An upper bound of `libm::exp(x)` computed without a transcendental function (infinite, no
/// bound, unless |x| < 700): e^x = 2^k 2^f with k = floor(x log2 e) and f in [0, 1), and
/// 2^f <= 1 + f on [0, 1] (2^f is convex and equal to 1 + f at both ends). The factor
/// 1 + 1e-9 covers the rounding of x log2 e (below 1e-12 relative here) and the error of
/// `libm::exp` (below 1 ulp). Used only to skip computing a dispute chance when a draw is
/// certainly above it, so it never changes a result.
pub(crate) fn exp_upper(x: f64) -> f64 {
    if !(x.abs() < 700.0) {
        return f64::INFINITY;
    }
    let t = x * core::f64::consts::LOG2_E;
    let k = libm::floor(t);
    let f = t - k;
    let two_k = f64::from_bits(((k as i64 + 1023) as u64) << 52);
    (1.0 + f) * two_k * (1.0 + 1e-9)
}

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
        let g = self.knobs;
        let n = self.n();
        let manager = if g.alliance_manager { 1.0 } else { 0.0 };
        let rivalry = self.rivalry();
        let detect = self.detection();
        // Once a month instead of once a pair (the same values, so the same bits): the pairs
        // with an open dispute (a dispute opened below is for the pair at hand, not visited
        // again) and each partner's sense of unfairness. Kept in the world's scratch rows
        // (`open_with`, `unfairness`), whose entries for the partners still in are set here:
        // only those are read. The active list is read in place (nothing here removes a
        // partner). Neither a fresh array nor a copy of the list: each is a memory fill or
        // copy a month, costly in wasm.
        let len = self.act.len();
        for x in 0..len {
            let i = self.act[x];
            self.open_with[i] = 0;
            let f = self.partners[i].fairness;
            self.unfairness[i] = if f >= 1.0 {
                0.0
            } else {
                -libm::log(fmax(f, 0.05))
            };
        }
        for d in &self.disputes {
            self.open_with[d.a] |= 1 << d.b;
            self.open_with[d.b] |= 1 << d.a;
        }
        let cut = 1.0 - MANAGER_DISPUTE_CUT * manager;
        for x in 0..len {
            let a = self.act[x];
            for y in x + 1..len {
                let b = self.act[y];
                let u = self.agent_rng.uniform();
                let u_sev = self.agent_rng.uniform();
                if self.open_with[a] & (1 << b) != 0 {
                    continue;
                }
                let pair_trust = 0.5 * (self.trust_of(a, b) + self.trust_of(b, a));
                let distrust = 1.0 - pair_trust;
                let (pa, pb) = (&self.partners[a], &self.partners[b]);
                let drivers = [
                    (
                        DisputeCause::ProfitSharing,
                        1.5 * (self.unfairness[a] + self.unfairness[b]),
                    ),
                    (
                        DisputeCause::Goals,
                        // The goals' cosine of this month's value phase (goals have not
                        // moved since).
                        1.2 * (1.0 - self.goal_cosine[a * n + b]),
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
                            * fmax(
                                self.scenario.partners[a].learning_intent,
                                self.scenario.partners[b].learning_intent,
                            ),
                    ),
                ];
                let sum: f64 = drivers.iter().map(|d| d.1).sum();
                let exponent = sum + 1.5 * distrust + 0.8 * rivalry;
                // Most pairs draw far above their small chance of a dispute: a safe upper
                // bound of the chance says so without `exp` (see `exp_upper`), and the draw
                // is then certainly no dispute, as the exact test below would find.
                if u >= DISPUTE_BASE * exp_upper(exponent) * cut * (1.0 + 1e-9) + 1e-12 {
                    continue;
                }
                let hazard = DISPUTE_BASE * libm::exp(exponent) * cut;
                // 1 - e^-h <= h, and the computed value exceeds it by less than 1e-12.
                if u >= hazard + 1e-12 {
                    continue;
                }
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
                    let severity = (0.15 + 0.35 * fmin(top, 1.5) + 0.3 * u_sev).clamp(0.1, 1.0);
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
        // Worked on in place (kept in order, the allocation reused); `true` keeps a dispute.
        let mut disputes = std::mem::take(&mut self.disputes);
        disputes.retain_mut(|d| {
            let Some(stage) = d.stage else {
                pressure += 2.0 * d.severity;
                // A festering dispute keeps eating trust, and fades only slowly.
                self.nudge_trust(d.a, d.b, -0.01 * d.severity);
                self.nudge_trust(d.b, d.a, -0.01 * d.severity);
                d.severity *= UNRESOLVED_FADING;
                return d.severity >= 0.1;
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
                return true;
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
                false
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
                true
            }
        });
        self.disputes = disputes;
        self.tension = clamp01(0.9 * self.tension + 0.05 * pressure);
    }

    /// Drops the disputes of a partner who left.
    pub(crate) fn close_disputes_of(&mut self, i: usize) {
        self.disputes.retain(|d| d.a != i && d.b != i);
    }
}

#[cfg(test)]
mod tests {
    use super::exp_upper;
    use crate::rng::Stream;

    #[test]
    fn exp_upper_bounds_libm_exp_closely() {
        let mut rng = Stream::new(1, 1);
        let mut xs: Vec<f64> = (0..200_000)
            .map(|_| (rng.uniform() - 0.5) * 1398.0)
            .collect();
        xs.extend((0..200_000).map(|_| (rng.uniform() - 0.5) * 20.0));
        xs.extend([0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, 699.9, -699.9]);
        // Exact powers of two: t = x log2 e lands on (or next to) an integer.
        xs.extend((-1000..1000).map(|k| k as f64 * core::f64::consts::LN_2));
        for x in xs {
            let e = libm::exp(x);
            let b = exp_upper(x);
            assert!(b >= e * (1.0 + 1e-10), "x = {x:e}: bound {b:e} < exp {e:e}");
            assert!(b <= e * 1.1, "x = {x:e}: bound {b:e} far above exp {e:e}");
        }
        for x in [
            700.0,
            -700.0,
            1e308,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert_eq!(exp_upper(x), f64::INFINITY, "{x}");
        }
    }
}
