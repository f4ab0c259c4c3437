//! SVG path data for line charts.

use super::scale::LinearScale;
use std::fmt::Write;

/// A number for SVG attributes: at most two decimals, no trailing zeros, no `-0`.
pub fn fmt_num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// [`fmt_num`], appended to `out`. Charts write tens of thousands of coordinates a second
/// while a long run plays, so the hundredths are counted in an integer and written digit by
/// digit: about a tenth of the time that formatting the float took, for the same text (the
/// float formatting stays for numbers too large for that, and NaN).
pub fn push_num(out: &mut String, v: f64) {
    let hundredths = (v * 100.0).round();
    if !(hundredths.abs() < 1e15) {
        let r = hundredths / 100.0;
        let r = if r == 0.0 { 0.0 } else { r };
        let s = format!("{r:.2}");
        out.push_str(s.trim_end_matches('0').trim_end_matches('.'));
        return;
    }
    let k = hundredths as i64;
    if k < 0 {
        out.push('-');
    }
    let a = k.unsigned_abs();
    let _ = write!(out, "{}", a / 100);
    let (tenths, rest) = ((a % 100) / 10, a % 10);
    if tenths != 0 || rest != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenths as u8));
        if rest != 0 {
            out.push(char::from(b'0' + rest as u8));
        }
    }
}

/// The `d` attribute of a polyline through `points` (data coordinates), drawn in a box of
/// `width` x `height` with y growing upwards: `x_domain` maps onto `0..width` and `y_domain`
/// onto `height..0`. Points with a non-finite coordinate break the line into segments.
/// No points give an empty string. A segment of one point (a run of one month, a partner in
/// for a single month between gaps) would be a move alone, which draws nothing: it gets a
/// short level stroke centred on it (`LONE_POINT`).
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
    // The segment so far is one point.
    let mut lone = false;
    for &(px, py) in points {
        if !px.is_finite() || !py.is_finite() {
            if lone {
                d.push_str(LONE_POINT);
            }
            (pen_down, lone) = (false, false);
            continue;
        }
        d.push(if pen_down { 'L' } else { 'M' });
        push_num(&mut d, x.apply(px));
        d.push(',');
        push_num(&mut d, y.apply(py));
        lone = !pen_down;
        pen_down = true;
    }
    if lone {
        d.push_str(LONE_POINT);
    }
    d
}

/// What [`line_path`] adds after a point alone: from 6 units left of it, 12 to the right, a
/// dash as wide as a line's round caps make a few pixels long on a phone.
const LONE_POINT: &str = "m-6,0h12";

#[cfg(test)]
mod tests {
    use super::*;

    /// The float formatting `fmt_num` used before: the oracle of the integer one.
    fn by_float_formatting(v: f64) -> String {
        let r = (v * 100.0).round() / 100.0;
        let r = if r == 0.0 { 0.0 } else { r };
        let s = format!("{r:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }

    #[test]
    fn numbers_read_as_the_float_formatting_wrote_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.004,
            -0.004,
            0.005,
            -0.005,
            0.015,
            1.005,
            2.675,
            -2.675,
            0.1,
            0.29,
            99.995,
            -99.995,
            524.0,
            1e14,
            -1e14,
            9.99e12,
            123456.789,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
            -1e300,
            5e-324,
        ];
        // A spread of magnitudes and fractions (deterministic).
        let mut z: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            z ^= z << 13;
            z ^= z >> 7;
            z ^= z << 17;
            let unit = (z >> 11) as f64 / (1u64 << 53) as f64;
            let scale = 10f64.powi((z % 16) as i32 - 4);
            values.push((unit - 0.5) * scale);
        }
        for v in values {
            assert_eq!(fmt_num(v), by_float_formatting(v), "{v:e}");
        }
    }

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
        assert_eq!(d, "M0,10m-6,0h12M20,0L30,0");
    }

    #[test]
    fn fractional_coordinates_are_rounded() {
        let d = line_path(&[(1.0, 1.0 / 3.0)], 100.0, 100.0, (0.0, 3.0), (0.0, 1.0));
        assert_eq!(d, "M33.33,66.67m-6,0h12");
    }

    #[test]
    fn a_point_alone_is_drawn_as_a_short_level_stroke_centred_on_it() {
        // A horizon of one month: the market, value and partners' charts have month 1 only.
        let d = line_path(&[(1.0, 0.5)], 600.0, 200.0, (0.0, 1.0), (0.0, 1.0));
        assert_eq!(d, "M600,100m-6,0h12");
        // Once alone at the end of a line that broke off, and not after a segment of two.
        let d = line_path(
            &[(0.0, 0.0), (1.0, 0.0), (2.0, f64::NAN), (3.0, 1.0)],
            30.0,
            10.0,
            (0.0, 3.0),
            (0.0, 1.0),
        );
        assert_eq!(d, "M0,10L10,10M30,0m-6,0h12");
        assert_eq!(d.matches(LONE_POINT).count(), 1);
    }
}
