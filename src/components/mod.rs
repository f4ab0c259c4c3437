//! View components: they render state and dispatch [`crate::state::Action`]s, nothing else.

pub mod about;
pub mod batch;
pub mod batch_results;
pub mod compare;
pub mod controls;
pub mod editor;
pub mod event_log;
pub mod gauges;
pub mod lang_switch;
pub mod library;
pub mod line_chart;
pub mod network;
pub mod notice;
pub mod outcome;
pub mod run_charts;
pub mod run_summary;
pub mod scenario_summary;
pub mod share;

pub use about::About;
pub use batch::BatchPanel;
pub use compare::{CompareStart, CompareView};
pub use controls::RunControls;
pub use editor::Editor;
pub use event_log::EventLog;
pub use gauges::Gauges;
pub use lang_switch::LangSwitch;
pub use library::Library;
pub use line_chart::{ChartSeries, LineChart};
pub use network::Network;
pub use notice::NoticeBanner;
pub use outcome::OutcomeView;
pub use run_charts::RunCharts;
pub use run_summary::RunSummary;
pub use scenario_summary::ScenarioSummary;
pub use share::{ShareButton, UrlSync};
