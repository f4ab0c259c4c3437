//! Monte Carlo batches: N runs from a master seed, summarised exactly.
//!
//! A batch is accumulated in integers (counts, fixed-point sums), so any split of the runs
//! into chunks, merged in any order, gives bit-for-bit the summary of one batch. That is what
//! lets the command line use every core and the app spread a batch over web workers.

use std::ops::Range;

use crate::events::Cause;
use crate::rng::mix;
use crate::run::RunResult;
use crate::scenario::{Scenario, ScenarioError};
use crate::stats::{hazard_by_year, kaplan_meier, median_survival};
use crate::world::{Outcome, World};

/// Fixed-point scale for exact, order-independent sums of values.
const FX: f64 = (1u64 << 24) as f64;

/// The seed of run `k` of a batch with master seed `master`.
pub fn run_seed(master: u64, k: u64) -> u64 {
    mix(master, 0x5EED_0000_0000 + k)
}

/// Raw, mergeable tallies of some runs of one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchTally {
    pub horizon_months: u32,
    pub runs: u64,
    /// Dissolutions in each month (index = month - 1).
    pub deaths: Vec<u64>,
    /// Dissolutions by [`Cause`] (index = `Cause::index`).
    pub causes: [u64; 7],
    pub value_sum_fx: i128,
    pub trust_sum_fx: i128,
    /// Order-independent checksum of every run's outcome, value (created, and net) and trust.
    pub checksum: u64,
    /// Runs by final mean trust, in [`HIST_BINS`] equal bins over [0, 1].
    pub trust_hist: Vec<u64>,
    /// Runs by net value ([`RunResult::distributed_total`]: the value created less the costs
    /// of reviews, of settling disputes and of fixing violations, and fines), in bins of
    /// [`value_bin`] (quarter decades). `value_sum_fx` sums the same.
    pub value_hist: Vec<u64>,
    /// For each partner, runs by its share of everything paid out, in [`HIST_BINS`] bins.
    pub share_hist: Vec<Vec<u64>>,
    /// For each partner, the fixed-point sum of its share, for the mean.
    pub share_sum_fx: Vec<i128>,
}

/// Bins of the trust and share histograms.
pub const HIST_BINS: usize = 20;
/// Bins of the value histogram: 0, then quarter decades from 1 to 10^7.
pub const VALUE_BINS: usize = 29;

/// The histogram bin of a value: 0 for values below 1, then a bin per quarter decade.
pub fn value_bin(v: f64) -> usize {
    if !(v >= 1.0) {
        return 0;
    }
    ((1.0 + 4.0 * libm::log10(v)) as usize).min(VALUE_BINS - 1)
}

/// Lower edge of a value bin.
pub fn value_bin_floor(bin: usize) -> f64 {
    if bin == 0 {
        0.0
    } else {
        libm::pow(10.0, (bin as f64 - 1.0) / 4.0)
    }
}

fn unit_bin(x: f64) -> usize {
    ((x.clamp(0.0, 1.0) * HIST_BINS as f64) as usize).min(HIST_BINS - 1)
}

fn fx(v: f64) -> i128 {
    libm::round(v * FX) as i128
}

/// FNV-1a over a run's result.
pub fn run_hash(k: u64, r: &RunResult) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: u64| {
        for b in x.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
    };
    eat(k);
    match r.outcome {
        Outcome::Survived => eat(0),
        Outcome::Dissolved { month, cause } => {
            eat(month as u64);
            eat(cause.index() as u64 + 1);
        }
    }
    eat(r.value_total.to_bits());
    eat(r.distributed_total.to_bits());
    eat(r.final_mean_trust.to_bits());
    for p in &r.payoff_total {
        eat(p.to_bits());
    }
    h
}

impl BatchTally {
    pub fn new(horizon_months: u32) -> BatchTally {
        BatchTally {
            horizon_months,
            runs: 0,
            deaths: vec![0; horizon_months as usize],
            causes: [0; 7],
            value_sum_fx: 0,
            trust_sum_fx: 0,
            checksum: 0,
            trust_hist: vec![0; HIST_BINS],
            value_hist: vec![0; VALUE_BINS],
            share_hist: Vec::new(),
            share_sum_fx: Vec::new(),
        }
    }

    /// Adds run `k`'s result.
    pub fn add(&mut self, k: u64, r: &RunResult) {
        self.runs += 1;
        if let Outcome::Dissolved { month, cause } = r.outcome {
            let last = self.deaths.len() - 1;
            self.deaths[(month as usize - 1).min(last)] += 1;
            self.causes[cause.index()] += 1;
        }
        // Net value (model 2026-12-02.2; the value created before): what a governance choice
        // costs must show in the number that ranks it.
        self.value_sum_fx += fx(r.distributed_total);
        self.trust_sum_fx += fx(r.final_mean_trust);
        self.checksum = self.checksum.wrapping_add(run_hash(k, r));
        self.trust_hist[unit_bin(r.final_mean_trust)] += 1;
        self.value_hist[value_bin(r.distributed_total)] += 1;
        let n = r.payoff_total.len();
        if self.share_hist.len() < n {
            self.share_hist.resize(n, vec![0; HIST_BINS]);
            self.share_sum_fx.resize(n, 0);
        }
        let total: f64 = r.payoff_total.iter().map(|p| p.max(0.0)).sum();
        for (i, p) in r.payoff_total.iter().enumerate() {
            let share = if total > 0.0 { p.max(0.0) / total } else { 0.0 };
            self.share_hist[i][unit_bin(share)] += 1;
            self.share_sum_fx[i] += fx(share);
        }
    }

    /// Adds another tally of the same scenario (other runs). Refused, leaving this tally as it
    /// was, when the horizons differ or a count or sum would overflow (only a tally read from a
    /// damaged or edited file can be that large).
    pub fn merge(&mut self, other: &BatchTally) -> Result<(), String> {
        if !self.can_add(other) {
            return Err(
                "cannot merge these tallies: a count or a sum would overflow, or their \
                 partners' shares do not pair up (a damaged or edited tally)"
                    .to_string(),
            );
        }
        self.merge_unchecked(other)
    }

    /// [`merge`](Self::merge) without its check for overflow, for tallies of this program's own
    /// runs (the app's workers), whose counts never come near it; refused only when the
    /// horizons differ. (The app's first download is smaller without the check.)
    pub fn merge_unchecked(&mut self, other: &BatchTally) -> Result<(), String> {
        if other.horizon_months != self.horizon_months {
            return Err(format!(
                "cannot merge tallies of different horizons ({} and {} months)",
                self.horizon_months, other.horizon_months
            ));
        }
        self.runs += other.runs;
        for (a, b) in self.deaths.iter_mut().zip(&other.deaths) {
            *a += b;
        }
        for (a, b) in self.causes.iter_mut().zip(&other.causes) {
            *a += b;
        }
        self.value_sum_fx += other.value_sum_fx;
        self.trust_sum_fx += other.trust_sum_fx;
        self.checksum = self.checksum.wrapping_add(other.checksum);
        for (a, b) in self.trust_hist.iter_mut().zip(&other.trust_hist) {
            *a += b;
        }
        for (a, b) in self.value_hist.iter_mut().zip(&other.value_hist) {
            *a += b;
        }
        if self.share_hist.len() < other.share_hist.len() {
            self.share_hist
                .resize(other.share_hist.len(), vec![0; HIST_BINS]);
            self.share_sum_fx.resize(other.share_sum_fx.len(), 0);
        }
        for (i, h) in other.share_hist.iter().enumerate() {
            for (a, b) in self.share_hist[i].iter_mut().zip(h) {
                *a += b;
            }
            self.share_sum_fx[i] += other.share_sum_fx[i];
        }
        Ok(())
    }

    /// Whether [`merge`](Self::merge) can add `other` to this tally: no count or sum
    /// overflows, and each tally has one share sum for each partner's share histogram.
    fn can_add(&self, other: &BatchTally) -> bool {
        let counts =
            |a: &[u64], b: &[u64]| a.iter().zip(b).all(|(x, y)| x.checked_add(*y).is_some());
        let sums =
            |a: &[i128], b: &[i128]| a.iter().zip(b).all(|(x, y)| x.checked_add(*y).is_some());
        self.share_sum_fx.len() == self.share_hist.len()
            && other.share_sum_fx.len() == other.share_hist.len()
            && counts(&[self.runs], &[other.runs])
            && counts(&self.deaths, &other.deaths)
            && counts(&self.causes, &other.causes)
            && counts(&self.trust_hist, &other.trust_hist)
            && counts(&self.value_hist, &other.value_hist)
            && self
                .share_hist
                .iter()
                .zip(&other.share_hist)
                .all(|(a, b)| counts(a, b))
            && sums(
                &[self.value_sum_fx, self.trust_sum_fx],
                &[other.value_sum_fx, other.trust_sum_fx],
            )
            && sums(&self.share_sum_fx, &other.share_sum_fx)
    }

    /// The summary statistics.
    pub fn summary(&self) -> BatchSummary {
        let mut at_risk = Vec::with_capacity(self.deaths.len());
        let mut alive = self.runs;
        for &d in &self.deaths {
            at_risk.push(alive);
            alive -= d;
        }
        let km = kaplan_meier(&at_risk, &self.deaths);
        let last = km.survival.len() - 1;
        let n = self.runs.max(1) as f64;
        BatchSummary {
            runs: self.runs,
            horizon_months: self.horizon_months,
            survival_at_horizon: km.survival[last],
            survival_ci95: (km.low[last], km.high[last]),
            median_survival_months: median_survival(&km.survival),
            hazard_by_year: hazard_by_year(&km.survival),
            causes: Cause::ALL
                .iter()
                .map(|c| (*c, self.causes[c.index()]))
                .collect(),
            mean_value: self.value_sum_fx as f64 / FX / n,
            mean_final_trust: self.trust_sum_fx as f64 / FX / n,
            survival_curve: km.survival,
            survival_low: km.low,
            survival_high: km.high,
            survival_variance: crate::stats::greenwood_variance(&at_risk, &self.deaths),
            checksum: self.checksum,
            trust_hist: self.trust_hist.clone(),
            value_hist: self.value_hist.clone(),
            share_hist: self.share_hist.clone(),
            mean_share: self
                .share_sum_fx
                .iter()
                .map(|s| *s as f64 / FX / n)
                .collect(),
        }
    }
}

/// Two or more variants run on the same seeds: their survival at the horizon, the difference
/// of each from the first with its 95 % interval, and a log-rank test of all the curves.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub survival: Vec<f64>,
    /// Survival of variant i minus variant 0, with its 95 % interval (entry 0 is zero).
    pub difference: Vec<(f64, (f64, f64))>,
    pub log_rank: crate::stats::LogRank,
}

/// Compares the tallies of variants of one scenario (same horizon, same seeds).
pub fn compare(tallies: &[BatchTally]) -> Comparison {
    let summaries: Vec<BatchSummary> = tallies.iter().map(|t| t.summary()).collect();
    let base = (
        summaries[0].survival_at_horizon,
        summaries[0].survival_variance,
    );
    let difference = summaries
        .iter()
        .map(|s| {
            crate::stats::survival_difference(base, (s.survival_at_horizon, s.survival_variance))
        })
        .collect();
    let groups: Vec<(u64, &[u64])> = tallies
        .iter()
        .map(|t| (t.runs, t.deaths.as_slice()))
        .collect();
    Comparison {
        survival: summaries.iter().map(|s| s.survival_at_horizon).collect(),
        difference,
        log_rank: crate::stats::log_rank(&groups),
    }
}

/// What a batch found.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchSummary {
    pub runs: u64,
    pub horizon_months: u32,
    /// Kaplan-Meier S(t) for t = 0..=horizon; starts at 1.0.
    pub survival_curve: Vec<f64>,
    pub survival_low: Vec<f64>,
    pub survival_high: Vec<f64>,
    pub survival_at_horizon: f64,
    pub survival_ci95: (f64, f64),
    /// `None` when more than half survive to the horizon.
    pub median_survival_months: Option<u32>,
    /// Chance of dissolving within each year, given alive at its start.
    pub hazard_by_year: Vec<f64>,
    pub causes: Vec<(Cause, u64)>,
    /// Mean net value of a run: what the partners received in all (the value created less
    /// the costs of reviews, of settling disputes and of fixing violations, and fines).
    pub mean_value: f64,
    pub mean_final_trust: f64,
    /// Greenwood variance of the survival at the horizon.
    pub survival_variance: f64,
    pub checksum: u64,
    /// Runs by final mean trust (20 bins over [0, 1]).
    pub trust_hist: Vec<u64>,
    /// Runs by net value (see [`BatchTally::value_hist`]).
    pub value_hist: Vec<u64>,
    /// Per partner, runs by its share of the payoffs (20 bins over [0, 1]).
    pub share_hist: Vec<Vec<u64>>,
    /// Per partner, its mean share of the payoffs.
    pub mean_share: Vec<f64>,
}

impl BatchSummary {
    /// Whether year `y` (from 0) of [`Self::hazard_by_year`] says anything: some alliance was
    /// still together at its start. Where none was, its hazard (0 in the list) is undefined,
    /// not a chance of 0, and is shown as none.
    pub fn hazard_defined(&self, y: usize) -> bool {
        self.survival_curve.get(12 * y).is_some_and(|&s| s > 0.0)
    }
}

/// Runs `runs` (a range of run indices) of a batch with master seed `master`.
pub fn run_chunk(
    scenario: &Scenario,
    master: u64,
    runs: Range<u64>,
) -> Result<BatchTally, ScenarioError> {
    scenario.validate()?;
    let mut tally = BatchTally::new(scenario.horizon_months);
    for k in runs {
        // Validated once above: each run builds its world without checking again.
        let r = World::from_valid(scenario, run_seed(master, k), false).finish();
        tally.add(k, &r);
    }
    Ok(tally)
}

/// Runs a whole batch on one thread.
pub fn run_batch(
    scenario: &Scenario,
    master: u64,
    runs: u64,
) -> Result<BatchSummary, ScenarioError> {
    Ok(run_chunk(scenario, master, 0..runs)?.summary())
}

/// Splits `runs` into `parts` contiguous ranges (the first ones one longer if uneven).
pub fn chunks(runs: u64, parts: u64) -> Vec<Range<u64>> {
    let parts = parts.max(1).min(runs.max(1));
    let base = runs / parts;
    let extra = runs % parts;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..parts {
        let len = base + u64::from(i < extra);
        out.push(start..start + len);
        start += len;
    }
    out
}

/// The `i`-th (from 0) of the ranges that [`chunks`]`(runs, parts)` returns, computed directly,
/// without building the others (`parts` may be as large as `runs`, a billion say). Past the
/// last of those ranges (`i >= parts`, or `i >= runs` when there are fewer runs than parts) it
/// is the empty range `runs..runs`.
pub fn chunk(runs: u64, parts: u64, i: u64) -> Range<u64> {
    let parts = parts.max(1).min(runs.max(1));
    if i >= parts {
        return runs..runs;
    }
    let base = runs / parts;
    let extra = runs % parts;
    // i < parts <= runs, so i * base <= runs: no overflow.
    let start = i * base + i.min(extra);
    start..start + base + u64::from(i < extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_no_alliance_reached_has_no_hazard() {
        // Every partner as opportunistic as can be, no trust and nothing shared: every run
        // ends within the first few years of ten.
        let mut s = crate::presets::find("challenge-trust").unwrap();
        s.initial_trust = 0.0;
        s.governance.transparency = 0.0;
        for p in &mut s.partners {
            p.opportunism = 1.0;
        }
        let sm = run_batch(&s, 2024, 200).unwrap();
        assert_eq!(sm.survival_at_horizon, 0.0);
        let years = sm.hazard_by_year.len();
        assert_eq!(years, 10);
        assert!(sm.hazard_defined(0));
        let last = (0..years).rev().find(|&y| sm.hazard_defined(y)).unwrap();
        assert!(last < years - 1, "some year is beyond every run's end");
        for y in last + 1..years {
            assert_eq!(sm.hazard_by_year[y], 0.0, "listed as 0");
            assert!(!sm.hazard_defined(y), "but not a chance of 0");
        }
    }

    #[test]
    fn chunk_is_the_ith_of_chunks() {
        for runs in 0..=130u64 {
            for parts in 0..=140u64 {
                let all = chunks(runs, parts);
                for (i, r) in all.iter().enumerate() {
                    assert_eq!(
                        chunk(runs, parts, i as u64),
                        *r,
                        "{runs} runs, {parts} parts, {i}"
                    );
                }
                for i in all.len() as u64..all.len() as u64 + 3 {
                    assert_eq!(chunk(runs, parts, i), runs..runs, "{runs} {parts} {i}");
                }
            }
        }
        for (runs, parts) in [
            (1_000_000_007u64, 97u64),
            (10_000, 3),
            (999_999, 1000),
            (1_234_567, 1_234_567),
        ] {
            let all = chunks(runs, parts);
            for (i, r) in all.iter().enumerate() {
                assert_eq!(chunk(runs, parts, i as u64), *r, "{runs} {parts} {i}");
            }
        }
        // Too many parts to list: contiguous, one longer first, covering every run.
        for (runs, parts) in [
            (1_000_000_000u64, 1_000_000_000u64),
            (u64::MAX, 7),
            (u64::MAX, u64::MAX / 3),
            (1_000_000_000, 999_999_937),
        ] {
            let first = chunk(runs, parts, 0);
            assert_eq!(first.start, 0);
            let last = chunk(runs, parts, parts - 1);
            assert_eq!(last.end, runs, "{runs} {parts}");
            for i in [1, 2, parts / 2, parts - 2, parts - 1] {
                let (a, b) = (chunk(runs, parts, i - 1), chunk(runs, parts, i));
                assert_eq!(a.end, b.start, "{runs} {parts} {i}");
                let (la, lb) = (a.end - a.start, b.end - b.start);
                assert!(la == lb || la == lb + 1, "{runs} {parts} {i}");
            }
            assert_eq!(chunk(runs, parts, parts), runs..runs);
        }
    }

    /// A merge that would overflow (possible only for tallies read from an edited file) is
    /// refused and leaves the tally as it was; an ordinary merge adds up.
    #[test]
    fn a_merge_that_would_overflow_is_refused_and_changes_nothing() {
        let s = crate::presets::default_scenario();
        let a = crate::run_chunk(&s, 1, 0..20).unwrap();
        let b = crate::run_chunk(&s, 1, 20..40).unwrap();
        let mut sum = a.clone();
        sum.merge(&b).unwrap();
        assert_eq!(sum, crate::run_chunk(&s, 1, 0..40).unwrap());
        let overflows: [fn(&mut BatchTally); 5] = [
            |t| t.runs = u64::MAX,
            |t| t.deaths[3] = u64::MAX,
            |t| t.value_sum_fx = i128::MAX,
            |t| t.share_hist[1][2] = u64::MAX,
            |t| t.share_sum_fx.push(0),
        ];
        for edit in overflows {
            let mut big = b.clone();
            edit(&mut big);
            let mut t = big.clone();
            let e = t.merge(&big).unwrap_err();
            assert!(e.contains("a damaged or edited tally"), "{e}");
            assert_eq!(t, big, "a refused merge changed the tally");
        }
    }
}
