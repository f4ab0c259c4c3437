//! Reading decimal numbers: the one parser for every number the app reads from text (values
//! typed into the editor and the sweep form, the bounds in the core's messages, an SVG's
//! viewBox, the rounding of CSV cells).
//!
//! In the browser the value comes from JavaScript's `parseFloat`, after [`is_decimal`] has
//! checked the whole text. JavaScript and Rust's `str::parse::<f64>` both round a decimal to the
//! nearest double exactly (IEEE 754), so for every text [`is_decimal`] accepts they give the same
//! bits; `tests/wasm_app.rs` compares them in Chromium. Rust's own parser would add its tables
//! and code to the download: 13.2 KB gzipped when this module replaced it. Natively (the tests)
//! it is Rust's parser.
//!
//! Also [`whole_shares`]: percentages of one whole, rounded so that they add up to 100.

/// Whether `s` is a decimal number as a whole, with nothing around it: an optional sign,
/// digits with an optional decimal point (`12`, `0.5`, `5.`, `.5`), and an optional exponent
/// (`1e-3`, `2.5E+4`). No spaces, no `inf` or `NaN`, no hexadecimal, no decimal comma.
pub fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        i += 1;
        if i < b.len() && matches!(b[i], b'+' | b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// The digits of a whole number written with or without groups of thousands, as people type
/// them in either language: `1200`, `1.200` (Indonesian), `1,200` (English), `1 200`, `1_200`:
/// a first group of one to three digits, then groups of exactly three, split by one kind of
/// mark or another. `None` for anything else (`1.5`, `12,34`, `abc`, empty).
pub fn whole_digits(text: &str) -> Option<String> {
    let is_sep = |c: char| matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_');
    let groups: Vec<&str> = text.trim().split(is_sep).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit());
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    (groups.iter().all(|g| digits(g)) && grouped).then(|| groups.concat())
}

/// How a number typed into a field reads ([`read_typed`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Typed {
    /// One number, however it was written (finite: `1e400` is not a number here).
    Number(f64),
    /// A text people write in both ways: `1,200` is 1200 in English and 1.2 in Bahasa
    /// Indonesia, `1.200` the other way round. `mark` is the one mark typed; the page's language
    /// decides ([`read_with`]).
    Ambiguous {
        grouped: f64,
        decimal: f64,
        mark: char,
    },
    NotANumber,
}

/// Reads a decimal number as people type it in either language: a decimal point or a decimal
/// comma (`0.5`, `0,5`), thousands marks (`1,200.5`, `1.200,5`, `1 200`, `1.000.000`), a sign
/// and an exponent (`1e-3`). One mark between a first group of one to three digits (not `0`)
/// and exactly three more digits is either (`1,200`, `12.500`): [`Typed::Ambiguous`], which
/// [`read_with`] reads as the page's language writes numbers. Spaces around it are ignored.
pub fn read_typed(text: &str) -> Typed {
    let t = text.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    let number = |s: &str| match parse_f64(s) {
        Some(v) if v.is_finite() => Some(v),
        _ => None,
    };
    let read = |s: String| number(&s).map_or(Typed::NotANumber, Typed::Number);
    if body.contains(['e', 'E']) {
        // An exponent: no thousands marks, a decimal point or comma.
        return read(format!("{sign}{}", body.replacen(',', ".", 1)));
    }
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    // The decimal mark: the last of the two kinds when both appear (`1,200.5`, `1.200,5`); the
    // one kind when it appears once; none when it repeats (`1.000.000`).
    let decimal_at = match (commas, points) {
        (0, 0) => None,
        (1, 0) | (0, 1) => body.rfind([',', '.']),
        (_, 0) | (0, _) => None,
        _ => body
            .rfind([',', '.'])
            .filter(|&i| body[i + 1..].find([',', '.']).is_none()),
    };
    let (whole, fraction) = match decimal_at {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mark = |c: char| matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_');
    // With both kinds, the thousands mark is the other kind (`1,000.000,5` is nothing).
    if let Some(i) = decimal_at {
        if whole.contains(body.as_bytes()[i] as char) {
            return Typed::NotANumber;
        }
    }
    let digits = if whole.contains(mark) {
        match whole_digits(whole) {
            Some(d) => d,
            None => return Typed::NotANumber,
        }
    } else {
        whole.to_string()
    };
    let Some(fraction) = fraction else {
        return read(format!("{sign}{digits}"));
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (digits.is_empty() && fraction.is_empty()) {
        return Typed::NotANumber;
    }
    let decimal = read(format!("{sign}{digits}.{fraction}"));
    let lone = commas + points == 1 && !whole.contains(mark);
    let grouped =
        lone && fraction.len() == 3 && (1..=3).contains(&whole.len()) && !whole.starts_with('0');
    match (decimal, grouped) {
        (Typed::Number(d), true) => match number(&format!("{sign}{whole}{fraction}")) {
            Some(g) => Typed::Ambiguous {
                grouped: g,
                decimal: d,
                mark: body.as_bytes()[whole.len()] as char,
            },
            None => Typed::NotANumber,
        },
        (reading, _) => reading,
    }
}

/// The number typed in `text` ([`read_typed`]), where the page writes `decimal_mark` (`.` in
/// English, `,` in Bahasa Indonesia) between a number's whole part and its decimals: what
/// reads two ways is read as the page writes it (`1,200` is 1200 on an English page and 1.2 on
/// an Indonesian one), so that the numbers the page shows read back as themselves, and a text
/// means the same number in every field of the page. `None` if it is not a number.
pub fn read_with(text: &str, decimal_mark: char) -> Option<f64> {
    match read_typed(text) {
        Typed::Number(v) => Some(v),
        Typed::Ambiguous {
            grouped,
            decimal,
            mark,
        } => Some(if mark == decimal_mark {
            decimal
        } else {
            grouped
        }),
        Typed::NotANumber => None,
    }
}

/// [`read_with`] for a field of whole numbers (months, counts): there one mark before exactly
/// three digits is a thousands mark in either language (`1.000` and `1,000` are 1000), since a
/// whole number has no decimals for it to begin (read by the page's language, `1.000` on an
/// English page turned a horizon of a thousand months into one, silently). Other texts read
/// as [`read_with`] reads them (`24,0` is 24); the caller refuses a fraction.
pub fn read_whole_with(text: &str, decimal_mark: char) -> Option<f64> {
    match read_typed(text) {
        Typed::Ambiguous { grouped, .. } => Some(grouped),
        _ => read_with(text, decimal_mark),
    }
}

/// The number `s` spells, if [`is_decimal`] accepts it (possibly infinite when it is too
/// large for a double: `1e400`).
pub fn parse_f64(s: &str) -> Option<f64> {
    if !is_decimal(s) {
        return None;
    }
    Some(platform_parse(s))
}

#[cfg(target_arch = "wasm32")]
fn platform_parse(s: &str) -> f64 {
    js_sys::parse_float(s)
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_parse(s: &str) -> f64 {
    s.parse::<f64>()
        .expect("is_decimal accepts only what str::parse reads")
}

/// Shares of one whole (fractions, each from 0 to 1), rounded to percentages with `digits`
/// decimals so that they add up to exactly what their sum rounds to: 100% when they make a
/// whole, where rounding each alone can give 99% or 101% (three thirds as whole percents:
/// 34%, 33%, 33%, not 33% three times). Largest-remainder method: each part gets its share
/// rounded down, then the units still missing go to the parts that lost most to rounding (the
/// earlier part first on a tie). Returned as fractions again (0.34 for 34%), for
/// `narrate::pct` or `num(lang, v * 100.0, digits)`: they print as the rounded percentages.
/// Negative and non-finite parts count as 0.
pub fn whole_shares(parts: &[f64], digits: i32) -> Vec<f64> {
    let scale = 10f64.powi(digits + 2);
    let exact: Vec<f64> = parts
        .iter()
        .map(|p| {
            if p.is_finite() {
                p.max(0.0) * scale
            } else {
                0.0
            }
        })
        .collect();
    let mut units: Vec<f64> = exact.iter().map(|x| x.floor()).collect();
    let mut missing = exact.iter().sum::<f64>().round() - units.iter().sum::<f64>();
    while missing > 0.5 {
        // The part that lost most and is not rounded up yet (the earlier on a tie).
        let lost = |i: &usize| exact[*i] - units[*i];
        let Some(i) = (0..parts.len()).filter(|i| lost(i) > 0.0).reduce(|a, b| {
            if lost(&b) > lost(&a) {
                b
            } else {
                a
            }
        }) else {
            break;
        };
        units[i] += 1.0;
        missing -= 1.0;
    }
    units.iter().map(|u| u / scale).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The percentages `whole_shares` gives, as printed.
    fn printed(parts: &[f64], digits: i32) -> Vec<String> {
        whole_shares(parts, digits)
            .iter()
            .map(|v| format!("{:.*}", digits as usize, v * 100.0))
            .collect()
    }

    #[test]
    fn shares_of_a_whole_add_up_to_100_percent() {
        let third = 1.0 / 3.0;
        // Rounded alone: 33 + 33 + 33 = 99, and 16.7 + 16.7 + 66.7 = 100.1.
        assert_eq!(printed(&[third; 3], 0), ["34", "33", "33"]);
        assert_eq!(printed(&[third; 3], 1), ["33.4", "33.3", "33.3"]);
        // Rounded alone, 37.5% + 37.5% + 25% is 38 + 38 + 25 = 101.
        assert_eq!(printed(&[0.375, 0.375, 0.25], 0), ["38", "37", "25"]);
        // Exact shares stay as they are; what is not a whole keeps its rounded sum.
        assert_eq!(printed(&[0.25, 0.5, 0.25], 0), ["25", "50", "25"]);
        assert_eq!(
            printed(&[0.2, 0.3, 0.0, 0.5], 1),
            ["20.0", "30.0", "0.0", "50.0"]
        );
        assert_eq!(printed(&[third, third], 0), ["34", "33"]);
        assert_eq!(printed(&[0.0, 0.0], 0), ["0", "0"]);
        assert_eq!(printed(&[-0.2, f64::NAN, 1.0], 0), ["0", "0", "100"]);
        assert!(whole_shares(&[], 1).is_empty());
        // Shares computed as p / total (not exactly a whole in floating point).
        for n in 2..40u32 {
            for digits in [0, 1] {
                let w: Vec<f64> = (1..=n).map(|i| f64::from(i * i % 7 + 1)).collect();
                let total: f64 = w.iter().sum();
                let parts: Vec<f64> = w.iter().map(|x| x / total).collect();
                let sum: f64 = printed(&parts, digits)
                    .iter()
                    .map(|s| s.parse::<f64>().unwrap())
                    .sum();
                assert!(
                    (sum - 100.0).abs() < 1e-9,
                    "{n} parts, {digits} decimals: {sum}"
                );
                for (v, p) in whole_shares(&parts, digits).iter().zip(&parts) {
                    assert!((v - p).abs() * 10f64.powi(digits + 2) < 1.0, "{v} for {p}");
                }
            }
        }
    }

    #[test]
    fn whole_numbers_are_read_with_their_thousands_marks() {
        for (text, digits) in [
            ("1200", "1200"),
            (" 1.200 ", "1200"),
            ("1,200", "1200"),
            ("1 200", "1200"),
            ("100.000", "100000"),
            ("1.000.000", "1000000"),
            ("0", "0"),
        ] {
            assert_eq!(whole_digits(text).as_deref(), Some(digits), "{text}");
        }
        for text in [
            "", "1.5", "12,34", "1.2000", "1234.567", "abc", "1..200", "-3", "1e3",
        ] {
            assert_eq!(whole_digits(text), None, "{text}");
        }
    }

    #[test]
    fn decimals_are_read_and_everything_else_refused() {
        for (text, v) in [
            ("0", 0.0),
            ("12", 12.0),
            ("-0.5", -0.5),
            ("+3", 3.0),
            ("5.", 5.0),
            (".25", 0.25),
            ("1e-3", 0.001),
            ("2.5E+4", 25_000.0),
            ("0.1", 0.1),
            ("1e400", f64::INFINITY),
            ("-1e-400", -0.0),
        ] {
            assert_eq!(parse_f64(text), Some(v), "{text}");
        }
        for text in [
            "", " 1", "1 ", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "inf", "NaN",
            "infinity", "0x10", "1_000", "١٢", "--1", "1e5.5",
        ] {
            assert_eq!(parse_f64(text), None, "{text:?}");
        }
    }

    #[test]
    fn typed_numbers_read_the_same_in_either_language_or_are_refused_as_ambiguous() {
        use Typed::*;
        for (text, v) in [
            ("0.5", 0.5),
            (" 0,5 ", 0.5),
            ("-0,25", -0.25),
            ("+3", 3.0),
            (".5", 0.5),
            (",5", 0.5),
            ("5.", 5.0),
            ("12", 12.0),
            ("0.125", 0.125),
            ("0,125", 0.125),
            ("1.5", 1.5),
            ("1,25", 1.25),
            ("1.2000", 1.2),
            ("1234.567", 1234.567),
            ("1234,567", 1234.567),
            ("1,200.5", 1200.5),
            ("1.200,5", 1200.5),
            ("1,234,567.25", 1_234_567.25),
            ("1.234.567,25", 1_234_567.25),
            ("1.000.000", 1_000_000.0),
            ("1,000,000", 1_000_000.0),
            ("1 200", 1200.0),
            ("1 200,5", 1200.5),
            ("1_000", 1000.0),
            ("-1.000.000", -1_000_000.0),
            ("1e-3", 0.001),
            ("2,5e3", 2500.0),
            ("2.5E+4", 25_000.0),
        ] {
            assert_eq!(read_typed(text), Number(v), "{text:?}");
        }
        for (text, grouped, decimal, mark) in [
            ("1,200", 1200.0, 1.2, ','),
            ("1.200", 1200.0, 1.2, '.'),
            ("12,500", 12_500.0, 12.5, ','),
            ("999.999", 999_999.0, 999.999, '.'),
            ("-1,500", -1500.0, -1.5, ','),
        ] {
            let reading = Ambiguous {
                grouped,
                decimal,
                mark,
            };
            assert_eq!(read_typed(text), reading, "{text:?}");
        }
        // The page's language decides what reads two ways, and only that.
        assert_eq!(read_with("1,200", '.'), Some(1200.0));
        assert_eq!(read_with("1,200", ','), Some(1.2));
        assert_eq!(read_with("1.200", '.'), Some(1.2));
        assert_eq!(read_with("1.200", ','), Some(1200.0));
        assert_eq!(read_with("30.125", '.'), Some(30.125));
        assert_eq!(read_with("30,125", ','), Some(30.125));
        for mark in ['.', ','] {
            assert_eq!(read_with("1,5", mark), Some(1.5));
            assert_eq!(read_with("1.5", mark), Some(1.5));
            assert_eq!(read_with("1.200,5", mark), Some(1200.5));
            assert_eq!(read_with("0,125", mark), Some(0.125));
            assert_eq!(read_with("abc", mark), None);
        }
        for text in [
            "",
            " ",
            "abc",
            "1.2.3,4,5",
            "1,2,3",
            "12,34,567",
            "1.200.5",
            "1,2.5",
            "1,200,5",
            "1..2",
            "1e",
            "1e400",
            "NaN",
            "inf",
            "0x10",
            "1 2",
            "--1",
            "1.5%",
            ".",
            ",",
            "-",
        ] {
            assert_eq!(read_typed(text), NotANumber, "{text:?}");
        }
        for text in ["1,000.000,5", "1.000,000.5"] {
            assert_eq!(read_typed(text), NotANumber, "{text:?}");
        }
    }

    #[test]
    fn whatever_is_decimal_rust_reads_too() {
        // The native path relies on it (and the browser path gives the same bits: wasm tests).
        for text in ["7", "-.5", "5.e3", "00012.50", "1E0", "9007199254740993"] {
            assert!(is_decimal(text), "{text}");
            assert!(text.parse::<f64>().is_ok(), "{text}");
        }
    }
}
