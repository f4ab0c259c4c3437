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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn whatever_is_decimal_rust_reads_too() {
        // The native path relies on it (and the browser path gives the same bits: wasm tests).
        for text in ["7", "-.5", "5.e3", "00012.50", "1E0", "9007199254740993"] {
            assert!(is_decimal(text), "{text}");
            assert!(text.parse::<f64>().is_ok(), "{text}");
        }
    }
}
