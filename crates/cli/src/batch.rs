//! Batches on every core: the runs are split into pieces, worker threads take pieces in turn,
//! and the integer tallies merge exactly, so the summary does not depend on the thread count.

use std::io::Write;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aliansi_sim::batch::chunks;
use aliansi_sim::{run_chunk, BatchSummary, BatchTally, Cause, Scenario};
use serde_json::{json, Value};

/// Pieces small enough to report progress about twice a second on a laptop.
const PROGRESS_PIECE: u64 = 100;

pub struct BatchRun {
    pub summary: BatchSummary,
    pub threads: usize,
    pub seconds: f64,
}

/// Runs `runs` runs of `s` from master seed `master` on `threads` threads. With `progress`,
/// reports on stderr as it goes.
pub fn run(
    s: &Scenario,
    master: u64,
    runs: u64,
    threads: usize,
    progress: bool,
) -> Result<BatchRun, String> {
    let (tally, threads, seconds) = run_range(s, master, 0..runs, threads, progress)?;
    Ok(BatchRun {
        summary: tally.summary(),
        threads,
        seconds,
    })
}

/// Runs the runs `range` of a batch; returns their tally, the threads used and the seconds.
pub fn run_range(
    s: &Scenario,
    master: u64,
    range: std::ops::Range<u64>,
    threads: usize,
    progress: bool,
) -> Result<(BatchTally, usize, f64), String> {
    let offset = range.start;
    let runs = range.end.saturating_sub(range.start);
    s.validate().map_err(|e| e.to_string())?;
    let start = Instant::now();
    let threads = threads
        .max(1)
        .min(usize::try_from(runs).unwrap_or(usize::MAX))
        .max(1);
    let parts = if progress {
        (runs / PROGRESS_PIECE).max(threads as u64)
    } else {
        threads as u64
    };
    let pieces: Vec<std::ops::Range<u64>> = chunks(runs, parts)
        .into_iter()
        .map(|r| r.start + offset..r.end + offset)
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicU64::new(0);
    let results: Vec<Result<Vec<BatchTally>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(range) = pieces.get(i) else { break };
                        let len = range.end - range.start;
                        mine.push(run_chunk(s, master, range.clone()).map_err(|e| e.to_string())?);
                        done.fetch_add(len, Ordering::Relaxed);
                    }
                    Ok(mine)
                })
            })
            .collect();
        if progress {
            while !handles.iter().all(|h| h.is_finished()) {
                let d = done.load(Ordering::Relaxed);
                let _ = write!(
                    std::io::stderr(),
                    "\r{:>5.1} % ({d}/{runs} runs)",
                    d as f64 / runs.max(1) as f64 * 100.0
                );
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(40));
        }
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a worker thread failed".to_string()))
            })
            .collect()
    });
    let mut total = BatchTally::new(s.horizon_months);
    for r in results {
        for t in r? {
            total.merge(&t)?;
        }
    }
    Ok((total, threads, start.elapsed().as_secs_f64()))
}

/// The summary as the `--json` object of `aliansi batch`.
pub fn summary_json(sm: &BatchSummary, seed: u64, threads: usize, seconds: f64) -> Value {
    let mut causes = serde_json::Map::new();
    for c in Cause::ALL {
        let n = sm
            .causes
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        causes.insert(c.key().to_string(), json!(n));
    }
    json!({
        "runs": sm.runs,
        "horizon_months": sm.horizon_months,
        "seed": seed,
        "survival_at_horizon": sm.survival_at_horizon,
        "survival_ci95": [sm.survival_ci95.0, sm.survival_ci95.1],
        "median_survival_months": sm.median_survival_months,
        "hazard_by_year": sm.hazard_by_year,
        "causes": causes,
        "mean_value": sm.mean_value,
        "mean_final_trust": sm.mean_final_trust,
        "survival_curve": sm.survival_curve,
        "survival_band": { "low": sm.survival_low, "high": sm.survival_high },
        "checksum": format!("{:016x}", sm.checksum),
        "threads": threads,
        "elapsed_seconds": seconds,
        "runs_per_second": sm.runs as f64 / seconds.max(1e-9),
    })
}

/// A partial batch as written by `aliansi batch --chunk I/N --out FILE`: the tally (in the
/// wire crate's tally format) with the batch it belongs to.
pub fn tally_json(
    t: &BatchTally,
    scenario_link: &str,
    seed: u64,
    runs_total: u64,
    chunk: (u64, u64),
    range: &std::ops::Range<u64>,
) -> Value {
    json!({
        "format": "aliansi-tally",
        "version": 1,
        "scenario": scenario_link,
        "seed": seed,
        "runs_total": runs_total,
        "chunk": format!("{}/{}", chunk.0, chunk.1),
        "range": [range.start, range.end],
        "tally": aliansi_wire::tally_to_value(t),
    })
}

/// A partial batch read back: the tally, its scenario link, seed, total runs and range.
pub struct Part {
    pub tally: BatchTally,
    pub scenario: String,
    pub seed: u64,
    pub runs_total: u64,
    pub range: (u64, u64),
}

/// Reads a partial batch written by `tally_json`.
pub fn parse_part(v: &Value) -> Result<Part, String> {
    if v["format"] != "aliansi-tally" {
        return Err("not an aliansi partial batch (format is not \"aliansi-tally\")".into());
    }
    if v["version"] != 1 {
        return Err(format!(
            "unsupported partial-batch version {} (this build reads 1)",
            v["version"]
        ));
    }
    let u = |k: &str| {
        v[k].as_u64()
            .ok_or_else(|| format!("field {k} is missing or not a whole number"))
    };
    let tally = aliansi_wire::tally_from_value(&v["tally"])?;
    let range = v["range"]
        .as_array()
        .and_then(|r| Some((r.first()?.as_u64()?, r.get(1)?.as_u64()?)))
        .ok_or("field range is not [start, end]")?;
    if range.1 < range.0 || range.1 - range.0 != tally.runs {
        return Err("range does not match the number of runs".into());
    }
    Ok(Part {
        tally,
        scenario: v["scenario"]
            .as_str()
            .ok_or("field scenario is missing")?
            .to_string(),
        seed: u("seed")?,
        runs_total: u("runs_total")?,
        range,
    })
}
