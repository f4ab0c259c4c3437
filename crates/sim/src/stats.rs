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
pub fn kaplan_meier(at_risk: &[u64], deaths: &[u64]) -> KaplanMeier {
    let mut s = 1.0;
    let mut greenwood = 0.0;
    let mut survival = vec![1.0];
    let mut low = vec![1.0];
    let mut high = vec![1.0];
    for (&n, &d) in at_risk.iter().zip(deaths) {
        if n > 0 && d > 0 {
            s *= 1.0 - d as f64 / n as f64;
            if n > d {
                greenwood += d as f64 / (n as f64 * (n - d) as f64);
            }
        }
        let (lo, hi) = loglog_interval(s, greenwood);
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

/// 95 % interval for S with Greenwood sum `g`, on the log(-log) scale (stays inside [0, 1]).
pub fn loglog_interval(s: f64, g: f64) -> (f64, f64) {
    if s <= 0.0 {
        return (0.0, 0.0);
    }
    if s >= 1.0 {
        return (1.0, 1.0);
    }
    let l = libm::log(s);
    let se = libm::sqrt(g) / l.abs();
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
