//! Expectations and contributions (challenge 3), goal fit (challenge 1), cultural friction
//! (challenge 2): what partners put in, the value it creates, how it is split, and how
//! satisfied each partner is with the result.

use crate::events::Cause;
use crate::params::*;
use crate::scenario::{DecisionRule, Sharing, N_GOALS};
use crate::world::{clamp01, cosine, fmax, fmin, ratio_score, World};

impl World {
    /// The share of gross value lost to misfit: more under a rigid form, whose dedicated assets
    /// are bound to the set-up the market has moved away from.
    pub(crate) fn misfit_loss(&self) -> f64 {
        MISFIT_LOSS * (1.0 + form_rigidity(self.knobs.form)) * self.misfit
    }

    /// Committed input of a partner at its current capacity.
    pub fn committed(&self, i: usize) -> f64 {
        self.partners[i].capacity * self.scenario.partners[i].contribution
    }

    /// Share of input a partner is recognised for: withholding is seen only as far as
    /// monitoring and transparency reveal it.
    pub fn detection(&self) -> f64 {
        let g = &self.scenario.governance;
        clamp01((0.2 + 0.5 * g.monitoring + 0.3 * g.transparency) * self.crowding())
    }

    /// How well each partner can still be watched as the group grows (Olson 1965): 1 for two
    /// partners, falling slowly with more.
    pub fn crowding(&self) -> f64 {
        let n = self.active_ids().len().max(2) as f64;
        1.0 / (1.0 + CROWDING * (n - 2.0))
    }

    /// Whose goals the alliance pursues: the decision rule weighs the partners' goals.
    pub fn focus(&self) -> [f64; N_GOALS] {
        let act = self.active_ids();
        let rule = self.scenario.governance.decision_rule;
        // Only the lead-partner rule needs to know who leads.
        let lead = if rule == DecisionRule::LeadPartner {
            self.lead_partner()
        } else {
            None
        };
        let mut f = [0.0; N_GOALS];
        let mut total = 0.0;
        for &i in act {
            let w = match rule {
                DecisionRule::Consensus => 1.0,
                DecisionRule::Majority => fmax(self.committed(i), 1e-9),
                DecisionRule::LeadPartner => {
                    if Some(i) == lead {
                        2.0 * act.len() as f64
                    } else {
                        1.0
                    }
                }
            };
            total += w;
            for (fk, g) in f.iter_mut().zip(&self.partners[i].goals) {
                *fk += w * g;
            }
        }
        if total > 0.0 {
            for v in f.iter_mut() {
                *v /= total;
            }
        }
        f
    }

    /// The active partner with the largest committed input (ties: lowest index).
    pub fn lead_partner(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        for &i in self.active_ids() {
            if best.is_none_or(|b| self.committed(i) > self.committed(b)) {
                best = Some(i);
            }
        }
        best
    }

    pub(crate) fn contribution_phase(&mut self) {
        let g = self.knobs;
        let rivalry = self.rivalry();
        let align = form_alignment(g.form);
        for &i in self.act.iter() {
            let p = &self.scenario.partners[i];
            let distrust = 1.0 - self.trust_from(i);
            let st = &self.partners[i];
            let temptation = 0.2 + 0.5 * rivalry + 0.3 * (1.0 - st.satisfaction);
            let deterrence = 0.7 * g.monitoring;
            // Opportunism tempted by rivalry and discontent, deterred by monitoring; and
            // reciprocity: even an honest partner holds back from partners it distrusts.
            let w = p.opportunism * temptation * (1.0 - deterrence) * (1.0 - align)
                + 0.35 * fmax(distrust - 0.4, 0.0) * (0.5 + p.opportunism);
            let w = w.clamp(0.0, 0.95);
            let input = self.committed(i) * (1.0 - w);
            let st = &mut self.partners[i];
            st.withholding = w;
            st.input = input;
        }
    }

    /// Goal alignment (the mean pairwise cosine of goals) and cultural friction (the mean felt
    /// distance) of the partners still in, as they stand. Each pair's cosine is kept in
    /// `goal_cosine` (for the dispute phase too) and computed again only after goals moved
    /// (`goals_moved`): the partners still in are then a subset of those whose pairs were
    /// computed. Called by the value phase each month, and once by `World::new`, so that the
    /// gauges are true before the first month (no phase reads either before the value phase
    /// measures them again, so this changes no run).
    pub(crate) fn measure_fit(&mut self) {
        let act = &*self.act;
        let n = self.n();
        let (mut ga, mut cf, mut pairs) = (0.0, 0.0, 0.0);
        self.goal_cosine.resize(n * n, 0.0);
        if self.goals_moved {
            for (x, &i) in act.iter().enumerate() {
                for &j in &act[x + 1..] {
                    self.goal_cosine[i * n + j] =
                        cosine(&self.partners[i].goals, &self.partners[j].goals);
                }
            }
            self.goals_moved = false;
        }
        for (x, &i) in act.iter().enumerate() {
            for &j in &act[x + 1..] {
                let c = self.goal_cosine[i * n + j];
                ga += c;
                cf += self.felt_distance(i, j);
                pairs += 1.0;
            }
        }
        self.goal_alignment = if pairs > 0.0 { ga / pairs } else { 1.0 };
        self.cultural_friction = if pairs > 0.0 { cf / pairs } else { 0.0 };
    }

    pub(crate) fn value_phase(&mut self) {
        self.measure_fit();
        let act = &*self.act;
        let n = self.n();
        let g = self.knobs;

        let effective: f64 = act
            .iter()
            .map(|&i| {
                self.partners[i].input
                    * self.partners[i].relevance
                    * self.partners[i].complementarity
            })
            .sum();
        // Team production: the synergy needs what was promised; withheld input costs the
        // whole alliance more than its own share (Alchian & Demsetz 1972).
        let committed: f64 = act.iter().map(|&i| self.committed(i)).sum();
        let delivered: f64 = act.iter().map(|&i| self.partners[i].input).sum();
        let follow_through = if committed > 0.0 {
            delivered / committed
        } else {
            1.0
        };
        let gross = self.market
            * self.match_quality
            * libm::pow(follow_through, TEAM_PRODUCTION)
            * effective
            * SYNERGY
            * (GOAL_FIT_FLOOR + GOAL_FIT_GAIN * self.goal_alignment)
            * fmax(1.0 - self.misfit_loss(), 0.0);
        let manager = if g.alliance_manager { 1.0 } else { 0.0 };
        let friction = CULTURE_FRICTION
            * self.cultural_friction
            * (1.0 - 0.3 * g.transparency)
            * (1.0 - MANAGER_FRICTION_CUT * manager);
        let overhead = form_overhead(g.form)
            + monitoring_cost(g.monitoring)
            + COMPLIANCE_COST * g.compliance
            + MANAGER_COST * manager
            + decision_overhead(g.decision_rule) * (act.len() as f64 - 1.0);
        let value = gross * (1.0 - friction - overhead).clamp(0.0, 1.0);
        self.value = value;
        self.costs = fmin(std::mem::take(&mut self.carried_costs), value);
        self.fines = 0.0;
        self.cum_value += value;
        let _ = n;
    }

    /// Splits what is left after costs and fines by the sharing rule.
    pub(crate) fn distribute(&mut self) {
        let act = &*self.act;
        let distributed = fmax(self.value - self.costs - self.fines, 0.0);
        let mut shares = std::mem::take(&mut self.shares);
        self.fill_shares(act, &mut shares);
        for (x, &i) in act.iter().enumerate() {
            let p = &mut self.partners[i];
            p.payoff = shares[x] * distributed;
            p.cum_payoff += p.payoff;
            p.cum_input += p.input;
            p.months_in += 1;
        }
        for p in self.partners.iter_mut().filter(|p| !p.active) {
            p.payoff = 0.0;
            p.input = 0.0;
        }
        self.distributed = distributed;
        self.cum_distributed += distributed;
        self.shares = shares;
    }

    /// Current shares of the active partners (in the order of `act`), summing to 1.
    pub fn shares(&self, act: &[usize]) -> Vec<f64> {
        let mut shares = vec![0.0; act.len()];
        self.fill_shares(act, &mut shares);
        shares
    }

    /// [`World::shares`] into the first `act.len()` entries of `shares` (at least that long;
    /// the distribution passes the world's scratch row).
    pub(crate) fn fill_shares(&self, act: &[usize], shares: &mut [f64]) {
        let raw = &mut shares[..act.len()];
        match &self.scenario.governance.sharing {
            Sharing::Equal => raw.fill(1.0),
            Sharing::Proportional => {
                let d = self.detection();
                for (r, &i) in raw.iter_mut().zip(act) {
                    let c = self.committed(i);
                    *r = c - (c - self.partners[i].input) * d;
                }
            }
            Sharing::Fixed(_) => {
                for (r, &i) in raw.iter_mut().zip(act) {
                    *r = self.fixed_shares[i];
                }
            }
        }
        let total: f64 = raw.iter().sum();
        if total <= 0.0 {
            raw.fill(1.0 / act.len() as f64);
        } else {
            for r in raw.iter_mut() {
                *r /= total;
            }
        }
    }

    /// Return per unit of input a partner could earn outside the alliance.
    pub fn outside_option(&self, i: usize) -> f64 {
        let act = self.active_ids();
        let total: f64 = act.iter().map(|&j| self.committed(j)).sum();
        self.outside_option_given(i, total, act.len())
    }

    /// [`World::outside_option`] given the committed input of the active partners in all
    /// (`total`, summed in the order of the active list) and their number.
    fn outside_option_given(&self, i: usize, total: f64, n_active: usize) -> f64 {
        let p = &self.scenario.partners[i];
        let learned =
            0.6 * p.learning_intent * self.partners[i].knowledge * (0.5 + 0.5 * self.rivalry());
        // Dependence asymmetry (Gulati & Sytch 2007): a partner bringing more than an equal
        // share depends less on the alliance and has better options alone.
        let weight = if total > 0.0 {
            self.committed(i) / total * n_active as f64
        } else {
            1.0
        };
        let independence = fmax(1.0 + DEPENDENCE * (weight - 1.0), 0.5);
        (0.6 + 0.4 * self.market)
            * (1.0 + self.outside_boost)
            * (1.0 + learned)
            * (1.0 + 0.3 * self.rivalry())
            * independence
    }

    pub(crate) fn satisfaction_phase(&mut self) {
        self.distribute();
        let act = &*self.act;
        let focus = self.focus();
        let transparency = self.scenario.governance.transparency;
        let mut returns_row = std::mem::take(&mut self.returns);
        let returns = &mut returns_row[..act.len()];
        for (r, &i) in returns.iter_mut().zip(act) {
            let p = &self.partners[i];
            // Paid for putting in nothing: a return without bound (a free rider), which the
            // others' equity sees. Nothing in and nothing out: no return at all.
            *r = if p.input > 1e-9 {
                p.payoff / p.input
            } else if p.payoff > 1e-9 {
                f64::INFINITY
            } else {
                f64::NAN
            };
        }
        let returns = &*returns;
        // The committed input of all, for the outside options (capacities do not move here).
        let committed_total: f64 = act.iter().map(|&j| self.committed(j)).sum();
        // Where the value went missing, for attributing a poor return to a cause.
        let loss_misfit = self.misfit_loss();
        let loss_goal =
            GOAL_FIT_GAIN * (1.0 - self.goal_alignment) / (GOAL_FIT_FLOOR + GOAL_FIT_GAIN);
        let loss_culture = CULTURE_FRICTION * self.cultural_friction;
        for (x, &i) in act.iter().enumerate() {
            let spec = &self.scenario.partners[i];
            let trust = self.trust_from(i);
            // Equity (Adams 1965): own payoff/input against the others'.
            let (mut others_sum, mut others_n, mut free_riders) = (0.0, 0u32, 0u32);
            for (y, r) in returns.iter().enumerate() {
                if y != x && r.is_finite() {
                    others_sum += r;
                    others_n += 1;
                } else if y != x && *r == f64::INFINITY {
                    free_riders += 1;
                }
            }
            let own = returns[x];
            let phi = if !own.is_finite() {
                2.0
            } else if free_riders > 0 {
                // Another is paid for putting in nothing: as unfair as the scale goes (a
                // partner that put in nothing at all was seen as perfectly fair before, and a
                // pair with one outlived a working pair).
                0.0
            } else if others_n == 0 {
                1.0
            } else {
                let mean = others_sum / others_n as f64;
                if mean > 1e-12 {
                    own / mean
                } else {
                    2.0
                }
            };
            let noise = self.agent_rng.normal() * 0.3 * (1.0 - transparency);
            let perceived =
                (libm::log(phi.clamp(0.05, 20.0)) + noise - 0.2 * (1.0 - trust)).clamp(-3.0, 3.0);
            let p = &self.partners[i];
            let fairness = 0.8 * p.fairness + 0.2 * libm::exp(perceived);
            let c_fair = ratio_score(fairness.clamp(0.05, 20.0));
            let c_ret = if own.is_finite() {
                let outside = self.outside_option_given(i, committed_total, act.len());
                ratio_score((own / outside).clamp(1e-6, 1e6))
            } else {
                1.0
            };
            let share = if self.distributed > 0.0 {
                p.payoff / self.distributed
            } else {
                0.0
            };
            let c_exp = if p.expected_share > 1e-9 {
                ratio_score((share / p.expected_share).clamp(1e-6, 1e6))
            } else {
                1.0
            };
            let c_goal = cosine(&p.goals, &focus);
            let conflict = self.conflict_load(i);
            let target = 0.30 * c_ret + 0.20 * c_fair + 0.15 * c_exp + 0.15 * c_goal + 0.20 * trust
                - 0.25 * conflict
                - 0.1 * self.tension;
            let target = clamp01(target);

            // Pressure toward each exit cause: how far each part of satisfaction is below what
            // a content partner would feel, with a poor return split by where the value went.
            let short = |reference: f64, c: f64| fmax(reference - c, 0.0) / reference;
            let ret_gap = 0.30 * short(0.5, c_ret);
            let learned = spec.learning_intent * p.knowledge;
            let withheld = act
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| self.partners[j].withholding)
                .sum::<f64>()
                / fmax(act.len() as f64 - 1.0, 1.0);
            let weak_others = act
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| fmax(1.0 - self.partners[j].complementarity, 0.0))
                .sum::<f64>()
                / fmax(act.len() as f64 - 1.0, 1.0);
            let parts = [
                loss_misfit + 0.3 * self.stress,
                loss_goal + fmax(1.0 - self.match_quality, 0.0),
                loss_culture + withheld,
                learned,
                weak_others + 0.02,
            ];
            let total: f64 = fmax(parts.iter().sum::<f64>(), 1e-9);
            let mut pr = [0.0; 7];
            pr[Cause::Inequity.index()] =
                0.20 * short(0.5, c_fair) + 0.15 * short(0.5, c_exp) + ret_gap * parts[4] / total;
            pr[Cause::GoalMisalignment.index()] =
                0.15 * short(0.9, c_goal) + ret_gap * parts[1] / total;
            // Trust lost to watching a partner race to learn is the learning race's.
            let leak_share = if p.trust_lost > 1e-12 {
                clamp01(p.trust_lost_to_leakage / p.trust_lost)
            } else {
                0.0
            };
            let trust_short = 0.20 * short(0.5, trust);
            pr[Cause::TrustBreakdown.index()] =
                (1.0 - leak_share) * trust_short + ret_gap * parts[2] / total;
            pr[Cause::UnresolvedConflict.index()] = 0.25 * conflict + 0.1 * self.tension;
            pr[Cause::MisfitAfterShock.index()] = ret_gap * parts[0] / total;
            pr[Cause::LearningRace.index()] = leak_share * trust_short + ret_gap * parts[3] / total;
            let p = &mut self.partners[i];
            p.fairness = fairness;
            p.goal_fit = c_goal;
            p.satisfaction = clamp01(p.satisfaction + 0.25 * (target - p.satisfaction));
            for (k, v) in pr.iter().enumerate() {
                p.pressure[k] = 0.8 * p.pressure[k] + 0.2 * v;
            }
        }
        self.returns = returns_row;
    }
}
