//! # aliansi-wire
//!
//! Versioned formats at the edge of Aliansi, and their conversion into the core's types:
//!
//! * **Scenario JSON, version 1** ([`ScenarioV1`]): the files users write by hand. Field names
//!   are exactly what users type; unknown fields are refused; a missing or unsupported
//!   `"version"` gives a clear error. [`parse_json`] and [`to_json`] go straight between text
//!   and [`aliansi_sim::Scenario`]; [`parse_v1`], [`to_core`] and [`from_core`] expose the
//!   wire struct (which also keeps the optional `name` and `description`).
//! * **Share links** ([`encode_link`], [`decode_link`]): a compact URL fragment `s3.<base64url>`
//!   holding the postcard bytes of a frozen link struct and their CRC-32C, so that a link
//!   changed on the way is refused rather than read as another scenario; `s4.<base64url>` adds
//!   the choices a class made in the run ([`encode_link_with_choices`]). `s1.` and `s2.` are
//!   the same without the checksum, as shipped before 2026-12. Every shipped link version
//!   keeps decoding forever (see DEVELOPERS.md, "Share links").
//! * **Experiment links** ([`encode_experiment_link`], [`decode_shared`]): `e1.<base64url>`, a
//!   scenario with its name, up to four named variants and a run count; [`decode_shared`]
//!   reads `s1.` to `s4.` and `e1.` links alike into a [`Shared`].
//! * **Batch tallies** ([`tally_to_value`], [`tally_from_value`]) as JSON, and partial
//!   batches ([`PartialBatch`], the files of the command line's `batch --chunk` and `merge`)
//!   and sweeps ([`PartialSweep`], of `sweep --chunk`).
//! * **Fuzzing checks** ([`fuzz`]): the per-input invariants the cargo-fuzz targets in
//!   `crates/wire/fuzz` and the tests both run.
//!
//! No file I/O here: the crate builds for `wasm32-unknown-unknown`.
//!
//! ```
//! let s = aliansi_sim::presets::default_scenario();
//! let json = aliansi_wire::to_json(&s);
//! assert_eq!(aliansi_wire::parse_json(&json).unwrap(), s);
//! let link = aliansi_wire::encode_link(&s);
//! assert!(link.starts_with("s3."));
//! assert_eq!(aliansi_wire::decode_link(&link).unwrap(), s);
//! ```

mod error;
mod experiment;
pub mod fuzz;
mod json;
mod link;
mod sweep_part;
mod tally;

pub use error::WireError;
pub use experiment::{
    decode_shared, encode_experiment_link, Experiment, Shared, EXPERIMENT_PREFIX, MAX_NAME_CHARS,
    MAX_RUNS, MAX_VARIANTS, MIN_RUNS,
};
pub use json::{
    defaulted_fields, from_core, from_value, is_saved_list, parse_json, parse_v1, parse_value_v1,
    to_core, to_json, to_json_v1, to_value, CultureV1, DecisionRuleV1, EnvironmentV1, FormV1,
    GoalsV1, GovernanceV1, HofstedeV1, PartnerV1, ScenarioV1, ScriptedShockV1, SharingV1,
    SCENARIO_VERSION,
};
pub use link::{
    decode_link, decode_link_named, encode_link, encode_link_named, encode_link_with_choices,
    link_from_other_model, link_model, query_param, CHECKED_LINK_PREFIX, CHECKED_RUN_LINK_PREFIX,
    LINK_PREFIX, MAX_CHOICES, MAX_LINK_CHARS, MODEL_PARAM, RUN_LINK_PREFIX,
};
pub use sweep_part::{
    is_partial_sweep, partial_sweep_from_value, partial_sweep_to_value, PartialSweep,
    SWEEP_PART_FORMAT, SWEEP_PART_VERSION,
};
pub use tally::{
    partial_from_value, partial_to_value, tally_from_value, tally_from_value_unchecked,
    tally_to_value, PartialBatch, PARTIAL_FORMAT, PARTIAL_VERSION,
};
