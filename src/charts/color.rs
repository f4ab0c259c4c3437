//! Colour scales that stay readable for colour-blind viewers (orange to blue, never red
//! against green), and a categorical palette for partner lines (Okabe-Ito).

/// Orange (low) through a light neutral (middle) to blue (high).
const LOW: (u8, u8, u8) = (0xc2, 0x4e, 0x00);
const MID: (u8, u8, u8) = (0xe8, 0xdf, 0xd0);
const HIGH: (u8, u8, u8) = (0x1f, 0x5f, 0xa8);

fn mix(a: (u8, u8, u8), b: (u8, u8, u8), f: f64) -> (u8, u8, u8) {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    (m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The middle of the scale for lines ([`edge_colour`]): a grey dark enough to stand out on
/// white (the light neutral of the areas nearly vanishes as a line on a projector).
const MID_LINE: (u8, u8, u8) = (0x85, 0x7f, 0x75);

/// The colour of `v` in [0, 1] (clamped; NaN is 0) from `LOW` through `mid` to `HIGH`.
fn scale(v: f64, mid: (u8, u8, u8)) -> (u8, u8, u8) {
    let v = if v.is_finite() {
        v.clamp(0.0, 1.0)
    } else {
        0.0
    };
    if v < 0.5 {
        mix(LOW, mid, v * 2.0)
    } else {
        mix(mid, HIGH, (v - 0.5) * 2.0)
    }
}

fn hex(c: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// `#rrggbb` for a value in [0, 1] on the orange-neutral-blue scale (clamped; NaN is 0).
pub fn diverging(v: f64) -> String {
    hex(scale(v, MID))
}

/// The same scale for a line on a white page (the network's trust lines): orange through a
/// mid grey to blue, every colour at least 3:1 against white (WCAG's contrast for graphics).
pub fn edge_colour(v: f64) -> String {
    hex(scale(v, MID_LINE))
}

/// WCAG's relative luminance of a colour.
fn luminance(c: (u8, u8, u8)) -> f64 {
    let lin = |x: u8| {
        let v = f64::from(x) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// Whether text on [`diverging`]`(v)` should be white rather than black: whichever contrasts
/// more with the colour, which is always at least 4.5:1 (WCAG AA for text) for one of the two.
/// (A fixed band of the scale for white, and the page's ink, not black, for the rest, left
/// values on the middle of the orange and of the blue at under 3:1 either way.)
pub fn light_text_on(v: f64) -> bool {
    let l = luminance(scale(v, MID));
    // Against white, 1.05 / (l + 0.05); against black, (l + 0.05) / 0.05.
    1.05 / (l + 0.05) >= (l + 0.05) / 0.05
}

/// Okabe-Ito colours (without yellow, too pale on white) plus two darker extras.
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000", "#7a5195",
];

/// The colour of series `i` (cycles after eight).
pub fn palette(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A dash pattern for series `i`, so lines differ by more than colour (`None`: solid).
pub fn dash(i: usize) -> Option<&'static str> {
    match i % 4 {
        0 => None,
        1 => Some("10 5"),
        2 => Some("3 4"),
        _ => Some("12 4 3 4"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_and_middle() {
        assert_eq!(diverging(0.0), "#c24e00");
        assert_eq!(diverging(0.5), "#e8dfd0");
        assert_eq!(diverging(1.0), "#1f5fa8");
        assert_eq!(diverging(-3.0), diverging(0.0));
        assert_eq!(diverging(f64::NAN), diverging(0.0));
        assert_eq!(diverging(7.0), diverging(1.0));
    }

    #[test]
    fn well_formed_hex() {
        for k in 0..=20 {
            let c = diverging(f64::from(k) / 20.0);
            assert_eq!(c.len(), 7);
            assert!(c.starts_with('#'));
            assert!(c[1..].chars().all(|ch| ch.is_ascii_hexdigit()));
        }
    }

    /// The colour of `#rrggbb`.
    fn rgb(c: &str) -> (u8, u8, u8) {
        let at = |k: usize| u8::from_str_radix(&c[k..k + 2], 16).unwrap();
        (at(1), at(3), at(5))
    }

    /// WCAG's contrast ratio of `#rrggbb` against white.
    fn contrast_on_white(c: &str) -> f64 {
        1.05 / (luminance(rgb(c)) + 0.05)
    }

    #[test]
    fn lines_stand_out_on_white() {
        for k in 0..=100 {
            let c = edge_colour(f64::from(k) / 100.0);
            let r = contrast_on_white(&c);
            assert!(r >= 3.0, "{c} at {k}%: {r:.2}:1");
        }
        // The areas' middle would not do as a line (why lines have their own).
        assert!(contrast_on_white(&diverging(0.5)) < 1.5);
        assert_eq!(edge_colour(0.0), diverging(0.0));
        assert_eq!(edge_colour(1.0), diverging(1.0));
    }

    #[test]
    fn text_on_the_scale_contrasts_at_least_4_5_to_1() {
        assert!(light_text_on(0.0) && light_text_on(1.0));
        assert!(!light_text_on(0.5));
        assert_eq!(luminance((255, 255, 255)), 1.0);
        assert_eq!(luminance((0, 0, 0)), 0.0);
        for k in 0..=1000 {
            let v = f64::from(k) / 1000.0;
            let l = luminance(rgb(&diverging(v)));
            let ratio = if light_text_on(v) {
                1.05 / (l + 0.05)
            } else {
                (l + 0.05) / 0.05
            };
            // (An audit measured white on the orange at 0.2 at 2.85:1, on the blue at 0.85 at
            // 3.85:1.)
            assert!(ratio >= 4.5, "{v}: {ratio:.2}:1");
        }
    }

    #[test]
    fn palette_cycles_and_dashes_differ() {
        assert_eq!(palette(0), palette(8));
        assert_ne!(palette(0), palette(1));
        assert_eq!(dash(0), None);
        assert_ne!(dash(1), dash(2));
    }
}
