//! Strings of Sweeps: survival against one parameter, or a heat map over two.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
