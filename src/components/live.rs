//! Live regions kept quiet while the page changes language.
//!
//! A screen reader reads out every change to a live region (`role="status"`, `role="alert"`,
//! `aria-live`). A language switch rewrites them all at once, so a reader heard a dozen
//! sentences it had heard before, in the other language, in one breath (an accessibility
//! audit). For [`HUSH_MS`] after a switch, every live region says `aria-live="off"` (which a
//! region's role yields to), so that the switch's rewriting is not news; the page then gives
//! each region its own setting back. A second switch starts the time again. News that comes in
//! that moment (a batch ending just after a switch) is not read out: the time is kept short. The time is kept by `State::hush` and the page's timer
//! (src/app.rs); components that do not take the page's state are given it as a `hush` prop
//! (a context would cost 3 KB of the download). Not quieted: a chart's export error
//! (`ExportBar`, in eight places), which stays on screen only after a failed export.

/// How long live regions stay quiet after a language switch, in milliseconds: long enough for
/// the page to draw the new language and the browser to see the change (it reads a region's
/// setting then: a frame or a few on a slow phone), short enough that little news can come in
/// meanwhile (with a second, a batch ending just after a switch went unsaid: an audit).
pub const HUSH_MS: u32 = 250;

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

    /// Every live region in the components' markup says how it is quieted: a `role` of
    /// status or alert, or an `aria-live`, on a line that also calls [`live`] or [`quiet`]
    /// (except the one left out on purpose, a chart's export error).
    #[test]
    fn every_live_region_can_be_hushed() {
        let mut files = vec![];
        let mut dirs = vec![std::path::PathBuf::from("src/components")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("live.rs") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 10, "{files:?}");
        let mut loud = vec![];
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            for (k, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                let region = code.contains("role=\"status\"")
                    || code.contains("role=\"alert\"")
                    || code.contains("aria-live=");
                let hushed = code.contains("live(") || code.contains("quiet(");
                let exempt = code.contains("class=\"export-error\"");
                if region && !hushed && !exempt {
                    loud.push(format!("{}:{}: {code}", f.display(), k + 1));
                }
            }
        }
        assert!(
            loud.is_empty(),
            "live regions a language switch would make speak: {loud:#?}"
        );
    }

    #[test]
    fn quiet_only_while_hushed() {
        assert_eq!(live(false, "polite"), "polite");
        assert_eq!(live(true, "polite"), "off");
        assert_eq!(quiet(false), None);
        assert_eq!(quiet(true), Some("off"));
    }
}
