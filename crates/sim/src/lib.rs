//! # aliansi-sim
//!
//! The Aliansi simulation core: an agent-based model of a strategic alliance whose partners
//! differ in goals, culture and contribution, living through market shocks under the
//! governance and conflict-resolution choices of the user.
//!
//! * [`Scenario`] is what the user sets; [`Scenario::validate`] refuses out-of-range values.
//! * [`World`] is the alliance as it lives; [`World::step`] simulates one month.
//! * [`run`] plays one run to the end with its event log and monthly series.
//! * [`batch`] runs many seeds and summarises survival; tallies merge exactly.
//!
//! Deterministic: a scenario and a seed give the same bits on every platform (xoshiro256++,
//! `libm`, no hash-map iteration, no `usize` sampling). The environment has its own random
//! stream, so variants that differ only in governance or partners meet the same market.
//!
//! This crate knows nothing of the browser, of wire formats or of I/O.
//!
//! ```
//! let scenario = aliansi_sim::presets::default_scenario();
//! let result = aliansi_sim::run(&scenario, 7).unwrap();
//! assert!(result.months <= scenario.horizon_months);
//! ```

// `!(x >= a)` is this code's way of saying "below a, or not a number": it keeps NaN out
// where a plain `x < a` would let it through.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

/// The version of the model's behaviour: a new one whenever some scenario and seed give a
/// different run than before (a share link keeps its scenario across versions, not its run).
/// `tests/golden.rs` holds every version to the runs it gives (`tests/golden/model_versions.txt`),
/// so that a change to the runs cannot ship under the old version; `docs/MODEL.md` section 8
/// says what each version changed.
pub const MODEL_VERSION: &str = "2026-12-02.2";

mod adaptation;
pub mod batch;
mod compliance;
pub mod conflict;
mod contribution;
pub mod culture;
mod env;
pub mod events;
mod exit;
pub mod params;
pub mod presets;
pub mod rng;
mod run;
pub mod scenario;
pub mod stats;
pub mod sweep;
mod trust;
pub mod validation;
mod world;

pub use batch::{run_batch, run_chunk, BatchSummary, BatchTally};
pub use culture::{Country, Culture, CultureSpec};
pub use events::{Cause, Detector, DisputeCause, Event, EventKind};
pub use run::{run, simulate, RunResult};
pub use scenario::*;
pub use world::{
    culture_gauge, Challenge, ChoiceError, Dispute, MonthStats, Outcome, PartnerState, World,
    CULTURE_GAUGE_HALF,
};
