//! Batches on every core: the runs are split into pieces, worker threads take pieces in turn,
//! and the integer tallies merge exactly, so the summary does not depend on the thread count.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aliansi_sim::batch::chunk;
use aliansi_sim::{run_chunk, BatchSummary, BatchTally, Cause, Scenario};
use aliansi_text::i18n::Lang;
use serde_json::{json, Value};

/// Pieces small enough to report progress about twice a second on a laptop.
const PROGRESS_PIECE: u64 = 100;

pub struct BatchRun {
    pub summary: BatchSummary,
    pub origin: Origin,
    /// The version of the model whose runs the summary counts: this build's, or for a merge
    /// the one its parts record (`None` when they record none).
    pub model_version: Option<String>,
}

/// Where a summary came from.
pub enum Origin {
    /// Runs on this machine: the threads used and the seconds they took.
    Ran { threads: usize, seconds: f64 },
    /// `aliansi merge`: partial batches, this many, merged (nothing ran).
    Merged { parts: usize },
}

/// How often a long batch says how far it is when standard error is not a terminal.
const LOG_EVERY: Duration = Duration::from_secs(30);

/// Writes `text` as the progress line on stderr (a terminal): back to the start of the line,
/// erase it (ANSI "erase in line"), then the text. An empty text leaves the line empty.
pub fn progress_line(text: &str) {
    let _ = write!(std::io::stderr(), "\r\x1b[K{text}");
}

/// Runs `runs` runs of `s` from master seed `master` on `threads` threads. With `progress`,
/// reports on stderr as it goes, after that label: on a terminal the line of
/// [`progress_line`], elsewhere a line every [`LOG_EVERY`].
pub fn run(
    s: &Scenario,
    master: u64,
    runs: u64,
    threads: usize,
    progress: Option<(&str, Lang)>,
) -> Result<BatchRun, String> {
    let (tally, threads, seconds) = run_range(s, master, 0..runs, threads, progress)?;
    Ok(BatchRun {
        summary: tally.summary(),
        origin: Origin::Ran { threads, seconds },
        model_version: Some(aliansi_sim::MODEL_VERSION.to_string()),
    })
}

/// Runs the runs `range` of a batch; returns their tally, the threads used and the seconds.
/// With `progress`, reports on stderr as it goes, after that label, and leaves the line empty.
pub fn run_range(
    s: &Scenario,
    master: u64,
    range: std::ops::Range<u64>,
    threads: usize,
    progress: Option<(&str, Lang)>,
) -> Result<(BatchTally, usize, f64), String> {
    let offset = range.start;
    let runs = range.end.saturating_sub(range.start);
    s.validate().map_err(|e| e.to_string())?;
    let start = Instant::now();
    let threads = threads
        .max(1)
        .min(usize::try_from(runs).unwrap_or(usize::MAX))
        .max(1);
    let parts = if progress.is_some() {
        (runs / PROGRESS_PIECE).max(threads as u64)
    } else {
        threads as u64
    };
    // The pieces, taken by number (`chunk`), never listed: a billion runs make ten million.
    let pieces = parts.min(runs.max(1));
    let piece = |i: u64| {
        let r = chunk(runs, parts, i);
        r.start + offset..r.end + offset
    };
    let next = AtomicU64::new(0);
    let done = AtomicU64::new(0);
    let results: Vec<Result<Vec<BatchTally>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= pieces {
                            break;
                        }
                        let range = piece(i);
                        let len = range.end - range.start;
                        mine.push(run_chunk(s, master, range).map_err(|e| e.to_string())?);
                        done.fetch_add(len, Ordering::Relaxed);
                    }
                    Ok(mine)
                })
            })
            .collect();
        if let Some((label, lang)) = progress {
            // On a terminal, one line rewritten ten times a second. Into a file or a pipe (a
            // cluster job's log), a line of its own every half minute of a long batch, and
            // nothing for a short one.
            let terminal = std::io::stderr().is_terminal();
            let mut logged = Instant::now();
            while !handles.iter().all(|h| h.is_finished()) {
                let d = done.load(Ordering::Relaxed);
                let pct = crate::words::num(lang, d as f64 / runs.max(1) as f64 * 100.0, 1);
                let text = format!(
                    "{label}{}",
                    crate::words::tf(
                        lang,
                        "progress",
                        &[
                            ("pct", &format!("{pct:>5}")),
                            ("done", &d.to_string()),
                            ("runs", &runs.to_string())
                        ]
                    )
                );
                if terminal {
                    progress_line(&text);
                } else if logged.elapsed() >= LOG_EVERY {
                    let _ = writeln!(std::io::stderr(), "{}", text.trim_start());
                    logged = Instant::now();
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            if terminal {
                progress_line("");
            }
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

/// `share` of `runs` as the whole number it was counted from.
fn counted(runs: u64, share: f64) -> u64 {
    (share * runs as f64).round() as u64
}

/// How many runs dissolved in each year (the last one shorter if the horizon is not whole
/// years), from the survival curve (`survival_curve[m]`: the share still together after
/// month `m`; `[0]` is 1).
fn dissolved_by_year(sm: &aliansi_sim::BatchSummary) -> Vec<u64> {
    let at = |m: usize| counted(sm.runs, sm.survival_curve.get(m).copied().unwrap_or(0.0));
    let months = sm.horizon_months as usize;
    (0..months.div_ceil(12))
        .map(|y| at(12 * y) - at((12 * y + 12).min(months)))
        .collect()
}

/// The summary as the `--json` object of `aliansi batch` (and of `merge`, and of each row of
/// `sweep`): the statistics and the model's version, then how they were obtained (threads
/// and time for runs; the number of parts for a merge, which ran nothing).
pub fn summary_json(b: &BatchRun, seed: u64) -> Value {
    let (sm, origin) = (&b.summary, &b.origin);
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
    let mut v = json!({
        "runs": sm.runs,
        "horizon_months": sm.horizon_months,
        "seed": seed,
        "survival_at_horizon": sm.survival_at_horizon,
        "survival_ci95": [sm.survival_ci95.0, sm.survival_ci95.1],
        "median_survival_months": sm.median_survival_months,
        // A year no alliance reached has no hazard (null), not a chance of 0 (the text
        // output's dash).
        "hazard_by_year": (0..sm.hazard_by_year.len())
            .map(|y| sm.hazard_defined(y).then_some(sm.hazard_by_year[y]))
            .collect::<Vec<_>>(),
        // The months each of those covers, after the first up to the second ([24, 30]: months
        // 25 to 30), as the app's CSV says them: the last year may be short of twelve.
        "hazard_months": (0..sm.hazard_by_year.len() as u32)
            .map(|y| [12 * y, (12 * (y + 1)).min(sm.horizon_months)])
            .collect::<Vec<_>>(),
        "causes": causes,
        // The counts as whole numbers (a researcher fitting a survival model wants them, not
        // shares in floating point): the runs that reached the horizon, and those that
        // dissolved in each year (the survival curve counts the runs still together at the
        // end of each month, out of `runs`: no run is censored).
        "survived": counted(sm.runs, sm.survival_at_horizon),
        "dissolved_by_year": dissolved_by_year(sm),
        "mean_value": sm.mean_value,
        "mean_final_trust": sm.mean_final_trust,
        "survival_curve": sm.survival_curve,
        "survival_band": { "low": sm.survival_low, "high": sm.survival_high },
        "checksum": format!("{:016x}", sm.checksum),
        "model_version": b.model_version,
    });
    if let Value::Object(m) = &mut v {
        match *origin {
            Origin::Ran { threads, seconds } => {
                m.insert("threads".into(), json!(threads));
                m.insert("elapsed_seconds".into(), json!(seconds));
                m.insert(
                    "runs_per_second".into(),
                    json!(sm.runs as f64 / seconds.max(1e-9)),
                );
            }
            Origin::Merged { parts } => {
                m.insert("merged_parts".into(), json!(parts));
            }
        }
    }
    v
}
