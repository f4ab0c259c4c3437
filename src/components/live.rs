//! Live regions kept quiet while the page changes language.
//!
//! A screen reader reads out every change to a live region (`role="status"`, `role="alert"`,
//! `aria-live`). A language switch rewrites them all at once, so a reader heard a dozen
//! sentences it had heard before, in the other language, in one breath (an accessibility
//! audit). For [`HUSH_MS`] after a switch, every live region says `aria-live="off"` (which a
//! region's role yields to), so that the switch's rewriting is not news; the page then gives
//! each region its own setting back. The time is kept by `State::hush` and the page's timer
//! (src/app.rs); components that do not take the page's state are given it as a `hush` prop
//! (a context would cost 3 KB of the download). Not quieted: a chart's export error
//! (`ExportBar`, in eight places), which stays on screen only after a failed export.

/// How long live regions stay quiet after a language switch, in milliseconds: long enough for
/// the page to draw the new language (the browser reads a region's setting when it sees the
/// change), short enough that news that follows the switch is still read out.
pub const HUSH_MS: u32 = 1_000;

/// The `aria-live` of a live region: `normal`, or `"off"` while quiet.
pub fn live(hush: bool, normal: &'static str) -> &'static str {
    if hush {
        "off"
    } else {
        normal
    }
}

/// The `aria-live` of a region whose role makes it live: none of its own (the role's), or
/// `"off"` while quiet.
pub fn quiet(hush: bool) -> Option<&'static str> {
    hush.then_some("off")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_only_while_hushed() {
        assert_eq!(live(false, "polite"), "polite");
        assert_eq!(live(true, "polite"), "off");
        assert_eq!(quiet(false), None);
        assert_eq!(quiet(true), Some("off"));
    }
}
