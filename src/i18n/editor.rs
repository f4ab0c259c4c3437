//! Strings for the scenario editor: partners, governance, environment, help texts, field errors.
//! Keys here start with `editor.`; every key must exist in both tables.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
