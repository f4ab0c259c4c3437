//! SVG path data for line charts.

use super::scale::LinearScale;
use std::fmt::Write;

/// A number for SVG attributes: at most two decimals, no trailing zeros, no `-0`.
pub fn fmt_num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let mut s = format!("{r:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// The `d` attribute of a polyline through `points` (data coordinates), drawn in a box of
/// `width` x `height` with y growing upwards: `x_domain` maps onto `0..width` and `y_domain`
/// onto `height..0`. Points with a non-finite coordinate break the line into segments.
/// No points give an empty string.
pub fn line_path(
    points: &[(f64, f64)],
    width: f64,
    height: f64,
    x_domain: (f64, f64),
    y_domain: (f64, f64),
) -> String {
    let x = LinearScale::new(x_domain, (0.0, width));
    let y = LinearScale::new(y_domain, (height, 0.0));
    let mut d = String::new();
    let mut pen_down = false;
    for &(px, py) in points {
        if !px.is_finite() || !py.is_finite() {
            pen_down = false;
            continue;
        }
        let cmd = if pen_down { 'L' } else { 'M' };
        let _ = write!(d, "{cmd}{},{}", fmt_num(x.apply(px)), fmt_num(y.apply(py)));
        pen_down = true;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact() {
        assert_eq!(fmt_num(1.0), "1");
        assert_eq!(fmt_num(1.5), "1.5");
        assert_eq!(fmt_num(1.234), "1.23");
        assert_eq!(fmt_num(-0.001), "0");
        assert_eq!(fmt_num(-2.5), "-2.5");
    }

    #[test]
    fn empty_input_gives_empty_path() {
        assert_eq!(line_path(&[], 100.0, 50.0, (0.0, 1.0), (0.0, 1.0)), "");
    }

    #[test]
    fn maps_and_flips_y() {
        let d = line_path(
            &[(0.0, 0.0), (60.0, 0.5), (120.0, 1.0)],
            600.0,
            200.0,
            (0.0, 120.0),
            (0.0, 1.0),
        );
        assert_eq!(d, "M0,200L300,100L600,0");
    }

    #[test]
    fn non_finite_points_break_the_line() {
        let d = line_path(
            &[(0.0, 0.0), (1.0, f64::NAN), (2.0, 1.0), (3.0, 1.0)],
            30.0,
            10.0,
            (0.0, 3.0),
            (0.0, 1.0),
        );
        assert_eq!(d, "M0,10M20,0L30,0");
    }

    #[test]
    fn fractional_coordinates_are_rounded() {
        let d = line_path(&[(1.0, 1.0 / 3.0)], 100.0, 100.0, (0.0, 3.0), (0.0, 1.0));
        assert_eq!(d, "M33.33,66.67");
    }
}
