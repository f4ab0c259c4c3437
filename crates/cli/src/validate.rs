//! `aliansi validate`: the regularities research on alliances reports (F1 to F12, the
//! experiments of `aliansi_sim::validation`), the edge cases and the one-at-a-time sensitivity
//! around the default scenario, run on every core. Its Markdown is `docs/VALIDATION.md`.
//!
//! Every experiment's seeds are split into pieces; worker threads take pieces in turn, and the
//! integer tallies merge exactly, so the table does not depend on the thread count.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use aliansi_sim::validation::{
    edge_cases, experiments, sensitivity_experiment, sensitivity_levers, step_ratio, Experiment,
    ExperimentResult, ExperimentTally,
};

/// Master seed of every validation batch.
pub const MASTER_SEED: u64 = 1;
/// Runs per scenario at full size and in the quick version.
pub const FULL_RUNS: u64 = 4000;
pub const QUICK_RUNS: u64 = 800;

pub struct Report {
    pub runs: u64,
    pub findings: Vec<(Experiment, ExperimentResult)>,
    pub edges: Vec<(Experiment, ExperimentResult)>,
    /// Sensitivity rows (lever experiment and result), sorted by the size of the swing.
    pub sensitivity: Vec<(Experiment, ExperimentResult)>,
}

impl Report {
    /// The checks that do not pass: (failed, left open). Failed: the interval lies wholly
    /// outside what the finding predicts; open: too few runs to tell.
    pub fn not_passed(&self) -> (usize, usize) {
        let mut counts = (0, 0);
        for (e, r) in self.findings.iter().chain(&self.edges) {
            match verdict(e, r) {
                Verdict::Pass => {}
                Verdict::Fail => counts.0 += 1,
                Verdict::Unsettled => counts.1 += 1,
            }
        }
        counts
    }
}

/// A check's result: its interval inside what the finding predicts, wholly outside it, or
/// across its edge (too wide to say at this number of runs; more runs narrow it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    Pass,
    Fail,
    Unsettled,
}

pub fn verdict(e: &Experiment, r: &ExperimentResult) -> Verdict {
    if r.pass {
        Verdict::Pass
    } else if e.expect.contradicted(r.ci95) {
        Verdict::Fail
    } else {
        Verdict::Unsettled
    }
}

impl Verdict {
    fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "FAIL",
            Verdict::Unsettled => "open",
        }
    }
}

/// Runs every experiment with `runs` seeds on `threads` threads.
pub fn run(runs: u64, threads: usize, sensitivity: bool, progress: bool) -> Report {
    let findings = experiments();
    let edges = edge_cases();
    let levers: Vec<Experiment> = if sensitivity {
        sensitivity_levers()
            .iter()
            .map(sensitivity_experiment)
            .collect()
    } else {
        Vec::new()
    };
    let all: Vec<&Experiment> = findings.iter().chain(&edges).chain(&levers).collect();
    let pieces_per = (threads as u64 * 2).max(1);
    let work: Vec<(usize, std::ops::Range<u64>)> = (0..all.len())
        .flat_map(|e| {
            aliansi_sim::batch::chunks(runs, pieces_per)
                .into_iter()
                .map(move |r| (e, r))
        })
        .collect();
    let tallies: Vec<Mutex<ExperimentTally>> = all
        .iter()
        .map(|e| Mutex::new(ExperimentTally::new(e.arms.len())))
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((e, range)) = work.get(i) else { break };
                let t = all[*e].run_chunk(MASTER_SEED, range.clone());
                tallies[*e].lock().expect("tally lock").merge(&t);
                let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                if progress {
                    crate::batch::progress_line(&format!(
                        "{:>5.1} % of the validation runs",
                        d as f64 / work.len() as f64 * 100.0
                    ));
                }
            });
        }
    });
    if progress {
        crate::batch::progress_line("");
    }
    let mut results = all
        .iter()
        .zip(&tallies)
        .map(|(e, t)| ((*e).clone(), e.result(&t.lock().expect("tally lock"))));
    let findings: Vec<_> = results.by_ref().take(findings.len()).collect();
    let edges: Vec<_> = results.by_ref().take(edges.len()).collect();
    let mut sensitivity: Vec<_> = results.collect();
    sensitivity.sort_by(|a, b| b.1.effect.abs().total_cmp(&a.1.effect.abs()));
    Report {
        runs,
        findings,
        edges,
        sensitivity,
    }
}

fn measured(e: &Experiment, r: &ExperimentResult) -> String {
    let mut s = format!("{:+.3} [{:+.3}, {:+.3}]", r.effect, r.ci95.0, r.ci95.1);
    if e.hazard_windows.is_some() {
        s = format!("ratio {:.2} [{:.2}, {:.2}]", r.effect, r.ci95.0, r.ci95.1);
    }
    if let Some(ratio) = step_ratio(&r.arm_means) {
        let _ = write!(s, "; loss/gain {ratio:.1}");
    }
    s
}

fn arms(e: &Experiment, r: &ExperimentResult) -> String {
    e.arms
        .iter()
        .zip(&r.arm_means)
        .map(|(a, m)| format!("{} {:.3}", a.label, m))
        .collect::<Vec<_>>()
        .join("; ")
}

fn runs_text(runs: u64) -> String {
    if runs == 1 {
        "1 run".to_string()
    } else {
        format!("{runs} runs")
    }
}

/// The plain-text table for a terminal.
pub fn text(rep: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Validation: {} per scenario, master seed {MASTER_SEED}\n",
        runs_text(rep.runs)
    );
    for (e, r) in rep.findings.iter().chain(&rep.edges) {
        let _ = writeln!(s, "{:<4} {:<4} {}", e.id, verdict(e, r).word(), e.finding);
        let _ = writeln!(s, "          {} [{}]", e.comparison, e.metric.label());
        let _ = writeln!(
            s,
            "          measured {}  expected {}",
            measured(e, r),
            e.expect.describe()
        );
        let _ = writeln!(s, "          {}", arms(e, r));
    }
    if !rep.sensitivity.is_empty() {
        let _ = writeln!(
            s,
            "\nSensitivity of survival around the default scenario (largest first):"
        );
        for (e, r) in &rep.sensitivity {
            let _ = writeln!(
                s,
                "  {:<48} {:+.3} [{:+.3}, {:+.3}]",
                e.comparison, r.effect, r.ci95.0, r.ci95.1
            );
        }
    }
    let (f, open) = rep.not_passed();
    if f == 0 && open == 0 {
        let _ = writeln!(s, "\nAll checks pass.");
    }
    if f > 0 {
        let _ = writeln!(
            s,
            "\n{f} check(s) FAIL: the interval lies wholly outside what the finding predicts."
        );
    }
    if open > 0 {
        let _ = writeln!(
            s,
            "\n{open} check(s) open: the interval reaches across what the finding predicts, \
             too wide to tell at {}. Run more (--runs {FULL_RUNS}, the default) to settle them.",
            runs_text(rep.runs)
        );
    }
    s
}

fn cell(x: &str) -> String {
    x.replace('|', "\\|")
}

/// The Markdown document committed as `docs/VALIDATION.md`.
pub fn markdown(rep: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Validation: does Aliansi behave like real alliances?\n"
    );
    let _ = writeln!(
        s,
        "Generated by `cargo run --release --bin aliansi -- validate --markdown > docs/VALIDATION.md`; \
         do not edit by hand. {} runs per scenario, master seed {MASTER_SEED}; every comparison runs its \
         scenarios on the same seeds (common random numbers). The effect is the mean over seeds of the \
         difference between the scenarios (or the level, or the ratio), with its 95 % interval (for a \
         level that is a share of runs, the Wilson score interval, which stays inside [0, 1]). What \
         the sources report is in the column \"source reports\"; the sources behind each default and \
         mechanism are in [MODEL.md](MODEL.md), sections 5 (\"Defaults and constants, with sources\") \
         and 6 (\"Why these mechanisms\").\n",
        rep.runs
    );
    let _ = writeln!(s, "## The findings (F1 to F12)\n");
    let _ = writeln!(s, "| id | finding | scenarios | measure | measured effect [95 % CI] | expected | source reports | result |");
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
    for (e, r) in &rep.findings {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            e.id,
            cell(e.finding),
            cell(&e.comparison),
            e.metric.label(),
            cell(&measured(e, r)),
            e.expect.describe(),
            cell(e.source_size),
            verdict(e, r).word()
        );
    }
    let _ = writeln!(s, "\nMeans of each scenario:\n");
    for (e, r) in &rep.findings {
        let _ = writeln!(s, "- **{}**: {}", e.id, cell(&arms(e, r)));
    }
    let _ = writeln!(s, "\n## Edge cases\n");
    let _ = writeln!(
        s,
        "| id | expectation | scenario | measure | measured [95 % CI] | expected | result |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|");
    for (e, r) in &rep.edges {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} |",
            e.id,
            cell(e.finding),
            cell(&e.comparison),
            e.metric.label(),
            cell(&measured(e, r)),
            e.expect.describe(),
            verdict(e, r).word()
        );
    }
    if !rep.sensitivity.is_empty() {
        let _ = writeln!(s, "\n## Sensitivity: what moves survival most\n");
        let _ = writeln!(
            s,
            "One parameter at a time, from a low to a high plausible value, everything else as in the \
             default scenario; the change in survival at ten years. The five largest are in bold.\n"
        );
        let _ = writeln!(
            s,
            "| rank | parameter: low -> high | survival at low | at high | change [95 % CI] |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|");
        for (k, (e, r)) in rep.sensitivity.iter().enumerate() {
            let b = if k < 5 { "**" } else { "" };
            let _ = writeln!(
                s,
                "| {} | {b}{}{b} | {:.3} | {:.3} | {b}{:+.3}{b} [{:+.3}, {:+.3}] |",
                k + 1,
                cell(&e.comparison),
                r.arm_means[0],
                r.arm_means[1],
                r.effect,
                r.ci95.0,
                r.ci95.1
            );
        }
    }
    let (failed, open) = rep.not_passed();
    let _ = writeln!(
        s,
        "\n{}",
        match (failed, open) {
            (0, 0) => "All checks pass.".to_string(),
            (f, 0) => format!("**{f} check(s) fail.**"),
            (f, o) => format!(
                "**{f} check(s) fail, {o} open** (too few runs to tell at {}).",
                runs_text(rep.runs)
            ),
        }
    );
    s
}
