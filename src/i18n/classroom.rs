//! Strings of Classroom mode and decision mode.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
