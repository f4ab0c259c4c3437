//! Change and adaptation (challenge 5) and goal realignment (challenge 1): misfit after shocks
//! wears off with adaptation; strategic reviews realign goals, rebalance shares and reopen
//! festering disputes. Also the slow processes: cultural learning and knowledge absorption.

use crate::events::EventKind;
use crate::params::*;
use crate::scenario::N_GOALS;
use crate::world::{clamp01, fmax, fmin, normalise, World};

impl World {
    pub(crate) fn adaptation_phase(&mut self) {
        let act = &*self.act;
        if act.is_empty() {
            return;
        }
        let g = self.knobs;
        let n = self.n();
        let manager = if g.alliance_manager { 1.0 } else { 0.0 };
        // A rigid form (a joint venture's board and dedicated assets) adapts more slowly.
        let speed =
            decision_speed(g.decision_rule, act.len()) * (1.0 - 0.5 * form_rigidity(g.form));
        let adapt = act
            .iter()
            .map(|&i| self.scenario.partners[i].adaptability)
            .sum::<f64>()
            / act.len() as f64;

        // Continuous adjustment; a manager keeps it going between reviews.
        self.misfit =
            clamp01(self.misfit * (1.0 - (0.02 * speed * adapt + MANAGER_ADAPTATION * manager)));
        for &i in act {
            let a = self.scenario.partners[i].adaptability;
            let p = &mut self.partners[i];
            p.relevance = (p.relevance + 0.02 * a * (1.0 - p.relevance)).clamp(0.2, 1.0);
        }

        // Cultural learning: the pair gets used to each other.
        let rate = 0.01 * (1.0 + MANAGER_LEARNING * manager) * (0.5 + 0.5 * g.transparency);
        for &i in act {
            for &j in act {
                if i != j {
                    let k = i * n + j;
                    self.familiarity[k] += rate * fmax(0.9 - self.familiarity[k], 0.0);
                }
            }
        }

        // Knowledge absorption: the learning race.
        let effective: f64 = act
            .iter()
            .map(|&i| self.partners[i].input * self.partners[i].relevance)
            .sum();
        for &i in act {
            let li = self.scenario.partners[i].learning_intent;
            let own = self.partners[i].input * self.partners[i].relevance;
            let from_others = if effective > 0.0 {
                (effective - own) / effective
            } else {
                0.0
            };
            let p = &mut self.partners[i];
            let before = p.knowledge;
            p.knowledge = clamp01(
                p.knowledge
                    + 0.03 * li * (0.3 + 0.7 * g.transparency) * from_others * (1.0 - p.knowledge),
            );
            p.leak = (p.knowledge - before) * race_intent(li);
        }

        if g.review_months > 0 && self.month.is_multiple_of(g.review_months) {
            let depth = review_depth(g.review_months);
            self.review(speed, adapt, depth);
        }
    }

    fn review(&mut self, speed: f64, adapt: f64, depth: f64) {
        let act = self.active();
        let before = self.misfit;
        // The market is looked at as it stands now: a review held more often than yearly sees
        // and corrects the misfit about as a yearly one would, less the preparation and
        // follow-through it has no time for (the square root of its depth: a quarterly review
        // does half a yearly one's work on the market, a monthly one 29%). Held soon after a
        // shock, it catches the misfit early; in a calm market it only costs. Goals, shares and
        // festering disputes move slowly, so there a review does in proportion to the time
        // since the last (`depth`). A yearly or rarer review: depth 1, the same either way.
        let market_depth = depth.sqrt();
        self.misfit =
            clamp01(self.misfit * (1.0 - 0.5 * market_depth * speed * (0.4 + 0.6 * adapt)));
        // Paid out of next month's value (this month's is already shared out).
        self.carried_costs += REVIEW_COST * self.value;
        // Realign goals toward the alliance's focus.
        let focus = self.focus();
        for &i in &act {
            let a = self.scenario.partners[i].adaptability;
            let p = &mut self.partners[i];
            let mut gl = p.goals;
            for k in 0..N_GOALS {
                gl[k] += 0.15 * depth * a * (focus[k] - gl[k]);
            }
            p.goals = normalise(&gl);
        }
        self.goals_moved = true;
        // Renegotiate: fixed shares move halfway toward the committed contributions;
        // expectations move toward the shares actually received.
        let shares = self.shares(&act);
        let fixed = matches!(
            self.scenario.governance.sharing,
            crate::scenario::Sharing::Fixed(_)
        );
        let committed: Vec<f64> = act.iter().map(|&i| self.committed(i)).collect();
        let total: f64 = fmax(committed.iter().sum::<f64>(), 1e-12);
        for (x, &i) in act.iter().enumerate() {
            if fixed {
                self.fixed_shares[i] += 0.5 * depth * (committed[x] / total - self.fixed_shares[i]);
            }
            let a = self.scenario.partners[i].adaptability;
            let p = &mut self.partners[i];
            p.expected_share += 0.2 * depth * a * (shares[x] - p.expected_share);
        }
        let alignment_after = self.goal_alignment;
        self.record_event(EventKind::Review {
            misfit_before: before,
            misfit_after: self.misfit,
            alignment_after,
        });
        // Festering disputes get another chance, each told by an event of its own (an event
        // holds no list: events with heap data made every batch 1.5% slower). A review held
        // more often than yearly gives each that chance with probability `depth` (one draw per
        // festering dispute), so that reviews give as many chances a year however often they
        // are held; a yearly or rarer review draws nothing.
        for k in 0..self.disputes.len() {
            if self.disputes[k].stage.is_none()
                && (depth >= 1.0 || self.agent_rng.uniform() < depth)
            {
                let d = &mut self.disputes[k];
                d.stage = Some(0);
                d.months_in_stage = 0;
                d.severity *= 1.0 - 0.3 * depth;
                let id = d.id;
                self.record_event(EventKind::DisputeReopened { id });
            }
        }
    }
}

/// How much one review can change: what a year's review does, in proportion for a review held
/// more often (a review can only take up what has happened since the last one).
pub(crate) fn review_depth(review_months: u32) -> f64 {
    fmin(review_months as f64 / 12.0, 1.0)
}
