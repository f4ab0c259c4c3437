//! View components: they render state and dispatch [`crate::state::Action`]s, nothing else.

pub mod lang_switch;
pub mod outcome;
pub mod scenario_summary;
pub mod trust_chart;

pub use lang_switch::LangSwitch;
pub use outcome::OutcomeView;
pub use scenario_summary::ScenarioSummary;
pub use trust_chart::TrustChart;
