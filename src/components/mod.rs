//! View components: they render state and dispatch [`crate::state::Action`]s, nothing else.

pub mod editor;
pub mod lang_switch;
pub mod library;
pub mod outcome;
pub mod scenario_summary;
pub mod share;
pub mod trust_chart;

pub use editor::Editor;
pub use lang_switch::LangSwitch;
pub use library::Library;
pub use outcome::OutcomeView;
pub use scenario_summary::ScenarioSummary;
pub use share::{ShareButton, UrlSync};
pub use trust_chart::TrustChart;
