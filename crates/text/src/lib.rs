//! # aliansi-text
//!
//! Aliansi's words, shared by the web app and the command line (`aliansi run --lang id`), so
//! that both tell a run in the same sentences:
//!
//! * [`i18n`]: every user-visible string of the app, in English and Bahasa Indonesia, by key,
//!   with `{name}` templates ([`i18n::t`], [`i18n::tf`]).
//! * [`narrate`]: events and runs of the core (`aliansi-sim`) in plain sentences, in either
//!   language, and numbers in the language's own format.
//! * [`number`]: reading the numbers people type, and percentages that add up to 100.
//!
//! Pure: no DOM, no Yew, no I/O; tested natively (`cargo test -p aliansi-text`). The one call
//! into the browser is JavaScript's `parseFloat` in [`number::parse_f64`] on wasm32.

pub mod i18n;
pub mod log;
pub mod narrate;
pub mod number;
