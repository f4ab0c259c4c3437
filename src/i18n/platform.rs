//! Strings of Offline use, installing the app, and messages of the page itself.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
