//! Linear scales from a data domain onto a pixel range.

/// Maps `domain` linearly onto `range` (either may be decreasing, as for an SVG y axis).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The position of `v`. A degenerate domain maps everything to the middle of the range.
    pub fn apply(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let span = d1 - d0;
        if span == 0.0 || !span.is_finite() {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / span * (r1 - r0)
    }

    /// The data value at position `p` (the inverse of [`LinearScale::apply`]).
    pub fn invert(&self, p: f64) -> f64 {
        LinearScale::new(self.range, self.domain).apply(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_ends_and_middle() {
        let s = LinearScale::new((0.0, 120.0), (0.0, 600.0));
        assert_eq!(s.apply(0.0), 0.0);
        assert_eq!(s.apply(120.0), 600.0);
        assert_eq!(s.apply(60.0), 300.0);
    }

    #[test]
    fn flipped_range_for_svg_y() {
        let s = LinearScale::new((0.0, 1.0), (200.0, 0.0));
        assert_eq!(s.apply(0.0), 200.0);
        assert_eq!(s.apply(1.0), 0.0);
        assert_eq!(s.apply(0.25), 150.0);
        assert_eq!(s.invert(150.0), 0.25);
    }

    #[test]
    fn degenerate_domain_goes_to_middle() {
        let s = LinearScale::new((3.0, 3.0), (0.0, 100.0));
        assert_eq!(s.apply(3.0), 50.0);
    }
}
