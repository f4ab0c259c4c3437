//! Axis domains for line charts from the data.

use super::ticks::ticks;

/// A y domain `(0, top)` covering every finite y in `series`, with `top` rounded up to the
/// last "nice" tick; at least `(0, min_top)`. Negative values widen the bottom likewise.
pub fn nice_y_domain<S: AsRef<[(f64, f64)]>>(series: &[S], min_top: f64) -> (f64, f64) {
    let ys = series
        .iter()
        .flat_map(|s| s.as_ref())
        .map(|p| p.1)
        .filter(|y| y.is_finite());
    let (lo, hi) = ys.fold((0.0f64, min_top), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let round_up = |v: f64| {
        if v <= 0.0 {
            return v;
        }
        let t = ticks((0.0, v), 5);
        let step = if t.len() >= 2 { t[1] - t[0] } else { v };
        (v / step - 1e-9).ceil() * step
    };
    let top = round_up(hi);
    let bottom = if lo < 0.0 { -round_up(-lo) } else { 0.0 };
    (bottom, if top > bottom { top } else { bottom + 1.0 })
}

/// (month, value) points of one series.
pub fn points<T>(rows: &[T], f: impl Fn(&T) -> (f64, f64)) -> Vec<(f64, f64)> {
    rows.iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_to_a_nice_top() {
        assert_eq!(
            nice_y_domain(&[vec![(0.0, 3.2), (1.0, 7.9)]], 1.0),
            (0.0, 8.0)
        );
        assert_eq!(nice_y_domain(&[vec![(0.0, 0.3)]], 1.0), (0.0, 1.0));
        assert_eq!(
            nice_y_domain(&[vec![(0.0, 143.0)], vec![(0.0, 12.0)]], 1.0),
            (0.0, 150.0)
        );
        assert_eq!(nice_y_domain::<Vec<(f64, f64)>>(&[], 1.0), (0.0, 1.0));
        let borrowed: [&[(f64, f64)]; 2] = [&[(0.0, 143.0)], &[(0.0, 12.0)]];
        assert_eq!(nice_y_domain(&borrowed, 1.0), (0.0, 150.0));
        assert_eq!(nice_y_domain(&[vec![(0.0, f64::NAN)]], 2.0), (0.0, 2.0));
    }

    #[test]
    fn negatives_widen_the_bottom() {
        let (lo, hi) = nice_y_domain(&[vec![(0.0, -3.5), (1.0, 4.0)]], 1.0);
        assert!(lo <= -3.5 && hi >= 4.0, "{lo} {hi}");
    }

    #[test]
    fn points_maps_rows() {
        let rows = [(1u32, 2.0f64), (2, 3.0)];
        assert_eq!(
            points(&rows, |r| (f64::from(r.0), r.1)),
            vec![(1.0, 2.0), (2.0, 3.0)]
        );
    }
}
