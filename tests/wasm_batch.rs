//! "Many futures" in a real browser: a batch cut into uneven chunks, each tally sent through
//! JSON as between a web worker and the page, merged in reverse order, equals the batch run in
//! one piece on one thread (summary and checksum), and the worker's message handler gives the
//! same tallies.
//!
//! Run with `cargo test -p aliansi-app --target wasm32-unknown-unknown --test wasm_batch`
//! (scripts/test.sh runs every tests/wasm_*.rs).
#![cfg(target_arch = "wasm32")]

use aliansi_app::batch::{answer, Job, Reply};
use aliansi_sim::{presets::default_scenario, run_batch, run_chunk, BatchTally};
use aliansi_wire::{tally_from_value, tally_to_value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Checksum of `run_batch(default_scenario(), 2024, 200)` computed natively.
const GOLDEN: &str = include_str!("../crates/sim/tests/golden/batch_checksum.txt");

/// A tally through JSON text and back, as it travels from a worker.
fn through_json(t: &BatchTally) -> BatchTally {
    let text = tally_to_value(t).to_string();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    tally_from_value(&value).unwrap()
}

fn merged_in_reverse(parts: &[BatchTally], horizon: u32) -> BatchTally {
    let mut all = BatchTally::new(horizon);
    for p in parts.iter().rev() {
        all.merge(p).unwrap();
    }
    all
}

#[wasm_bindgen_test]
fn uneven_chunks_through_json_merge_into_the_whole_batch() {
    let sc = default_scenario();
    let bounds = [0u64, 7, 100, 101, 233, 300];
    let parts: Vec<BatchTally> = bounds
        .windows(2)
        .map(|w| through_json(&run_chunk(&sc, sc.seed, w[0]..w[1]).unwrap()))
        .collect();
    let merged = merged_in_reverse(&parts, sc.horizon_months);
    assert_eq!(merged.runs, 300);
    let whole = run_batch(&sc, sc.seed, 300).unwrap();
    assert_eq!(merged.summary(), whole, "chunks merged = one batch");
    assert_eq!(merged.checksum, whole.checksum);
    assert_eq!(merged, run_chunk(&sc, sc.seed, 0..300).unwrap());
}

#[wasm_bindgen_test]
fn chunked_checksum_equals_the_native_single_thread_golden() {
    let golden = u64::from_str_radix(GOLDEN.trim(), 16).unwrap();
    let sc = default_scenario();
    let parts: Vec<BatchTally> = [0u64, 33, 150, 200]
        .windows(2)
        .map(|w| through_json(&run_chunk(&sc, 2024, w[0]..w[1]).unwrap()))
        .collect();
    let merged = merged_in_reverse(&parts, sc.horizon_months);
    assert_eq!(
        format!("{:016x}", merged.checksum),
        format!("{golden:016x}")
    );
}

#[wasm_bindgen_test]
fn the_worker_protocol_gives_the_same_batch() {
    let sc = default_scenario();
    let mut job = Job::new(9, &sc, 300, 3, 0.0);
    let mut replies = Vec::new();
    while let Some(req) = job.next_request() {
        replies.push(answer(&req.to_json()));
    }
    assert!(replies.len() >= 3);
    for text in replies.iter().rev() {
        match Reply::from_json(text).unwrap() {
            Reply::Done {
                batch: 9, tally, ..
            } => {
                job.complete(0, &tally).unwrap();
            }
            other => panic!("unexpected reply {other:?}"),
        }
    }
    assert!(job.is_complete());
    assert_eq!(job.tally().summary(), run_batch(&sc, sc.seed, 300).unwrap());
}
