//! "Many futures": a batch of runs of the current scenario spread over web workers.
//!
//! Pure parts, tested natively: the run-count field ([`parse_runs`]), how many workers and
//! how the runs are cut into chunks ([`worker_count`], [`plan`]), the messages between the page
//! and its workers ([`Request`], [`Reply`], [`answer`] — the whole of a worker's work), the
//! merging of finished chunks with progress and time left ([`Job`]).
//! The web glue (spawning the workers, passing messages) is in [`crate::workers`].

use std::collections::VecDeque;
use std::ops::Range;
use std::rc::Rc;

use aliansi_sim::{BatchSummary, BatchTally, Scenario};
use serde_json::{json, Value};
use yew::Reducible;

/// The run count on load.
pub const DEFAULT_RUNS: u64 = 1_000;
/// The fewest runs a batch may have.
pub const MIN_RUNS: u64 = 10;
/// The most runs a batch may have.
pub const MAX_RUNS: u64 = 100_000;
/// At most this many runs are given to a worker at once.
pub const MAX_CHUNK: u64 = 250;
/// At least this many runs are given to a worker at once (fewer only for the last chunk).
pub const MIN_CHUNK: u64 = 10;
/// At most this many workers, whatever the browser reports.
pub const MAX_WORKERS: usize = 8;

/// Why a run count was refused (each has an i18n key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunsError {
    NotANumber,
    TooFew,
    TooMany,
}

impl RunsError {
    /// The i18n key of the message (placeholders `{min}` and `{max}`).
    pub fn key(self) -> &'static str {
        match self {
            RunsError::NotANumber => "experiments.runs_not_number",
            RunsError::TooFew => "experiments.runs_too_few",
            RunsError::TooMany => "experiments.runs_too_many",
        }
    }
}

/// A runs field's text: as typed, else [`DEFAULT_RUNS`] as the page's language writes it
/// ("1,000", "1.000"), beside the button's "Run 1,000 futures".
pub fn runs_text(lang: crate::i18n::Lang, typed: Option<&String>) -> String {
    typed
        .cloned()
        .unwrap_or_else(|| crate::narrate::grouped(lang, DEFAULT_RUNS as f64, 0))
}

/// A run count as the user typed it: a whole number from [`MIN_RUNS`] to [`MAX_RUNS`], with
/// or without thousands separators ("1,000", "1.000", "1 000", "1000").
pub fn parse_runs(text: &str) -> Result<u64, RunsError> {
    let digits = crate::number::whole_digits(text).ok_or(RunsError::NotANumber)?;
    let n: u64 = digits.parse().map_err(|_| RunsError::TooMany)?;
    if n < MIN_RUNS {
        Err(RunsError::TooFew)
    } else if n > MAX_RUNS {
        Err(RunsError::TooMany)
    } else {
        Ok(n)
    }
}

/// How many workers to start, from `navigator.hardwareConcurrency` (0 or not a number when the
/// browser does not say): every core, at least 1, at most [`MAX_WORKERS`].
pub fn worker_count(reported: f64) -> usize {
    if reported.is_finite() && reported >= 1.0 {
        (reported as usize).min(MAX_WORKERS)
    } else {
        1
    }
}

/// The runs of a batch of `total` cut into chunks for `workers` workers, contiguous and in
/// order, covering `0..total` exactly: each chunk is an eighth of a worker's share of what is left,
/// between [`MIN_CHUNK`] and [`MAX_CHUNK`] runs. Big chunks first (few messages), smaller ones
/// toward the end, so that the workers finish together (none waits long for the last one).
pub fn plan(total: u64, workers: usize) -> Vec<Range<u64>> {
    let per = 8 * workers.max(1) as u64;
    let mut out = Vec::new();
    let mut start = 0;
    while start < total {
        let left = total - start;
        let size = (left / per).clamp(MIN_CHUNK, MAX_CHUNK).min(left);
        out.push(start..start + size);
        start += size;
    }
    out
}

/// A chunk of work for a worker: runs `start..end` of the batch of the scenario in `link` (a
/// share link) with master seed `master`. `batch` tells batches apart (stale replies are
/// ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub batch: u64,
    pub link: String,
    pub master: u64,
    pub start: u64,
    pub end: u64,
}

impl Request {
    pub fn to_json(&self) -> String {
        json!({
            "batch": self.batch,
            "link": self.link,
            "master": self.master,
            "start": self.start,
            "end": self.end,
        })
        .to_string()
    }

    pub fn from_json(text: &str) -> Result<Request, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let u = |k: &str| {
            v[k].as_u64()
                .ok_or_else(|| format!("field {k} is missing or not a whole number"))
        };
        let link = v["link"]
            .as_str()
            .ok_or("field link is missing")?
            .to_string();
        let (start, end) = (u("start")?, u("end")?);
        if end < start {
            return Err(format!("empty range {start}..{end}"));
        }
        Ok(Request {
            batch: u("batch")?,
            link,
            master: u("master")?,
            start,
            end,
        })
    }
}

/// A worker's message to the page (one a chunk: a boxed tally would save nothing).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The worker has started and takes requests.
    Ready,
    /// A chunk is done: its runs' tally.
    Done {
        batch: u64,
        start: u64,
        end: u64,
        tally: BatchTally,
    },
    /// A chunk could not be run.
    Failed { batch: u64, error: String },
}

impl Reply {
    pub fn to_json(&self) -> String {
        match self {
            Reply::Ready => json!({ "kind": "ready" }),
            Reply::Done {
                batch,
                start,
                end,
                tally,
            } => json!({
                "kind": "done",
                "batch": batch,
                "start": start,
                "end": end,
                "tally": aliansi_wire::tally_to_value(tally),
            }),
            Reply::Failed { batch, error } => {
                json!({ "kind": "failed", "batch": batch, "error": error })
            }
        }
        .to_string()
    }

    pub fn from_json(text: &str) -> Result<Reply, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let u = |k: &str| {
            v[k].as_u64()
                .ok_or_else(|| format!("field {k} is missing or not a whole number"))
        };
        match v["kind"].as_str() {
            Some("ready") => Ok(Reply::Ready),
            Some("done") => Ok(Reply::Done {
                batch: u("batch")?,
                start: u("start")?,
                end: u("end")?,
                // From this page's own worker, in memory: no file to have been damaged.
                tally: aliansi_wire::tally_from_value_unchecked(&v["tally"])?,
            }),
            Some("failed") => Ok(Reply::Failed {
                batch: u("batch")?,
                error: v["error"].as_str().unwrap_or("unknown error").to_string(),
            }),
            _ => Err("unknown message from a worker".into()),
        }
    }
}

/// A worker's whole job: the reply (as JSON) to one request (as JSON).
pub fn answer(request: &str) -> String {
    let req = match Request::from_json(request) {
        Ok(r) => r,
        Err(error) => return Reply::Failed { batch: 0, error }.to_json(),
    };
    let failed = |error: String| Reply::Failed {
        batch: req.batch,
        error,
    };
    let reply = match aliansi_wire::decode_link(&req.link) {
        Err(e) => failed(crate::wire_text::explain(crate::i18n::Lang::En, &e)),
        Ok(scenario) => match aliansi_sim::run_chunk(&scenario, req.master, req.start..req.end) {
            Ok(tally) => Reply::Done {
                batch: req.batch,
                start: req.start,
                end: req.end,
                tally,
            },
            Err(e) => failed(e.to_string()),
        },
    };
    reply.to_json()
}

/// One scenario of a [`Job`]: its share link, master seed and runs, and the tally of its
/// finished chunks.
#[derive(Clone, Debug, PartialEq)]
struct Point {
    link: String,
    master: u64,
    total: u64,
    done: u64,
    tally: BatchTally,
}

/// A batch under way: the chunks not yet handed out, the tally of those finished, progress.
///
/// A job may hold several scenarios (the points of a sweep), each with its own runs and tally:
/// their chunks queue one after another, so that every worker stays busy however few runs a
/// point has (a point of 10 runs is one chunk: run one point at a time, a sweep of 2,500 such
/// points used one worker and waited for the page between points). Point `i`'s chunks carry
/// the batch id `batch + i`.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The batch id of point 0.
    pub batch: u64,
    /// Runs of every point together.
    pub total: u64,
    pub workers: usize,
    points: Vec<Point>,
    queue: VecDeque<(usize, Range<u64>)>,
    /// Runs finished so far, of every point.
    pub done: u64,
    /// When it started (milliseconds, any clock).
    pub started_ms: f64,
}

impl Job {
    /// A batch of `total` runs of `scenario` (master seed = its seed) for `workers` workers.
    pub fn new(batch: u64, scenario: &Scenario, total: u64, workers: usize, now_ms: f64) -> Job {
        Job::points(
            batch,
            std::slice::from_ref(scenario),
            total,
            workers,
            now_ms,
        )
    }

    /// `each` runs of every scenario of `scenarios` (each on its own seed as master seed), in
    /// their order, for `workers` workers; scenario `i` is batch `batch + i`.
    pub fn points(
        batch: u64,
        scenarios: &[Scenario],
        each: u64,
        workers: usize,
        now_ms: f64,
    ) -> Job {
        let chunks = plan(each, workers);
        let mut queue = VecDeque::new();
        for i in 0..scenarios.len() {
            for r in &chunks {
                queue.push_back((i, r.clone()));
            }
        }
        Job {
            batch,
            total: each * scenarios.len() as u64,
            workers,
            points: scenarios
                .iter()
                .map(|s| Point {
                    link: aliansi_wire::encode_link(s),
                    master: s.seed,
                    total: each,
                    done: 0,
                    tally: BatchTally::new(s.horizon_months),
                })
                .collect(),
            queue,
            done: 0,
            started_ms: now_ms,
        }
    }

    /// The point whose chunks carry batch id `batch`, if it is one of this job's.
    pub fn point_of(&self, batch: u64) -> Option<usize> {
        let i = usize::try_from(batch.checked_sub(self.batch)?).ok()?;
        (i < self.points.len()).then_some(i)
    }

    /// The next chunk to hand to a free worker, if any is left.
    pub fn next_request(&mut self) -> Option<Request> {
        self.queue.pop_front().map(|(i, r)| {
            let p = &self.points[i];
            Request {
                batch: self.batch + i as u64,
                link: p.link.clone(),
                master: p.master,
                start: r.start,
                end: r.end,
            }
        })
    }

    /// Chunks not yet handed out.
    pub fn chunks_left(&self) -> usize {
        self.queue.len()
    }

    /// Merges a finished chunk's tally into point `point`'s; true when that point is complete.
    pub fn complete(&mut self, point: usize, tally: &BatchTally) -> Result<bool, String> {
        let p = self
            .points
            .get_mut(point)
            .ok_or_else(|| format!("no point {point} in this batch"))?;
        // The workers' own tallies (read unchecked, as `aliansi_wire::tally_from_value_unchecked`
        // says): merged without the overflow check that part files from elsewhere get.
        p.tally.merge_unchecked(tally)?;
        p.done += tally.runs;
        self.done += tally.runs;
        Ok(p.done >= p.total)
    }

    /// Whether every run is in.
    pub fn is_complete(&self) -> bool {
        self.done >= self.total
    }

    /// The merged tally so far (of point 0, the whole batch of a job of one scenario).
    pub fn tally(&self) -> &BatchTally {
        &self.points[0].tally
    }

    /// Point `i`'s merged tally so far.
    pub fn point_tally(&self, i: usize) -> &BatchTally {
        &self.points[i].tally
    }

    /// The first point not complete yet, with its runs done (`None` once all are).
    pub fn first_unfinished(&self) -> Option<(usize, u64)> {
        self.points
            .iter()
            .position(|p| p.done < p.total)
            .map(|i| (i, self.points[i].done))
    }

    /// Seconds left, estimated from the pace so far (`None` before the first chunk is in).
    pub fn eta_seconds(&self, now_ms: f64) -> Option<f64> {
        eta_seconds(self.done, self.total, now_ms - self.started_ms)
    }
}

/// Seconds left when `done` of `total` runs took `elapsed_ms`, at the same pace.
pub fn eta_seconds(done: u64, total: u64, elapsed_ms: f64) -> Option<f64> {
    if done == 0 || !(elapsed_ms >= 0.0) {
        return None;
    }
    let left = total.saturating_sub(done) as f64;
    Some(left * elapsed_ms / done as f64 / 1000.0)
}

/// A duration as whole minutes and seconds, rounded up to a second: (minutes, seconds).
pub fn min_sec(seconds: f64) -> (u64, u64) {
    let s = seconds.max(0.0).ceil() as u64;
    (s / 60, s % 60)
}

/// The months of the survival table: 1, 3, 5 and 10 years, those within the horizon, and
/// the horizon itself.
pub fn survival_rows(horizon: u32) -> Vec<u32> {
    let mut rows: Vec<u32> = [12, 36, 60, 120]
        .into_iter()
        .filter(|&m| m < horizon)
        .collect();
    rows.push(horizon);
    rows
}

/// Month ticks for a horizon: every year (every few years on a long horizon), from 0.
pub fn year_ticks(horizon: u32) -> Vec<u32> {
    if horizon < 24 {
        let step = horizon.div_ceil(6).max(1);
        return (0..=horizon).step_by(step as usize).collect();
    }
    let years = horizon / 12;
    let step = 12 * years.div_ceil(10).max(1);
    (0..=horizon).step_by(step as usize).collect()
}

/// A finished batch, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    pub summary: BatchSummary,
    pub seconds: f64,
    pub workers: usize,
    /// The scenario it ran (to tell when the results no longer match the one on screen).
    pub scenario: Scenario,
}

/// Where the batch section stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Running {
        batch: u64,
        done: u64,
        total: u64,
        eta_seconds: Option<f64>,
        workers: usize,
    },
    Done,
    Cancelled {
        done: u64,
        total: u64,
    },
    Failed {
        error: String,
    },
    /// The scenario cannot run (nothing was started).
    Invalid {
        error: String,
    },
}

/// The batch section's state: where it stands and the last results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    /// The id of the next batch (replies of older batches are ignored).
    pub next_batch: u64,
    pub phase: Phase,
    pub results: Option<Rc<Finished>>,
}

/// Everything that changes the batch section.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelAction {
    /// Batch `batch` of `total` runs has started on `workers` workers. Earlier results stay
    /// (shown as the previous ones) until the new ones replace them, or until it is cancelled
    /// or fails: taking them out of the page at the start cost the click a long task on a slow
    /// computer, and the new results then redraw them in place.
    Started {
        batch: u64,
        total: u64,
        workers: usize,
    },
    Progress {
        batch: u64,
        done: u64,
        eta_seconds: Option<f64>,
    },
    Finished {
        batch: u64,
        tally: Rc<BatchTally>,
        seconds: f64,
        scenario: Scenario,
    },
    /// The user cancelled; `done` runs were finished.
    Cancelled { done: u64 },
    /// Batch `batch` failed (`None`: it could not even start).
    Failed { batch: Option<u64>, error: String },
    /// The scenario cannot run.
    Invalid { error: String },
}

impl Panel {
    /// The batch under way, if any.
    pub fn running(&self) -> Option<u64> {
        match self.phase {
            Phase::Running { batch, .. } => Some(batch),
            _ => None,
        }
    }
}

impl Reducible for Panel {
    type Action = PanelAction;

    fn reduce(self: Rc<Self>, action: PanelAction) -> Rc<Self> {
        let mut p = Rc::try_unwrap(self).unwrap_or_else(|rc| (*rc).clone());
        let current = p.running();
        match action {
            PanelAction::Started {
                batch,
                total,
                workers,
            } => {
                p.next_batch = p.next_batch.max(batch + 1);
                p.phase = Phase::Running {
                    batch,
                    done: 0,
                    total,
                    eta_seconds: None,
                    workers,
                };
            }
            PanelAction::Progress {
                batch,
                done: d,
                eta_seconds: e,
            } if current == Some(batch) => {
                if let Phase::Running {
                    done, eta_seconds, ..
                } = &mut p.phase
                {
                    *done = d;
                    *eta_seconds = e;
                }
            }
            PanelAction::Finished {
                batch,
                tally,
                seconds,
                scenario,
            } if current == Some(batch) => {
                let workers = match p.phase {
                    Phase::Running { workers, .. } => workers,
                    _ => 1,
                };
                p.results = Some(Rc::new(Finished {
                    summary: tally.summary(),
                    seconds,
                    workers,
                    scenario,
                }));
                p.phase = Phase::Done;
            }
            PanelAction::Cancelled { done: d } => {
                if let Phase::Running { done, total, .. } = p.phase {
                    p.results = None;
                    p.phase = Phase::Cancelled {
                        done: d.max(done),
                        total,
                    };
                }
            }
            PanelAction::Failed { batch, error } if batch.is_none() || batch == current => {
                if current.is_some() {
                    p.results = None;
                }
                p.phase = Phase::Failed { error };
            }
            PanelAction::Invalid { error } if current.is_none() => {
                p.phase = Phase::Invalid { error };
            }
            _ => {}
        }
        Rc::new(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_counts_are_parsed_with_separators() {
        // The field's default, as each language writes it, reads back as the default.
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Id] {
            assert_eq!(parse_runs(&runs_text(lang, None)), Ok(DEFAULT_RUNS));
        }
        assert_eq!(runs_text(crate::i18n::Lang::Id, None), "1.000");
        assert_eq!(runs_text(crate::i18n::Lang::En, Some(&"7".into())), "7");
        assert_eq!(parse_runs("1000"), Ok(1000));
        assert_eq!(parse_runs(" 1,000 "), Ok(1000));
        assert_eq!(parse_runs("1.000"), Ok(1000));
        assert_eq!(parse_runs("100 000"), Ok(100_000));
        assert_eq!(parse_runs("10"), Ok(10));
        assert_eq!(parse_runs("9"), Err(RunsError::TooFew));
        assert_eq!(parse_runs("0"), Err(RunsError::TooFew));
        assert_eq!(parse_runs("100001"), Err(RunsError::TooMany));
        assert_eq!(
            parse_runs("99999999999999999999999"),
            Err(RunsError::TooMany)
        );
        for bad in [
            "", "abc", "-5", "10.5", "1,00", "1000,000", "1e4", "1,,000", "+100",
        ] {
            assert_eq!(parse_runs(bad), Err(RunsError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn every_core_up_to_eight() {
        assert_eq!(worker_count(f64::NAN), 1);
        assert_eq!(worker_count(0.0), 1);
        assert_eq!(worker_count(1.0), 1);
        assert_eq!(worker_count(2.0), 2);
        assert_eq!(worker_count(8.0), 8);
        assert_eq!(worker_count(64.0), 8);
    }

    #[test]
    fn plans_cover_every_run_once() {
        for (total, workers) in [
            (10, 1),
            (1000, 2),
            (1000, 8),
            (10_000, 2),
            (99_999, 3),
            (37, 8),
        ] {
            let p = plan(total, workers);
            assert_eq!(p[0].start, 0);
            assert_eq!(p.last().unwrap().end, total);
            assert!(p.windows(2).all(|w| w[0].end == w[1].start));
            assert!(p
                .iter()
                .all(|r| r.end > r.start && r.end - r.start <= MAX_CHUNK));
            assert!(p.len() >= workers.min((total / MIN_CHUNK) as usize));
        }
        // Big chunks first, small ones at the end.
        let p = plan(10_000, 2);
        let len = |r: &Range<u64>| r.end - r.start;
        assert_eq!(len(&p[0]), MAX_CHUNK);
        assert!(p.windows(2).all(|w| len(&w[1]) <= len(&w[0])));
        assert!(len(p.last().unwrap()) <= MIN_CHUNK);
        assert!(p.len() < 100, "{} chunks", p.len());
    }

    #[test]
    fn requests_and_replies_round_trip() {
        let r = Request {
            batch: 3,
            link: "abc".into(),
            master: u64::MAX,
            start: 250,
            end: 500,
        };
        assert_eq!(Request::from_json(&r.to_json()), Ok(r));
        assert!(Request::from_json("{}").is_err());
        assert!(Request::from_json("not json").is_err());
        assert_eq!(Reply::from_json(&Reply::Ready.to_json()), Ok(Reply::Ready));
        let f = Reply::Failed {
            batch: 2,
            error: "boom".into(),
        };
        assert_eq!(Reply::from_json(&f.to_json()), Ok(f));
    }

    #[test]
    fn a_job_of_chunks_equals_one_batch() {
        let sc = aliansi_sim::presets::default_scenario();
        let mut job = Job::new(1, &sc, 60, 2, 0.0);
        let mut replies = Vec::new();
        while let Some(req) = job.next_request() {
            replies.push(answer(&req.to_json()));
        }
        assert!(replies.len() > 1);
        assert_eq!(job.eta_seconds(1000.0), None);
        for (i, text) in replies.iter().rev().enumerate() {
            match Reply::from_json(text).unwrap() {
                Reply::Done { batch, tally, .. } => {
                    assert_eq!(batch, 1);
                    assert_eq!(job.point_of(batch), Some(0));
                    job.complete(0, &tally).unwrap();
                }
                other => panic!("{other:?}"),
            }
            if i == 0 {
                assert!(job.eta_seconds(1000.0).unwrap() > 0.0);
            }
        }
        assert!(job.is_complete());
        assert_eq!(job.done, 60);
        let whole = aliansi_sim::run_batch(&sc, sc.seed, 60).unwrap();
        assert_eq!(job.tally().summary(), whole);
    }

    #[test]
    fn a_job_of_points_keeps_every_worker_busy_and_equals_their_batches() {
        // A sweep's points of 10 runs (one chunk each): the chunks of all points queue at
        // once, so two workers take two points at a time, and each point's tally is that of
        // its own batch, whatever order its chunks come back in.
        let base = aliansi_sim::presets::default_scenario();
        let scenarios: Vec<Scenario> = [0.1, 0.5, 0.9]
            .iter()
            .map(|&t| {
                let mut s = base.clone();
                s.governance.transparency = t;
                s
            })
            .collect();
        let mut job = Job::points(40, &scenarios, 10, 2, 0.0);
        assert_eq!((job.total, job.chunks_left()), (30, 3));
        assert_eq!(job.first_unfinished(), Some((0, 0)));
        assert_eq!(job.point_of(39), None);
        assert_eq!(job.point_of(43), None);
        let reqs: Vec<Request> = std::iter::from_fn(|| job.next_request()).collect();
        assert_eq!(
            reqs.iter().map(|r| r.batch).collect::<Vec<_>>(),
            [40, 41, 42]
        );
        // The last point first: point 0 is still the first unfinished.
        for (k, req) in reqs.iter().rev().enumerate() {
            let Reply::Done { batch, tally, .. } =
                Reply::from_json(&answer(&req.to_json())).unwrap()
            else {
                panic!("not done");
            };
            let i = job.point_of(batch).unwrap();
            assert!(
                job.complete(i, &tally).unwrap(),
                "a point of one chunk is complete"
            );
            assert_eq!(job.is_complete(), k == 2);
            assert_eq!(job.first_unfinished(), (k < 2).then_some((0, 0)));
        }
        for (i, s) in scenarios.iter().enumerate() {
            let alone = aliansi_sim::run_batch(s, s.seed, 10).unwrap();
            assert_eq!(job.point_tally(i).summary(), alone, "point {i}");
        }
        assert!(job.complete(3, &BatchTally::new(120)).is_err());
        // A point of 60 runs is cut into chunks as a batch of 60 is.
        let job = Job::points(0, &scenarios, 60, 2, 0.0);
        assert_eq!(job.chunks_left(), 3 * plan(60, 2).len());
    }

    #[test]
    fn a_bad_request_is_answered_with_a_failure() {
        assert!(matches!(
            Reply::from_json(&answer("{}")),
            Ok(Reply::Failed { .. })
        ));
        let bad = Request {
            batch: 7,
            link: "garbage".into(),
            master: 1,
            start: 0,
            end: 10,
        };
        assert!(matches!(
            Reply::from_json(&answer(&bad.to_json())),
            Ok(Reply::Failed { batch: 7, .. })
        ));
    }

    #[test]
    fn time_left() {
        assert_eq!(eta_seconds(0, 100, 500.0), None);
        assert_eq!(eta_seconds(25, 100, 1000.0), Some(3.0));
        assert_eq!(eta_seconds(100, 100, 1000.0), Some(0.0));
        assert_eq!(min_sec(0.2), (0, 1));
        assert_eq!(min_sec(59.0), (0, 59));
        assert_eq!(min_sec(61.5), (1, 2));
        assert_eq!(min_sec(-3.0), (0, 0));
    }

    #[test]
    fn survival_rows_and_ticks() {
        assert_eq!(survival_rows(120), vec![12, 36, 60, 120]);
        assert_eq!(survival_rows(180), vec![12, 36, 60, 120, 180]);
        assert_eq!(survival_rows(48), vec![12, 36, 48]);
        assert_eq!(survival_rows(6), vec![6]);
        assert_eq!(
            year_ticks(120),
            vec![0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120]
        );
        assert_eq!(year_ticks(240), (0..=240).step_by(24).collect::<Vec<_>>());
        assert_eq!(year_ticks(12), vec![0, 2, 4, 6, 8, 10, 12]);
    }

    fn act(p: Rc<Panel>, a: PanelAction) -> Rc<Panel> {
        p.reduce(a)
    }

    #[test]
    fn panel_follows_one_batch_and_ignores_stale_ones() {
        let sc = aliansi_sim::presets::default_scenario();
        let tally = Rc::new(aliansi_sim::run_chunk(&sc, sc.seed, 0..20).unwrap());
        let p = Rc::new(Panel::default());
        let p = act(
            p,
            PanelAction::Started {
                batch: 0,
                total: 20,
                workers: 2,
            },
        );
        assert_eq!(p.running(), Some(0));
        assert_eq!(p.next_batch, 1);
        let p = act(
            p,
            PanelAction::Progress {
                batch: 0,
                done: 10,
                eta_seconds: Some(1.0),
            },
        );
        assert!(matches!(
            p.phase,
            Phase::Running {
                done: 10,
                eta_seconds: Some(_),
                ..
            }
        ));
        // A reply of another batch changes nothing.
        let q = act(
            p.clone(),
            PanelAction::Progress {
                batch: 5,
                done: 19,
                eta_seconds: None,
            },
        );
        assert_eq!(q, p);
        let p = act(
            p,
            PanelAction::Finished {
                batch: 0,
                tally: tally.clone(),
                seconds: 2.0,
                scenario: sc.clone(),
            },
        );
        assert_eq!(p.phase, Phase::Done);
        let r = p.results.clone().unwrap();
        assert_eq!(r.summary, aliansi_sim::run_batch(&sc, sc.seed, 20).unwrap());
        assert_eq!(r.workers, 2);
        // A late failure of the finished batch is ignored; a new start keeps the results until
        // the new ones come, and a cancel clears them.
        let p = act(
            p,
            PanelAction::Failed {
                batch: Some(0),
                error: "x".into(),
            },
        );
        assert_eq!(p.phase, Phase::Done);
        let p = act(
            p,
            PanelAction::Started {
                batch: 1,
                total: 100,
                workers: 2,
            },
        );
        assert_eq!(p.results.as_ref(), Some(&r));
        let p = act(p, PanelAction::Cancelled { done: 40 });
        assert!(p.results.is_none());
        assert_eq!(
            p.phase,
            Phase::Cancelled {
                done: 40,
                total: 100
            }
        );
        let p = act(
            p,
            PanelAction::Finished {
                batch: 1,
                tally,
                seconds: 1.0,
                scenario: sc,
            },
        );
        assert!(
            matches!(p.phase, Phase::Cancelled { .. }),
            "cancelled stays cancelled"
        );
        let p = act(
            p,
            PanelAction::Failed {
                batch: None,
                error: "no worker".into(),
            },
        );
        assert_eq!(
            p.phase,
            Phase::Failed {
                error: "no worker".into()
            }
        );
        let p = act(
            p,
            PanelAction::Invalid {
                error: "bad".into(),
            },
        );
        assert_eq!(
            p.phase,
            Phase::Invalid {
                error: "bad".into()
            }
        );
    }

    /// The results of a batch stay while the next one runs (shown as the previous ones) and
    /// are replaced by its results; a failure of the running batch clears them.
    #[test]
    fn results_stay_until_the_next_batch_replaces_them_or_fails() {
        let sc = aliansi_sim::presets::default_scenario();
        let tally = |runs| Rc::new(aliansi_sim::run_chunk(&sc, sc.seed, 0..runs).unwrap());
        let start = |batch| PanelAction::Started {
            batch,
            total: 20,
            workers: 1,
        };
        let finish = |batch, runs| PanelAction::Finished {
            batch,
            tally: tally(runs),
            seconds: 1.0,
            scenario: sc.clone(),
        };
        let p = act(act(Rc::new(Panel::default()), start(0)), finish(0, 10));
        let first = p.results.clone().unwrap();
        let p = act(p, start(1));
        assert_eq!(p.running(), Some(1));
        assert_eq!(p.results.as_ref(), Some(&first));
        let p = act(p, finish(1, 20));
        assert_eq!(p.results.as_ref().unwrap().summary.runs, 20);
        let p = act(p, start(2));
        assert!(p.results.is_some());
        let p = act(
            p,
            PanelAction::Failed {
                batch: Some(2),
                error: "a worker failed".into(),
            },
        );
        assert!(p.results.is_none());
    }
}
