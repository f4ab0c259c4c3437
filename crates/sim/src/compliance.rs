//! Compliance and governance (challenge 7): violations, internal detection by the compliance
//! programme, regulators' fines, and a regulator that can end the alliance.

use crate::events::{Cause, Detector, EventKind};
use crate::world::{fmax, fmin, Outcome, World};

impl World {
    pub(crate) fn compliance_phase(&mut self) {
        let g = self.knobs;
        let reg = self.regulatory_pressure();
        self.compliance_strain *= 0.95;
        // The active list is read in place, not copied (see `trust_phase`): no partner leaves
        // here.
        for x in 0..self.act.len() {
            let i = self.act[x];
            let u = self.agent_rng.uniform();
            let u_detect = self.agent_rng.uniform();
            let u_end = self.agent_rng.uniform();
            let opportunism = self.scenario.partners[i].opportunism;
            let p_violation =
                0.006 * (0.3 + opportunism) * (1.0 - 0.8 * g.compliance) * (0.5 + reg);
            if u >= p_violation {
                continue;
            }
            self.partners[i].violations += 1;
            let p_internal = 0.8 * g.compliance;
            if u_detect < p_internal {
                // Found and fixed inside: a small cost, a small dent in the others' trust.
                self.costs += 0.05 * self.value;
                self.compliance_strain = fmin(self.compliance_strain + 0.15, 1.0);
                for y in 0..self.act.len() {
                    let j = self.act[y];
                    if j != i {
                        self.nudge_trust(j, i, -0.01);
                    }
                }
                self.record_event(EventKind::Violation {
                    partner: i,
                    detector: Detector::Internal,
                    fine: 0.0,
                });
                continue;
            }
            let p_regulator = 0.2 + 0.6 * reg;
            if u_detect < p_internal + (1.0 - p_internal) * p_regulator {
                self.regulator_findings += 1;
                self.compliance_strain = fmin(self.compliance_strain + 0.4, 1.0);
                // A fine of (0.5 + 1.5 x pressure) months of value, capped at what is left of
                // this month's value.
                let fine = fmin(
                    (0.5 + 1.5 * reg) * self.value,
                    fmax(self.value - self.costs - self.fines, 0.0),
                );
                self.fines += fine;
                self.cum_fines += fine;
                for y in 0..self.act.len() {
                    let j = self.act[y];
                    if j != i {
                        self.nudge_trust(j, i, -0.08);
                        self.partners[j].pressure[Cause::ComplianceFailure.index()] += 0.15;
                    }
                }
                self.record_event(EventKind::Violation {
                    partner: i,
                    detector: Detector::Regulator,
                    fine,
                });
                let p_end = 0.08 * reg * self.regulator_findings as f64;
                if u_end < p_end && self.outcome.is_none() {
                    self.regulator_ended = true;
                    self.record_event(EventKind::RegulatorEnded);
                    self.record_event(EventKind::Dissolved {
                        cause: Cause::ComplianceFailure,
                    });
                    self.outcome = Some(Outcome::Dissolved {
                        month: self.month,
                        cause: Cause::ComplianceFailure,
                    });
                    break;
                }
            }
        }
    }
}
