//! # aliansi-app
//!
//! The Aliansi web app: a client-only Yew page over the simulation core (`aliansi-sim`).
//!
//! * [`state`] holds the page state and its reducer (all changes go through [`state::Action`]).
//! * [`components`] only render state and dispatch actions.
//! * [`charts`] is pure geometry (scales, ticks, SVG paths), unit-tested natively.
//! * [`i18n`] is the table of user-visible strings (English and Bahasa Indonesia).

// `!(x >= a)` is this code's way of saying "below a, or not a number": it keeps NaN out
// where a plain `x < a` would let it through.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod about;
pub mod app;
pub mod batch;
pub mod charts;
pub mod components;
pub mod export;
pub mod focus;
pub mod i18n;
pub mod lessons;
pub mod narrate;
pub mod number;
pub mod state;
pub mod storage;
pub mod sweep;
pub mod url;
pub mod validation_report;
pub mod variants;
pub mod wire_text;
pub mod workers;

pub use app::App;
