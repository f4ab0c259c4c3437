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
        let mut final_trust = self.mean_trust();
        while self.outcome.is_none() {
            final_trust = self.mean_trust();
            self.step();
            if self.active().len() >= 2 {
                final_trust = self.mean_trust();
            }
        }
        RunResult {
            outcome: self.outcome.unwrap_or(Outcome::Survived),
            months: self.month,
            value_total: self.cum_value,
            distributed_total: self.cum_distributed,
            fines_total: self.cum_fines,
            payoff_total: self.partners.iter().map(|p| p.cum_payoff).collect(),
            final_mean_trust: final_trust,
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
