//! The "About the model" page's data: the findings and edge cases of `docs/VALIDATION.md`
//! (which `aliansi validate --markdown` generates), so the page always shows the committed
//! results. `build.rs` reads the report at build time (with [`crate::validation_report`]) and
//! writes only the rows and the line the page shows ([`CHECKS`], [`PROVENANCE`]); the whole
//! report (about 20 KB) is not part of the download.

/// One row of the findings or edge-case table, as the page shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// `F1` ... `F12b`, `E1` ... `E4`.
    pub id: &'static str,
    /// The finding in English, as generated (shown when it has no translation).
    pub finding: &'static str,
    pub measured: &'static str,
    pub expected: &'static str,
    pub pass: bool,
}

// `CHECKS: &[Row]` (the report's rows, in order) and `PROVENANCE: &str` (the line that says how
// the report was made), written by build.rs.
include!(concat!(env!("OUT_DIR"), "/about_rows.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation_report::{checks, provenance};

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
            "E3", "E4",
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
        assert_eq!(Some(PROVENANCE), provenance(VALIDATION_MD));
    }
}
