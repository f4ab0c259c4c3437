//! Trust and transparency (challenge 4): directed trust between every pair, built slowly and
//! lost quickly (Slovic 1993), from what each partner can observe of the others.

use crate::params::*;
use crate::world::{clamp01, fmax, World};

impl World {
    /// Chance that a partner sees what another actually delivered this month.
    pub fn observability(&self) -> f64 {
        let g = &self.scenario.governance;
        clamp01((0.3 + 0.7 * fmax(g.transparency, 0.8 * g.monitoring)) * self.crowding())
    }

    /// Moves trust by `delta` with the asymmetry of the model: a gain closes part of the gap to
    /// 1, a loss (weighted by [`TRUST_LOSS_FACTOR`]) removes part of what there is.
    /// Returns the trust lost (0 for a gain), which is also added to i's `trust_lost`.
    pub(crate) fn nudge_trust(&mut self, i: usize, j: usize, delta: f64) -> f64 {
        let k = i * self.n() + j;
        let before = self.trust[k];
        if delta >= 0.0 {
            self.trust[k] = clamp01(before + delta * (1.0 - before));
            0.0
        } else {
            let after = clamp01(before + TRUST_LOSS_FACTOR * delta * before);
            self.trust[k] = after;
            let lost = before - after;
            self.partners[i].trust_lost += lost;
            lost
        }
    }

    pub(crate) fn trust_phase(&mut self) {
        let g = self.knobs;
        let obs = self.observability();
        let manager = if g.alliance_manager { 1.0 } else { 0.0 };
        let distrust_signal = monitoring_distrust(g.monitoring);
        for p in self.partners.iter_mut() {
            p.trust_lost *= 0.9;
            p.trust_lost_to_leakage *= 0.9;
        }
        // The active list is read in place (`self.act[x]`), not copied: nothing here removes a
        // partner, and a copy of the list is a memory copy each month (costly in wasm).
        let len = self.act.len();
        for x in 0..len {
            let i = self.act[x];
            for y in 0..len {
                let j = self.act[y];
                if i == j {
                    continue;
                }
                let seen = self.agent_rng.uniform() < obs;
                if seen {
                    let noise = self.agent_rng.normal();
                    // Cultural distance adds misreading; transparency halves it.
                    let sigma =
                        0.04 + 0.06 * self.felt_distance(i, j) * (1.0 - 0.5 * g.transparency);
                    let cooperation = 1.0 - self.partners[j].withholding + sigma * noise;
                    let delta = TRUST_GAIN * (cooperation - COOPERATION_EXPECTED);
                    self.nudge_trust(i, j, delta);
                }
                // Close monitoring signals distrust; openness and a manager build goodwill.
                self.nudge_trust(i, j, -distrust_signal);
                self.nudge_trust(i, j, 0.002 * g.transparency + MANAGER_GOODWILL * manager);
                // Leakage: i watches j, racing to learn, take its know-how (section 2.4).
                let leak = self.partners[j].leak;
                if leak > 0.0 {
                    let lost =
                        self.nudge_trust(i, j, -LEAKAGE_DISTRUST * leak * (0.5 + self.rivalry()));
                    self.partners[i].trust_lost_to_leakage += lost;
                }
                // The learning race: j sees i absorbing more than it gives back.
                let gap = self.partners[i].knowledge - self.partners[j].knowledge;
                if gap > 0.1 {
                    self.nudge_trust(j, i, -0.02 * (gap - 0.1) * (0.5 + self.rivalry()));
                }
            }
        }
    }
}
