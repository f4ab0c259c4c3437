//! The "About the model" page's data: the findings and edge cases of `docs/VALIDATION.md`
//! (which `aliansi validate --markdown` generates), so the page always shows the committed
//! results. `build.rs` reads the report at build time (with [`crate::validation_report`]) and
//! writes only the rows and the numbers the page shows ([`CHECKS`], [`RUNS_AND_SEED`]); the
//! whole report (about 20 KB) is not part of the download. [`cell`] writes a measured or
//! expected cell in the page's language.

/// One row of the findings or edge-case table, as the page shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// `F1` ... `F12b`, `E1` ... `E8`.
    pub id: &'static str,
    /// The finding in English, as generated (shown when it has no translation).
    pub finding: &'static str,
    pub measured: &'static str,
    pub expected: &'static str,
    pub pass: bool,
}

// `CHECKS: &[Row]` (the report's rows, in order) and `RUNS_AND_SEED: (u64, u64)` (how the
// report was made), written by build.rs.
include!(concat!(env!("OUT_DIR"), "/about_rows.rs"));

/// A measured or expected cell of the report ("+0.527 [+0.511, +0.542]", "in [0.3, 0.7]",
/// "ratio 2.22 [1.99, 2.47]", "within ±0.1") in the page's language: for Bahasa Indonesia, its
/// words translated, a decimal comma, and `;` between an interval's ends.
pub fn cell(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let words = [
        ("loss/gain", "rugi/untung"),
        ("ratio", "rasio"),
        ("within", "dalam rentang"),
        ("in [", "dalam ["),
    ];
    let mut out = text.replace(", ", "; ");
    for (en, id) in words {
        out = out.replace(en, id);
    }
    crate::narrate::local_digits(lang, &out)
}

use crate::i18n::Lang;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation_report::{checks, provenance, runs_and_seed};

    /// The generated validation report.
    const VALIDATION_MD: &str = include_str!("../docs/VALIDATION.md");

    #[test]
    fn parses_rows_with_escaped_pipes() {
        let md = "| id | a | b | c | d | e | f | g |\n|---|\n| F1 | Many \\| fail | s | m | +0.5 [+0.4, +0.6] | in [0.3, 0.7] | src | pass |\n| E2 | x | y | m | +0.000 | in [0, 0.1] | FAIL |\n";
        let c = checks(md);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].id, "F1");
        assert_eq!(c[0].finding, "Many | fail");
        assert_eq!(c[0].measured, "+0.5 [+0.4, +0.6]");
        assert!(c[0].pass);
        assert_eq!(c[1].expected, "in [0, 0.1]");
        assert!(!c[1].pass);
    }

    #[test]
    fn the_committed_report_has_every_finding_and_edge_case() {
        let c = checks(VALIDATION_MD);
        for id in [
            "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "E1", "E2",
            "E3", "E4", "E5", "E6", "E7", "E8",
        ] {
            assert!(
                c.iter().any(|x| x.id == id),
                "{id} missing from docs/VALIDATION.md"
            );
        }
        assert!(provenance(VALIDATION_MD).is_some());
    }

    #[test]
    fn the_build_carries_the_rows_and_the_line_of_the_committed_report() {
        let parsed = checks(VALIDATION_MD);
        assert_eq!(CHECKS.len(), parsed.len());
        for (row, c) in CHECKS.iter().zip(&parsed) {
            assert_eq!(
                (row.id, row.finding, row.measured, row.expected, row.pass),
                (
                    c.id.as_str(),
                    c.finding.as_str(),
                    c.measured.as_str(),
                    c.expected.as_str(),
                    c.pass
                )
            );
        }
        assert_eq!(Some(RUNS_AND_SEED), runs_and_seed(VALIDATION_MD));
        assert!(RUNS_AND_SEED.0 >= 1000, "{RUNS_AND_SEED:?}");
    }

    #[test]
    fn cells_read_in_either_language() {
        let id = |s| cell(Lang::Id, s);
        assert_eq!(cell(Lang::En, "in [0.3, 0.7]"), "in [0.3, 0.7]");
        assert_eq!(id("+0.527 [+0.511, +0.542]"), "+0,527 [+0,511; +0,542]");
        assert_eq!(id("in [0.3, 0.7]"), "dalam [0,3; 0,7]");
        assert_eq!(id("ratio 2.22 [1.99, 2.47]"), "rasio 2,22 [1,99; 2,47]");
        assert_eq!(
            id("+0.095 [+0.094, +0.096]; loss/gain 2.2"),
            "+0,095 [+0,094; +0,096]; rugi/untung 2,2"
        );
        assert_eq!(id("within ±0.1"), "dalam rentang ±0,1");
        assert_eq!(id("> 0"), "> 0");
        // Every cell of the committed report: no English word, no decimal point left.
        for r in CHECKS {
            for text in [id(r.measured), id(r.expected)] {
                for word in text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                {
                    assert!(
                        ["dalam", "rentang", "rasio", "rugi", "untung"].contains(&word),
                        "{word} in {text}"
                    );
                }
                assert!(!text.contains('.'), "{text}");
            }
        }
    }
}
