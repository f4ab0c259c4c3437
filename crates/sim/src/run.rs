//! One run from start to end.

use crate::events::Event;
use crate::scenario::{Scenario, ScenarioError};
use crate::world::{MonthStats, Outcome, World};

/// What one run produced.
#[derive(Clone, Debug, PartialEq)]
pub struct RunResult {
    pub outcome: Outcome,
    /// Months simulated (the dissolution month, or the horizon).
    pub months: u32,
    /// Total value created.
    pub value_total: f64,
    /// Total distributed to partners (value less dispute costs, reviews and fines).
    pub distributed_total: f64,
    pub fines_total: f64,
    /// What each partner received in all, after exit penalties.
    pub payoff_total: Vec<f64>,
    /// Mean trust among the partners present in the final month.
    pub final_mean_trust: f64,
    /// Trust the others placed in each partner at the end (among those present in the final
    /// month).
    pub final_trust_in: Vec<f64>,
    pub disputes_opened: u32,
    pub disputes_settled: u32,
    /// Mean tension over the months simulated.
    pub mean_tension: f64,
    pub regulator_ended: bool,
    /// First month of serious trouble, if any.
    pub first_trouble: Option<u32>,
    /// Exit month of each partner (`None` = stayed to the end).
    pub exit_month: Vec<Option<u32>>,
    /// The event log (empty unless recorded).
    pub events: Vec<Event>,
    /// Monthly figures (empty unless recorded).
    pub series: Vec<MonthStats>,
}

impl World {
    /// Runs to the end and collects the result.
    pub fn finish(mut self) -> RunResult {
        while self.outcome.is_none() {
            self.step();
        }
        // Trust among those present in the final month (a partner that just left included).
        let n = self.n();
        let present: Vec<bool> = self
            .partners
            .iter()
            .map(|p| p.active || p.exit_month == Some(self.month))
            .collect();
        let (mut sum, mut count) = (0.0, 0u32);
        let mut final_trust_in = vec![0.0; n];
        for j in 0..n {
            let (mut s_j, mut c_j) = (0.0, 0u32);
            for i in 0..n {
                if i != j && present[i] && present[j] {
                    s_j += self.trust[i * n + j];
                    c_j += 1;
                }
            }
            sum += s_j;
            count += c_j;
            final_trust_in[j] = if c_j > 0 {
                s_j / c_j as f64
            } else {
                self.trust_in(j)
            };
        }
        let final_trust = if count > 0 { sum / count as f64 } else { 0.0 };
        RunResult {
            outcome: self.outcome.unwrap_or(Outcome::Survived),
            months: self.month,
            value_total: self.cum_value,
            distributed_total: self.cum_distributed,
            fines_total: self.cum_fines,
            payoff_total: self.partners.iter().map(|p| p.cum_payoff).collect(),
            final_mean_trust: final_trust,
            final_trust_in,
            disputes_opened: self.disputes_opened,
            disputes_settled: self.disputes_settled,
            mean_tension: self.tension_sum / self.month.max(1) as f64,
            regulator_ended: self.regulator_ended,
            first_trouble: self.first_trouble,
            exit_month: self.partners.iter().map(|p| p.exit_month).collect(),
            events: self.events,
            series: self.series,
        }
    }
}

/// One run with its event log and monthly series.
pub fn run(scenario: &Scenario, seed: u64) -> Result<RunResult, ScenarioError> {
    Ok(World::new(scenario, seed, true)?.finish())
}

/// One run without log or series (for batches).
pub fn simulate(scenario: &Scenario, seed: u64) -> Result<RunResult, ScenarioError> {
    Ok(World::new(scenario, seed, false)?.finish())
}
