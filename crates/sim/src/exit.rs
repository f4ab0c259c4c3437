//! Exits and dissolution: unhappy partners leave once their patience runs out (held in by exit
//! barriers), free riders are pushed out, and the alliance dissolves when fewer than two
//! partners remain or a partner holding most of the input leaves.

use crate::events::{Cause, EventKind};
use crate::params::*;
use crate::world::{fmax, fmin, Outcome, World};

impl World {
    /// Exit barrier: the form's plus the exit penalty's, in [0, 0.9].
    pub fn exit_barrier(&self) -> f64 {
        let g = &self.scenario.governance;
        let pen = g.exit_penalty_months;
        fmin(form_barrier(g.form) + 0.6 * pen / (pen + 6.0), 0.9)
    }

    /// The cause with the most pressure on a partner.
    pub fn main_cause(&self, i: usize) -> Cause {
        let p = &self.partners[i].pressure;
        let mut best = Cause::Inequity;
        for c in Cause::ALL {
            if p[c.index()] > p[best.index()] {
                best = c;
            }
        }
        best
    }

    pub(crate) fn exit_phase(&mut self) {
        let barrier = self.exit_barrier();
        let pen = self.scenario.governance.exit_penalty_months;
        let lock_in = pen / (pen + 12.0);
        let mut leavers: Vec<(usize, bool)> = Vec::new();
        let act = &*self.act;
        let mut considering = false;
        for &i in act {
            let u = self.agent_rng.uniform();
            let spec = &self.scenario.partners[i];
            // Exit costs make staying the cheaper choice: a committed partner puts up with more,
            // for longer.
            let threshold =
                UNHAPPY_THRESHOLD - UNHAPPY_THRESHOLD_PATIENCE * spec.patience - 0.15 * lock_in;
            let tolerance =
                TOLERANCE_MONTHS_MIN + TOLERANCE_MONTHS_PATIENCE * spec.patience + 12.0 * lock_in;
            let p = &mut self.partners[i];
            if p.satisfaction < threshold {
                p.months_unhappy += 1;
            } else {
                p.months_unhappy = p.months_unhappy.saturating_sub(1);
            }
            if p.months_unhappy as f64 >= tolerance {
                // Its patience is spent: it is weighing exit.
                considering = true;
                let depth = ((threshold - p.satisfaction) / fmax(threshold, 1e-9)).clamp(0.0, 1.0);
                let chance = EXIT_CHANCE * (1.0 - barrier) * (0.5 + depth);
                if u < chance {
                    leavers.push((i, false));
                }
            }
        }
        // The others push out a free rider they have stopped trusting.
        if act.len() > 2 {
            let committed_total = fmax(act.iter().map(|&i| self.committed(i)).sum::<f64>(), 1e-12);
            for &i in act {
                let share_in = self.partners[i].input / committed_total;
                if self.partners[i].months_in >= 6
                    && share_in < 0.25 / act.len() as f64
                    && self.trust_in(i) < 0.35
                    && !leavers.iter().any(|l| l.0 == i)
                    && self.others_agree_to_expel(i)
                {
                    leavers.push((i, true));
                }
            }
        }
        // A partner weighing exit is trouble (marked before anyone leaves).
        if considering {
            self.trouble();
        }
        for (i, expelled) in leavers {
            if self.outcome.is_some() {
                break;
            }
            self.remove_partner(i, expelled);
        }
    }

    fn others_agree_to_expel(&self, i: usize) -> bool {
        use crate::scenario::DecisionRule::*;
        let others: Vec<usize> = self.active().into_iter().filter(|&j| j != i).collect();
        let against = others
            .iter()
            .filter(|&&j| self.trust_of(j, i) < 0.5)
            .count();
        match self.scenario.governance.decision_rule {
            Consensus => against == others.len(),
            Majority => 2 * against > others.len(),
            LeadPartner => match self.lead_partner() {
                Some(l) if l != i => self.trust_of(l, i) < 0.5,
                _ => false,
            },
        }
    }

    fn remove_partner(&mut self, i: usize, expelled: bool) {
        let act = self.active();
        let committed_total = fmax(act.iter().map(|&j| self.committed(j)).sum::<f64>(), 1e-12);
        let held = self.committed(i) / committed_total;
        let cause = if expelled {
            Cause::Inequity
        } else {
            self.main_cause(i)
        };
        let unresolved = self
            .disputes
            .iter()
            .filter(|d| d.a == i || d.b == i)
            .count() as u32;
        // A leaver pays the exit penalty to those who stay (in proportion to their shares).
        let mut penalty = 0.0;
        if !expelled {
            let p = &self.partners[i];
            let avg = if p.months_in > 0 {
                p.cum_payoff / p.months_in as f64
            } else {
                0.0
            };
            penalty = fmin(
                self.scenario.governance.exit_penalty_months * avg,
                fmax(p.cum_payoff, 0.0),
            );
        }
        let stayers: Vec<usize> = act.iter().copied().filter(|&j| j != i).collect();
        if penalty > 0.0 && !stayers.is_empty() {
            let shares = self.shares(&stayers);
            self.partners[i].cum_payoff -= penalty;
            for (x, &j) in stayers.iter().enumerate() {
                self.partners[j].cum_payoff += penalty * shares[x];
            }
        }
        self.trouble();
        let p = &mut self.partners[i];
        p.active = false;
        p.exit_month = Some(self.month);
        self.act = self.scan_active();
        if expelled {
            self.record_event(EventKind::PartnerExpelled {
                partner: i,
                cause,
                contribution_share: held,
            });
        } else {
            let (months_unhappy, fairness) =
                (self.partners[i].months_unhappy, self.partners[i].fairness);
            self.record_event(EventKind::PartnerLeft {
                partner: i,
                cause,
                months_unhappy,
                fairness,
                unresolved,
                penalty_paid: penalty,
            });
        }
        self.close_disputes_of(i);
        // A departure shakes those who stay: confidence in the venture and in each other dips.
        for &j in &stayers {
            self.partners[j].satisfaction = fmax(self.partners[j].satisfaction - EXIT_SHOCK, 0.0);
            for &k in &stayers {
                if j != k {
                    self.nudge_trust(j, k, -0.5 * EXIT_SHOCK);
                }
            }
        }
        // Dissolution: fewer than two left, or the partners holding most of the input the
        // alliance started with have gone.
        let remaining: f64 = stayers
            .iter()
            .map(|&j| self.scenario.partners[j].capacity * self.scenario.partners[j].contribution)
            .sum();
        let initial: f64 = self
            .scenario
            .partners
            .iter()
            .map(|p| p.capacity * p.contribution)
            .sum();
        if stayers.len() < 2 || held > 0.5 || remaining < 0.5 * initial {
            self.record_event(EventKind::Dissolved { cause });
            self.outcome = Some(Outcome::Dissolved {
                month: self.month,
                cause,
            });
        }
    }
}
