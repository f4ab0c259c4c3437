//! Strings for running and watching a run: controls, charts, network, gauges, event log, summary, comparison.
//! Keys here start with `watch.`; every key must exist in both tables.

pub const EN: &[(&str, &str)] = &[];

pub const ID: &[(&str, &str)] = &[];
