//! Strings of Export: CSV, SVG, PNG and the printable debrief.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
