//! Geometry of the batch charts: a survival curve as steps, the area of its confidence band,
//! bars and histogram rectangles.

use super::path::fmt_num;
use super::scale::LinearScale;
use std::fmt::Write;

/// A rectangle in SVG user units (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A monthly curve (value at month 0, 1, 2, …) as a step function: flat through each month,
/// dropping at its end, as a Kaplan-Meier curve is drawn.
pub fn step_points(curve: &[f64]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(curve.len() * 2);
    for (t, &v) in curve.iter().enumerate() {
        if t > 0 {
            out.push((t as f64, curve[t - 1]));
        }
        out.push((t as f64, v));
    }
    out
}

/// The `d` attribute of the closed area between `low` and `high` (data points at the same x
/// values, in increasing x), in a box of `width` x `height` with y growing upwards: along
/// `high` forwards, back along `low`, closed. Non-finite points are skipped; fewer than one
/// point gives an empty string.
pub fn band_path(
    low: &[(f64, f64)],
    high: &[(f64, f64)],
    width: f64,
    height: f64,
    x_domain: (f64, f64),
    y_domain: (f64, f64),
) -> String {
    let x = LinearScale::new(x_domain, (0.0, width));
    let y = LinearScale::new(y_domain, (height, 0.0));
    let finite = |p: &&(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let mut d = String::new();
    for &(px, py) in high
        .iter()
        .filter(finite)
        .chain(low.iter().rev().filter(finite))
    {
        let cmd = if d.is_empty() { 'M' } else { 'L' };
        let _ = write!(d, "{cmd}{},{}", fmt_num(x.apply(px)), fmt_num(y.apply(py)));
    }
    if !d.is_empty() {
        d.push('Z');
    }
    d
}

/// Vertical bars for `values` side by side across `width`, each slot split into a bar and a
/// gap (`gap` is the fraction of the slot left empty), rising from the bottom of a box of
/// `height` in proportion to `value / max` (values are clamped to `0..=max`; a non-positive or
/// non-finite `max` gives flat bars).
pub fn bars(values: &[f64], width: f64, height: f64, max: f64, gap: f64) -> Vec<Rect> {
    if values.is_empty() {
        return Vec::new();
    }
    let slot = width / values.len() as f64;
    let gap = gap.clamp(0.0, 0.9);
    let bw = slot * (1.0 - gap);
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let f = if max > 0.0 && max.is_finite() && v.is_finite() {
                (v / max).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let h = height * f;
            Rect {
                x: i as f64 * slot + (slot - bw) / 2.0,
                y: height - h,
                w: bw,
                h,
            }
        })
        .collect()
}

/// Decimals for the value labels of bars whose largest value is `max` (in the unit shown,
/// e.g. percent): enough that the tallest bar is not labelled 0. None from 10 up, else at least
/// one (a largest bar of 0.4% reads "0.4"), and up to four for tinier ones. None when every
/// bar is 0 (no alliance ended: "0", not "0.0000").
pub fn value_digits(max: f64) -> usize {
    if !(max < 10.0) || max <= 0.0 {
        return 0;
    }
    (1..4)
        .find(|&d| max * 10f64.powi(d as i32) >= 0.5)
        .unwrap_or(4)
}

/// Decimals for the label of a bar of `v` among bars labelled with `shared` decimals
/// ([`value_digits`] of the largest): `shared`, unless that would label a bar above zero 0
/// (a hazard of 0.2% beside one of 12%), which gets the decimals its own size needs.
pub fn label_digits(v: f64, shared: usize) -> usize {
    if v > 0.0 && (v * 10f64.powi(shared as i32)).round() == 0.0 {
        value_digits(v).max(shared)
    } else {
        shared
    }
}

/// Horizontal bars for `values`, one per row of `row` units (the bar takes `thickness` of
/// it, centred), growing right from x = 0 up to `width` for the largest value (or for `max`
/// if given).
pub fn hbars(values: &[f64], width: f64, row: f64, thickness: f64, max: Option<f64>) -> Vec<Rect> {
    let top = max.unwrap_or_else(|| values.iter().copied().fold(0.0, f64::max));
    let t = thickness.min(row);
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let f = if top > 0.0 && v.is_finite() {
                (v / top).clamp(0.0, 1.0)
            } else {
                0.0
            };
            Rect {
                x: 0.0,
                y: i as f64 * row + (row - t) / 2.0,
                w: width * f,
                h: t,
            }
        })
        .collect()
}

/// A histogram's bars: counts as bars touching each other (a hairline gap), scaled to the
/// largest count.
pub fn histogram(counts: &[u64], width: f64, height: f64) -> Vec<Rect> {
    let max = counts.iter().copied().max().unwrap_or(0) as f64;
    let values: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
    bars(&values, width, height, max, 0.08)
}

/// The index range of the bins worth showing: from the first to the last non-empty bin
/// (`None` if all are empty).
pub fn occupied(counts: &[u64]) -> Option<std::ops::Range<usize>> {
    let first = counts.iter().position(|&c| c > 0)?;
    let last = counts.iter().rposition(|&c| c > 0)?;
    Some(first..last + 1)
}

/// The middle half of a histogram's counts: the edges (bin indices, `lo..hi`) of the bins
/// that hold its 25th and 75th percentiles, so that at least half of the counts lie between
/// edge `lo` and edge `hi` (`None` if all are empty). For words beside the picture ("half of the
/// futures between 0.4 and 0.6"), which a screen reader reads as one.
pub fn middle_half(counts: &[u64]) -> Option<(usize, usize)> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return None;
    }
    // The bin in which the running count reaches `share` of the total (a quarter, three).
    let bin_at = |quarters: u64| {
        let mut seen = 0;
        counts.iter().position(|&c| {
            seen += c;
            seen * 4 >= total * quarters
        })
    };
    let lo = bin_at(1)?;
    let hi = bin_at(3)?;
    Some((lo, hi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_half_of_a_histogram() {
        assert_eq!(middle_half(&[0, 0, 0]), None);
        assert_eq!(middle_half(&[0, 5, 0]), Some((1, 2)));
        // 100 counts: the 25th in bin 1, the 75th in bin 3.
        assert_eq!(middle_half(&[10, 20, 30, 30, 10]), Some((1, 4)));
        assert_eq!(middle_half(&[25, 50, 25]), Some((0, 2)));
        // At least half lie between the edges, whatever the counts.
        for counts in [
            vec![1, 0, 0, 0, 9],
            vec![3, 1, 4, 1, 5, 9, 2, 6],
            vec![0, 0, 7, 0, 1],
        ] {
            let (lo, hi) = middle_half(&counts).unwrap();
            let inside: u64 = counts[lo..hi].iter().sum();
            let total: u64 = counts.iter().sum();
            assert!(inside * 2 >= total, "{counts:?}: {lo}..{hi}");
        }
    }

    #[test]
    fn the_tallest_bar_is_never_labelled_zero() {
        for max in [
            0.0006, 0.004, 0.04, 0.3, 0.449, 0.96, 4.4, 9.94, 12.0, 55.0, 100.0,
        ] {
            let d = value_digits(max) as i32;
            let shown = (max * 10f64.powi(d)).round() / 10f64.powi(d);
            assert!(shown > 0.0, "{max} shown with {d} decimals");
            // And no more decimals than needed.
            assert!(d == 0 || max < 10.0, "{max}");
        }
        assert_eq!(value_digits(25.0), 0);
        assert_eq!(value_digits(0.4), 1);
        assert_eq!(value_digits(0.04), 2);
        // Bars all 0 (no alliance ended in any year) read "0", not "0.0000".
        assert_eq!(value_digits(0.0), 0);
    }

    #[test]
    fn no_bar_above_zero_is_labelled_zero() {
        let shared = value_digits(12.3);
        assert_eq!(shared, 0);
        assert_eq!(label_digits(12.3, shared), 0);
        assert_eq!(label_digits(0.6, shared), 0, "rounds to 1");
        assert_eq!(label_digits(0.2, shared), 1);
        assert_eq!(label_digits(0.03, shared), 2);
        assert_eq!(label_digits(0.0, shared), 0, "a true zero stays 0");
        assert_eq!(label_digits(0.04, 1), 2);
    }

    #[test]
    fn steps_hold_then_drop() {
        assert_eq!(
            step_points(&[1.0, 0.8, 0.5]),
            vec![(0.0, 1.0), (1.0, 1.0), (1.0, 0.8), (2.0, 0.8), (2.0, 0.5)]
        );
        assert!(step_points(&[]).is_empty());
        assert_eq!(step_points(&[1.0]), vec![(0.0, 1.0)]);
    }

    #[test]
    fn band_goes_along_high_and_back_along_low() {
        let low = [(0.0, 0.0), (1.0, 0.25)];
        let high = [(0.0, 1.0), (1.0, 0.75)];
        let d = band_path(&low, &high, 100.0, 100.0, (0.0, 1.0), (0.0, 1.0));
        assert_eq!(d, "M0,0L100,25L100,75L0,100Z");
        assert_eq!(band_path(&[], &[], 10.0, 10.0, (0.0, 1.0), (0.0, 1.0)), "");
        let d = band_path(
            &[(0.0, f64::NAN)],
            &[(0.0, 1.0)],
            10.0,
            10.0,
            (0.0, 1.0),
            (0.0, 1.0),
        );
        assert_eq!(d, "M0,0Z");
    }

    #[test]
    fn bars_share_the_width_and_rise_from_the_bottom() {
        let r = bars(&[1.0, 2.0, 0.0, 4.0], 400.0, 100.0, 4.0, 0.2);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[0],
            Rect {
                x: 10.0,
                y: 75.0,
                w: 80.0,
                h: 25.0
            }
        );
        assert_eq!(r[1].x, 110.0);
        assert_eq!(r[1].h, 50.0);
        assert_eq!(r[2].h, 0.0);
        assert_eq!(r[2].y, 100.0);
        assert_eq!(
            r[3],
            Rect {
                x: 310.0,
                y: 0.0,
                w: 80.0,
                h: 100.0
            }
        );
        // Too large, negative, NaN and a zero maximum stay inside the box.
        let r = bars(&[9.0, -1.0, f64::NAN], 30.0, 10.0, 4.0, 0.0);
        assert_eq!((r[0].h, r[1].h, r[2].h), (10.0, 0.0, 0.0));
        assert!(bars(&[1.0], 10.0, 10.0, 0.0, 0.1)[0].h == 0.0);
        assert!(bars(&[], 10.0, 10.0, 1.0, 0.1).is_empty());
    }

    #[test]
    fn horizontal_bars_scale_to_the_largest() {
        let r = hbars(&[5.0, 10.0, 0.0], 200.0, 30.0, 20.0, None);
        assert_eq!(
            r[0],
            Rect {
                x: 0.0,
                y: 5.0,
                w: 100.0,
                h: 20.0
            }
        );
        assert_eq!(r[1].w, 200.0);
        assert_eq!(r[1].y, 35.0);
        assert_eq!(r[2].w, 0.0);
        let r = hbars(&[5.0], 200.0, 30.0, 40.0, Some(20.0));
        assert_eq!(
            r[0],
            Rect {
                x: 0.0,
                y: 0.0,
                w: 50.0,
                h: 30.0
            }
        );
        assert_eq!(hbars(&[0.0, 0.0], 100.0, 10.0, 5.0, None)[1].w, 0.0);
    }

    #[test]
    fn histogram_scales_to_the_tallest_bin() {
        let r = histogram(&[0, 5, 10], 300.0, 50.0);
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].h, 50.0);
        assert_eq!(r[1].h, 25.0);
        assert_eq!(r[0].h, 0.0);
        assert!(r[0].x + r[0].w < r[1].x);
        assert!(histogram(&[0, 0], 10.0, 10.0).iter().all(|b| b.h == 0.0));
    }

    #[test]
    fn occupied_bins() {
        assert_eq!(occupied(&[0, 0, 3, 0, 1, 0]), Some(2..5));
        assert_eq!(occupied(&[0, 0]), None);
        assert_eq!(occupied(&[7]), Some(0..1));
    }
}
