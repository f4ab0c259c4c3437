//! Survival statistics: Kaplan-Meier with Greenwood's variance and log-log intervals.
//! One implementation, used by the batch runner, the command line and the app.

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959963984540054;

/// Kaplan-Meier estimate from the number at risk and deaths at each time.
#[derive(Clone, Debug, PartialEq)]
pub struct KaplanMeier {
    /// S(t) for t = 0, 1, ..., T (S(0) = 1).
    pub survival: Vec<f64>,
    /// Lower and upper 95 % band (log-log transform).
    pub low: Vec<f64>,
    pub high: Vec<f64>,
}

/// `at_risk[t]` and `deaths[t]` for t = 1..=T (index t-1).
///
/// The band is Greenwood's on the log-log scale, which has no width where S is exactly 1 (no
/// death yet) or 0 (every alliance ended): there the exact (Clopper-Pearson) bound of a
/// proportion of all or none of the runs at the start takes its place, since no run is
/// censored before the horizon. 1,000 runs that all survive give [99.6 %, 100 %], not a
/// certain 100 %.
///
/// Without censoring (each time's number at risk is the last one's less its deaths, as in a
/// batch, where every run is followed to its end or the horizon) S(t) is the fraction still
/// alive, computed as that one quotient: the product of the factors `1 - d/n` it equals would
/// gather rounding errors, and S would miss values it reaches exactly (1,000 of 2,000 alive
/// gave 0.5000000000000003, not 0.5, and the median came a month late).
pub fn kaplan_meier(at_risk: &[u64], deaths: &[u64]) -> KaplanMeier {
    let start = at_risk.first().copied().unwrap_or(0);
    let mut s = 1.0;
    let mut greenwood = 0.0;
    let mut survival = vec![1.0];
    let mut low = vec![1.0];
    let mut high = vec![1.0];
    // The number alive after the last time, while nothing has been censored.
    let mut alive = Some(start);
    for (&n, &d) in at_risk.iter().zip(deaths) {
        alive = alive.filter(|&a| a == n).map(|a| a.saturating_sub(d));
        if n > 0 && d > 0 {
            s = match alive {
                Some(a) => a as f64 / start as f64,
                None => s * (1.0 - d as f64 / n as f64),
            };
            if n > d {
                greenwood += d as f64 / (n as f64 * (n - d) as f64);
            }
        }
        let (lo, hi) = match s {
            s if s >= 1.0 => (all_or_none_bound(start), 1.0),
            s if s <= 0.0 => (0.0, 1.0 - all_or_none_bound(start)),
            s => loglog_interval(s, greenwood),
        };
        survival.push(s);
        low.push(lo);
        high.push(hi);
    }
    KaplanMeier {
        survival,
        low,
        high,
    }
}

/// The exact two-sided 95 % lower bound of a proportion when all `n` trials succeeded,
/// (2.5 %)^(1/n) (Clopper-Pearson); 0 for no trials. (1 minus it is the upper bound when none
/// did.)
pub fn all_or_none_bound(n: u64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    libm::pow(0.025, 1.0 / n as f64)
}

/// 95 % interval for S with Greenwood sum `g`, on the log(-log) scale (stays inside [0, 1]).
pub fn loglog_interval(s: f64, g: f64) -> (f64, f64) {
    if s <= 0.0 {
        return (0.0, 0.0);
    }
    if s >= 1.0 {
        return (1.0, 1.0);
    }
    let l = libm::log(s);
    let se = g.sqrt() / l.abs();
    let a = libm::log(-l);
    let lo = libm::exp(-libm::exp(a + Z95 * se));
    let hi = libm::exp(-libm::exp(a - Z95 * se));
    (lo, hi)
}

/// First time at which S falls to 0.5 or below.
pub fn median_survival(survival: &[f64]) -> Option<u32> {
    survival.iter().position(|&s| s <= 0.5).map(|t| t as u32)
}

/// Probability of failing within each year, given alive at its start.
pub fn hazard_by_year(survival: &[f64]) -> Vec<f64> {
    let horizon = survival.len() - 1;
    let years = horizon.div_ceil(12);
    (0..years)
        .map(|y| {
            let s0 = survival[12 * y];
            let s1 = survival[(12 * (y + 1)).min(horizon)];
            if s0 > 0.0 {
                1.0 - s1 / s0
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_censoring_s_is_exactly_the_fraction_alive_and_the_median_is_on_time() {
        // 2,000 runs dying a few at a time: the product of the factors 1 - d/n drifts from the
        // fraction alive (it gave 0.5000000000000003 at exactly 1,000 alive).
        let start = 2000u64;
        let deaths: Vec<u64> = (0..400).map(|t| [3, 7, 1, 4, 9, 2][t % 6]).collect();
        let mut at_risk = Vec::new();
        let mut n = start;
        for &d in &deaths {
            at_risk.push(n);
            n -= d.min(n);
        }
        let km = kaplan_meier(&at_risk, &deaths);
        let mut alive = start;
        for (t, &d) in deaths.iter().enumerate() {
            alive -= d.min(alive);
            assert_eq!(
                km.survival[t + 1],
                alive as f64 / start as f64,
                "t = {}",
                t + 1
            );
        }
        let half = (1..km.survival.len())
            .find(|&t| 2 * (start - deaths[..t].iter().sum::<u64>()) <= start)
            .unwrap();
        assert_eq!(median_survival(&km.survival), Some(half as u32));
        // And the product form would have missed it for this very series.
        let mut p = 1.0;
        let drifted = at_risk.iter().zip(&deaths).any(|(&n, &d)| {
            let exact = (n - d) as f64 / start as f64;
            p *= 1.0 - d as f64 / n as f64;
            p != exact
        });
        assert!(
            drifted,
            "the product form happens to be exact here: pick another series"
        );
    }

    #[test]
    fn censored_times_fall_back_to_the_product() {
        // 10 at start; 2 die at t=1; 2 censored before t=2 (8 - 2 = 6 at risk); 3 die at t=2.
        let km = kaplan_meier(&[10, 6], &[2, 3]);
        assert_eq!(km.survival[1], 0.8);
        assert!((km.survival[2] - 0.8 * 0.5).abs() < 1e-15);
    }

    #[test]
    fn km_without_censoring_is_the_surviving_fraction() {
        // 10 at start; 2 die at t=1, 3 at t=3.
        let at_risk = [10, 8, 8, 5];
        let deaths = [2, 0, 3, 0];
        let km = kaplan_meier(&at_risk, &deaths);
        let expect = [1.0, 0.8, 0.8, 0.5, 0.5];
        for (a, b) in km.survival.iter().zip(expect) {
            assert!((a - b).abs() < 1e-12);
        }
        for t in 0..km.survival.len() {
            assert!(km.low[t] <= km.survival[t] && km.survival[t] <= km.high[t]);
        }
        assert_eq!(median_survival(&km.survival), Some(3));
        let h = hazard_by_year(&km.survival);
        assert_eq!(h.len(), 1);
        assert!((h[0] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn all_or_none_have_an_exact_interval_not_a_certain_one() {
        // 1,000 runs, none ends: S = 1 with [0.025^(1/1000), 1].
        let km = kaplan_meier(&[1000, 1000], &[0, 0]);
        assert_eq!(km.survival, [1.0, 1.0, 1.0]);
        let lo = km.low[2];
        assert!((lo - 0.996318).abs() < 1e-6, "{lo}");
        assert_eq!(km.high[2], 1.0);
        // 100 runs, all end in month 2: S = 0 with [0, 1 - 0.025^(1/100)].
        let km = kaplan_meier(&[100, 100], &[0, 100]);
        assert_eq!(km.survival[2], 0.0);
        assert_eq!(km.low[2], 0.0);
        assert!((km.high[2] - 0.036217).abs() < 1e-6, "{}", km.high[2]);
        // In between, Greenwood's log-log band as before.
        let km = kaplan_meier(&[100], &[50]);
        assert_eq!((km.low[1], km.high[1]), loglog_interval(0.5, 0.01));
    }

    #[test]
    fn interval_matches_greenwood_for_a_known_case() {
        // S = 0.5 from n=100, d=50 at once: Greenwood g = 50/(100*50) = 0.01.
        let (lo, hi) = loglog_interval(0.5, 0.01);
        // Known values for this case: about (0.398, 0.593).
        assert!(
            (lo - 0.398).abs() < 0.002 && (hi - 0.593).abs() < 0.002,
            "{lo} {hi}"
        );
    }
}

/// Result of a log-rank test comparing survival curves.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRank {
    /// The chi-square statistic.
    pub chi2: f64,
    /// Degrees of freedom (groups - 1).
    pub df: u32,
    /// Probability of a difference at least this large by chance alone.
    pub p_value: f64,
}

/// The log-rank (Mantel-Cox) test of k groups, each given as (runs, deaths by time), all over
/// the same times. Everyone not dead is censored at the end. With k = 2 this is the test the
/// field uses to compare two survival curves.
pub fn log_rank(groups: &[(u64, &[u64])]) -> LogRank {
    let k = groups.len();
    let times = groups.iter().map(|g| g.1.len()).max().unwrap_or(0);
    let mut at_risk: Vec<f64> = groups.iter().map(|g| g.0 as f64).collect();
    // Observed minus expected, and its covariance matrix (first k-1 groups).
    let mut o_e = vec![0.0; k];
    let mut v = vec![vec![0.0; k]; k];
    for t in 0..times {
        let d: Vec<f64> = groups
            .iter()
            .map(|g| g.1.get(t).copied().unwrap_or(0) as f64)
            .collect();
        let n: f64 = at_risk.iter().sum();
        let dt: f64 = d.iter().sum();
        if dt > 0.0 && n > 1.0 {
            for i in 0..k {
                o_e[i] += d[i] - dt * at_risk[i] / n;
                for j in 0..k {
                    let delta = if i == j { 1.0 } else { 0.0 };
                    v[i][j] +=
                        dt * (at_risk[i] / n) * (delta - at_risk[j] / n) * (n - dt) / (n - 1.0);
                }
            }
        }
        for i in 0..k {
            at_risk[i] -= d[i];
        }
    }
    let m = k.saturating_sub(1);
    if m == 0 {
        return LogRank {
            chi2: 0.0,
            df: 0,
            p_value: 1.0,
        };
    }
    // chi2 = (O-E)' V^-1 (O-E) over the first k-1 groups (Gauss-Jordan; V is small).
    let mut a: Vec<Vec<f64>> = (0..m)
        .map(|i| {
            let mut row: Vec<f64> = v[i][..m].to_vec();
            row.push(o_e[i]);
            row
        })
        .collect();
    for c in 0..m {
        let p = (c..m)
            .max_by(|&x, &y| a[x][c].abs().total_cmp(&a[y][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        if a[c][c].abs() < 1e-12 {
            return LogRank {
                chi2: 0.0,
                df: m as u32,
                p_value: 1.0,
            };
        }
        for r in 0..m {
            if r != c {
                let f = a[r][c] / a[c][c];
                // Two rows of one matrix: indices, not iterators.
                #[allow(clippy::needless_range_loop)]
                for col in c..=m {
                    a[r][col] -= f * a[c][col];
                }
            }
        }
    }
    let chi2: f64 = (0..m)
        .map(|i| o_e[i] * a[i][m] / a[i][i])
        .sum::<f64>()
        .max(0.0);
    LogRank {
        chi2,
        df: m as u32,
        p_value: chi2_sf(chi2, m as u32),
    }
}

/// Upper tail of the chi-square distribution: P(X > x) with `df` degrees of freedom.
pub fn chi2_sf(x: f64, df: u32) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    gamma_q(df as f64 / 2.0, x / 2.0)
}

/// Regularised upper incomplete gamma function Q(a, x) (Numerical Recipes: series below
/// a + 1, continued fraction above).
fn gamma_q(a: f64, x: f64) -> f64 {
    let gln = libm::lgamma(a);
    if x < a + 1.0 {
        let (mut sum, mut del, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..500 {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (1.0 - sum * libm::exp(-x + a * libm::log(x) - gln)).clamp(0.0, 1.0)
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..500 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (libm::exp(-x + a * libm::log(x) - gln) * h).clamp(0.0, 1.0)
    }
}

/// Difference of two survival estimates (b - a) with a 95 % interval from their Greenwood
/// variances (independent samples; with common random numbers this is conservative).
pub fn survival_difference(a: (f64, f64), b: (f64, f64)) -> (f64, (f64, f64)) {
    let diff = b.0 - a.0;
    let half = Z95 * (a.1 + b.1).sqrt();
    (diff, (diff - half, diff + half))
}

/// The 95 % Wilson score interval of a proportion: `k` of `n` trials. Unlike mean ± z·SE it
/// stays inside [0, 1] and keeps a width at 0 and at n (199 of 200 gives [0.972, 0.999], not
/// an upper bound above 1; 200 of 200 gives [0.981, 1], not a certain 1). No trials: [0, 1].
pub fn wilson_interval(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let n = n as f64;
    let p = k.min(n as u64) as f64 / n;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // At 0 and n one end is the proportion itself, up to rounding.
    (
        (centre - half).clamp(0.0, 1.0),
        (centre + half).clamp(0.0, 1.0),
    )
}

/// Greenwood variance of the Kaplan-Meier estimate at the last time.
pub fn greenwood_variance(at_risk: &[u64], deaths: &[u64]) -> f64 {
    let mut s = 1.0;
    let mut g = 0.0;
    for (&n, &d) in at_risk.iter().zip(deaths) {
        if n > 0 && d > 0 {
            s *= 1.0 - d as f64 / n as f64;
            if n > d {
                g += d as f64 / (n as f64 * (n - d) as f64);
            }
        }
    }
    s * s * g
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn a_proportion_interval_stays_inside_zero_and_one() {
        for (k, n) in [
            (199, 200),
            (200, 200),
            (0, 200),
            (0, 1),
            (1, 1),
            (1, 2),
            (3990, 4000),
        ] {
            let (lo, hi) = wilson_interval(k, n);
            let p = k as f64 / n as f64;
            assert!(
                (0.0..=1.0).contains(&lo) && (0.0..=1.0).contains(&hi),
                "{k}/{n}"
            );
            assert!(lo <= p && p <= hi && lo < hi, "{k}/{n}: [{lo}, {hi}]");
        }
        // All or none: one end is the proportion, the other keeps a width.
        let (lo, hi) = wilson_interval(200, 200);
        assert!(hi == 1.0 && lo < 0.99, "[{lo}, {hi}]");
        let (lo, hi) = wilson_interval(0, 200);
        assert!(lo == 0.0 && hi > 0.01, "[{lo}, {hi}]");
        // 199 of 200 (Wilson's formula by hand: 0.97223 to 0.99912).
        let (lo, hi) = wilson_interval(199, 200);
        assert!(
            (lo - 0.97223).abs() < 1e-5 && (hi - 0.99912).abs() < 1e-5,
            "[{lo}, {hi}]"
        );
        assert_eq!(wilson_interval(0, 0), (0.0, 1.0));
    }

    #[test]
    fn chi2_tail_matches_tables() {
        // Critical values: df 1 at 3.841 -> 0.05; df 2 at 5.991 -> 0.05; df 3 at 11.345 -> 0.01.
        assert!((chi2_sf(3.841, 1) - 0.05).abs() < 1e-3);
        assert!((chi2_sf(5.991, 2) - 0.05).abs() < 1e-3);
        assert!((chi2_sf(11.345, 3) - 0.01).abs() < 1e-3);
        assert_eq!(chi2_sf(0.0, 1), 1.0);
    }

    #[test]
    fn log_rank_known_example() {
        // Two groups of 10 over 3 times; group b dies more.
        let a = [1, 0, 1];
        let b = [3, 2, 2];
        let r = log_rank(&[(10, &a), (10, &b)]);
        assert_eq!(r.df, 1);
        // By hand: O-E for a = -1 - 1.125 - 0.9286 = -3.0536; V = 0.8421 + 0.4594 + 0.5828
        // = 1.8843; chi2 = 3.0536^2 / 1.8843 = 4.948; p = 0.026.
        assert!((r.chi2 - 4.948).abs() < 0.01, "chi2 {}", r.chi2);
        assert!(r.p_value > 0.02 && r.p_value < 0.03, "p {}", r.p_value);
        // The same groups in the other order give the same test.
        let swapped = log_rank(&[(10, &b), (10, &a)]);
        assert!((swapped.chi2 - r.chi2).abs() < 1e-9);
        // Three groups: df 2.
        assert_eq!(log_rank(&[(10, &a), (10, &b), (10, &a)]).df, 2);
        // Identical groups: no evidence of a difference.
        let same = log_rank(&[(10, &a), (10, &a)]);
        assert!(same.chi2 < 1e-12 && (same.p_value - 1.0).abs() < 1e-12);
    }
}
