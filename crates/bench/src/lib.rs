//! The benchmark workloads of the core, as pure functions, and the timing loop shared by the
//! native report (`cargo run --release -p aliansi-bench --example report`), the same report in
//! headless Chromium (`cargo test -p aliansi-bench --release --target wasm32-unknown-unknown`,
//! `tests/browser.rs`) and the divan benchmarks (`cargo bench -p aliansi-bench`).
//!
//! Every workload returns a checksum of what it computed, so the optimiser cannot drop the work
//! and the native and wasm reports can be checked to compute the same bits.

use aliansi_sim::batch::{run_hash, run_seed};
use aliansi_sim::{presets, run_batch, simulate, Country, CultureSpec, Scenario};

/// The large scenario of the performance budget: 30 partners over 600 months, in a calm,
/// trusting setting so that most runs go the distance (the cost of a long life is measured).
pub fn large_scenario() -> Scenario {
    let mut s = presets::default_scenario();
    let template = s.partners[0].clone();
    s.partners = (0..30)
        .map(|i| {
            let mut p = template.clone();
            p.name = format!("Partner {}", i + 1);
            p.culture = CultureSpec::Country(Country::ALL[i % Country::ALL.len()]);
            p.capacity = 20.0 + (i as f64 * 7.0) % 60.0;
            p.expected_share = 1.0 / 30.0;
            p.opportunism = 0.05;
            p.patience = 0.9;
            p
        })
        .collect();
    s.horizon_months = 600;
    s.initial_trust = 0.8;
    s.environment.rivalry = 0.1;
    s.environment.shock_rate_per_year = 0.3;
    s.governance.alliance_manager = true;
    s
}

/// Partner-months simulated by a run of `s` with `seed` (for ns per partner-month): the
/// partners present, summed over the months simulated.
pub fn partner_months(s: &Scenario, seed: u64) -> u64 {
    let mut w = aliansi_sim::World::new(s, seed, false).expect("valid scenario");
    let mut n = 0;
    while w.step().is_none() {
        n += w.active().len() as u64;
    }
    n + w.active().len() as u64
}

/// Seed of the single-run workloads.
pub const RUN_SEED: u64 = 7;
/// Master seed of the batch workload (as in the golden batch checksum).
pub const BATCH_MASTER: u64 = 2024;
/// Runs of the batch workload.
pub const BATCH_RUNS: u64 = 10_000;

/// One run of the default scenario (seed 7), without log or series.
pub fn default_one_run() -> u64 {
    let s = presets::default_scenario();
    run_hash(0, &simulate(&s, RUN_SEED).expect("valid"))
}

/// A 10,000-run batch of the default scenario (master seed 2024) on one thread: its checksum.
pub fn default_batch_10000() -> u64 {
    let s = presets::default_scenario();
    run_batch(&s, BATCH_MASTER, BATCH_RUNS)
        .expect("valid")
        .checksum
}

/// One run of the large scenario (30 partners, 600 months, seed 7).
pub fn large_one_run() -> u64 {
    let s = large_scenario();
    run_hash(0, &simulate(&s, RUN_SEED).expect("valid"))
}

/// A benchmark workload.
pub struct Workload {
    /// Its name in the reports (as in `benches/core.rs`).
    pub name: &'static str,
    /// What it runs, in words.
    pub what: &'static str,
    pub run: fn() -> u64,
    /// Partner-months it simulates (for the pieces of [`maths_workloads`]: the calls it makes
    /// of the piece it times).
    pub partner_months: fn() -> u64,
    /// Samples to time.
    pub samples: u32,
    /// Calls per sample (so that a sample lasts well above the browser clock's resolution).
    pub calls_per_sample: u32,
}

fn pm_default_one() -> u64 {
    partner_months(&presets::default_scenario(), RUN_SEED)
}

fn pm_default_batch() -> u64 {
    let s = presets::default_scenario();
    (0..BATCH_RUNS)
        .map(|k| partner_months(&s, run_seed(BATCH_MASTER, k)))
        .sum()
}

fn pm_large() -> u64 {
    partner_months(&large_scenario(), RUN_SEED)
}

/// Every workload, in report order.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "default_one_run",
            what: "one run of the default scenario (seed 7)",
            run: default_one_run,
            partner_months: pm_default_one,
            samples: 15,
            calls_per_sample: 200,
        },
        Workload {
            name: "default_batch_10000",
            what: "a 10,000-run batch of the default scenario (master seed 2024), one thread",
            run: default_batch_10000,
            partner_months: pm_default_batch,
            samples: 5,
            calls_per_sample: 1,
        },
        Workload {
            name: "large_one_run",
            what: "one run of a large scenario: 30 partners, 600 months (seed 7)",
            run: large_one_run,
            partner_months: pm_large,
            samples: 15,
            calls_per_sample: 2,
        },
    ]
}

/// Calls a workload of [`maths_workloads`] makes of the piece it times.
pub const MATHS_CALLS: u64 = 100_000;

/// The sum of `f` over `MATHS_CALLS` arguments from `arg(k)`, as its bits (a checksum equal
/// natively and in wasm: the same operations in the same order give the same bits).
fn sum_of(f: impl Fn(f64) -> f64, arg: impl Fn(f64) -> f64) -> u64 {
    let mut sum = 0.0;
    for k in 0..MATHS_CALLS {
        sum += f(arg(std::hint::black_box(k) as f64 / MATHS_CALLS as f64));
    }
    sum.to_bits()
}

/// libm's logarithm, over (0, 1] as in the normal draws.
pub fn maths_log() -> u64 {
    sum_of(libm::log, |u| 1.0 - u)
}

/// libm's cosine, over [0, 2π) as in the normal draws.
pub fn maths_cos() -> u64 {
    sum_of(libm::cos, |u| 2.0 * core::f64::consts::PI * u)
}

/// libm's exponential, over [-3, 3] (the satisfaction's and the disputes' range).
pub fn maths_exp() -> u64 {
    sum_of(libm::exp, |u| 6.0 * u - 3.0)
}

/// The square root (one instruction on both sides).
pub fn maths_sqrt() -> u64 {
    sum_of(f64::sqrt, |u| u)
}

/// The sum of `MATHS_CALLS` draws of the core's random stream, as its bits.
fn draws_of(draw: impl Fn(&mut aliansi_sim::rng::Stream) -> f64) -> u64 {
    let mut s = aliansi_sim::rng::Stream::new(1, 2);
    (0..MATHS_CALLS)
        .fold(0.0, |sum, _| sum + draw(&mut s))
        .to_bits()
}

/// The generator: uniform draws of the core's random stream (xoshiro256++).
pub fn maths_uniform() -> u64 {
    draws_of(aliansi_sim::rng::Stream::uniform)
}

/// Normal draws of the core's random stream (two uniform draws, a logarithm, a square root and
/// a cosine each): the piece a run of the default scenario spends most time in.
pub fn maths_normal() -> u64 {
    draws_of(aliansi_sim::rng::Stream::normal)
}

fn maths_calls() -> u64 {
    MATHS_CALLS
}

/// The pieces of the core's maths, each on its own (`MATHS_CALLS` calls a workload), for
/// telling how much slower wasm is at each: libm's logarithm, cosine and exponential, the
/// square root, the generator and the normal draw that combines them. Reported after
/// [`workloads`], per call.
pub fn maths_workloads() -> Vec<Workload> {
    // Calls a sample: about 30 ms each (the thread's CPU clock moves in steps of milliseconds).
    let piece = |name, what, run, calls_per_sample| Workload {
        name,
        what,
        run,
        partner_months: maths_calls,
        samples: 11,
        calls_per_sample,
    };
    vec![
        piece(
            "maths_normal",
            "a normal draw (Box-Muller)",
            maths_normal,
            10,
        ),
        piece("maths_log", "libm's logarithm", maths_log, 30),
        piece("maths_cos", "libm's cosine", maths_cos, 40),
        piece("maths_exp", "libm's exponential", maths_exp, 30),
        piece("maths_sqrt", "the square root", maths_sqrt, 80),
        piece(
            "maths_uniform",
            "a uniform draw (xoshiro256++)",
            maths_uniform,
            160,
        ),
    ]
}

/// Every workload of [`workloads`], then those of [`maths_workloads`]: what the reports time.
pub fn all_workloads() -> Vec<Workload> {
    let mut all = workloads();
    all.extend(maths_workloads());
    all
}

/// The timings of one workload.
#[derive(Clone, Debug)]
pub struct Measurement {
    pub name: &'static str,
    /// Median time of one call, in nanoseconds.
    pub median_ns: f64,
    /// Fastest sample's time of one call, in nanoseconds.
    pub min_ns: f64,
    /// Median CPU time of one call, in nanoseconds, when a CPU clock was given (less disturbed
    /// than the wall clock by other work on a busy machine).
    pub cpu_median_ns: Option<f64>,
    pub partner_months: u64,
    /// The workload's checksum (equal natively and in wasm).
    pub checksum: u64,
    pub samples: u32,
    pub calls_per_sample: u32,
}

impl Measurement {
    /// Median nanoseconds per partner-month.
    pub fn ns_per_partner_month(&self) -> f64 {
        self.median_ns / self.partner_months as f64
    }

    /// One line of the machine-readable report (read by `scripts/perf.sh`):
    /// `BENCH <name> median_ns=… min_ns=… partner_months=… ns_per_pm=… checksum=… samples=…x…`.
    pub fn line(&self, target: &str) -> String {
        let cpu = self
            .cpu_median_ns
            .map(|c| {
                format!(
                    " cpu_median_ns={c:.0} cpu_ns_per_pm={:.1}",
                    c / self.partner_months as f64
                )
            })
            .unwrap_or_default();
        format!(
            "BENCH target={target} name={} median_ns={:.0} min_ns={:.0} partner_months={} \
             ns_per_pm={:.1} checksum={:016x} samples={}x{}{cpu}",
            self.name,
            self.median_ns,
            self.min_ns,
            self.partner_months,
            self.ns_per_partner_month(),
            self.checksum,
            self.samples,
            self.calls_per_sample
        )
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// How long each workload is called before it is timed, in milliseconds. A browser first runs
/// wasm through a quick baseline compiler and compiles the hot functions again, optimised, in
/// the background: without this warm-up the first samples of the first workload time the
/// baseline code (about 15 % slower for one run of the default scenario, on this project's
/// machine). Native code needs no warm-up, but gets the same, so that both sides are timed
/// alike (criterion warms up for 3 s by default).
pub const WARM_UP_MS: f64 = 1000.0;

/// Calls `w` for at least [`WARM_UP_MS`] by `now_ms` (one call at least), checking that it
/// returns the same checksum each time; returns the checksum.
pub fn warm_up(w: &Workload, now_ms: &dyn Fn() -> f64) -> u64 {
    let warm_up_start = now_ms();
    let checksum = std::hint::black_box((w.run)());
    while now_ms() - warm_up_start < WARM_UP_MS {
        let c = std::hint::black_box((w.run)());
        assert_eq!(c, checksum, "{} is not deterministic", w.name);
    }
    checksum
}

/// One sample of `w`: `w.calls_per_sample` calls, each checked against `checksum`; returns the
/// nanoseconds per call by `now_ms`.
pub fn sample(w: &Workload, now_ms: &dyn Fn() -> f64, checksum: u64) -> f64 {
    let t0 = now_ms();
    for _ in 0..w.calls_per_sample {
        let c = std::hint::black_box((w.run)());
        assert_eq!(c, checksum, "{} is not deterministic", w.name);
    }
    (now_ms() - t0) * 1e6 / w.calls_per_sample as f64
}

/// Times `w` with `now_ms` (a monotonic clock in milliseconds) and, if given, `cpu_ms` (the
/// thread's CPU time in milliseconds): [`warm_up`], then `w.samples` samples of
/// `w.calls_per_sample` calls each.
pub fn measure(
    w: &Workload,
    now_ms: &dyn Fn() -> f64,
    cpu_ms: Option<&dyn Fn() -> f64>,
) -> Measurement {
    let checksum = warm_up(w, now_ms);
    let mut per_call = Vec::with_capacity(w.samples as usize);
    let mut cpu_per_call = Vec::with_capacity(w.samples as usize);
    for _ in 0..w.samples {
        let c0 = cpu_ms.map(|c| c());
        per_call.push(sample(w, now_ms, checksum));
        if let (Some(c0), Some(c)) = (c0, cpu_ms) {
            cpu_per_call.push((c() - c0) * 1e6 / w.calls_per_sample as f64);
        }
    }
    let median_ns = median(&mut per_call);
    Measurement {
        name: w.name,
        median_ns,
        min_ns: per_call[0],
        cpu_median_ns: (!cpu_per_call.is_empty()).then(|| median(&mut cpu_per_call)),
        partner_months: (w.partner_months)(),
        checksum,
        samples: w.samples,
        calls_per_sample: w.calls_per_sample,
    }
}
