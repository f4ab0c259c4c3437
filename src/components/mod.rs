//! View components: they render state and dispatch [`crate::state::Action`]s, nothing else.
//!
//! A part of the page whose only input is the page state, and that has no hooks, is a plain
//! view function (`fn gauges(state) -> Html`) rather than a component: the state handle is new
//! at every action, so a component would re-render every time anyway, and each component
//! costs about 1.5 KB of generic Yew code in the download (eleven view functions took the
//! wasm from 442.4 to 436.8 KB gzipped). Components remain where they hold hooks or where
//! their props let Yew skip work (`About`, `LineChart`, ...). The event log is one for both
//! (its cache of sentences, and its run: a new month draws it, a batch's progress does not),
//! and the three batch panels take the language and the scenario rather than the state handle,
//! so that a run playing does not draw them each month.

pub mod about;
pub mod batch;
pub mod batch_results;
pub mod classroom;
pub mod compare;
pub mod controls;
pub mod deferred;
pub mod editor;
pub mod event_log;
pub mod export;
pub mod gauges;
pub mod lang_switch;
pub mod lessons;
pub mod library;
pub mod line_chart;
pub mod live;
pub mod network;
pub mod notice;
pub mod outcome;
pub mod run_charts;
pub mod run_summary;
pub mod scenario_summary;
pub mod share;
pub mod sweep;
pub mod variants;

pub use about::About;
pub use batch::BatchPanel;
pub use classroom::{shortcut_help, teaching_switches, DecisionPrompt, Shortcuts};
pub use compare::{compare_start, compare_view};
pub use controls::RunControls;
pub use editor::Editor;
pub use event_log::event_log;
pub use export::{ExportBar, LineExport, PrintDebrief};
pub use gauges::gauges;
pub use lang_switch::{starting_lang, LangSwitch};
pub use lessons::lessons_panel;
pub use library::Library;
pub use line_chart::{ChartSeries, LineChart};
pub use network::Network;
pub use notice::notice_banner;
pub use outcome::outcome_view;
pub use run_charts::run_charts;
pub use run_summary::run_summary;
pub use scenario_summary::ScenarioSummary;
pub use share::{ShareButton, UrlSync};
pub use variants::VariantsPanel;
