//! "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten.

/// At most about `max_count` round values covering `domain` (inclusive), in increasing order.
pub fn ticks(domain: (f64, f64), max_count: usize) -> Vec<f64> {
    ticks_with_step_at_least(domain, max_count, 0.0)
}

/// As [`ticks`], with no two ticks closer than `min_step`: an axis labelled with whole numbers
/// (`min_step` 1) shows 0, 1, 2 rather than 0, 0.2, 0.4 written as "0, 0, 0".
pub fn ticks_with_step_at_least(domain: (f64, f64), max_count: usize, min_step: f64) -> Vec<f64> {
    let (lo, hi) = if domain.0 <= domain.1 {
        domain
    } else {
        (domain.1, domain.0)
    };
    if !lo.is_finite() || !hi.is_finite() || max_count == 0 {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo];
    }
    let raw = (hi - lo) / max_count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| (hi - lo) / s <= max_count as f64)
        .unwrap_or(10.0 * mag)
        .max(min_step);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last)
        .map(|i| {
            let v = i as f64 * step;
            // Snap to the step's precision so 0.1 * 3 prints as 0.3.
            let digits = (-step.log10().floor()).max(0.0) as i32;
            let p = 10f64.powi(digits);
            (v * p).round() / p
        })
        .collect()
}

/// The ticks of a month axis from 0 to `horizon` (at least 1): whole months only, since a run
/// has no half months (a horizon of 1 would otherwise get 0, 0.2 … 1, and 2 or 3 get 0.5).
pub fn month_ticks(horizon: u32) -> Vec<f64> {
    ticks_with_step_at_least((0.0, f64::from(horizon.max(1))), 6, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_axes_tick_whole_months() {
        assert_eq!(month_ticks(0), [0.0, 1.0]);
        assert_eq!(month_ticks(1), [0.0, 1.0]);
        assert_eq!(month_ticks(2), [0.0, 1.0, 2.0]);
        assert_eq!(month_ticks(3), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(month_ticks(120), ticks((0.0, 120.0), 6));
        for h in 1..=600 {
            let t = month_ticks(h);
            assert!(t.iter().all(|m| m.fract() == 0.0), "{h}: {t:?}");
            assert!(t.len() >= 2 && t.len() <= 7, "{h}: {t:?}");
            assert!(
                t[0] == 0.0 && *t.last().unwrap() <= f64::from(h),
                "{h}: {t:?}"
            );
        }
    }

    #[test]
    fn whole_numbers_only_when_asked() {
        assert_eq!(ticks_with_step_at_least((0.0, 1.0), 5, 1.0), vec![0.0, 1.0]);
        assert_eq!(
            ticks_with_step_at_least((0.0, 2.5), 5, 1.0),
            vec![0.0, 1.0, 2.0]
        );
        assert_eq!(
            ticks_with_step_at_least((0.0, 40.0), 5, 1.0),
            ticks((0.0, 40.0), 5)
        );
        assert_eq!(
            ticks_with_step_at_least((0.0, 1.0), 5, 0.1),
            ticks((0.0, 1.0), 5)
        );
    }

    #[test]
    fn unit_interval() {
        assert_eq!(ticks((0.0, 1.0), 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn months() {
        assert_eq!(
            ticks((0.0, 120.0), 6),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]
        );
        assert_eq!(ticks((0.0, 36.0), 4), vec![0.0, 10.0, 20.0, 30.0]);
    }

    #[test]
    fn never_more_than_asked_plus_one() {
        for hi in [1.0, 7.0, 13.0, 99.0, 120.0, 1234.0] {
            for n in 1..10 {
                let t = ticks((0.0, hi), n);
                assert!(t.len() <= n + 1, "{hi} {n} {t:?}");
                assert!(t.windows(2).all(|w| w[0] < w[1]));
                assert!(t.iter().all(|v| (0.0..=hi).contains(v)));
            }
        }
    }

    #[test]
    fn reversed_and_degenerate() {
        assert_eq!(ticks((1.0, 0.0), 2), vec![0.0, 0.5, 1.0]);
        assert_eq!(ticks((2.0, 2.0), 5), vec![2.0]);
        assert!(ticks((0.0, f64::NAN), 5).is_empty());
    }
}
