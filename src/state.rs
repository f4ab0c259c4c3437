//! The page state and its reducer (the Yew `function_todomvc` pattern): components read a
//! `UseReducerHandle<State>` and change it only by dispatching an [`Action`].

use std::rc::Rc;

use aliansi_sim::{RunResult, Scenario};
use yew::Reducible;

use crate::i18n::Lang;

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub scenario: Scenario,
    /// The seed of the next (or last) run.
    pub seed: u64,
    /// The last run: `None` before the first, `Err` with the scenario error if it was invalid.
    pub result: Option<Result<Rc<RunResult>, String>>,
    /// A message shown above the page, if any.
    pub notice: Option<Notice>,
}

/// Everything that can change the page state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Runs the scenario with the current seed.
    Run,
    /// Moves to the next seed and runs again.
    RunNextSeed,
    /// Switches the display language.
    SetLang(Lang),
    /// Replaces the scenario being edited (the editor sends only valid values). Keeps the
    /// last result on screen until the next run.
    SetScenario(Scenario),
    /// Loads a whole scenario (a preset, a saved one, a shared link) with its seed, and runs it.
    Load(Scenario),
    /// Shows a message to the user (an i18n key and its arguments), or clears it with `None`.
    Notify(Option<Notice>),
}

/// A message for the user: an i18n key, its `{name}` arguments, and whether it reports a problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: &'static str,
    pub args: Vec<(String, String)>,
    pub error: bool,
}

impl State {
    /// The default scenario with its own seed, not yet run.
    pub fn initial() -> State {
        let scenario = aliansi_sim::presets::default_scenario();
        State {
            lang: Lang::default(),
            seed: scenario.seed,
            scenario,
            result: None,
            notice: None,
        }
    }

    /// The result of the last run, if it succeeded.
    pub fn run(&self) -> Option<&RunResult> {
        match &self.result {
            Some(Ok(r)) => Some(r),
            _ => None,
        }
    }

    /// The chart's points: (month, mean trust), starting at month 0 with the initial trust.
    /// Months with fewer than two partners left (the month of dissolution) have no mean
    /// trust and are left out.
    pub fn trust_points(&self) -> Vec<(f64, f64)> {
        let Some(r) = self.run() else {
            return Vec::new();
        };
        let together = |m: &&aliansi_sim::MonthStats| m.active.iter().filter(|a| **a).count() >= 2;
        std::iter::once((0.0, self.scenario.initial_trust))
            .chain(
                r.series
                    .iter()
                    .filter(together)
                    .map(|m| (f64::from(m.month), m.mean_trust)),
            )
            .collect()
    }

    fn with_run(mut self, seed: u64) -> State {
        self.seed = seed;
        self.result = Some(
            aliansi_sim::run(&self.scenario, seed)
                .map(Rc::new)
                .map_err(|e| e.to_string()),
        );
        self
    }
}

impl Default for State {
    fn default() -> State {
        State::initial()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        Rc::new(match action {
            Action::Run => {
                let seed = state.seed;
                state.with_run(seed)
            }
            Action::RunNextSeed => {
                let seed = state.seed.wrapping_add(1);
                state.with_run(seed)
            }
            Action::SetLang(lang) => State { lang, ..state },
            Action::SetScenario(scenario) => State {
                seed: scenario.seed,
                scenario,
                ..state
            },
            Action::Load(scenario) => {
                let seed = scenario.seed;
                State { scenario, ..state }.with_run(seed)
            }
            Action::Notify(notice) => State { notice, ..state },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_without_a_result() {
        let s = State::initial();
        assert!(s.result.is_none());
        assert_eq!(s.seed, s.scenario.seed);
    }

    #[test]
    fn run_fills_the_result_deterministically() {
        let a = Rc::new(State::initial()).reduce(Action::Run);
        let b = Rc::new(State::initial()).reduce(Action::Run);
        let r = a.run().expect("default scenario runs");
        assert!(r.months >= 1 && r.months <= a.scenario.horizon_months);
        assert_eq!(r.series.len(), r.months as usize);
        assert_eq!(a, b);
    }

    #[test]
    fn trust_points_start_at_month_zero() {
        let s = Rc::new(State::initial());
        assert!(s.trust_points().is_empty());
        let s = s.reduce(Action::Run);
        let pts = s.trust_points();
        assert_eq!(pts[0], (0.0, s.scenario.initial_trust));
        // Every month is plotted except, at most, the month of dissolution.
        let r = s.run().unwrap();
        assert!(pts.len() == r.series.len() + 1 || pts.len() == r.series.len());
        assert!(pts.windows(2).all(|w| w[1].0 == w[0].0 + 1.0));
        assert!(pts.iter().all(|&(_, y)| (0.0..=1.0).contains(&y)));
    }

    #[test]
    fn trust_points_stop_before_dissolution() {
        // Find a dissolving run among the first seeds (about half dissolve).
        let s = (0..200u64)
            .map(|k| {
                let mut st = State::initial();
                st.seed += k;
                Rc::new(st).reduce(Action::Run)
            })
            .find(|s| {
                matches!(
                    s.run().unwrap().outcome,
                    aliansi_sim::Outcome::Dissolved { .. }
                )
            })
            .expect("some run of the default scenario dissolves");
        let r = s.run().unwrap();
        let pts = s.trust_points();
        let last = pts.last().unwrap().0;
        assert!(
            last < f64::from(r.months),
            "last point {last}, dissolved in {}",
            r.months
        );
        assert!(
            pts.iter().all(|&(_, y)| y > 0.0),
            "no artificial zero trust: {pts:?}"
        );
    }

    #[test]
    fn next_seed_advances() {
        let s = Rc::new(State::initial()).reduce(Action::RunNextSeed);
        assert_eq!(s.seed, s.scenario.seed + 1);
        assert!(s.run().is_some());
    }

    #[test]
    fn invalid_scenario_is_an_error_not_a_panic() {
        let mut s = State::initial();
        s.scenario.partners.truncate(1);
        let s = Rc::new(s).reduce(Action::Run);
        assert!(matches!(s.result, Some(Err(_))));
    }

    #[test]
    fn language_switch_keeps_the_result() {
        let s = Rc::new(State::initial()).reduce(Action::Run);
        let t = s.clone().reduce(Action::SetLang(Lang::Id));
        assert_eq!(t.lang, Lang::Id);
        assert_eq!(t.result, s.result);
    }
}
