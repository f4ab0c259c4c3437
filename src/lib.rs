//! # aliansi-app
//!
//! The Aliansi web app: a client-only Yew page over the simulation core (`aliansi-sim`).
//!
//! * [`state`] holds the page state and its reducer (all changes go through [`state::Action`]).
//! * [`components`] only render state and dispatch actions.
//! * [`charts`] is pure geometry (scales, ticks, SVG paths), unit-tested natively.
//! * [`i18n`] is the table of user-visible strings (English and Bahasa Indonesia); with
//!   [`narrate`], [`log`] and [`number`], the files of the `aliansi-text` crate, which the command line
//!   shares.

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
pub mod lessons;
pub mod state;
pub mod storage;
pub mod sweep;
pub mod url;
pub mod validation_report;
pub mod variants;
pub mod wire_text;
pub mod workers;

pub use app::App;

// The words: every string in both languages, the narrator and the number formats. Their files
// are the `aliansi-text` crate's (crates/text/src), which the command line links as a crate, so
// that both tell a run in the same sentences. The app compiles the same files as modules of its
// own: linked as a crate they cost the first load 1.2 KB more (the wasm, xz: 348,984 bytes
// against 347,792, 2026-11-30), the standard library's generic code they use being compiled
// and inlined anew for a second crate.
#[path = "../crates/text/src/i18n/mod.rs"]
pub mod i18n;
#[path = "../crates/text/src/log.rs"]
pub mod log;
#[path = "../crates/text/src/narrate.rs"]
pub mod narrate;
#[path = "../crates/text/src/number.rs"]
pub mod number;
