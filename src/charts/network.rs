//! Geometry of the partner network: nodes on a circle, node sizes, edge widths.

/// `n` points evenly spaced on a circle of radius `r` around (`cx`, `cy`), the first at the
/// top, going clockwise. One node sits in the centre.
pub fn circle_layout(n: usize, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    if n == 1 {
        return vec![(cx, cy)];
    }
    (0..n)
        .map(|i| {
            let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}

/// A node's radius so that its *area* is proportional to `value` against `max`:
/// `r_min` for zero (or a non-positive max), `r_max` for `max`.
pub fn node_radius(value: f64, max: f64, r_min: f64, r_max: f64) -> f64 {
    if !(max > 0.0) || !value.is_finite() {
        return r_min;
    }
    let f = (value / max).clamp(0.0, 1.0).sqrt();
    r_min + f * (r_max - r_min)
}

/// An edge's stroke width for a trust level in [0, 1]: from `w_min` (no trust) to `w_max`.
pub fn edge_width(trust: f64, w_min: f64, w_max: f64) -> f64 {
    let t = if trust.is_finite() {
        trust.clamp(0.0, 1.0)
    } else {
        0.0
    };
    w_min + t * (w_max - w_min)
}

/// The largest node radius that keeps `n` nodes on a circle of radius `r` from overlapping
/// (with a little gap), capped at `cap`.
pub fn max_radius_for(n: usize, r: f64, cap: f64) -> f64 {
    if n <= 1 {
        return cap;
    }
    let chord = 2.0 * r * (std::f64::consts::PI / n as f64).sin();
    (chord * 0.45).min(cap)
}

/// The point a fraction `f` of the way from `a` to `b`.
pub fn lerp_point(a: (f64, f64), b: (f64, f64), f: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn circle_starts_at_top_and_goes_clockwise() {
        let p = circle_layout(4, 100.0, 100.0, 50.0);
        assert_eq!(p.len(), 4);
        assert!(close(p[0].0, 100.0) && close(p[0].1, 50.0));
        assert!(close(p[1].0, 150.0) && close(p[1].1, 100.0));
        assert!(close(p[2].0, 100.0) && close(p[2].1, 150.0));
        assert!(close(p[3].0, 50.0) && close(p[3].1, 100.0));
        assert_eq!(circle_layout(1, 5.0, 6.0, 9.0), vec![(5.0, 6.0)]);
        assert!(circle_layout(0, 0.0, 0.0, 1.0).is_empty());
    }

    #[test]
    fn every_point_is_on_the_circle() {
        for n in 2..31 {
            for (x, y) in circle_layout(n, 10.0, 20.0, 7.0) {
                assert!(close(((x - 10.0).powi(2) + (y - 20.0).powi(2)).sqrt(), 7.0));
            }
        }
    }

    #[test]
    fn radius_scales_by_area() {
        assert_eq!(node_radius(0.0, 10.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(10.0, 10.0, 5.0, 25.0), 25.0);
        assert!(close(node_radius(2.5, 10.0, 0.0, 20.0), 10.0));
        assert_eq!(node_radius(3.0, 0.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(f64::NAN, 1.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(99.0, 10.0, 5.0, 25.0), 25.0);
    }

    #[test]
    fn edges_thicken_with_trust() {
        assert_eq!(edge_width(0.0, 1.0, 9.0), 1.0);
        assert_eq!(edge_width(1.0, 1.0, 9.0), 9.0);
        assert_eq!(edge_width(0.5, 1.0, 9.0), 5.0);
        assert_eq!(edge_width(7.0, 1.0, 9.0), 9.0);
        assert_eq!(edge_width(f64::NAN, 1.0, 9.0), 1.0);
    }

    #[test]
    fn nodes_do_not_overlap() {
        for n in 2..31 {
            let r = 100.0;
            let rad = max_radius_for(n, r, 40.0);
            let p = circle_layout(n, 0.0, 0.0, r);
            let d = ((p[0].0 - p[1].0).powi(2) + (p[0].1 - p[1].1).powi(2)).sqrt();
            assert!(2.0 * rad < d, "n {n}: radius {rad}, distance {d}");
        }
        assert_eq!(max_radius_for(1, 100.0, 40.0), 40.0);
    }

    #[test]
    fn lerp() {
        assert_eq!(lerp_point((0.0, 0.0), (10.0, 20.0), 0.5), (5.0, 10.0));
    }
}
