//! Strings for presets, saved scenarios, import and export, share links, notices.
//! Keys here start with `library.`; every key must exist in both tables.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
