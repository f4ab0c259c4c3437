//! Strings of The seven guided lessons, one per challenge.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
