//! The environment (challenge 5): market drift and noise, random and scripted shocks.
//!
//! All draws come from the environment's own stream, a fixed number per month, so two
//! scenarios that differ only in governance or partners meet the same market and shocks.

use crate::events::EventKind;
use crate::params::*;
use crate::rng::Stream;
use crate::scenario::{ShockKind, N_GOALS};
use crate::world::{fmin, normalise, World};

/// Draws made every month, whether or not a shock comes.
struct EnvDraws {
    noise: f64,
    arrival: f64,
    kind: usize,
    severity: f64,
    target: f64,
    /// Seed of the shock's own stream (a split of the environment's), seeded only if a shock
    /// comes.
    sub_seed: u64,
}

impl World {
    pub fn regulatory_pressure(&self) -> f64 {
        (self.scenario.environment.regulatory_strictness + self.regulatory_extra).clamp(0.0, 1.0)
    }

    pub fn rivalry(&self) -> f64 {
        (self.scenario.environment.rivalry + self.rivalry_extra).clamp(0.0, 1.0)
    }

    pub(crate) fn environment_phase(&mut self) {
        let e = &self.scenario.environment;
        let volatility = e.volatility;
        let base_severity = e.shock_severity;
        let d = EnvDraws {
            noise: self.env_rng.normal(),
            arrival: self.env_rng.uniform(),
            kind: self.env_rng.index(ShockKind::ALL.len()),
            severity: self.env_rng.uniform(),
            target: self.env_rng.uniform(),
            sub_seed: self.env_rng.next_u64(),
        };

        // Decay of earlier shocks' effects.
        self.stress *= STRESS_DECAY;
        self.regulatory_extra *= 0.97;
        self.rivalry_extra *= 0.98;
        self.outside_boost *= 0.95;
        for (p, s) in self.partners.iter_mut().zip(&self.scenario.partners) {
            p.capacity += CAPACITY_RECOVERY * (s.capacity - p.capacity);
        }

        self.market_dev =
            MARKET_PERSISTENCE * self.market_dev + MARKET_NOISE * volatility * d.noise;
        // What the alliance was set up for drifts with the market: the larger this month's
        // move, the more its set-up falls out of step (adaptation works it off).
        self.misfit = fmin(self.misfit + MISFIT_DRIFT * volatility * d.noise.abs(), 1.0);

        if d.arrival < self.shock_chance {
            let mut sub = Stream::from_split_seed(d.sub_seed);
            let kind = ShockKind::ALL[d.kind];
            let severity = (base_severity * (0.5 + d.severity)).clamp(0.0, 1.0);
            let act = self.active();
            let target = act[((d.target * act.len() as f64) as u64 as usize).min(act.len() - 1)];
            self.apply_shock(kind, severity, target, false, &mut sub);
        }
        let month = self.month;
        while self.scripted.first().is_some_and(|s| s.month <= month) {
            let s = self.scripted.remove(0);
            let mut sub = Stream::new(self.seed ^ month as u64, 1000 + s.kind as u64);
            self.apply_shock(s.kind, s.severity, s.partner.unwrap_or(0), true, &mut sub);
        }
        self.update_market();
    }

    fn update_market(&mut self) {
        let trend = self.monthly_trend * self.month as f64;
        self.market = libm::exp(trend + self.market_dev);
    }

    fn apply_shock(
        &mut self,
        kind: ShockKind,
        sev: f64,
        target: usize,
        scripted: bool,
        sub: &mut Stream,
    ) {
        if kind.targets_partner() && !self.partners[target].active {
            return;
        }
        let before = self.market;
        match kind {
            ShockKind::DemandCollapse => {
                self.market_dev += libm::log(1.0 - 0.5 * sev);
                self.misfit += 0.5 * sev;
                self.stress += sev;
            }
            ShockKind::DemandBoom => {
                self.market_dev += libm::log(1.0 + 0.4 * sev);
                self.misfit += 0.15 * sev;
                self.outside_boost += 0.3 * sev;
                self.stress += 0.3 * sev;
            }
            ShockKind::TechnologyShift => {
                for p in self.partners.iter_mut() {
                    let u = sub.uniform();
                    p.relevance =
                        (p.relevance * (1.0 - sev * u) + 0.3 * sev * (1.0 - u)).clamp(0.2, 1.0);
                }
                self.misfit += 0.4 * sev;
                self.stress += 0.5 * sev;
            }
            ShockKind::RegulatoryChange => {
                self.regulatory_extra += 0.5 * sev;
                self.misfit += 0.25 * sev;
                self.stress += 0.4 * sev;
            }
            ShockKind::CompetitorEntry => {
                self.market_dev += libm::log(1.0 - 0.25 * sev);
                self.rivalry_extra += 0.3 * sev;
                self.misfit += 0.3 * sev;
                self.stress += 0.5 * sev;
            }
            ShockKind::PartnerCrisis => {
                self.partners[target].capacity *= 1.0 - 0.6 * sev;
                self.stress += 0.5 * sev;
            }
            ShockKind::LeadershipChange => {
                let mut drift = [0.0; N_GOALS];
                for v in drift.iter_mut() {
                    *v = sub.uniform();
                }
                let drift = normalise(&drift);
                let p = &mut self.partners[target];
                let mut g = p.goals;
                for k in 0..N_GOALS {
                    g[k] = (1.0 - 0.7 * sev) * g[k] + 0.7 * sev * drift[k];
                }
                p.goals = normalise(&g);
                self.goals_moved = true;
                let n = self.n();
                let t0 = self.scenario.initial_trust;
                for j in 0..n {
                    if j != target {
                        let k = target * n + j;
                        self.trust[k] += 0.5 * sev * (t0 - self.trust[k]);
                    }
                }
                self.stress += 0.2 * sev;
            }
        }
        self.misfit = self.misfit.clamp(0.0, 1.0);
        self.stress = self.stress.clamp(0.0, 2.0);
        self.update_market();
        let partner = if kind.targets_partner() {
            Some(target)
        } else {
            None
        };
        let market_change = if before > 0.0 {
            self.market / before
        } else {
            1.0
        };
        self.record_event(EventKind::Shock {
            kind,
            severity: sev,
            partner,
            scripted,
            market_change,
        });
    }
}
